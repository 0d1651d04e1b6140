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
FROM core.undl_vote_records v
FULL JOIN core.undl_resolutions r ON r.resolution_symbol = v.resolution_symbol;

-- Per text of the UN's machine-readable resolutions: the same facts, announced counts of recorded votes only.
CREATE TEMP TABLE unxml_texts AS
SELECT resolution_symbol AS symbol, adopted_date, session, title,
       concat_ws(' ', agenda_title, subjects) AS subject_text, draft_symbol, meeting_record, adoption_mode,
       announced_yes_count AS yes_count, announced_no_count AS no_count, announced_abstain_count AS abstain_count,
       source
FROM core.unxml_resolutions;

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
    FROM core.history_resolutions
)
SELECT c.*, p.track, p.phrase
FROM candidates c
JOIN track_phrases p ON contains(lower(coalesce(c.title, '') || ' ' || c.subject_text), p.phrase)
WHERE c.symbol NOT IN (SELECT symbol FROM core.resolutions)
  AND c.symbol NOT IN (SELECT symbol FROM excluded_symbols)
QUALIFY row_number() OVER (PARTITION BY c.symbol ORDER BY c.origin_rank, p.priority) = 1;

-- The history's votes under the record's state codes (data/state_code_variants.csv: e.g. the dataset's
-- YUG is Serbia from 2000-11-01); the bundled file itself keeps the codes as published.
CREATE VIEW core.history_votes_iso AS
SELECT h.resolution_symbol, r.vote_date, CAST(r.session_number AS VARCHAR) AS session,
       coalesce(m.iso3, h.iso3) AS iso3, h.vote, h.source, h.confidence,
       CASE WHEN m.iso3 IS NOT NULL THEN 'Dataset code ' || h.iso3 || ' (data/state_code_variants.csv)' END AS notes
FROM core.history_votes h
JOIN core.history_resolutions r USING (resolution_symbol)
LEFT JOIN core.state_code_variants m
  ON m.dataset = 'voeten_unga' AND m.dataset_code = h.iso3 AND r.vote_date >= m.valid_from
 AND (m.valid_to IS NULL OR r.vote_date <= m.valid_to);

CREATE TABLE core.resolution_record AS
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
FROM core.resolutions c
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

-- Per-state plenary votes: each resolution's rows come from one origin, the best one holding it (curated,
-- then the newest import, then the UN's machine-readable resolutions, then Voeten's history), so origins
-- never mix within a vote. Where the last two both hold a vote (session 74) the UN's own lists win: they are
-- the record Voeten's data is compiled from, and they hold the votes after December that Voeten's lack.
CREATE TABLE core.vote_record AS
WITH curated AS (
    SELECT v.resolution_symbol, v.vote_date, v.iso3, v.vote, CAST(r.session_number AS VARCHAR) AS session,
           'curated' AS origin, v.source, v.confidence, v.notes
    FROM core.votes v JOIN core.resolutions r ON r.symbol = v.resolution_symbol
    WHERE v.stage = 'plenary'
), undl AS (
    SELECT u.resolution_symbol, u.vote_date, u.iso3, u.vote, r.session, 'undl' AS origin,
           coalesce(r.undl_link, 'https://digitallibrary.un.org/record/4060887') AS source,
           'single-source' AS confidence, 'imported from ' || u.import_file AS notes
    FROM core.undl_votes u LEFT JOIN core.undl_vote_records r USING (resolution_symbol)
    WHERE u.resolution_symbol NOT IN (SELECT resolution_symbol FROM curated)
), unxml AS (
    SELECT v.resolution_symbol, r.adopted_date AS vote_date, v.iso3, v.vote, r.session, 'unxml' AS origin,
           v.resolution_symbol || ' ; ' || r.meeting_record || ' ; ' || v.source AS source, v.confidence,
           CAST(NULL AS VARCHAR) AS notes
    FROM core.unxml_votes v JOIN core.unxml_resolutions r USING (resolution_symbol)
    WHERE v.resolution_symbol NOT IN (SELECT resolution_symbol FROM curated)
      AND v.resolution_symbol NOT IN (SELECT resolution_symbol FROM core.undl_votes)
), history AS (
    SELECT h.resolution_symbol, h.vote_date, h.iso3, h.vote, h.session, 'history' AS origin, h.source,
           h.confidence, h.notes
    FROM core.history_votes_iso h
    WHERE h.resolution_symbol NOT IN (SELECT resolution_symbol FROM curated)
      AND h.resolution_symbol NOT IN (SELECT resolution_symbol FROM core.undl_votes)
      AND h.resolution_symbol NOT IN (SELECT resolution_symbol FROM core.unxml_votes)
), listed AS (
    SELECT * FROM unxml UNION ALL SELECT * FROM history
), not_voting AS (
    -- Both bundled origins list only states that voted; on the record's texts, a member on the vote date
    -- without a row did not vote (the same inference, flagged the same way, as in data/votes.csv).
    SELECT t.resolution_symbol, t.vote_date, s.iso3, 'X' AS vote, t.session, t.origin, t.source,
           'inferred' AS confidence,
           'UN member on the vote date with no recorded vote in the dataset: did not vote' AS notes
    FROM (SELECT DISTINCT resolution_symbol, vote_date, session, origin, source FROM listed
          WHERE resolution_symbol IN (SELECT symbol FROM core.resolution_record)) t
    JOIN core.states s ON s.status = 'member' AND s.un_member_since <= t.vote_date
    WHERE NOT EXISTS (SELECT 1 FROM listed h WHERE h.resolution_symbol = t.resolution_symbol AND h.iso3 = s.iso3)
)
SELECT *, resolution_symbol IN (SELECT symbol FROM core.resolution_record) AS is_cyber
FROM (SELECT * FROM curated UNION ALL SELECT * FROM undl UNION ALL SELECT * FROM listed
      UNION ALL SELECT * FROM not_voting)
