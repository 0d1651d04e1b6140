-- Grain: one row per problem found in a staged UNDL voting file (first $limit problems, in file order).
WITH checks AS (
    SELECT line_number, 'ms_code' AS column_name, ms_code AS value, 'pattern' AS rule,
           'expected a three-letter code' AS message FROM staged WHERE undl_bad_code(ms_code)
    UNION ALL
    SELECT line_number, 'ms_vote', ms_vote, 'allowed', 'expected Y, N, A, X, NV or empty'
    FROM staged WHERE undl_bad_vote(ms_vote)
    UNION ALL
    SELECT line_number, 'date', date, 'type', 'expected a date YYYY-MM-DD' FROM staged WHERE undl_bad_date(date)
    UNION ALL
    SELECT line_number, 'resolution', resolution, 'required', 'a resolution symbol is required'
    FROM staged WHERE undl_missing(resolution)
    UNION ALL
    SELECT line_number, 'total_yes', total_yes, 'type', 'expected a whole number' FROM staged WHERE undl_bad_count(total_yes)
    UNION ALL
    SELECT line_number, 'total_no', total_no, 'type', 'expected a whole number' FROM staged WHERE undl_bad_count(total_no)
    UNION ALL
    SELECT line_number, 'total_abstentions', total_abstentions, 'type', 'expected a whole number'
    FROM staged WHERE undl_bad_count(total_abstentions)
    UNION ALL
    SELECT s.line_number, 'resolution, ms_code', s.resolution || ' | ' || s.ms_code, 'unique',
           'the same state appears twice for this resolution (first on line ' || d.first_line || ')'
    FROM staged s
    JOIN (SELECT resolution, upper(trim(ms_code)) AS code, min(line_number) AS first_line
          FROM staged GROUP BY ALL HAVING count(*) > 1) d
      ON d.resolution = s.resolution AND d.code = upper(trim(s.ms_code))
    WHERE s.line_number <> d.first_line
    UNION ALL
    SELECT line_number, column_name, undl_shown_text(value), 'text',
           'a control character (NUL, CR, ...) or more than 5,000 characters: outside text is refused, not shown'
    FROM (UNPIVOT (SELECT line_number, title, agenda_title, subjects, resolution, draft, meeting, committee_report, session, ms_name, undl_link, vote_note FROM staged)
          ON COLUMNS(* EXCLUDE (line_number)) INTO NAME column_name VALUE value)
    WHERE undl_unsafe_text(value)
)
SELECT line_number, column_name, value, rule, message FROM checks ORDER BY line_number, column_name LIMIT $limit
