-- name: lookups/import_references
-- question: Which identifiers can an imported row refer to?
-- grain: one row per referable identifier (areas by id and by name)
-- params: (inga)
-- columns: kind, id, target, parent
-- target is what the identifier resolves to (an area name resolves to its area_id; a `single` option, one of a
-- single-choice question, to that question); parent is the survey of an option.
select 'area' as kind, area_id as id, area_id as target, null as parent from area
union all select 'area', name, area_id, null from area
union all select 'unit', unit_id, unit_id, null from unit
union all select 'supporter', supporter_id, supporter_id, null from supporter
union all select 'survey', survey_id, survey_id, null from survey
union all select 'option', o.option_id, o.option_id, q.survey_id from survey_option as o join survey_question as q using (question_id)
union all select 'recommendation', recommendation_id, recommendation_id, null from recommendation
union all select 'single', o.option_id, o.question_id, q.survey_id from survey_option as o join survey_question as q using (question_id)
    where not q.multiple_choice
