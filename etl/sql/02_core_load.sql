-- Typed raw copies (with file and line) become the core entities; order respects foreign keys.
INSERT INTO core.states BY NAME SELECT * EXCLUDE (source_file, source_line) FROM raw.states;
INSERT INTO core.resolutions BY NAME SELECT * EXCLUDE (source_file, source_line) FROM raw.resolutions;
INSERT INTO core.votes BY NAME SELECT * EXCLUDE (source_file, source_line) FROM raw.votes;
INSERT INTO core.sponsorships BY NAME SELECT * EXCLUDE (source_file, source_line) FROM raw.sponsorships;
INSERT INTO core.meetings BY NAME SELECT * EXCLUDE (source_file, source_line) FROM raw.meetings;
INSERT INTO core.blocs BY NAME SELECT * EXCLUDE (source_file, source_line) FROM raw.blocs;
INSERT INTO core.bloc_memberships BY NAME SELECT * EXCLUDE (source_file, source_line) FROM raw.bloc_memberships;
INSERT INTO core.treaty_actions BY NAME SELECT * EXCLUDE (source_file, source_line) FROM raw.treaty_actions;
INSERT INTO core.state_code_variants BY NAME SELECT * EXCLUDE (source_file, source_line) FROM raw.state_code_variants;
