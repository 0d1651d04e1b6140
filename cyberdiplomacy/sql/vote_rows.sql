-- Grain: one row per state x recorded plenary vote, cyber texts only or every vote on record, in years.
SELECT resolution_symbol, vote_date, iso3, vote, session, is_cyber, origin
FROM all_votes
WHERE ($scope = 'all' OR is_cyber) AND year(vote_date) BETWEEN $from_year AND $to_year
