"""Results shared by every session, keyed on their inputs and the database file's version, so an import or a
rebuild shows on every page without a restart."""

import hashlib
import pickle

import pandas as pd
import pyarrow as pa
import streamlit as st

from dashboard import citations, indicators, now, staff
from dashboard.filters import FilterOptions, ViewFilters
from dashboard.store import db, freshness
from dashboard.store.build import ensure_database
from dashboard.store.stores import StoreUnavailable
from dashboard.ui import identity


@st.cache_resource(show_spinner="Bygger databasen …")
def _first_build() -> None:
    try:
        ensure_database()
    except StoreUnavailable:   # a database to read is there; `keep_in_step` says why it may be behind
        pass


def prepare_database() -> None:
    """Build or rebuild from changed seed files once per server process; on every later run, rebuild only
    where the user store or the database file changed and they are out of step. While the user store cannot be
    reached, the page reads the database as last built and says so above its content."""
    _first_build()
    notice = freshness.keep_in_step()
    if notice:
        st.warning(notice, icon=":material/cloud_off:")


def one_data_version():
    """Every query of this page run reads the same database file."""
    return db.one_version()


# One result object shared by every session: `st.cache_data` would unpickle a copy on every call, which cost more
# than the page's drawing. Callers get a shallow copy, and pandas' copy-on-write keeps the shared one unchanged.
@st.cache_resource(show_spinner=False, max_entries=512)
def _cached(name: str, items: tuple, version: tuple, helper: bool, staff_detail: bool = False) -> pd.DataFrame:
    if helper:
        return indicators.run_query(name, **dict(items))
    return indicators.run(name, staff_detail=staff_detail, **dict(items))


def run(name: str, filters: ViewFilters, shared: bool = True, **params) -> pd.DataFrame:
    """An indicator bound with the shared filters it takes and the page's own `params`, cached on those values
    and the database file's version. `shared=False`: a list the page shows whatever the filters (every source),
    noted as following none of them, so the page header does not claim they apply."""
    indicator = indicators.get(name)
    bound = {**filters.bind(indicator.label, indicator.param_names if shared else ()), **params}
    # Shared by every session: who may see staff figures per unit is part of the key (`staff`)
    detail = staff.protects(name) and identity.current().may("see_staff_detail")
    return _cached(name, tuple(sorted(bound.items())), db.data_version(), False, detail).copy(deep=False)


@st.cache_resource(show_spinner="Sammanställer underlaget …", max_entries=16)
def _brief(as_of, names: tuple, scenarios: tuple, since, meeting, known_on, version: tuple, saved: str, today):
    """(content, preview HTML), one object shared by every session. The files are made when asked for: WeasyPrint
    takes seconds, and printing the PDF on every change made each edit wait 10–17 s."""
    from dashboard.brief.html import preview_html
    from dashboard.brief.pack import build_brief

    content = build_brief(as_of, names, scenarios, since=since, meeting=meeting, known_on=known_on,
                          section_cache=lambda key, compute: _brief_section(key, version, compute))
    return content, preview_html(content)


# Each section (its queries, chart and SVG) on its own: choosing one more indicator draws one more chart.
@st.cache_resource(show_spinner=False, max_entries=128)
def _brief_section(key: tuple, version: tuple, _compute):
    return _compute()


def cached_brief(filters: ViewFilters, names: tuple, scenarios: tuple, saved_scenarios: pd.DataFrame, proposal: str,
                 since=None, meeting=None):
    """The brief as (content, preview HTML), rebuilt only when its choices, the data, the saved scenarios (as the
    page read them, `userdata.list_scenarios`), the proposal (`proposal_form`'s answer: its version, none written or
    unreadable), the goal follow-up or the day change (the pack says how old its figures are on the day it is made)."""
    from datetime import date

    from dashboard.followup import files as followup_files
    from dashboard.store import userdata

    as_of, known_on = filters.as_of, filters["known_on"]
    filters.note("Nämndunderlaget", {"as_of": as_of, **({"known_on": known_on} if known_on else {})})
    saved = saved_scenarios[["name", "updated_at"]].to_json() if scenarios else ""
    saved += userdata.import_log().to_json() if since else ""   # imports count as changes
    saved += f"förslag: {proposal}; uppföljning: {followup_files.version()}"
    return _brief(as_of, names, scenarios, since, meeting, known_on, db.data_version(), saved, date.today())


