"""Indicators against a tiny hand-written database (tests/fixtures/indicators/*.csv).

Every expected value below is worked out by hand from the fixture rows; the comment or expression
next to it says how. The fixture in brief (see the CSV files for every column):

    areas      north "Norrby" (stadsdel), south "Söderby" (stadsdel), hq "Centralförvaltningen" (central)
    units      U_N1 Norrby träffpunkt (träfflokal, north)   U_N2 Norrby stödboende (stödboende, north)
               U_S1 Söderby aktivitetshus (aktivitetshus, south)   U_C1 Central arbetsträning (hq)
    placements PL1 P1@U_N1 2018-01-01..2019-03-01 fte 0.5  SRC_A documented
               PL2 P2@U_N1 2019-01-01..open       fte 0.25 SRC_B derived
               PL3 P3@U_S1 2019-07-01..open       fte ?    SRC_A
               PL4 P4@U_N2 2019-06-30..2019-12-31 fte ?    SRC_A
               PL5 P5@U_C1 2018-06-01..2020-12-31 fte ?    SRC_C
    absences   AB1 PL2 2019-04-01..2019-04-30   AB2 PL5 2018-09-01..2018-12-31   AB3 PL5 2019-07-01..open
    funding    F4 2018 (decided, date unknown)  F1 "DNR-2019" 2019 decided 2019-02-15
               F2 2020 decided 2019-11-20       F3 "DNR-2021" 2021-01-01..2021-06-30 decided 2020-09-01
               F5 2021-07-01..2021-12-31 expected
    sources    SRC_A dated 2020-06-30 (the latest, so the default as_of), SRC_X cited by nothing
"""

import csv
import io
import json
import math
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from dashboard import indicators, staff
from dashboard.cli import main as cli
from dashboard.params import ParameterError
from dashboard.store import sqlfiles
from dashboard.store.build import build_database
from tests.snapshots import table_checksums

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(__file__).resolve().parent / "fixtures" / "indicators"
Z = 1.959963984540054
MONTH = 30.4375  # an average month, 365.25 / 12 days
DEFAULT_AS_OF = date(2020, 6, 30)  # SRC_A.dated, the latest source date


# --- fixture database and helpers -------------------------------------------------------------------


@pytest.fixture(scope="module", autouse=True)
def fixture_db(tmp_path_factory):
    """Build the fixture database once and point PEER_DB at it for the whole module."""
    path = tmp_path_factory.mktemp("indicators") / "fixture.duckdb"
    build_database(path, SEEDS)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PEER_DB", str(path))
        patch.setenv("PEER_SEED_DIR", str(SEEDS))   # the command line checks the database against these seeds
        patch.delenv("PEER_SUPPRESSION_THRESHOLD", raising=False)
        yield path


@pytest.fixture(scope="module")
def baseline_checksums(fixture_db):
    return table_checksums(fixture_db)


def plain(value):
    """NULL-like values to None, timestamps to dates, numpy scalars to Python values."""
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if value is pd.NA:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value.item() if hasattr(value, "item") else value


