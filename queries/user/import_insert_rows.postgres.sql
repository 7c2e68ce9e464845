-- name: user/import_insert_rows.postgres
-- question: Store every row of one import as JSON, in one statement (PostgreSQL's words for the same).
-- grain: writes one row into import_row per element of $rows
-- params: import_id integer, rows json
-- columns: (none)
insert into import_row (import_id, row_number, record)
select $import_id, (item ->> 'row_number')::integer, item -> 'record'
from json_array_elements($rows::json) as item
