-- Grain: one row: the first and last year of both tracks' record (texts adopted, sessions held or planned),
-- the range of the track pages' year controls.
WITH years AS (
    SELECT year(adopted_date) AS year FROM resolutions WHERE track IS NOT NULL AND adopted_date IS NOT NULL
    UNION ALL SELECT year(start_date) FROM meetings WHERE start_date IS NOT NULL
    UNION ALL SELECT year(end_date) FROM meetings WHERE end_date IS NOT NULL
)
SELECT min(year) AS first_year, max(year) AS last_year FROM years
