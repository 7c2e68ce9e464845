-- name: replay/agreements
-- question: Add or change a funding agreement from an import.
-- grain: writes one row into funding_agreement
-- params: agreement_id varchar, dnr varchar|null, funder varchar, amount_sek bigint|null, period_start date,
--   period_end date, status varchar, decided_on date|null, source_id varchar, source_ref varchar
-- columns: (none)
insert into funding_agreement
    (agreement_id, dnr, funder, recipient, funding_kind, amount_sek, period_start, period_end, status, decided_on,
     decision_source_id, decision_basis, decision_rule, source_id, source_ref, basis, rule)
values ($agreement_id, $dnr, $funder, 'NSPH Stockholms län', 'överenskommelse om tidsbegränsat bidrag', $amount_sek,
    $period_start, $period_end, $status, $decided_on,
    case when $decided_on is null then null else $source_id end,
    case when $decided_on is null then 'unknown' else 'documented' end,
    case when $decided_on is null then 'Beslutsdatum anges inte i filen.' end,
    $source_id, $source_ref, 'documented', null)
on conflict (agreement_id) do update set
    dnr = excluded.dnr,
    funder = excluded.funder,
    recipient = excluded.recipient,
    funding_kind = excluded.funding_kind,
    amount_sek = excluded.amount_sek,
    period_start = excluded.period_start,
    period_end = excluded.period_end,
    status = excluded.status,
    decided_on = excluded.decided_on,
    decision_source_id = excluded.decision_source_id,
    decision_basis = excluded.decision_basis,
    decision_rule = excluded.decision_rule,
    source_id = excluded.source_id,
    source_ref = excluded.source_ref,
    basis = excluded.basis,
    rule = excluded.rule
