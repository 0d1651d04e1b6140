-- Every recorded vote of every origin, one row per resolution x stage x state: the record behind `votes` (the
-- record's texts) and `all_votes` (every recorded plenary vote), so both read one table.
-- Plenary votes: each resolution's rows come from one origin, the best one holding it (curated, then the newest
-- import, then the UN's machine-readable resolutions, then Voeten's history), so origins never mix within a vote.
-- Where the last two both hold a vote (session 74) the UN's own lists win: they are the record Voeten's data is
-- compiled from, and they hold the votes after December that Voeten's lack. Committee votes: curation alone
-- records them.
CREATE TABLE record.votes AS
WITH curated AS (
    SELECT v.resolution_symbol, v.vote_date, v.iso3, v.vote, CAST(r.session_number AS VARCHAR) AS session,
           'curated' AS origin, v.source, v.confidence, v.notes
    FROM staging.curated_votes v JOIN staging.curated_resolutions r ON r.symbol = v.resolution_symbol
    WHERE v.stage = 'plenary'
), undl AS (
    SELECT u.resolution_symbol, u.vote_date, u.iso3, u.vote, r.session, 'undl' AS origin,
           coalesce(r.undl_link, 'https://digitallibrary.un.org/record/4060887') AS source,
           'single-source' AS confidence, 'imported from ' || u.import_file AS notes
    FROM staging.undl_votes u LEFT JOIN staging.undl_vote_records r USING (resolution_symbol)
    WHERE u.resolution_symbol NOT IN (SELECT resolution_symbol FROM curated)
), unxml AS (
    SELECT v.resolution_symbol, r.adopted_date AS vote_date, v.iso3, v.vote, r.session, 'unxml' AS origin,
           v.resolution_symbol || ' ; ' || r.meeting_record || ' ; ' || v.source AS source, v.confidence,
           CAST(NULL AS VARCHAR) AS notes
    FROM staging.unxml_votes v JOIN staging.unxml_resolutions r USING (resolution_symbol)
    WHERE v.resolution_symbol NOT IN (SELECT resolution_symbol FROM curated)
      AND v.resolution_symbol NOT IN (SELECT resolution_symbol FROM staging.undl_votes)
), history AS (
    SELECT h.resolution_symbol, h.vote_date, h.iso3, h.vote, h.session, 'history' AS origin, h.source,
           h.confidence, h.notes
    FROM staging.history_votes_iso h
    WHERE h.resolution_symbol NOT IN (SELECT resolution_symbol FROM curated)
      AND h.resolution_symbol NOT IN (SELECT resolution_symbol FROM staging.undl_votes)
      AND h.resolution_symbol NOT IN (SELECT resolution_symbol FROM staging.unxml_votes)
), listed AS (
    SELECT * FROM unxml UNION ALL SELECT * FROM history
), not_voting AS (
    -- Both bundled origins list only states that voted; on the record's texts, a member on the vote date
    -- without a row did not vote (the same inference, flagged the same way, as in data/votes.csv).
    SELECT t.resolution_symbol, t.vote_date, s.iso3, 'X' AS vote, t.session, t.origin, t.source,
           'inferred' AS confidence,
           'UN member on the vote date with no recorded vote in the dataset: did not vote' AS notes
    FROM (SELECT DISTINCT resolution_symbol, vote_date, session, origin, source FROM listed
          WHERE resolution_symbol IN (SELECT symbol FROM record.resolutions)) t
    JOIN record.states s ON s.status = 'member' AND s.un_member_since <= t.vote_date
    WHERE NOT EXISTS (SELECT 1 FROM listed h WHERE h.resolution_symbol = t.resolution_symbol AND h.iso3 = s.iso3)
), plenary AS (
    SELECT * FROM curated UNION ALL SELECT * FROM undl UNION ALL SELECT * FROM listed UNION ALL SELECT * FROM not_voting
), committee AS (
    SELECT v.resolution_symbol, v.vote_date, v.iso3, v.vote, CAST(r.session_number AS VARCHAR) AS session,
           'curated' AS origin, v.source, v.confidence, v.notes
    FROM staging.curated_votes v JOIN staging.curated_resolutions r ON r.symbol = v.resolution_symbol
    WHERE v.stage = 'committee'
), staged AS (
    SELECT resolution_symbol, 'plenary' AS stage, * EXCLUDE (resolution_symbol) FROM plenary
    UNION ALL
    SELECT resolution_symbol, 'committee' AS stage, * EXCLUDE (resolution_symbol) FROM committee
)
SELECT *, resolution_symbol IN (SELECT symbol FROM record.resolutions) AS is_cyber
FROM staged
ORDER BY stage = 'committee', vote_date, resolution_symbol, iso3;
COMMENT ON TABLE record.votes IS 'Every recorded vote per state that the origins hold, one origin per vote: curated, then imported, then the UN''s machine-readable resolutions, then Voeten''s history; plenary and (curated only) committee votes; is_cyber marks the record''s texts.';
