-- Grain: one row per public table x origin: how many rows curation, imports and the bundled origins give.
SELECT 'resolutions' AS table_name, origin, count(*) AS row_count FROM resolutions GROUP BY origin
UNION ALL
SELECT 'votes', origin, count(*) FROM votes GROUP BY origin
UNION ALL
SELECT 'all_votes', origin, count(*) FROM all_votes GROUP BY origin
UNION ALL
SELECT 'sponsorships', origin, count(*) FROM sponsorships GROUP BY origin
ORDER BY table_name, origin
