-- Grain: one row: how much UN Digital Library data is loaded, the years it covers, and the last file added.
WITH files AS (
    SELECT import_file, max(imported_at) AS imported_at FROM undl_vote_records GROUP BY import_file
    UNION ALL
    SELECT import_file, max(imported_at) FROM undl_resolutions GROUP BY import_file
)
SELECT (SELECT count(*) FROM undl_votes) AS imported_vote_count,
       (SELECT min(year(vote_date)) FROM undl_votes) AS first_year,
       (SELECT max(year(vote_date)) FROM undl_votes) AS last_year,
       (SELECT count(DISTINCT import_file) FROM files) AS imported_file_count,
       (SELECT arg_max(import_file, imported_at) FROM files) AS last_import_file,
       (SELECT max(imported_at) FROM files) AS last_imported_at
