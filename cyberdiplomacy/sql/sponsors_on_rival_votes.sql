-- Grain: one row per sponsor of one text x recorded plenary vote: how the sponsors voted elsewhere.
SELECT sp.resolution_symbol AS sponsored_symbol, v.resolution_symbol AS voted_symbol, v.vote,
       count(*) AS state_count
FROM sponsorships sp
JOIN votes v ON v.iso3 = sp.iso3 AND v.stage = 'plenary'
WHERE sp.resolution_symbol = $symbol
GROUP BY ALL
ORDER BY voted_symbol, v.vote
