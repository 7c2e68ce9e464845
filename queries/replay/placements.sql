-- name: replay/placements
-- question: Add or change the placements imports bring.
-- grain: writes one row into placement per imported placement id: the latest import's row for it
-- params: (none)
-- columns: (none)
-- Reads `imported_placement` (replay/stg_imported_placement), staged by `dashboard.store.replay`.
insert into placement
    (placement_id, supporter_id, unit_id, start_date, end_date, fte_share, source_id, source_ref, basis, rule)
select placement_id, supporter_id, unit_id, start_date, end_date, fte_share, source_id, source_ref, 'documented',
    null
from imported_placement
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
