-- name: checks/two_single_answers
-- question: Which respondent has more than one answer to a single-choice question, in the database as built?
-- grain: one row per survey, respondent and single-choice question with two or more answers
-- params: (inga)
-- columns: survey_id, respondent_id, question_id, answers
select r.survey_id, r.respondent_id, o.question_id, count(*) as answers,
from survey_response as r
join survey_option as o using (option_id)
join survey_question as q using (question_id)
where not q.multiple_choice
group by r.survey_id, r.respondent_id, o.question_id
having count(*) > 1
order by r.survey_id, r.respondent_id, o.question_id
