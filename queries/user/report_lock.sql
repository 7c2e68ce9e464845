-- name: user/report_lock
-- question: Store a period's report as reported, numbered after the last, unless the period is already locked.
-- grain: writes one row into period_report, or none when the period is locked (or another lock took the number)
-- params: period varchar, report varchar, now timestamp, who varchar, reason varchar|null
-- columns: report_id
insert into period_report (report_id, period, report_json, locked_at, locked_by, reason)
select coalesce(max(report_id), 0) + 1, cast($period as varchar), $report, $now, $who, cast($reason as varchar)
from period_report
having count(*) filter (where period = cast($period as varchar) and unlocked_at is null) = 0
on conflict do nothing
returning report_id
