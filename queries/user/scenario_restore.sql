-- name: user/scenario_restore
-- question: Bring a deleted scenario back.
-- grain: updates at most one row
-- params: name varchar
-- columns: (none)
update saved_scenario set deleted_at = null where name = $name and deleted_at is not null
