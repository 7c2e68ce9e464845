-- name: user/import_undo
-- question: Mark an import as undone: it stays in the log and is no longer replayed into the seed database.
-- grain: updates at most one row
-- params: import_id integer, now timestamp, who varchar
-- columns: (none)
update import_log set undone_at = $now, undone_by = $who where import_id = $import_id and undone_at is null
