-- name: imports/existing_placements
-- question: Which placement rows exist already, to tell an import's added rows from changed ones?
-- grain: one row per placement row
-- params: (inga)
-- columns: placement_id, supporter_id, unit_id, start_date, end_date, fte_share
select placement_id, supporter_id, unit_id, start_date, end_date, fte_share,
from placement
