-- name: replay/recommendation_status
-- question: Add a follow-up status for a recommendation from an import.
-- grain: writes one row into recommendation_status
-- params: status_id varchar, recommendation_id varchar, status varchar, status_date date, note varchar|null,
--   source_id varchar, source_ref varchar
-- columns: (none)
insert or replace into recommendation_status
    (status_id, recommendation_id, status, status_date, note, source_id, source_ref, basis, rule)
values ($status_id, $recommendation_id, $status, $status_date, $note, $source_id, $source_ref, 'documented', null)
