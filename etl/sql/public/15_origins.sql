-- Origins compared: where two origins hold the same fact differently (the record keeps the first-ranked), and
-- what each bundled origin holds per session. These views read staging, since their point is the origins as
-- they came in.
-- Every state whose vote two origins record differently, for each pair of origins holding the same vote; the
-- record keeps the first-ranked (kept_origin). The bundled origins list only voters, so a state absent from
-- them did not vote (X); a state absent from curated rows or an import is not compared.
CREATE VIEW vote_disagreements AS
WITH origins AS (
    SELECT resolution_symbol, iso3, vote, 'curated' AS origin, 'data/votes.csv' AS origin_file, 1 AS origin_rank
    FROM staging.curated_votes WHERE stage = 'plenary'
    UNION ALL SELECT resolution_symbol, iso3, vote, 'undl', import_file, 2 FROM staging.undl_votes
    UNION ALL SELECT resolution_symbol, iso3, vote, 'unxml', 'data/history/un_ga_votes_74_80.parquet', 3
    FROM staging.unxml_votes
    UNION ALL SELECT resolution_symbol, iso3, vote, 'history', 'data/history/ga_votes_1946_2019.parquet', 4
    FROM staging.history_votes_iso
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

-- Facts of a curated text that the UN's machine-readable resolutions give differently (curated kept).
CREATE VIEW text_disagreements AS
SELECT c.symbol AS resolution_symbol, d.column_name, d.curated_value, d.unxml_value, u.source AS unxml_source
FROM staging.curated_resolutions c
JOIN staging.unxml_resolutions u ON u.resolution_symbol = c.symbol,
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

-- Curated sponsorships whose role the UN's lists give differently (curated kept, for review).
CREATE VIEW sponsor_disagreements AS
SELECT c.resolution_symbol, c.iso3, c.role AS curated_role, u.role AS unxml_role, u.draft_symbol AS unxml_draft_symbol,
       u.source AS unxml_source
FROM staging.curated_sponsorships c
JOIN staging.unxml_sponsors u USING (resolution_symbol, iso3)
WHERE c.role <> u.role
ORDER BY c.resolution_symbol, c.iso3;

-- Coverage per GA session: the recorded votes each bundled origin holds and those the record keeps. The UN's
-- resolutions list every recorded vote of sessions 74-80 (a few without names); Voeten's history lacks the
-- votes after December of some sessions (67, 70, 72 and 73), which no origin here fills.
CREATE VIEW vote_coverage_by_session AS
WITH kept AS (
    SELECT session, min(vote_date) AS first_vote_date, max(vote_date) AS last_vote_date,
           count(DISTINCT resolution_symbol) AS kept_vote_count
    FROM record.votes WHERE stage = 'plenary' GROUP BY session
), held_by_history AS (
    SELECT CAST(session_number AS VARCHAR) AS session, count(*) AS history_vote_count
    FROM staging.history_resolutions GROUP BY 1
), held_by_unxml AS (
    SELECT session, count(*) FILTER (WHERE adoption_mode = 'recorded_vote') AS unxml_vote_count,
           count(*) FILTER (WHERE adoption_mode = 'recorded_vote'
                            AND listed_yes_count + listed_no_count + listed_abstain_count > 0) AS unxml_listed_vote_count
    FROM staging.unxml_resolutions GROUP BY session
)
SELECT session, first_vote_date, last_vote_date, coalesce(history_vote_count, 0) AS history_vote_count,
       coalesce(unxml_vote_count, 0) AS unxml_vote_count, coalesce(unxml_listed_vote_count, 0) AS unxml_listed_vote_count,
       coalesce(kept_vote_count, 0) AS kept_vote_count
FROM kept FULL JOIN held_by_history USING (session) FULL JOIN held_by_unxml USING (session)
ORDER BY try_cast(session AS INTEGER) NULLS LAST, session;

