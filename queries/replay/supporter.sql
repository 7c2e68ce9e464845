-- name: replay/supporter
-- question: Register the pseudonymous supporter codes first seen in imported placements.
-- grain: writes at most one row into supporter per code: the first import's row that gives it; a code already
--   there is left as it is
-- params: (none)
-- columns: (none)
-- Reads `imported_row` (import_id, source_id, kind, file_row, record), staged by `dashboard.replay`.
insert or ignore into supporter (supporter_id, employer, source_id, source_ref, basis, rule)
with imported as (
    select
        record ->> 'supporter_id' as supporter_id,
        source_id,
        'rad ' || file_row as source_ref,
        import_id,
        file_row,
    from imported_row
    where kind = 'placements'
)
select supporter_id, 'NSPH Stockholms län', source_id, source_ref, 'documented', null
from imported
qualify row_number() over (partition by supporter_id order by import_id, file_row) = 1
