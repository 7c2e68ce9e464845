-- name: indicators/decision_facts
-- question: What do the documents state that a funding decision needs (risks, follow-up, plans, context)?
-- grain: one row per statement about a time on or before the as-of date (undated context always)
-- params: as_of date, topic varchar|null
-- columns: topic, text, refers_to, is_plan, basis, sources, source_ref, fact_id, as_of
select
    topic, text, refers_to, is_plan, basis, source_id as sources, source_ref, fact_id,
    $as_of::date as as_of,
from decision_fact
where (period_start is null or period_start <= $as_of)
    and ($topic is null or topic = $topic)
order by topic, coalesce(period_start, date '1900-01-01'), fact_id
