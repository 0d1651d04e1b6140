-- Staging: tables for the UN Digital Library files kept in imports/ (python -m etl import-undl writes them
-- with the SQL in undl/). A later release repeats every earlier vote: one row per key, the newest release
-- winning (04_undl_releases.sql). Empty until a file is imported.
CREATE TABLE staging.undl_votes (
    resolution_symbol VARCHAR NOT NULL,
    iso3 VARCHAR NOT NULL,
    vote VARCHAR NOT NULL CHECK (vote IN ('Y', 'N', 'A', 'X')),
    vote_date DATE NOT NULL,
    import_file VARCHAR NOT NULL,
    PRIMARY KEY (resolution_symbol, iso3)
);
CREATE TABLE staging.undl_vote_records (
    resolution_symbol VARCHAR PRIMARY KEY,
    vote_date DATE NOT NULL,
    session VARCHAR,
    title VARCHAR,
    agenda_title VARCHAR,
    subjects VARCHAR,
    draft_symbol VARCHAR,
    meeting_record VARCHAR,
    announced_yes_count INTEGER,
    announced_no_count INTEGER,
    announced_abstain_count INTEGER,
    state_row_count BIGINT,
    undl_link VARCHAR,
    import_file VARCHAR NOT NULL,
    imported_at TIMESTAMP
);
CREATE TABLE staging.undl_resolutions (
    resolution_symbol VARCHAR PRIMARY KEY,
    adopted_date DATE NOT NULL,
    session VARCHAR,
    title VARCHAR,
    agenda_title VARCHAR,
    subjects VARCHAR,
    draft_symbol VARCHAR,
    meeting_record VARCHAR,
    vote_note VARCHAR,
    announced_yes_count INTEGER,
    announced_no_count INTEGER,
    announced_abstain_count INTEGER,
    adoption_mode VARCHAR,
    undl_link VARCHAR,
    import_file VARCHAR NOT NULL,
    imported_at TIMESTAMP
);
COMMENT ON TABLE staging.undl_votes IS 'UN Digital Library voting files kept in imports/ (record 4060887): one row per resolution x state, the newest release winning.';
COMMENT ON TABLE staging.undl_vote_records IS 'UN Digital Library voting files kept in imports/: one row per resolution, with its title, documents and announced totals.';
COMMENT ON TABLE staging.undl_resolutions IS 'UN Digital Library resolutions files kept in imports/ (record 4060945): one row per adopted resolution.';
