-- Views over imported data as loaded (newest release per key).
CREATE VIEW undl_votes AS SELECT * FROM core.undl_votes;
CREATE VIEW undl_vote_records AS SELECT * FROM core.undl_vote_records;
CREATE VIEW undl_resolutions AS SELECT * FROM core.undl_resolutions;
