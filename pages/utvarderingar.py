"""Utvärderingar: evaluation rounds, findings by theme, recommendations with follow-up status."""

import streamlit as st

from dashboard import web

PAGE = "utvarderingar"
filters = web.shared_filters()
web.page_header("Utvärderingar", filters)
evaluations = web.run("evaluations")
web.indicator_block(evaluations, "alla utvärderingar", key=f"{PAGE}__evaluations")

as_of = filters.indicator_params("as_of")
findings = web.run("findings", **as_of)
theme = web.page_choice(PAGE, "theme", "Tema", [None, *sorted(set(findings["theme"]))], None)
if theme is not None:
    findings = web.run("findings", **as_of, theme=theme)
web.indicator_block(findings, f"tema: {theme or 'alla'}", key=f"{PAGE}__findings")

statuses = ["ej påbörjad", "planerad", "pågående", "genomförd", "okänd"]
status = web.page_choice(PAGE, "status", "Uppföljningsstatus", [None, *statuses], None)
recommendations = web.run("recommendations", **as_of, status=status)
web.indicator_block(recommendations, f"status: {status or 'alla'}",
                    empty="Inga rekommendationer med vald status.", key=f"{PAGE}__recommendations")
st.caption("Kolumnen 'Mäts av' anger indikatorn som följer upp rekommendationen: supporters_per_unit visas på "
           "sidan Enheter, funding_horizon på Finansiering och supporter_gender på Källor och data.")
facts = web.run("decision_facts", **as_of)
web.indicator_block(facts, f"per {filters.as_of.isoformat()}", key=f"{PAGE}__facts")
web.sync_url(filters)
