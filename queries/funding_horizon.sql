-- name: funding_horizon
-- question: For each funding agreement, how long before it started was it decided and how long is left?
-- grain: one row per funding agreement (or modelled gap: status 'unknown')
-- params: as_of date
-- columns: agreement, funder, funding_kind, amount_sek, period_start, period_end, status, decided_on,
--   decision_basis, decided_by_as_of, lead_time_days, days_left, months_left, basis, sources, as_of
select
    dnr as agreement,   -- NULL where no dnr is published (shown as missing, never an internal id)
    funder,
    funding_kind,
    amount_sek,
    period_start,
    period_end,
    status,
    decided_on,
    decision_basis,
    -- Decided by as_of: the decision date is on or before it; with no published date, the period has begun.
    status = 'decided' and coalesce(decided_on <= $as_of, period_start <= $as_of) as decided_by_as_of,
    datediff('day', decided_on, period_start) as lead_time_days,
    datediff('day', $as_of::date, period_end) as days_left,
    -- an average month: 365.25 / 12 days
    round(datediff('day', $as_of::date, period_end) / 30.4375, 1) as months_left,
    basis,
    array_to_string(list_sort(list_distinct([source_id, decision_source_id])), ', ') as sources,
    $as_of::date as as_of,
from funding_agreement
order by period_start, agreement   -- agreement: the same order on every run
