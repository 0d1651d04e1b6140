CREATE TEMP TABLE staged AS
SELECT row_number() OVER () + 1 AS line_number, *
FROM read_csv($path, header = true, columns = $columns, quote = '"', escape = '"', delim = ',', strict_mode = true,
              null_padding = false)
