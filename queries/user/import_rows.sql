-- name: user/import_rows
-- question: Which rows did every import that is not undone bring, in the order they are replayed?
-- grain: one row per imported row
-- params: (inga)
-- columns: import_id, kind, file_name, file_sha256, imported_at, source_dated, row_number, record, rows_erased
select l.import_id, l.kind, l.file_name, l.file_sha256, l.imported_at, l.source_dated, r.row_number,
    cast(r.record as varchar) as record, coalesce(l.rows_erased, 0) as rows_erased
from import_row as r
join import_log as l on l.import_id = r.import_id
where l.undone_at is null
order by l.import_id, r.row_number