def view(function, frame: pd.DataFrame, *args):
    """`function(frame, *args)` for a pure view of a frame (a formatted table; a chart, as its Vega-Lite spec),
    computed once per distinct content and shared by every session: formatting, chart building and writing the
    chart's spec were most of a rerun."""
    bare = frame.copy(deep=False)
    bare.attrs = {}   # a view draws the rows, never the parameters: one area's empty table is another's
    try:
        # a tenth of the time of pandas' row hashes, which were a sixth of a filter change's script
        content = pickle.dumps(bare, protocol=pickle.HIGHEST_PROTOCOL)
    except (TypeError, AttributeError, pickle.PicklingError):   # a cell that cannot be written
        return function(frame, *args)
    key = (f"{function.__module__}.{function.__qualname__}", hashlib.sha256(content).hexdigest())
    return _view(key, args, function, frame)


@st.cache_resource(show_spinner=False, max_entries=256)
def _view(key: tuple, args: tuple, _function, _frame: pd.DataFrame):
    from dashboard.charts.spec import is_chart, vega_lite  # Altair: half a second to import, for pages with charts

    view = _function(_frame, *args)
    return _arrow_datasets(vega_lite(view)) if is_chart(view) else view   # a chart: its spec, written once


def _arrow_datasets(spec: dict) -> dict:
    """The chart's data frames as Arrow tables, converted once: Streamlit converted each chart's frames again on
    every rerun, a fifth of a filter change's script time (an Arrow table it only serialises)."""
    return {**spec, "datasets": {name: _arrow(frame) for name, frame in spec["datasets"].items()}}


def _arrow(frame):
    try:
        return pa.Table.from_pandas(frame)   # as Streamlit converts a frame
    except (pa.ArrowInvalid, pa.ArrowTypeError):   # mixed cells: Streamlit's own conversion copes
        return frame


def scenario_baseline(filters: ViewFilters):
    """Today's programme for the scenario page, computed once per date and database version: every slider move
    reruns the page, and the baseline's three indicators do not change with the sliders."""
    filters.note("Utgångsläget", {"as_of": filters.as_of})
    return _scenario_baseline(filters.as_of, db.data_version())


@st.cache_resource(show_spinner=False, max_entries=32)
def _scenario_baseline(as_of, version: tuple):
    from dashboard.scenario.baseline import load_baseline

    return load_baseline(as_of)


def run_helper(name: str, filters: ViewFilters | None = None, label: str = "", **params) -> pd.DataFrame:
    """A cached helper query (not an indicator), e.g. `data_as_of`; one that shows figures names its `label` and
    notes its parameters on the page's `filters` for the header."""
    if filters is not None:
        filters.note(label, params)
    return _cached(name, tuple(sorted(params.items())), db.data_version(), True).copy(deep=False)


def filter_options() -> FilterOptions:
    return _filter_options(db.data_version())


@st.cache_resource(show_spinner=False, max_entries=4)
def _filter_options(version: tuple) -> FilterOptions:
    return FilterOptions.from_frame(run_helper("lookups/filter_options"),
                                    now.from_row(run_helper("lookups/data_as_of").iloc[0]))


def source_descriptions(frame: pd.DataFrame) -> list[str]:
    return list(_described(tuple(citations.source_ids(frame)), db.data_version()))


@st.cache_resource(show_spinner=False, max_entries=256)
def _described(source_ids: tuple, version: tuple) -> tuple[str, ...]:
    known = _cached("sources", (), version, False).set_index("source_id")   # a footnote, not a figure of the page
    return tuple(citations.describe(source_id, known) for source_id in source_ids)
