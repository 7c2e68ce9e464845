"""Streamlit widgets for the scenario inputs, kept in the address: a session's first visit reads them from it (or
from the saved scenario it names), derived defaults follow the inputs they derive from until one is typed, and
every run writes back the inputs that differ from their defaults, so a copied link opens the same scenario."""

import streamlit as st

from dashboard.base import formatting as fmt
from dashboard.scenario import address as scenario_address
from dashboard.scenario import figures as scenario_io
from dashboard.scenario import model as scenario
from dashboard.scenario import reading as scenario_reading
from dashboard.scenario.baseline import Baseline
from dashboard.scenario.bounds import AMOUNTS, BOUNDS, SHARES
from dashboard.scenario.model import NAMES
from dashboard.store import userdata
from dashboard.ui import cache, sidebar
from dashboard.ui import scenario_state as widget_state

SCENARIO = "scenario"   # the address parameter naming the saved scenario the inputs are
INCREASE = BOUNDS["annual_increase"]
INCREASE_STEPS = tuple(round(tenth / 10, 1)   # per cent in tenths, over the bounds: -10,0 to 10,0
                       for tenth in range(round(INCREASE.low * 1000), round(INCREASE.high * 1000) + 1))
AMOUNT_HELP = ("Skriv som du brukar: 3 500 000, 3 500 000 kr, 3,5 mnkr eller 3 500 tkr. Töm fältet för att få "
               "standardvärdet tillbaka.")


def scenario_inputs(page: str, baseline: Baseline) -> scenario.ScenarioInputs | None:
    """Draw the inputs and return them, or None where an amount the sources do not give is still to be typed."""
    _initialise(page, baseline)
    _follow_defaults(page, baseline)
    _draw(page, baseline)
    values = {name: widget_state.read(page, name) for name in NAMES}
    given = scenario.given_inputs(values, baseline)
    _remember(page, scenario_address.address(given))
    try:
        return scenario.resolve(baseline, given)
    except scenario.ScenarioError:
        return None


def _draw(page: str, baseline: Baseline) -> None:
    key = lambda name: widget_state.key(page, name)  # noqa: E731
    left, right = st.columns(2)
    with left:
        st.text_input("Budget per år", key=key("budget_sek"), help=AMOUNT_HELP)
        st.text_input("Kostnad per peer supporter och år (antagande: lön publiceras inte)",
                      key=key("cost_per_supporter_sek"), help=AMOUNT_HELP)
        st.slider("Overhead för NSPH:s samordning, % av total kostnad (antagande)", *_limits("overhead_share"),
                  step=1, key=key("overhead_share"), format="%d %%")
        st.text_input("Utbildningskostnad per ny peer supporter, en gång (antagande: avgiften publiceras inte)",
                      key=key("training_cost_per_person_sek"), help=AMOUNT_HELP)
        # a select slider: a slider's printf format writes '2.5 %', with a decimal point
        st.select_slider("Årlig kostnadsökning", INCREASE_STEPS, key=key("annual_increase"),
                         format_func=lambda v: f"{fmt.number(v, 1)} %")
        st.slider("Avtalslängd (år)", *_limits("agreement_years"), key=key("agreement_years"))
    with right:
        st.radio("Bemanning i dagens enheter", scenario.STAFFING, key=key("staffing"),
                 format_func=scenario_io.STAFFING_LABELS.get)
        st.slider("Mål: peer supportrar per enhet", *_limits("target_per_unit"), key=key("target_per_unit"))
        st.slider("Nya enheter, bemannade med målet", *_limits("new_units"), key=key("new_units"),
                  on_change=_units_changed, args=(page,))
        st.multiselect("Stadsdelar för nya enheter (en per enhet, valfritt)", cache.filter_options().areas,
                       key=key("new_unit_districts"), placeholder="Välj stadsdelar", on_change=_districts_changed,
                       args=(page,))
        st.slider("Nya peer supportrar utöver bemanningen", *_limits("new_supporters"), key=key("new_supporters"))
    st.button("Återställ standardvärdena", key=f"{page}__reset", on_click=_reset, args=(page, baseline))


def _limits(name: str) -> tuple[int, int]:
    """A slider's ends from the input's bounds: whole numbers, or per cent for a share."""
    bounds = BOUNDS[name]
    scale = 100 if bounds.kind == "share" else 1
    return round(bounds.low * scale), round(bounds.high * scale)


def _units_changed(page: str) -> None:
    """Fewer new units than districts chosen for them: the last districts go."""
    state, districts = st.session_state, widget_state.key(page, "new_unit_districts")
    state[districts] = state[districts][: state[widget_state.key(page, "new_units")]]


def _districts_changed(page: str) -> None:
    """More districts than new units: one new unit per district."""
    state, chosen = st.session_state, len(st.session_state[widget_state.key(page, "new_unit_districts")])
    if chosen > state[widget_state.key(page, "new_units")]:
        state[widget_state.key(page, "new_units")] = min(chosen, _limits("new_units")[1])
        _units_changed(page)


def _follow_defaults(page: str, baseline: Baseline) -> None:
    """An amount still at the default it showed (or emptied) shows its default beside today's other inputs: the
    cost per supporter follows overhead (and, where no agreement amount is published, the budget), the training
    cost follows the cost per supporter, and every amount follows the date's baseline."""
    state = st.session_state
    values = {name: widget_state.read(page, name, quiet=True) for name in NAMES}
    for name in (name for name in scenario.ORDER if name in AMOUNTS):
        default, shown, text = (scenario.default_of(name, baseline, values), state.get(f"{page}__default_{name}"),
                                str(state[widget_state.key(page, name)]))
        typed = widget_state.quietly_parsed(name, text)
        if not text.strip() or (shown is not None and scenario.same(name, typed, shown)):
            state[widget_state.key(page, name)] = widget_state.amount_field(default, exact=False)
            values[name] = default
        state[f"{page}__default_{name}"] = default


