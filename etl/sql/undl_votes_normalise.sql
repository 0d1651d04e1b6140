-- Grain: one row per state x resolution of a staged UNDL voting file (per-resolution details go elsewhere).
SELECT trim(resolution) AS resolution_symbol,
       upper(trim(ms_code)) AS iso3,
       CASE WHEN upper(trim(coalesce(ms_vote, ''))) IN ('', 'NV', 'X') THEN 'X'
            ELSE upper(trim(ms_vote)) END AS vote,
       try_cast(left(trim(date), 10) AS DATE) AS vote_date,
       $import_file AS import_file
FROM staged
