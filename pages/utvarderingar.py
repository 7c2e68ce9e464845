"""Utvärderingar: evaluation rounds, findings by theme, recommendations with follow-up status."""

import streamlit as st

from dashboard.params import STATUS
from dashboard.ui import blocks, cache, sidebar

PAGE = "utvarderingar"
filters = sidebar.shared_filters()
blocks.page_header("Utvärderingar", filters)
evaluations = cache.run("evaluations")
blocks.indicator_block(evaluations, filters, key=f"{PAGE}__evaluations")

findings = cache.run("findings", filters)
theme = sidebar.page_choice(PAGE, "theme", "Tema", [None, *sorted(set(findings["theme"]))], None)
if theme is not None:
    findings = cache.run("findings", filters, theme=theme)
blocks.indicator_block(findings, filters, key=f"{PAGE}__findings")

status = sidebar.page_choice(PAGE, "status", "Uppföljningsstatus", [None, *STATUS.choices], None)
recommendations = cache.run("recommendations", filters, status=status)
blocks.indicator_block(recommendations, filters, empty="Inga rekommendationer med vald status.", key=f"{PAGE}__recommendations")
st.caption("Kolumnen 'Mäts av' anger indikatorn som följer upp rekommendationen: Peer supportrar per enhet "
           "visas på sidan Enheter, Finansiering per överenskommelse på Finansiering och Peer supportrar efter kön på "
           "Källor och data.")
facts = cache.run("decision_facts", filters)
blocks.indicator_block(facts, filters, key=f"{PAGE}__facts")
blocks.page_end(filters)
