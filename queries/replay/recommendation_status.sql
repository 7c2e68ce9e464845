-- name: replay/recommendation_status
-- question: Add a follow-up status for a recommendation from an import.
-- grain: writes one row into recommendation_status
-- params: status_id varchar, recommendation_id varchar, status varchar, status_date date, note varchar|null,
--   source_id varchar, source_ref varchar
-- columns: (none)
insert into recommendation_status
    (status_id, recommendation_id, status, status_date, note, source_id, source_ref, basis, rule)
values ($status_id, $recommendation_id, $status, $status_date, $note, $source_id, $source_ref, 'documented', null)
on conflict (status_id) do update set
    recommendation_id = excluded.recommendation_id,
    status = excluded.status,
    status_date = excluded.status_date,
    note = excluded.note,
    source_id = excluded.source_id,
    source_ref = excluded.source_ref,
    basis = excluded.basis,
    rule = excluded.rule
