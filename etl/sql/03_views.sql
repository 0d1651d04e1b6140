-- The public data contract: what the app and analysts read (documented in README.md).
-- resolutions, votes, all_votes and sources are the record's views (06_record.sql).
CREATE VIEW states AS SELECT * FROM core.states;
CREATE VIEW sponsorships AS SELECT * FROM core.sponsorships;
CREATE VIEW meetings AS SELECT * FROM core.meetings;
CREATE VIEW bloc_memberships AS SELECT * FROM core.bloc_memberships;
CREATE VIEW treaty_actions AS SELECT * FROM core.treaty_actions;
CREATE VIEW state_code_variants AS SELECT * FROM core.state_code_variants;
