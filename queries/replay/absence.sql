-- name: replay/absence
-- question: Add or change the absence given on an imported placement row.
-- grain: writes one row into absence
-- params: absence_id varchar, placement_id varchar, kind varchar, start_date date, end_date date|null,
--   source_id varchar, source_ref varchar
-- columns: (none)
insert or replace into absence (absence_id, placement_id, kind, start_date, end_date, source_id, source_ref, basis, rule)
values ($absence_id, $placement_id, $kind, $start_date, $end_date, $source_id, $source_ref, 'documented', null)
