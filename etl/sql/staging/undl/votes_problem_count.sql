-- Grain: one row: rows of the written Parquet that break a check, plus repeated (resolution, state) pairs.
SELECT
    (SELECT count(*) FROM read_parquet($written) WHERE row_problem)
  + (SELECT count(*) FROM (SELECT 1 FROM read_parquet($written) GROUP BY resolution_symbol, iso3 HAVING count(*) > 1))
