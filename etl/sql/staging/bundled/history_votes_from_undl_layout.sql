-- Grain: one row per state x recorded plenary vote of the bundled history, from a file in the UN Digital
-- Library voting layout (the layout the history is distributed in). Only states that voted have a row.
SELECT trim(resolution) AS resolution_symbol,
       upper(trim(ms_code)) AS iso3,
       trim(ms_name) AS dataset_state_name,
       upper(trim(ms_vote)) AS vote,
       $source AS source,
       'single-source' AS confidence
FROM read_csv($path, all_varchar = true, header = true)
ORDER BY resolution_symbol, iso3
