-- name: lookups/filter_options
-- question: Which areas and unit types can a user filter on, and which dates does the data span?
-- grain: one row per area and unit type that has a unit (areas without units are listed with unit_type NULL)
-- params: (inga)
-- columns: area_id, area, area_kind, unit_type, first_date, last_date
with dates as (
    select min(d) as first_date, max(d) as last_date
    from (
        select period_start as d from funding_agreement
        union all select period_end from funding_agreement
        union all select start_date from placement
        union all select end_date from placement
    )
)

select distinct a.area_id, a.name as area, a.area_kind, u.unit_type, d.first_date, d.last_date,
from area as a
left join unit as u using (area_id)
cross join dates as d
order by a.area_kind desc, a.name, u.unit_type
