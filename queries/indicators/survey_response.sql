-- name: indicators/survey_response
-- question: How many were asked, how many answered, and what were the response and drop-out rates?
-- grain: one row per survey whose fieldwork had ended by the as-of date
-- params: as_of date, survey varchar|null
-- columns: survey, population, excluded, declined, handed_out, answered, response_rate, dropout_rate,
--   published_response_rate, published_dropout_rate, forms_printed, fieldwork, fieldwork_end, scope, survey_id,
--   sources
-- response_rate = answered / population; dropout_rate = 1 - response_rate (the definitions 004 uses:
-- 15 of 24 answered, "62 procent", drop-out "38 procent"). A survey counts from the end of its fieldwork.
-- scope is what the users were asked about (004's survey: personligt ombud, not peer support); NULL: not stated.
select
    title as survey,
    population, excluded, declined, handed_out, answered,
    answered / nullif(population, 0) as response_rate,
    1 - answered / nullif(population, 0) as dropout_rate,
    published_response_rate,
    published_dropout_rate,
    forms_printed,
    fieldwork,
    fieldwork_end,
    scope,
    survey_id,
    source_id as sources,
from survey
where ($survey is null or survey_id = $survey or title = $survey)
    and fieldwork_end <= $as_of
order by survey_id
