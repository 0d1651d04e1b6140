-- Grain: one row per paragraph of one text ($symbol) x resolution, decision or document it cites.
SELECT paragraph_order, cited_symbol, cited_as, cited_in_record
FROM text_citations
WHERE resolution_symbol = $symbol
ORDER BY paragraph_order, cited_symbol
