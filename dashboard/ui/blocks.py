"""What every page draws: the header, an indicator block (chart with a table alternative, downloads, sources)."""

import functools
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd
import pyarrow as pa
import streamlit as st

from dashboard import columns, export, html_table, indicators, staff
from dashboard.base import formatting
from dashboard.base.settings import staff_threshold
from dashboard.data_age import age_sentence
from dashboard.filters import ViewFilters, describe_binding, describe_page
from dashboard.ui.cache import filter_options, run_helper, source_descriptions, view
from dashboard.ui.sidebar import prefers_tables, sync_url

HEADER = "_page_header"


# The document's language, caption contrast, and the English Streamlit shows with no parameter to change it.
DOCUMENT = Path(__file__).with_name("swedish_document")


@functools.cache
def _swedish_document() -> str:
    css = DOCUMENT.with_suffix(".css").read_text(encoding="utf-8")
    return f"<style>{css}</style><script>{DOCUMENT.with_suffix('.js').read_text(encoding='utf-8')}</script>"


def swedish_document() -> None:
    """Once per run, from the entrypoint: `<html lang>` is hard-coded 'en' in Streamlit's page shell, and its menus,
    toolbars, date fields and screen-reader labels are English (swedish_document.js, .css)."""
    st.html(_swedish_document(), unsafe_allow_javascript=True)


def page_header(title: str, filters: ViewFilters, intro: str = "") -> None:
    if bool(run_helper("lookups/data_as_of")["synthetic"].iloc[0]):
        st.error("SYNTETISKA DATA – den här databasen är genererad för test och prestandamätning. "
                 "Inga siffror här beskriver verkligheten.", icon=":material/science:")
    st.title(title)
    # Filled by `page_end` with what the page's queries were bound with, once they have run.
    st.session_state[HEADER] = st.empty()
    st.session_state[HEADER].caption(f"Data t.o.m. {filter_options().dates.as_of.isoformat()}")
    old = age_sentence(filter_options().dates.as_of)
    if old:   # figures like "203 dagar kvar" would read as today's
        st.warning(formatting.plain(old), icon=":material/history:")
    for text in st.session_state.pop("shared__notices", []):   # shown once, like the pages' own notices
        notice("warning", text)
    if intro:
        st.markdown(intro)


def page_end(filters: ViewFilters) -> None:
    """Every page's last call: the header says which filters the page's figures follow, and the address keeps
    the view."""
    header = st.session_state.pop(HEADER, None)
    if header is not None:
        header.caption(f"Data t.o.m. {filter_options().dates.as_of.isoformat()} · Visar: "
                       f"{describe_page(filters.bindings, filters)}")
    sync_url(filters)


def indicator_block(frame: pd.DataFrame, filters: ViewFilters, chart: dict | None = None, note: str = "",
                    empty: str = "", key: str = "", title: str = "", nested: bool = False) -> None:
    """Title, 'Så läser du', chart with a table alternative, downloads and sources for one indicator. Its title is
    a section heading (h2) under the page's title, or `nested` under a heading of the page's own (h3).

    The caption, and the export's filter sheet, say what the query was bound with (`frame.attrs["params"]`) and
    which set filters do not apply to it: never a filter the figures do not follow."""
    indicator = indicators.get(frame.attrs["indicator"])
    caption = describe_binding(frame.attrs["params"], filters) + (f"; {note}" if note else "")
    (st.subheader if nested else st.header)(title or indicator.label)
    st.caption(caption)
    with st.expander("Så läser du"):
        st.markdown(indicator.how_to_read)
    if frame.empty:
        st.info(empty or "Inga uppgifter för de valda filtren.")
        return
    if chart is not None:
        chart_or_table(chart, frame, key or indicator.name)
    else:
        show_table(frame)
    sources = source_descriptions(frame)
    downloads(frame, caption, key or indicator.name, sources)
    source_note(sources)


VIEWS = ("Diagram", "Visa som tabell")


def chart_or_table(chart: dict, frame: pd.DataFrame, key: str) -> None:
    """The chart (its Vega-Lite spec, from `cache.view`) and its table alternative as tabs; only the open tab is
    drawn and sent to the browser (a hidden table cost a third of a filter change). Tables open first where the
    user prefers them (sidebar or `view=table`)."""
    first = VIEWS[1] if prefers_tables() else VIEWS[0]
    graph, table = st.tabs(VIEWS, default=first, key=f"{key}__view_{first == VIEWS[1]:d}", on_change="rerun")
    if graph.open:
        with graph:
            st.vega_lite_chart(spec=chart, width="stretch")
    if table.open:
        with table:
            show_table(frame)


def asks_first(key: str, label: str, question: str, on_confirm, args: tuple = ()) -> None:
    """A button that deletes or undoes something: it asks `question` and acts only on 'Ja'. The action runs as
    the button's callback, before the next run, where it may wait for a build without holding the run's data
    version; what it reports is shown by `outcome(key)`."""
    asking = f"{key}__asking"
    if not st.session_state.get(asking):
        st.button(label, key=key, on_click=lambda: st.session_state.update({asking: True}))
        return
    notice("warning", question)
    yes, no = st.columns(2)
    yes.button(f"Ja, {label[0].lower()}{label[1:]}", key=f"{key}__yes", type="primary",
               on_click=_confirmed, args=(key, on_confirm, args))
    no.button("Avbryt", key=f"{key}__no", on_click=lambda: st.session_state.update({asking: False}))


