-- Grain: one row: the earliest and latest year on record over resolutions, meetings and every recorded vote.
WITH years AS (
    SELECT year(adopted_date) AS year FROM resolutions WHERE adopted_date IS NOT NULL
    UNION ALL SELECT year(start_date) FROM meetings WHERE start_date IS NOT NULL
    UNION ALL SELECT year(end_date) FROM meetings WHERE end_date IS NOT NULL
    UNION ALL SELECT min(year(vote_date)) FROM all_votes
    UNION ALL SELECT max(year(vote_date)) FROM all_votes
)
SELECT min(year) AS first_year, max(year) AS last_year FROM years
