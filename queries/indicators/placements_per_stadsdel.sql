-- name: indicators/placements_per_stadsdel
-- question: Which areas had peer supporters placed during the period, in how many units, and how many supporters?
-- grain: one row per area with at least one placement or unit observation overlapping the period
-- params: from date, to date, area varchar|null, unit_type varchar|null, area_kind varchar|null
-- columns: area, area_kind, placements, supporters, supporters_min, units, observed_units, fte, fte_unknown,
--   absent, basis, sources, period_from, period_to
-- A placement interval counts if it overlaps the period; a unit with no interval in the period counts if an
-- observation overlapping the period reports it staffed (observed_units). supporters is exact only where every
-- unit is counted from intervals; otherwise NULL, and supporters_min is what the sources guarantee (one person
-- may work in several units, so observed units are not added up). The caller clips to_date to the as-of date.
-- A plan (a placement that starts after the date its source states facts for, an import's "uppgifter per") is
-- not a placement here: Enheter lists its unit as planned (the one definition, supporters_per_unit).
with areas as (
    select area_id, name as area, area_kind,
    from area
    where in_area(area_id, name, $area)
        and ($area_kind is null or area_kind = $area_kind)
),

units as (
    select unit_id, area_id,
    from unit
    where area_id in (select area_id from areas) and ($unit_type is null or unit_type = $unit_type)
),

intervals as (
    select p.placement_id, p.supporter_id, p.unit_id, p.start_date, p.end_date, p.fte_share, p.source_id, p.basis,
        u.area_id,
    from placement as p
    join units as u using (unit_id)
    join source as s using (source_id)
    -- an end that is not published is not a placement still running: it is known up to its source's date
    where p.start_date <= $to and coalesce(p.end_date, s.dated, $from) >= $from
        and p.start_date <= coalesce(s.dated, p.start_date)
),

observed as (
    select u.area_id, o.unit_id, max(o.supporters_low) as supporters_low,
        case when bool_and(o.basis = 'documented') then 'documented' else 'derived' end as basis,
        list(distinct o.source_id) as source_ids,
    from unit_observation as o
    join units as u using (unit_id)
    where o.period_start <= $to and o.period_end >= $from and o.supporters_low > 0
        and o.unit_id not in (select unit_id from intervals)
    group by all
),

absent_per_area as (
    select i.area_id, count(distinct i.supporter_id) as absent, list(distinct ab.source_id) as source_ids,
    from intervals as i
    join absence as ab using (placement_id)
    where ab.start_date <= least($to, coalesce(i.end_date, $to))
        and (ab.end_date is null or ab.end_date >= greatest($from, i.start_date))
    group by i.area_id
),

per_area_intervals as (
    select area_id, count(*) as placements, count(distinct supporter_id) as supporters,
        count(distinct unit_id) as units, sum(fte_share) as fte,
        count(*) filter (where fte_share is null) as fte_unknown,
        bool_and(basis = 'documented') as documented, list(distinct source_id) as source_ids,
    from intervals
    group by area_id
),

per_area_observed as (
    select area_id, count(*) as units, max(supporters_low) as supporters_low,
        bool_and(basis = 'documented') as documented, flatten(list(source_ids)) as source_ids,
    from observed
    group by area_id
)

select
    ar.area, ar.area_kind,
    coalesce(i.placements, 0) + coalesce(o.units, 0) as placements,
    case when o.units is null then i.supporters end as supporters,
    greatest(coalesce(i.supporters, 0), coalesce(o.supporters_low, 0)) as supporters_min,
    coalesce(i.units, 0) + coalesce(o.units, 0) as units,
    coalesce(o.units, 0) as observed_units,
    i.fte,
    coalesce(i.fte_unknown, 0) + coalesce(o.units, 0) as fte_unknown,
    case when o.units is null then coalesce(x.absent, 0) end as absent,
    case when coalesce(i.documented, true) and coalesce(o.documented, true) then 'documented' else 'derived' end
        as basis,
    array_to_string(list_sort(list_distinct(list_concat(
        coalesce(i.source_ids, []), coalesce(o.source_ids, []), coalesce(x.source_ids, [])))), ', ') as sources,
    $from::date as period_from,
    $to::date as period_to,
from areas as ar
left join per_area_intervals as i using (area_id)
left join per_area_observed as o using (area_id)
left join absent_per_area as x using (area_id)
where i.area_id is not null or o.area_id is not null
order by ar.area_kind desc, placements desc, ar.area
