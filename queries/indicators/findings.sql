-- name: indicators/findings
-- question: What did each evaluation find, by theme?
-- grain: one row per finding whose source is dated on or before the as-of date (or undated)
-- params: as_of date, theme varchar|null, evaluation varchar|null
-- columns: theme, finding, evaluation, evaluation_id, source_ref, sources
select
    f.theme,
    f.text as finding,
    e.title || ' (' || e.published || ')' as evaluation,
    f.evaluation_id,
    f.source_ref,
    f.source_id as sources,
from finding as f
join evaluation as e using (evaluation_id)
join source as s on s.source_id = f.source_id
where (s.dated is null or s.dated <= $as_of)
    and ($theme is null or f.theme = $theme)
    and ($evaluation is null or f.evaluation_id = $evaluation)
order by f.theme, f.evaluation_id, f.finding_id
