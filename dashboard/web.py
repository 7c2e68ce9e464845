"""The Streamlit boundary: cached indicator calls, filters kept in the URL, and the blocks every page draws.

Widget keys are namespaced `"<page>__<name>"`; the shared sidebar filters use the prefix `shared__`.
"""

import hashlib
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pandas as pd
import pyarrow as pa
import streamlit as st

from dashboard import citations, columns, db, export, formatting, indicators
from dashboard.build import ensure_database
from dashboard.filters import FilterOptions, ViewFilters, default_period, from_query

if TYPE_CHECKING:   # Altair takes half a second to import; the landing page draws no chart
    import altair as alt

ALL = "Alla"
PAGE_QUERY = "_page_query"
SHARED_THIS_RUN = "_shared_filters_this_run"


@st.cache_resource(show_spinner="Bygger databasen …")
def prepare_database() -> None:
    """Build or rebuild from changed seed files once per server process."""
    ensure_database()


# One result object shared by every session: `st.cache_data` would unpickle a copy on every call, which cost more
# than the page's drawing. Callers get a shallow copy, and pandas' copy-on-write keeps the shared one unchanged.
@st.cache_resource(show_spinner=False, max_entries=512)
def _cached(name: str, items: tuple, version: tuple, helper: bool) -> pd.DataFrame:
    runner = indicators.run_query if helper else indicators.run
    return runner(name, **dict(items))


def run(name: str, **params) -> pd.DataFrame:
    """An indicator, cached on its parameters and the database file's version."""
    return _cached(name, tuple(sorted(params.items())), db.data_version(), False).copy(deep=False)


@st.cache_data(show_spinner="Skapar underlaget …", max_entries=16)
def _brief(as_of, names: tuple, scenarios: tuple, version: tuple, saved: str) -> tuple[bytes, str]:
    from dashboard.brief import brief_markdown, build_brief
    from dashboard.brief_pdf import brief_pdf

    content = build_brief(as_of, names, scenarios)
    return brief_pdf(content), brief_markdown(content)


def cached_brief(as_of, names: tuple, scenarios: tuple) -> tuple[bytes, str]:
    """The brief as (PDF, Markdown), rebuilt only when its choices, the data or the saved scenarios change."""
    from dashboard import userdata

    saved = userdata.list_scenarios()[["name", "updated_at"]].to_json() if scenarios else ""
    return _brief(as_of, names, scenarios, db.data_version(), saved)


def view(function, frame: pd.DataFrame, *args):
    """`function(frame, *args)` for a pure view of a frame (a formatted table, a chart), computed once per
    distinct content and shared by every session: formatting and chart building were most of a rerun."""
    try:
        content = pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes()
    except TypeError:   # unhashable cells
        return function(frame, *args)
    key = (f"{function.__module__}.{function.__qualname__}", tuple(frame.columns), hashlib.sha256(content).hexdigest())
    return _view(key, args, function, frame)


@st.cache_resource(show_spinner=False, max_entries=256)
def _view(key: tuple, args: tuple, _function, _frame: pd.DataFrame):
    return _function(_frame, *args)


def scenario_baseline(as_of):
    """Today's programme for the scenario page, computed once per date and database version: every slider move
    reruns the page, and the baseline's three indicators do not change with the sliders."""
    return _scenario_baseline(as_of, db.data_version())


@st.cache_resource(show_spinner=False, max_entries=32)
def _scenario_baseline(as_of, version: tuple):
    from dashboard import scenario

    return scenario.load_baseline(as_of)


def run_helper(name: str, **params) -> pd.DataFrame:
    """A cached helper query (not an indicator), e.g. `data_as_of`."""
    return _cached(name, tuple(sorted(params.items())), db.data_version(), True).copy(deep=False)


def filter_options() -> FilterOptions:
    return _filter_options(db.data_version())


@st.cache_resource(show_spinner=False, max_entries=4)
def _filter_options(version: tuple) -> FilterOptions:
    frame = run_helper("lookups/filter_options")
    as_of = run_helper("lookups/data_as_of")["data_as_of"].iloc[0]
    return FilterOptions.from_frame(frame, as_of.date() if hasattr(as_of, "date") else as_of)


