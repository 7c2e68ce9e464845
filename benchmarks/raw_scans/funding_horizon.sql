-- Every column funding_horizon reads, aggregated so the data is really read.
select
    max(dnr), max(agreement_id), max(funder), max(funding_kind), sum(amount_sek), min(period_start),
    max(period_end), max(status), max(decided_on), max(decision_basis), max(basis), max(source_id),
    max(decision_source_id)
from funding_agreement
