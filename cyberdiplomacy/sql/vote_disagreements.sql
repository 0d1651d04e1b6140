-- Grain: one row per curated plenary vote that an import or the bundled history records differently.
SELECT d.resolution_symbol, d.iso3, s.name AS state_name, d.curated_vote, d.other_vote, d.other_origin, d.other_file
FROM vote_disagreements d LEFT JOIN states s USING (iso3)
ORDER BY d.resolution_symbol, d.iso3
