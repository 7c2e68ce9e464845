-- name: indicators/funding_summary
-- question: Until when is funding secured by agreements decided by the as-of date, and how much came one year at a time?
-- grain: one row
-- params: as_of date
-- columns: as_of, secured_until, secured_days_left, secured_months_left, decided_agreements,
--   one_year_agreements, one_year_share, next_period_start, next_period_status, sources
with recursive agreements as (
    select
        period_start, period_end, source_id,
        -- Decided by as_of: the decision date is on or before it; with no published date, the period has begun.
        status = 'decided' and coalesce(decided_on <= $as_of, period_start <= $as_of) as decided_by_as_of,
        status,
    from funding_agreement
),

decided as (
    select * from agreements where decided_by_as_of
),

-- Decided agreements that follow or overlap each other without a gap, starting with the one covering as_of.
secured (period_end) as (
    select period_end from decided where period_start <= $as_of and period_end >= $as_of
    union
    select d.period_end from decided as d
    join secured as s on d.period_start <= s.period_end + 1 and d.period_end > s.period_end
),

horizon as (
    select max(period_end) as secured_until from secured
),

counts as (
    select
        count(*) as decided_agreements,
        count(*) filter (where datediff('day', period_start, period_end) + 1 between 365 and 366)
            as one_year_agreements,
    from decided
),

next_period as (
    select
        min(period_start) as next_period_start,
        min_by(case when decided_by_as_of then 'decided' when status = 'decided' then 'expected' else status end,
            period_start) as next_period_status,
    from agreements
    where not decided_by_as_of
        and period_end > coalesce((select secured_until from horizon), $as_of::date - 1)
)

select
    $as_of::date as as_of,
    h.secured_until,
    greatest(coalesce(datediff('day', $as_of::date, h.secured_until), 0), 0) as secured_days_left,
    round(greatest(coalesce(datediff('day', $as_of::date, h.secured_until), 0), 0) / 30.4375, 1)
        as secured_months_left,
    c.decided_agreements,
    c.one_year_agreements,
    c.one_year_agreements / nullif(c.decided_agreements, 0) as one_year_share,
    n.next_period_start,
    coalesce(n.next_period_status, 'unknown') as next_period_status,
    (select string_agg(distinct source_id, ', ' order by source_id) from decided) as sources,
from horizon as h, counts as c, next_period as n
