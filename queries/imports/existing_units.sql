-- name: imports/existing_units
-- question: Which unit rows exist already, to tell an import's added rows from changed ones?
-- grain: one row per unit row
-- params: (inga)
-- columns: unit_id, name, unit_type, area_id, owner, source_id, name_published
-- source_id tells a documented row (S000…) from an imported one (IMP0001…): changing a documented one is confirmed first.
-- name_published false: the name is a placeholder for one no document gives.
select unit_id, name, unit_type, area_id, owner, source_id, name_published,
from unit
