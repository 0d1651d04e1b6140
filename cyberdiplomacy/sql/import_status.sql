-- Grain: one row: how much UN Digital Library data is loaded, and the years it covers.
SELECT (SELECT count(*) FROM undl_votes) AS imported_vote_count,
       (SELECT count(DISTINCT resolution_symbol) FROM undl_votes) AS imported_resolution_count,
       (SELECT count(*) FROM undl_resolutions) AS imported_resolution_record_count,
       (SELECT min(year(vote_date)) FROM undl_votes) AS first_year,
       (SELECT max(year(vote_date)) FROM undl_votes) AS last_year,
       (SELECT count(*) FROM undl_disagreements) AS disagreement_count
