-- Grain: one row per column of the public views (the data contract), with its COMMENT.
SELECT c.table_name, v.comment AS table_comment, c.column_name, c.data_type, c.comment
FROM duckdb_columns() c
JOIN duckdb_views() v ON v.view_name = c.table_name AND v.schema_name = c.schema_name
WHERE c.schema_name = 'main' AND c.database_name = current_database()
ORDER BY c.table_name, c.column_index
