-- name: indicators/recommendations
-- question: What did the evaluations recommend, what is the latest follow-up, and which indicator measures it?
-- grain: one row per recommendation whose source is dated on or before the as-of date (or undated)
-- params: as_of date, status varchar|null, evaluation varchar|null
-- columns: recommendation_id, recommendation, status, status_date, status_note, status_basis, theme, indicator,
--   evaluation, evaluation_id, sources
-- The status is the latest dated on or before as_of; with no documented follow-up by then it is 'okänd'.
with latest_status as (
    select
        recommendation_id,
        arg_max(status, status_date) as status,
        max(status_date) as status_date,
        arg_max(note, status_date) as status_note,
        arg_max(basis, status_date) as status_basis,
        arg_max(source_id, status_date) as status_source,
    from recommendation_status
    where status_date <= $as_of
    group by recommendation_id
),

joined as (
    select
        r.recommendation_id,
        e.title || ' (' || e.author || ', ' || e.published || ')' as evaluation,
        r.evaluation_id, r.theme, r.text as recommendation,
        coalesce(s.status, 'okänd') as status,
        s.status_date, s.status_note, s.status_basis,
        r.indicator,
        array_to_string(list_sort(list_distinct(list_filter([r.source_id, s.status_source], lambda x: x is not null))), ', ')
            as sources,
    from recommendation as r
    join evaluation as e using (evaluation_id)
    join source as src on src.source_id = r.source_id
    left join latest_status as s using (recommendation_id)
    where src.dated is null or src.dated <= $as_of
)

select
    recommendation_id, recommendation, status, status_date, status_note, status_basis, theme, indicator, evaluation,
    evaluation_id, sources,
from joined
where ($status is null or status = $status)
    and ($evaluation is null or evaluation_id = $evaluation)
order by evaluation_id, recommendation_id
