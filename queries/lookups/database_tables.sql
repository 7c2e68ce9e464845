-- name: lookups/database_tables
-- question: Which tables does the database hold (each is then read whole to check the file)?
-- grain: one row per table
-- params: (inga)
-- columns: table_name
select table_name
from duckdb_tables()
where not internal and not temporary
order by table_name
