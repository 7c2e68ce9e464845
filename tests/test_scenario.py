"""The scenario model against hand-computed cases, its command line, and the Scenarier page."""

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.base.access import operator
from dashboard.scenario import baseline as scenario_baseline
from dashboard.scenario import figures as scenario_io
from dashboard.scenario import model as scenario
from dashboard.scenario import reading as scenario_reading
from dashboard.scenario.bounds import BOUNDS
from dashboard.store import userdata
from tests.tables import shown_tables

OPERATOR = operator()   # the command line's actor: every right

ROOT = Path(__file__).resolve().parent.parent

# Four units with one supporter each, seven employed, 3.5 mnkr: the seed data on 2020-06-11.
BASE = scenario_baseline.Baseline(date(2020, 6, 11), 3_500_000, "FA2020", 7, "S000", (1, 1, 1, 1), ("Farsta", "Östermalm"), 5)
DEFAULTS = scenario.default_inputs(BASE)
COST = 3_500_000 / 7            # 500 000 kr per supporter and year
TRAINING = COST * 5 / 52        # five weeks of that cost: 48 076,92 kr


def test_baseline_reproduces_todays_agreement_with_zero_balance():
    result = scenario.evaluate(DEFAULTS, BASE)
    assert result["total_cost_sek"] == 3_500_000
    assert result["supporters_funded"] == 7
    assert result["balance_sek"] == 0
    assert result["secured_months"] == 12


def test_to_target_adds_one_supporter_to_each_lone_unit():
    result = scenario.evaluate(replace(DEFAULTS, staffing="to_target"), BASE)
    expected = 11 * COST + 4 * TRAINING          # 7 + 4 recruits, each trained once
    assert result["supporters_funded"] == 11
    assert result["total_cost_sek"] == pytest.approx(expected, abs=0.01)
    assert result["balance_sek"] == pytest.approx(3_500_000 - expected, abs=0.01)
    assert result["units_at_target"] == 4
    assert result["budget_needed_for_target_sek"] == pytest.approx(expected, abs=0.01)


def test_three_year_agreement_secures_36_months():
    result = scenario.evaluate(replace(DEFAULTS, agreement_years=3), BASE)
    assert result["secured_months"] == 36
    assert result["total_cost_sek"] == 3 * 3_500_000


def test_shortfall_is_a_negative_balance_and_fewer_secured_months():
    result = scenario.evaluate(replace(DEFAULTS, budget_sek=3_000_000), BASE)
    assert result["balance_sek"] == -500_000
    assert result["secured_months"] == pytest.approx(12 * 3_000_000 / 3_500_000, abs=0.05)   # 10,3


def test_todays_staffing_and_new_units_are_priced_apart():
    """Keep today's seven and open two new units at the target: 7 + 2 × 2 = 11, four recruits trained."""
    inputs = replace(DEFAULTS, new_units=2, new_unit_districts=("Skarpnäck", "Farsta"))
    result = scenario.evaluate(inputs, BASE)
    assert (result["supporters_funded"], result["recruits"]) == (11, 4)
    assert result["cost_per_year_sek"] == pytest.approx(11 * COST + 4 * TRAINING, abs=0.01)
    assert result["units_at_target"] == 2          # no unit of today's has two
    assert result["districts_covered"] == 3        # Farsta, Östermalm and Skarpnäck
    both = scenario.evaluate(replace(inputs, staffing="to_target"), BASE)
    assert (both["supporters_funded"], both["units_at_target"]) == (7 + 4 + 4, 6)


def test_more_districts_than_new_units_is_refused():
    with pytest.raises(scenario.ScenarioError) as raised:
        scenario.evaluate(replace(DEFAULTS, new_units=1, new_unit_districts=("Skarpnäck", "Farsta")), BASE)
    assert raised.value.field == "new_unit_districts" and "minst 2 nya enheter" in str(raised.value)


