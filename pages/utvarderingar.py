"""Utvärderingar: evaluation rounds, findings by theme, recommendations with follow-up status."""

import streamlit as st

from dashboard.ui import blocks, cache, sidebar

PAGE = "utvarderingar"
filters = sidebar.shared_filters()
blocks.page_header("Utvärderingar", filters)
evaluations = cache.run("evaluations")
blocks.indicator_block(evaluations, "alla utvärderingar", key=f"{PAGE}__evaluations")

as_of = filters.indicator_params("as_of")
findings = cache.run("findings", **as_of)
theme = sidebar.page_choice(PAGE, "theme", "Tema", [None, *sorted(set(findings["theme"]))], None)
if theme is not None:
    findings = cache.run("findings", **as_of, theme=theme)
blocks.indicator_block(findings, f"tema: {theme or 'alla'}", key=f"{PAGE}__findings")

statuses = ["ej påbörjad", "planerad", "pågående", "genomförd", "okänd"]
status = sidebar.page_choice(PAGE, "status", "Uppföljningsstatus", [None, *statuses], None)
recommendations = cache.run("recommendations", **as_of, status=status)
blocks.indicator_block(recommendations, f"status: {status or 'alla'}",
                       empty="Inga rekommendationer med vald status.", key=f"{PAGE}__recommendations")
st.caption("Kolumnen 'Mäts av' anger indikatorn som följer upp rekommendationen: supporters_per_unit visas på "
           "sidan Enheter, funding_horizon på Finansiering och supporter_gender på Källor och data.")
facts = cache.run("decision_facts", **as_of)
blocks.indicator_block(facts, f"per {filters.as_of.isoformat()}", key=f"{PAGE}__facts")
sidebar.sync_url(filters)
