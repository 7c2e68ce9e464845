-- name: lookups/planned_decisions
-- question: Which funding decisions had a document foreseen by the as-of date, as plans rather than decisions?
-- grain: one row per funding agreement with a planned decision whose source is dated on or before as_of
-- params: as_of date
-- columns: period_start, period_end, planned_decision, source_id, decided_on
select f.period_start, f.period_end, f.planned_decision, f.planned_decision_source_id as source_id, f.decided_on,
from funding_agreement as f
join source as s on s.source_id = f.planned_decision_source_id
where f.planned_decision is not null and s.dated <= $as_of
order by f.period_start
