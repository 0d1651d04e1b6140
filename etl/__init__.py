"""ETL: validate the curated CSVs in data/ and build the DuckDB warehouse from them."""
