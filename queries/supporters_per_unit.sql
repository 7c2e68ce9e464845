-- name: supporters_per_unit
-- question: How many supporters does each unit with an active placement have, against the target?
-- grain: one row per unit with at least one placement active on the as-of date
-- params: as_of date, target integer, area varchar|null, unit_type varchar|null
-- columns: unit, unit_type, area, area_kind, supporters, target, meets_target, absent, basis, sources,
--   target_source, as_of
with units as (
    select u.unit_id, u.name as unit, u.unit_type, a.name as area, a.area_kind,
    from unit as u
    join area as a using (area_id)
    where ($area is null or a.area_id = $area or a.name = $area)
        and ($unit_type is null or u.unit_type = $unit_type)
),

absent_now as (
    select distinct ab.placement_id
    from absence as ab
    where ab.start_date <= $as_of and (ab.end_date is null or ab.end_date >= $as_of)
),

target_source as (
    -- The target of at least two per unit is the year-two evaluation's recommendation.
    select string_agg(distinct source_id, ', ') as source_ids
    from recommendation
    where indicator = 'supporters_per_unit'
),

-- Aggregated on the unit key alone and joined to the names after: grouping distinct counts by five text
-- columns made DuckDB hash those texts once per aggregate.
per_unit as (
    select
        p.unit_id,
        count(distinct p.supporter_id) as supporters,
        count(distinct p.supporter_id) filter (where x.placement_id is not null) as absent,
        case when bool_and(p.basis = 'documented') then 'documented' else 'derived' end as basis,
        string_agg(distinct p.source_id, ', ' order by p.source_id) as sources,
    from placement as p
    left join absent_now as x using (placement_id)
    where p.start_date <= $as_of
        and (p.end_date is null or p.end_date >= $as_of)
        and p.unit_id in (select unit_id from units)
    group by p.unit_id
)

select
    unit, unit_type, area, area_kind, supporters,
    $target::integer as target,
    supporters >= $target as meets_target,
    absent, basis, sources,
    (select source_ids from target_source) as target_source,
    $as_of::date as as_of,
from per_unit
join units using (unit_id)
order by supporters, area_kind desc, area, unit