def records(frame: pd.DataFrame) -> list[dict]:
    return [{k: plain(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def run(name: str, **params) -> list[dict]:
    """The query's rows as a förvaltare's page gets them: these tests hold the SQL; `tests/test_staff_rule.py`
    holds the rule for staff data applied over it."""
    return records(indicators.run(name, staff_detail=True, **params))


def keyed(rows: list[dict], key: str) -> dict:
    result = {row[key]: row for row in rows}
    assert len(result) == len(rows), f"{key} is not unique"
    return result


def wilson(k: int | None, n: int, p: float | None = None) -> tuple[float, float]:
    """Wilson 95 % interval, written out from the formula."""
    p = k / n if p is None else p
    centre = p + Z * Z / (2 * n)
    half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n))
    return (centre - half) / (1 + Z * Z / n), (centre + half) / (1 + Z * Z / n)


# --- placements_per_stadsdel ------------------------------------------------------------------------

PERIOD = {"from": "2019-03-01", "to": "2019-06-30"}


def placements(**params) -> dict:
    return keyed(run("placements_per_stadsdel", **params), "area")


def test_placements_per_area_in_period():
    rows = run("placements_per_stadsdel", **PERIOD)
    # Söderby is missing: its only placement PL3 starts 2019-07-01, the day after `to`.
    # stadsdel sorts before central (area_kind desc).
    assert [r["area"] for r in rows] == ["Norrby", "Centralförvaltningen"]
    north, central = rows

    # PL1 ends 2019-03-01 == from (counts), PL2 is open-ended (counts), PL4 starts 2019-06-30 == to (counts)
    assert north["placements"] == 3
    assert north["supporters"] == 3  # P1, P2, P4
    assert north["units"] == 2  # U_N1 (P1 and P2), U_N2 (P4)
    assert north["fte"] == pytest.approx(0.5 + 0.25)  # PL1 + PL2; PL4's share is unknown
    assert north["fte_unknown"] == 1  # PL4
    assert north["absent"] == 1  # AB1 (PL2, April 2019) lies inside the period
    assert north["basis"] == "derived"  # PL2 is derived
    assert north["sources"] == "SRC_A, SRC_B, SRC_C"  # PL1/PL4 SRC_A, PL2 SRC_B, absence AB1 SRC_C
    assert north["area_kind"] == "stadsdel"

    assert central["placements"] == 1  # PL5
    assert central["fte"] is None  # the only share is unknown: NULL, not 0
    assert central["fte_unknown"] == 1
    assert central["absent"] == 0  # AB2 ends 2018-12-31 before from; AB3 starts 2019-07-01 after to
    assert central["basis"] == "documented"
    assert central["sources"] == "SRC_C"
    assert central["area_kind"] == "central"

    assert north["period_from"] == date(2019, 3, 1) and north["period_to"] == date(2019, 6, 30)


@pytest.mark.parametrize("period, expected", [
    (("2019-03-01", "2019-06-30"), {"Norrby": 3, "Centralförvaltningen": 1}),
    # PL1 ended 2019-03-01, the day before from
    (("2019-03-02", "2019-06-30"), {"Norrby": 2, "Centralförvaltningen": 1}),
    # PL4 starts 2019-06-30, the day after to
    (("2019-03-01", "2019-06-29"), {"Norrby": 2, "Centralförvaltningen": 1}),
    # PL3 starts 2019-07-01 == to
    (("2019-03-01", "2019-07-01"), {"Norrby": 3, "Söderby": 1, "Centralförvaltningen": 1}),
    # PL5 ended 2020-12-31, PL4 2019-12-31; the open-ended PL2 and PL3 are known only up to their sources' dates
    # (SRC_B 2019-12-31, SRC_A 2020-06-30): an end not published is not a placement still running (issue 25)
    (("2021-01-01", "2021-12-31"), {}),
])
def test_placements_period_overlap_edges(period, expected):
    start, end = period
    # as_of at the period's end: a period is clipped to the as-of date
    got = {area: row["placements"] for area, row in placements(**{"from": start, "to": end, "as_of": end}).items()}
    assert got == expected


@pytest.mark.parametrize("period, expected_absent", [
    (("2019-03-01", "2019-06-30"), {"Norrby": 1, "Centralförvaltningen": 0}),  # AB1 in; AB2, AB3 out
    # AB1 (April) is outside; AB3 (open from 2019-07-01) overlaps; Söderby has no absences
    (("2019-07-01", "2019-12-31"), {"Norrby": 0, "Söderby": 0, "Centralförvaltningen": 1}),
    # PL1 active in Norrby without absence; AB2 (2018-09..12) overlaps for PL5
    (("2018-10-01", "2018-10-31"), {"Norrby": 0, "Centralförvaltningen": 1}),
    # AB1 ends 2019-04-30 == from: counts; the day after it does not
    (("2019-04-30", "2019-06-30"), {"Norrby": 1, "Centralförvaltningen": 0}),
    (("2019-05-01", "2019-06-30"), {"Norrby": 0, "Centralförvaltningen": 0}),
    # AB3 starts 2019-07-01 == to: counts (Söderby's PL3 also starts that day)
    (("2019-06-01", "2019-07-01"), {"Norrby": 0, "Söderby": 0, "Centralförvaltningen": 1}),
])
def test_placements_absence_overlap(period, expected_absent):
    start, end = period
    got = {area: row["absent"] for area, row in placements(**{"from": start, "to": end}).items()}
    assert got == expected_absent


def test_placements_unit_with_two_supporters_and_known_fte():
    # unit_type träfflokal = only U_N1, with P1 (PL1) and P2 (PL2)
    north = placements(**PERIOD, unit_type="träfflokal")
    assert list(north) == ["Norrby"]
    row = north["Norrby"]
    assert (row["placements"], row["supporters"], row["units"]) == (2, 2, 1)
    assert row["fte"] == pytest.approx(0.75)  # 0.5 + 0.25, both known
    assert row["fte_unknown"] == 0


def test_placements_fte_null_when_all_unknown():
    # unit_type stödboende = only U_N2 with PL4, whose share is unknown
    row = placements(**PERIOD, unit_type="stödboende")["Norrby"]
    assert row["placements"] == 1
    assert row["fte"] is None
    assert row["fte_unknown"] == 1
    assert row["absent"] == 0  # AB1 belongs to PL2, which the unit_type filter removed


@pytest.mark.parametrize("filters, expected_areas", [
    ({"area": "Norrby"}, ["Norrby"]),  # by name
    ({"area": "north"}, ["Norrby"]),  # by id
    ({"area": "Söderby"}, []),  # PL3 starts after the period
    ({"area_kind": "central"}, ["Centralförvaltningen"]),
    ({"area_kind": "stadsdel"}, ["Norrby"]),
    ({"unit_type": "arbetsmarknadsinsats"}, ["Centralförvaltningen"]),
    ({"unit_type": "aktivitetshus"}, []),
    ({"area": "Norrby", "area_kind": "central"}, []),  # filters combine with AND
])
def test_placements_filters(filters, expected_areas):
    assert [r["area"] for r in run("placements_per_stadsdel", **PERIOD, **filters)] == expected_areas


def test_placements_default_period_is_the_as_of_year():
    frame = indicators.run("placements_per_stadsdel", as_of="2019-05-01")
    params = frame.attrs["params"]
    # the as-of year, clipped to the as-of date: nothing from after the date
    assert (params["from"], params["to"]) == (date(2019, 1, 1), date(2019, 5, 1))
    # 2019-01-01..05-01: PL1, PL2 in Norrby; PL5 in hq; PL4 (2019-06-30) and PL3 (2019-07-01) not yet started
    assert {r["area"]: r["placements"] for r in records(frame)} == {"Norrby": 2, "Centralförvaltningen": 1}


def test_placements_rejects_from_after_to():
    with pytest.raises(ParameterError):
        indicators.run("placements_per_stadsdel", **{"from": "2019-12-31", "to": "2019-01-01"})


# --- placements_over_time ---------------------------------------------------------------------------

HEADCOUNTS = """figure_id,topic,measure,value_low,value_high,unit_of_measure,refers_to,period_start,observed_on,\
headcount_measure,area_id,source_id,source_ref,basis,rule
HC1,programmet,Peer supportrar,4,5,personer,2018,2018-01-01,2018-12-31,supporters,,SRC_A,s. 1,documented,
HC2,programmet,Peer supportrar,6,6,personer,augusti 2019,2019-08-15,2019-08-15,supporters,,SRC_B,s. 2,documented,
HC3,programmet,Peer supportrar,3,3,personer,oktober 2019,2019-10-01,2019-10-01,supporters,,SRC_B,s. 3,documented,
HC4,programmet,Verksamheter,9,9,verksamheter,2020,2020-01-01,2020-06-30,units,,SRC_A,s. 4,documented,
"""


def test_placements_over_time_with_the_programme_head_count_and_periods_without_a_placement(tmp_path, monkeypatch):
    """Söderby has PL3 from 2019-07-01 only: 2018 is a row of its own with no area and placements NULL (the
    sources say nothing, not zero). The head count is the programme's whatever the area: 2018 4–5 (HC1);
    2019 the latest of HC2 (August, 6) and HC3 (October, 3), so 3; 2020 has a units count only (HC4), so none."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "reported_figure.csv").write_text(HEADCOUNTS, encoding="utf-8")
    build_database(tmp_path / "headcount.duckdb", seeds)
    monkeypatch.setenv("PEER_DB", str(tmp_path / "headcount.duckdb"))
    rows = run("placements_over_time", **{"from": "2018-01-01"}, area="Söderby", as_of="2020-06-30")
    shown = [(r["bucket"], r["area"], r["placements"], r["basis"], r["headcount_low"], r["headcount_high"],
              r["headcount_refers_to"], r["headcount_sources"]) for r in rows]
    assert shown == [("2018", None, None, "unknown", 4, 5, "2018", "SRC_A"),
                     ("2019", "Söderby", 1, "documented", 3, 3, "oktober 2019", "SRC_B"),
                     ("2020", "Söderby", 1, "documented", None, None, None, None)]


# --- supporters_per_unit ----------------------------------------------------------------------------


def per_unit(as_of, **params) -> dict:
    return keyed(run("supporters_per_unit", as_of=as_of, **params), "unit")


def test_supporters_per_unit_target_two():
    # 2019-02-01: PL1 and PL2 active in U_N1, PL5 in U_C1; PL4 (2019-06-30) and PL3 (2019-07-01) not started
    rows = run("supporters_per_unit", as_of="2019-02-01")
    assert [r["unit"] for r in rows] == ["Central arbetsträning", "Norrby träffpunkt"]  # by supporters
    units = keyed(rows, "unit")
    assert (units["Norrby träffpunkt"]["supporters"], units["Norrby träffpunkt"]["meets_target"]) == (2, True)
    assert (units["Central arbetsträning"]["supporters"], units["Central arbetsträning"]["meets_target"]) == (1, False)
    assert all(r["target"] == 2 for r in rows)
    assert units["Norrby träffpunkt"]["basis"] == "derived"  # PL2 derived
    assert units["Norrby träffpunkt"]["sources"] == "SRC_A, SRC_B"  # PL1, PL2
    assert units["Norrby träffpunkt"]["target_source"] == "SRC_A"  # R1 has indicator supporters_per_unit


def test_supporters_per_unit_target_one():
    units = per_unit("2019-02-01", target=1)
    assert {u: (r["target"], r["meets_target"]) for u, r in units.items()} == {
        "Norrby träffpunkt": (1, True),  # 2 >= 1
        "Central arbetsträning": (1, True),  # 1 >= 1
    }


@pytest.mark.parametrize("as_of, expected", [
    ("2019-03-01", {"Norrby träffpunkt": 2, "Central arbetsträning": 1}),  # PL1's last day still counts
    ("2019-03-02", {"Norrby träffpunkt": 1, "Central arbetsträning": 1}),  # PL1 has ended
    # PL4 starts on as_of; PL3 starts the day after
    ("2019-06-30", {"Norrby träffpunkt": 1, "Norrby stödboende": 1, "Central arbetsträning": 1}),
    # PL4 ended 2019-12-31; PL5 ended 2020-12-31; open PL2 and PL3 remain
    ("2021-01-01", {"Norrby träffpunkt": 1, "Söderby aktivitetshus": 1}),
])
def test_supporters_per_unit_only_active_placements(as_of, expected):
    assert {u: r["supporters"] for u, r in per_unit(as_of).items()} == expected


@pytest.mark.parametrize("as_of", ["2017-12-31", "2022-01-01"])
def test_a_date_outside_the_data_is_refused_not_answered_empty(as_of):
    # the fixture's span: PL1 starts 2018-01-01; the last period ends 2021-12-31
    with pytest.raises(ParameterError, match="utanför datans datum \\(2018-01-01–2021-12-31\\)"):
        per_unit(as_of)


@pytest.mark.parametrize("as_of, expected_absent", [
    ("2019-04-15", {"Norrby träffpunkt": 1, "Central arbetsträning": 0}),  # AB1 (PL2); AB2 over, AB3 not begun
    ("2019-05-01", {"Norrby träffpunkt": 0, "Central arbetsträning": 0}),  # AB1 ended 2019-04-30
    # default as_of 2020-06-30: AB3 is open-ended on PL5; Norrby's open PL2 is known only to SRC_B's 2019-12-31,
    # so on 2020-06-30 it is an observation of that date, and whether anyone is absent now is not known
    (None, {"Norrby träffpunkt": None, "Söderby aktivitetshus": 0, "Central arbetsträning": 1}),
])
def test_supporters_per_unit_absent(as_of, expected_absent):
    assert {u: r["absent"] for u, r in per_unit(as_of).items()} == expected_absent


def test_supporters_per_unit_filters():
    assert list(per_unit("2019-02-01", area="hq")) == ["Central arbetsträning"]
    assert list(per_unit("2019-02-01", area="Norrby")) == ["Norrby träffpunkt"]
    assert list(per_unit("2019-06-30", unit_type="stödboende")) == ["Norrby stödboende"]


# --- funding_horizon ---------------------------------------------------------------------------------


def test_funding_horizon():
    rows = run("funding_horizon", as_of="2020-06-30")
    # agreement = the dnr, NULL where none is published (never the internal id); ordered by period_start
    assert [r["agreement"] for r in rows] == [None, "DNR-2019", None, "DNR-2021", None]
    by = {r["agreement"] or {2018: "F4", 2020: "F2", 2021: "F5"}[r["period_start"].year]: r for r in rows}

    expected = {
        # agreement: (lead_time_days = period_start - decided_on, days_left = period_end - 2020-06-30, decided_by_as_of)
        "F4": (None, -(365 + 182), True),  # no decision date; 2018-12-31 -> 2019-12-31 -> 2020-06-30 (31+29+31+30+31+30)
        "DNR-2019": (-(31 + 14), -182, True),  # 2019-01-01 - 2019-02-15: decided 45 days after its start
        "F2": (10 + 31 + 1, 184, True),  # 2019-11-20 -> 2020-01-01; 2020-06-30 -> 2020-12-31 (31+31+30+31+30+31)
        "DNR-2021": (None, 365, False),  # decided 2020-09-01, after as_of: the decision is not known yet
        "F5": (None, 365 + 184, False),  # expected, not decided; 2020-06-30 -> 2021-06-30 -> 2021-12-31
    }
    for agreement, (lead, days_left, decided) in expected.items():
        row = by[agreement]
        assert row["lead_time_days"] == lead, agreement
        assert row["days_left"] == days_left, agreement
        assert row["months_left"] == pytest.approx(round(days_left / MONTH, 1)), agreement
        assert row["decided_by_as_of"] is decided, agreement
    # spot-check the rounding by hand: -547 / 30.4375 = -17.97 -> -18.0; 184 / 30.4375 = 6.045 -> 6.0
    assert by["F4"]["months_left"] == pytest.approx(-18.0)
    assert by["F2"]["months_left"] == pytest.approx(6.0)
    assert by["F4"]["sources"] == "SRC_A"  # no decision source: NULL dropped
    assert by["DNR-2021"]["sources"] == "SRC_C"  # source and decision source are the same document
    assert by["F4"]["amount_sek"] is None and by["F2"]["amount_sek"] == 1_200_000


# --- funding_summary ---------------------------------------------------------------------------------

# as_of: (secured_until, secured_days_left, decided_agreements, one_year_agreements, next_start, sources)
FUNDING_SUMMARY = {
    # F1 not decided yet (2019-02-15) and F4 ended: no covering agreement -> nothing secured.
    # Decided: F4 only (no decision date, its period has begun).
    "2019-01-15": (None, None, 1, 1, date(2019, 1, 1), "SRC_A"),   # days left unknown, never 0 (issue 25)
    # F1 covers; F2 (decided 2019-11-20) does not count yet. 2019-06-01 -> 2019-12-31: 29 + 184 days.
    "2019-06-01": (date(2019, 12, 31), 29 + (31 + 31 + 30 + 31 + 30 + 31), 2, 2, date(2020, 1, 1), "SRC_A"),
    # F2's decision day counts: chain F1 -> F2. 2019-11-20 -> 2019-12-31 = 41, + 366 (2020).
    "2019-11-20": (date(2020, 12, 31), 41 + 366, 3, 3, date(2021, 1, 1), "SRC_A, SRC_B"),
    # default as_of: F3 decided 2020-09-01 does not secure 2021 yet.
    "2020-06-30": (date(2020, 12, 31), 184, 3, 3, date(2021, 1, 1), "SRC_A, SRC_B"),
    # chain F2 -> F3 (2021-01-01 = 2020-12-31 + 1). 2020-09-01 -> 2020-12-31 = 121, + 181 (Jan-Jun 2021).
    # F3 lasts 181 days, so 3 of 4 decided agreements are one year long.
    "2020-09-01": (date(2021, 6, 30), 121 + 181, 4, 3, date(2021, 7, 1), "SRC_A, SRC_B, SRC_C"),
    # after F3: only the expected F5 covers as_of -> nothing secured.
    "2021-08-01": (None, None, 4, 3, date(2021, 7, 1), "SRC_A, SRC_B, SRC_C"),
}


@pytest.mark.parametrize("as_of", list(FUNDING_SUMMARY))
def test_funding_summary(as_of):
    secured_until, days, decided, one_year, next_start, sources = FUNDING_SUMMARY[as_of]
    [row] = run("funding_summary", as_of=as_of)
    assert row["secured_until"] == secured_until
    assert row["secured_days_left"] == days
    assert row["secured_months_left"] == (None if days is None else pytest.approx(round(days / MONTH, 1)))
    assert row["decided_agreements"] == decided
    assert row["one_year_agreements"] == one_year
    assert row["one_year_share"] == pytest.approx(one_year / decided)
    assert row["next_period_start"] == next_start
    # the next period is either decided later than as_of (F1, F2, F3) or only expected (F5)
    assert row["next_period_status"] == "expected"
    assert row["sources"] == sources
    assert row["as_of"] == date.fromisoformat(as_of)


def test_funding_summary_hand_values():
    # the same numbers as literals, worked out on paper
    [row] = run("funding_summary", as_of="2020-09-01")
    assert row["secured_days_left"] == 302
    assert row["secured_months_left"] == pytest.approx(9.9)  # 302 / 30.4375 = 9.92
    assert row["one_year_share"] == pytest.approx(0.75)  # F4, F1, F2 of F4, F1, F2, F3
    [row] = run("funding_summary")  # default as_of 2020-06-30
    assert row["secured_until"] == date(2020, 12, 31) and row["secured_months_left"] == pytest.approx(6.0)


# --- survey_outcome_shares ---------------------------------------------------------------------------


def shares(**params) -> dict:
    return keyed(run("survey_outcome_shares", **params), "option")


def test_survey_outcome_shares_default_threshold():
    frame = indicators.run("survey_outcome_shares")
    assert "threshold" not in frame.attrs["params"]   # configuration (5 by default), not a parameter
    rows = records(frame)
    assert [r["option"] for r in rows] == ["Nöjd", "Missnöjd", "Vet ej", "Boende", "Arbete"]
    by = keyed(rows, "option")

    # Q1 microdata: 10 respondents, 6 chose Nöjd, 4 Missnöjd, 0 Vet ej. Missnöjd 4 < 5 and Vet ej 0 < 5; Nöjd's
    # 6 would tell that 10 - 6 = 4 did not choose it, so it is suppressed too. N is hidden with the count: for a
    # question with one option N is that option's count.
    for option in ("Nöjd", "Missnöjd", "Vet ej"):
        row = by[option]
        assert row["basis"] == "microdata" and row["suppressed"] is True, option
        assert row["selected"] is None and row["share"] is None, option
        assert row["ci_low"] is None and row["ci_high"] is None, option
        assert row["respondents"] is None, option

    # Q2 published: 2 of 5 is small but public, never suppressed
    boende = by["Boende"]
    assert (boende["basis"], boende["count_basis"], boende["suppressed"]) == ("published", "derived", False)
    assert (boende["selected"], boende["respondents"], boende["share"]) == (2, 5, pytest.approx(0.4))
    assert boende["ci_low"] == pytest.approx(wilson(2, 5)[0])
    assert boende["share_wording"] == "40 procent" and boende["sources"] == "SRC_B"
    # published share without a count: the share as published, no interval (it would claim a precision the
    # document does not give)
    arbete = by["Arbete"]
    assert arbete["selected"] is None and arbete["share"] == pytest.approx(0.6)
    assert (arbete["ci_low"], arbete["ci_high"]) == (None, None)
    assert arbete["suppressed"] is False and arbete["count_basis"] == "documented"


def test_survey_outcome_shares_shown_cell_has_its_wilson_interval(monkeypatch):
    monkeypatch.setenv("PEER_SUPPRESSION_THRESHOLD", "4")   # 6 and its complement 4 are not below 4
    nojd = shares()["Nöjd"]
    assert (nojd["basis"], nojd["count_basis"], nojd["suppressed"]) == ("microdata", "microdata", False)
    assert (nojd["selected"], nojd["respondents"]) == (6, 10)
    assert nojd["share"] == pytest.approx(6 / 10)
    low, high = wilson(6, 10)
    assert (nojd["ci_low"], nojd["ci_high"]) == (pytest.approx(low), pytest.approx(high))
    assert (nojd["ci_low"], nojd["ci_high"]) == (pytest.approx(0.3127, abs=1e-4), pytest.approx(0.8318, abs=1e-4))
    assert nojd["sources"] == "SRC_D"


@pytest.mark.parametrize("threshold, shown", [
    (4, {"Nöjd", "Missnöjd"}),  # 4 is not below 4; complements 4 and 6 neither
    (5, set()),  # Missnöjd 4 < 5; Nöjd's complement 4 < 5
    (6, set()),  # 6 is not below 6, but its complement 4 is
    (7, set()),  # 6 < 7
    (0, {"Nöjd", "Missnöjd", "Vet ej"}),  # nothing is below 0
])
def test_survey_outcome_shares_threshold(threshold, shown, monkeypatch):
    monkeypatch.setenv("PEER_SUPPRESSION_THRESHOLD", str(threshold))
    by = shares()
    microdata = {o for o, r in by.items() if r["basis"] == "microdata" and not r["suppressed"]}
    assert microdata == shown
    # published rows are never suppressed, whatever the threshold
    assert not by["Boende"]["suppressed"] and by["Boende"]["selected"] == 2


def test_the_threshold_cannot_be_lowered_by_a_caller(cli):
    with pytest.raises(ParameterError, match="threshold"):
        indicators.run("survey_outcome_shares", threshold=0)
    result = cli("indicator", "survey_outcome_shares", "--param", "threshold=0")
    assert result.returncode == 2 and "threshold" in result.stderr


@pytest.mark.parametrize("threshold, shown, why", [
    # Missnöjd 4 < 5, Vet ej 0 < 5, Nöjd's complement 10 - 6 = 4 < 5: all three by the primary rule
    (5, set(), {"Nöjd": "litet komplement", "Missnöjd": "litet tal", "Vet ej": "litet tal"}),
    # Vet ej 0 < 4 alone would follow from N: 10 - 6 - 4 = 0. The smallest shown cell (Missnöjd 4) joins it, and
    # the two hidden cells add up to 4, not below 4: Nöjd 6 of 10 is shown (it was hidden with the whole question)
    (4, {"Nöjd"}, {"Missnöjd": "sekundär: skulle annars kunna räknas fram ur N", "Vet ej": "litet tal"}),
    (1, {"Nöjd"}, {"Missnöjd": "sekundär: skulle annars kunna räknas fram ur N", "Vet ej": "litet tal"}),
    (0, {"Nöjd", "Missnöjd", "Vet ej"}, {}),         # nothing is below 0
])
def test_single_choice_question_hides_only_what_the_rule_requires(tmp_path, monkeypatch, threshold, shown, why):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    questions = seeds / "survey_question.csv"
    questions.write_text(questions.read_text(encoding="utf-8").replace(
        "Hur nöjd är du med stödet?,true,", "Hur nöjd är du med stödet?,false,"), encoding="utf-8")
    path = tmp_path / "single.duckdb"
    build_database(path, seeds)
    monkeypatch.setenv("PEER_DB", str(path))
    monkeypatch.setenv("PEER_SUPPRESSION_THRESHOLD", str(threshold))
    by = shares(question="Q1")
    assert {o for o, r in by.items() if not r["suppressed"]} == shown
    assert {o: r["suppressed_why"] for o, r in by.items() if r["suppressed"]} == why
    if "Nöjd" in shown:
        assert (by["Nöjd"]["selected"], by["Nöjd"]["respondents"]) == (6, 10)


@pytest.mark.parametrize("filters, expected", [
    ({"survey": "SV2"}, ["Boende", "Arbete"]),
    ({"survey": "Enkät Norrby 2019"}, ["Nöjd", "Missnöjd", "Vet ej"]),  # by title
    ({"question": "Q1"}, ["Nöjd", "Missnöjd", "Vet ej"]),
    ({"question": "Vad har du fått hjälp med?"}, ["Boende", "Arbete"]),  # by text
    ({"survey": "SV3"}, []),  # no questions
])
def test_survey_outcome_shares_filters(filters, expected):
    assert [r["option"] for r in run("survey_outcome_shares", **filters)] == expected


# --- survey_response ---------------------------------------------------------------------------------


def test_survey_response_rates():
    by = keyed(run("survey_response"), "survey_id")
    assert list(by) == ["SV1", "SV2", "SV3"]
    assert by["SV1"]["response_rate"] == pytest.approx(12 / 20)  # 0.6
    assert by["SV1"]["dropout_rate"] == pytest.approx(1 - 12 / 20)  # 0.4
    assert by["SV1"]["published_response_rate"] == pytest.approx(0.6)
    assert by["SV2"]["response_rate"] == pytest.approx(5 / 8)  # 0.625
    assert by["SV2"]["dropout_rate"] == pytest.approx(3 / 8)  # 0.375
    assert by["SV2"]["published_response_rate"] is None
    # population 0: no rate rather than a division error
    assert by["SV3"]["response_rate"] is None and by["SV3"]["dropout_rate"] is None


def test_survey_response_filter():
    assert [r["survey_id"] for r in run("survey_response", survey="Enkät Söderby 2019")] == ["SV2"]
    assert [r["survey_id"] for r in run("survey_response", survey="SV1")] == ["SV1"]


# --- supporter_gender --------------------------------------------------------------------------------


def test_supporter_gender_consistency_and_conflicts():
    rows = run("supporter_gender", as_of="2019-12-31")
    # G5 (observed 2020-03-01) is after as_of; order: observed_on, source, gender
    assert [(r["source"], r["gender"]) for r in rows] == [
        ("SRC_A", "kvinna"), ("SRC_A", "man"), ("SRC_B", "kvinna"), ("SRC_B", "man")]
    a_kvinna, a_man, b_kvinna, b_man = rows
    for row in (a_kvinna, a_man):  # 2 + 2 = 4, but the sentence says 3
        assert (row["total_by_gender"], row["stated_total"], row["consistent"]) == (4, 3, False)
        assert row["conflict_id"] == "K1"
    for row in (b_kvinna, b_man):  # 3 + 2 = 5 = stated 5
        assert (row["total_by_gender"], row["stated_total"], row["consistent"]) == (5, 5, True)
        # SRC_B is party to K1 (supporter_gender_count); its K2 is about funding_agreement and must not show
        assert row["conflict_id"] == "K1"


def test_supporter_gender_without_stated_total():
    rows = run("supporter_gender")  # default as_of 2020-06-30 includes G5
    assert len(rows) == 5
    g5 = rows[-1]
    assert (g5["source"], g5["supporters"], g5["total_by_gender"]) == ("SRC_C", 4, 4)
    assert g5["stated_total"] is None and g5["consistent"] is True  # nothing to contradict
    assert g5["conflict_id"] is None  # SRC_C is only in K2, on another fact table


# --- recommendations ---------------------------------------------------------------------------------


def test_recommendations_latest_status():
    by = keyed(run("recommendations"), "recommendation_id")
    assert list(by) == ["R1", "R2", "R3"]
    # R1: planerad 2019-01-01, pågående 2019-06-01, genomförd 2020-01-01 (listed out of date order)
    assert (by["R1"]["status"], by["R1"]["status_date"]) == ("genomförd", date(2020, 1, 1))
    assert by["R1"]["status_note"] == "Genomförd." and by["R1"]["status_basis"] == "documented"
    assert by["R1"]["sources"] == "SRC_A, SRC_C"  # the recommendation and its latest status
    assert by["R1"]["evaluation"] == "Utvärdering år ett (Utvärderare A, 2018)"
    assert (by["R2"]["status"], by["R2"]["status_basis"]) == ("pågående", "derived")
    # R3: no follow-up at all
    assert by["R3"]["status"] == "okänd" and by["R3"]["status_date"] is None
    assert by["R3"]["sources"] == "SRC_B"


@pytest.mark.parametrize("filters, expected", [
    ({"status": "pågående"}, ["R2"]),  # R1 also had 'pågående', but not as its latest status
    ({"status": "okänd"}, ["R3"]),
    ({"status": "genomförd"}, ["R1"]),
    ({"status": "planerad"}, []),
    ({"evaluation": "E1"}, ["R1", "R2"]),
    ({"evaluation": "E2", "status": "okänd"}, ["R3"]),
])
def test_recommendations_filters(filters, expected):
    assert [r["recommendation_id"] for r in run("recommendations", **filters)] == expected


# --- source_conflicts and sources --------------------------------------------------------------------


@pytest.mark.parametrize("as_of, expected", [
    # K1 needs SRC_A (2020-06-30) and SRC_B (2019-12-31); K2 SRC_B and SRC_C (2020-03-01)
    ("2020-06-30", [("K1", "SRC_A, SRC_B"), ("K2", "SRC_B, SRC_C")]),
    ("2020-03-01", [("K2", "SRC_B, SRC_C")]),
    ("2020-02-29", []),
])
def test_source_conflicts_from_when_both_documents_exist(as_of, expected):
    rows = run("source_conflicts", as_of=as_of)
    assert [(r["conflict_id"], r["sources"]) for r in rows] == expected


def test_sources_fact_rows():
    # citations per table, counted from the CSV files
    counts = {  # table: {source: rows}
        "area": {"SRC_A": 2, "SRC_B": 1},
        "unit": {"SRC_A": 3, "SRC_B": 1},
        "supporter": {"SRC_A": 5},
        "placement": {"SRC_A": 3, "SRC_B": 1, "SRC_C": 1},  # PL1, PL3, PL4 / PL2 / PL5
        "absence": {"SRC_C": 3},
        "supporter_gender_count": {"SRC_A": 2, "SRC_B": 2, "SRC_C": 1},
        "funding_agreement.source_id": {"SRC_A": 2, "SRC_B": 1, "SRC_C": 2},  # F1, F4 / F2 / F3, F5
        "funding_agreement.decision_source_id": {"SRC_A": 1, "SRC_B": 1, "SRC_C": 1},  # F1, F2, F3
        "evaluation": {"SRC_A": 1, "SRC_B": 1},
        "recommendation": {"SRC_A": 2, "SRC_B": 1},
        "recommendation_status": {"SRC_A": 1, "SRC_B": 2, "SRC_C": 1},
        "survey": {"SRC_A": 1, "SRC_B": 1, "SRC_C": 1},
        "survey_question": {"SRC_A": 1, "SRC_B": 1},
        "survey_option": {"SRC_A": 3, "SRC_B": 2},
        "survey_result": {"SRC_B": 2},
        "survey_response": {"SRC_D": 10},  # ten respondent rows
        "source_conflict": {"SRC_A": 1, "SRC_B": 2, "SRC_C": 1},  # K1 A/B, K2 B/C
        "data_gap": {"SRC_C": 1},
    }
    expected = {s: sum(c.get(s, 0) for c in counts.values()) for s in ("SRC_A", "SRC_B", "SRC_C", "SRC_D", "SRC_X")}
    assert expected == {"SRC_A": 28, "SRC_B": 19, "SRC_C": 12, "SRC_D": 10, "SRC_X": 0}  # the sums, on paper
    rows = run("sources")
    assert {r["source_id"]: r["fact_rows"] for r in rows} == expected
    undated = keyed(rows, "source_id")["SRC_X"]
    assert undated["dated"] is None and undated["fact_rows"] == 0


def test_default_as_of_is_latest_source_date():
    assert indicators.run("funding_summary").attrs["params"]["as_of"] == DEFAULT_AS_OF


# --- injection ---------------------------------------------------------------------------------------

PAYLOADS = [
    "x' or '1'='1",
    "'; drop table placement; --",
    'Farsta"; delete from unit; --',
    "Norrby'); delete from area where ('1'='1",
    "$area",
]
STRING_PARAMS = [
    (indicator.name, param.name)
    for indicator in indicators.REGISTRY.values()
    for param in indicator.params
    if param.kind is str
]


def test_string_params_are_collected():
    # guard: the list the injection test walks really holds the string filters (new ones join automatically)
    assert {p for _, p in STRING_PARAMS} >= {
        "area", "unit_type", "area_kind", "survey", "question", "status", "evaluation"}


def test_checksums_notice_a_change(fixture_db, baseline_checksums, tmp_path):
    # the oracle of the injection test: a deleted row changes the checksum of its table and no other
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(fixture_db, copy)
    con = duckdb.connect(str(copy))
    con.execute("delete from absence where absence_id = 'AB3'")
    con.close()
    changed = table_checksums(copy)
    assert changed["absence"] != baseline_checksums["absence"]
    assert {t: v for t, v in changed.items() if t != "absence"} == {
        t: v for t, v in baseline_checksums.items() if t != "absence"}


def test_injection_is_inert(fixture_db, baseline_checksums):
    assert baseline_checksums["placement"][0] == 5 and baseline_checksums["unit"][0] == 4
    for name, param in STRING_PARAMS:
        for payload in PAYLOADS:
            try:
                frame = indicators.run(name, **{param: payload})
            except ParameterError:
                continue
            # the value is a literal filter that matches nothing, not SQL (placements_over_time keeps a row
            # per period, with no area: nothing is known there; units_at_target is one row of counts: all zero)
            if name == "units_at_target":
                assert frame.iloc[0]["units_current"] == 0, (name, param, payload)
                continue
            matched = frame[frame["area"].notna()] if name == "placements_over_time" else frame
            assert len(matched) == 0, (name, param, payload)
    assert table_checksums(fixture_db) == baseline_checksums


# --- command line ------------------------------------------------------------------------------------

FORMATS = ("table", "csv", "json")
# One `python -m dashboard` subprocess costs about two seconds of imports: one goes through the real entry
# point, the usage errors and the indicator x format matrix run in-process through cli.main (same code path).
SUBPROCESS_RUNS = {"placements_per_stadsdel-table": ["indicator", "placements_per_stadsdel", "--format", "table"]}
USAGE_ERRORS = {
    "unknown_name": ["indicator", "no_such_indicator"],
    "unknown_param": ["indicator", "sources", "--param", "foo=1"],
    "invalid_date": ["indicator", "funding_horizon", "--as-of", "2020-13-01"],
    "from_after_to": ["indicator", "placements_per_stadsdel", "--from", "2019-12-31", "--to", "2019-01-01"],
}


@pytest.fixture(scope="module")
def cli_results(fixture_db):
    """The module entry itself, as a subprocess."""
    env = {**os.environ, "PEER_DB": str(fixture_db), "PEER_SEED_DIR": str(SEEDS)}
    env.pop("PEER_SUPPRESSION_THRESHOLD", None)
    return {case: subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT, env=env,
                                 capture_output=True, text=True, timeout=60) for case, args in SUBPROCESS_RUNS.items()}


def check_output(name: str, output_format: str, text: str) -> None:
    """The command line prints the indicator's rows (as many as the function returns with the same defaults) under
    the columns its SQL header declares."""
    frame = indicators.run(name)
    # the rule for staff data adds its flag where it protects a column (the command line always applies it)
    columns = list(sqlfiles.load(f"indicators/{name}").columns) + ([staff.FLAG] if staff.protects(name) else [])
    indicator = indicators.get(name)
    if output_format == "json":
        document = json.loads(text)
        assert set(document) == {"indicator", "params", "rows"}
        assert document["indicator"] == name
        assert list(document["params"]) == indicator.param_names
        assert len(document["rows"]) == len(frame)
        if document["rows"]:
            assert list(document["rows"][0]) == columns
    elif output_format == "csv":
        header, *body = list(csv.reader(io.StringIO(text)))
        assert header == columns
        assert len(body) == len(frame)
    else:
        first, *rest = text.splitlines()
        assert first.startswith(f"{indicator.label} ({name}) – ")
        assert rest[0].startswith("Parametrar: "), rest[0]
        body = rest[1:]
        assert body and (body[0].split()[0] == columns[0] if len(frame) else body == ["(inga rader)"])


@pytest.mark.parametrize("case", list(SUBPROCESS_RUNS))
def test_cli_subprocess_prints(cli_results, case):
    result = cli_results[case]
    _, name, _, output_format = SUBPROCESS_RUNS[case]
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    check_output(name, output_format, result.stdout)


def test_cli_unknown_indicator(cli):
    result = cli(*USAGE_ERRORS["unknown_name"])
    assert result.returncode == 2
    assert "no_such_indicator" in result.stderr
    for name in indicators.REGISTRY:
        assert name in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("case, mentions", [
    ("unknown_param", "foo"),
    ("invalid_date", "2020-13-01"),
    ("from_after_to", "2019-12-31"),
])
def test_cli_usage_errors(cli, case, mentions):
    result = cli(*USAGE_ERRORS[case])
    assert result.returncode == 2
    assert mentions in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize("name", list(indicators.REGISTRY))
def test_cli_every_indicator_every_format(capsys, name, output_format):
    assert cli.main(["indicator", name, "--format", output_format]) == 0
    check_output(name, output_format, capsys.readouterr().out)


def test_cli_json_values_content(capsys):
    assert cli.main(["indicator", "funding_summary", "--as-of", "2019-11-20", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    # the second clock is said too: as known on the data's own date (SRC_A's, 2020-06-30), all of it
    assert document["params"] == {"as_of": "2019-11-20", "known_on": "2020-06-30"}
    [row] = document["rows"]
    assert row["secured_until"] == "2020-12-31"  # chain F1 -> F2, see FUNDING_SUMMARY
    assert row["secured_days_left"] == 41 + 366
    assert row["one_year_share"] == 1.0  # F4, F1, F2 are all whole years


def test_cli_param_flag(capsys):
    args = ["indicator", "supporters_per_unit", "--as-of", "2019-02-01", "--param", "target=1", "--format", "json"]
    assert cli.main(args) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["params"]["target"] == 1
    assert [(r["unit"], r["meets_target"]) for r in document["rows"]] == [
        ("Central arbetsträning", True), ("Norrby träffpunkt", True)]
