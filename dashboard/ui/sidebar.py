"""The shared sidebar filters and the address bar: read from the URL on a session's first run, written back at
the end of every run, so a copied link reproduces the view.

Widget keys are namespaced `"<page>__<name>"`; the shared filters use the prefix `shared__` and the same names as
the URL and the indicators' parameters (`shared__as_of` holds `as_of`).
"""

from contextlib import contextmanager
from contextvars import ContextVar

import streamlit as st

from dashboard import columns
from dashboard.base import formatting
from dashboard.filters import FILTER_NAMES, ViewFilters, default_period, from_query
from dashboard.ui.cache import filter_options, prepare_database
from dashboard.ui.routing import route_through_entrypoint

ALL = "Alla"
PAGE_QUERY = "_page_query"
_THIS_RUN: ContextVar[ViewFilters | None] = ContextVar("shared_filters_this_run", default=None)


@contextmanager
def shared_for_pages(filters: ViewFilters):
    """The entrypoint draws the shared sidebar once, outside the pages, so Streamlit keeps its widgets' state
    across page switches (widgets created inside a page belong to that page); the page it runs then takes the same
    object. A context variable, not session state: it lives as long as this run, in this run's thread."""
    token = _THIS_RUN.set(filters)
    try:
        yield
    finally:
        _THIS_RUN.reset(token)


def shared_filters(entrypoint: bool = False) -> ViewFilters:
    """The sidebar filters every page shares; read from the URL on a session's first run.

    Reached through the entrypoint the filters are already drawn; a page run on its own draws them itself.
    """
    if (drawn := _THIS_RUN.get()) is not None:
        return drawn
    if not entrypoint:
        route_through_entrypoint()
    prepare_database()
    options = filter_options()
    state = st.session_state
    if "shared__as_of" not in state:
        filters, notices = from_query(st.query_params.to_dict(), options)
        given = {"from", "to"} & set(st.query_params.to_dict())
        state.update({f"shared__{name}": ALL if value is None and name != "known_on" else value
                      for name, value in filters.values.items()})
        state.update({"shared__period_chosen": bool(given), "shared__notices": notices,
                      "shared__tables": st.query_params.get("view") == "table"})
    span = options.dates
    moved = _keep_within(span)
    bounds = {"min_value": span.first, "max_value": span.last, "format": "YYYY-MM-DD"}
    with st.sidebar:
        st.markdown(f"**Data t.o.m. {span.as_of.isoformat()}**")
        if span.from_import:
            st.caption(formatting.plain(f"Datumet sätts av {span.source_title} ({span.source_id}), uppgifter per "
                                        f"{span.as_of.isoformat()}; senare datum i importerade rader är planer."))
        if moved:
            st.warning(moved, icon=":material/event:")
        st.date_input("Läget per datum", key="shared__as_of", on_change=_period_follows_date, **bounds)
        st.date_input("Period från", key="shared__from", on_change=_period_chosen, **bounds)
        st.date_input("Period till", key="shared__to", on_change=_period_chosen, **bounds)
        st.selectbox("Område", (ALL, *options.areas), key="shared__area")
        st.selectbox("Förvaltningstyp", (ALL, *options.area_kinds), key="shared__area_kind",
                     format_func=lambda v: columns.AREA_KIND_LABELS.get(v, v))
        st.selectbox("Enhetstyp", (ALL, *options.unit_types), key="shared__unit_type")
        st.date_input("Som det var känt per", key="shared__known_on", **{**bounds, "max_value": span.as_of},
                      help="Tomt: allt som är känt. Ett datum visar det som källorna daterade t.o.m. den dagen "
                           "angav, som ett underlag skrivet då kunde säga det; senare dokument räknas inte.")
        st.toggle("Visa tabeller i stället för diagram", key="shared__tables",
                  help="Varje diagram har en tabell med samma rader; med det här valet öppnas tabellen först.")
        st.button("Återställ filter", on_click=_reset_shared)
    chosen = ViewFilters({name: _none_if_all(state[f"shared__{name}"]) for name in FILTER_NAMES})
    if chosen["from"] > chosen["to"]:
        st.sidebar.error("Perioden slutar före sin början; perioden har vänts.")
        chosen = chosen.replace(**{"from": chosen["to"], "to": chosen["from"]})
    filters = chosen.bound()
    if filters != chosen:
        st.sidebar.caption(f"Perioden visas t.o.m. valt datum: {filters['from'].isoformat()}–"
                           f"{filters['to'].isoformat()}. Inget efter datumet räknas.")
    state[PAGE_QUERY] = {}
    return filters


def _keep_within(span) -> str:
    """Dates this session chose before the data changed under it (an import or an undo moves "now" and the
    span) are moved inside the span, so no widget is ever given a date it does not allow; says what moved."""
    state, moved = st.session_state, []
    for name, label in (("as_of", "Läget per datum"), ("from", "Period från"), ("to", "Period till"),
                        ("known_on", "Som det var känt per")):
        key = f"shared__{name}"
        if state.get(key) is not None and state[key] != span.clamp(state[key]):
            moved.append(f"{label} {state[key].isoformat()} → {span.clamp(state[key]).isoformat()}")
            state[key] = span.clamp(state[key])
    if not moved:
        return ""
    return (f"Uppgifterna har ändrats och sträcker sig nu {span.first.isoformat()}–{span.last.isoformat()}: "
            + "; ".join(moved) + ".")


def prefers_tables() -> bool:
    """Whether the user has asked for tables before charts (an accessible default a link can carry)."""
    return bool(st.session_state.get("shared__tables"))


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
            st.warning(formatting.plain(f"Okänt värde i adressen ignorerades: {name}={raw}."))
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
    wanted = {**filters.to_query(), **({"view": "table"} if prefers_tables() else {}), **page}
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)
