-- name: replay/absence
-- question: Add or change the absences given on imported placement rows (a row without one leaves the
--   placement's earlier absence as it was).
-- grain: writes one row into absence per placement whose imported rows give an absence: the latest such row
-- params: (none)
-- columns: (none)
-- Reads `imported_row` (import_id, source_id, kind, file_row, record), staged by `dashboard.replay`.
insert into absence (absence_id, placement_id, kind, start_date, end_date, source_id, source_ref, basis, rule)
with imported as (
    select
        record ->> 'placement_id' as placement_id,
        record ->> 'absence_kind' as kind,
        record ->> 'absence_start' as absence_start,
        record ->> 'absence_end' as absence_end,
        source_id,
        'rad ' || file_row as source_ref,
        import_id,
        file_row,
    from imported_row
    where kind = 'placements'
),

with_absence as (
    select * from imported where coalesce(absence_start, '') <> ''
)

select placement_id || '-F', placement_id, kind, cast(absence_start as date), cast(absence_end as date), source_id,
    source_ref, 'documented', null
from with_absence
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
