-- Grain: one row: rows and resolutions of a normalised resolutions file just written ($p).
SELECT count(*) AS row_count, count(DISTINCT resolution_symbol) AS resolution_count FROM read_parquet($p)
