"""Nämndunderlag: the förvaltning's proposal, the meeting, the alternatives and the appendix's indicators; a preview
that follows every change; the files made when asked for (the PDF takes seconds)."""

import dataclasses

import streamlit as st

from dashboard import export, indicators
from dashboard.base import formatting
from dashboard.brief import files as brief_files
from dashboard.brief import pack as brief
from dashboard.filters import describe_binding
from dashboard.store import userdata
from dashboard.ui import blocks, cache, proposal_form, sidebar

PAGE = "namndunderlag"
PRINTED = f"{PAGE}__printed"   # (the content the PDF was printed from, the PDF)
ASKED = f"{PAGE}__print_asked"


def stamped(content: brief.Brief) -> brief.Brief:
    """Stamped when the file is made, as the other downloads: the page may have been open for an hour."""
    return dataclasses.replace(content, created=formatting.stockholm_now())


def print_pdf(content: brief.Brief) -> bytes | None:
    """The PDF, with its steps shown while WeasyPrint works; None where it cannot be made here."""
    from dashboard.brief import pdf as brief_pdf

    with st.status("Skapar PDF:en …", expanded=True) as status:
        st.write("Underlaget är detsamma som i förhandsgranskningen.")
        st.write("Sidor, diagram och taggar för skärmläsare skrivs – det tar några sekunder …")
        try:
            pdf = brief_pdf.brief_pdf(stamped(content))
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


def file_download(content: brief.Brief, suffix: str, label: str, as_of) -> None:
    """A file made on the click (Streamlit calls the function then), from the same document as the preview."""
    st.download_button(label, lambda: brief_files.brief_file(stamped(content), suffix),
                       export.file_name("namndunderlag", as_of, suffix[1:]), brief_files.MEDIA_TYPES[suffix],
                       key=f"{PAGE}__{suffix[1:]}", on_click="ignore")


filters = sidebar.shared_filters()
blocks.page_header("Nämndunderlag", filters,
                   "Underlaget till socialnämnden, ordnat som ett tjänsteutlåtande: förvaltningens förslag, "
                   "sammanfattning, alternativ, konsekvenser, bakgrund och en bilaga med samma siffror, källor och "
                   "regler för små tal som sidorna, per datumet i sidopanelen.")
written = proposal_form.proposal_form(PAGE)
meeting = st.date_input("Socialnämndens sammanträde som underlaget är för", value=None, format="YYYY-MM-DD",
                        min_value=filters.as_of, key=f"{PAGE}__meeting",
                        help="Sista dag för beslut jämförs med sammanträdet; sammanträdesplanen finns inte i källorna.")
saved = userdata.list_scenarios()
scenarios = st.multiselect("Alternativ: sparade scenarier (högst tre)", saved["name"].tolist(), max_selections=3,
                           key=f"{PAGE}__scenarios", placeholder="Välj sparade scenarier")
chosen = st.multiselect("Indikatorer i bilagan", list(indicators.REGISTRY), default=list(brief.DEFAULT_INDICATORS),
                        placeholder="Välj indikatorer", format_func=lambda n: indicators.get(n).label,
                        key=f"{PAGE}__indicators")
since = st.date_input("Förra underlagets datum (visar vad som ändrats sedan dess)", value=None, format="YYYY-MM-DD",
                      min_value=cache.filter_options().dates.first, max_value=filters.as_of, key=f"{PAGE}__since")
content, preview = cache.cached_brief(filters, tuple(chosen), tuple(scenarios), saved, written, since, meeting)
left, right = st.columns(2)
with left:
    pdf_download(content, export.file_name("namndunderlag", filters.as_of, "pdf"))
with right:
    file_download(content, ".docx", "Ladda ner Word", filters.as_of)
    file_download(content, ".html", "Ladda ner HTML", filters.as_of)
    file_download(content, ".md", "Ladda ner Markdown", filters.as_of)
st.header("Förhandsgranskning")
st.caption(formatting.plain(describe_binding({"as_of": filters.as_of, "known_on": filters["known_on"]}, filters)
                            + "; samma innehåll som i filerna, där PDF:en har sidbrytningar och sidnummer."))
with st.container(border=True):
    st.html(preview)
blocks.page_end(filters)
