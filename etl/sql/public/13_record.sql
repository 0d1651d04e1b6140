-- The public layer: the views researchers and the app query (schema main, documented in the README's data
-- contract). Entities come from the record, as they are or with a column derived for reading.
CREATE VIEW states AS SELECT * FROM record.states;
CREATE VIEW meetings AS SELECT * FROM record.meetings;
CREATE VIEW blocs AS SELECT * FROM record.blocs;
-- A spell without a known join day starts at the bloc's founding (etl check refuses a spell with neither), so no
-- figure counts a member before its bloc existed; every query joins members on start_date, never joined_date.
CREATE VIEW bloc_memberships AS
SELECT m.*, coalesce(m.joined_date, b.founding_date) AS start_date
FROM record.bloc_memberships m JOIN record.blocs b USING (bloc);
CREATE VIEW treaty_actions AS SELECT * FROM record.treaty_actions;
CREATE VIEW state_code_variants AS SELECT * FROM record.state_code_variants;
CREATE VIEW sponsorships AS SELECT * FROM record.sponsorships;

CREATE VIEW resolutions AS
SELECT *, 'https://undocs.org/' || symbol AS document_url FROM record.resolutions;

-- The record's texts: their plenary votes whatever the origin, and their committee votes.
CREATE VIEW votes AS
SELECT resolution_symbol, stage, vote_date, iso3, vote, source, confidence, notes, origin
FROM record.votes WHERE is_cyber;

-- Every recorded plenary vote the origins hold, 1946 onwards.
CREATE VIEW all_votes AS
SELECT resolution_symbol, vote_date, iso3, vote, session, origin, is_cyber FROM record.votes WHERE stage = 'plenary';

-- Display names for every state code in the record: the UN's names, and for codes of the history that
-- are no longer UN members (CSK, DDR, YUG before 2000, ...) the dataset's own name, title-cased.
CREATE VIEW state_labels AS
SELECT iso3, name, coalesce(un_regional_group, 'No regional group') AS un_regional_group, true AS is_current
FROM record.states
UNION ALL
SELECT iso3,
       array_to_string(list_transform(string_split(lower(any_value(dataset_state_name)), ' '),
                                      lambda w: upper(left(w, 1)) || substr(w, 2)), ' ') AS name,
       'No regional group' AS un_regional_group, false AS is_current
FROM staging.history_votes
WHERE iso3 NOT IN (SELECT iso3 FROM record.states)
GROUP BY iso3;
