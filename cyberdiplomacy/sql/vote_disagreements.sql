-- Grain: one row per state x vote that two origins record differently (the record keeps kept_origin's).
SELECT d.resolution_symbol, d.iso3, s.name AS state_name, d.kept_vote, d.kept_origin, d.other_vote, d.other_origin,
       d.other_file
FROM vote_disagreements d LEFT JOIN states s USING (iso3)
ORDER BY d.resolution_symbol, d.iso3, d.kept_origin, d.other_origin
