"""Charts at scale: summaries instead of a bar per row."""

import pandas as pd

from dashboard import charts


def test_charts_summarise_when_a_bar_per_row_would_be_unreadable():
    """Above `ROWS_DRAWN` units or agreements the charts switch to a distribution and yearly totals."""
    units = pd.DataFrame({"unit": [f"E{i}" for i in range(45)], "area": "A", "sources": "SYN",
                          "supporters": [1] * 30 + [2] * 10 + [3] * 2 + [7, 8, 9]})
    units["meets_target"] = units["supporters"] >= 2
    units["supporters_min"] = units["supporters"]
    spec = charts.supporters_per_unit(units, 2).to_dict()
    rows = {r["grupp"]: (r["enheter"], r["läge"]) for r in next(iter(spec["datasets"].values()))}
    assert rows == {"1": (30, "under målet"), "2": (10, "når målet"), "3": (2, "når målet"),
                    "6 eller fler": (3, "når målet")}
    agreements = pd.DataFrame({
        "agreement": [f"D{i}" for i in range(41)], "funding_kind": "x",
        "period_start": pd.to_datetime(["2019-01-01"] * 20 + ["2020-01-01"] * 21),
        "status": ["decided"] * 41, "amount_sek": [100_000.0] * 20 + [None] * 21})
    spec = charts.funding_timeline(agreements).to_dict()
    rows = {r["år"]: (r["belopp"], r["överenskommelser"]) for r in next(iter(spec["datasets"].values()))}
    assert rows == {"2019": ("2,0 mnkr", 20), "2020": ("–", 21)}


def test_placements_over_time_keeps_seven_areas_and_sums_the_rest():
    areas = [f"O{i}" for i in range(10)]
    frame = pd.DataFrame({"bucket": "2019", "area": areas, "area_kind": "stadsdel",
                          "placements": [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], "supporters": 1, "sources": "S1"})
    rows = next(iter(charts.placements_over_time(frame).to_dict()["datasets"].values()))
    shown = {r["area"]: (r["placements"], None if pd.isna(r["supporters"]) else r["supporters"]) for r in rows}
    assert shown == {**{f"O{i}": (10 - i, 1) for i in range(7)}, "Övriga områden (3)": (6, None)}


def test_placements_over_time_draws_eight_areas_as_they_are():
    frame = pd.DataFrame({"bucket": "2019", "area": [f"O{i}" for i in range(8)], "area_kind": "stadsdel",
                          "placements": 1, "supporters": 1, "sources": "S1"})
    rows = next(iter(charts.placements_over_time(frame).to_dict()["datasets"].values()))
    assert sorted(r["area"] for r in rows) == [f"O{i}" for i in range(8)]
