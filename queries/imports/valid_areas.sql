-- name: imports/valid_areas
-- question: Which areas can an imported unit be in (by name or by id)?
-- grain: one row per area
-- params: (inga)
-- columns: name, area_id, area_kind
select name, area_id, area_kind,
from area
order by area_kind desc, name
