-- name: imports/existing_recommendation_status
-- question: Which recommendation_status rows exist already, to tell an import's added rows from changed ones?
-- grain: one row per recommendation_status row
-- params: (inga)
-- columns: recommendation_id, status_date, status, note
select recommendation_id, status_date, status, note,
from recommendation_status
