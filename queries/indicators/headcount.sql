-- name: indicators/headcount
-- question: How many peer supporters, units and districts do the sources report for the as-of date?
-- grain: one row per measure: supporters, units, districts
-- params: as_of date, stale_days integer
-- columns: measure, low, high, basis, observed_on, status, refers_to, period_start, period_end, sources, note,
--   rule, stated_as, as_of
-- A date answers from the latest observation whose reference period starts on or before it; nothing reported
-- about a later date is used. Within its period, or up to stale_days after an observation of a date or a month,
-- the figure is 'current';
-- later it is 'last_known' ("senast känt"); with no observation it is 'unknown' and low/high are NULL.
-- high NULL with low set: at least low, upper bound not published.
with measures as (
    select * from (values ('supporters', 1), ('units', 2), ('districts', 3)) as m (measure, position)
),

observations as (
    select
        headcount_measure as measure, value_low, value_high, period_start, observed_on as period_end,
        refers_to, source_id, basis, rule, reported_figure.measure as stated_as,
    from reported_figure
    where headcount_measure is not null and period_start <= $as_of
    qualify row_number() over (
        partition by headcount_measure order by observed_on desc, period_start desc, figure_id desc) = 1
),

dated as (
    select *,
        case
            when period_end >= $as_of then 'covering'
            when is_current(period_start, period_end, $as_of::date, $stale_days) then 'current'
            else 'last_known'
        end as freshness,
    from observations
)

select
    m.measure,
    d.value_low::integer as low,
    d.value_high::integer as high,
    coalesce(d.basis, 'unknown') as basis,
    least(d.period_end, $as_of::date) as observed_on,
    case when d.freshness is null then 'unknown' when d.freshness = 'last_known' then 'last_known'
        else 'current' end as status,
    d.refers_to,
    d.period_start,
    d.period_end,
    d.source_id as sources,
    case d.freshness
        when 'covering' then 'avser ' || d.refers_to || ', ' || d.source_id
        when 'current' then 'senast rapporterat ' || d.refers_to || ', ' || d.source_id
        when 'last_known' then 'senast känt ' || d.refers_to || ', ' || d.source_id || '; ingen senare uppgift'
        else 'ingen uppgift på eller före datumet'
    end as note,
    d.rule,
    d.stated_as,   -- the document's own words for what it counts: 'deltog' in 2018 is not 'anställda'
    $as_of::date as as_of,
from measures as m
left join dated as d using (measure)
order by m.position
