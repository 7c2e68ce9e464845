"""A link is the view (issue 23, item 1): Scenarier's address holds exactly the inputs that differ from their
defaults, written as a Swede reads them, and reopening it gives the same scenario; a tampered address is named in
Swedish and still opens a valid view, and opening a link saves nothing.

By hand, on the seed data (2020-06-11): today's agreement is 3,5 mnkr for seven employed (000, 002), so a
supporter costs 500 000 kr a year and five weeks' training (003) 500 000 × 5 / 52 = 48 076,92 kr. Five units
are known: Aktivitetshuset with its one placed supporter (004) and four published only as having at least one
(002), so "alla enheter till målet" (two per unit, 001) funds at most 7 + 5 = 12: 12 × 500 000 + 5 × 48 076,92 =
6 240 384,62 kr the first year."""

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.base.access import operator
from dashboard.base.amounts import parse_amount
from dashboard.scenario import address as scenario_address
from dashboard.scenario import baseline as scenario_baseline
from dashboard.scenario import model as scenario
from dashboard.scenario import reading as scenario_reading
from dashboard.store import userdata
from tests.tables import shown_tables

ROOT = Path(__file__).resolve().parent.parent
TO_TARGET = 12 * 500_000 + 5 * 500_000 * 5 / 52      # 6 240 384,62 kr


@pytest.fixture(scope="module")
def baseline():
    return scenario_baseline.load_baseline()


def test_a_typed_budget_leaves_the_cost_per_supporter_as_shown(baseline):
    """The issue's example: 4 200 tkr with every unit at the target. The cost per supporter is today's (the
    agreement over the seven employed), not the typed budget over seven (600 000 kr, a deficit of 2,6 mnkr)."""
    inputs, refused = scenario_reading.read_inputs({"budget_sek": "4 200 tkr", "staffing": "to_target"}, baseline)
    assert not refused and inputs.cost_per_supporter_sek == 500_000
    result = scenario.evaluate(inputs, baseline)
    assert result["balance_sek"] == pytest.approx(4_200_000 - TO_TARGET, abs=0.01)   # −2 040 384,62: −2,0 mnkr


@pytest.mark.parametrize("given, address", [
    ({}, {}),
    ({"budget_sek": 4_200_000, "staffing": "to_target"}, {"budget_sek": "4200tkr", "staffing": "to_target"}),
    ({"budget_sek": 5_000_000}, {"budget_sek": "5mnkr"}),
    ({"budget_sek": 5_700_000.5}, {"budget_sek": "5700000,5"}),
    ({"cost_per_supporter_sek": 48_077}, {"cost_per_supporter_sek": "48077"}),
    ({"overhead_share": 0.2, "annual_increase": -0.025},
     {"overhead_share": "20procent", "annual_increase": "-2,5procent"}),
    ({"new_units": 2, "new_unit_districts": ("Farsta", "Skarpnäck")},
     {"new_units": "2", "new_unit_districts": "Farsta,Skarpnäck"}),
])
def test_the_address_holds_the_inputs_that_differ_and_reads_back_to_them(baseline, given, address):
    inputs = scenario.resolve(baseline, given)
    written = scenario_address.address(scenario.given_inputs(inputs, baseline))
    assert written == address
    assert scenario_reading.read_inputs(written, baseline) == (inputs, [])


def test_derived_defaults_follow_their_inputs_and_are_left_out(baseline):
    """At 20 % overhead the derived cost per supporter is 3 500 000 × 0,8 / 7 = 400 000 kr and training five
    weeks of that, 38 461,54 kr: left out of the address, they come back the same; a typed cost stays."""
    inputs = scenario.resolve(baseline, {"overhead_share": 0.2})
    assert inputs.cost_per_supporter_sek == pytest.approx(400_000)
    assert inputs.training_cost_per_person_sek == pytest.approx(400_000 * 5 / 52)
    assert scenario.given_inputs(inputs, baseline) == {"overhead_share": 0.2}
    typed = scenario.resolve(baseline, {"overhead_share": 0.2, "cost_per_supporter_sek": 600_000})
    assert scenario.given_inputs(typed, baseline) == {"overhead_share": 0.2, "cost_per_supporter_sek": 600_000}
    assert typed.training_cost_per_person_sek == pytest.approx(600_000 * 5 / 52)


def test_an_address_of_an_older_version_still_reads(baseline):
    """Links made before: '4200000.0' and 'expand' (today's units to the target and new units)."""
    inputs, refused = scenario_reading.read_inputs({"budget_sek": "4200000.0", "staffing": "expand", "new_units": "1"},
                                              baseline)
    assert not refused and (inputs.budget_sek, inputs.staffing, inputs.new_units) == (4_200_000, "to_target", 1)


def _page(**query) -> AppTest:
    app = AppTest.from_file(str(ROOT / "pages" / "scenarier.py"), default_timeout=60)
    app.query_params.update(query)
    return app.run()


def _view(app) -> dict:
    """What a reader compares: every key figure, and every input as its widget holds it (an amount as kronor:
    '4 200 tkr' typed is '4 200 000 kr' reopened)."""
    inputs = {w.key: parse_amount(w.value) if kind == "text_input" else w.value
              for kind in ("text_input", "slider", "select_slider", "radio", "multiselect")
              for w in getattr(app, kind) if w.key and w.key.startswith("scenarier__in_")}
    return {"figures": {m.label: m.value for m in app.metric}, "inputs": inputs,
            "warnings": [w.value for w in app.warning]}


def _notices(app) -> list[str]:
    """What the page says about its address or a saved scenario."""
    return [w.value.replace("\\", "") for w in app.warning if "Adress" in w.value or "sparade" in w.value]


