-- name: replay/placements
-- question: Add or change a placement from an import.
-- grain: writes one row into placement
-- params: placement_id varchar, supporter_id varchar, unit_id varchar, start_date date, end_date date|null,
--   fte_share double|null, source_id varchar, source_ref varchar
-- columns: (none)
insert into placement
    (placement_id, supporter_id, unit_id, start_date, end_date, fte_share, source_id, source_ref, basis, rule)
values ($placement_id, $supporter_id, $unit_id, $start_date, $end_date, $fte_share, $source_id, $source_ref,
    'documented', null)
on conflict (placement_id) do update set
    supporter_id = excluded.supporter_id,
    unit_id = excluded.unit_id,
    start_date = excluded.start_date,
    end_date = excluded.end_date,
    fte_share = excluded.fte_share,
    source_id = excluded.source_id,
    source_ref = excluded.source_ref,
    basis = excluded.basis,
    rule = excluded.rule
