-- name: replay/agreements
-- question: Add or change the funding agreements imports bring.
-- grain: writes one row into funding_agreement per imported agreement id: the latest import's row for it
-- params: status_labels varchar[], status_codes varchar[]
-- columns: (none)
-- Reads `imported_row` (import_id, source_id, kind, file_row, record), staged by `dashboard.store.replay`. A file
-- writes the status in Swedish ($status_labels); the table holds its code ($status_codes, in the same order).
insert into funding_agreement
    (agreement_id, dnr, funder, recipient, funding_kind, amount_sek, period_start, period_end, status, decided_on,
     decision_source_id, decision_basis, decision_rule, source_id, source_ref, basis, rule)
with imported as (
    select
        record ->> 'agreement_id' as agreement_id,
        record ->> 'dnr' as dnr,
        record ->> 'funder' as funder,
        cast(record ->> 'amount_sek' as bigint) as amount_sek,
        cast(record ->> 'period_start' as date) as period_start,
        cast(record ->> 'period_end' as date) as period_end,
        $status_codes[list_position($status_labels, record ->> 'status')] as status,
        cast(record ->> 'decided_on' as date) as decided_on,
        source_id,
        'rad ' || file_row as source_ref,
        import_id,
        file_row,
    from imported_row
    where kind = 'agreements'
)
select agreement_id, dnr, funder, 'NSPH Stockholms län', 'överenskommelse om tidsbegränsat bidrag', amount_sek,
    period_start, period_end, status, decided_on,
    case when decided_on is null then null else source_id end,
    case when decided_on is null then 'unknown' else 'documented' end,
    case when decided_on is null then 'Beslutsdatum anges inte i filen.' end,
    source_id, source_ref, 'documented', null
from imported
qualify row_number() over (partition by agreement_id order by import_id desc, file_row desc) = 1
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
