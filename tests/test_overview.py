"""Overview key figures and alerts from small hand-made frames."""

import pandas as pd

from dashboard import overview


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


NO_CONFLICTS = pd.DataFrame({"topic": []})


def test_funding_alert_within_six_months_without_a_decision():
    alerts = overview.alerts(_units([2]), _funding(120, "unknown"), NO_CONFLICTS)
    assert [a.level for a in alerts] == ["error"]
    assert "120 dagar" in alerts[0].text


def test_no_funding_alert_when_next_period_is_decided_or_far_away():
    assert overview.alerts(_units([2]), _funding(120, "decided"), NO_CONFLICTS) == []
    assert overview.alerts(_units([2]), _funding(200, "unknown"), NO_CONFLICTS) == []


def test_lone_and_absent_supporters_and_conflicts_are_flagged():
    alerts = overview.alerts(_units([1, 2, 1], absent=[1, 0, 0]), _funding(300, "unknown"),
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
    assert alerts[-1].text == "1 verksamhet visas med senast kända uppgift, äldre än ett halvår: U0."
    figures = {f.label: f.value for f in overview.key_figures(
        pd.DataFrame(columns=["measure", "low", "high", "basis", "note"]), units, _funding(300, "unknown"),
        pd.DataFrame())}
    assert figures["Med aktuell placering"] == "1"
    assert figures["Når målet (minst två)"] == "okänt"   # U1's count is not published


def test_headcount_figures_show_ranges_lower_bounds_and_unknowns():
    headcount = pd.DataFrame({
        "measure": ["supporters", "units", "districts"], "low": pd.array([7, 7, None], dtype="Int64"),
        "high": pd.array([8, None, None], dtype="Int64"), "basis": ["documented", "derived", "unknown"],
        "note": ["avser 2018, S001", "avser 2018, S001", "ingen uppgift på eller före datumet"]})
    figures = overview.headcount_figures(headcount)
    assert [(f.label, f.value, f.note) for f in figures] == [
        ("Peer supportrar (anställda)", "7–8", "avser 2018, S001"),
        ("Verksamheter", "minst 7", "avser 2018, S001 (härlett)"),
        ("Stadsdelar", "–", "ingen uppgift på eller före datumet"),
    ]


def test_a_long_list_of_units_names_the_first_ten_and_counts_the_rest():
    alerts = overview.alerts(_units([1] * 1234), _funding(300, "unknown"), NO_CONFLICTS)
    assert alerts[0].text == ("1\u00a0234 verksamheter har en ensam peer supporter: U0, U1, U2, U3, U4, U5, U6, U7, "
                              "U8, U9 och 1\u00a0224 till (se tabellen).")
