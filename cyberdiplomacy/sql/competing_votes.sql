-- Grain: one row per state that was a member at either vote: its plenary vote on two texts.
SELECT s.iso3, s.name AS state_name, coalesce(s.un_regional_group, 'No regional group') AS un_regional_group,
       a.vote AS vote_a, b.vote AS vote_b
FROM states s
LEFT JOIN votes a ON a.iso3 = s.iso3 AND a.resolution_symbol = $symbol_a AND a.stage = 'plenary'
LEFT JOIN votes b ON b.iso3 = s.iso3 AND b.resolution_symbol = $symbol_b AND b.stage = 'plenary'
WHERE a.vote IS NOT NULL OR b.vote IS NOT NULL
ORDER BY s.name
