-- name: user/target_list
-- question: Every årsmål version, so the one in force at a period's end can be told from the ones before it.
-- grain: one row per saved version, oldest first
-- params: (inga)
-- columns: target_id, indicator, measure, year, target_value, direction, dnr, decided_by, decided_on, valid_from,
--   saved_at, saved_by
select target_id, indicator, measure, year, target_value, direction, dnr, decided_by, decided_on, valid_from,
    saved_at, saved_by
from annual_target
order by target_id
