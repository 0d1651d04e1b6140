-- Staging: the kept imports (temp tables imported_<kind>, read from imports/ by the Python part of this
-- step) into the staging.undl_* tables.
-- Grain: one row per imported file. The UN file is cumulative, so the newest release (latest vote or
-- adoption date, then the latest import) ranks first and wins every key it holds.
CREATE TEMP TABLE import_releases AS
SELECT import_file, kind, latest_date, imported_at,
       row_number() OVER (ORDER BY latest_date DESC, imported_at DESC NULLS LAST, import_file DESC) AS release_rank
FROM (
    SELECT import_file, 'votes' AS kind, max(vote_date) AS latest_date, max(imported_at) AS imported_at
    FROM imported_vote_records GROUP BY import_file
    UNION ALL
    SELECT import_file, 'resolutions', max(adopted_date), max(imported_at) FROM imported_resolutions GROUP BY import_file
);
INSERT INTO staging.undl_votes BY NAME
SELECT v.resolution_symbol, v.iso3, v.vote, v.vote_date, v.import_file
FROM imported_votes v JOIN import_releases r USING (import_file)
QUALIFY row_number() OVER (PARTITION BY v.resolution_symbol, v.iso3 ORDER BY r.release_rank) = 1;
INSERT INTO staging.undl_vote_records BY NAME
SELECT v.* EXCLUDE (release_rank)
FROM (SELECT v.*, r.release_rank FROM imported_vote_records v JOIN import_releases r USING (import_file)) v
QUALIFY row_number() OVER (PARTITION BY v.resolution_symbol ORDER BY v.release_rank) = 1;
INSERT INTO staging.undl_resolutions BY NAME
SELECT v.* EXCLUDE (release_rank)
FROM (SELECT v.*, r.release_rank FROM imported_resolutions v JOIN import_releases r USING (import_file)) v
QUALIFY row_number() OVER (PARTITION BY v.resolution_symbol ORDER BY v.release_rank) = 1;
