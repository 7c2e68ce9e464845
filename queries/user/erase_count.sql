-- name: user/erase_count
-- question: Count an import's erased rows, so its fingerprint changes and every replica rebuilds without them.
-- grain: updates one row of import_log
-- params: import_id integer, count integer
-- columns: (inga)
update import_log set rows_erased = coalesce(rows_erased, 0) + $count
where import_id = $import_id
