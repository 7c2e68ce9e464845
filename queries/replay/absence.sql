-- name: replay/absence
-- question: Add or change the absences given on imported placement rows (a row without one leaves the
--   placement's earlier absence as it was).
-- grain: writes one row into absence per placement whose imported rows give an absence: the latest such row
-- params: (none)
-- columns: (none)
-- Reads `imported_placement` (replay/stg_imported_placement), staged by `dashboard.store.replay`.
insert into absence (absence_id, placement_id, kind, start_date, end_date, source_id, source_ref, basis, rule)
select placement_id || '-F', placement_id, absence_kind, absence_start, absence_end, source_id, source_ref,
    'documented', null
from imported_placement
where absence_start is not null
qualify row_number() over (partition by placement_id order by import_id desc, file_row desc) = 1
on conflict (absence_id) do update set
    placement_id = excluded.placement_id,
    kind = excluded.kind,
    start_date = excluded.start_date,
    end_date = excluded.end_date,
    source_id = excluded.source_id,
    source_ref = excluded.source_ref,
    basis = excluded.basis,
    rule = excluded.rule
