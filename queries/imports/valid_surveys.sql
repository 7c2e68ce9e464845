-- name: imports/valid_surveys
-- question: Which surveys can imported answers belong to?
-- grain: one row per survey
-- params: (inga)
-- columns: survey_id, title, fieldwork_start, fieldwork_end
select survey_id, title, fieldwork_start, fieldwork_end,
from survey
order by survey_id
