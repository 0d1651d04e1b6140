-- Views over imported data. Curated facts win: imports only add resolutions the curated record lacks.
CREATE VIEW undl_votes AS SELECT * FROM core.undl_votes;
CREATE VIEW undl_vote_records AS SELECT * FROM core.undl_vote_records;
CREATE VIEW undl_resolutions AS SELECT * FROM core.undl_resolutions;

CREATE VIEW all_votes AS
SELECT v.resolution_symbol, v.vote_date, v.iso3, v.vote, CAST(r.session_number AS VARCHAR) AS session,
       'curated' AS origin, true AS is_cyber
FROM core.votes v JOIN core.resolutions r ON r.symbol = v.resolution_symbol
WHERE v.stage = 'plenary'
UNION ALL
SELECT u.resolution_symbol, u.vote_date, u.iso3, u.vote, r.session, 'undl' AS origin,
       u.resolution_symbol IN (SELECT symbol FROM core.resolutions) AS is_cyber
FROM core.undl_votes u
LEFT JOIN core.undl_vote_records r ON r.resolution_symbol = u.resolution_symbol AND r.import_file = u.import_file
WHERE u.resolution_symbol NOT IN (SELECT DISTINCT resolution_symbol FROM core.votes WHERE stage = 'plenary');

CREATE VIEW undl_disagreements AS
SELECT v.resolution_symbol, v.iso3, v.vote AS curated_vote, u.vote AS imported_vote, u.import_file
FROM core.votes v
JOIN core.undl_votes u ON u.resolution_symbol = v.resolution_symbol AND u.iso3 = v.iso3
WHERE v.stage = 'plenary' AND v.vote <> u.vote
ORDER BY v.resolution_symbol, v.iso3;
