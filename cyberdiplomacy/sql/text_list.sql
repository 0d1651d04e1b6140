-- Grain: one row per text of the record with paragraphs on record: its resolution, title, date, track and size.
SELECT p.resolution_symbol, any_value(p.text_symbol) AS text_symbol, r.title, r.adopted_date, r.track,
       count(*) AS paragraph_count, count(*) FILTER (WHERE p.part = 'operative') AS operative_paragraph_count,
       any_value(p.source) AS source
FROM text_paragraphs p JOIN resolutions r ON r.symbol = p.resolution_symbol
GROUP BY p.resolution_symbol, r.title, r.adopted_date, r.track
ORDER BY r.adopted_date, p.resolution_symbol
