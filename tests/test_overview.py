"""Overview key figures and alerts from small hand-made frames."""

from datetime import date

import pandas as pd
import pytest

from dashboard import counts, indicators, overview
from dashboard.decision import FundingDecision, funding_decision, situation


def _at_target(current: int, at: int, unknown: int, last_known: int = 0, planned: int = 0) -> pd.DataFrame:
    """The indicator `units_at_target` for units as `_units` makes them."""
    return pd.DataFrame({"units_current": [current], "at_target": [at], "target_unknown": [unknown], "target": [2],
                         "target_source": ["S001"], "units_last_known": [last_known], "units_planned": [planned]})


def _units(supporters, absent=None, status=None):
    """Units with an exact count (an int) or an unpublished one (None: at least one)."""
    count = len(supporters)
    return pd.DataFrame({"unit": [f"U{i}" for i in range(count)], "area": ["Farsta"] * count,
                         "area_kind": ["stadsdel"] * count, "supporters": pd.array(supporters, dtype="Int64"),
                         "supporters_min": [s or 1 for s in supporters],
                         "meets_target": [None if s is None else s >= 2 for s in supporters],
                         "absent": pd.array(absent or [0] * count, dtype="Int64"),
                         "status": status or ["current"] * count})


def _funding(days_left, next_status, until="2020-12-31"):
    return pd.DataFrame({"secured_until": [pd.Timestamp(until)], "secured_days_left": [days_left],
                         "secured_months_left": [round(days_left / 30.4375, 1)], "next_period_status": [next_status]})


def _decision(as_of, next_status="unknown", until=date(2020, 12, 31), notice=3):
    return FundingDecision(as_of, until, (until - as_of).days if until else 0, next_status == "decided", notice)


NO_CONFLICTS = pd.DataFrame({"topic": []})


def test_the_decision_date_gives_the_notice_before_funding_ends():
    # funding to 2020-12-31; three months' notice before 2021-01-01 means deciding by 2020-10-01
    assert _decision(date(2020, 6, 11)).decide_by == date(2020, 10, 1)
    assert _decision(date(2020, 6, 11), notice=6).decide_by == date(2020, 7, 1)
    assert _decision(date(2019, 6, 30), until=date(2019, 12, 31), notice=1).decide_by == date(2019, 12, 1)


def test_an_undecided_next_period_is_always_flagged_and_an_error_once_the_date_has_passed():
    warning = overview.funding_alert(_decision(date(2020, 6, 11)))
    assert warning.level == "warning" and warning.text == (
        "Finansieringen är säkrad t.o.m. 2020-12-31 (per 2020-06-11: 203 dagar kvar) och nästa period är inte "
        "beslutad: beslut behövs senast 2020-10-01 för 3 månaders framförhållning.")
    late = overview.funding_alert(_decision(date(2020, 10, 2)))
    assert late.level == "error" and "behövdes beslut senast 2020-10-01" in late.text
    assert overview.funding_alert(_decision(date(2020, 6, 11), "decided")) is None
    # no decided agreement known for the date: unknown, not absent (issue 25) — a warning that says so
    unknown = overview.funding_alert(_decision(date(2021, 2, 1), until=None))
    assert unknown.level == "warning" and "okänt, inte att den saknas" in unknown.text


def test_the_decision_is_read_from_a_funding_summary_row():
    row = _funding(203, "unknown").iloc[0]
    assert funding_decision(row, date(2020, 6, 11)) == _decision(date(2020, 6, 11))


def _headcount(supporters=(7, 7, "avser juni 2020, S000"), units=(5, 5, "S001", "juni 2019"),
               districts=(3, 3, "S002", "juni 2019"), status="last_known", basis="documented",
               stated="Anställda peer supportrar"):
    """A `headcount` frame: the employed (low, high, note); units and districts (low, high, source, refers_to)."""
    return pd.DataFrame({
        "measure": ["supporters", "units", "districts"],
        "low": pd.array([supporters[0], units[0], districts[0]], dtype="Int64"),
        "high": pd.array([supporters[1], units[1], districts[1]], dtype="Int64"),
        "basis": ["documented", basis, basis], "status": ["current", status, status],
        "sources": ["S000", units[2], districts[2]], "refers_to": ["juni 2020", units[3], districts[3]],
        "note": [supporters[2], f"senast känt {units[3]}, {units[2]}", f"senast känt {districts[3]}, {districts[2]}"],
        "stated_as": [stated, "Verksamheter", "Stadsdelar"]})


def test_the_situation_in_one_paragraph():
    units = _units([None, None], status=["last_known", "last_known"])
    text = situation(_headcount(), units, _decision(date(2020, 6, 11)))
    assert text == ("Per 2020-06-11: 7 anställda peer supportrar (avser juni 2020, S000). Finansieringen är "
                    "säkrad t.o.m. 2020-12-31 (per 2020-06-11: 203 dagar kvar). Nästa period är inte beslutad. För 3 "
                    "månaders framförhållning behövs beslut senast 2020-10-01. Verksamheter: 5 enligt S001 (senast "
                    "känt juni 2019); 2 med känd enhet; ingen aktuell på datumet (se Enheter). Stadsdelar: 3 enligt "
                    "S002 (senast känt juni 2019); 1 med känd enhet.")


