-- Grain: one row per sponsor state of one text ($sponsored, a resolution symbol), with its recorded plenary vote on
-- another ($voted): vote is NULL when no vote of that state on $voted is on record (not a member, or no row).
SELECT sp.iso3, s.name AS state_name, coalesce(s.un_regional_group, 'No regional group') AS un_regional_group,
       sp.draft_symbol, sp.role, v.vote, v.origin,
       $sponsored AS sponsored_symbol, $voted AS voted_symbol
FROM (SELECT iso3, any_value(draft_symbol) AS draft_symbol,
             CASE WHEN bool_or(role = 'original') THEN 'original' ELSE 'additional' END AS role
      FROM sponsorships WHERE resolution_symbol = $sponsored GROUP BY iso3) sp
JOIN states s USING (iso3)
LEFT JOIN votes v ON v.iso3 = sp.iso3 AND v.resolution_symbol = $voted AND v.stage = 'plenary'
ORDER BY s.name
