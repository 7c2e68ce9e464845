"""Nämndunderlag: choose date, indicators and saved scenarios; a preview that follows every change; the PDF printed
when asked for (it takes seconds), Markdown at once."""

import dataclasses

import streamlit as st

from dashboard import brief, brief_pdf, export, formatting, indicators, userdata
from dashboard.filters import describe_binding
from dashboard.ui import blocks, cache, proposal_form, sidebar

PAGE = "namndunderlag"
PRINTED = f"{PAGE}__printed"   # (the content the PDF was printed from, the PDF)
ASKED = f"{PAGE}__print_asked"


def print_pdf(content: brief.Brief) -> bytes | None:
    """The PDF, with its steps shown while WeasyPrint works; None where it cannot be made here."""
    with st.status("Skapar PDF:en …", expanded=True) as status:
        st.write("Underlaget är detsamma som i förhandsgranskningen.")
        st.write("Sidor, diagram och taggar för skärmläsare skrivs – det tar några sekunder …")
        try:   # stamped when printed, as the other downloads: the page may have been open for an hour
            pdf = brief_pdf.brief_pdf(dataclasses.replace(content, created=formatting.stockholm_now()))
        except brief_pdf.PdfUnavailable as missing:
            status.update(label="PDF:en kunde inte skapas här", state="error")
            st.write(formatting.plain(str(missing)))
            return None
        status.update(label=f"PDF:en är klar ({formatting.number(len(pdf) / 1024)} kB)", state="complete",
                      expanded=False)
    st.session_state[PRINTED] = (content, pdf)
    return pdf


def pdf_download(content: brief.Brief, file_name: str) -> None:
    """'Skapa PDF' until the PDF of exactly this preview is printed; then its download. The click is noted by the
    button's callback, so the run it starts shows the steps in the button's place."""
    if st.session_state.pop(ASKED, False):
        pdf = print_pdf(content)
    else:
        printed = st.session_state.get(PRINTED)
        pdf = printed[1] if printed and printed[0] is content else None
        if pdf is None:
            st.button("Skapa PDF (A4, tillgänglig PDF/UA)", key=f"{PAGE}__print", icon=":material/picture_as_pdf:",
                      on_click=st.session_state.__setitem__, args=(ASKED, True))
            st.caption("PDF:en skapas när du ber om den, av det som visas i förhandsgranskningen.")
    if pdf is not None:
        st.download_button("Ladda ner PDF", pdf, file_name, "application/pdf", key=f"{PAGE}__pdf", on_click="ignore",
                           type="primary", icon=":material/download:")


filters = sidebar.shared_filters()
blocks.page_header("Nämndunderlag", filters,
                   "Ett underlag att bifoga tjänsteutlåtandet: samma siffror, källor och regler för små tal som på "
                   "sidorna, per datumet i sidopanelen.")
proposal_form.proposal_form(PAGE)
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
content, preview, markdown = cache.cached_brief(filters.as_of, tuple(chosen), tuple(scenarios), since)
left, right = st.columns(2)
with left:
    pdf_download(content, export.file_name("namndunderlag", filters.as_of, "pdf"))
right.download_button("Ladda ner Markdown", lambda: markdown.encode("utf-8"),
                      export.file_name("namndunderlag", filters.as_of, "md"), "text/markdown", key=f"{PAGE}__md",
                      on_click="ignore")
st.subheader("Förhandsgranskning")
st.caption(formatting.plain(describe_binding({"as_of": filters.as_of}, filters)
                            + "; samma innehåll som i PDF:en, där sidbrytningar och sidnummer finns."))
with st.container(border=True):
    st.html(preview)
blocks.page_end(filters)
