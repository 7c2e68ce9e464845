-- name: imports/existing_units
-- question: Which unit rows exist already, to tell an import's added rows from changed ones?
-- grain: one row per unit row
-- params: (inga)
-- columns: unit_id, name, unit_type, area_id, owner
select unit_id, name, unit_type, area_id, owner,
from unit
