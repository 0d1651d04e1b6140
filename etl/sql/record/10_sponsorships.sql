-- Sponsors: curated rows, and for the record's texts the UN's lists for the states curation does not name
-- (one row per state and text: a state sponsors one draft). The main sponsor is never inferred from them:
-- the UN's lists are alphabetical.
CREATE TABLE record.sponsorships AS
SELECT s.* EXCLUDE (source_file, source_line), 'curated' AS origin FROM staging.curated_sponsorships s
UNION ALL BY NAME
SELECT u.draft_symbol, u.resolution_symbol, u.iso3, u.role, u.source, u.confidence,
       CASE WHEN u.on_behalf_of IS NOT NULL THEN 'Listed as "' || u.source_sponsor_text || '"' END AS notes,
       'unxml' AS origin
FROM staging.unxml_sponsors u
WHERE u.resolution_symbol IN (SELECT symbol FROM record.resolutions)
  AND NOT EXISTS (SELECT 1 FROM staging.curated_sponsorships c
                  WHERE c.resolution_symbol = u.resolution_symbol AND c.iso3 = u.iso3);
COMMENT ON TABLE record.sponsorships IS 'Sponsors of the drafts: curated rows, and for the record''s texts the states the UN''s machine-readable resolutions list that curation does not name.';
