-- name: user/report_unlock
-- question: Unlock a reported period: the report stays, marked with who unlocked it, when and why.
-- grain: updates the period's one locked report, or none
-- params: period varchar, now timestamp, who varchar, reason varchar
-- columns: report_id
update period_report set unlocked_at = $now, unlocked_by = $who, unlock_reason = $reason
where period = $period and unlocked_at is null
returning report_id
