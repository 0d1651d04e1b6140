-- The row checks of UN Digital Library imports, defined once and used by the fast and detailed queries.
CREATE OR REPLACE TEMP MACRO undl_bad_code(x) AS x IS NULL OR NOT regexp_full_match(trim(x), '[A-Za-z]{3}');
CREATE OR REPLACE TEMP MACRO undl_bad_vote(x) AS upper(trim(coalesce(x, ''))) NOT IN ('Y', 'N', 'A', 'X', 'NV', '');
CREATE OR REPLACE TEMP MACRO undl_bad_date(x) AS try_cast(left(trim(coalesce(x, '')), 10) AS DATE) IS NULL;
CREATE OR REPLACE TEMP MACRO undl_missing(x) AS trim(coalesce(x, '')) = '';
CREATE OR REPLACE TEMP MACRO undl_bad_count(x) AS trim(coalesce(x, '')) <> ''
    AND (try_cast(x AS DOUBLE) IS NULL OR try_cast(x AS DOUBLE) <> floor(try_cast(x AS DOUBLE)));
