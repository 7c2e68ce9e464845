-- name: imports/existing_placements
-- question: Which placement rows exist already, to tell an import's added rows from changed ones?
-- grain: one row per placement row
-- params: (inga)
-- columns: placement_id, supporter_id, unit_id, start_date, end_date, fte_share, source_id
-- source_id tells a documented row (S000…) from an imported one (IMP0001…): changing a documented one is confirmed first.
select placement_id, supporter_id, unit_id, start_date, end_date, fte_share, source_id,
from placement
