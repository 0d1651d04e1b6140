-- The record: one table per entity, whatever its origin. The entities only curation holds are its staged rows,
-- less the file and line they came from (staging keeps those); the merged ones follow in 08-11.
CREATE SCHEMA record;

CREATE TABLE record.states AS SELECT * EXCLUDE (source_file, source_line) FROM staging.curated_states;
CREATE TABLE record.meetings AS SELECT * EXCLUDE (source_file, source_line) FROM staging.curated_meetings;
CREATE TABLE record.blocs AS SELECT * EXCLUDE (source_file, source_line) FROM staging.curated_blocs;
CREATE TABLE record.bloc_memberships AS
SELECT * EXCLUDE (source_file, source_line) FROM staging.curated_bloc_memberships;
CREATE TABLE record.treaty_actions AS SELECT * EXCLUDE (source_file, source_line) FROM staging.curated_treaty_actions;
CREATE TABLE record.state_code_variants AS
SELECT * EXCLUDE (source_file, source_line) FROM staging.curated_state_code_variants;

COMMENT ON TABLE record.states IS 'UN member states and observer States (data/states.csv).';
COMMENT ON TABLE record.meetings IS 'Sessions of the bodies of both tracks and treaty milestones (data/meetings.csv).';
COMMENT ON TABLE record.blocs IS 'UN regional groups and political blocs (data/blocs.csv).';
COMMENT ON TABLE record.bloc_memberships IS 'Dated membership spells of states in blocs (data/bloc_memberships.csv).';
COMMENT ON TABLE record.treaty_actions IS 'Signatures, ratifications and accessions of the UN Convention against Cybercrime and the Budapest Convention (data/treaty_actions.csv).';
COMMENT ON TABLE record.state_code_variants IS 'Other datasets'' state codes mapped to the record''s (data/state_code_variants.csv).';
