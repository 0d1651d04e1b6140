-- Imported UN Digital Library files (filled from imports/*.parquet by the build when present). A later
-- release repeats every earlier vote: one row per key, the newest release winning (see undl_load_*.sql).
CREATE TABLE core.undl_votes (
    resolution_symbol VARCHAR NOT NULL,
    iso3 VARCHAR NOT NULL,
    vote VARCHAR NOT NULL CHECK (vote IN ('Y', 'N', 'A', 'X')),
    vote_date DATE NOT NULL,
    import_file VARCHAR NOT NULL,
    PRIMARY KEY (resolution_symbol, iso3)
);
CREATE TABLE core.undl_vote_records (
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
CREATE TABLE core.undl_resolutions (
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
