-- name: user/target_add
-- question: Store a new version of an indicator's årsmål for a year, with who decided it and who saved it.
-- grain: writes one row into annual_target, or none when another save took the same number at the same moment
-- params: indicator varchar, measure varchar, year integer, value double, direction varchar, dnr varchar|null,
--   decided_by varchar|null, decided_on date|null, valid_from date, now timestamp, who varchar
-- columns: target_id
insert into annual_target (target_id, indicator, measure, year, target_value, direction, dnr, decided_by, decided_on,
    valid_from, saved_at, saved_by)
select coalesce(max(target_id), 0) + 1, $indicator, $measure, $year, $value, $direction, cast($dnr as varchar),
    cast($decided_by as varchar), cast($decided_on as date), $valid_from, $now, $who
from annual_target
on conflict do nothing
returning target_id