def route_through_entrypoint() -> None:
    """Run the entrypoint's `st.navigation` even when a fresh server was first asked for a page URL.

    Until some session has called `st.navigation`, Streamlit treats a `pages/` folder as a v1 multipage app
    and runs the page file directly (with file names as navigation). Clearing that flag and rerunning makes
    this and every later run go through `streamlit_app.py`.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


@contextmanager
def shared_for_pages(filters: ViewFilters):
    """The entrypoint draws the shared sidebar once, outside the pages, so Streamlit keeps its widgets' state
    across page switches (widgets created inside a page belong to that page); pages then reuse the values."""
    st.session_state[SHARED_THIS_RUN] = filters
    try:
        yield
    finally:
        st.session_state.pop(SHARED_THIS_RUN, None)


def shared_filters() -> ViewFilters:
    """The sidebar filters every page shares; read from the URL on a session's first run.

    Reached through the entrypoint the filters are already drawn; a page run on its own draws them itself.
    """
    if SHARED_THIS_RUN in st.session_state:
        return st.session_state[SHARED_THIS_RUN]
    route_through_entrypoint()
    options = filter_options()
    state = st.session_state
    if "shared__as_of" not in state:
        filters, notices = from_query(st.query_params.to_dict(), options)
        given = {"from", "to"} & set(st.query_params.to_dict())
        state.update({"shared__period_chosen": bool(given), "shared__as_of": filters.as_of, "shared__from": filters.period_from,
                      "shared__to": filters.period_to, "shared__area": filters.area or ALL,
                      "shared__area_kind": filters.area_kind or ALL, "shared__unit_type": filters.unit_type or ALL,
                      "shared__notices": notices})
    bounds = {"min_value": options.first_date, "max_value": options.last_date, "format": "YYYY-MM-DD"}
    with st.sidebar:
        st.markdown(f"**Data t.o.m. {options.data_as_of.isoformat()}**")
        st.date_input("Läget per datum", key="shared__as_of", on_change=_period_follows_date, **bounds)
        st.date_input("Period från", key="shared__from", on_change=_period_chosen, **bounds)
        st.date_input("Period till", key="shared__to", on_change=_period_chosen, **bounds)
        st.selectbox("Område", (ALL, *options.areas), key="shared__area")
        st.selectbox("Förvaltningstyp", (ALL, *options.area_kinds), key="shared__area_kind",
                     format_func=lambda v: columns.AREA_KIND_LABELS.get(v, v))
        st.selectbox("Enhetstyp", (ALL, *options.unit_types), key="shared__unit_type")
        st.button("Återställ filter", on_click=_reset_shared)
    period_from, period_to = state["shared__from"], state["shared__to"]
    if period_from > period_to:
        st.sidebar.error("Perioden slutar före sin början; perioden har vänts.")
        period_from, period_to = period_to, period_from
    chosen = ViewFilters(state["shared__as_of"], period_from, period_to, _none_if_all(state["shared__area"]),
                         _none_if_all(state["shared__area_kind"]), _none_if_all(state["shared__unit_type"]))
    filters = chosen.bound()
    if filters != chosen:
        st.sidebar.caption(f"Perioden visas t.o.m. valt datum: {filters.period_from.isoformat()}–"
                           f"{filters.period_to.isoformat()}. Inget efter datumet räknas.")
    state[PAGE_QUERY] = {}
    return filters


def _period_follows_date() -> None:
    """A changed date moves the period to that date's year, unless the user has set the period."""
    if not st.session_state.get("shared__period_chosen"):
        start, end = default_period(st.session_state["shared__as_of"])
        st.session_state.update({"shared__from": start, "shared__to": end})


def _period_chosen() -> None:
    st.session_state["shared__period_chosen"] = True


def _none_if_all(value):
    return None if value == ALL else value


def _reset_shared() -> None:
    for key in [k for k in st.session_state if k.startswith("shared__")]:
        del st.session_state[key]
    st.query_params.clear()


def page_choice(page: str, name: str, label: str, choices: list, default, format_func=str, widget=None):
    """A page's own filter, kept in the URL under `name` and in session state under `page__name`.

    A `None` choice means "all": it is shown as "Alla" and left out of the URL.
    """
    key = f"{page}__{name}"
    choices = [ALL if c is None else c for c in choices]
    default = ALL if default is None else default
    if key not in st.session_state:
        raw = st.query_params.get(name)
        valid = {str(c): c for c in choices}
        if raw is not None and str(raw) not in valid:
            st.warning(f"Okänt värde i adressen ignorerades: {name}={raw}.")
        st.session_state[key] = valid.get(str(raw), default) if raw is not None else default
    draw = widget or st.selectbox
    value = _none_if_all(draw(label, choices, key=key, format_func=lambda c: c if c == ALL else format_func(c)))
    remember_in_url(name, value)
    return value


def remember_in_url(name: str, value) -> None:
    """Keep a page's own setting in the address written by `sync_url` at the end of the run."""
    st.session_state.setdefault(PAGE_QUERY, {})[name] = value


