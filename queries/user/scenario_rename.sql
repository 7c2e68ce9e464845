-- name: user/scenario_rename
-- question: Give a saved scenario a new name.
-- grain: updates at most one row
-- params: name varchar, new_name varchar, now timestamp
-- columns: (none)
update saved_scenario set name = $new_name, updated_at = $now where name = $name
