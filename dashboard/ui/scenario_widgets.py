"""Streamlit widgets for the scenario page: inputs kept in the URL, and the saved-scenario tools."""

from dataclasses import asdict, replace

import pandas as pd
import streamlit as st

from dashboard import access, scenario, scenario_io, userdata
from dashboard import formatting as fmt
from dashboard.amounts import AmountError, echo, parse_amount
from dashboard.ui import blocks, cache, identity, sidebar

URL_NAMES = scenario_io.NAMES
AMOUNTS = tuple(name for name, bounds in scenario.BOUNDS.items() if bounds.kind == "amount")
INCREASE = scenario.BOUNDS["annual_increase"]
INCREASE_STEPS = tuple(round(tenth / 10, 1)   # per cent in tenths, over the bounds: -10,0 to 10,0
                       for tenth in range(round(INCREASE.low * 1000), round(INCREASE.high * 1000) + 1))
LISTED = 20   # saved scenarios listed at once
AMOUNT_HELP = "Skriv som du brukar: 3 500 000, 3 500 000 kr, 3,5 mnkr eller 3 500 tkr."


def scenario_inputs(page: str, baseline: scenario.Baseline, defaults: scenario.ScenarioInputs) -> scenario.ScenarioInputs:
    """Draw the inputs; on a session's first visit they come from the URL, else from the derived defaults."""
    _initialise(page, baseline, defaults)
    key = lambda name: f"{page}__in_{name}"  # noqa: E731
    left, right = st.columns(2)
    with left:
        st.text_input("Budget per år", key=key("budget_sek"), help=AMOUNT_HELP)
        st.text_input("Kostnad per peer supporter och år (antagande: lön publiceras inte)",
                      key=key("cost_per_supporter_sek"), help=AMOUNT_HELP)
        st.slider("Overhead för NSPH:s samordning, % av total kostnad (antagande)", *_limits("overhead_share"),
                  step=1, key=key("overhead_share"), format="%d %%")
        st.text_input("Utbildningskostnad per ny peer supporter (antagande: avgiften publiceras inte)",
                      key=key("training_cost_per_person_sek"), help=AMOUNT_HELP)
        # a select slider: a slider's printf format writes '2.5 %', with a decimal point
        st.select_slider("Årlig kostnadsökning", INCREASE_STEPS, key=key("annual_increase"),
                         format_func=lambda v: f"{fmt.number(v, 1)} %")
    with right:
        st.radio("Bemanning", scenario.STAFFING, key=key("staffing"), format_func=scenario_io.STAFFING_LABELS.get)
        st.slider("Mål: peer supportrar per enhet", *_limits("target_per_unit"), key=key("target_per_unit"))
        st.slider("Nya peer supportrar utöver bemanningen", *_limits("new_supporters"), key=key("new_supporters"))
        st.slider("Nya enheter (vid 'även nya enheter')", *_limits("new_units"), key=key("new_units"))
        st.multiselect("Stadsdelar för nya enheter", cache.filter_options().areas, key=key("new_unit_districts"),
                       placeholder="Välj stadsdelar")
        st.slider("Avtalslängd (år)", *_limits("agreement_years"), key=key("agreement_years"))
    values = {name: _read(page, name, getattr(defaults, name)) for name in URL_NAMES}
    chosen = scenario.ScenarioInputs(**values)
    standard = scenario.inputs_as_dict(defaults)
    for name, value in scenario.inputs_as_dict(chosen).items():
        if value != standard[name] and not (name in AMOUNTS and abs(value - standard[name]) < 0.5):
            sidebar.remember_in_url(name, ",".join(value) if isinstance(value, list) else value)
    return chosen


def _limits(name: str) -> tuple[int, int]:
    """A slider's ends from the input's bounds: whole numbers, or per cent for a share."""
    bounds = scenario.BOUNDS[name]
    scale = 100 if bounds.kind == "share" else 1
    return round(bounds.low * scale), round(bounds.high * scale)


