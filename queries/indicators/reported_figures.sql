-- name: indicators/reported_figures
-- question: Which head counts and context figures do the documents state outright, about the time up to the date?
-- grain: one row per reported figure whose reference period starts on or before the date (an undated figure,
--   such as the training's length, always)
-- params: as_of date, topic varchar|null
-- columns: topic, measure, value_low, value_high, unit_of_measure, refers_to, observed_on, area, basis, rule,
--   source_ref, sources
select
    f.topic, f.measure, f.value_low, f.value_high, f.unit_of_measure, f.refers_to, f.observed_on,
    a.name as area, f.basis, f.rule, f.source_ref,
    f.source_id as sources,
from reported_figure as f
left join area as a using (area_id)
where ($topic is null or f.topic = $topic)
    and coalesce(f.period_start, f.observed_on, $as_of) <= $as_of
order by f.topic, f.figure_id