def _reset(page: str, baseline: Baseline) -> None:
    widget_state.assign(page, scenario.fill(baseline, {}), baseline)
    st.session_state.pop(f"{page}__{SCENARIO}", None)


def _initialise(page: str, baseline: Baseline) -> None:
    """The inputs a session starts from: the address's, or the saved scenario it names. A value that cannot be
    used is named and replaced (a crafted or mistyped link still opens the page); nothing is saved.

    Streamlit forgets a widget's value when a run does not draw it (a client that sends no widget states, a run
    cut short): an input missing later is set again to its default, and the others stay as they are."""
    missing = [name for name in NAMES if widget_state.key(page, name) not in st.session_state]
    if not missing:
        return
    if len(missing) < len(NAMES):
        values = scenario.fill(baseline, {})
        for name in missing:
            st.session_state[widget_state.key(page, name)] = widget_state.widget_value(name, values[name],
                                                               scenario.default_of(name, baseline, values))
        return
    raw = {name: st.query_params.get(name) for name in NAMES if st.query_params.get(name) is not None}
    given, refused = scenario_reading.read_given(raw, cache.filter_options().areas)
    name = st.query_params.get(SCENARIO)
    if name:
        given = _from_saved(page, name, given, bool(raw), baseline)
    values = scenario.fill(baseline, given)
    widget_state.assign(page, values, baseline)
    for error in refused:
        if error.fallback:
            _warn(f"Adressens värde ignorerades: {error} {_instead(error.field, values)}")
        else:
            _warn(f"Adressens värden stämde inte med varandra: {error} {widget_state.label(error.field)} är nu "
                  f"{widget_state.shown(error.field, values[error.field])}.")
    for name in SHARES:   # a share finer than its slider's step is rounded to it
        if not scenario.same(name, widget_state.read(page, name), values[name]):
            _warn(f"Adressens värde avrundades: {widget_state.label(name)} {widget_state.shown(name, values[name])} "
                  f"visas som {widget_state.shown(name, widget_state.read(page, name))}.")


def _from_saved(page: str, name: str, given: dict, has_inputs: bool, baseline: Baseline) -> dict:
    """The inputs of the saved scenario the address names: its own, where the address gives none, else the
    address's (checked against it). A name that is not saved, or a scenario that cannot be read, is said."""
    shows = "Adressens värden visas." if has_inputs else "Standardvärdena visas."
    try:
        saved = scenario.given_inputs(scenario_reading.saved_inputs(userdata.load_scenario(name)["inputs"]), baseline)
    except userdata.UserDataError:
        _warn(f"Adressen nämner det sparade scenariot '{name}', men inget sparat scenario heter så (det kan ha "
              f"tagits bort eller fått ett nytt namn). {shows}")
        return given
    except scenario.ScenarioError as error:
        _warn(f"Det sparade scenariot '{name}' kunde inte läsas in: {error} {shows}")
        return given
    if has_inputs and scenario_address.address(given) != scenario_address.address(saved):
        _warn(f"Adressens värden skiljer sig från det sparade scenariot '{name}' (det kan ha ändrats sedan länken "
              f"skapades). {shows}")
        return given
    chosen = given if has_inputs else saved
    st.session_state[f"{page}__{SCENARIO}"] = (name, scenario_address.address(chosen))
    return chosen


def _warn(text: str) -> None:
    st.warning(fmt.plain(text))


def _instead(name: str, values: dict) -> str:
    if values.get(name) is None:
        return "Ange ett eget värde."
    return f"Standardvärdet {widget_state.shown(name, values[name])} används."


def _remember(page: str, address: dict[str, str]) -> None:
    """The inputs that differ from their defaults into the address, every other input out of it; the saved
    scenario's name with them as long as they are its inputs."""
    for name in NAMES:
        sidebar.remember_in_url(name, address.get(name))
    marked = st.session_state.get(f"{page}__{SCENARIO}")
    if marked and marked[1] != address:
        st.session_state.pop(f"{page}__{SCENARIO}")
        marked = None
    sidebar.remember_in_url(SCENARIO, marked[0] if marked else None)
    if marked:
        st.caption(fmt.plain(f"Visar det sparade scenariot '{marked[0]}'."))


def show_saved(page: str, name: str, inputs: scenario.ScenarioInputs, baseline: Baseline) -> None:
    """The widgets set to a saved scenario's inputs (a callback, before the widgets are drawn), its name in the
    address while they are unchanged."""
    given = scenario.given_inputs(inputs, baseline)
    widget_state.assign(page, scenario.fill(baseline, given), baseline)
    st.session_state[f"{page}__{SCENARIO}"] = (name, scenario_address.address(given))


def saved_as(page: str, name: str, inputs: scenario.ScenarioInputs, baseline: Baseline) -> None:
    """The scenario just saved under `name`: its name goes into the address."""
    st.session_state[f"{page}__{SCENARIO}"] = (name, scenario_address.address(scenario.given_inputs(inputs, baseline)))
    sidebar.remember_in_url(SCENARIO, name)


def renamed(page: str, name: str, new_name: str | None) -> None:
    """A saved scenario renamed (or, with None, deleted): the address follows."""
    marked = st.session_state.get(f"{page}__{SCENARIO}")
    if marked and marked[0] == name:
        if new_name:
            st.session_state[f"{page}__{SCENARIO}"] = (new_name, marked[1])
        else:
            st.session_state.pop(f"{page}__{SCENARIO}")
