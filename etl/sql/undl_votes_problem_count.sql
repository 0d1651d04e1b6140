-- Grain: one row: how many rows break a check, and how many (resolution, state) pairs repeat.
SELECT
    (SELECT count(*) FROM staged
     WHERE undl_bad_code(ms_code) OR undl_bad_vote(ms_vote) OR undl_bad_date(date) OR undl_missing(resolution)
        OR undl_bad_count(total_yes) OR undl_bad_count(total_no) OR undl_bad_count(total_abstentions))
  + (SELECT count(*) FROM (SELECT 1 FROM staged GROUP BY resolution, upper(trim(ms_code)) HAVING count(*) > 1))
