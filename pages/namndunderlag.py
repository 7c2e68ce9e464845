"""Nämndunderlag: choose date, indicators and saved scenarios; preview; download PDF or Markdown."""

import streamlit as st

from dashboard import brief, export, indicators, userdata
from dashboard.ui import blocks, cache, sidebar

PAGE = "namndunderlag"
filters = sidebar.shared_filters()
blocks.page_header("Nämndunderlag", filters,
                   "Ett underlag att bifoga tjänsteutlåtandet: samma siffror, källor och regler för små tal som på "
                   "sidorna, per datumet i sidopanelen.")
chosen = st.multiselect("Indikatorer", list(indicators.REGISTRY), default=list(brief.DEFAULT_INDICATORS),
                        placeholder="Välj indikatorer",
                        format_func=lambda n: indicators.get(n).label, key=f"{PAGE}__indicators")
saved = userdata.list_scenarios()["name"].tolist()
scenarios = st.multiselect("Scenarier att jämföra (högst tre)", saved, max_selections=3, key=f"{PAGE}__scenarios",
                           placeholder="Välj sparade scenarier")
if not chosen:
    st.info("Välj minst en indikator.")
    st.stop()
since = st.date_input("Förra underlagets datum (visar vad som ändrats sedan dess)", value=None, format="YYYY-MM-DD",
                      min_value=cache.filter_options().dates.first, max_value=filters.as_of, key=f"{PAGE}__since")
pdf, markdown = cache.cached_brief(filters.as_of, tuple(chosen), tuple(scenarios), since)
left, right = st.columns(2)
if isinstance(pdf, str):
    left.warning(pdf)
else:
    left.download_button("Ladda ner PDF (A4, tillgänglig PDF/UA)", pdf, export.file_name("namndunderlag", filters.as_of, "pdf"),
                         "application/pdf", key=f"{PAGE}__pdf", on_click="ignore")
right.download_button("Ladda ner Markdown", markdown.encode("utf-8"),
                      export.file_name("namndunderlag", filters.as_of, "md"), "text/markdown", key=f"{PAGE}__md", on_click="ignore")
st.subheader("Förhandsgranskning")
with st.container(border=True):
    st.markdown(markdown)
blocks.page_end(filters)
