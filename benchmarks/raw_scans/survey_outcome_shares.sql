-- Every column survey_outcome_shares reads, aggregated so the data is really read (no joins: the floor).
select
    (select [max(option_id), max(selected)::varchar, max(len(source_ids))::varchar] from survey_option_count),
    (select [max(question_id), max(respondents)::varchar] from survey_question_respondents),
    (select [max(option_id), max(question_id), max(position)::varchar, max(text)] from survey_option),
    (select [max(question_id), max(survey_id), max(position)::varchar, max(text), bool_or(multiple_choice)::varchar]
        from survey_question),
    (select [max(survey_id), max(title)] from survey),
    (select [max(option_id), max(respondents)::varchar, max(selected)::varchar, max(share_published)::varchar,
        max(share_wording), max(share_precision)::varchar, max(source_id), max(basis)] from survey_result)
