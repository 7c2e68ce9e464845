"""Streamlit widgets for saved scenarios: list, load, rename, delete (with undo) and choose some to compare."""

from itertools import zip_longest

import pandas as pd
import streamlit as st

from dashboard import columns
from dashboard.base import access
from dashboard.base import formatting as fmt
from dashboard.scenario import figures as scenario_io
from dashboard.scenario import model as scenario
from dashboard.scenario import reading as scenario_reading
from dashboard.scenario.baseline import Baseline
from dashboard.store import userdata
from dashboard.ui import blocks, identity, scenario_widgets, sidebar

LISTED = 20   # saved scenarios listed at once
COMPARE = tuple(f"compare{n}" for n in range(1, 5))   # the address's scenarios to compare, in order


def _load(page: str, name: str, baseline: Baseline) -> None:
    """Set the inputs to a saved scenario's, if they are within today's bounds (a scenario saved by an older
    version, or written into the store by hand, may not be)."""
    try:
        inputs = scenario_reading.saved_inputs(userdata.load_scenario(name)["inputs"])
    except (userdata.UserDataError, scenario.ScenarioError) as error:
        st.session_state[f"{page}__load_refused"] = f"Scenariot '{name}' kunde inte läsas in: {error}"
        return
    scenario_widgets.show_saved(page, name, inputs, baseline)


def saved_scenario_tools(page: str, saved: pd.DataFrame, actor: access.Actor, baseline: Baseline) -> list[str]:
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
    blocks.text_table(columns.display_frame(listed[["name", "updated_at", "updated_by", "data_as_of"]]),
                      "Sparade scenarier")
    name = st.selectbox("Sparat scenario", listed["name"].tolist(), key=f"{page}__selected")
    load, rename, delete = st.columns(3)
    load.button("Läs in", key=f"{page}__load", on_click=_load, args=(page, name, baseline))
    refused = st.session_state.pop(f"{page}__load_refused", None)
    if refused:
        blocks.notice("error", refused)
    writes = actor.may("rename_scenario")
    new_name = rename.text_input("Nytt namn", key=f"{page}__new_name", disabled=not writes)
    if rename.button("Byt namn", key=f"{page}__rename", disabled=not writes):
        if _report(userdata.rename_scenario, name, new_name, identity.current()):
            scenario_widgets.renamed(page, name, new_name.strip())
            st.rerun()
    if writes:
        with delete:
            blocks.asks_first(f"{page}__delete", "Ta bort", f"Ta bort scenariot '{name}'? Det går att ångra.",
                              _delete, (page, name))
    return listed["name"].tolist()


def compare_choice(page: str, saved: pd.DataFrame, listed: list[str]) -> list[str]:
    """Two to four scenarios to compare, from those listed, kept in the address (`compare1`…`compare4`); a chosen
    one stays offered when the search changes, a deleted one is dropped. On a session's first visit the address's
    choice, a name not saved said and left out."""
    key, still_saved = f"{page}__compare", set(saved["name"])
    if key not in st.session_state:
        st.session_state[key] = _compare_from_address(still_saved)
    chosen = st.session_state[key]
    kept = [name for name in chosen if name in still_saved]
    if kept != chosen:
        st.session_state[key] = kept
    if still_saved:
        kept = st.multiselect("Jämför (två till fyra)", list(dict.fromkeys(kept + listed)), key=key,
                              placeholder="Välj scenarier", max_selections=4)
    for name, value in zip_longest(COMPARE, kept):
        sidebar.remember_in_url(name, value)
    return kept


def _compare_from_address(saved: set[str]) -> list[str]:
    named = list(dict.fromkeys(st.query_params.get(name) for name in COMPARE if st.query_params.get(name)))
    missing = [name for name in named if name not in saved]
    if missing:
        blocks.notice("warning", "Adressen jämför " + ", ".join(f"'{name}'" for name in missing) + ", men inget "
                      "sparat scenario heter så (det kan ha tagits bort eller fått ett nytt namn); det är inte med i "
                      "jämförelsen.")
    return [name for name in named if name in saved]


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
    scenario_widgets.renamed(page, name, None)
    return "info", f"Scenariot '{name}' togs bort."


def _restore(page: str, name: str) -> None:
    try:
        userdata.restore_scenario(name, identity.current())
        reported = ("success", f"Scenariot '{name}' är tillbaka.")
    except (userdata.UserDataError, access.PermissionDenied) as error:
        reported = ("error", str(error))
    st.session_state.pop(f"{page}__deleted", None)
    st.session_state[f"{page}__delete__outcome"] = reported


def _report(action, *args) -> bool:
    try:
        action(*args)
        return True
    except (userdata.UserDataError, access.PermissionDenied) as error:
        blocks.notice("error", str(error))
        return False
