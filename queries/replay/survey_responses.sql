-- name: replay/survey_responses
-- question: Add the respondents' chosen options imports bring.
-- grain: writes one row into survey_response per imported (survey, respondent, option): the latest import's
--   row for it
-- params: (none)
-- columns: (none)
-- Reads `imported_row` (import_id, source_id, kind, file_row, record), staged by `dashboard.store.replay`.
insert into survey_response (survey_id, respondent_id, option_id, source_id)
with imported as (
    select
        record ->> 'survey_id' as survey_id,
        record ->> 'respondent_id' as respondent_id,
        record ->> 'option_id' as option_id,
        source_id,
        import_id,
        file_row,
    from imported_row
    where kind = 'survey_responses'
)
select survey_id, respondent_id, option_id, source_id
from imported
qualify row_number() over (partition by survey_id, respondent_id, option_id order by import_id desc, file_row desc) = 1
on conflict (survey_id, respondent_id, option_id) do update set
    source_id = excluded.source_id
