-- Grain: one row per treaty: signatures, instruments of consent by States, and the date of the 40th.
WITH instruments AS (
    SELECT treaty, action_date,
           row_number() OVER (PARTITION BY treaty ORDER BY action_date NULLS LAST) AS instrument_number
    FROM treaty_actions
    WHERE action IN ('ratification', 'accession', 'acceptance', 'approval') AND iso3 IS NOT NULL
)
SELECT t.treaty,
       count(*) FILTER (WHERE t.action = 'signature') AS signature_count,
       count(*) FILTER (WHERE t.action = 'signature' AND t.place = 'Hanoi') AS hanoi_signature_count,
       count(*) FILTER (WHERE t.action <> 'signature' AND t.iso3 IS NOT NULL) AS state_instrument_count,
       count(*) FILTER (WHERE t.action <> 'signature' AND t.iso3 IS NOT NULL AND t.action_date IS NULL)
           AS undated_instrument_count,
       (SELECT max(action_date) FROM instruments i WHERE i.treaty = t.treaty AND i.instrument_number = 40)
           AS fortieth_instrument_date,
       max(t.action_date) AS latest_action_date
FROM treaty_actions t
GROUP BY t.treaty
ORDER BY t.treaty
