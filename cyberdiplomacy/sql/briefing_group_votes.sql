-- Grain: one row per recorded vote (resolution x stage) x UN regional group, plus one 'World' row per vote:
-- how many members voted yes, no, abstained or did not vote. A state's group is its regional-group spell in force
-- on the vote date, as in cohesion (bloc_member_votes.sql), so every surface counts a group alike.
WITH cast_votes AS (
    SELECT v.resolution_symbol, v.stage, v.vote_date, v.vote, coalesce(g.bloc, 'No regional group') AS un_regional_group
    FROM votes v JOIN states s USING (iso3)
    LEFT JOIN bloc_memberships g ON g.iso3 = v.iso3 AND g.bloc_kind = 'un_regional_group'
     AND g.start_date <= v.vote_date AND (g.left_date IS NULL OR g.left_date > v.vote_date)
), grouped AS (
    SELECT resolution_symbol, stage, min(vote_date) AS vote_date, un_regional_group,
           count(*) FILTER (WHERE vote = 'Y') AS yes_count, count(*) FILTER (WHERE vote = 'N') AS no_count,
           count(*) FILTER (WHERE vote = 'A') AS abstain_count, count(*) FILTER (WHERE vote = 'X') AS non_voting_count
    FROM cast_votes GROUP BY resolution_symbol, stage, un_regional_group
    UNION ALL
    SELECT resolution_symbol, stage, min(vote_date), 'World',
           count(*) FILTER (WHERE vote = 'Y'), count(*) FILTER (WHERE vote = 'N'),
           count(*) FILTER (WHERE vote = 'A'), count(*) FILTER (WHERE vote = 'X')
    FROM cast_votes GROUP BY resolution_symbol, stage
)
SELECT g.*, r.title, r.track
FROM grouped g JOIN resolutions r ON r.symbol = g.resolution_symbol
ORDER BY g.vote_date, g.resolution_symbol, g.stage, g.un_regional_group
