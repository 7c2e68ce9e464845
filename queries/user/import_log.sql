-- name: user/import_log
-- question: Which imports have been made, newest first, and which of them were undone?
-- grain: one row per import
-- params: (inga)
-- columns: import_id, imported_at, kind, file_name, file_sha256, rows_added, rows_changed, rows_unchanged, who,
--   detected, source_dated, undone_at, undone_by, rows_erased
-- The user store's queries are written to run in DuckDB and PostgreSQL alike: no trailing commas.
select import_id, imported_at, kind, file_name, file_sha256, rows_added, rows_changed, rows_unchanged, who,
    detected, source_dated, undone_at, undone_by, coalesce(rows_erased, 0) as rows_erased
from import_log
order by import_id desc
