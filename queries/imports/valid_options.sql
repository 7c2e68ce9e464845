-- name: imports/valid_options
-- question: Which answer options can an imported answer name, in which survey and question?
-- grain: one row per answer option
-- params: (inga)
-- columns: option_id, survey_id, question, option, multiple_choice
select o.option_id, q.survey_id, q.text as question, o.text as option, q.multiple_choice,
from survey_option as o join survey_question as q using (question_id)
order by q.survey_id, q.position, o.position
