-- Grain: one row per chosen state x bloc membership spell.
SELECT b.iso3, s.name AS state_name, b.bloc, b.bloc_kind, b.joined_date, b.left_date, b.as_of_date,
       b.left_date IS NULL AS is_member_now, b.source, b.confidence, b.notes
FROM bloc_memberships b JOIN states s USING (iso3)
WHERE list_contains($iso3s, b.iso3)
ORDER BY s.name, b.bloc_kind DESC, b.bloc
