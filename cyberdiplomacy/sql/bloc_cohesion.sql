-- Grain: one row per bloc x recorded vote: the share of the bloc's members (on the vote date) who cast
-- the bloc's most common vote, among those who voted Y, N or A.
WITH member_votes AS (
    SELECT b.bloc, b.bloc_kind, v.resolution_symbol, v.stage, v.vote_date, v.vote, v.iso3
    FROM votes v
    JOIN bloc_memberships b ON b.iso3 = v.iso3
     AND (b.joined_date IS NULL OR b.joined_date <= v.vote_date)
     AND (b.left_date IS NULL OR b.left_date > v.vote_date)
    WHERE v.vote <> 'X'
), counts AS (
    SELECT bloc, bloc_kind, resolution_symbol, stage, vote_date, vote, count(*) AS state_count
    FROM member_votes GROUP BY ALL
)
SELECT bloc, bloc_kind, resolution_symbol, stage, vote_date,
       arg_max(vote, state_count) AS majority_vote,
       max(state_count) AS majority_count,
       sum(state_count) AS voting_member_count,
       max(state_count) / sum(state_count) AS cohesion_share
FROM counts
WHERE list_contains($blocs, bloc)
GROUP BY ALL
ORDER BY vote_date, resolution_symbol, bloc
