-- name: indicators/headcount_trend
-- question: Which head counts have the sources reported over time, up to the as-of date?
-- grain: one row per reported head count (supporters, units or districts) whose period starts on or before as_of
-- params: as_of date
-- columns: measure, low, high, refers_to, period_start, observed_on, basis, rule, sources, as_of
-- The documents' own figures, each at its own reference period: nothing is interpolated between them.
select
    headcount_measure as measure,
    value_low::integer as low,
    value_high::integer as high,
    refers_to,
    period_start,
    observed_on,
    basis,
    rule,
    source_id as sources,
    $as_of::date as as_of,
from reported_figure
where headcount_measure is not null and period_start <= $as_of
order by case headcount_measure when 'supporters' then 1 when 'units' then 2 else 3 end, observed_on
