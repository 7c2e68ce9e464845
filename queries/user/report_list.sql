-- name: user/report_list
-- question: Every period report, locked and unlocked, with who did it, when and why.
-- grain: one row per lock, oldest first
-- params: (inga)
-- columns: report_id, period, report_json, locked_at, locked_by, reason, unlocked_at, unlocked_by, unlock_reason
select report_id, period, report_json, locked_at, locked_by, reason, unlocked_at, unlocked_by, unlock_reason
from period_report
order by report_id
