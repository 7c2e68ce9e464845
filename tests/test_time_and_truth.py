"""Each figure for a date rests on what a source says about that date, checked against sentences quoted from
the documents in ../shared/seeds/ (file names in the comments). Expected values are read off the quotes."""

from datetime import date

import pandas as pd
import pytest

from dashboard import decision, indicators, overview
from dashboard.scenario import baseline as scenario_baseline
from dashboard.scenario import model as scenario
from dashboard.scenario import reading as scenario_reading


def headcount(as_of: str) -> dict:
    frame = indicators.run("headcount", as_of=as_of)
    return {row["measure"]: row for row in frame.to_dict(orient="records")}


def test_headcount_mid_2018():
    # 001: "Under 2018 deltog mellan sju och åtta peer supportrar"; "Vid tiden för utvärderingen deltog fem
    # verksamheter i projektet, men ytterligare två verksamheter har deltagit under 2018".
    # 002: "Skarpnäck och Hägersten-Liljeholmen har även haft peer supportrar i sina verksamheter under 2018";
    # 004: Aktivitetshuset (Södermalm) from "september 2018", so not yet in June (issue 25). Whether Farsta and
    # Östermalm had one is not said.
    rows = headcount("2018-06-30")
    assert (rows["supporters"]["low"], rows["supporters"]["high"], rows["supporters"]["sources"]) == (7, 8, "S001")
    assert rows["supporters"]["basis"] == "documented" and rows["supporters"]["status"] == "current"
    assert (rows["units"]["low"], rows["units"]["high"], rows["units"]["basis"]) == (7, 7, "derived")
    assert (rows["districts"]["low"], rows["districts"]["basis"]) == (2, "derived")
    assert pd.isna(rows["districts"]["high"])   # the upper bound is not published
    assert all(row["observed_on"].date() <= date(2018, 6, 30) for row in rows.values())


def test_headcount_after_august_2019():
    # 002 (August 2019): "För närvarande arbetar sju peer supportrar"; "De stadsdelsförvaltningar som hade en
    # peer support i sina verksamheter i juni 2019 var Farsta, Östermalm och Södermalm".
    rows = headcount("2019-10-01")
    assert (rows["supporters"]["low"], rows["supporters"]["high"], rows["supporters"]["sources"]) == (7, 7, "S002")
    assert rows["supporters"]["observed_on"].date() == date(2019, 8, 15)
    assert rows["supporters"]["note"] == "senast rapporterat augusti 2019, S002"
    assert (rows["districts"]["low"], rows["districts"]["sources"]) == (3, "S002")
    assert (rows["units"]["low"], rows["units"]["sources"]) == (5, "S001")   # five units, June 2019


def test_headcount_june_2020():
    # 000: "i dagsläget sju anställda som peer supports"; nothing on units or districts in 2020.
    rows = headcount("2020-06-11")
    assert (rows["supporters"]["low"], rows["supporters"]["high"], rows["supporters"]["sources"]) == (7, 7, "S000")
    assert rows["supporters"]["status"] == "current"
    assert rows["units"]["status"] == "last_known" and rows["districts"]["status"] == "last_known"
    assert rows["districts"]["note"].startswith("senast känt juni 2019, S002")


def test_headcount_before_any_source_is_unknown_not_zero():
    rows = headcount("2017-06-30")   # 001: 2018 is the first year with a count
    assert all(row["status"] == "unknown" and row["basis"] == "unknown" for row in rows.values())
    assert all(pd.isna(row["low"]) for row in rows.values())   # NA, not 0


def test_funding_position_in_january_2020():
    # 000: "Bidraget om 3,5 mnkr gäller från den 1 januari 2020 till och med den 31 december 2020"; 004 only
    # foresaw a decision "i slutet av januari 2020". Secured from the documented start, 351 days left on
    # 2020-01-15 (16 + 29 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 = 351).
    summary = indicators.run("funding_summary", as_of="2020-01-15").iloc[0]
    assert summary["secured_until"].date() == date(2020, 12, 31) and summary["secured_days_left"] == 351
    horizon = indicators.run("funding_horizon", as_of="2020-01-15")
    agreement_2020 = horizon[horizon["agreement"] == "1.5.1–858/2019"].iloc[0]
    assert pd.isna(agreement_2020["decided_on"])
    assert agreement_2020["decision_basis"] == "unknown" and bool(agreement_2020["decided_by_as_of"])
    january = decision.funding_decision(summary, date(2020, 1, 15))
    assert not [a for a in overview.alerts(indicators.run("supporters_per_unit", as_of="2020-01-15"), january,
                                           indicators.run("source_conflicts")) if a.level == "error"]
    plans = indicators.run_query("lookups/planned_decisions", as_of=date(2020, 1, 15))
    assert plans["planned_decision"].str.startswith("slutet av januari 2020").tolist() == [True]
    assert plans["source_id"].tolist() == ["S004"]


