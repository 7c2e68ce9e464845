"""Issue 22, item 7 and part of 19: crafted Scenarier addresses took the page down with Streamlit's English error,
`scenario --param new_units=inf` exited 3, `new_supporters=1e308` printed `Infinity` (not JSON), a message
repeated a 309-digit amount, and every saved scenario was sent on every rerun.

Each input's range is declared once (`scenario.bounds`); the address, the command line and the sliders all take
it from there. The ranges by hand: target 1–4 per unit, 0–30 new supporters, 0–20 new units, 1–3 agreement years,
overhead 0–50 %, annual increase −10 % to 10 %, a yearly budget 100 000 kr to 1 000 000 000 kr."""

import json
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.base.access import operator
from dashboard.scenario import baseline as scenario_baseline
from dashboard.scenario import model as scenario
from dashboard.scenario.bounds import BOUNDS
from dashboard.store import userdata
from tests.tables import shown_tables

pytestmark = pytest.mark.reliability

ROOT = Path(__file__).resolve().parents[2]
HUGE = "1" + "0" * 308   # 1e308 written out: 309 digits

# The addresses the testers crafted (the first six failed), as typed after the page's path; the parameter each
# names and the value the page uses instead (the default on the seed data).
ADDRESSES = [
    ("?new_units=1000", "new_units", "0"), ("?target_per_unit=9", "target_per_unit", "2"),
    ("?overhead_share=0,9", "overhead_share", "0"), ("?new_supporters=1e308", "new_supporters", "0"),
    ("?new_units=inf", "new_units", "0"), ("?agreement_years=nan", "agreement_years", "1"),
    ("?annual_increase=-0,5", "annual_increase", "0"), ("?new_supporters=-3", "new_supporters", "0"),
    ("?agreement_years=2.5", "agreement_years", "1"), ("?staffing=alla", "staffing", "'behåll dagens'"),
    (f"?budget_sek={HUGE}", "budget_sek", "3\u00a0500\u00a0000 kr"),
]


def scenarier(address: str = "") -> AppTest:
    app = AppTest.from_file(str(ROOT / "pages" / "scenarier.py"), default_timeout=60)
    app.query_params.update(dict(parse_qsl(address.lstrip("?"), keep_blank_values=True)))
    return app.run()


def shown(text: str) -> str:
    """An alert as it reads: the escapes that keep text from outside inert undone."""
    return text.replace("\\", "")


@pytest.mark.parametrize("address, name, default", ADDRESSES, ids=[a[:30] for a, _, _ in ADDRESSES])
def test_a_crafted_address_is_named_in_swedish_and_the_page_keeps_working(fresh, address, name, default):
    app = scenarier(address)
    assert not app.exception, [e.value for e in app.exception]
    warnings = [shown(w.value) for w in app.warning if f"({name})" in shown(w.value)]
    assert len(warnings) == 1, [w.value for w in app.warning]
    assert warnings[0].startswith("Adressens värde ignorerades") and f"Standardvärdet {default}" in warnings[0]
    assert not re.search(r"\d{25}", warnings[0])   # the 309 digits shortened
    assert app.metric   # the scenario is still computed, on the default


def test_the_rest_of_a_partly_crafted_address_is_used(fresh):
    app = scenarier("?agreement_years=3&new_units=inf")
    assert not app.exception
    assert {m.label: m.value for m in app.metric}["Säkrade månader"] == "36,0"   # three years: 36 months


def test_an_unknown_district_in_the_address_is_named_and_left_out(fresh):
    app = scenarier("?staffing=expand&new_units=1&new_unit_districts=Narnia,Farsta")
    assert not app.exception
    assert any("Narnia finns inte bland stadsdelarna" in shown(w.value) for w in app.warning)
    assert app.multiselect(key="scenarier__in_new_unit_districts").value == ["Farsta"]


def test_the_sliders_take_their_ends_from_the_one_declaration(fresh):
    app = scenarier()
    for name in ("target_per_unit", "new_supporters", "new_units", "agreement_years"):
        slider = app.slider(key=f"scenarier__in_{name}")
        assert (slider.min, slider.max) == (BOUNDS[name].low, BOUNDS[name].high), name
    overhead = app.slider(key="scenarier__in_overhead_share")
    assert (overhead.min, overhead.max) == (0, 50)                    # per cent
    increase = app.select_slider(key="scenarier__in_annual_increase")
    assert (increase.options[0], increase.options[-1], len(increase.options)) == ("-10,0 %", "10,0 %", 201)


