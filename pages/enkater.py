"""Enkäter: outcome shares with 95 % intervals, N and response next to every chart."""

import streamlit as st

from dashboard import charts, formatting
from dashboard.ui import blocks, cache, sidebar

PAGE = "enkater"
filters = sidebar.shared_filters()
blocks.page_header("Enkäter", filters,
                   "Publicerade andelar återges som dokumentet anger dem. Cellerna i diagrammen i 004 finns inte i "
                   "texten; opublicerade andelar visas inte.")
responses = cache.run("survey_response", filters)
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
    shares = cache.run("survey_outcome_shares", filters, survey=survey)
    questions = list(dict.fromkeys(shares["question"]))
    question = sidebar.page_choice(PAGE, "question", "Fråga", [None, *questions], None)
    if question is not None:
        shares = cache.run("survey_outcome_shares", filters, survey=survey, question=question)
    blocks.indicator_block(shares, filters,
                           cache.view(charts.survey_shares, shares) if shares["share"].notna().any() else None,
                           note=f"N = {formatting.number(response['answered'])}", empty="Inga publicerade andelar för frågan.", key=f"{PAGE}__shares")
    blocks.indicator_block(responses, filters, key=f"{PAGE}__response")
blocks.page_end(filters)
