-- Grain: one row per paragraph of one text ($symbol: the resolution, or the draft it was adopted from).
SELECT text_symbol, resolution_symbol, paragraph_order, part, paragraph_number, heading_path, paragraph_text, source
FROM text_paragraphs
WHERE resolution_symbol = $symbol
ORDER BY paragraph_order
