-- Grain: one row per bloc x current member state.
SELECT bloc, iso3 FROM bloc_memberships WHERE left_date IS NULL AND list_contains($blocs, bloc)
