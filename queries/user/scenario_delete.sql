-- name: user/scenario_delete
-- question: Remove a saved scenario from the list, so that it can be restored, noting who did.
-- grain: updates at most one row
-- params: name varchar, now timestamp, who varchar
-- columns: (none)
update saved_scenario set deleted_at = $now, updated_by = $who where name = $name and deleted_at is null
