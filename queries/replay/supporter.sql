-- name: replay/supporter
-- question: Register the pseudonymous supporter codes first seen in imported placements.
-- grain: writes at most one row into supporter per code: the first import's row that gives it; a code already
--   there is left as it is
-- params: (none)
-- columns: (none)
-- Reads `imported_placement` (replay/stg_imported_placement), staged by `dashboard.store.replay`.
insert or ignore into supporter (supporter_id, employer, source_id, source_ref, basis, rule)
select supporter_id, 'NSPH Stockholms län', source_id, source_ref, 'documented', null
from imported_placement
qualify row_number() over (partition by supporter_id order by import_id, file_row) = 1
