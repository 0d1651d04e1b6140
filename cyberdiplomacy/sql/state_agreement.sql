-- Grain: one row per chosen state x other state: how often they cast the same vote on the recorded
-- votes both took part in (Y, N or A; 'X' rows are left out because a non-vote is not a position).
WITH cast_votes AS (
    SELECT resolution_symbol, stage, iso3, vote, origin FROM votes WHERE vote <> 'X'
)
SELECT a.iso3, b.iso3 AS other_iso3, s.name AS other_state_name,
       coalesce(s.un_regional_group, 'No regional group') AS other_un_regional_group,
       count(*) AS shared_vote_count,
       count(*) FILTER (WHERE a.vote = b.vote) AS same_vote_count,
       count(*) FILTER (WHERE a.vote = b.vote) / count(*) AS agreement_share,
       string_agg(DISTINCT a.origin, ',' ORDER BY a.origin) AS origins
FROM cast_votes a
JOIN cast_votes b USING (resolution_symbol, stage)
JOIN states s ON s.iso3 = b.iso3
WHERE list_contains($iso3s, a.iso3) AND a.iso3 <> b.iso3
GROUP BY ALL
ORDER BY a.iso3, agreement_share DESC, other_state_name
