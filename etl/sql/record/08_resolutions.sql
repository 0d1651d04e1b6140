-- The record: one set of resolutions, per-state votes and sponsorships fed by curation, UN Digital Library
-- imports and the two bundled origins (the UN's machine-readable resolutions of sessions 74-80, `unxml`, and
-- Voeten's history 1946-2019, `history`). Curated facts always win; the others only fill what curation left
-- empty, in that order, and a text joins on its own only when data/track_rules.yml matches it (temp tables
-- track_phrases and excluded_symbols, loaded by the build).

-- Per imported text: what the voting file says, completed by the resolutions dataset (record 4060945).
CREATE TEMP TABLE imported_texts AS
SELECT coalesce(v.resolution_symbol, r.resolution_symbol) AS symbol,
       coalesce(r.adopted_date, v.vote_date) AS adopted_date,
       coalesce(v.session, r.session) AS session,
       coalesce(v.title, r.title) AS title,
       concat_ws(' ', v.agenda_title, v.subjects, r.agenda_title, r.subjects) AS subject_text,
       coalesce(v.draft_symbol, r.draft_symbol) AS draft_symbol,
       coalesce(v.meeting_record, r.meeting_record) AS meeting_record,
       CASE WHEN v.resolution_symbol IS NOT NULL OR r.adoption_mode = 'recorded_vote' THEN 'recorded_vote'
            WHEN regexp_matches(lower(coalesce(r.vote_note, '')), 'without (a )?vote') THEN 'without_vote'
       END AS adoption_mode,
       coalesce(v.announced_yes_count, r.announced_yes_count) AS yes_count,
       coalesce(v.announced_no_count, r.announced_no_count) AS no_count,
       coalesce(v.announced_abstain_count, r.announced_abstain_count) AS abstain_count,
       coalesce(v.undl_link, r.undl_link) AS undl_link,
       coalesce(v.import_file, r.import_file) AS import_file
FROM staging.undl_vote_records v
FULL JOIN staging.undl_resolutions r ON r.resolution_symbol = v.resolution_symbol;

-- Per text of the UN's machine-readable resolutions: the same facts, announced counts of recorded votes only.
CREATE TEMP TABLE unxml_texts AS
SELECT resolution_symbol AS symbol, adopted_date, session, title,
       concat_ws(' ', agenda_title, subjects) AS subject_text, draft_symbol, meeting_record, adoption_mode,
       announced_yes_count AS yes_count, announced_no_count AS no_count, announced_abstain_count AS abstain_count,
       source
FROM staging.unxml_resolutions;

-- Texts of either track that the curated record lacks: imports first, then the UN's resolutions, then the
-- bundled history.
CREATE TEMP TABLE matched_texts AS
WITH candidates AS (
    SELECT symbol, adopted_date, session, title, subject_text, draft_symbol, meeting_record, adoption_mode,
           yes_count, no_count, abstain_count, 'undl' AS origin, 1 AS origin_rank, import_file,
           symbol || ' ; ' || coalesce(undl_link, 'https://digitallibrary.un.org/record/4060887') AS source
    FROM imported_texts
    UNION ALL
    SELECT symbol, adopted_date, session, title, subject_text, draft_symbol, meeting_record, adoption_mode,
           yes_count, no_count, abstain_count, 'unxml', 2, NULL, symbol || ' ; ' || source
    FROM unxml_texts
    UNION ALL
    -- The history's counts are the dataset's own, not announced totals: left empty here.
    SELECT resolution_symbol, vote_date, CAST(session_number AS VARCHAR), title, '', NULL, NULL, 'recorded_vote',
           NULL, NULL, NULL, 'history', 3, NULL, resolution_symbol || ' ; ' || source
    FROM staging.history_resolutions
)
SELECT c.*, p.track, p.phrase
FROM candidates c
JOIN track_phrases p ON contains(lower(coalesce(c.title, '') || ' ' || c.subject_text), p.phrase)
WHERE c.symbol NOT IN (SELECT symbol FROM staging.curated_resolutions)
  AND c.symbol NOT IN (SELECT symbol FROM excluded_symbols)
QUALIFY row_number() OVER (PARTITION BY c.symbol ORDER BY c.origin_rank, p.priority) = 1;

-- One row per text: curated rows completed from the other origins, then the matched texts curation lacks.
CREATE TABLE record.resolutions AS
SELECT c.symbol, c.kind, coalesce(c.title, u.title) AS title, c.track, c.body, c.session_number, c.main_committee, c.agenda_item,
       coalesce(c.adopted_date, f.adopted_date, u.adopted_date) AS adopted_date,
       coalesce(c.draft_symbol, f.draft_symbol, u.draft_symbol) AS draft_symbol,
       coalesce(c.adoption_mode, f.adoption_mode, u.adoption_mode) AS adoption_mode,
       coalesce(c.plenary_yes_count, f.yes_count, u.yes_count) AS plenary_yes_count,
       coalesce(c.plenary_no_count, f.no_count, u.no_count) AS plenary_no_count,
       coalesce(c.plenary_abstain_count, f.abstain_count, u.abstain_count) AS plenary_abstain_count,
       c.committee_date, c.committee_adoption_mode, c.committee_yes_count, c.committee_no_count,
       c.committee_abstain_count,
       coalesce(c.meeting_record, f.meeting_record, u.meeting_record) AS meeting_record,
       c.main_sponsor_iso3, c.tally_discrepancy_note, c.source, c.confidence, c.notes,
       'curated' AS origin,
       nullif(concat_ws(', ',
           CASE WHEN c.adopted_date IS NULL AND f.adopted_date IS NOT NULL THEN 'adopted_date' END,
           CASE WHEN c.draft_symbol IS NULL AND f.draft_symbol IS NOT NULL THEN 'draft_symbol' END,
           CASE WHEN c.adoption_mode IS NULL AND f.adoption_mode IS NOT NULL THEN 'adoption_mode' END,
           CASE WHEN c.plenary_yes_count IS NULL AND f.yes_count IS NOT NULL THEN 'plenary_yes_count' END,
           CASE WHEN c.plenary_no_count IS NULL AND f.no_count IS NOT NULL THEN 'plenary_no_count' END,
           CASE WHEN c.plenary_abstain_count IS NULL AND f.abstain_count IS NOT NULL THEN 'plenary_abstain_count' END,
           CASE WHEN c.meeting_record IS NULL AND f.meeting_record IS NOT NULL THEN 'meeting_record' END), '')
           AS filled_from_undl,
       nullif(concat_ws(', ',
           CASE WHEN c.title IS NULL AND u.title IS NOT NULL THEN 'title' END,
           CASE WHEN c.adopted_date IS NULL AND f.adopted_date IS NULL AND u.adopted_date IS NOT NULL THEN 'adopted_date' END,
           CASE WHEN c.draft_symbol IS NULL AND f.draft_symbol IS NULL AND u.draft_symbol IS NOT NULL THEN 'draft_symbol' END,
           CASE WHEN c.adoption_mode IS NULL AND f.adoption_mode IS NULL AND u.adoption_mode IS NOT NULL THEN 'adoption_mode' END,
           CASE WHEN c.plenary_yes_count IS NULL AND f.yes_count IS NULL AND u.yes_count IS NOT NULL THEN 'plenary_yes_count' END,
           CASE WHEN c.plenary_no_count IS NULL AND f.no_count IS NULL AND u.no_count IS NOT NULL THEN 'plenary_no_count' END,
           CASE WHEN c.plenary_abstain_count IS NULL AND f.abstain_count IS NULL AND u.abstain_count IS NOT NULL
                THEN 'plenary_abstain_count' END,
           CASE WHEN c.meeting_record IS NULL AND f.meeting_record IS NULL AND u.meeting_record IS NOT NULL
                THEN 'meeting_record' END), '')
           AS filled_from_unxml,
       f.import_file AS imported_from
FROM staging.curated_resolutions c
LEFT JOIN imported_texts f ON f.symbol = c.symbol
LEFT JOIN unxml_texts u ON u.symbol = c.symbol
UNION ALL BY NAME
SELECT symbol, 'resolution' AS kind, title, track, 'General Assembly' AS body,
       try_cast(session AS INTEGER) AS session_number, adopted_date, draft_symbol, adoption_mode,
       yes_count AS plenary_yes_count, no_count AS plenary_no_count, abstain_count AS plenary_abstain_count,
       meeting_record, source, 'single-source' AS confidence,
       'Not curated: joined the record because its title or subjects contain "' || phrase
           || '" (data/track_rules.yml).' AS notes,
       origin, CAST(NULL AS VARCHAR) AS filled_from_undl, CAST(NULL AS VARCHAR) AS filled_from_unxml,
       import_file AS imported_from
FROM matched_texts
ORDER BY adopted_date NULLS LAST, symbol;
COMMENT ON TABLE record.resolutions IS 'The record''s texts: curated rows, completed where curation left a fact empty by an import, then the UN''s machine-readable resolutions; and the texts of either track curation lacks that data/track_rules.yml matches (imports, then the UN''s resolutions, then Voeten''s history).';
