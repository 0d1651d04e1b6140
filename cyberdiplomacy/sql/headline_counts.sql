-- Grain: one row of headline counts for the home page.
SELECT
    (SELECT count(*) FROM meetings WHERE status = 'held') AS held_meeting_count,
    (SELECT count(DISTINCT iso3) FROM sponsorships) AS sponsor_state_count,
    (SELECT count(*) FROM sponsorships) AS sponsorship_count
