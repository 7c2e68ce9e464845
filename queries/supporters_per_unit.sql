-- name: supporters_per_unit
-- question: How many supporters does each unit with an active placement have, against the target?
-- grain: one row per unit with at least one placement active on the as-of date
-- params: as_of date, target integer, area varchar|null, unit_type varchar|null
-- columns: unit, unit_type, area, area_kind, supporters, target, meets_target, absent, basis, sources,
--   target_source, as_of
with active as (
    select p.placement_id, p.supporter_id, p.source_id, p.basis, u.unit_id, u.name as unit, u.unit_type,
        a.area_id, a.name as area, a.area_kind,
    from placement as p
    join unit as u using (unit_id)
    join area as a using (area_id)
    where p.start_date <= $as_of
        and (p.end_date is null or p.end_date >= $as_of)
        and ($area is null or a.area_id = $area or a.name = $area)
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

per_unit as (
    select
        unit_id, unit, unit_type, area, area_kind,
        count(distinct supporter_id) as supporters,
        count(distinct supporter_id) filter (where placement_id in (select placement_id from absent_now)) as absent,
        case when bool_and(basis = 'documented') then 'documented' else 'derived' end as basis,
        string_agg(distinct source_id, ', ' order by source_id) as sources,
    from active
    group by all
)

select
    unit, unit_type, area, area_kind, supporters,
    $target::integer as target,
    supporters >= $target as meets_target,
    absent, basis, sources,
    (select source_ids from target_source) as target_source,
    $as_of::date as as_of,
from per_unit
order by supporters, area_kind desc, area, unit
