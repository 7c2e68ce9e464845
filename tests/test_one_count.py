"""One definition per concept (issue 23, items 4-6): units, districts, 'current' and 'planned' give the same numbers
on Översikt, Enheter, Scenarier and in the scenario's baseline at any date, or the page names the difference;
the data's age is said; 004's survey is not shown as peer-support evidence.

Expected values are worked out by hand from the documents in ../shared/seeds/:
- 001 (June 2019): "Under 2018 deltog mellan sju och åtta peer supportrar"; "Vid tiden för utvärderingen deltog
  fem verksamheter i projektet, men ytterligare två verksamheter har deltagit under 2018" (7 during 2018, derived).
- 002 (August 2019): "De stadsdelsförvaltningar som hade en peer support i sina verksamheter i juni 2019 var
  Farsta, Östermalm och Södermalm"; "Skarpnäck och Hägersten-Liljeholmen har även haft peer supportrar i sina
  verksamheter under 2018"; "För närvarande arbetar sju peer supportrar … inom socialförvaltningens enhet för
  Bostad först … och på Arbetsmarknadsförvaltningens verksamhet, Alfa" (first reported in August 2019).
- 004 (December 2019): Aktivitetshuset (Södermalm) from "september 2018", employment "fram till och med mars 2020"
  (the employment's length, not a published end of the placement: after December 2019 it is last known).
- 000 (June 2020): "i dagsläget sju anställda"; nothing on units or districts in 2020.
So on 2018-06-30 only Skarpnäck's and Hägersten-Liljeholmen's units are named, and the districts are at least
those two (Södermalm starts in September); on 2019-06-30 Farsta, Östermalm and Aktivitetshuset, all current; on
2020-06-11 Farsta, Östermalm, Bostad först, Alfa and Aktivitetshuset, all older than half a year (issue 25: an
assumed end is not an end).
"""

import re
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import counts, indicators, overview, surveys
from dashboard.base.access import operator
from dashboard.base.formatting import stockholm_time
from dashboard.data_age import age_sentence, full_years
from dashboard.imports import run as importer
from dashboard.scenario import baseline as scenario_baseline
from dashboard.scenario import model as scenario
from tests.reliability.corpus import csv_bytes, row
from tests.tables import shown_tables

ROOT = Path(__file__).resolve().parent.parent

# date: (units: documented, named, current, text), (districts: documented, named, current, text), named districts
EXPECTED = {
    "2018-06-30": (("7", 2, 2, "7 enligt S001 (härlett); 2 med känd enhet"),
                   ("minst 2", 2, 2, "minst 2 enligt S002 (härlett); 2 med känd enhet"),
                   ("Hägersten-Liljeholmen", "Skarpnäck")),
    "2019-06-30": (("5", 3, 3, "5 enligt S001; 3 med känd enhet"),
                   ("3", 3, 3, "3 enligt S002, alla med känd enhet"),
                   ("Farsta", "Södermalm", "Östermalm")),
    "2020-06-11": (("5", 5, 0, "5 enligt S001 (senast känt vid tiden för utvärderingen (rapport juni 2019)), "
                               "alla med känd enhet"),
                   ("3", 3, 0, "3 enligt S002 (senast känt juni 2019), alla med känd enhet"),
                   ("Farsta", "Södermalm", "Östermalm")),
}
DATES = list(EXPECTED)


def programme(as_of: str) -> counts.Programme:
    return counts.programme(indicators.run("headcount", as_of=as_of),
                            indicators.run("supporters_per_unit", as_of=as_of))


@pytest.mark.parametrize("as_of", DATES)
def test_one_definition_of_units_and_districts(as_of):
    (units_documented, units_named, units_current, units_text), districts, named_districts = EXPECTED[as_of]
    counted = programme(as_of)
    assert (counted.units.documented, counted.units.named, counted.units.current, counted.units.text()) == (
        units_documented, units_named, units_current, units_text)
    assert (counted.districts.documented, counted.districts.named, counted.districts.current,
            counted.districts.text()) == districts
    assert counts.named_districts(indicators.run("supporters_per_unit", as_of=as_of)) == named_districts
    assert counted.units.planned == counted.districts.planned == 0   # the documents plan no placement


