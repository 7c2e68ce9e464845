-- name: user/import_insert_row
-- question: Store one imported row as JSON.
-- grain: writes one row into import_row
-- params: import_id integer, row_number integer, record json
-- columns: (none)
insert into import_row values ($import_id, $row_number, $record)
