-- Grain: one row per problem found in a staged UNDL resolutions file (first $limit problems, in file order).
WITH checks AS (
    SELECT line_number, 'resolution' AS column_name, resolution AS value, 'required' AS rule,
           'a resolution symbol is required' AS message FROM staged WHERE undl_missing(resolution)
    UNION ALL
    SELECT line_number, 'date', date, 'type', 'expected a date YYYY-MM-DD' FROM staged WHERE undl_bad_date(date)
    UNION ALL
    SELECT line_number, 'total_yes', total_yes, 'type', 'expected a whole number' FROM staged WHERE undl_bad_count(total_yes)
    UNION ALL
    SELECT line_number, 'total_no', total_no, 'type', 'expected a whole number' FROM staged WHERE undl_bad_count(total_no)
    UNION ALL
    SELECT line_number, 'total_abstentions', total_abstentions, 'type', 'expected a whole number'
    FROM staged WHERE undl_bad_count(total_abstentions)
    UNION ALL
    SELECT line_number, 'resolution', resolution, 'unique', 'the same resolution appears twice (first on line ' || first_line || ')'
    FROM (SELECT line_number, resolution, min(line_number) OVER (PARTITION BY trim(resolution)) AS first_line FROM staged)
    WHERE line_number <> first_line
    UNION ALL
    SELECT line_number, column_name, undl_shown_text(value), 'text',
           'a control character (NUL, CR, ...) or more than 5,000 characters: outside text is refused, not shown'
    FROM (UNPIVOT (SELECT line_number, title, agenda_title, subjects, resolution, draft, meeting, committee_report, session, undl_link, vote_note FROM staged)
          ON COLUMNS(* EXCLUDE (line_number)) INTO NAME column_name VALUE value)
    WHERE undl_unsafe_text(value)
)
SELECT line_number, column_name, value, rule, message FROM checks ORDER BY line_number, column_name LIMIT $limit