@pytest.mark.parametrize("as_of", DATES)
def test_the_scenario_baseline_counts_the_same_units_and_districts(as_of):
    (_, units_named, _, _), (_, districts_named, _, _), named_districts = EXPECTED[as_of]
    baseline = scenario_baseline.load_baseline(date.fromisoformat(as_of))
    assert len(baseline.unit_supporters) == units_named and baseline.districts == named_districts
    if baseline.agreement_amount_sek is not None:   # 2018's amount is not published
        assert scenario.evaluate(scenario.default_inputs(baseline), baseline)["districts_covered"] == districts_named


def test_the_situation_names_the_difference_as_the_key_figures_do():
    counted = programme("2020-06-11")
    assert counted.sentence() == (
        "Verksamheter: 5 enligt S001 (senast känt vid tiden för utvärderingen (rapport juni 2019)), alla med känd "
        "enhet; ingen aktuell på datumet (se Enheter). Stadsdelar: 3 enligt S002 (senast känt juni 2019), alla med "
        "känd enhet.")


def test_with_an_area_filter_the_city_count_says_it_is_the_citys():
    units = indicators.run("supporters_per_unit", as_of="2019-06-30", area="Farsta")
    counted = counts.programme(indicators.run("headcount", as_of="2019-06-30"), units)
    # 002: Farsta had a supporter in June 2019; the count of three districts is the city's
    assert counted.districts.text() == "3 enligt S002 (hela staden); 1 med känd enhet i Farsta"
    assert not counted.districts.agrees


# --- plans ----------------------------------------------------------------------------------------------------

OPERATOR = operator()


def _import(rows: list[list[str]], as_of: date | None = None) -> None:
    result = importer.preview("placements", "p.csv", csv_bytes("placements", rows))
    assert result.ok, result.problems
    importer.apply(result, OPERATOR, as_of=as_of)


def test_an_imported_future_placement_is_a_plan_everywhere(fresh):
    """Imported without a date of its own, a 2021 placement is a plan (the data's date stays 2020-06-11): on a
    2021 date Enheter's row says 'planned', Översikt counts it as planned and not as current, and the scenario's
    baseline leaves it out of today's units."""
    _import([row("placements", **{"Placerings-id": "PL_PLAN", "Enhets-id": "U_FAR", "Startdatum": "2021-03-01"})])
    units = indicators.run("supporters_per_unit", as_of="2021-06-30")
    assert units.set_index("unit").loc["Enhet i Farsta (namn ej publicerat)", "status"] == counts.PLANNED
    counted = counts.programme(indicators.run("headcount", as_of="2021-06-30"), units)
    # Östermalm (juni 2019), Bostad först and Alfa (augusti 2019), Aktivitetshuset (december 2019) are last known;
    # Farsta is only planned
    assert (counted.units.named, counted.units.current, counted.units.planned) == (4, 0, 1)
    assert counts.named_districts(units) == ("Södermalm", "Östermalm")
    figures = {f.label: f for f in overview.key_figures(indicators.run("headcount", as_of="2021-06-30"), units,
                                                         indicators.run("units_at_target", as_of="2021-06-30"),
                                                         indicators.run("funding_summary", as_of="2021-06-30"),
                                                         indicators.run("survey_response", as_of="2021-06-30"))}
    assert figures["Med aktuell placering"].value == "0"
    assert figures["Med aktuell placering"].note.endswith("; 1 planerad (plan, räknas inte)")
    baseline = scenario_baseline.load_baseline(date(2021, 6, 30))
    assert len(baseline.unit_supporters) == 4 and baseline.districts == ("Södermalm", "Östermalm")


