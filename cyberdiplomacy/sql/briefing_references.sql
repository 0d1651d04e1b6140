-- Grain: one row per reference a briefing pack cites, in the order given: its kind, its link, and the title
-- of the text it names (an adopted text by its symbol, or the text a draft symbol became).
WITH refs AS (
    SELECT ref AS source_ref, position FROM unnest($refs) WITH ORDINALITY AS t(ref, position)
)
SELECT f.position, f.source_ref,
       coalesce((SELECT any_value(s.source_kind) FROM sources s WHERE s.source_ref = f.source_ref),
                CASE WHEN f.source_ref LIKE 'http%' THEN 'url'
                     WHEN regexp_matches(f.source_ref, '^[A-Z]+(\.[0-9]+)?/') THEN 'document' ELSE 'other' END)
           AS source_kind,
       coalesce((SELECT any_value(r.document_url) FROM resolutions r WHERE r.symbol = f.source_ref),
                (SELECT any_value(s.link_url) FROM sources s WHERE s.source_ref = f.source_ref),
                CASE WHEN f.source_ref LIKE 'http%' THEN f.source_ref
                     WHEN regexp_matches(f.source_ref, '^[A-Z]+(\.[0-9]+)?/') THEN 'https://undocs.org/' || f.source_ref
                END) AS link_url,
       coalesce((SELECT any_value(r.title) FROM resolutions r WHERE r.symbol = f.source_ref),
                (SELECT any_value('Draft of ' || r.symbol || coalesce(': ' || r.title, ''))
                 FROM resolutions r WHERE r.draft_symbol = f.source_ref)) AS title
FROM refs f
ORDER BY f.position