def test_overhead_and_increase_follow_the_formulas():
    inputs = replace(DEFAULTS, overhead_share=0.2, agreement_years=2, annual_increase=0.05)
    staff = 7 * COST
    expected = (staff + staff * 1.05) / 0.8
    assert scenario.evaluate(inputs, BASE)["total_cost_sek"] == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize("change, field", [
    ({"budget_sek": -1}, "budget_sek"), ({"cost_per_supporter_sek": 0}, "cost_per_supporter_sek"),
    ({"overhead_share": 1.0}, "overhead_share"), ({"agreement_years": 4}, "agreement_years"),
    ({"staffing": "all"}, "staffing"), ({"new_units": 21}, "new_units"), ({"target_per_unit": 0}, "target_per_unit"),
    ({"overhead_share": 0.51}, "overhead_share"), ({"annual_increase": float("nan")}, "annual_increase"),
    ({"new_supporters": 10**400}, "new_supporters"), ({"budget_sek": float("inf")}, "budget_sek"),
    ({"agreement_years": 2.5}, "agreement_years"), ({"new_units": True}, "new_units"),
    ({"staffing": "expand"}, "staffing"),   # read from text as 'to_target' (older links), never in the model
])
def test_invalid_inputs_name_the_field(change, field):
    with pytest.raises(scenario.ScenarioError) as raised:
        scenario.evaluate(replace(DEFAULTS, **change), BASE)
    assert raised.value.field == field
    assert len(str(raised.value)) < 200   # 10**400 is not written out


@pytest.mark.parametrize("name, inside, outside", [
    ("target_per_unit", ["1", "4"], ["0", "5", "1,5"]), ("new_supporters", ["0", "30"], ["-1", "31", "1e308"]),
    ("new_units", ["0", "20"], ["21", "inf", "-inf"]), ("agreement_years", ["1", "3"], ["0", "4", "nan"]),
    ("overhead_share", ["0", "50 %", "0,5"], ["51 %", "0,9", "-1 %"]),
    ("annual_increase", ["-10 %", "10 %", "0,1"], ["11 %", "-0,2", "abc"]),
    ("budget_sek", ["100 000", "1 000 mnkr"], ["99 999", "1 001 mnkr", "1e308"]),
])
def test_text_inputs_are_bounded_at_both_ends(name, inside, outside):
    for text in inside:
        inputs, refused = scenario_reading.read_inputs({name: text}, BASE)
        assert not refused and BOUNDS[name].admits(getattr(inputs, name)), text
    for text in outside:
        inputs, refused = scenario_reading.read_inputs({name: text}, BASE)
        assert [e.field for e in refused] == [name], text
        assert getattr(inputs, name) == getattr(DEFAULTS, name)   # the default used instead


def test_every_refused_value_is_named_and_the_rest_are_used():
    inputs, refused = scenario_reading.read_inputs({"new_units": "inf", "agreement_years": "3", "overhead_share": "0,9",
                                               "staffing": "expand"}, BASE)
    assert sorted(e.field for e in refused) == ["new_units", "overhead_share"]
    # 'expand' (before new units were a choice of their own) is today's units to the target
    assert (inputs.new_units, inputs.agreement_years, inputs.overhead_share, inputs.staffing) == (0, 3, 0.0, "to_target")
    with pytest.raises(scenario.ScenarioError, match="new_units"):
        scenario_reading.parse_inputs({"new_units": "inf"}, BASE)   # the command line: the first refusal ends it


def test_the_saved_list_holds_the_newest_and_finds_others_by_name():
    import pandas as pd

    saved = pd.DataFrame({"name": [f"Förslag {n}" for n in range(30, 0, -1)]})   # newest first, as stored
    listed, matching = scenario_io.newest_matching(saved, "", 20)
    assert (listed["name"].iloc[0], listed["name"].iloc[-1], matching) == ("Förslag 30", "Förslag 11", 30)
    listed, matching = scenario_io.newest_matching(saved, " FÖRSLAG 1", 20)   # 1 and 10–19, any case
    assert matching == 11 and listed["name"].tolist()[:2] == ["Förslag 19", "Förslag 18"]
    assert scenario_io.newest_matching(saved, "[a-z]*", 20)[1] == 0   # text, not a pattern