# The command line: each exits 2 with one Swedish line naming the parameter and its range.
COMMAND_LINE = [
    ("new_units=inf", "Nya enheter med målet (new_units): 'inf' går inte att använda; ange ett heltal från 0 till 20."),
    ("new_supporters=1e308", "ange ett heltal från 0 till 30"), ("agreement_years=nan", "från 1 till 3"),
    ("target_per_unit=9", "från 1 till 4"), ("overhead_share=0,9", "en andel från 0 % till 50 %"),
    ("annual_increase=20 %", "från -10 % till 10 %"), ("new_units=-1", "från 0 till 20"),
    ("new_units=2,5", "ett heltal"), (f"budget_sek={HUGE}", "är ett belopp som inte är rimligt"),
    ("staffing=alla", "ange en av keep, to_target."),
]


@pytest.mark.parametrize("param, message", COMMAND_LINE, ids=[p[:30] for p, _ in COMMAND_LINE])
def test_the_command_line_refuses_out_of_range_values_with_exit_2(cli, param, message):
    result = cli("scenario", "--param", param, "--format", "json")
    assert result.returncode == 2 and result.stdout == ""
    line = result.stderr.strip()
    assert "\n" not in line and line.startswith("Fel: ") and message in line
    assert len(line) < 250 and not re.search(r"\d{25}", line)


def test_json_at_the_upper_end_of_every_range_is_json(cli):
    """Every input at its upper end, the output parsed back by a parser that refuses Infinity and NaN."""
    ends = {name: f"{round(b.high * 100)} %" if b.kind == "share" else str(round(b.high))
            for name, b in BOUNDS.items()}
    params = [f"{name}={value}" for name, value in {**ends, "staffing": "expand"}.items()]
    result = cli("scenario", *[arg for p in params for arg in ("--param", p)], "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout, parse_constant=lambda c: pytest.fail(f"{c} is not JSON"))
    # seven today, five units of one brought to four (+15), twenty new units of four (+80) and 30 more: 132
    assert document["supporters_funded"] == 132 and document["cost_per_supporter_sek"] == 5_000_000


def test_the_saved_scenarios_listed_do_not_grow_with_the_store(fresh):
    """5 000 saved scenarios sent 1,34 MB on every rerun: the list now holds the 20 most recently changed, and
    the others are found by name."""
    with userdata.transaction() as run:
        for number in range(1, 301):   # saved in order: Scenario 300 is the newest
            run("user/scenario_save", {"name": f"Scenario {number}", "inputs": "{}", "outputs": "{}",
                                       "data_version": "v", "data_as_of": date(2020, 6, 11),
                                       "now": datetime(2021, 1, 1) + timedelta(minutes=number), "who": "test"})
    app = scenarier()
    assert not app.exception
    listed = shown_tables(app)[0]["Namn"].tolist()
    assert listed == [f"Scenario {n}" for n in range(300, 280, -1)] and len(app.selectbox(key="scenarier__selected").options) == 20
    assert len(app.multiselect(key="scenarier__compare").options) == 20
    assert any("Visar de 20 senast ändrade av 300" in c.value for c in app.caption)
    app.selectbox(key="scenarier__selected").set_value("Scenario 290").run()
    app.multiselect(key="scenarier__compare").set_value(["Scenario 300", "Scenario 299"]).run()
    app.text_input(key="scenarier__search").set_value("scenario 7").run()   # 7 and 70–79: eleven match
    assert not app.exception
    found = shown_tables(app)[0]["Namn"].tolist()
    assert sorted(found) == sorted(["Scenario 7", *[f"Scenario {n}" for n in range(70, 80)]])
    assert app.selectbox(key="scenarier__selected").value in found
    compare = app.multiselect(key="scenarier__compare")   # the chosen stay chosen and offered beside those found
    assert compare.value == ["Scenario 300", "Scenario 299"] and len(compare.options) == 13


def test_a_saved_scenario_beyond_the_bounds_is_not_loaded(fresh):
    """A scenario in the store with 50 new units (written by hand, or by another version); the slider ends at 20."""
    inputs = {**scenario.inputs_as_dict(scenario.default_inputs(scenario_baseline.load_baseline())), "new_units": 50}
    userdata.save_scenario("Förra versionen", inputs, {}, "v", date(2020, 6, 11), operator())
    app = scenarier()
    app.button(key="scenarier__load").click().run()
    assert not app.exception
    assert any("Scenariot 'Förra versionen' kunde inte läsas in: new_units = 50 går inte att använda"
               in shown(e.value) for e in app.error)
    assert app.slider(key="scenarier__in_new_units").value == 0   # unchanged
