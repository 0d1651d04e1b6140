-- Grain: one row per curated or bundled table (datasets, from the registered `incoming` Arrow table), and one
-- row of build facts: the data version, when it was built, its licence and how to cite it. DuckDB binds
-- parameters only in a script's last statement, so the insert comes last.
CREATE TABLE core.datasets AS SELECT * FROM incoming;
CREATE VIEW datasets AS SELECT * FROM core.datasets;
CREATE TABLE core.build_info (data_version VARCHAR, built_at TIMESTAMP, data_built_date DATE, licence VARCHAR,
                              citation VARCHAR);
CREATE VIEW build_info AS SELECT * FROM core.build_info;
INSERT INTO core.build_info VALUES ($version, now()::TIMESTAMP, current_date, $licence, $citation);