def test_a_plan_never_adds_to_a_units_begun_placements(fresh):
    """Stated per 2021-01-31: P30 began at Farsta on 2021-01-01 (a fact), P31 is to begin on 2021-03-01 (a plan).
    On 2021-06-30 Farsta has one supporter, not two."""
    _import([row("placements", **{"Placerings-id": "PL_BEGUN", "Startdatum": "2021-01-01"}),
             row("placements", **{"Placerings-id": "PL_LATER", "Peer supporter (kod)": "P31",
                                  "Startdatum": "2021-03-01"})], as_of=date(2021, 1, 31))
    farsta = indicators.run("supporters_per_unit", as_of="2021-06-30").set_index("area").loc["Farsta"]
    assert (farsta["status"], farsta["supporters"]) == (counts.CURRENT, 1)


# --- the data's age -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("data_date, today, expected", [
    (date(2020, 6, 11), date(2026, 12, 7), "Uppgifterna sträcker sig bara till 2020-06-11, mer än 6 år före i dag "
                                           "(2026-12-07): alla siffror, också dagar kvar och datum då beslut behövs, "
                                           "beskriver läget då och inte i dag."),
    (date(2020, 6, 11), date(2021, 6, 11), None),               # 365 days: not yet more than a year
    (date(2020, 6, 11), date(2021, 6, 12), "mer än 1 år"),
    (date(2026, 12, 7), date(2026, 12, 7), None),               # an import stated today
])
def test_the_age_is_said_once_the_data_are_more_than_a_year_old(data_date, today, expected):
    said = age_sentence(data_date, today)
    assert said == expected if expected is None or said is None else expected in said


def test_full_years():
    assert full_years(date(2020, 6, 11), date(2026, 6, 10)) == 5
    assert full_years(date(2020, 6, 11), date(2026, 6, 11)) == 6


# --- surveys --------------------------------------------------------------------------------------------------

def test_004s_survey_is_about_personligt_ombud_not_peer_support():
    # 004, the form's information page: "Uppdragets syfte är att analysera hur personligt ombud fungerar ur ett
    # brukarperspektiv"; and "En enkät till målgruppen för Peer support var inte aktuellt".
    responses = indicators.run("survey_response", as_of="2020-06-11")
    assert responses["scope"].tolist() == ["personligt ombud"]
    assert surveys.heading(responses.iloc[0]) == "Brukarenkät om personligt ombud – inte om peer support"
    assert surveys.about_peer_support(responses).empty
    assert surveys.absence(responses) == (
        "Källorna har inga enkätsvar från brukare av peer support på eller före datumet. Den enkät som finns gäller "
        "personligt ombud (S004, N = 15) och säger inget om peer support.")
    gaps = " ".join(surveys.survey_gaps(indicators.run("data_gaps")))
    assert "utvärdering år ett (NSPH 2018)" in gaps and "004 gjorde ingen enkät till brukare av peer support" in gaps


# --- the pages, headless --------------------------------------------------------------------------------------

def run_page(name: str, **query) -> AppTest:
    app = AppTest.from_file(str(ROOT / "pages" / name), default_timeout=30)
    app.query_params.update({"view": "table", **query})
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def texts(app: AppTest) -> str:
    return " ".join([c.value for c in app.caption] + [m.value for m in app.markdown] + [w.value for w in app.warning]
                    + [i.value for i in app.info])


def unescaped(text: str) -> str:
    """Page text as the reader sees it: `formatting.plain` escapes Markdown's special characters."""
    return re.sub(r"\\(.)", r"\1", text)


