-- Grain: one row per chosen state x treaty action.
SELECT t.iso3, s.name AS state_name, t.treaty, t.action, t.action_date, t.place, t.source, t.confidence, t.notes
FROM treaty_actions t JOIN states s USING (iso3)
WHERE list_contains($iso3s, t.iso3)
ORDER BY s.name, t.treaty, t.action_date NULLS LAST