def test_baseline_from_the_seed_data():
    baseline = scenario_baseline.load_baseline()
    # five units known on 2020-06-11, each with one (four at least one: 002; Aktivitetshuset's placement: 004)
    assert (baseline.agreement_amount_sek, baseline.supporters, baseline.unit_supporters) == (
        3_500_000, 7, (1, 1, 1, 1, 1))
    assert baseline.training_weeks == 5


def test_cli_evaluates_the_baseline_and_a_variant_as_json(cli):
    _cli = lambda *args: cli("scenario", *args)  # noqa: E731
    baseline = json.loads(_cli("--format", "json").stdout)
    assert (baseline["total_cost_sek"], baseline["balance_sek"], baseline["supporters_funded"]) == (3_500_000, 0, 7)
    assert isinstance(baseline["secured_months"], float) and baseline["derivations"]
    variant = json.loads(_cli("--param", "agreement_years=3", "--param", "staffing=to_target", "--format", "json").stdout)
    assert variant["agreement_years"] == 3 and variant["supporters_funded"] == 12   # 7 + one more in each of 5


def test_cli_rejects_unknown_and_invalid_parameters(cli):
    for args in (["--param", "foo=1"], ["--param", "budget_sek=abc"], ["--param", "budget_sek=-5"]):
        result = cli("scenario", *args)
        assert result.returncode == 2 and "Fel:" in result.stderr


@pytest.fixture
def user_db(tmp_path, monkeypatch):
    path = tmp_path / "user.duckdb"
    monkeypatch.setenv("PEER_USER_DB", str(path))
    return path


def _page(**query) -> AppTest:
    app = AppTest.from_file(str(ROOT / "pages" / "scenarier.py"), default_timeout=30)
    app.query_params.update(query)
    return app.run()


def _metrics(app):
    return {m.label: m.value for m in app.metric}


def test_page_slider_changes_outputs_and_url(user_db):
    app = _page()
    assert _metrics(app)["Finansierade peer supportrar"] == "7"
    app.slider(key="scenarier__in_new_supporters").set_value(3).run()
    assert _metrics(app)["Finansierade peer supportrar"] == "10"
    assert app.query_params["new_supporters"] == "3"
    assert any("Budgeten räcker inte" in w.value for w in app.warning)


def test_page_takes_inputs_from_the_url(user_db):
    app = _page(agreement_years="3")
    assert _metrics(app)["Säkrade månader"] == "36,0"


def test_a_typed_budget_is_read_in_swedish_and_a_bad_one_changes_nothing(user_db):
    app = _page()
    assert app.text_input(key="scenarier__in_budget_sek").value == "3\u00a0500\u00a0000 kr"
    app.text_input(key="scenarier__in_budget_sek").set_value("5,7 mnkr").run()
    assert _metrics(app)["Budget för perioden (1 år)"] == "5,7 mnkr"     # 5,7 mnkr × one year
    assert app.query_params["budget_sek"] == "5700tkr"
    app.text_input(key="scenarier__in_budget_sek").set_value("5700000,50").run()
    assert app.query_params["budget_sek"] == "5700000,5"
    app.text_input(key="scenarier__in_budget_sek").set_value("5,7").run()   # meant mnkr: implausible, refused
    assert not app.exception
    assert app.error[0].value.replace("\\", "").startswith("Budget per år: '5,7' ger 5,70 kr, vilket inte är rimligt")
    assert _metrics(app)["Budget för perioden (1 år)"] == "5,7 mnkr"     # the last readable value kept


