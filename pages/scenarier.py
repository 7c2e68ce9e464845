"""Scenarier: next year's funding on sliders, saved scenarios, and a side-by-side comparison."""

import streamlit as st

from dashboard import export
from dashboard.base import formatting
from dashboard.base.access import PermissionDenied
from dashboard.charts.scenario import cost_against_budget
from dashboard.scenario import figures as scenario_io
from dashboard.scenario import model as scenario
from dashboard.store import userdata
from dashboard.ui import blocks, cache, identity, scenario_saved, scenario_widgets, sidebar

PAGE = "scenarier"
filters = sidebar.shared_filters()
blocks.page_header("Scenarier för nästa års finansiering", filters,
                   "Pröva budget, bemanning och avtalslängd inför nämndens beslut. Utgångsläget är dagens program "
                   f"per {filters.as_of.isoformat()}; standardvärdena är härledda ur källorna (se *Så är "
                   "standardvärdena framtagna*). Adressen håller scenariot: en kopierad länk visar samma scenario.")
baseline = cache.scenario_baseline(filters)


@st.fragment
def workspace() -> None:
    """Inputs, result, saving and comparison: changing an input reruns this part of the page, not the header and
    the sidebar (which change the baseline and rerun everything)."""
    missing = scenario.starting_inputs(baseline)[1]
    if missing:
        st.info(missing)
    inputs = scenario_widgets.scenario_inputs(PAGE, baseline)
    with st.expander("Så är standardvärdena framtagna"):
        st.markdown("\n".join(f"- {line}" for line in scenario_io.derivations(baseline)))
    if inputs is not None:
        result(inputs)
    sidebar.sync_url(filters)


def result(inputs: scenario.ScenarioInputs) -> None:
    try:
        outcome = scenario.evaluate(inputs, baseline)
    except scenario.ScenarioError as error:
        blocks.notice("error", f"{scenario_io.FIELD_LABELS.get(error.field, error.field)}: {error}")
        return
    if outcome["balance_sek"] < 0:
        may = "kan vara för liten" if "balance_sek" in scenario_io.bounded(outcome) else "räcker inte"
        st.warning(f"Budgeten {may}: {scenario_io.figure('supporters_funded', outcome)} peer supportrar kostar "
                   f"{scenario_io.figure('total_cost_sek', outcome)} för hela perioden mot "
                   f"{scenario_io.figure('budget_total_sek', outcome)} i budget. Finansieringen räcker "
                   f"{scenario_io.figure('secured_months', outcome)} månader.")
    figures = scenario_io.key_figures(outcome)
    for pair in zip(figures[::2], figures[1::2]):   # two a row: 'högst 5,7 mnkr' is not cut at 1280 px
        for cell, (label, value, full) in zip(st.columns(2), pair):
            cell.metric(label, value, help=full)
    note = scenario_io.bounds_note(outcome, baseline)
    if note:
        st.caption(note)
    frame = scenario_io.cost_frame(outcome)
    blocks.chart_or_table(cache.view(cost_against_budget, frame, outcome["agreement_years"]), frame, f"{PAGE}__cost")
    save_and_compare(inputs, outcome)


def save_and_compare(inputs: scenario.ScenarioInputs, outcome: dict) -> None:
    st.header("Spara och jämför")
    actor = identity.current()
    if not actor.may("save_scenario"):
        st.caption("Att spara, byta namn på och ta bort scenarier kräver rollen planerare; du kan räkna och jämföra.")
    name = st.text_input("Namn på scenariot", key=f"{PAGE}__name", max_chars=80)
    if st.button("Spara scenario", key=f"{PAGE}__save", disabled=not actor.may("save_scenario")):
        version = cache.run_helper("lookups/data_as_of").iloc[0]
        try:
            userdata.save_scenario(name, scenario.inputs_as_dict(inputs), outcome, version["data_version"],
                                   filters.as_of, actor)
            blocks.notice("success", f"Scenariot '{name.strip()}' sparades.")
            scenario_widgets.saved_as(PAGE, name.strip(), inputs, baseline)
        except (userdata.UserDataError, PermissionDenied) as error:
            blocks.notice("error", str(error))
    saved = userdata.list_scenarios()
    scenario_saved.undo_delete(PAGE)
    if saved.empty:
        st.info("Inga sparade scenarier ännu.")
    listed = [] if saved.empty else scenario_saved.saved_scenario_tools(PAGE, saved, actor, baseline)
    chosen = scenario_saved.compare_choice(PAGE, saved, listed)
    if len(chosen) >= 2:
        comparison(chosen)
    elif chosen:
        st.caption("Välj minst två scenarier för att jämföra.")


def comparison(chosen: list[str]) -> None:
    compared = [userdata.load_scenario(n) for n in chosen]
    stale = scenario_io.stale_scenarios(compared, cache.run_helper("lookups/data_as_of").iloc[0]["data_version"])
    if stale:
        blocks.notice("info", "Beräknat på andra data än dagens: " + ", ".join(stale) + ". Läs in scenariot "
                      "och spara det igen för att räkna om det med dagens data.")
    table = scenario_io.comparison_frame(compared)
    shown = table.map(formatting.cell)
    # laid out as text: a grid showed one scenario at 390 px and cut long labels at 1280
    blocks.text_table(shown, "Jämförelse av scenarier", marked=(shown["Skiljer sig"] == "ja").tolist())
    about = {"Uttag": "Jämförelse av scenarier", "Scenarier": ", ".join(chosen),
             "Data t.o.m.": filters.as_of.isoformat()}
    left, right = st.columns(2)
    left.download_button("CSV för Excel", export.csv_excel_sv(table),
                         export.file_name("scenariojamforelse", filters.as_of, "csv"), "text/csv",
                         key=f"{PAGE}__compare_csv", on_click="ignore")
    right.download_button("Excel (.xlsx)", export.xlsx(table, about, "Jämförelse"),
                          export.file_name("scenariojamforelse", filters.as_of, "xlsx"),
                          key=f"{PAGE}__compare_xlsx", on_click="ignore")


workspace()
blocks.page_end(filters)
