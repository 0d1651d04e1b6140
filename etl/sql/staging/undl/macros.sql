-- The row checks of UN Digital Library imports, defined once and used by the fast and detailed queries.
CREATE OR REPLACE TEMP MACRO undl_bad_code(x) AS x IS NULL OR NOT regexp_full_match(trim(x), '[A-Za-z]{3}');
CREATE OR REPLACE TEMP MACRO undl_bad_vote(x) AS upper(trim(coalesce(x, ''))) NOT IN ('Y', 'N', 'A', 'X', 'NV', '');
CREATE OR REPLACE TEMP MACRO undl_bad_date(x) AS try_cast(left(trim(coalesce(x, '')), 10) AS DATE) IS NULL;
CREATE OR REPLACE TEMP MACRO undl_missing(x) AS trim(coalesce(x, '')) = '';
CREATE OR REPLACE TEMP MACRO undl_bad_count(x) AS trim(coalesce(x, '')) <> ''
    AND (try_cast(x AS DOUBLE) IS NULL OR try_cast(x AS DOUBLE) <> floor(try_cast(x AS DOUBLE)));
-- Outside text that could act or hide in what shows it: a control character other than tab and line feed (NUL,
-- CR, escape), or a cell longer than the curated tables allow (5,000 characters).
CREATE OR REPLACE TEMP MACRO undl_unsafe_text(x) AS regexp_matches(coalesce(x, ''), '[\x00-\x08\x0b-\x1f\x7f]')
    OR length(coalesce(x, '')) > 5000;
CREATE OR REPLACE TEMP MACRO undl_shown_text(x) AS
    left(regexp_replace(x, '[\x00-\x1f\x7f]', '?', 'g'), 40) || CASE WHEN length(x) > 40 THEN '…' ELSE '' END;
