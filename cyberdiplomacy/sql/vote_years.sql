-- Grain: one row per Alignment scope ('cyber', 'all'): the recorded plenary votes in all_votes and their years.
SELECT 'cyber' AS scope, min(year(vote_date)) AS first_year, max(year(vote_date)) AS last_year,
       count(DISTINCT resolution_symbol) AS vote_count, 0 AS non_cyber_vote_count
FROM all_votes WHERE is_cyber
UNION ALL
SELECT 'all', min(year(vote_date)), max(year(vote_date)), count(DISTINCT resolution_symbol),
       count(DISTINCT resolution_symbol) FILTER (WHERE NOT is_cyber)
FROM all_votes
