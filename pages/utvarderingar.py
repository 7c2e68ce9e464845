"""Utvärderingar: evaluation rounds, findings by theme, recommendations with follow-up status."""

import streamlit as st

from dashboard.base.access import PermissionDenied
from dashboard.imports import run as importer
from dashboard.params import STATUS
from dashboard.ui import blocks, cache, identity, sidebar

PAGE = "utvarderingar"


def save_follow_up() -> None:
    """The form's callback: before the next run, outside its pinned data version (an import rebuilds)."""
    state = st.session_state
    try:
        number = importer.follow_up(state[f"{PAGE}__fu_id"], state[f"{PAGE}__fu_status"], state[f"{PAGE}__fu_date"],
                                    state[f"{PAGE}__fu_note"].strip(), identity.current())
        state[f"{PAGE}__fu__outcome"] = ("success", f"Uppföljningen sparades (import {number}); den kan ångras på "
                                                    "Importera.")
    except (importer.ImportRejected, importer.ImportFailed, importer.Busy, importer.DateOutOfRange,
            PermissionDenied) as error:
        state[f"{PAGE}__fu__outcome"] = ("error", f"Uppföljningen sparades inte: {error}")


filters = sidebar.shared_filters()
blocks.page_header("Utvärderingar", filters)
evaluations = cache.run("evaluations", filters, shared=False)
blocks.indicator_block(evaluations, filters, key=f"{PAGE}__evaluations")

findings = cache.run("findings", filters)
theme = sidebar.page_choice(PAGE, "theme", "Tema", [None, *sorted(set(findings["theme"]))], None)
if theme is not None:
    findings = cache.run("findings", filters, theme=theme)
blocks.indicator_block(findings, filters, key=f"{PAGE}__findings")

status = sidebar.page_choice(PAGE, "status", "Uppföljningsstatus", [None, *STATUS.choices], None)
recommendations = cache.run("recommendations", filters, status=status)
blocks.indicator_block(recommendations, filters, empty="Inga rekommendationer med vald status.", key=f"{PAGE}__recommendations")
if identity.current().may("import"):
    with st.expander("För in uppföljning av en rekommendation"):
        every = cache.run("recommendations", filters)
        texts = dict(zip(every["recommendation_id"], every["recommendation"]))
        with st.form(f"{PAGE}__follow_up"):
            st.selectbox("Rekommendation", list(texts), key=f"{PAGE}__fu_id",
                         format_func=lambda r: f"{r}: {texts[r][:90]}")
            st.radio("Status", STATUS.choices, key=f"{PAGE}__fu_status", horizontal=True)
            first, last = cache.filter_options().dates.statement_bounds()
            st.date_input("Gäller per", value=min(max(filters.as_of, first), last), min_value=first, max_value=last,
                          key=f"{PAGE}__fu_date", format="YYYY-MM-DD", help="Senast i dag.")
            st.text_input("Kommentar (inga uppgifter om enskilda personer)", key=f"{PAGE}__fu_note", max_chars=500)
            st.form_submit_button("Spara uppföljningen", on_click=save_follow_up)
blocks.outcome(f"{PAGE}__fu")
st.caption("Kolumnen 'Mäts av' anger indikatorn som följer upp rekommendationen: Peer supportrar per enhet "
           "visas på sidan Enheter, Finansiering per överenskommelse på Finansiering och Peer supportrar efter kön på "
           "Källor och data.")
facts = cache.run("decision_facts", filters)
blocks.indicator_block(facts, filters, key=f"{PAGE}__facts")
blocks.page_end(filters)
