-- The bundled history's value checks: votes, state codes, and every vote row tied to a recorded vote.
SELECT 'vote' AS column_name, vote AS value, 'allowed' AS rule, 'vote must be Y, N or A' AS message
FROM staging.history_votes WHERE vote IS NULL OR vote NOT IN ('Y', 'N', 'A')
UNION ALL
SELECT 'iso3', iso3, 'pattern', 'state code must be three capital letters'
FROM staging.history_votes WHERE iso3 IS NULL OR NOT regexp_full_match(iso3, '[A-Z]{3}')
UNION ALL
SELECT 'resolution_symbol', resolution_symbol, 'references', 'vote on a resolution missing from the history''s resolutions file'
FROM staging.history_votes WHERE resolution_symbol NOT IN (SELECT resolution_symbol FROM staging.history_resolutions)
UNION ALL
SELECT 'resolution_symbol', resolution_symbol, 'unique', 'the same state appears twice on one vote'
FROM staging.history_votes GROUP BY resolution_symbol, iso3 HAVING count(*) > 1
LIMIT 20
