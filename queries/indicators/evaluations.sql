-- name: indicators/evaluations
-- question: Which evaluations were made, by whom, when, how, and with how many interviewed?
-- grain: one row per evaluation
-- params: (inga)
-- columns: evaluation_id, round, title, author, published, method, interviews, respondents, respondents_note,
--   findings, recommendations, basis, sources
select
    e.evaluation_id, e.round, e.title, e.author, e.published, e.method, e.interviews, e.respondents,
    e.respondents_note,
    (select count(*) from finding as f where f.evaluation_id = e.evaluation_id) as findings,
    (select count(*) from recommendation as r where r.evaluation_id = e.evaluation_id) as recommendations,
    e.basis,
    e.source_id as sources,
from evaluation as e
order by e.round nulls last, e.evaluation_id
