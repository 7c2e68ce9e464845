"""Enkäter: what each survey is about (004's is about personligt ombud, not peer support), and its outcome shares
with 95 % intervals, N and response next to every chart."""

import streamlit as st

from dashboard import surveys
from dashboard.base import formatting
from dashboard.charts.surveys import survey_shares
from dashboard.ui import blocks, cache, sidebar

PAGE = "enkater"
filters = sidebar.shared_filters()
blocks.page_header("Enkäter", filters,
                   "Publicerade andelar återges som dokumentet anger dem. Cellerna i diagrammen i 004 finns inte i "
                   "texten; opublicerade andelar visas inte.")
responses = cache.run("survey_response", filters)
missing = surveys.absence(responses)
if missing:   # where a reader looks for what users say about peer support
    st.warning(formatting.plain(missing), icon=":material/info:")
    gaps = surveys.survey_gaps(cache.run_helper("indicators/data_gaps"))   # a footnote: follows no filter
    if gaps:
        st.markdown("**Det källorna inte har om enkäter:**\n" + "\n".join(f"- {formatting.plain(g)}" for g in gaps))
if responses.empty:
    st.info(f"Ingen enkät var avslutad på eller före {filters.as_of.isoformat()}: en enkät visas från och med att "
            "insamlingen avslutades.")
else:
    titles = responses["survey"].tolist()
    survey = sidebar.page_choice(PAGE, "survey", "Enkät", titles, titles[-1])
    response = responses[responses["survey"] == survey].iloc[0]
    st.header(surveys.heading(response))
    st.markdown(
        f"{formatting.plain(response['survey'])} ({response['sources']}). "
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
                           cache.view(survey_shares, shares) if shares["share"].notna().any() else None,
                           note=f"N = {formatting.number(response['answered'])}",
                           empty="Inga publicerade andelar för frågan.", key=f"{PAGE}__shares", nested=True)
    blocks.indicator_block(responses, filters, key=f"{PAGE}__response", nested=True)
blocks.page_end(filters)
