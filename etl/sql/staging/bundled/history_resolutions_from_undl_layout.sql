-- Grain: one row per recorded plenary vote of the bundled history: date, session, title and the
-- dataset's own yes / no / abstain counts (counted by the dataset's producer, not announced totals).
SELECT trim(resolution) AS resolution_symbol,
       CAST(min(left(trim(date), 10)) AS DATE) AS vote_date,
       CAST(any_value(trim(session)) AS INTEGER) AS session_number,
       any_value(nullif(trim(title), '')) AS title,
       CAST(any_value(total_yes) AS INTEGER) AS dataset_yes_count,
       CAST(any_value(total_no) AS INTEGER) AS dataset_no_count,
       CAST(any_value(total_abstentions) AS INTEGER) AS dataset_abstain_count,
       count(*) AS state_row_count,
       $source AS source,
       'single-source' AS confidence
FROM read_csv($path, all_varchar = true, header = true)
GROUP BY trim(resolution)
ORDER BY vote_date, resolution_symbol
