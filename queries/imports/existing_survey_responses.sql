-- name: imports/existing_survey_responses
-- question: Which survey_response rows exist already, to tell an import's added rows from changed ones?
-- grain: one row per survey_response row
-- params: (inga)
-- columns: survey_id, respondent_id, option_id, source_id
-- source_id tells a documented row (S000…) from an imported one (IMP0001…): changing a documented one is confirmed first.
select survey_id, respondent_id, option_id, source_id,
from survey_response
