-- name: user/erase_empty_imports
-- question: Mark as undone the imports that have no rows left after an erasure (nothing of them is replayed).
-- grain: updates the rows of import_log whose every row was erased
-- params: now timestamp, who varchar
-- columns: (inga)
update import_log set undone_at = $now, undone_by = $who
where undone_at is null and import_id not in (select distinct import_id from import_row)
