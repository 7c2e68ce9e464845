-- name: placements_per_stadsdel
-- question: How many placements, supporters and units did each area have during the period?
-- grain: one row per area with at least one placement overlapping the period
-- params: from_date date, to_date date, area varchar|null, unit_type varchar|null, area_kind varchar|null
-- columns: area, area_kind, placements, supporters, units, fte, fte_unknown, absent, basis, sources,
--   period_from, period_to
with areas as (
    select area_id, name as area, area_kind,
    from area
    where ($area is null or area_id = $area or name = $area)
        and ($area_kind is null or area_kind = $area_kind)
),

in_period as (
    select p.placement_id, p.supporter_id, p.unit_id, p.start_date, p.end_date, p.fte_share, p.source_id, p.basis,
        u.area_id,
    from placement as p
    join unit as u using (unit_id)
    where p.start_date <= $to_date
        and (p.end_date is null or p.end_date >= $from_date)
        and ($unit_type is null or u.unit_type = $unit_type)
        and u.area_id in (select area_id from areas)
),

absent_per_area as (
    select i.area_id, count(distinct i.supporter_id) as absent, list(distinct ab.source_id) as source_ids,
    from in_period as i
    join absence as ab using (placement_id)
    where ab.start_date <= least($to_date, coalesce(i.end_date, $to_date))
        and (ab.end_date is null or ab.end_date >= greatest($from_date, i.start_date))
    group by i.area_id
),

-- Aggregated on the area key alone and joined to the names after: grouping distinct counts by the text
-- columns made DuckDB hash those texts once per aggregate.
per_area as (
    select
        area_id,
        count(*) as placements,
        count(distinct supporter_id) as supporters,
        count(distinct unit_id) as units,
        sum(fte_share) as fte,
        count(*) filter (where fte_share is null) as fte_unknown,
        case when bool_and(basis = 'documented') then 'documented' else 'derived' end as basis,
        list(distinct source_id) as source_ids,
    from in_period
    group by area_id
)

select
    ar.area, ar.area_kind, a.placements, a.supporters, a.units, a.fte, a.fte_unknown,
    coalesce(x.absent, 0) as absent,
    a.basis,
    array_to_string(list_sort(list_distinct(list_concat(a.source_ids, coalesce(x.source_ids, [])))), ', ') as sources,
    $from_date::date as period_from,
    $to_date::date as period_to,
from per_area as a
join areas as ar using (area_id)
left join absent_per_area as x using (area_id)
order by ar.area_kind desc, a.placements desc, ar.area
