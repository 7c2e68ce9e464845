-- Aggregates computed when the database is built (after the seeds and the replayed imports) and when synthetic
-- data is generated: indicators then read a row per option or question instead of every answer. They are
-- derived only from the tables above them and rebuilt with the database; nothing else writes them.

-- survey_response's key is (survey, respondent, option): a row count per option is a count of respondents.
create table survey_option_count as
select option_id, count(*) as selected, list(distinct source_id order by source_id) as source_ids,
from survey_response
group by option_id;

-- The respondents who answered a question: N for its shares.
create table survey_question_respondents as
select o.question_id, count(distinct r.respondent_id) as respondents,
from survey_response as r
join survey_option as o using (option_id)
group by o.question_id;
