-- name: replay/absence
-- question: Add or change the absence given on an imported placement row.
-- grain: writes one row into absence
-- params: absence_id varchar, placement_id varchar, kind varchar, start_date date, end_date date|null,
--   source_id varchar, source_ref varchar
-- columns: (none)
insert into absence (absence_id, placement_id, kind, start_date, end_date, source_id, source_ref, basis, rule)
values ($absence_id, $placement_id, $kind, $start_date, $end_date, $source_id, $source_ref, 'documented', null)
on conflict (absence_id) do update set
    placement_id = excluded.placement_id,
    kind = excluded.kind,
    start_date = excluded.start_date,
    end_date = excluded.end_date,
    source_id = excluded.source_id,
    source_ref = excluded.source_ref,
    basis = excluded.basis,
    rule = excluded.rule
