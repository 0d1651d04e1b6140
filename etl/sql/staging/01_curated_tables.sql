-- Staging: the curated CSVs (data/*.csv) as typed tables, each row with the file and line it comes from
-- (the Python step after this one inserts the rows etl check has validated). Keys and checks repeat that validation
-- as a second line of defence for anyone who writes to the warehouse directly.
CREATE SCHEMA staging;

CREATE TABLE staging.curated_states (
    iso3 VARCHAR PRIMARY KEY CHECK (regexp_full_match(iso3, '[A-Z]{3}')),
    name VARCHAR NOT NULL,
    iso_name VARCHAR,  -- not in the CSV: the ISO 3166 name of iso3 (pycountry), added on load
    status VARCHAR NOT NULL CHECK (status IN ('member', 'observer')),
    un_regional_group VARCHAR,
    un_member_since DATE,
    source VARCHAR NOT NULL,
    confidence VARCHAR NOT NULL CHECK (confidence IN ('confirmed', 'single-source', 'inferred')),
    notes VARCHAR,
    source_file VARCHAR NOT NULL,
    source_line BIGINT NOT NULL
);

CREATE TABLE staging.curated_resolutions (
    symbol VARCHAR PRIMARY KEY,
    kind VARCHAR NOT NULL,
    title VARCHAR,
    track VARCHAR NOT NULL CHECK (track IN ('criminal_ict', 'international_security')),
    body VARCHAR NOT NULL,
    session_number INTEGER,
    main_committee VARCHAR,
    agenda_item INTEGER,
    adopted_date DATE,
    draft_symbol VARCHAR,
    adoption_mode VARCHAR CHECK (adoption_mode IN ('recorded_vote', 'without_vote')),
    plenary_yes_count INTEGER CHECK (plenary_yes_count >= 0),
    plenary_no_count INTEGER CHECK (plenary_no_count >= 0),
    plenary_abstain_count INTEGER CHECK (plenary_abstain_count >= 0),
    committee_date DATE,
    committee_adoption_mode VARCHAR CHECK (committee_adoption_mode IN ('recorded_vote', 'without_vote')),
    committee_yes_count INTEGER CHECK (committee_yes_count >= 0),
    committee_no_count INTEGER CHECK (committee_no_count >= 0),
    committee_abstain_count INTEGER CHECK (committee_abstain_count >= 0),
    meeting_record VARCHAR,
    main_sponsor_iso3 VARCHAR REFERENCES staging.curated_states (iso3),
    tally_discrepancy_note VARCHAR,
    source VARCHAR NOT NULL,
    confidence VARCHAR NOT NULL CHECK (confidence IN ('confirmed', 'single-source', 'inferred')),
    notes VARCHAR,
    source_file VARCHAR NOT NULL,
    source_line BIGINT NOT NULL
);

CREATE TABLE staging.curated_votes (
    resolution_symbol VARCHAR NOT NULL REFERENCES staging.curated_resolutions (symbol),
    stage VARCHAR NOT NULL CHECK (stage IN ('plenary', 'committee')),
    vote_date DATE NOT NULL,
    iso3 VARCHAR NOT NULL REFERENCES staging.curated_states (iso3),
    vote VARCHAR NOT NULL CHECK (vote IN ('Y', 'N', 'A', 'X')),
    source VARCHAR NOT NULL,
    confidence VARCHAR NOT NULL CHECK (confidence IN ('confirmed', 'single-source', 'inferred')),
    notes VARCHAR,
    source_file VARCHAR NOT NULL,
    source_line BIGINT NOT NULL,
    PRIMARY KEY (resolution_symbol, stage, iso3)
);

CREATE TABLE staging.curated_sponsorships (
    draft_symbol VARCHAR NOT NULL,
    resolution_symbol VARCHAR NOT NULL REFERENCES staging.curated_resolutions (symbol),
    iso3 VARCHAR NOT NULL REFERENCES staging.curated_states (iso3),
    role VARCHAR NOT NULL CHECK (role IN ('original', 'additional')),
    joined_date DATE,
    joined_in VARCHAR,
    source VARCHAR NOT NULL,
    confidence VARCHAR NOT NULL CHECK (confidence IN ('confirmed', 'single-source', 'inferred')),
    notes VARCHAR,
    source_file VARCHAR NOT NULL,
    source_line BIGINT NOT NULL,
    PRIMARY KEY (draft_symbol, iso3)
);

CREATE TABLE staging.curated_meetings (
    body VARCHAR NOT NULL,
    body_short VARCHAR NOT NULL,
    track VARCHAR NOT NULL CHECK (track IN ('criminal_ict', 'international_security')),
    meeting VARCHAR NOT NULL,
    status VARCHAR NOT NULL CHECK (status IN ('held', 'postponed', 'scheduled')),
    start_date DATE,
    end_date DATE CHECK (end_date >= start_date),
    date_precision VARCHAR CHECK (date_precision IN ('day', 'month', 'year')),
    city VARCHAR,
    format VARCHAR,
    outcome_symbol VARCHAR,
    chair VARCHAR,
    source VARCHAR NOT NULL,
    confidence VARCHAR NOT NULL CHECK (confidence IN ('confirmed', 'single-source', 'inferred')),
    notes VARCHAR,
    source_file VARCHAR NOT NULL,
    source_line BIGINT NOT NULL,
    PRIMARY KEY (body_short, meeting)
);

CREATE TABLE staging.curated_blocs (
    bloc VARCHAR PRIMARY KEY,
    bloc_kind VARCHAR NOT NULL CHECK (bloc_kind IN ('un_regional_group', 'organization')),
    full_name VARCHAR NOT NULL,
    founding_date DATE,
    source VARCHAR NOT NULL,
    confidence VARCHAR NOT NULL CHECK (confidence IN ('confirmed', 'single-source', 'inferred')),
    notes VARCHAR,
    source_file VARCHAR NOT NULL,
    source_line BIGINT NOT NULL
);

-- joined_date may be unknown, so the spell key is not a PRIMARY KEY (which forbids NULL);
-- uniqueness of (bloc, iso3, joined_date) is enforced by the CSV validation.
CREATE TABLE staging.curated_bloc_memberships (
    bloc VARCHAR NOT NULL REFERENCES staging.curated_blocs (bloc),
    bloc_kind VARCHAR NOT NULL CHECK (bloc_kind IN ('un_regional_group', 'organization')),
    iso3 VARCHAR NOT NULL REFERENCES staging.curated_states (iso3),
    joined_date DATE,
    left_date DATE CHECK (left_date >= joined_date),
    as_of_date DATE NOT NULL,
    source VARCHAR NOT NULL,
    confidence VARCHAR NOT NULL CHECK (confidence IN ('confirmed', 'single-source', 'inferred')),
    notes VARCHAR,
    source_file VARCHAR NOT NULL,
    source_line BIGINT NOT NULL
);

CREATE TABLE staging.curated_treaty_actions (
    treaty VARCHAR NOT NULL,
    party_name VARCHAR NOT NULL,
    iso3 VARCHAR REFERENCES staging.curated_states (iso3),
    action VARCHAR NOT NULL CHECK (action IN ('signature', 'ratification', 'accession', 'acceptance', 'approval')),
    action_date DATE,
    place VARCHAR,
    source VARCHAR NOT NULL,
    confidence VARCHAR NOT NULL CHECK (confidence IN ('confirmed', 'single-source', 'inferred')),
    notes VARCHAR,
    source_file VARCHAR NOT NULL,
    source_line BIGINT NOT NULL,
    PRIMARY KEY (treaty, party_name, action)
);

CREATE TABLE staging.curated_state_code_variants (
    dataset VARCHAR NOT NULL,
    dataset_code VARCHAR NOT NULL,
    iso3 VARCHAR NOT NULL REFERENCES staging.curated_states (iso3),
    valid_from DATE NOT NULL,
    valid_to DATE CHECK (valid_to >= valid_from),
    source VARCHAR NOT NULL,
    confidence VARCHAR NOT NULL CHECK (confidence IN ('confirmed', 'single-source', 'inferred')),
    notes VARCHAR,
    source_file VARCHAR NOT NULL,
    source_line BIGINT NOT NULL,
    PRIMARY KEY (dataset, dataset_code, valid_from)
);
