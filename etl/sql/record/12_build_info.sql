-- Grain: one row per curated or bundled table (datasets, from the registered `incoming` Arrow table), and one
-- row of build facts: the data version, when it was built, its licence and how to cite it. DuckDB binds
-- parameters only in a script's last statement, so the insert comes last.
CREATE TABLE record.datasets AS SELECT * FROM incoming;
CREATE TABLE record.build_info (data_version VARCHAR, built_at TIMESTAMP, data_built_date DATE, licence VARCHAR,
                               citation VARCHAR);
COMMENT ON TABLE record.datasets IS 'The inputs: one row per curated table and bundled file, with its provenance and row count.';
COMMENT ON TABLE record.build_info IS 'This build: its data version, when it was built, its licence and how to cite it.';
INSERT INTO record.build_info VALUES ($version, now()::TIMESTAMP, current_date, $licence, $citation);
