-- name: user/scenario_list
-- question: Which scenarios are saved (not deleted), by whom and when?
-- grain: one row per saved scenario, newest first
-- params: (inga)
-- columns: name, inputs, outputs, created_at, updated_at, data_version, data_as_of, created_by, updated_by
select name, cast(inputs as varchar) as inputs, cast(outputs as varchar) as outputs, created_at, updated_at,
    data_version, data_as_of, created_by, updated_by
from saved_scenario
where deleted_at is null
order by updated_at desc, name
