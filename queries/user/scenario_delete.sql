-- name: user/scenario_delete
-- question: Remove a saved scenario.
-- grain: deletes at most one row
-- params: name varchar
-- columns: (none)
delete from saved_scenario where name = $name
