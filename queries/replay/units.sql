-- name: replay/units
-- question: Add or change the units imports bring (in place: placements may refer to them).
-- grain: writes one row into unit per imported unit id: the latest import's row for it
-- params: (none)
-- columns: (none)
-- Reads `imported_row` (import_id, source_id, kind, file_row, record), staged by `dashboard.store.replay`.
insert into unit (unit_id, name, name_published, unit_type, area_id, owner, source_id, source_ref, basis, rule)
with imported as (
    select
        record ->> 'unit_id' as unit_id,
        record ->> 'name' as name,
        record ->> 'unit_type' as unit_type,
        record ->> 'area_id' as area_id,
        record ->> 'owner' as owner,
        source_id,
        'rad ' || file_row as source_ref,
        import_id,
        file_row,
    from imported_row
    where kind = 'units'
)
select unit_id, name, true, unit_type, area_id, owner, source_id, source_ref, 'documented', null
from imported
qualify row_number() over (partition by unit_id order by import_id desc, file_row desc) = 1
on conflict (unit_id) do update set
    name = excluded.name,
    name_published = excluded.name_published,
    unit_type = excluded.unit_type,
    area_id = excluded.area_id,
    owner = excluded.owner,
    source_id = excluded.source_id,
    source_ref = excluded.source_ref,
    basis = excluded.basis,
    rule = excluded.rule
