-- name: indicators/supporters_per_unit
-- question: Which units do the sources place peer supporters in on the as-of date, and how many, against the target?
-- grain: one row per unit whose latest known state on the as-of date has at least one supporter
-- params: as_of date, target integer, area varchar|null, unit_type varchar|null, stale_days integer
-- columns: unit, area, supporters, supporters_min, target, meets_target, status, observed_on, refers_to, absent,
--   basis, sources, unit_type, area_kind, supporters_max, target_source, as_of
-- A placement interval covering the date counts its supporters. Otherwise the unit answers from its latest
-- observation reported on or before the date (a placement that has ended counts as an observation of none, one
-- whose end is not published as an observation on its source's date): 'current' within the observed period or
-- up to stale_days after an observation of a date or a month, 'last_known' after that. supporters is
-- the exact number where the source gives one; supporters_min/max bound it (max NULL: not published).
-- meets_target is NULL when the bounds do not settle it. status 'planned': every placement covering the date
-- started after the date its source reported (an imported plan); a plan never counts beside begun placements.
-- This status is the one definition of 'current', 'last known' and 'planned' (dashboard/counts.py counts it).
with units as (
    select u.unit_id, u.name as unit, u.unit_type, a.name as area, a.area_kind,
    from unit as u
    join area as a using (area_id)
    where in_area(a.area_id, a.name, $area)
        and ($unit_type is null or u.unit_type = $unit_type)
),

absent_now as (
    select distinct placement_id
    from absence
    where start_date <= $as_of and (end_date is null or end_date >= $as_of)
),

placements as (
    select p.*, s.dated as source_dated,
    from placement as p
    join source as s using (source_id)
    where p.unit_id in (select unit_id from units) and p.start_date <= $as_of
),

-- A placement that starts after the date its source states facts for (an import's "uppgifter per") is a plan.
-- A unit counts its placements that have begun; only a unit with nothing but plans on the date is 'planned', so a
-- plan never adds to a unit's supporters.
covering_placements as (
    select p.*, p.start_date > coalesce(p.source_dated, p.start_date) as is_plan,
    from placements as p
    -- An end that is not published is not a placement still running: it covers dates up to its source's date
    -- (after that it is an observation of that date, below); a plan's open end runs as planned.
    where coalesce(p.end_date, p.source_dated, $as_of) >= $as_of or p.start_date > p.source_dated
    qualify is_plan = bool_and(is_plan) over (partition by p.unit_id)
),

-- Aggregated on the unit key alone and joined to the names after (grouping on text columns was slower).
covering as (
    select
        p.unit_id,
        count(distinct p.supporter_id) as supporters,
        count(distinct p.supporter_id) filter (where x.placement_id is not null) as absent,
        case when bool_and(p.basis = 'documented') then 'documented' else 'derived' end as basis,
        bool_and(p.is_plan) as planned,
        'placering från ' || strftime(min(p.start_date), '%Y-%m-%d') as refers_to,
        string_agg(distinct p.source_id, ', ' order by p.source_id) as sources,
    from covering_placements as p
    left join absent_now as x using (placement_id)
    group by p.unit_id
),

latest_observed as (
    select unit_id, supporters_low, supporters_high, period_start, period_end, refers_to, source_id, basis,
    from (
        select unit_id, supporters_low, supporters_high, period_start, period_end, refers_to, source_id, basis,
            observation_id as tiebreak,
        from unit_observation
        where period_start <= $as_of and unit_id in (select unit_id from units)
        union all
        select unit_id, 0, 0, end_date, end_date, 'placeringen slutade ' || strftime(end_date, '%Y-%m-%d'),
            source_id, basis, placement_id,
        from placements
        where end_date < $as_of
        union all
        select unit_id, count(distinct supporter_id), count(distinct supporter_id), source_dated, source_dated,
            'placering, senast rapporterad ' || strftime(source_dated, '%Y-%m-%d'), min(source_id), min(basis),
            min(placement_id),
        from placements
        where end_date is null and source_dated < $as_of and start_date <= source_dated
        group by unit_id, source_dated
    )
    where unit_id not in (select unit_id from covering)
    qualify row_number() over (partition by unit_id order by period_end desc, period_start desc, tiebreak desc) = 1
),

states as (
    select unit_id, supporters as supporters_min, supporters as supporters_max, absent, basis,
        case when planned then 'planned' else 'current' end as status,
        $as_of::date as observed_on, refers_to, sources,
    from covering
    union all
    select unit_id, supporters_low, supporters_high, null, basis,
        case when is_current(period_start, period_end, $as_of::date, $stale_days) then 'current' else 'last_known' end,
        least(period_end, $as_of::date), refers_to, source_id,
    from latest_observed
    where supporters_low > 0
),

target_source as (
    -- The target of at least two per unit is the year-two evaluation's recommendation.
    select string_agg(distinct source_id, ', ') as source_ids
    from recommendation
    where indicator = 'supporters_per_unit'
)

select
    u.unit, u.area,
    case when s.supporters_min = s.supporters_max then s.supporters_min end as supporters,
    s.supporters_min,
    $target::integer as target,
    case when s.supporters_min >= $target then true when s.supporters_max < $target then false end as meets_target,
    s.status, s.observed_on, s.refers_to, s.absent, s.basis, s.sources,
    u.unit_type, u.area_kind, s.supporters_max,
    (select source_ids from target_source) as target_source,
    $as_of::date as as_of,
from states as s
join units as u using (unit_id)
order by s.status, s.supporters_min, u.area_kind desc, u.area, u.unit
