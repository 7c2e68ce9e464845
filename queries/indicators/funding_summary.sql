-- name: indicators/funding_summary
-- question: Until when is funding secured by agreements decided by the as-of date (and documents' statements of
--   decided funding), and how much came one year at a time?
-- grain: one row
-- params: as_of date
-- columns: as_of, secured_until, secured_days_left, secured_months_left, decided_agreements,
--   one_year_agreements, one_year_share, next_period_start, next_period_status, sources
with recursive agreements as (
    select
        f.period_start, f.period_end, f.source_id, f.status, false as is_statement,
        decided_by(f.status, f.decided_on, f.period_start, s.dated, $as_of::date) as decided_by_as_of,
    from funding_agreement as f
    join source as s using (source_id)
    union all
    -- A document's own statement that funding is decided up to a date holds from the date it describes.
    select stated_on, decided_until, source_id, 'decided', true, stated_on <= $as_of,
    from funding_statement
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
    where not is_statement
),

next_period as (
    select
        min(period_start) as next_period_start,
        min_by(case when decided_by_as_of then 'decided' when status = 'decided' then 'expected' else status end,
            period_start) as next_period_status,
    from agreements
    where not decided_by_as_of and not is_statement
        and period_end > coalesce((select secured_until from horizon), $as_of::date - 1)
)

select
    $as_of::date as as_of,
    h.secured_until,
    -- NULL where no decided funding is known for the date: unknown, never 0 days (greatest() skips a NULL)
    case when h.secured_until is not null then greatest(datediff('day', $as_of::date, h.secured_until), 0) end
        as secured_days_left,
    case when h.secured_until is not null
        then round(greatest(datediff('day', $as_of::date, h.secured_until), 0) / 30.4375, 1) end
        as secured_months_left,
    c.decided_agreements,
    c.one_year_agreements,
    c.one_year_agreements / nullif(c.decided_agreements, 0) as one_year_share,
    n.next_period_start,
    coalesce(n.next_period_status, 'unknown') as next_period_status,
    (select string_agg(distinct source_id, ', ' order by source_id) from decided
        where not is_statement or period_end >= $as_of) as sources,
from horizon as h, counts as c, next_period as n
