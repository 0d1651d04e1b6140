-- The record's texts paragraph by paragraph and what they cite (the UN's machine-readable resolutions, and the 2018
-- draft from its public document). A draft's paragraphs belong to the resolution adopted from it.
CREATE VIEW text_paragraphs AS
SELECT p.text_symbol, coalesce(r.symbol, d.symbol) AS resolution_symbol, p.paragraph_order, p.part,
       p.paragraph_number, p.heading_path, p.paragraph_text, p.source
FROM core.text_paragraphs p
LEFT JOIN core.resolution_record r ON r.symbol = p.text_symbol
LEFT JOIN core.resolution_record d ON d.draft_symbol = p.text_symbol AND r.symbol IS NULL
ORDER BY p.text_symbol, p.paragraph_order;

CREATE VIEW text_citations AS
SELECT c.text_symbol, t.resolution_symbol, c.paragraph_order, c.cited_symbol, c.cited_as,
       c.cited_symbol IN (SELECT symbol FROM core.resolution_record) AS cited_in_record, c.source
FROM core.text_citations c
JOIN (SELECT DISTINCT text_symbol, resolution_symbol FROM text_paragraphs) t USING (text_symbol)
ORDER BY c.text_symbol, c.paragraph_order, c.cited_symbol;

-- The lineage the texts state: each record text a text cites, set beside the curated lineage (the text before it
-- in the same track). cites_previous_in_track is false where a text does not name the text before it.
CREATE VIEW text_lineage AS
WITH texts AS (
    SELECT DISTINCT resolution_symbol FROM text_paragraphs WHERE resolution_symbol IS NOT NULL
), ordered AS (
    SELECT symbol, track, adopted_date,
           lag(symbol) OVER (PARTITION BY track ORDER BY adopted_date, symbol) AS previous_in_track
    FROM core.resolution_record WHERE kind = 'resolution' AND adopted_date IS NOT NULL
), cited AS (
    SELECT DISTINCT resolution_symbol, cited_symbol FROM text_citations WHERE cited_in_record
)
SELECT t.resolution_symbol, o.track, o.adopted_date, o.previous_in_track,
       o.previous_in_track IN (SELECT cited_symbol FROM cited c WHERE c.resolution_symbol = t.resolution_symbol)
           AS cites_previous_in_track,
       (SELECT list(cited_symbol ORDER BY cited_symbol) FROM cited c WHERE c.resolution_symbol = t.resolution_symbol)
           AS cited_record_symbols,
       (SELECT list(DISTINCT c.resolution_symbol ORDER BY c.resolution_symbol) FROM cited c
        WHERE c.cited_symbol = t.resolution_symbol) AS cited_by_symbols
FROM texts t LEFT JOIN ordered o ON o.symbol = t.resolution_symbol
ORDER BY o.adopted_date, t.resolution_symbol;
