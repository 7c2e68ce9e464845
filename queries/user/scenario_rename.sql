-- name: user/scenario_rename
-- question: Give a saved scenario a new name, noting who did.
-- grain: updates at most one row
-- params: name varchar, new_name varchar, now timestamp, who varchar
-- columns: (none)
update saved_scenario set name = $new_name, updated_at = $now, updated_by = $who
where name = $name and deleted_at is null
