-- Grain: one row per member state on the vote date, for one resolution and stage; its regional group is the
-- spell in force on the vote date (as in cohesion and packs).
SELECT v.iso3, s.name AS state_name, coalesce(g.bloc, 'No regional group') AS un_regional_group,
       v.vote, v.vote_date, v.source, v.confidence, v.notes, v.origin
FROM votes v JOIN states s USING (iso3)
LEFT JOIN bloc_memberships g ON g.iso3 = v.iso3 AND g.bloc_kind = 'un_regional_group'
 AND g.start_date <= v.vote_date AND (g.left_date IS NULL OR g.left_date > v.vote_date)
WHERE v.resolution_symbol = $symbol AND v.stage = $stage
ORDER BY s.name