ORDER BY vote_date, resolution_symbol, iso3;

CREATE VIEW resolutions AS
SELECT *, 'https://undocs.org/' || symbol AS document_url FROM core.resolution_record;

CREATE VIEW votes AS
SELECT resolution_symbol, 'plenary' AS stage, vote_date, iso3, vote, source, confidence, notes, origin
FROM core.vote_record WHERE is_cyber
UNION ALL
SELECT resolution_symbol, stage, vote_date, iso3, vote, source, confidence, notes, 'curated' AS origin
FROM core.votes WHERE stage = 'committee';

CREATE VIEW all_votes AS
SELECT resolution_symbol, vote_date, iso3, vote, session, origin, is_cyber FROM core.vote_record;

-- Every state whose vote two origins record differently, for each pair of origins holding the same vote; the
-- record keeps the first-ranked (kept_origin). The bundled origins list only voters, so a state absent from
-- them did not vote (X); a state absent from curated rows or an import is not compared.
CREATE VIEW vote_disagreements AS
WITH origins AS (
    SELECT resolution_symbol, iso3, vote, 'curated' AS origin, 'data/votes.csv' AS origin_file, 1 AS origin_rank
    FROM core.votes WHERE stage = 'plenary'
    UNION ALL SELECT resolution_symbol, iso3, vote, 'undl', import_file, 2 FROM core.undl_votes
    UNION ALL SELECT resolution_symbol, iso3, vote, 'unxml', 'data/history/un_ga_votes_74_80.parquet', 3
    FROM core.unxml_votes
    UNION ALL SELECT resolution_symbol, iso3, vote, 'history', 'data/history/ga_votes_1946_2019.parquet', 4
    FROM core.history_votes_iso
), held AS (
    SELECT DISTINCT resolution_symbol, origin, origin_rank, origin_file FROM origins
), pairs AS (
    SELECT a.resolution_symbol, a.origin AS kept_origin, b.origin AS other_origin, b.origin_file AS other_file
    FROM held a JOIN held b ON b.resolution_symbol = a.resolution_symbol AND a.origin_rank < b.origin_rank
)
SELECT p.resolution_symbol, s.iso3, coalesce(k.vote, 'X') AS kept_vote, p.kept_origin,
       coalesce(o.vote, 'X') AS other_vote, p.other_origin, p.other_file
