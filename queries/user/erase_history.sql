-- name: user/erase_history
-- question: Which erasures were made, when, by whom and why?
-- grain: one row per erasure, oldest first
-- params: (inga)
-- columns: erasure_id, erased_at, erased_by, reason, rows_removed
select erasure_id, erased_at, erased_by, reason, rows_removed
from erasure_log
order by erasure_id
