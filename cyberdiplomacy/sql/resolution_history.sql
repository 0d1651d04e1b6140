-- Grain: one row per adopted text (both tracks), with announced totals and per-state tallies. A text with no
-- adoption date on record is kept in every year range and flagged is_undated, so it is shown as undated.
WITH tallies AS (
    SELECT resolution_symbol, stage,
           count(*) FILTER (WHERE vote = 'Y') AS yes_count,
           count(*) FILTER (WHERE vote = 'N') AS no_count,
           count(*) FILTER (WHERE vote = 'A') AS abstain_count,
           count(*) FILTER (WHERE vote = 'X') AS non_voting_count,
           string_agg(DISTINCT origin, ',' ORDER BY origin) AS origins
    FROM votes GROUP BY ALL
)
SELECT r.symbol, r.kind, r.title, r.track, r.body, r.session_number, r.main_committee, r.agenda_item,
       r.adopted_date, r.adopted_date IS NULL AS is_undated, r.draft_symbol,
       coalesce(r.adoption_mode, 'unknown') AS adoption_mode,
       r.plenary_yes_count, r.plenary_no_count, r.plenary_abstain_count,
       r.committee_date, coalesce(r.committee_adoption_mode, 'unknown') AS committee_adoption_mode,
       r.committee_yes_count, r.committee_no_count, r.committee_abstain_count,
       r.meeting_record, r.main_sponsor_iso3, r.source, r.confidence, r.notes, r.document_url,
       r.origin AS text_origin, r.filled_from_undl, r.imported_from,
       p.yes_count AS plenary_state_yes_count, p.no_count AS plenary_state_no_count,
       p.abstain_count AS plenary_state_abstain_count, p.non_voting_count AS plenary_state_non_voting_count,
       p.resolution_symbol IS NOT NULL AS has_state_votes, p.origins AS vote_origins
FROM resolutions r
LEFT JOIN tallies p ON p.resolution_symbol = r.symbol AND p.stage = 'plenary'
WHERE list_contains($tracks, r.track)
  AND (r.adopted_date IS NULL OR year(r.adopted_date) BETWEEN $from_year AND $to_year)
ORDER BY r.adopted_date NULLS LAST, r.symbol