FROM pairs p
JOIN (SELECT DISTINCT resolution_symbol, iso3 FROM origins) s USING (resolution_symbol)
LEFT JOIN origins k ON k.resolution_symbol = p.resolution_symbol AND k.origin = p.kept_origin AND k.iso3 = s.iso3
LEFT JOIN origins o ON o.resolution_symbol = p.resolution_symbol AND o.origin = p.other_origin AND o.iso3 = s.iso3
WHERE coalesce(k.vote, 'X') <> coalesce(o.vote, 'X')
  AND (k.vote IS NOT NULL OR p.kept_origin IN ('unxml', 'history'))
  AND (o.vote IS NOT NULL OR p.other_origin IN ('unxml', 'history'))
ORDER BY p.resolution_symbol, s.iso3, p.kept_origin, p.other_origin;

CREATE VIEW undl_disagreements AS
SELECT resolution_symbol, iso3, kept_vote AS curated_vote, other_vote AS imported_vote, other_file AS import_file
FROM vote_disagreements WHERE kept_origin = 'curated' AND other_origin = 'undl';

-- Facts of a curated text that the UN's machine-readable resolutions give differently (curated kept).
CREATE VIEW text_disagreements AS
SELECT c.symbol AS resolution_symbol, d.column_name, d.curated_value, d.unxml_value, u.source AS unxml_source
FROM core.resolutions c
JOIN core.unxml_resolutions u ON u.resolution_symbol = c.symbol,
LATERAL (SELECT * FROM (VALUES
    ('adopted_date', CAST(c.adopted_date AS VARCHAR), CAST(u.adopted_date AS VARCHAR)),
    ('draft_symbol', c.draft_symbol, u.draft_symbol),
    ('adoption_mode', c.adoption_mode, u.adoption_mode),
    ('plenary_yes_count', CAST(c.plenary_yes_count AS VARCHAR), CAST(u.announced_yes_count AS VARCHAR)),
    ('plenary_no_count', CAST(c.plenary_no_count AS VARCHAR), CAST(u.announced_no_count AS VARCHAR)),
    ('plenary_abstain_count', CAST(c.plenary_abstain_count AS VARCHAR), CAST(u.announced_abstain_count AS VARCHAR)),
    ('meeting_record', c.meeting_record, u.meeting_record)) AS t(column_name, curated_value, unxml_value)) d
WHERE d.curated_value IS NOT NULL AND d.unxml_value IS NOT NULL AND d.curated_value <> d.unxml_value
ORDER BY resolution_symbol, column_name;

-- Sponsors: curated rows, and for the record's texts the UN's lists for the states curation does not name
-- (one row per state and text: a state sponsors one draft). The main sponsor is never inferred from them:
-- the UN's lists are alphabetical.
CREATE OR REPLACE VIEW sponsorships AS
SELECT s.*, 'curated' AS origin FROM core.sponsorships s
UNION ALL BY NAME
SELECT u.draft_symbol, u.resolution_symbol, u.iso3, u.role, u.source, u.confidence,
       CASE WHEN u.on_behalf_of IS NOT NULL THEN 'Listed as "' || u.source_sponsor_text || '"' END AS notes,
       'unxml' AS origin
FROM core.unxml_sponsors u
WHERE u.resolution_symbol IN (SELECT symbol FROM core.resolution_record)
  AND NOT EXISTS (SELECT 1 FROM core.sponsorships c
                  WHERE c.resolution_symbol = u.resolution_symbol AND c.iso3 = u.iso3);

