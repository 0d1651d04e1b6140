-- Grain: one row per State (members and observers).
SELECT iso3, name, status, coalesce(un_regional_group, 'No regional group') AS un_regional_group,
       un_member_since, iso_name, source, confidence, notes
FROM states ORDER BY name
