-- The record's texts paragraph by paragraph and what they cite (the UN's machine-readable resolutions, and the 2018
-- draft from its public document). A draft's paragraphs belong to the resolution adopted from it.
CREATE TABLE record.text_paragraphs AS
SELECT p.text_symbol, coalesce(r.symbol, d.symbol) AS resolution_symbol, p.paragraph_order, p.part,
       p.paragraph_number, p.heading_path, p.paragraph_text, p.source
FROM staging.unxml_paragraphs p
LEFT JOIN record.resolutions r ON r.symbol = p.text_symbol
LEFT JOIN record.resolutions d ON d.draft_symbol = p.text_symbol AND r.symbol IS NULL
ORDER BY p.text_symbol, p.paragraph_order;

CREATE TABLE record.text_citations AS
SELECT c.text_symbol, t.resolution_symbol, c.paragraph_order, c.cited_symbol, c.cited_as,
       c.cited_symbol IN (SELECT symbol FROM record.resolutions) AS cited_in_record, c.source
FROM staging.unxml_citations c
JOIN (SELECT DISTINCT text_symbol, resolution_symbol FROM record.text_paragraphs) t USING (text_symbol)
ORDER BY c.text_symbol, c.paragraph_order, c.cited_symbol;
COMMENT ON TABLE record.text_paragraphs IS 'The record''s texts paragraph by paragraph (staging.unxml_paragraphs), each tied to the resolution adopted from it.';
COMMENT ON TABLE record.text_citations IS 'What each paragraph of the record''s texts cites (staging.unxml_citations), and whether the record holds it.';