-- One row per cited reference per table: sources are written as ' ; '-separated lists.
CREATE VIEW sources AS
WITH cited AS (
    SELECT 'states' AS table_name, source, confidence FROM core.states
    UNION ALL SELECT 'resolutions', source, confidence FROM core.resolution_record
    UNION ALL SELECT 'votes', source, confidence FROM votes
    UNION ALL SELECT 'sponsorships', source, confidence FROM sponsorships
    UNION ALL SELECT 'meetings', source, confidence FROM core.meetings
    UNION ALL SELECT 'bloc_memberships', source, confidence FROM core.bloc_memberships
    UNION ALL SELECT 'blocs', source, confidence FROM core.blocs
    UNION ALL SELECT 'treaty_actions', source, confidence FROM core.treaty_actions
    UNION ALL SELECT 'state_code_variants', source, confidence FROM core.state_code_variants
), refs AS (
    SELECT table_name, trim(unnest(string_split(source, ' ; '))) AS source_ref, confidence FROM cited
)
SELECT
    source_ref,
    CASE WHEN source_ref LIKE 'http%' THEN 'url' ELSE 'document' END AS source_kind,
    CASE WHEN source_ref LIKE 'http%' THEN regexp_extract(source_ref, '^(\S+)')
         WHEN regexp_matches(source_ref, '^[AE]/') THEN 'https://undocs.org/' || regexp_extract(source_ref, '^(\S+)')
    END AS link_url,
    table_name,
    count(*) AS row_count,
    count(*) FILTER (WHERE confidence = 'confirmed') AS confirmed_count,
    count(*) FILTER (WHERE confidence = 'single-source') AS single_source_count,
    count(*) FILTER (WHERE confidence = 'inferred') AS inferred_count
FROM refs
WHERE source_ref <> ''
GROUP BY ALL
ORDER BY table_name, row_count DESC, source_ref;

-- Display names for every state code in the record: the UN's names, and for codes of the history that
-- are no longer UN members (CSK, DDR, YUG before 2000, ...) the dataset's own name, title-cased.
CREATE VIEW state_labels AS
SELECT iso3, name, coalesce(un_regional_group, 'No regional group') AS un_regional_group, true AS is_current
FROM core.states
UNION ALL
SELECT iso3,
       array_to_string(list_transform(string_split(lower(any_value(dataset_state_name)), ' '),
                                      lambda w: upper(left(w, 1)) || substr(w, 2)), ' ') AS name,
       'No regional group' AS un_regional_group, false AS is_current
FROM core.history_votes
WHERE iso3 NOT IN (SELECT iso3 FROM core.states)
GROUP BY iso3;

-- Curated sponsorships whose role the UN's lists give differently (curated kept, for review).
CREATE VIEW sponsor_disagreements AS
SELECT c.resolution_symbol, c.iso3, c.role AS curated_role, u.role AS unxml_role, u.draft_symbol AS unxml_draft_symbol,
       u.source AS unxml_source
FROM core.sponsorships c
JOIN core.unxml_sponsors u USING (resolution_symbol, iso3)
WHERE c.role <> u.role
ORDER BY c.resolution_symbol, c.iso3;

-- Coverage per GA session: the recorded votes each bundled origin holds and those the record keeps. The UN's
-- resolutions list every recorded vote of sessions 74-80 (a few without names); Voeten's history lacks the
-- votes after December of some sessions (67, 70, 72 and 73), which no origin here fills.
CREATE VIEW vote_coverage_by_session AS
WITH kept AS (
    SELECT session, min(vote_date) AS first_vote_date, max(vote_date) AS last_vote_date,
           count(DISTINCT resolution_symbol) AS kept_vote_count
    FROM core.vote_record GROUP BY session
), held_by_history AS (
    SELECT CAST(session_number AS VARCHAR) AS session, count(*) AS history_vote_count
    FROM core.history_resolutions GROUP BY 1
), held_by_unxml AS (
    SELECT session, count(*) FILTER (WHERE adoption_mode = 'recorded_vote') AS unxml_vote_count,
           count(*) FILTER (WHERE adoption_mode = 'recorded_vote'
                            AND listed_yes_count + listed_no_count + listed_abstain_count > 0) AS unxml_listed_vote_count
    FROM core.unxml_resolutions GROUP BY session
)
SELECT session, first_vote_date, last_vote_date, coalesce(history_vote_count, 0) AS history_vote_count,
       coalesce(unxml_vote_count, 0) AS unxml_vote_count, coalesce(unxml_listed_vote_count, 0) AS unxml_listed_vote_count,
       coalesce(kept_vote_count, 0) AS kept_vote_count
FROM kept FULL JOIN held_by_history USING (session) FULL JOIN held_by_unxml USING (session)
ORDER BY try_cast(session AS INTEGER) NULLS LAST, session;
