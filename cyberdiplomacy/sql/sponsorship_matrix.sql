-- Grain: one row per sponsorship (state x draft) of the drafts that any of $iso3s sponsored (all if empty).
SELECT sp.iso3, s.name AS state_name, coalesce(s.un_regional_group, 'No regional group') AS un_regional_group,
       sp.draft_symbol, sp.resolution_symbol, r.adopted_date, r.track, sp.role, sp.confidence
FROM sponsorships sp JOIN states s USING (iso3) JOIN resolutions r ON r.symbol = sp.resolution_symbol
WHERE len($iso3s) = 0
   OR sp.draft_symbol IN (SELECT draft_symbol FROM sponsorships WHERE list_contains($iso3s, iso3))
ORDER BY r.adopted_date, sp.draft_symbol, s.name
