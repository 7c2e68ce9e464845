-- name: replay/recommendation_status
-- question: Add the follow-up statuses of recommendations imports bring.
-- grain: writes one row into recommendation_status per imported row (its id: the import's source and the row,
--   `IMP0003-2`)
-- params: (none)
-- columns: (none)
-- Reads `imported_row` (import_id, source_id, kind, file_row, record), staged by `dashboard.store.replay`.
insert into recommendation_status
    (status_id, recommendation_id, status, status_date, note, source_id, source_ref, basis, rule)
select
    source_id || '-' || file_row,
    record ->> 'recommendation_id',
    record ->> 'status',
    cast(record ->> 'status_date' as date),
    record ->> 'note',
    source_id,
    'rad ' || file_row,
    'documented',
    null,
from imported_row
where kind = 'recommendation_status'
on conflict (status_id) do update set
    recommendation_id = excluded.recommendation_id,
    status = excluded.status,
    status_date = excluded.status_date,
    note = excluded.note,
    source_id = excluded.source_id,
    source_ref = excluded.source_ref,
    basis = excluded.basis,
    rule = excluded.rule