def test_save_load_rename_compare_and_delete(user_db):
    app = _page()
    app.text_input(key="scenarier__name").set_value("Som i dag").run()
    app.button(key="scenarier__save").click().run()
    app.radio(key="scenarier__in_staffing").set_value("to_target").run()
    app.text_input(key="scenarier__name").set_value("Två per enhet").run()
    app.button(key="scenarier__save").click().run()
    assert sorted(userdata.list_scenarios()["name"]) == ["Som i dag", "Två per enhet"]

    app.multiselect(key="scenarier__compare").set_value(["Som i dag", "Två per enhet"]).run()
    comparison = shown_tables(app)[-1]
    supporters = comparison[comparison["Uppgift"] == "Finansierade peer supportrar"].iloc[0]
    # five units known, four published only as having at least one: bringing them to two needs at most five more
    assert (supporters["Som i dag"], supporters["Två per enhet"], supporters["Skiljer sig"]) == ("7", "högst 12", "ja")

    app.selectbox(key="scenarier__selected").set_value("Som i dag").run()
    app.button(key="scenarier__load").click().run()
    assert app.radio(key="scenarier__in_staffing").value == "keep"

    app.text_input(key="scenarier__new_name").set_value("Dagens nivå").run()
    app.button(key="scenarier__rename").click().run()
    assert sorted(userdata.list_scenarios()["name"]) == ["Dagens nivå", "Två per enhet"]
    app.selectbox(key="scenarier__selected").set_value("Två per enhet").run()
    app.button(key="scenarier__delete").click().run()   # asks first: nothing is deleted yet
    assert sorted(userdata.list_scenarios()["name"]) == ["Dagens nivå", "Två per enhet"]
    assert any("Ta bort scenariot 'Två per enhet'?" in w.value for w in app.warning)
    app.button(key="scenarier__delete__yes").click().run()
    assert userdata.list_scenarios()["name"].tolist() == ["Dagens nivå"]
    app.button(key="scenarier__restore").click().run()   # and back
    assert sorted(userdata.list_scenarios()["name"]) == ["Dagens nivå", "Två per enhet"]
    assert any("är tillbaka" in s.value for s in app.success)


def test_a_deleted_scenario_gives_its_name_to_a_new_one(user_db):
    userdata.save_scenario("A", {}, {}, "v", "2020-06-11", OPERATOR)
    userdata.delete_scenario("A", OPERATOR)
    userdata.save_scenario("A", {"x": 1}, {}, "v", "2020-06-11", OPERATOR)   # the deleted one is forgotten, not a clash
    assert userdata.load_scenario("A")["inputs"] == {"x": 1}
    with pytest.raises(userdata.UserDataError):
        userdata.restore_scenario("A", OPERATOR)


def test_saved_scenarios_survive_a_rebuild_of_the_seed_database(user_db, tmp_path, seed_copy, monkeypatch):
    from dashboard.store.build import build_database

    userdata.save_scenario("Före omläsning", {"budget_sek": 1}, {"balance_sek": 0}, "v1", date(2020, 6, 11), OPERATOR)
    seed_db = tmp_path / "seed.duckdb"
    build_database(seed_db, seed_copy)
    (seed_copy / "area.csv").write_text((seed_copy / "area.csv").read_text(encoding="utf-8").replace(
        "farsta,Farsta,", "farsta,Farsta stadsdel,"), encoding="utf-8")
    build_database(seed_db, seed_copy)
    assert userdata.load_scenario("Före omläsning")["inputs"] == {"budget_sek": 1}


def test_duplicate_names_are_refused(user_db):
    userdata.save_scenario("A", {}, {}, "v", date(2020, 6, 11), OPERATOR)
    with pytest.raises(userdata.UserDataError):
        userdata.save_scenario(" A ", {}, {}, "v", date(2020, 6, 11), OPERATOR)


def test_a_scenario_saved_on_older_data_says_so_in_the_comparison():
    saved = [{"name": "Förra våren", "data_as_of": "2019-12-01", "data_version": "old", "outputs": {}},
             {"name": "I dag", "data_as_of": "2020-06-11", "data_version": "new", "outputs": {}}]
    assert scenario_io.stale_scenarios(saved, "new") == ["'Förra våren' (data t.o.m. 2019-12-01)"]
    first = scenario_io.comparison_frame(saved).iloc[0]
    assert (first["Uppgift"], first["Förra våren"], first["I dag"], first["Skiljer sig"]) == (
        "Beräknat på data t.o.m.", "2019-12-01", "2020-06-11", "ja")
