-- The UN record's value checks: votes, state codes, every vote and sponsorship tied to a resolution of the file,
-- every citation to a paragraph of the texts file.
SELECT 'vote' AS column_name, vote AS value, 'allowed' AS rule, 'vote must be Y, N or A' AS message
FROM staging.unxml_votes WHERE vote IS NULL OR vote NOT IN ('Y', 'N', 'A')
UNION ALL
SELECT 'iso3', iso3, 'references', 'state code is not in data/states.csv'
FROM staging.unxml_votes WHERE iso3 IS NULL OR iso3 NOT IN (SELECT iso3 FROM staging.curated_states)
UNION ALL
SELECT 'resolution_symbol', resolution_symbol, 'references', 'vote on a resolution missing from the resolutions file'
FROM staging.unxml_votes WHERE resolution_symbol NOT IN (SELECT resolution_symbol FROM staging.unxml_resolutions)
UNION ALL
SELECT 'resolution_symbol', resolution_symbol, 'unique', 'the same state appears twice on one vote'
FROM staging.unxml_votes GROUP BY resolution_symbol, iso3 HAVING count(*) > 1
UNION ALL
SELECT 'iso3', iso3, 'references', 'sponsor code is not in data/states.csv'
FROM staging.unxml_sponsors WHERE iso3 IS NULL OR iso3 NOT IN (SELECT iso3 FROM staging.curated_states)
UNION ALL
SELECT 'resolution_symbol', resolution_symbol, 'references', 'sponsorship of a resolution missing from the resolutions file'
FROM staging.unxml_sponsors WHERE resolution_symbol NOT IN (SELECT resolution_symbol FROM staging.unxml_resolutions)
UNION ALL
SELECT 'paragraph_order', text_symbol, 'unique', 'the same paragraph appears twice in one text'
FROM staging.unxml_paragraphs GROUP BY text_symbol, paragraph_order HAVING count(*) > 1
UNION ALL
SELECT 'paragraph_order', text_symbol, 'references', 'a citation of a paragraph missing from the texts file'
FROM staging.unxml_citations c
WHERE NOT EXISTS (SELECT 1 FROM staging.unxml_paragraphs p
                  WHERE p.text_symbol = c.text_symbol AND p.paragraph_order = c.paragraph_order)
LIMIT 20