def test_on_the_last_day_of_2019_the_next_period_is_not_yet_decided():
    # Nothing published says the 2020 agreement was decided by 2019-12-31; 004 (December 2019) says the project
    # "har beslut om finansieringsmedel fram till och med mars 2020": secured to 2020-03-31, 91 days on.
    summary = indicators.run("funding_summary", as_of="2019-12-31").iloc[0]
    assert summary["secured_days_left"] == 91 and summary["next_period_status"] != "decided"
    assert pd.Timestamp(summary["secured_until"]).date() == date(2020, 3, 31) and "S004" in summary["sources"]


@pytest.mark.parametrize("as_of", ["2017-06-30", "2018-06-30", "2019-06-30", "2019-11-18"])
def test_no_survey_appears_before_it_was_carried_out(as_of):
    # 004: "Mellan den första oktober till första veckan i november fick brukarna möjlighet att svara på
    # enkäten. Tiden förlängdes med ytterligare två veckor" – seven weeks from 1 October: 2019-11-19.
    assert indicators.run("survey_response", as_of=as_of).empty
    assert indicators.run("survey_outcome_shares", as_of=as_of).empty


def test_the_survey_appears_when_its_fieldwork_has_ended():
    response = indicators.run("survey_response", as_of="2019-11-19").iloc[0]
    assert (response["answered"], response["population"]) == (15, 24)   # 004: 15 of 24 answered


def test_no_unit_is_shown_as_currently_staffed_where_no_source_places_it():
    # 000 (June 2020) places nobody. Aktivitetshuset's employment runs "fram till och med mars 2020" (004), which
    # is not a published end of the placement: it is last known from December 2019, not gone (issue 25).
    units = indicators.run("supporters_per_unit", as_of="2020-06-11")
    assert set(units["status"]) == {"last_known"}
    assert units.set_index("unit").loc["Aktivitetshuset", "refers_to"] == "placering, senast rapporterad 2019-12-01"
    # Skarpnäck and Hägersten-Liljeholmen had supporters "under 2018" but are not in 002's June 2019 list.
    june_2019 = indicators.run("supporters_per_unit", as_of="2019-06-30")
    assert set(june_2019["area"]) == {"Farsta", "Östermalm", "Södermalm"}
    assert set(indicators.run("supporters_per_unit", as_of="2018-06-30")["area"]) == {
        "Skarpnäck", "Hägersten-Liljeholmen"}   # Södermalm only from September 2018


def test_only_a_documented_count_makes_a_lone_supporter():
    # 004 names one supporter at Aktivitetshuset; 002 says only that Farsta and Östermalm had peer support,
    # and 001 quotes a manager: "de numera är två peer supportrar".
    units = indicators.run("supporters_per_unit", as_of="2019-06-30", staff_detail=True).set_index("unit")
    assert units.loc["Aktivitetshuset", "supporters"] == 1 and units.loc["Aktivitetshuset", "absent"] == 1
    farsta = units.loc["Enhet i Farsta (namn ej publicerat)"]
    assert farsta["supporters_min"] == 1 and pd.isna(farsta["supporters"])
    assert overview.lone_units(units.reset_index())["unit"].tolist() == ["Aktivitetshuset"]


def test_a_period_ends_at_the_as_of_date():
    frame = indicators.run("placements_per_stadsdel", as_of="2019-06-30")
    assert frame.attrs["params"]["to"] == date(2019, 6, 30)
    # Bostad först and Alfa are first reported in August 2019 (002, "för närvarande"): not yet on 2019-06-30
    assert set(frame["area"]) == {"Farsta", "Östermalm", "Södermalm"}


@pytest.mark.parametrize("as_of, expected", [("2019-06-30", 7), ("2020-06-11", 7)])
def test_scenario_baseline_is_the_employed_headcount(as_of, expected):
    # 3,5 mnkr per year (002, 000) for seven employed: 500 000 kr each, not 3,5 mnkr / placements with a unit.
    baseline = scenario_baseline.load_baseline(date.fromisoformat(as_of))
    assert baseline.supporters == expected
    assert scenario.default_inputs(baseline).cost_per_supporter_sek == pytest.approx(3_500_000 / 7)


