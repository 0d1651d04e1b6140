-- Grain: one row per origin of the per-state votes in `votes` (curated, history, undl): first and last year.
SELECT origin, min(year(vote_date)) AS first_year, max(year(vote_date)) AS last_year,
       count(DISTINCT resolution_symbol) AS resolution_count
FROM votes
WHERE vote_date IS NOT NULL
GROUP BY origin
ORDER BY first_year, origin
