-- name: user/scenario_list
-- question: Which scenarios are saved?
-- grain: one row per saved scenario, newest first
-- params: (inga)
-- columns: name, inputs, outputs, created_at, updated_at, data_version, data_as_of
select name, inputs, outputs, created_at, updated_at, data_version, data_as_of,
from saved_scenario
order by updated_at desc, name
