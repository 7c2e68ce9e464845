-- name: imports/valid_units
-- question: Which units can an imported row name, and what is each (for the template's list and suggestions)?
-- grain: one row per unit
-- params: (inga)
-- columns: unit_id, name, name_published, unit_type, area, owner, source_id
-- name_published false: the name is a placeholder for one no document gives; area is the area's name.
select u.unit_id, u.name, u.name_published, u.unit_type, a.name as area, u.owner, u.source_id,
from unit as u left join area as a using (area_id)
order by u.unit_id
