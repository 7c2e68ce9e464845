-- name: replay/survey_responses
-- question: Add one respondent's chosen option from an import.
-- grain: writes one row into survey_response
-- params: survey_id varchar, respondent_id varchar, option_id varchar, source_id varchar
-- columns: (none)
insert into survey_response (survey_id, respondent_id, option_id, source_id)
values ($survey_id, $respondent_id, $option_id, $source_id)
on conflict (survey_id, respondent_id, option_id) do update set
    source_id = excluded.source_id
