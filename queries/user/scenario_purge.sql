-- name: user/scenario_purge
-- question: Forget a deleted scenario whose name a new or renamed scenario takes.
-- grain: deletes at most one row
-- params: name varchar
-- columns: (none)
delete from saved_scenario where name = $name and deleted_at is not null
