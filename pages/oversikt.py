"""Översikt: key figures with their date and source, and the alerts a manager must not miss."""

import streamlit as st

from dashboard import overview
from dashboard.ui import blocks, cache, sidebar

filters = sidebar.shared_filters()
blocks.page_header("PEER support – översikt", filters,
                   "Läget för peer support i Stockholms stads socialpsykiatri per valt datum.")

headcount = cache.run("headcount", filters)
units = cache.run("supporters_per_unit", filters)
funding = cache.run("funding_summary", filters)
survey = cache.run("survey_response", filters)
conflicts = cache.run("source_conflicts")

st.subheader("Att uppmärksamma")
alerts = overview.alerts(units, funding, conflicts)
for alert in alerts:
    getattr(st, alert.level)(alert.text)
if not alerts:
    st.success("Inga varningar för valt datum.")

st.subheader(f"Nyckeltal per {filters.as_of.isoformat()}")
cells = st.columns(4)
for index, figure in enumerate(overview.key_figures(headcount, units, funding, survey)):
    with cells[index % 4]:
        st.metric(figure.label, figure.value, help=figure.note)
        st.caption(figure.note)

blocks.source_note(headcount)
blocks.source_note(units)
blocks.source_note(funding)
sidebar.sync_url(filters)
