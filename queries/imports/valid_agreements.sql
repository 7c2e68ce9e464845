-- name: imports/valid_agreements
-- question: Which funding agreements exist already (the same id changes one, a new id adds one)?
-- grain: one row per funding agreement
-- params: (inga)
-- columns: agreement_id, dnr, funder, amount_sek, period_start, period_end, status, source_id
-- status is the database's code (decided, expected, unknown …); the template shows it in Swedish.
select agreement_id, dnr, funder, amount_sek, period_start, period_end, status, source_id,
from funding_agreement
order by period_start, agreement_id
