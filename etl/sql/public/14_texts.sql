-- The record's texts, as the record holds them, and the lineage they state.
CREATE VIEW text_paragraphs AS SELECT * FROM record.text_paragraphs;
CREATE VIEW text_citations AS SELECT * FROM record.text_citations;

-- The lineage the texts state: each record text a text cites, set beside the curated lineage (the text before it
-- in the same track). cites_previous_in_track is false where a text does not name the text before it.
CREATE VIEW text_lineage AS
WITH texts AS (
    SELECT DISTINCT resolution_symbol FROM record.text_paragraphs WHERE resolution_symbol IS NOT NULL
), ordered AS (
    SELECT symbol, track, adopted_date,
           lag(symbol) OVER (PARTITION BY track ORDER BY adopted_date, symbol) AS previous_in_track
    FROM record.resolutions WHERE kind = 'resolution' AND adopted_date IS NOT NULL
), cited AS (
    SELECT DISTINCT resolution_symbol, cited_symbol FROM record.text_citations WHERE cited_in_record
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
