-- Grain: one row: how many rows break a check, and how many resolutions repeat.
SELECT
    (SELECT count(*) FROM staged WHERE undl_missing(resolution) OR undl_bad_date(date)
        OR undl_bad_count(total_yes) OR undl_bad_count(total_no) OR undl_bad_count(total_abstentions)
        OR undl_unsafe_text(title) OR undl_unsafe_text(agenda_title) OR undl_unsafe_text(subjects)
        OR undl_unsafe_text(resolution) OR undl_unsafe_text(draft) OR undl_unsafe_text(meeting)
        OR undl_unsafe_text(committee_report) OR undl_unsafe_text(session) OR undl_unsafe_text(undl_link)
        OR undl_unsafe_text(vote_note))
  + (SELECT count(*) FROM (SELECT 1 FROM staged GROUP BY trim(resolution) HAVING count(*) > 1))
