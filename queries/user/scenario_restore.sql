-- name: user/scenario_restore
-- question: Bring a deleted scenario back, noting who did.
-- grain: updates at most one row
-- params: name varchar, now timestamp, who varchar
-- columns: (none)
update saved_scenario set deleted_at = null, updated_at = $now, updated_by = $who
where name = $name and deleted_at is not null
