-- name: indicators/survey_outcome_shares
-- question: What share of respondents chose each option, with a 95 % Wilson interval?
-- grain: one row per survey option with a published share or respondent-level answers, for surveys whose
--   fieldwork had ended by the as-of date
-- params: as_of date, survey varchar|null, question varchar|null, threshold integer
-- columns: survey, question, option, selected, respondents, share, ci_low, ci_high, basis, suppressed,
--   survey_id, question_id, option_id, count_basis, share_wording, share_precision, sources, suppressed_why
-- Counts from respondent-level answers below `threshold` are suppressed (selected and share hidden), and so is a
-- count whose complement is (13 of 15 tells that 2 did not); published figures are public and never suppressed.
-- A single-choice question's counts add up to N, so its hidden cells must number at least two and add up to at
-- least `threshold`: the smallest shown cells are hidden with them until they do (secondary suppression), and
-- no more. suppressed_why says which rule hid a cell. Where only a published share exists, the
-- interval is computed only where the count is known: a share published as 'hälften' (7 or 8 of 15) keeps its
-- published precision and gets no interval.
with options as (
    select s.survey_id, s.title as survey, q.question_id, q.position as question_position, q.text as question,
        q.multiple_choice,
        o.option_id, o.position as option_position, o.text as option,
    from survey_option as o
    join survey_question as q using (question_id)
    join survey as s using (survey_id)
    where ($survey is null or s.survey_id = $survey or s.title = $survey)
        and s.fieldwork_end <= $as_of
        and ($question is null or q.question_id = $question or q.text = $question)
),

-- Counts per option and respondents per question are precomputed at build (data/aggregates.sql).
microdata as (
    select o.*, q.respondents,
        coalesce(c.selected, 0) as selected_raw,
        'microdata' as basis, 'microdata' as count_basis,
        null::varchar as share_wording, null::double as share_precision,
        coalesce(c.source_ids, []) as source_ids,
    from options as o
    join survey_question_respondents as q using (question_id)
    left join survey_option_count as c using (option_id)
),

published as (
    select o.*, sr.respondents, sr.selected as selected_raw,
        'published' as basis, sr.basis as count_basis,
        sr.share_wording, sr.share_precision,
        [sr.source_id] as source_ids,
        sr.share_published,
    from options as o
    join survey_result as sr using (option_id)
),

primary_hidden as (
    select *,
        case when selected_raw < $threshold then 'litet tal'
            when respondents - selected_raw between 1 and $threshold - 1 then 'litet komplement' end as primary_why,
    from microdata
),

-- Per single-choice question: how many cells and answers the primary rule hides, and for each shown cell, the
-- answers of the shown cells smaller than it (they are hidden first).
ranked as (
    select *,
        count(primary_why) over question as hidden_cells,
        coalesce(sum(selected_raw) filter (where primary_why is not null) over question, 0) as hidden_answers,
        row_number() over shown_order as shown_rank,
        coalesce(sum(selected_raw) over (shown_order rows between unbounded preceding and 1 preceding), 0)
            as shown_before,
    from primary_hidden
    window question as (partition by question_id),
        shown_order as (partition by question_id, primary_why is null order by selected_raw, option_position)
),

secondary as (
    select *,
        coalesce(primary_why, case
            when not multiple_choice and hidden_cells > 0
                and (hidden_cells + shown_rank - 1 < 2 or hidden_answers + shown_before < $threshold)
            then 'sekundär: skulle annars kunna räknas fram ur N' end) as suppressed_why,
    from ranked
),

shares as (
    select * exclude (primary_why, hidden_cells, hidden_answers, shown_rank, shown_before),
        suppressed_why is not null as suppressed,
        selected_raw / respondents as share_raw,
    from secondary
    union all by name
    select *, false as suppressed, share_published as share_raw, null::varchar as suppressed_why from published
),

wilson as (
    select *,
        coalesce(selected_raw / respondents, share_raw) as p,
        1.959963984540054 as z,
    from shares
)

select
    survey, question,
    option,
    case when suppressed then null else selected_raw end as selected,
    case when suppressed then null else respondents end as respondents,   -- N of a one-option question is its count
    case when suppressed then null else share_raw end as share,
    case when suppressed or selected_raw is null then null else
        (p + z * z / (2 * respondents) - z * sqrt(p * (1 - p) / respondents + z * z / (4 * respondents * respondents)))
        / (1 + z * z / respondents) end as ci_low,
    case when suppressed or selected_raw is null then null else
        (p + z * z / (2 * respondents) + z * sqrt(p * (1 - p) / respondents + z * z / (4 * respondents * respondents)))
        / (1 + z * z / respondents) end as ci_high,
    basis, suppressed, survey_id, question_id, option_id, count_basis, share_wording, share_precision,
    array_to_string(list_sort(list_distinct(source_ids)), ', ') as sources, suppressed_why,
from wilson
order by survey_id, question_position, option_position, basis
