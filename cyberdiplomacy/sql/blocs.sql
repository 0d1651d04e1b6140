-- Grain: one row per bloc with its current member count.
SELECT bloc, bloc_kind, count(*) FILTER (WHERE left_date IS NULL) AS current_member_count
FROM bloc_memberships GROUP BY ALL ORDER BY bloc_kind DESC, bloc
