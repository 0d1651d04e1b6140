-- Grain: one row per kept UN Digital Library voting file (read from its per-resolution Parquet).
SELECT import_file AS file_name, 'votes' AS kind, sum(state_row_count) AS row_count,
       count(*) AS resolution_count, min(vote_date) AS first_date, max(vote_date) AS last_date,
       max(imported_at) AS imported_at
FROM read_parquet($files, union_by_name = true)
GROUP BY import_file
