-- The public data contract: what the app and analysts read (documented in README.md).
-- resolutions, votes, all_votes and sources are the record's views (06_record.sql).
CREATE VIEW states AS SELECT * FROM core.states;
CREATE VIEW sponsorships AS SELECT * FROM core.sponsorships;
CREATE VIEW meetings AS SELECT * FROM core.meetings;
CREATE VIEW blocs AS SELECT * FROM core.blocs;
-- A spell without a known join day starts at the bloc's founding (etl check refuses a spell with neither), so no
-- figure counts a member before its bloc existed; every query joins members on start_date, never joined_date.
CREATE VIEW bloc_memberships AS
SELECT m.*, coalesce(m.joined_date, b.founding_date) AS start_date
FROM core.bloc_memberships m JOIN core.blocs b USING (bloc);
CREATE VIEW treaty_actions AS SELECT * FROM core.treaty_actions;
CREATE VIEW state_code_variants AS SELECT * FROM core.state_code_variants;
