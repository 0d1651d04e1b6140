-- Grain: one row per imported vote that differs from the curated one (curated kept), for the import report.
SELECT resolution_symbol, iso3, curated_vote, imported_vote, import_file FROM undl_disagreements
