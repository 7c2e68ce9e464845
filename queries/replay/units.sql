-- name: replay/units
-- question: Add or change a unit from an import.
-- grain: writes one row into unit
-- params: unit_id varchar, name varchar, unit_type varchar, area_id varchar, owner varchar, source_id varchar,
--   source_ref varchar
-- columns: (none)
insert or replace into unit (unit_id, name, name_published, unit_type, area_id, owner, source_id, source_ref, basis, rule)
values ($unit_id, $name, true, $unit_type, $area_id, $owner, $source_id, $source_ref, 'documented', null)