def _read(page: str, name: str, default):
    """A widget's value as the model takes it: kronor from the typed text (an unreadable text is named and the
    last readable value kept), fractions from the per-cent sliders."""
    state = st.session_state[f"{page}__in_{name}"]
    if name in AMOUNTS:
        try:
            bounds = scenario.BOUNDS[name]
            value = parse_amount(state, (bounds.low, bounds.high))
            st.session_state[f"{page}__valid_{name}"] = value
            return value
        except AmountError as error:
            st.error(fmt.plain(f"{scenario_io.FIELD_LABELS[name].replace(' (kr)', '')}: {error} Värdet ändrades inte."))
            return st.session_state.get(f"{page}__valid_{name}", default)
    if name in scenario_io.SHARES:
        return state / 100
    return tuple(state) if name == "new_unit_districts" else state


def _initialise(page: str, baseline: scenario.Baseline, defaults: scenario.ScenarioInputs) -> None:
    """The inputs a session starts from: the address's, each value outside its bounds named and replaced by its
    default (a crafted or mistyped link still opens the page)."""
    if f"{page}__in_budget_sek" in st.session_state:
        return
    raw = {name: st.query_params.get(name) for name in URL_NAMES if st.query_params.get(name) is not None}
    try:
        start, refused = scenario_io.read_inputs(raw, baseline) if raw else (defaults, [])
    except scenario.ScenarioError as error:
        st.warning(fmt.plain(f"Scenariot i adressen ignorerades: {error}"))
        start, refused = defaults, []
    for error in refused:
        shown = _shown(error.field, getattr(start, error.field))
        st.warning(fmt.plain(f"Adressens värde ignorerades: {error} Standardvärdet {shown} används."))
    _set(page, _known_districts(start))


def _known_districts(inputs: scenario.ScenarioInputs) -> scenario.ScenarioInputs:
    """Only districts the multiselect offers; an unknown one from the address is named and left out."""
    areas = set(cache.filter_options().areas)
    unknown = [d for d in inputs.new_unit_districts if d not in areas]
    if unknown:
        st.warning(fmt.plain(f"Adressens värde ignorerades: {scenario_io.named('new_unit_districts')}: "
                             f"{', '.join(echo(d) for d in unknown[:3])} finns inte bland stadsdelarna."))
    return replace(inputs, new_unit_districts=tuple(d for d in inputs.new_unit_districts if d in areas))


def _shown(name: str, value) -> str:
    """An input's value as the page writes it."""
    if name in AMOUNTS:
        return f"{fmt.number(value)} kr"
    if name in scenario_io.SHARES:
        return f"{fmt.number(value * 100, 1)} %"
    return f"'{scenario_io.STAFFING_LABELS[value]}'" if name == "staffing" else str(value)


def _set(page: str, inputs: scenario.ScenarioInputs) -> None:
    for name, value in asdict(inputs).items():
        st.session_state[f"{page}__in_{name}"] = _widget_value(name, value)
        st.session_state.pop(f"{page}__valid_{name}", None)


def _widget_value(name: str, value):
    if name in AMOUNTS:
        return f"{fmt.number(value)} kr"
    if name in scenario_io.SHARES:
        # the sliders' steps: tenths of a per cent, whole per cent (every value set here is within the bounds)
        return round(value * 100, 1) if name == "annual_increase" else int(round(value * 100))
    return list(value) if name == "new_unit_districts" else value


def _load(page: str, name: str) -> None:
    """Set the inputs to a saved scenario's, if they are within today's bounds (a scenario saved by an older
    version, or written into the store by hand, may not be)."""
    saved = userdata.load_scenario(name)["inputs"]
    try:
        inputs = scenario.ScenarioInputs(**{**saved, "new_unit_districts": tuple(saved.get("new_unit_districts", ()))})
        scenario.validate(inputs)
    except (TypeError, scenario.ScenarioError) as error:
        reason = error if isinstance(error, scenario.ScenarioError) else "uppgifterna är ofullständiga"
        st.session_state[f"{page}__load_refused"] = f"Scenariot '{name}' kunde inte läsas in: {reason}"
        return
    _set(page, inputs)


