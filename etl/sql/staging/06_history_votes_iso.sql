-- Staging: the history's votes under the record's state codes (data/state_code_variants.csv: e.g. the dataset's
-- YUG is Serbia from 2000-11-01); the bundled file itself, staging.history_votes, keeps the codes as published.
-- A view, not a copy: its 715,171 rows are not stored twice.
CREATE VIEW staging.history_votes_iso AS
SELECT h.resolution_symbol, r.vote_date, CAST(r.session_number AS VARCHAR) AS session,
       coalesce(m.iso3, h.iso3) AS iso3, h.vote, h.source, h.confidence,
       CASE WHEN m.iso3 IS NOT NULL THEN 'Dataset code ' || h.iso3 || ' (data/state_code_variants.csv)' END AS notes
FROM staging.history_votes h
JOIN staging.history_resolutions r USING (resolution_symbol)
LEFT JOIN staging.curated_state_code_variants m
  ON m.dataset = 'voeten_unga' AND m.dataset_code = h.iso3 AND r.vote_date >= m.valid_from
 AND (m.valid_to IS NULL OR r.vote_date <= m.valid_to);
COMMENT ON VIEW staging.history_votes_iso IS 'Voeten''s votes (staging.history_votes) under the record''s state codes (data/state_code_variants.csv), with the vote''s date and session.';
