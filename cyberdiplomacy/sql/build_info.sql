-- Grain: one row: the data version and build date of the warehouse.
SELECT data_version, built_at, data_built_date, licence, citation FROM build_info