def saved_scenario_tools(page: str, saved: pd.DataFrame, actor: access.Actor) -> list[str]:
    """Load, rename or delete one saved scenario (renaming and deleting for planerare and förvaltare). The list
    shows the most recently changed (`LISTED`), found by name beyond that: a rerun's size does not grow with the
    store. Returns the names listed."""
    search = st.text_input("Sök sparat scenario på namn", key=f"{page}__search", max_chars=80)
    listed, matching = scenario_io.newest_matching(saved, search, LISTED)
    if matching > len(listed):
        st.caption(f"Visar de {len(listed)} senast ändrade av {fmt.number(matching)}"
                   f"{' som matchar sökningen' if search.strip() else ''}; sök på namnet för att hitta andra.")
    if listed.empty:
        st.info("Inget sparat scenario matchar sökningen.")
        return []
    st.dataframe(listed[["name", "updated_at", "updated_by", "data_as_of"]].rename(
        columns={"name": "Namn", "updated_at": "Senast ändrad", "updated_by": "Av", "data_as_of": "Data t.o.m."}),
        hide_index=True)
    name = st.selectbox("Sparat scenario", listed["name"].tolist(), key=f"{page}__selected")
    load, rename, delete = st.columns(3)
    load.button("Läs in", key=f"{page}__load", on_click=_load, args=(page, name))
    refused = st.session_state.pop(f"{page}__load_refused", None)
    if refused:
        blocks.notice("error", refused)
    writes = actor.may("rename_scenario")
    new_name = rename.text_input("Nytt namn", key=f"{page}__new_name", disabled=not writes)
    if rename.button("Byt namn", key=f"{page}__rename", disabled=not writes):
        _report(userdata.rename_scenario, name, new_name, identity.current())
    if writes:
        with delete:
            blocks.asks_first(f"{page}__delete", "Ta bort", f"Ta bort scenariot '{name}'? Det går att ångra.",
                              _delete, (page, name))
    return listed["name"].tolist()


def compare_choice(page: str, saved: pd.DataFrame, listed: list[str]) -> list[str]:
    """Two to four scenarios to compare, from those listed; a chosen one stays offered when the search changes,
    a deleted one is dropped."""
    key = f"{page}__compare"
    chosen, still_saved = st.session_state.get(key, []), set(saved["name"])
    kept = [name for name in chosen if name in still_saved]
    if kept != chosen:
        st.session_state[key] = kept
    return st.multiselect("Jämför (två till fyra)", list(dict.fromkeys(kept + listed)), key=key,
                          placeholder="Välj scenarier", max_selections=4)


def undo_delete(page: str) -> None:
    """What the last delete reported, and a way back for as long as the page is open."""
    blocks.outcome(f"{page}__delete")
    deleted = st.session_state.get(f"{page}__deleted")
    if deleted:
        st.button(fmt.plain(f"Ångra borttagningen av '{deleted}'"), key=f"{page}__restore", on_click=_restore,
                  args=(page, deleted))


def _delete(page: str, name: str) -> tuple[str, str]:
    try:
        userdata.delete_scenario(name, identity.current())
    except access.PermissionDenied as error:
        return "error", str(error)
    st.session_state[f"{page}__deleted"] = name
    return "info", f"Scenariot '{name}' togs bort."


def _restore(page: str, name: str) -> None:
    try:
        userdata.restore_scenario(name, identity.current())
        reported = ("success", f"Scenariot '{name}' är tillbaka.")
    except (userdata.UserDataError, access.PermissionDenied) as error:
        reported = ("error", str(error))
    st.session_state.pop(f"{page}__deleted", None)
    st.session_state[f"{page}__delete__outcome"] = reported


def _report(action, *args) -> None:
    try:
        action(*args)
        st.rerun()
    except (userdata.UserDataError, access.PermissionDenied) as error:
        blocks.notice("error", str(error))


def highlight_differences(row: pd.Series) -> list[str]:
    style = "background-color: #FFF3CD; font-weight: 600" if row.get("Skiljer sig") == "ja" else ""
    return [style] * len(row)
