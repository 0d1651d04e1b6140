-- Grain: one row per chosen state x recorded plenary vote (every vote on record, ICT or not), in years.
SELECT resolution_symbol, vote_date, year(vote_date) AS vote_year, iso3, vote, is_cyber, origin
FROM all_votes
WHERE list_contains($iso3s, iso3) AND year(vote_date) BETWEEN $from_year AND $to_year
