-- name: user/import_insert_rows
-- question: Store every row of one import as JSON, in one statement.
-- grain: writes one row into import_row per element of $rows
-- params: import_id integer, rows json
-- columns: (none)
-- $rows is a JSON array of {"row_number": n, "record": {...}}: one bound value however many rows the file has.
insert into import_row
select $import_id, (item ->> 'row_number')::integer, (item -> 'record')::json
from (select unnest(from_json($rows, '["json"]')) as item)
