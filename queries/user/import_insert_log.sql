-- name: user/import_insert_log
-- question: Record one import (the caller's transaction also writes its rows).
-- grain: writes one row into import_log
-- params: import_id integer, imported_at timestamp, kind varchar, file_name varchar, file_sha256 varchar,
--   rows_added integer, rows_changed integer, rows_unchanged integer, who varchar, detected varchar,
--   source_dated date
-- columns: (none)
insert into import_log (import_id, imported_at, kind, file_name, file_sha256, rows_added, rows_changed, rows_unchanged,
    who, detected, source_dated)
values ($import_id, $imported_at, $kind, $file_name, $file_sha256, $rows_added, $rows_changed, $rows_unchanged, $who,
    $detected, $source_dated)
