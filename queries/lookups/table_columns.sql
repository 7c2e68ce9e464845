-- name: lookups/table_columns
-- question: Which columns does each table of the database being built have, in order, and which table does each foreign key column refer to (the seed loader converts and checks every cell by them)?
-- grain: one row per table and column
-- params: (inga)
-- columns: table_name, column_name, data_type, referenced_table
with foreign_key as (
    select table_name, unnest(constraint_column_names) as column_name, referenced_table
    from duckdb_constraints()
    where constraint_type = 'FOREIGN KEY'
)
select c.table_name, c.column_name, c.data_type, f.referenced_table
from information_schema.columns c
left join foreign_key f using (table_name, column_name)
order by c.table_name, c.ordinal_position
