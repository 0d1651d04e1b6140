-- Grain: one row per member state on the vote date, for one resolution and stage.
SELECT v.iso3, s.name AS state_name, coalesce(s.un_regional_group, 'No regional group') AS un_regional_group,
       v.vote, v.vote_date, v.source, v.confidence, v.notes, v.origin
FROM votes v JOIN states s USING (iso3)
WHERE v.resolution_symbol = $symbol AND v.stage = $stage
ORDER BY s.name