def test_scenario_without_a_published_amount_asks_for_one_instead_of_crashing():
    baseline = scenario_baseline.load_baseline(date(2018, 6, 30))   # 2018's budget amount is not published
    assert baseline.agreement_amount_sek is None and baseline.supporters == 7
    inputs, missing = scenario.starting_inputs(baseline)
    assert missing and "belopp" in missing
    with pytest.raises(scenario.ScenarioError):
        scenario_reading.parse_inputs({}, baseline)
    chosen = scenario_reading.parse_inputs({"budget_sek": "3000000", "cost_per_supporter_sek": "400000"}, baseline)
    assert scenario.evaluate(chosen, baseline)["total_cost_sek"] == pytest.approx(7 * 400_000)


EXPECTED_CONFLICTS = {
    # topic fragment: (source a, source b)
    "kön": ("S002", "S000"),                  # 2 + 6 employed so far vs 7 "varav tre män och sex kvinnor"
    "beslutad till och med": ("S004", "S000"),  # "fram till och med mars 2020" vs the 2020 agreement, Jan–Dec
    "internationellt": ("S003", "S000"),      # "senaste 15 åren" vs "senaste tjugo åren"
    "utvärderar år tre": ("S004", "S000"),    # "NSPH och CEPI" vs "Sweco"
    "ensamma": ("S001", "S002"),              # "Majoriteten" vs "några"
    "år ett": ("S001", "S002"),               # interviewed vs surveyed
    "utbildningen": ("S002", "S004"),         # NSPH vs socialförvaltningen's planned training
    "i arbete": ("S002", "S004"),             # "arbetar sju" (Aug 2019) vs Södermalm's on sick leave from March 2019
    "verksamheter med peer support": ("S001", "S002"),  # five units vs the units 002 lists
    "utvärdering år tre": ("S004", "S000"),   # NSPH "planerad till hösten 2019" vs Sweco from January 2020
    "Södermalms rapport": ("S004", "S004"),   # "verksamhetsplanen för 2109" vs "för 2019"
    "inriktningen": ("S000", "S000"),         # "inriktningsförslag för 2020" vs "hösten 2020"
}


def test_each_recorded_conflict_keeps_both_sources():
    conflicts = indicators.run("source_conflicts")
    for fragment, sources in EXPECTED_CONFLICTS.items():
        match = conflicts[conflicts["topic"].str.contains(fragment, regex=False)]
        assert len(match) == 1, fragment
        assert (match.iloc[0]["source_a"], match.iloc[0]["source_b"]) == sources, fragment
    assert len(conflicts) == len(EXPECTED_CONFLICTS)


@pytest.mark.parametrize("as_of, expected", [
    ("2019-06-30", []),                                  # 002, the other side of every conflict with 001, is August 2019
    ("2019-09-01", ["C05", "C07", "C12"]),               # 001 against 002
    ("2019-12-31", ["C05", "C07", "C09", "C11", "C12", "C14"]),  # and 004 (December 2019) against 002 and itself
])
def test_a_conflict_is_shown_from_when_both_documents_exist(as_of, expected):
    assert indicators.run("source_conflicts", as_of=as_of)["conflict_id"].tolist() == expected


def test_reported_figures_say_nothing_about_the_time_after_the_date():
    figures = indicators.run("reported_figures", as_of="2019-06-30")
    # 002's "sju anställda" (August 2019) and 000's (June 2020) are later; 003's five-week training is undated
    assert not figures["sources"].isin(["S000"]).any()
    assert not (figures["observed_on"].astype(str) >= "2019-07-01").any()
    assert "Grundutbildning för peer supportrar" in figures["measure"].tolist()


def test_decision_facts_from_the_documents_are_dated():
    # 001: "peer supportern i deras verksamhet fått gå ner i tid till följd av minskade projektmedel";
    # 002: "NSPH har signalerat att arbetsgivaransvaret innebär stora utmaningar för en ideell organisation".
    facts = indicators.run("decision_facts", as_of="2020-06-11")
    assert facts["text"].str.contains("gå ner i tid").any() and facts["text"].str.contains("ideell").any()
    before = indicators.run("decision_facts", as_of="2019-01-31")
    assert not before["text"].str.contains("ideell").any()   # 002 is from August 2019
