-- Grain: one row per sponsoring state of the draft(s) that became one resolution.
SELECT sp.draft_symbol, sp.iso3, s.name AS state_name,
       coalesce(s.un_regional_group, 'No regional group') AS un_regional_group,
       sp.role, sp.joined_date, sp.joined_in, sp.source, sp.confidence
FROM sponsorships sp JOIN states s USING (iso3)
WHERE sp.resolution_symbol = $symbol
ORDER BY sp.role DESC, s.name