def _confirmed(key: str, on_confirm, args: tuple) -> None:
    st.session_state[f"{key}__asking"] = False
    st.session_state[f"{key}__outcome"] = on_confirm(*args)


def outcome(key: str) -> None:
    """Show what a confirmed action reported: (level, text) or None."""
    reported = st.session_state.pop(f"{key}__outcome", None)
    if reported:
        notice(*reported)


def notice(level: str, text: str) -> None:
    """An alert or notice whose text may carry names from outside: shown as plain text, never as Markdown."""
    getattr(st, level)(formatting.plain(text))


def label(frame: pd.DataFrame) -> str:
    """The Swedish name of the indicator a frame came from."""
    return indicators.get(frame.attrs["indicator"]).label


def _shown_table(frame: pd.DataFrame, name: str, numeric: tuple[str, ...]) -> "str | pa.Table":
    """The screen's table, made once per content (`view`): up to `TEXT_TABLE_ROWS` rows laid out as text (its
    HTML), longer ones as Arrow for a grid (Streamlit converts a DataFrame again on every rerun)."""
    shown = pa.Table.from_pandas(columns.display_frame(frame), preserve_index=False)
    if shown.num_rows > TEXT_TABLE_ROWS:
        return shown
    return html_table.html_table(shown.to_pandas(), f"Tabell: {name}" if name else "Tabell", numeric)


# Up to this many rows a table is laid out as text (`html_table`): every word of every column readable at 1280
# and 390 px. A longer one is a grid that scrolls, sorts and searches.
TEXT_TABLE_ROWS = 60


def show_table(frame: pd.DataFrame) -> None:
    name = label(frame) if "indicator" in frame.attrs else ""   # a scenario's own frame has no indicator
    shown = view(_shown_table, frame, name, tuple(columns.numeric_headers(frame)))
    if isinstance(shown, str):
        st.html(shown)
    else:
        st.dataframe(shown, hide_index=True, width="stretch")
    st.caption("Teckenförklaring: " + formatting.legend())


def text_table(shown: pd.DataFrame, name: str, numeric: Sequence[str] = (), marked: Sequence[bool] = ()) -> None:
    """A table of display strings laid out as text (see `html_table`), named `name` for screen readers."""
    st.html(html_table.html_table(shown, f"Tabell: {name}" if name else "Tabell", numeric, marked))


def downloads(frame: pd.DataFrame, caption: str, key: str, sources: list[str]) -> None:
    """The three files of a table, side by side (one row that wraps on a phone: a horizontal container is one
    element, where three columns were four); `sources` as described for the block."""
    indicator = indicators.get(frame.attrs["indicator"])
    params = frame.attrs.get("params", {})
    as_of = params.get("to") or params.get("as_of") or filter_options().dates.as_of
    about = export_about(indicator.label, caption, sources)
    name = indicator.file_stem
    row = st.container(horizontal=True)
    # The files are made when a button is clicked, not on every rerun: an .xlsx of 20 000 rows takes a second.
    table = lambda: columns.export_frame(frame)   # noqa: E731 (a named thunk reads better than three copies)
    area = params.get("area")
    row.download_button("CSV för Excel", lambda: export.csv_excel_sv(table()),
                        export.file_name(name, as_of, "csv", area), "text/csv", key=f"{key}__csv_sv", on_click="ignore")
    row.download_button("CSV (komma)", lambda: export.csv_plain(table()),
                        export.file_name(name + "_komma", as_of, "csv", area), "text/csv", key=f"{key}__csv",
                        on_click="ignore")
    row.download_button("Excel (.xlsx)", lambda: export.xlsx(table(), stamped(about), indicator.label),
                        export.file_name(name, as_of, "xlsx", area),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"{key}__xlsx",
                        on_click="ignore")


def export_about(label: str, caption: str, sources: list[str]) -> dict[str, str]:
    return {
        "Uttag": label,
        "Filter": caption,
        "Data t.o.m.": filter_options().dates.as_of.isoformat(),
        **_age_row(),
        "Exporterad": "",   # set by `stamped` when the file is made
        "Källor": "; ".join(sources),
        "Teckenförklaring": formatting.legend(),
        "Personaluppgifter": staff.rule_text(staff_threshold()),
    }


def _age_row() -> dict[str, str]:
    """The export says how old its data are, as the page does, when that is more than a year."""
    old = age_sentence(filter_options().dates.as_of)
    return {"Uppgifternas ålder": old} if old else {}


def stamped(about: dict[str, str]) -> dict[str, str]:
    """The export's facts with the time the file is made: a page may be open for an hour before the click."""
    return {**about, "Exporterad": formatting.stockholm_now()}


def source_note(sources: Iterable[str]) -> None:
    """One 'Källor' line for the described `sources` (`cache.source_descriptions`), each named once."""
    described = list(dict.fromkeys(sources))
    if described:
        st.caption("Källor: " + formatting.plain(" · ".join(described)))
