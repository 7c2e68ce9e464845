"""Overview key figures and alerts from small hand-made frames."""

from datetime import date

import pandas as pd

from dashboard import overview


def _units(supporters, absent=None):
    count = len(supporters)
    return pd.DataFrame({"unit": [f"U{i}" for i in range(count)], "area": ["Farsta"] * count,
                         "area_kind": ["stadsdel"] * count, "supporters": supporters,
                         "meets_target": [s >= 2 for s in supporters], "absent": absent or [0] * count})


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
    assert alerts[0].text.startswith("2 enheter har en ensam peer supporter: U0, U2")
    assert "1 peer supporter(s) frånvarande: U0" in alerts[1].text


def test_headcount_is_the_latest_documented_on_or_before_the_date():
    figures = pd.DataFrame({
        "measure": ["Peer supportrar i arbete", "Anställda peer supportrar", "Deltagande verksamheter"],
        "observed_on": [pd.Timestamp("2019-08-15"), pd.Timestamp("2020-06-11"), pd.Timestamp("2019-06-01")],
        "value_low": [7.0, 7.0, 5.0], "refers_to": ["augusti 2019", "juni 2020", "våren 2019"],
        "sources": ["S002", "S000", "S001"],
    })
    assert overview.headcount(figures, date(2020, 1, 1))["sources"] == "S002"
    assert overview.headcount(figures, date(2020, 6, 11))["sources"] == "S000"
    assert overview.headcount(figures, date(2019, 1, 1)) is None


def test_a_long_list_of_units_names_the_first_ten_and_counts_the_rest():
    alerts = overview.alerts(_units([1] * 1234), _funding(300, "unknown"), NO_CONFLICTS)
    assert alerts[0].text == ("1\u00a0234 enheter har en ensam peer supporter: U0, U1, U2, U3, U4, U5, U6, U7, U8, U9 "
                              "och 1\u00a0224 till (se tabellen).")
