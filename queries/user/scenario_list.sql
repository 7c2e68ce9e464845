-- name: user/scenario_list
-- question: Which scenarios are saved (not deleted)?
-- grain: one row per saved scenario, newest first
-- params: (inga)
-- columns: name, inputs, outputs, created_at, updated_at, data_version, data_as_of
select name, inputs, outputs, created_at, updated_at, data_version, data_as_of,
from saved_scenario
where deleted_at is null
order by updated_at desc, name
