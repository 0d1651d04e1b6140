-- Grain: one row per draft x bloc: how many of its sponsors were bloc members on the adoption date.
SELECT sp.draft_symbol, sp.resolution_symbol, b.bloc, b.bloc_kind, count(DISTINCT sp.iso3) AS sponsor_count
FROM sponsorships sp
JOIN resolutions r ON r.symbol = sp.resolution_symbol
JOIN bloc_memberships b ON b.iso3 = sp.iso3
 AND b.start_date <= r.adopted_date
 AND (b.left_date IS NULL OR b.left_date > r.adopted_date)
GROUP BY ALL
ORDER BY sp.draft_symbol, sponsor_count DESC, b.bloc
