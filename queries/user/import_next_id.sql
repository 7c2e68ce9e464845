-- name: user/import_next_id
-- question: The next import number.
-- grain: one row
-- params: (inga)
-- columns: next_id
select coalesce(max(import_id), 0) + 1 as next_id from import_log
