-- Grain: one row per curated text x fact that the UN's machine-readable resolutions give differently.
SELECT resolution_symbol, column_name, curated_value, unxml_value, unxml_source
FROM text_disagreements
ORDER BY resolution_symbol, column_name
