-- name: indicators/units_at_target
-- question: Of the units with a current placement on the as-of date, how many have at least the target number of
--   supporters, and for how many do the sources not settle it?
-- grain: one row
-- params: as_of date, target integer, area varchar|null, unit_type varchar|null, stale_days integer
-- uses: indicators/supporters_per_unit
-- columns: units_current, at_target, target_unknown, target, target_source, sources, as_of, units_last_known,
--   units_planned
-- Counts the rows of supporters_per_unit whose status is 'current' (the one definition of current): at_target
-- where meets_target is true, target_unknown where the published bounds do not settle it (an unpublished count
-- of 'at least one'). at_target is then a lower bound, and the page says "minst". units_last_known counts the units
-- known only from older reports: how many of them reach the target on the date is not known. units_planned counts
-- the units with only a plan (an imported placement that starts after its source's date): said, never counted.
select
    (count(*) filter (where status = 'current'))::integer as units_current,
    (count(*) filter (where status = 'current' and meets_target))::integer as at_target,
    (count(*) filter (where status = 'current' and meets_target is null))::integer as target_unknown,
    $target::integer as target,
    any_value(target_source) filter (where status = 'current') as target_source,
    string_agg(distinct sources, ', ' order by sources) filter (where status = 'current') as sources,
    $as_of::date as as_of,
    (count(*) filter (where status = 'last_known'))::integer as units_last_known,
    (count(*) filter (where status = 'planned'))::integer as units_planned,
from supporters_per_unit
