-- Grain: one row per chosen state x draft it sponsored.
SELECT sp.iso3, s.name AS state_name, sp.draft_symbol, sp.resolution_symbol, r.adopted_date, r.track, sp.role,
       sp.joined_date, sp.joined_in, sp.source, sp.confidence
FROM sponsorships sp JOIN states s USING (iso3) JOIN resolutions r ON r.symbol = sp.resolution_symbol
WHERE list_contains($iso3s, sp.iso3)
ORDER BY r.adopted_date NULLS LAST, sp.draft_symbol, s.name
