-- name: imports/existing_recommendation_status
-- question: Which recommendation_status rows exist already, to tell an import's added rows from changed ones?
-- grain: one row per recommendation_status row
-- params: (inga)
-- columns: recommendation_id, status_date, status, note, source_id
-- source_id tells a documented row (S000…) from an imported one (IMP0001…): changing a documented one is confirmed first.
select recommendation_id, status_date, status, note, source_id,
from recommendation_status
