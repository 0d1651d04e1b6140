-- Grain: one row per GA session: recorded votes held by each bundled origin and kept in the record.
SELECT session, first_vote_date, last_vote_date, history_vote_count, unxml_vote_count, unxml_listed_vote_count,
       kept_vote_count
FROM vote_coverage_by_session
