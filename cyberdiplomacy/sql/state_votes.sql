-- Grain: one row per chosen state x recorded vote (both stages).
SELECT v.iso3, s.name AS state_name, v.resolution_symbol, v.stage, v.vote_date, r.title, r.track, v.vote, v.origin,
       v.source, v.confidence
FROM votes v JOIN states s USING (iso3) JOIN resolutions r ON r.symbol = v.resolution_symbol
WHERE list_contains($iso3s, v.iso3)
ORDER BY v.vote_date, v.resolution_symbol, v.stage, s.name
