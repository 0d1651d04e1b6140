-- Grain: one row of headline counts for the home page.
SELECT
    (SELECT count(*) FROM meetings WHERE status = 'held') AS held_meeting_count,
    (SELECT count(*) FROM meetings) AS meeting_count,
    (SELECT count(DISTINCT iso3) FROM sponsorships) AS sponsor_state_count,
    (SELECT count(*) FROM sponsorships) AS sponsorship_count,
    (SELECT count(*) FROM resolutions) AS resolution_count,
    (SELECT count(DISTINCT resolution_symbol || stage) FROM votes) AS recorded_vote_count,
    (SELECT count(*) FROM states WHERE status = 'member') AS member_state_count
