-- Grain: one row: how many rows break a check, and how many resolutions repeat.
SELECT
    (SELECT count(*) FROM staged WHERE undl_missing(resolution) OR undl_bad_date(date)
        OR undl_bad_count(total_yes) OR undl_bad_count(total_no) OR undl_bad_count(total_abstentions))
  + (SELECT count(*) FROM (SELECT 1 FROM staged GROUP BY trim(resolution) HAVING count(*) > 1))
