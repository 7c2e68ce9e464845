"""The seed database against figures read by hand from the source documents in shared/seeds."""

from datetime import date

import pytest

from dashboard import indicators
from tests.conftest import fetch


def test_both_agreements_are_3_5_mnkr_for_one_calendar_year_each(seed_database):
    # 002: "dnr 1.5.1-646/2018 ... 3,5 mnkr gäller från den 1 januari 2019 till och med den 31 december 2019"
    # 000: "dnr 1.5.1–858/2019 ... 3,5 mnkr gäller från den 1 januari 2020 till och med den 31 december 2020"
    rows = fetch(seed_database, "select dnr, amount_sek, period_start, period_end, status from funding_agreement "
                                "where dnr is not null order by period_start")
    assert rows == [
        ("1.5.1–646/2018", 3_500_000, date(2019, 1, 1), date(2019, 12, 31), "decided"),
        ("1.5.1–858/2019", 3_500_000, date(2020, 1, 1), date(2020, 12, 31), "decided"),
    ]


def test_districts_with_a_supporter_in_june_2019_are_farsta_ostermalm_sodermalm():
    # 002: "De stadsdelsförvaltningar som hade en peer support i sina verksamheter i juni 2019 var Farsta,
    # Östermalm och Södermalm."
    frame = indicators.run("placements_per_stadsdel", **{"from": "2019-06-01", "to": "2019-06-30",
                                                          "area_kind": "stadsdel"})
    assert set(frame["area"]) == {"Farsta", "Östermalm", "Södermalm"}


def test_skarpnack_and_hagersten_liljeholmen_had_supporters_in_2018_only():
    # 002: "Skarpnäck och Hägersten-Liljeholmen har även haft peer supportrar i sina verksamheter under 2018."
    in_2018 = indicators.run("placements_per_stadsdel", **{"from": "2018-01-01", "to": "2018-12-31"})
    in_2019 = indicators.run("placements_per_stadsdel", **{"from": "2019-01-01", "to": "2019-12-31"})
    assert {"Skarpnäck", "Hägersten-Liljeholmen"} <= set(in_2018["area"])
    assert not {"Skarpnäck", "Hägersten-Liljeholmen"} & set(in_2019["area"])


def test_sodermalm_supporter_is_absent_from_march_2019():
    # 004: started September 2018, on sick leave from March 2019, employment through March 2020.
    # as a förvaltare's page shows it: to anyone else one person's absence is `..` (tests/test_staff_rule.py)
    before = indicators.run("placements_per_stadsdel", staff_detail=True,
                            **{"from": "2018-10-01", "to": "2018-12-31", "area": "Södermalm"})
    during = indicators.run("placements_per_stadsdel", staff_detail=True,
                            **{"from": "2019-06-01", "to": "2019-06-30", "area": "Södermalm"})
    after = indicators.run("placements_per_stadsdel", staff_detail=True,
                           **{"from": "2020-04-01", "to": "2020-12-31", "area": "Södermalm"})
    assert before["absent"].tolist() == [0]
    assert during["absent"].tolist() == [1]
    assert after.empty


def test_survey_population_dropout_and_n():
    # 004: population 24, 5 excluded, 3 declined, 16 handed out, 15 answered: 62 % answered, drop-out 38 %.
    row = indicators.run("survey_response").iloc[0]
    assert (row.population, row.excluded, row.declined, row.handed_out, row.answered) == (24, 5, 3, 16, 15)
    assert row.response_rate == pytest.approx(15 / 24)
    assert row.dropout_rate == pytest.approx(9 / 24)
    assert round(row.published_dropout_rate * 100) == 38
    shares = indicators.run("survey_outcome_shares")
    assert set(shares["respondents"]) == {15}


def test_published_shares_keep_their_wording_and_derive_only_unique_counts():
    shares = indicators.run("survey_outcome_shares").set_index("option")
    # "Cirka 86 procent" of 15: 13/15 = 86,7 % is the only whole count within one point.
    assert shares.loc["Bättre möjligheter att påverka min livssituation", "selected"] == 13
    assert shares.loc["Bättre möjligheter att påverka min livssituation", "share"] == pytest.approx(0.86)
    # "Hälften" of 15 could be 7 or 8: the count stays unknown.
    assert shares.loc["Arbetsförmedling"].isna()["selected"]
    assert set(shares["basis"]) == {"published"}
    assert not shares["suppressed"].any()


def test_every_fact_row_resolves_to_a_source(seed_database):
    tables = fetch(seed_database, "select table_name from information_schema.columns "
                                  "where column_name = 'source_id' and table_name <> 'source'")
    assert len(tables) >= 15
    for (table,) in tables:
        orphans = fetch(seed_database, f'select count(*) from "{table}" '
                                       "where source_id is null or source_id not in (select source_id from source)")
        assert orphans == [(0,)], table


def test_every_derived_or_unknown_row_states_its_rule(seed_database):
    tables = fetch(seed_database, "select table_name from information_schema.columns where column_name = 'basis'")
    for (table,) in tables:
        missing = fetch(seed_database, f'select count(*) from "{table}" where basis <> \'documented\' '
                                       "and (rule is null or trim(rule) = '')")
        assert missing == [(0,)], table


def test_gender_conflict_is_recorded_with_both_sources():
    # 002 (Aug 2019): two men and six women employed so far; 000 (June 2020): seven employed, three men
    # and six women (3 + 6 = 9, not 7).
    conflicts = indicators.run("source_conflicts")
    gender = conflicts[conflicts["topic"].str.contains("kön")]
    assert len(gender) == 1
    assert {gender.iloc[0]["source_a"], gender.iloc[0]["source_b"]} == {"S000", "S002"}
    counts = indicators.run("supporter_gender")
    by_source = counts.groupby("source")["supporters"].sum().to_dict()
    assert by_source == {"S002": 2 + 6, "S000": 3 + 6}
    june_2020 = counts[counts["source"] == "S000"]
    assert set(june_2020["stated_total"]) == {7}
    assert not june_2020["consistent"].any()
    assert set(counts["conflict_id"]) == {"C01"}


def test_every_placed_unit_belongs_to_a_stadsdel_or_a_central_administration(seed_database):
    # 002: Farsta, Östermalm, Södermalm (stadsdelar); Bostad först (socialförvaltningen) and Alfa
    # (arbetsmarknadsförvaltningen) are central
    kinds = fetch(seed_database, "select distinct a.area_kind from (select unit_id from placement union "
                                 "select unit_id from unit_observation) join unit using (unit_id) "
                                 "join area as a using (area_id)")
    assert {kind for (kind,) in kinds} == {"stadsdel", "central"}


def test_data_as_of_is_the_latest_source_date_not_today():
    # 000 was handled by the council for disability issues on 11 June 2020, the latest date in the sources.
    assert indicators.run("funding_summary").attrs["params"]["as_of"] == date(2020, 6, 11)
