-- name: user/erase_log
-- question: Record an erasure: when, by whom, why and how many rows, never whose.
-- grain: writes one row into erasure_log, or none when another erasure took the number at the same moment
-- params: now timestamp, who varchar, reason varchar, rows integer
-- columns: erasure_id
insert into erasure_log (erasure_id, erased_at, erased_by, reason, rows_removed)
select coalesce(max(erasure_id), 0) + 1, $now, $who, cast($reason as varchar), $rows
from erasure_log
on conflict do nothing
returning erasure_id
