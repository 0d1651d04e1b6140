-- The public data contract: what the app and analysts read (documented in README.md).
CREATE VIEW states AS SELECT * FROM core.states;
CREATE VIEW resolutions AS
    SELECT *, 'https://undocs.org/' || symbol AS document_url
    FROM core.resolutions;
CREATE VIEW votes AS SELECT * FROM core.votes;
CREATE VIEW sponsorships AS SELECT * FROM core.sponsorships;
CREATE VIEW meetings AS SELECT * FROM core.meetings;
CREATE VIEW bloc_memberships AS SELECT * FROM core.bloc_memberships;
CREATE VIEW treaty_actions AS SELECT * FROM core.treaty_actions;

-- One row per cited reference per table: sources are written as ' ; '-separated lists.
CREATE VIEW sources AS
WITH cited AS (
    SELECT 'states' AS table_name, source, confidence FROM core.states
    UNION ALL SELECT 'resolutions', source, confidence FROM core.resolutions
    UNION ALL SELECT 'votes', source, confidence FROM core.votes
    UNION ALL SELECT 'sponsorships', source, confidence FROM core.sponsorships
    UNION ALL SELECT 'meetings', source, confidence FROM core.meetings
    UNION ALL SELECT 'bloc_memberships', source, confidence FROM core.bloc_memberships
    UNION ALL SELECT 'treaty_actions', source, confidence FROM core.treaty_actions
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
