-- name: placements_over_time
-- question: How many placements did each area have in each year or quarter of the period?
-- grain: one row per area and period bucket with at least one placement overlapping the bucket
-- params: from_date date, to_date date, granularity varchar, area varchar|null, unit_type varchar|null,
--   area_kind varchar|null
-- columns: bucket, bucket_start, bucket_end, area, area_kind, placements, supporters, sources
-- granularity is 'year' or 'quarter'; buckets are clipped to the period.
with buckets as (
    select
        greatest(b.start, $from_date::date) as bucket_start,
        least((b.start + case when $granularity = 'quarter' then interval 3 month else interval 1 year end
            - interval 1 day)::date, $to_date::date) as bucket_end,
        case when $granularity = 'quarter'
            then strftime(b.start, '%Y') || ' kv' || quarter(b.start)
            else strftime(b.start, '%Y') end as bucket,
    from (
        select unnest(generate_series(
            date_trunc(case when $granularity = 'quarter' then 'quarter' else 'year' end, $from_date::date),
            $to_date::date,
            case when $granularity = 'quarter' then interval 3 month else interval 1 year end
        ))::date as start
    ) as b
),

placements as (
    select p.placement_id, p.supporter_id, p.start_date, p.end_date, p.source_id, a.name as area, a.area_kind,
    from placement as p
    join unit as u using (unit_id)
    join area as a using (area_id)
    where ($area is null or a.area_id = $area or a.name = $area)
        and ($unit_type is null or u.unit_type = $unit_type)
        and ($area_kind is null or a.area_kind = $area_kind)
)

select
    b.bucket, b.bucket_start, b.bucket_end, p.area, p.area_kind,
    count(*) as placements,
    count(distinct p.supporter_id) as supporters,
    string_agg(distinct p.source_id, ', ' order by p.source_id) as sources,
from buckets as b
join placements as p
    on p.start_date <= b.bucket_end and (p.end_date is null or p.end_date >= b.bucket_start)
group by all
order by b.bucket_start, p.area_kind desc, p.area
