-- name: replay/agreements
-- question: Add or change a funding agreement from an import.
-- grain: writes one row into funding_agreement
-- params: agreement_id varchar, dnr varchar|null, funder varchar, amount_sek bigint|null, period_start date,
--   period_end date, status varchar, decided_on date|null, source_id varchar, source_ref varchar
-- columns: (none)
insert or replace into funding_agreement
    (agreement_id, dnr, funder, recipient, funding_kind, amount_sek, period_start, period_end, status, decided_on,
     decision_source_id, decision_basis, decision_rule, source_id, source_ref, basis, rule)
values ($agreement_id, $dnr, $funder, 'NSPH Stockholms län', 'överenskommelse om tidsbegränsat bidrag', $amount_sek,
    $period_start, $period_end, $status, $decided_on,
    case when $decided_on is null then null else $source_id end,
    case when $decided_on is null then 'unknown' else 'documented' end,
    case when $decided_on is null then 'Beslutsdatum anges inte i filen.' end,
    $source_id, $source_ref, 'documented', null)
