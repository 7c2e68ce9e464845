-- name: imports/existing_agreements
-- question: Which funding_agreement rows exist already, to tell an import's added rows from changed ones?
-- grain: one row per funding_agreement row
-- params: (inga)
-- columns: agreement_id, dnr, funder, amount_sek, period_start, period_end, status, decided_on, source_id
-- source_id tells a documented row (S000…) from an imported one (IMP0001…): changing a documented one is confirmed first.
select agreement_id, dnr, funder, amount_sek, period_start, period_end, status, decided_on, source_id,
from funding_agreement
