-- Grain: one row per state with a vote on either text: its plenary vote on each, the origin of each vote,
-- and whether it was a UN member on each vote date (no row and not a member: "not a member", never "did not vote").
WITH vote_dates AS (
    SELECT r.symbol, coalesce(min(v.vote_date), r.adopted_date) AS vote_date
    FROM resolutions r LEFT JOIN votes v ON v.resolution_symbol = r.symbol AND v.stage = 'plenary'
    WHERE r.symbol IN ($symbol_a, $symbol_b)
    GROUP BY r.symbol, r.adopted_date
)
SELECT s.iso3, s.name AS state_name, coalesce(s.un_regional_group, 'No regional group') AS un_regional_group,
       a.vote AS vote_a, b.vote AS vote_b, a.origin AS origin_a, b.origin AS origin_b,
       s.status = 'member' AND s.un_member_since <= da.vote_date AS member_a,
       s.status = 'member' AND s.un_member_since <= db.vote_date AS member_b
FROM states s
LEFT JOIN votes a ON a.iso3 = s.iso3 AND a.resolution_symbol = $symbol_a AND a.stage = 'plenary'
LEFT JOIN votes b ON b.iso3 = s.iso3 AND b.resolution_symbol = $symbol_b AND b.stage = 'plenary'
LEFT JOIN vote_dates da ON da.symbol = $symbol_a
LEFT JOIN vote_dates db ON db.symbol = $symbol_b
WHERE a.vote IS NOT NULL OR b.vote IS NOT NULL
ORDER BY s.name
