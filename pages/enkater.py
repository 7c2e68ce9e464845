"""Enkäter: outcome shares with 95 % intervals, N and response next to every chart."""

import streamlit as st

from dashboard import charts, formatting
from dashboard.ui import blocks, cache, sidebar

PAGE = "enkater"
filters = sidebar.shared_filters()
blocks.page_header("Enkäter", filters,
                   "Publicerade andelar återges som dokumentet anger dem. Cellerna i diagrammen i 004 finns inte i "
                   "texten; opublicerade andelar visas inte.")
as_of = filters.indicator_params("as_of")
responses = cache.run("survey_response", **as_of)
if responses.empty:
    st.info(f"Ingen enkät var avslutad på eller före {filters.as_of.isoformat()}: en enkät visas från och med att "
            "insamlingen avslutades.")
else:
    surveys = responses["survey"].tolist()
    survey = sidebar.page_choice(PAGE, "survey", "Enkät", surveys, surveys[-1])
    response = responses[responses["survey"] == survey].iloc[0]
    st.markdown(
        f"**N = {formatting.number(response['answered'])}** besvarade av en möjlig population på "
        f"{formatting.number(response['population'])}: svarsfrekvens {formatting.percent(response['response_rate'])}, "
        f"bortfall {formatting.percent(response['dropout_rate'])} "
        f"(publicerat: {formatting.percent(response['published_response_rate'])} respektive "
        f"{formatting.percent(response['published_dropout_rate'])}). Insamling: {response['fieldwork']} "
        f"(avslutad {formatting.iso_date(response['fieldwork_end'])}).")
    shares = cache.run("survey_outcome_shares", **as_of, survey=survey)
    questions = list(dict.fromkeys(shares["question"]))
    question = sidebar.page_choice(PAGE, "question", "Fråga", [None, *questions], None)
    if question is not None:
        shares = cache.run("survey_outcome_shares", **as_of, survey=survey, question=question)
    caption = f"{survey}; {question or 'alla frågor'}; N = {formatting.number(response['answered'])}"
    blocks.indicator_block(shares, caption, cache.view(charts.survey_shares, shares) if shares["share"].notna().any() else None,
                           empty="Inga publicerade andelar för frågan.", key=f"{PAGE}__shares")
    blocks.indicator_block(responses, "alla enkäter", key=f"{PAGE}__response")
sidebar.sync_url(filters)
