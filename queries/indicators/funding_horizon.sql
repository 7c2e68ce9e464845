-- name: indicators/funding_horizon
-- question: For each funding agreement, how long before it started was it decided and how long is left?
-- grain: one row per funding agreement (or modelled gap: status 'unknown')
-- params: as_of date
-- columns: agreement, funder, funding_kind, amount_sek, period_start, period_end, status, decided_on,
--   decision_basis, decided_by_as_of, lead_time_days, days_left, months_left, basis, sources, as_of
-- status and amount are as known on the as-of date: an agreement neither decided by then nor stated in a source
-- dated by then is 'unknown', its amount not shown; a decision date after as_of is not shown either (nothing
-- from after the date).
with agreements as (
    select f.*,
        decided_by(f.status, f.decided_on, f.period_start, s.dated, $as_of::date) as decided_by_as_of,
        s.dated <= $as_of as stated_by_as_of,
    from funding_agreement as f
    join source as s using (source_id)
)

select
    dnr as agreement,   -- NULL where no dnr is published (shown as missing, never an internal id)
    funder,
    funding_kind,
    case when decided_by_as_of or stated_by_as_of then amount_sek end as amount_sek,
    period_start,
    period_end,
    case when decided_by_as_of or stated_by_as_of or status <> 'decided' then status else 'unknown' end as status,
    case when decided_on <= $as_of then decided_on end as decided_on,
    decision_basis,
    decided_by_as_of,
    case when decided_on <= $as_of then datediff('day', decided_on, period_start) end as lead_time_days,
    datediff('day', $as_of::date, period_end) as days_left,
    -- an average month: 365.25 / 12 days
    round(datediff('day', $as_of::date, period_end) / 30.4375, 1) as months_left,
    basis,
    array_to_string(list_sort(list_distinct([source_id, decision_source_id])), ', ') as sources,
    $as_of::date as as_of,
from agreements
order by period_start, agreement   -- agreement: the same order on every run
