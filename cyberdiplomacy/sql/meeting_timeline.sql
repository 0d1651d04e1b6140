-- Grain: one row per session of a body, filtered by track, body and years.
SELECT body, body_short, track, meeting, status, start_date, end_date, date_precision, city, format,
       outcome_symbol, chair, source, confidence, notes
FROM meetings
WHERE list_contains($tracks, track)
  AND (len($bodies) = 0 OR list_contains($bodies, body_short))
  AND start_date IS NOT NULL
  AND year(end_date) >= $from_year AND year(start_date) <= $to_year
ORDER BY start_date, body_short
