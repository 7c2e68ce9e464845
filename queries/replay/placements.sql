-- name: replay/placements
-- question: Add or change the placements imports bring.
-- grain: writes one row into placement per imported placement id: the latest import's row for it
-- params: (none)
-- columns: (none)
-- Reads `imported_row` (import_id, source_id, kind, file_row, record), staged by `dashboard.replay`.
insert into placement
    (placement_id, supporter_id, unit_id, start_date, end_date, fte_share, source_id, source_ref, basis, rule)
with imported as (
    select
        record ->> 'placement_id' as placement_id,
        record ->> 'supporter_id' as supporter_id,
        record ->> 'unit_id' as unit_id,
        cast(record ->> 'start_date' as date) as start_date,
        cast(record ->> 'end_date' as date) as end_date,
        cast(record ->> 'fte_share' as double) as fte_share,
        source_id,
        'rad ' || file_row as source_ref,
        import_id,
        file_row,
    from imported_row
    where kind = 'placements'
)
select placement_id, supporter_id, unit_id, start_date, end_date, fte_share, source_id, source_ref, 'documented',
    null
from imported
qualify row_number() over (partition by placement_id order by import_id desc, file_row desc) = 1
on conflict (placement_id) do update set
    supporter_id = excluded.supporter_id,
    unit_id = excluded.unit_id,
    start_date = excluded.start_date,
    end_date = excluded.end_date,
    fte_share = excluded.fte_share,
    source_id = excluded.source_id,
    source_ref = excluded.source_ref,
    basis = excluded.basis,
    rule = excluded.rule
