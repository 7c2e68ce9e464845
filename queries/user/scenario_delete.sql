-- name: user/scenario_delete
-- question: Remove a saved scenario from the list, so that it can be restored.
-- grain: updates at most one row
-- params: name varchar, now timestamp
-- columns: (none)
update saved_scenario set deleted_at = $now where name = $name and deleted_at is null
