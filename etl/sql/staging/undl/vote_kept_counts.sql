-- Grain: one row: per-state vote rows and resolutions of a normalised vote-records file just written ($p).
SELECT sum(state_row_count) AS row_count, count(*) AS resolution_count FROM read_parquet($p)
