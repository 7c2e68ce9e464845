-- name: lookups/read_whole_table
-- question: Can every value of one table be read? Reading a whole table fails on a truncated or damaged file,
--   where counting its rows does not (DuckDB counts from the file's metadata, not from its data).
-- grain: one row
-- params: table_name varchar
-- columns: longest_row
select max(length(cast(whole_row as varchar))) as longest_row
from query_table($table_name) as whole_row
