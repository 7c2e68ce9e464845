"""Page Måluppföljning (issue 27) headless: what each role sees and may do, with the worked example's year set up
through the command line (tests/test_followup.py). Figures by hand: on 2020-04-30 the head count is 7 (002,
last known from 2019-08-15) and one unit has a current state (004's Aktivitetshuset)."""

import pytest

from dashboard.base.formatting import plain
from dashboard.followup import assessments, reported
from tests.test_followup import set_up_the_year
from tests.test_roles import app


def cells(test) -> str:
    return " ".join(html.proto.body for html in test.get("html"))


@pytest.fixture
def year(fresh, cli, tmp_path):
    set_up_the_year(cli, tmp_path)
    return fresh


def test_a_reader_sees_the_goals_bedomning_in_words_and_no_controls(year):
    reader = app("pages/uppfoljning.py", "lasare@stad.se", period="2020-T1")
    assert not reader.exception
    assert [s.value for s in reader.header][:2] == ["Peer support finns i fler verksamheter", "Utfall under 2020"]
    shown = cells(reader)
    for text in ("◐ Uppfylls delvis", "○ Uppfylls inte", "Sju anställda enligt S002, inga nya under våren.",
                 "S002 (2019-08-15, senast känt, dokumenterat)", "R2-4"):
        assert text in shown, text
    assert not reader.text_area and not reader.radio   # no assessment form
    assert not [b for b in reader.button if "lås" in b.label.lower()]
    assert "inte rapporterad" in " ".join(c.value for c in reader.caption)


def test_a_planner_saves_a_draft_and_cannot_report(year):
    planner = app("pages/uppfoljning.py", "planerare@stad.se", period="2020-T2")
    assert not [e for e in planner.expander if "Rapportera" in e.label]
    planner.selectbox(key="uppfoljning__measure").set_value("headcount:supporters").run()
    planner.text_area(key="uppfoljning__analys").input("Utkast: sju enligt S000.")
    planner.radio(key="uppfoljning__bedomning").set_value("delvis")
    planner.button[[b.label for b in planner.button].index("Spara utkast")].click().run()
    assert [s.value for s in planner.success] == [plain("Bedömningen sparades som utkast.")]
    saved = assessments.latest()[("headcount", "supporters", "2020-T2")]
    assert (saved.confirmed, saved.analys, saved.saved_by.startswith("planerare@stad.se")) == (False, "Utkast: sju "
                                                                                                "enligt S000.", True)


def test_a_forvaltare_reports_the_period_and_it_shows_as_locked(year):
    manager = app("pages/uppfoljning.py", "forvaltare@stad.se", period="2020-T1")
    [ask] = [b for b in manager.button if b.label == "Rapportera och lås 2020-T1"]
    ask.click().run()
    [yes] = [b for b in manager.button if b.label.startswith("Ja, ")]
    yes.click().run()
    assert [s.value for s in manager.success] == [plain("2020-T1 är rapporterad och låst.")]
    assert any("är rapporterad och låst" in i.value for i in manager.info)
    assert not manager.text_area   # a locked period takes no assessment


def test_a_reader_adding_parameters_to_the_address_writes_nothing(year):
    before = (assessments.latest(), reported.reports().to_dict(orient="records"))
    reader = app("pages/uppfoljning.py", "lasare@stad.se", period="2020-T1", bedomning="helt", analys="x",
                 role="forvaltare", lock="1")
    assert not reader.exception and not reader.text_area
    assert (assessments.latest(), reported.reports().to_dict(orient="records")) == before
