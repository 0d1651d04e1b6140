-- The UN Digital Library files kept in imports/, as staged (newest release per key), and their votes that differ
-- from curated ones. Empty until python -m etl import-undl FILE.
CREATE VIEW undl_votes AS SELECT * FROM staging.undl_votes;
CREATE VIEW undl_vote_records AS SELECT * FROM staging.undl_vote_records;
CREATE VIEW undl_resolutions AS SELECT * FROM staging.undl_resolutions;

CREATE VIEW undl_disagreements AS
SELECT resolution_symbol, iso3, kept_vote AS curated_vote, other_vote AS imported_vote, other_file AS import_file
FROM vote_disagreements WHERE kept_origin = 'curated' AND other_origin = 'undl';
