-- Provenance: every reference the record's rows cite, the inputs the warehouse was built from, and the build.
CREATE VIEW datasets AS SELECT * FROM record.datasets;
CREATE VIEW build_info AS SELECT * FROM record.build_info;

-- One row per cited reference per table: sources are written as ' ; '-separated lists.
CREATE VIEW sources AS
WITH cited AS (
    SELECT 'states' AS table_name, source, confidence FROM record.states
    UNION ALL SELECT 'resolutions', source, confidence FROM record.resolutions
    UNION ALL SELECT 'votes', source, confidence FROM record.votes WHERE is_cyber
    UNION ALL SELECT 'sponsorships', source, confidence FROM record.sponsorships
    UNION ALL SELECT 'meetings', source, confidence FROM record.meetings
    UNION ALL SELECT 'bloc_memberships', source, confidence FROM record.bloc_memberships
    UNION ALL SELECT 'blocs', source, confidence FROM record.blocs
    UNION ALL SELECT 'treaty_actions', source, confidence FROM record.treaty_actions
    UNION ALL SELECT 'state_code_variants', source, confidence FROM record.state_code_variants
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
