-- name: user/scenario_save
-- question: Store a named scenario with its inputs, outputs, the data version it used and who saved it.
-- grain: writes one row into saved_scenario (user database)
-- params: name varchar, inputs json, outputs json, data_version varchar, data_as_of date, now timestamp, who varchar
-- columns: (none)
insert into saved_scenario (name, inputs, outputs, created_at, updated_at, data_version, data_as_of, created_by,
    updated_by)
values ($name, $inputs, $outputs, $now, $now, $data_version, $data_as_of, $who, $who)