def _query(app) -> dict:
    return {k: v for k, v in app.query_params.items() if k != "as_of"}


def test_the_issues_scenario_reopens_the_same_and_typing_the_default_back_clears_it(fresh):
    app = _page()
    app.radio(key="scenarier__in_staffing").set_value("to_target").run()
    app.text_input(key="scenarier__in_budget_sek").set_value("4 200 tkr").run()
    figures = _view(app)["figures"]
    assert figures["Underskott för perioden (1 år)"] == "högst 2,0 mnkr"
    assert _query(app) == {"budget_sek": "4200tkr", "staffing": "to_target"}
    reopened = _page(**app.query_params)   # a fresh session from the address alone
    assert not _notices(reopened) and _view(reopened) == _view(app)
    assert reopened.text_input(key="scenarier__in_cost_per_supporter_sek").value == "500\u00a0000 kr"
    app.text_input(key="scenarier__in_budget_sek").set_value("3,5 mnkr").run()
    assert _query(app) == {"staffing": "to_target"}
    app.text_input(key="scenarier__in_budget_sek").set_value("").run()   # emptied: the default again
    assert app.text_input(key="scenarier__in_budget_sek").value == "3\u00a0500\u00a0000 kr" and not app.error


def test_every_input_changed_on_the_page_is_reproduced_by_the_address(fresh):
    app = _page()
    app.slider(key="scenarier__in_overhead_share").set_value(10).run()
    app.text_input(key="scenarier__in_training_cost_per_person_sek").set_value("60 tkr").run()
    app.select_slider(key="scenarier__in_annual_increase").set_value(2.5).run()
    app.multiselect(key="scenarier__in_new_unit_districts").set_value(["Farsta", "Skarpnäck"]).run()
    app.slider(key="scenarier__in_agreement_years").set_value(3).run()
    app.slider(key="scenarier__in_new_supporters").set_value(1).run()
    assert app.slider(key="scenarier__in_new_units").value == 2          # one new unit per district chosen
    assert app.text_input(key="scenarier__in_cost_per_supporter_sek").value == "450\u00a0000 kr"   # 3,5 × 0,9 / 7
    reopened = _page(**app.query_params)
    assert not _notices(reopened) and _view(reopened) == _view(app)
    app.button(key="scenarier__reset").click().run()
    assert _query(app) == {} and _view(app) == _view(_page())


def test_a_saved_scenario_named_in_the_address_opens_and_nothing_is_saved(fresh):
    base = scenario_baseline.load_baseline()
    inputs = scenario.resolve(base, {"staffing": "to_target", "agreement_years": 3})
    userdata.save_scenario("Två per enhet", scenario.inputs_as_dict(inputs), scenario.evaluate(inputs, base), "v",
                           date(2020, 6, 11), operator())
    before = userdata.list_scenarios()[["name", "updated_at"]]
    app = _page(scenario="Två per enhet")
    assert not _notices(app) and app.slider(key="scenarier__in_agreement_years").value == 3
    assert _query(app) == {"agreement_years": "3", "staffing": "to_target", "scenario": "Två per enhet"}
    assert any("Visar det sparade scenariot 'Två per enhet'" in c.value.replace("\\", "") for c in app.caption)
    app.slider(key="scenarier__in_agreement_years").set_value(2).run()   # changed: no longer the saved one
    assert "scenario" not in app.query_params
    for query in ({"scenario": "Finns inte", "agreement_years": "2"}, {"scenario": "Två per enhet", "new_units": "1"}):
        other = _page(**query)
        assert not other.exception and other.metric and len(_notices(other)) == 1
        assert other.slider(key="scenarier__in_agreement_years").value == int(query.get("agreement_years", 1))
    assert userdata.list_scenarios()[["name", "updated_at"]].equals(before)


@pytest.mark.parametrize("query, notice, shown", [
    ({"scenario": "Finns inte"}, "inget sparat scenario heter så", {}),
    ({"new_units": "1", "new_unit_districts": "Farsta,Skarpnäck"}, "stämde inte med varandra", {"new_units": 2}),
    ({"overhead_share": "12,5procent"}, "avrundades", {"overhead_share": 12}),
    ({"budget_sek": "5,7"}, "ignorerades", {"budget_sek": 3_500_000}),
])
def test_a_tampered_address_is_named_and_the_view_is_valid(fresh, query, notice, shown):
    app = _page(**query)
    assert not app.exception and app.metric
    assert any(notice in text for text in _notices(app)), _notices(app)
    for name, value in shown.items():
        assert _view(app)["inputs"][f"scenarier__in_{name}"] == value, name
    assert userdata.list_scenarios().empty


def test_a_comparison_is_in_the_address_too(fresh):
    base = scenario_baseline.load_baseline()
    for name, given in (("Som i dag", {}), ("Två per enhet", {"staffing": "to_target"})):
        inputs = scenario.resolve(base, given)
        userdata.save_scenario(name, scenario.inputs_as_dict(inputs), scenario.evaluate(inputs, base), "v",
                               date(2020, 6, 11), operator())
    app = _page()
    app.multiselect(key="scenarier__compare").set_value(["Två per enhet", "Som i dag"]).run()
    assert _query(app) == {"compare1": "Två per enhet", "compare2": "Som i dag"}
    reopened = _page(**app.query_params, compare3="Borttaget")
    assert reopened.multiselect(key="scenarier__compare").value == ["Två per enhet", "Som i dag"]
    assert list(shown_tables(reopened)[-1].columns) == ["Uppgift", "Två per enhet", "Som i dag", "Skiljer sig"]
    assert _notices(reopened) == ["Adressen jämför 'Borttaget', men inget sparat scenario heter så (det kan ha "
                                  "tagits bort eller fått ett nytt namn); det är inte med i jämförelsen."]
