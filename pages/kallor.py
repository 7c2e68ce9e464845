"""Källor och data: every source, what cites it, the recorded conflicts and what is unknown."""

import streamlit as st

from dashboard.charts.surveys import gender_by_source
from dashboard.filters import describe_binding
from dashboard.followup import goals, view
from dashboard.ui import blocks, cache, sidebar

PAGE = "kallor"
filters = sidebar.shared_filters()
blocks.page_header("Källor och data", filters,
                   "Varje siffra i tjänsten har en källa. Det ett dokument anger är *dokumenterat*; det som räknats "
                   "fram är *härlett* med regeln angiven; det som inte publicerats är *okänt* och visas som –.")
blocks.indicator_block(cache.run("sources", filters, shared=False), filters, key=f"{PAGE}__sources")
blocks.indicator_block(cache.run("source_conflicts", filters), filters, key=f"{PAGE}__conflicts")
gender = cache.run("supporter_gender", filters)
blocks.indicator_block(gender, filters, cache.view(gender_by_source, gender) if not gender.empty else None, key=f"{PAGE}__gender")
blocks.indicator_block(cache.run("data_gaps", filters, shared=False), filters, key=f"{PAGE}__gaps")
blocks.indicator_block(cache.run("reported_figures", filters), filters, key=f"{PAGE}__figures")
st.header("Utan nämndmål")
st.caption(describe_binding(filters.note("Utan nämndmål", {"as_of": filters.as_of}), filters))
st.caption("Indikatorer som inget nämndmål följer upp, och utvärderingarnas rekommendationer (aktiviteter) som ingen "
           "uppföljd indikator gäller. Nämndmålen finns på sidan Måluppföljning.")
free_measures, free_activities = view.without_goal(goals.goal_rows(), filters.as_of)
blocks.text_table(free_measures, "Indikatorer utan nämndmål")
blocks.text_table(free_activities, "Aktiviteter utan nämndmål")
st.caption("Källdokumenten finns som textfiler i projektets mapp shared/seeds (filnamnen i kolumnen Fil).")
blocks.page_end(filters)