def sync_url(filters: ViewFilters) -> None:
    """Write shared and page filters to the address bar, so a copied link reproduces the view."""
    page = {k: str(v) for k, v in st.session_state.get(PAGE_QUERY, {}).items() if v is not None}
    wanted = {**filters.to_query(), **page}
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def page_header(title: str, filters: ViewFilters, intro: str = "") -> None:
    if bool(run_helper("lookups/data_as_of")["synthetic"].iloc[0]):
        st.error("SYNTETISKA DATA – den här databasen är genererad för test och prestandamätning. "
                 "Inga siffror här beskriver verkligheten.", icon=":material/science:")
    st.title(title)
    st.caption(f"Data t.o.m. {filter_options().data_as_of.isoformat()} · Visar: {filters.describe()}")
    for notice in st.session_state.pop("shared__notices", []):   # shown once, like the pages' own notices
        st.warning(notice)
    if intro:
        st.markdown(intro)


def indicator_block(frame: pd.DataFrame, caption: str, chart: "alt.Chart | None" = None, empty: str = "",
                    key: str = "") -> None:
    """Title, 'Så läser du', chart with a table alternative, downloads and sources for one indicator."""
    indicator = indicators.get(frame.attrs["indicator"])
    st.subheader(indicator.label)
    st.caption(caption)
    with st.expander("Så läser du"):
        st.markdown(indicator.how_to_read)
    if frame.empty:
        st.info(empty or "Inga uppgifter för de valda filtren.")
        return
    if chart is not None:
        graph, table = st.tabs(["Diagram", "Visa som tabell"])
        with graph:
            st.altair_chart(chart, width="stretch")
        with table:
            show_table(frame)
    else:
        show_table(frame)
    downloads(frame, caption, key or indicator.name)
    source_note(frame)


def _display_table(frame: pd.DataFrame) -> pa.Table:
    """The screen's table as Arrow, converted once: Streamlit converts a DataFrame again on every rerun."""
    return pa.Table.from_pandas(columns.display_frame(frame), preserve_index=False)


def show_table(frame: pd.DataFrame) -> None:
    st.dataframe(view(_display_table, frame), hide_index=True, width="stretch")
    st.caption("Teckenförklaring: " + "; ".join(f"{c} {t}" for c, t in formatting.MISSING_LEGEND.items()))


def downloads(frame: pd.DataFrame, caption: str, key: str) -> None:
    indicator = indicators.get(frame.attrs["indicator"])
    params = frame.attrs.get("params", {})
    as_of = params.get("to") or params.get("as_of") or filter_options().data_as_of
    about = export_about(indicator.label, caption, frame)
    name = indicator.file_stem
    left, middle, right = st.columns(3)
    # The files are made when a button is clicked, not on every rerun: an .xlsx of 20 000 rows takes a second.
    table = lambda: columns.export_frame(frame)   # noqa: E731 (a named thunk reads better than three copies)
    left.download_button("CSV för Excel", lambda: export.csv_excel_sv(table()), export.file_name(name, as_of, "csv"),
                         "text/csv", key=f"{key}__csv_sv", on_click="ignore")
    middle.download_button("CSV (komma)", lambda: export.csv_plain(table()),
                           export.file_name(name + "_komma", as_of, "csv"), "text/csv", key=f"{key}__csv",
                           on_click="ignore")
    right.download_button("Excel (.xlsx)", lambda: export.xlsx(table(), stamped(about), indicator.label),
                          export.file_name(name, as_of, "xlsx"),
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"{key}__xlsx",
                          on_click="ignore")


def export_about(label: str, caption: str, frame: pd.DataFrame) -> dict[str, str]:
    return {
        "Uttag": label,
        "Filter": caption,
        "Data t.o.m.": filter_options().data_as_of.isoformat(),
        "Exporterad": "",   # set by `stamped` when the file is made
        "Källor": "; ".join(source_descriptions(frame)),
        "Teckenförklaring": "; ".join(f"{c} {t}" for c, t in formatting.MISSING_LEGEND.items()),
    }


def stamped(about: dict[str, str]) -> dict[str, str]:
    """The export's facts with the time the file is made: a page may be open for an hour before the click."""
    return {**about, "Exporterad": datetime.now(ZoneInfo("Europe/Stockholm")).strftime("%Y-%m-%d %H:%M")}


def source_descriptions(frame: pd.DataFrame) -> list[str]:
    return list(_described(tuple(citations.source_ids(frame)), db.data_version()))


@st.cache_resource(show_spinner=False, max_entries=256)
def _described(source_ids: tuple, version: tuple) -> tuple[str, ...]:
    known = run("sources").set_index("source_id")
    return tuple(citations.describe(source_id, known) for source_id in source_ids)


def source_note(frame: pd.DataFrame) -> None:
    described = source_descriptions(frame)
    if described:
        st.caption("Källor: " + " · ".join(described))
