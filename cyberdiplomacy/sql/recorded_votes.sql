-- Grain: one row per recorded vote (resolution x stage) that has per-state rows, and where they come from.
SELECT v.resolution_symbol, v.stage, min(v.vote_date) AS vote_date, r.title, r.track, any_value(v.origin) AS vote_origin,
       count(*) FILTER (WHERE v.vote = 'Y') AS yes_count,
       count(*) FILTER (WHERE v.vote = 'N') AS no_count,
       count(*) FILTER (WHERE v.vote = 'A') AS abstain_count,
       count(*) FILTER (WHERE v.vote = 'X') AS non_voting_count
FROM votes v JOIN resolutions r ON r.symbol = v.resolution_symbol
GROUP BY ALL
ORDER BY vote_date, v.resolution_symbol, v.stage
