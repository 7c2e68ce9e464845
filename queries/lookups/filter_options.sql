-- name: lookups/filter_options
-- question: Which areas and unit types can a user filter on? (The dates come from lookups/data_as_of.)
-- grain: one row per area and unit type that has a unit (areas without units are listed with unit_type NULL)
-- params: (inga)
-- columns: area_id, area, area_kind, unit_type
select distinct a.area_id, a.name as area, a.area_kind, u.unit_type,
from area as a
left join unit as u using (area_id)
order by a.area_kind desc, a.name, u.unit_type
