-- Grain: one row per paragraph of the record's texts containing $term (any case), with its text's year and track.
SELECT p.resolution_symbol, r.adopted_date, year(r.adopted_date) AS adopted_year, r.track, p.part,
       p.paragraph_number, p.heading_path, p.paragraph_text,
       (length(p.paragraph_text) - length(replace(lower(p.paragraph_text), lower($term), ''))) // length($term)
           AS occurrence_count
FROM text_paragraphs p JOIN resolutions r ON r.symbol = p.resolution_symbol
WHERE length($term) > 0 AND contains(lower(p.paragraph_text), lower($term))
  AND (r.track IS NULL OR r.track IN (SELECT unnest($tracks)))
ORDER BY r.adopted_date, p.resolution_symbol, p.paragraph_order
