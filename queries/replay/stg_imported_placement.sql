-- name: replay/stg_imported_placement
-- question: The imported placement rows with their fields read out of the record, once for the three statements
--   that write supporters, placements and absences from them.
-- grain: one row per imported placement row
-- params: (none)
-- columns: placement_id, supporter_id, unit_id, start_date, end_date, fte_share, absence_kind, absence_start,
--   absence_end, source_id, source_ref, import_id, file_row
-- A view over `imported_row`, created by `dashboard.store.replay.staged` (which drops it after the build).
create temp view imported_placement as
select
    record ->> 'placement_id' as placement_id,
    record ->> 'supporter_id' as supporter_id,
    record ->> 'unit_id' as unit_id,
    cast(record ->> 'start_date' as date) as start_date,
    cast(record ->> 'end_date' as date) as end_date,
    cast(record ->> 'fte_share' as double) as fte_share,
    record ->> 'absence_kind' as absence_kind,
    cast(nullif(record ->> 'absence_start', '') as date) as absence_start,
    cast(nullif(record ->> 'absence_end', '') as date) as absence_end,
    source_id,
    'rad ' || file_row as source_ref,
    import_id,
    file_row,
from imported_row
where kind = 'placements'