def test_lone_and_absent_supporters_and_conflicts_are_flagged():
    alerts = overview.alerts(_units([1, 2, 1], absent=[1, 0, 0]), _decision(date(2020, 1, 1), "decided"),
                             pd.DataFrame({"topic": ["Peer supportrar efter kön"]}))
    assert [a.level for a in alerts] == ["warning", "warning", "info"]
    assert alerts[0].text.startswith("2 verksamheter har en ensam peer supporter: U0, U2")
    assert alerts[1].text == "1 peer supporter frånvarande: U0."
    assert alerts[2].text == "1 uppgift där källorna säger emot varandra: Peer supportrar efter kön."


def test_a_unit_whose_count_is_unpublished_is_never_called_lone():
    """002 only says Farsta 'had peer support': the unit may have had two (001 names one such unit)."""
    alerts = overview.unit_alerts(_units([None, 1]))
    assert [a.level for a in alerts] == ["warning", "info"]
    assert alerts[0].text == "1 verksamhet har en ensam peer supporter: U1."
    assert alerts[1].text.startswith("För 1 verksamhet publiceras inte hur många peer supportrar de har (U0)")


def test_a_unit_known_only_from_an_old_report_is_not_counted_as_current():
    units = _units([1, None], status=["last_known", "current"])
    alerts = overview.unit_alerts(units)
    assert not any("ensam" in a.text and "U0" in a.text for a in alerts)
    assert alerts[-1].text == "1 verksamhet visas med senast kända uppgift, äldre än 183 dagar: U0."
    figures = {f.label: f for f in overview.key_figures(_headcount(), units, _at_target(1, 0, 1, last_known=1),
                                                        _funding(300, "unknown"), pd.DataFrame(columns=["scope"]))}
    assert figures["Med aktuell placering"].value == "1"
    assert figures["Med aktuell placering"].note == "verksamheter med aktuell uppgift på datumet, av 2 med känd enhet"
    assert figures["Når målet (minst två)"].value == "okänt"   # U1's count is not published


def test_key_figures_show_ranges_lower_bounds_and_unknowns_beside_the_named_units():
    headcount = _headcount(supporters=(7, 8, "avser 2018, S001"), units=(7, 7, "S001", "2018"),
                           districts=(None, None, "", ""), status="current", basis="derived",
                           stated="Peer supportrar i projektet")   # 001: 'deltog' during 2018, not 'anställda'

    figures = overview.key_figures(headcount, _units([None, None]), _at_target(2, 0, 2), _funding(300, "unknown"),
                                   pd.DataFrame(columns=["scope"]))
    assert [(f.label, f.value, f.note) for f in figures[:3]] == [
        ("Peer supportrar", "7–8", "peer supportrar i projektet; avser 2018, S001"),
        ("Verksamheter", "7", "7 enligt S001 (härlett); 2 med känd enhet"),
        ("Stadsdelar", "–", "antal ej angivet i källorna; 1 med känd enhet"),
    ]


def test_a_long_list_of_units_names_the_first_ten_and_counts_the_rest():
    alerts = overview.alerts(_units([1] * 1234), _decision(date(2020, 1, 1), "decided"), NO_CONFLICTS)
    assert alerts[0].text == ("1\u00a0234 verksamheter har en ensam peer supporter: U0, U1, U2, U3, U4, U5, U6, U7, "
                              "U8, U9 och 1\u00a0224 till (se tabellen).")


@pytest.mark.parametrize("as_of,expected", [
    # 002 (August 2019): Farsta, Östermalm (June 2019), Alfa and Bostad först 'för närvarande', each only 'had peer
    # support' (at least one); 004: Aktivitetshuset had one. Five current, none known at two, four not settled.
    ("2019-08-15", (5, 0, 4, "okänt")),
    # Nothing names a placement in April–June 2020: no current unit, nothing to count.
    ("2020-06-11", (0, 0, 0, "–")),
])
def test_units_at_target_is_an_indicator_the_card_formats(as_of, expected):
    frame = indicators.run("units_at_target", as_of=as_of)
    row = frame.iloc[0]
    card = overview._at_target_figure(frame, "")
    assert (row["units_current"], row["at_target"], row["target_unknown"], card.value) == expected
    assert card.label == "Når målet (minst två)"
    # the card 'Med aktuell placering' formats the same indicator; the situation's sentence (counts.programme over
    # supporters_per_unit) says the same numbers
    programme = counts.programme(indicators.run("headcount", as_of=as_of),
                                 indicators.run("supporters_per_unit", as_of=as_of))
    assert (programme.units.current, programme.units.named, programme.units.planned) == (
        row["units_current"], row["units_current"] + row["units_last_known"], row["units_planned"])
