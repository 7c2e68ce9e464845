-- name: indicators/placements_over_time
-- question: In each year or quarter of the period, how many placements do the sources mention per area, and
--   how many peer supporters do they report for the whole programme?
-- grain: one row per area and period bucket with at least one placement or unit observation overlapping it;
--   one row with no area for a bucket without any (placements NULL: the sources say nothing, not zero)
-- params: from date, to date, granularity varchar, area varchar|null, unit_type varchar|null,
--   area_kind varchar|null
-- columns: bucket, bucket_start, bucket_end, area, area_kind, placements, supporters, supporters_min, basis,
--   sources, headcount_low, headcount_high, headcount_refers_to, headcount_sources
-- granularity is 'year' or 'quarter'; buckets are clipped to the period (the caller clips to_date to the as-of
-- date). A placement counts in each bucket its interval overlaps; a unit without an interval in the bucket
-- counts where an observation overlapping the bucket reports it staffed. Observations are not carried past
-- their period. supporters is exact only where every placement is an interval, else NULL (see supporters_min).
-- headcount_*: the documents' own head count of peer supporters in the whole programme (any area filter
-- aside) whose reference period overlaps the bucket, the latest if several; NULL where none does. It is the
-- reference the placements are read against: the documents name a placement for only some supporters.
with buckets as (
    select
        greatest(b.start, $from::date) as bucket_start,
        least((b.start + case when $granularity = 'quarter' then interval 3 month else interval 1 year end
            - interval 1 day)::date, $to::date) as bucket_end,
        case when $granularity = 'quarter'
            then strftime(b.start, '%Y') || ' kv' || quarter(b.start)
            else strftime(b.start, '%Y') end as bucket,
    from (
        select unnest(generate_series(
            date_trunc(case when $granularity = 'quarter' then 'quarter' else 'year' end, $from::date),
            $to::date,
            case when $granularity = 'quarter' then interval 3 month else interval 1 year end
        ))::date as start
    ) as b
),

units as (
    select u.unit_id, a.name as area, a.area_kind,
    from unit as u
    join area as a using (area_id)
    where in_area(a.area_id, a.name, $area)
        and ($unit_type is null or u.unit_type = $unit_type)
        and ($area_kind is null or a.area_kind = $area_kind)
),

intervals as (
    select b.bucket, p.unit_id, p.supporter_id, p.source_id, p.basis,
    from buckets as b
    join placement as p on p.start_date <= b.bucket_end
    join source as s using (source_id)
    where p.unit_id in (select unit_id from units)
        -- an end that is not published is not a placement still running: it is known up to its source's date
        and coalesce(p.end_date, s.dated, b.bucket_start) >= b.bucket_start
        and p.start_date <= coalesce(s.dated, p.start_date)   -- a plan is not a placement (placements_per_stadsdel)
),

observed as (
    select b.bucket, o.unit_id, max(o.supporters_low) as supporters_low,
        bool_and(o.basis = 'documented') as documented, list(distinct o.source_id) as source_ids,
    from buckets as b
    join unit_observation as o on o.period_start <= b.bucket_end and o.period_end >= b.bucket_start
    where o.supporters_low > 0 and o.unit_id in (select unit_id from units)
        and (b.bucket, o.unit_id) not in (select (bucket, unit_id) from intervals)
    group by all
),

evidence as (
    select bucket, unit_id, 1 as placements, supporter_id, null::integer as observed_low,
        basis = 'documented' as documented, [source_id] as source_ids,
    from intervals
    union all
    select bucket, unit_id, 1, null, supporters_low, documented, source_ids,
    from observed
),

per_area as (
    select
        e.bucket, u.area, u.area_kind,
        sum(e.placements)::integer as placements,
        case when count(e.observed_low) = 0 then count(distinct e.supporter_id) end as supporters,
        greatest(count(distinct e.supporter_id), coalesce(max(e.observed_low), 0)) as supporters_min,
        case when bool_and(e.documented) then 'documented' else 'derived' end as basis,
        array_to_string(list_sort(list_distinct(flatten(list(e.source_ids)))), ', ') as sources,
    from evidence as e
    join units as u using (unit_id)
    group by e.bucket, u.area, u.area_kind
),

headcounts as (
    select b.bucket, r.value_low, r.value_high, r.refers_to, r.source_id,
    from buckets as b
    join reported_figure as r
        on r.headcount_measure = 'supporters' and r.period_start <= b.bucket_end and r.observed_on >= b.bucket_start
    qualify row_number() over (
        partition by b.bucket order by r.observed_on desc, r.period_start desc, r.figure_id desc) = 1
)

select
    b.bucket, b.bucket_start, b.bucket_end, p.area, p.area_kind, p.placements, p.supporters, p.supporters_min,
    coalesce(p.basis, 'unknown') as basis,
    p.sources,
    h.value_low::integer as headcount_low,
    h.value_high::integer as headcount_high,
    h.refers_to as headcount_refers_to,
    h.source_id as headcount_sources,
from buckets as b
left join per_area as p using (bucket)
left join headcounts as h using (bucket)
order by b.bucket_start, p.area_kind desc, p.area