@pytest.mark.parametrize("as_of", DATES)
def test_oversikt_enheter_and_scenarier_show_the_same_numbers(as_of):
    (units_documented, units_named, units_current, units_text), (districts_documented, _, _, districts_text), _ = (
        EXPECTED[as_of])
    oversikt = run_page("oversikt.py", as_of=as_of)
    metrics = {m.label: m.value for m in oversikt.metric}
    assert (metrics["Verksamheter"], metrics["Stadsdelar"], metrics["Med aktuell placering"]) == (
        units_documented, districts_documented, str(units_current))
    said = unescaped(texts(oversikt))
    assert units_text in said and districts_text in said
    assert f"av {units_named} med känd enhet" in said

    enheter = run_page("enheter.py", as_of=as_of)
    assert f"Verksamheter: {units_text};" in unescaped(texts(enheter))
    shown = shown_tables(enheter)[0]["Status"].tolist()
    assert sum(status in ("aktuell", "senast känt") for status in shown) == units_named

    if as_of != "2018-06-30":   # 2018's amount is not published: Scenarier asks for one and derives nothing
        scenarier = run_page("scenarier.py", as_of=as_of)
        assert f"Kända verksamheter: {units_named} " in " ".join(m.value for m in scenarier.markdown)


def test_oversikt_marks_every_figure_the_area_filter_does_not_reach():
    app = run_page("oversikt.py", as_of="2019-06-30", area="Farsta")
    marked = [c.value for c in app.caption if c.value.startswith(":material/public:")]
    # the decision (funding), the employed, units, districts, funding and the survey card are the city's; only
    # the units with a current placement and those at target follow the area
    assert len(marked) == 6 and all("Farsta gäller inte här \\(hela staden\\)" in m for m in marked)
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Med aktuell placering"] == "1"   # 002: Farsta in June 2019
    assert metrics["Stadsdelar"] == "3"


def test_no_other_survey_stands_as_a_programme_key_figure():
    app = run_page("oversikt.py")
    metrics = {m.label: m.value for m in app.metric}
    assert "Svarsfrekvens, senaste enkät" not in metrics and metrics["Enkät om peer support"] == "–"
    assert "den som finns gäller personligt ombud (S004, N = 15)" in unescaped(texts(app))


def test_enkater_says_what_its_survey_is_about_and_that_peer_support_has_none():
    app = run_page("enkater.py")
    assert [h.value for h in app.header] == ["Brukarenkät om personligt ombud – inte om peer support"]
    assert unescaped(app.warning[-1].value).startswith(
        "Källorna har inga enkätsvar från brukare av peer support på eller före datumet.")
    before = run_page("enkater.py", as_of="2019-06-30")   # before 004's fieldwork ended
    assert "Källorna har inga enkätsvar från brukare av peer support" in unescaped(texts(before))


@pytest.mark.parametrize("name", ["oversikt.py", "enheter.py", "enkater.py", "finansiering.py"])
def test_every_page_says_how_old_the_data_are(name):
    years = full_years(date(2020, 6, 11), stockholm_time().date())
    said = unescaped(texts(run_page(name)))
    assert (f"Uppgifterna sträcker sig bara till 2020-06-11, mer än {years} år före i dag "
            f"({stockholm_time().date().isoformat()})") in said


def test_oversikt_counts_days_and_the_decision_date_from_the_datas_date():
    app = run_page("oversikt.py")
    labels = [m.label for m in app.metric]
    assert "Dagar kvar per 2020-06-11" in labels and "Beslut behövs senast (per 2020-06-11)" in labels
    # 000: funded to 2020-12-31, 203 days from 2020-06-11
    assert "(per 2020-06-11: 203 dagar kvar)" in unescaped(texts(app))


def test_a_plan_is_planned_on_enheter_and_oversikt(fresh):
    _import([row("placements", **{"Placerings-id": "PL_PLAN", "Enhets-id": "U_FAR", "Startdatum": "2021-03-01"})])
    enheter = run_page("enheter.py", as_of="2021-06-30")
    table = shown_tables(enheter)[0].set_index("Enhet")
    assert table.loc["Enhet i Farsta (namn ej publicerat)", "Status"] == "planerad"
    oversikt = run_page("oversikt.py", as_of="2021-06-30")
    assert {m.label: m.value for m in oversikt.metric}["Med aktuell placering"] == "0"
    assert "1 planerad (plan, räknas inte)" in unescaped(texts(oversikt))
