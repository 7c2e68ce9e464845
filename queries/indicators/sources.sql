-- name: indicators/sources
-- question: Which documents do the figures come from, and how many fact rows cite each?
-- grain: one row per source document
-- params: (inga)
-- columns: source_id, title, organisation, author, doc_type, dated, date_note, dnr, seed_file, fact_rows,
--   sources
with citations as (
    select source_id from area
    union all select source_id from unit
    union all select source_id from supporter
    union all select source_id from placement
    union all select source_id from absence
    union all select source_id from supporter_gender_count
    union all select source_id from reported_figure
    union all select source_id from funding_agreement
    union all select decision_source_id from funding_agreement where decision_source_id is not null
    union all select source_id from evaluation
    union all select source_id from finding
    union all select source_id from recommendation
    union all select source_id from recommendation_status
    union all select source_id from survey
    union all select source_id from survey_question
    union all select source_id from survey_option
    union all select source_id from survey_result
    union all select source_id from survey_response
    union all select source_a from source_conflict
    union all select source_b from source_conflict
    union all select source_id from data_gap
),

counted as (
    select source_id, count(*) as fact_rows from citations group by source_id
)

select
    s.source_id, s.title, s.organisation, s.author, s.doc_type, s.dated, s.date_note, s.dnr, s.seed_file,
    coalesce(c.fact_rows, 0) as fact_rows,
    s.source_id as sources,
from source as s
left join counted as c using (source_id)
order by s.source_id
