-- name: user/import_log
-- question: Which imports have been made, newest first?
-- grain: one row per import
-- params: (inga)
-- columns: import_id, imported_at, kind, file_name, file_sha256, rows_added, rows_changed, rows_unchanged, who,
--   detected, source_dated
select import_id, imported_at, kind, file_name, file_sha256, rows_added, rows_changed, rows_unchanged, who,
    detected, source_dated,
from import_log
order by import_id desc
