-- name: replay/units
-- question: Add or change a unit from an import (in place: placements may refer to it).
-- grain: writes one row into unit
-- params: unit_id varchar, name varchar, unit_type varchar, area_id varchar, owner varchar, source_id varchar,
--   source_ref varchar
-- columns: (none)
insert into unit (unit_id, name, name_published, unit_type, area_id, owner, source_id, source_ref, basis, rule)
values ($unit_id, $name, true, $unit_type, $area_id, $owner, $source_id, $source_ref, 'documented', null)
on conflict (unit_id) do update set
    name = excluded.name,
    name_published = excluded.name_published,
    unit_type = excluded.unit_type,
    area_id = excluded.area_id,
    owner = excluded.owner,
    source_id = excluded.source_id,
    source_ref = excluded.source_ref,
    basis = excluded.basis,
    rule = excluded.rule
