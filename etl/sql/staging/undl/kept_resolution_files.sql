-- Grain: one row per kept UN Digital Library resolutions file (record 4060945).
SELECT import_file AS file_name, 'resolutions' AS kind, count(*) AS row_count,
       count(*) AS resolution_count, min(adopted_date) AS first_date, max(adopted_date) AS last_date,
       max(imported_at) AS imported_at
FROM read_parquet($files, union_by_name = true)
GROUP BY import_file
