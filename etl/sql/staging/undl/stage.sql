CREATE TEMP TABLE staged AS
SELECT CAST(NULL AS BIGINT) AS line_number, *
FROM read_csv($path, header = true, columns = $columns, quote = '"', escape = '"', delim = ',', strict_mode = true,
              null_padding = false)
