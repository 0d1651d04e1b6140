-- Grain: one row per bloc x member (on the vote date) x recorded plenary vote in scope.
SELECT b.bloc, a.resolution_symbol, a.vote_date, a.iso3, a.vote, a.origin
FROM all_votes a
JOIN bloc_memberships b ON b.iso3 = a.iso3
 AND b.start_date <= a.vote_date
 AND (b.left_date IS NULL OR b.left_date > a.vote_date)
WHERE list_contains($blocs, b.bloc) AND ($scope = 'all' OR a.is_cyber)
  AND year(a.vote_date) BETWEEN $from_year AND $to_year
