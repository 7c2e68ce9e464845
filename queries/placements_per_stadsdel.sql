-- name: placements_per_stadsdel
-- question: How many placements, supporters and units did each area have during the period?
-- grain: one row per area with at least one placement overlapping the period
-- params: from_date date, to_date date, area varchar|null, unit_type varchar|null, area_kind varchar|null
-- columns: area, area_kind, placements, supporters, units, fte, fte_unknown, absent, basis, sources,
--   period_from, period_to
with placements as (
    select
        p.placement_id, p.supporter_id, p.unit_id, p.start_date, p.end_date, p.fte_share,
        p.source_id, p.basis, u.unit_type, a.area_id, a.name as area, a.area_kind,
    from placement as p
    join unit as u using (unit_id)
    join area as a using (area_id)
),

in_period as (
    select *
    from placements
    where start_date <= $to_date
        and (end_date is null or end_date >= $from_date)
        and ($area is null or area_id = $area or area = $area)
        and ($unit_type is null or unit_type = $unit_type)
        and ($area_kind is null or area_kind = $area_kind)
),

absent_in_period as (
    select distinct i.area_id, i.supporter_id, ab.source_id
    from in_period as i
    join absence as ab using (placement_id)
    where ab.start_date <= least($to_date, coalesce(i.end_date, $to_date))
        and (ab.end_date is null or ab.end_date >= greatest($from_date, i.start_date))
),

per_area as (
    select
        area_id, area, area_kind,
        count(*) as placements,
        count(distinct supporter_id) as supporters,
        count(distinct unit_id) as units,
        sum(fte_share) as fte,
        count(*) filter (where fte_share is null) as fte_unknown,
        case when bool_and(basis = 'documented') then 'documented' else 'derived' end as basis,
        list(distinct source_id) as source_ids,
    from in_period
    group by all
)

select
    a.area, a.area_kind, a.placements, a.supporters, a.units, a.fte, a.fte_unknown,
    (select count(distinct supporter_id) from absent_in_period as x where x.area_id = a.area_id) as absent,
    a.basis,
    array_to_string(list_sort(list_distinct(list_concat(
        a.source_ids,
        coalesce((select list(x.source_id) from absent_in_period as x where x.area_id = a.area_id), [])
    ))), ', ') as sources,
    $from_date::date as period_from,
    $to_date::date as period_to,
from per_area as a
order by a.area_kind desc, a.placements desc, a.area
