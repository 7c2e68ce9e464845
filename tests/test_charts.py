"""Charts count what their titles say and their colours keep one meaning, asserted on the chart objects.

Head counts are the documents' own (../shared/seeds/): 001 "Under 2018 deltog mellan sju och åtta peer
supportrar"; 002 (augusti 2019) "För närvarande arbetar sju peer supportrar"; 000 (juni 2020) "i dagsläget sju
anställda som peer supports". Placements the sources mention: 002 names Skarpnäck and Hägersten-Liljeholmen
"under 2018", Farsta, Östermalm and Södermalm in June 2019 and Alfa and Bostad först "för närvarande" (August
2019); 004 has Aktivitetshuset (Södermalm) from September 2018 to March 2020. Nothing names a placement in
April–June 2020.
"""

import json
import re
from datetime import date

import pandas as pd
import pytest
from altair.vegalite.v6.schema.core import Root

from dashboard import indicators
from dashboard.charts import style as chart_style
from dashboard.charts.counts import headcount_trend, placements_over_time
from dashboard.charts.funding import funding_timeline
from dashboard.charts.scenario import cost_against_budget
from dashboard.charts.spec import vega_lite
from dashboard.charts.surveys import gender_by_source, survey_shares
from dashboard.charts.units import supporters_per_unit
from dashboard.scenario.baseline import load_baseline
from dashboard.scenario.figures import cost_frame
from dashboard.scenario.model import default_inputs, evaluate

GREY = chart_style.UNKNOWN_FILL


def datasets(chart) -> list[list[dict]]:
    return list(chart.to_dict()["datasets"].values())


def dataset_with(chart, key: str) -> list[dict]:
    """The chart's rows that carry `key` (a layer's own data)."""
    return next(rows for rows in datasets(chart) if rows and key in rows[0])


def text_of(chart, field: str) -> list[dict]:
    """The rows of the text layer that writes `field`."""
    spec = chart.to_dict()
    layer = next(layer for layer in spec["layer"] if layer.get("mark", {}).get("type") == "text"
                 and layer["encoding"]["text"]["field"] == field)
    return spec["datasets"][layer["data"]["name"]]


def colour_of(chart) -> dict[str, str]:
    """Category -> colour, from the colour scale of every layer (layers share one scale)."""
    spec, mapping = chart.to_dict(), {}
    for layer in spec.get("layer", [spec]):
        scale = layer.get("encoding", {}).get("color", {}).get("scale", {})
        mapping.update(zip(scale.get("domain", []), scale.get("range", [])))
    return mapping


def is_grey(colour: str) -> bool:
    red, green, blue = (colour.lstrip("#")[i:i + 2] for i in (0, 2, 4))
    return red == green == blue


def title(chart) -> str:
    return " ".join(chart.to_dict()["title"]["text"])


def over_time(**columns) -> pd.DataFrame:
    """A placements_over_time frame: one bucket, no documented head count unless given."""
    base = {"bucket": "2019", "bucket_start": "2019-01-01", "area_kind": "stadsdel", "supporters": 1,
            "basis": "documented", "sources": "S1", "headcount_low": None, "headcount_high": None,
            "headcount_refers_to": None, "headcount_sources": None}
    return pd.DataFrame({**base, **columns})


# --- scale ----------------------------------------------------------------------------------------------------

def test_charts_summarise_when_a_bar_per_row_would_be_unreadable():
    """Above `ROWS_DRAWN` units or agreements the charts switch to a distribution and yearly totals."""
    units = pd.DataFrame({"unit": [f"E{i}" for i in range(45)], "area": "A", "sources": "SYN",
                          "supporters": [1] * 30 + [2] * 10 + [3] * 2 + [7, 8, 9]})
    units["meets_target"] = units["supporters"] >= 2
    units["supporters_min"] = units["supporters"]
    spec = supporters_per_unit(units, 2).to_dict()
    rows = {r["grupp"]: (r["enheter"], r["läge"]) for r in next(iter(spec["datasets"].values()))}
    assert rows == {"1": (30, "under målet"), "2": (10, "når målet"), "3": (2, "når målet"),
                    "6 eller fler": (3, "når målet")}
    agreements = pd.DataFrame({
        "agreement": [f"D{i}" for i in range(41)], "funding_kind": "x",
        "period_start": pd.to_datetime(["2019-01-01"] * 20 + ["2020-01-01"] * 21),
        "status": ["decided"] * 20 + ["unknown"] * 21, "amount_sek": [100_000.0] * 20 + [None] * 21})
    chart = funding_timeline(agreements)
    rows = {r["år"]: (r["belopp"], r["överenskommelser"], r["etikett"]) for r in datasets(chart)[0]}
    assert rows == {"2019": ("2,0 mnkr", 20, "beslutad: 2,0 mnkr"), "2020": ("–", 21, "okänd: ej publicerat")}
    assert colour_of(chart)["okänd"] == GREY


def test_placements_over_time_keeps_six_areas_and_sums_the_rest():
    """Seven colours: the six areas with most placements and 'Övriga områden' (10 + … + 5 kept; 4+3+2+1 summed)."""
    frame = over_time(area=[f"O{i}" for i in range(10)], placements=[10, 9, 8, 7, 6, 5, 4, 3, 2, 1])
    rows = dataset_with(placements_over_time(frame), "bokstav")
    shown = {r["area"]: (r["placements"], r["bokstav"]) for r in rows}
    assert shown == {**{f"O{i}": (10 - i, "ABCDEF"[i]) for i in range(6)}, "Övriga områden (4)": (10, "G")}


def test_placements_over_time_draws_seven_areas_as_they_are():
    frame = over_time(area=[f"O{i}" for i in range(7)], placements=1)
    rows = dataset_with(placements_over_time(frame), "bokstav")
    assert sorted(r["area"] for r in rows) == [f"O{i}" for i in range(7)]
    # stacked one above the other in legend order, each lettered as in the legend
    assert [(r["y0"], r["y1"], r["serie"]) for r in sorted(rows, key=lambda r: r["y0"])] == [
        (i, i + 1, f"O{i} ({'ABCDEFG'[i]})") for i in range(7)]


# --- the documents' head count as the reference of placements -------------------------------------------------

def test_placements_over_time_per_year_reads_against_the_documented_head_count():
    chart = placements_over_time(indicators.run("placements_over_time", **{"from": "2018-01-01"},
                                                       as_of="2020-06-11"))
    labels = {r["bucket"]: (r["antal"], r["headcount_sources"]) for r in text_of(chart, "antal")}
    assert labels == {"2018": ("7–8", "S001"), "2019": ("7", "S002"), "2020": ("7", "S000")}
    ticks = sorted((r["bucket"], r["värde"]) for r in dataset_with(chart, "värde"))
    assert ticks == [("2018", 7), ("2018", 8), ("2019", 7), ("2020", 7)]   # both ends of 7–8, one tick for 7
    assert colour_of(chart)["peer supportrar enligt källorna"] == chart_style.REFERENCE
    assert chart.to_dict()["layer"][1]["encoding"]["y"]["scale"]["domain"] == [0, 9]   # 8 and room for "7–8"
    assert title(chart) == "Placeringar som källorna nämner (streck: peer supportrar i hela programmet)"


def test_placements_over_time_per_quarter_marks_periods_without_a_figure():
    """2018: 7–8 in each quarter (the figure is about the whole year); 2019 kv3: 7 (August); 2020 kv2: 7 (June
    2020). Other quarters have no head count ('–'). 2020 has no placement the sources mention (Aktivitetshuset's
    is last reported in December 2019; its end is not published): grey bands saying 'ingen uppgift', not empty
    slots."""
    frame = indicators.run("placements_over_time", **{"from": "2018-01-01"}, as_of="2020-06-11",
                           granularity="quarter")
    chart = placements_over_time(frame)
    labels = {r["bucket"]: r["antal"] for r in text_of(chart, "antal")}
    assert labels == {**{f"2018 kv{q}": "7–8" for q in range(1, 5)}, "2019 kv1": "–", "2019 kv2": "–",
                      "2019 kv3": "7", "2019 kv4": "–", "2020 kv1": "–", "2020 kv2": "7"}
    bands = dataset_with(chart, "uppgift")
    assert [(r["bucket"], r["text"], r["serie"]) for r in bands] == [
        (f"2020 kv{q}", "ingen uppgift", "ingen uppgift om placeringar") for q in (1, 2)]
    assert colour_of(chart)["ingen uppgift om placeringar"] == GREY
    placed = dataset_with(chart, "bokstav")
    assert {r["bucket"] for r in placed} == {f"{y} kv{q}" for y in (2018, 2019) for q in range(1, 5)}


def test_headcount_trend_draws_each_report_as_a_count():
    """A bar per report and measure whose height is the count: no bar length is a period."""
    chart = headcount_trend(indicators.run("headcount_trend", as_of="2020-06-11"))
    rows = [(r["när"], r["mått"], r["low"], r["antal"]) for r in datasets(chart)[0]]
    assert rows == [("2018", "Peer supportrar", 7, "7–8"), ("augusti 2019", "Peer supportrar", 7, "7"),
                    ("juni 2020", "Peer supportrar", 7, "7"), ("2018", "Verksamheter", 7, "7"),
                    ("juni 2019", "Verksamheter", 5, "5"), ("2018", "Stadsdelar", 2, "minst 2"),
                    ("september–december 2018", "Stadsdelar", 3, "minst 3"), ("juni 2019", "Stadsdelar", 3, "3")]
    bars = chart.to_dict()["layer"][0]
    assert bars["mark"]["type"] == "bar" and bars["encoding"]["y"]["field"] == "low" and "x2" not in bars["encoding"]
    assert bars["encoding"]["x"]["sort"] == ["2018", "september–december 2018", "juni 2019", "augusti 2019",
                                             "juni 2020"]
    assert title(chart) == "Antal som källorna anger (inget ifyllt mellan uppgifterna)"


# --- colours with meaning ------------------------------------------------------------------------------------

UNITS = pd.DataFrame({
    "unit": ["Alfa", "Beta", "Gamma"], "area": "A", "supporters": [None, 1, 2], "supporters_min": [1, 1, 2],
    "meets_target": [None, False, True], "status": ["last_known", "current", "current"],
    "refers_to": ["augusti 2019", "juni 2020", "juni 2020"], "absent": [None, None, None], "sources": "S002"})


def test_supporters_per_unit_shows_an_unpublished_count_as_grey_and_in_words():
    chart = supporters_per_unit(UNITS, 2)
    colours = colour_of(chart)
    assert colours["antal ej publicerat"] == GREY
    assert not any(is_grey(colours[state]) for state in ("når målet", "under målet"))
    labels = {r["unit"]: r["etikett"] for r in datasets(chart)[0]}
    assert labels["Alfa"].startswith("Alfa: minst 1 · antal ej publicerat")
    assert labels["Beta"].startswith("Beta: 1 · under målet")
    assert labels["Gamma"].startswith("Gamma: 2 · når målet")
    dash = chart.to_dict()["layer"][0]["encoding"]["strokeDash"]
    assert dash["condition"] == {"test": 'datum["läge"] === "antal ej publicerat"', "value": chart_style.UNKNOWN_DASH}


AGREEMENTS = pd.DataFrame({
    "agreement": ["D1", None], "funder": "Socialnämnden", "funding_kind": ["bidrag", "ej beslutad"],
    "amount_sek": [3_500_000.0, None], "period_start": pd.to_datetime(["2020-01-01", "2021-01-01"]),
    "period_end": pd.to_datetime(["2020-12-31", "2021-12-31"]), "status": ["decided", "unknown"],
    "decided_on": pd.to_datetime([None, None]), "lead_time_days": [None, None], "sources": "S000"})


def test_funding_timeline_greys_the_unknown_year_and_promises_no_diamond_it_cannot_draw():
    chart = funding_timeline(AGREEMENTS)
    assert colour_of(chart)["okänd"] == GREY and not is_grey(colour_of(chart)["beslutad"])
    assert "romb" not in title(chart) and "beslutsdatum publiceras inte" in title(chart)
    assert not any(layer.get("mark", {}).get("shape") == "diamond" for layer in chart.to_dict()["layer"])
    labels = [r["etikett"] for r in datasets(chart)[0]]
    assert labels == ["2020 · bidrag\n3,5 mnkr · beslutad",
                      "2021 · ej beslutad\nbelopp ej publicerat · status okänd"]


def test_the_funding_legend_lists_only_the_statuses_drawn_each_in_its_own_colour():
    """The seed has no expected agreement: its legend says nothing of 'förväntad'. Where one is drawn, 'beslutad'
    keeps the colour it had without it."""
    plain, with_expected = AGREEMENTS, AGREEMENTS.assign(status=["decided", "expected"])
    assert list(colour_of(funding_timeline(plain))) == ["beslutad", "okänd"]
    assert list(colour_of(funding_timeline(with_expected))) == ["beslutad", "förväntad"]
    assert colour_of(funding_timeline(with_expected))["beslutad"] == colour_of(funding_timeline(plain))["beslutad"]


def test_funding_timeline_draws_the_diamond_it_promises():
    decided = AGREEMENTS.assign(decided_on=pd.to_datetime(["2019-11-20", None]))
    chart = funding_timeline(decided)
    assert "romb: beslutsdatum" in title(chart)
    assert any(layer.get("mark", {}).get("shape") == "diamond" for layer in chart.to_dict()["layer"])
    assert datasets(chart)[0][0]["etikett"].endswith("beslutad 2019-11-20")


def test_gender_unknown_is_grey_and_every_count_is_in_words():
    frame = pd.DataFrame({"source": "S000", "observed_on": "2020-06-11", "scope": "anställda nu",
                          "gender": ["kvinna", "man", "okänt"], "supporters": [6, 1, 2], "stated_total": 7})
    chart = gender_by_source(frame)
    assert colour_of(chart)["okänt"] == GREY
    assert dataset_with(chart, "etikett") == [{
        "uppgift": "S000 2020-06-11 (anställda nu)",
        "etikett": "S000 2020-06-11 (anställda nu):\n6 kvinnor, 1 man, 2 okänt kön"}]


def test_no_category_but_unknown_is_grey_and_every_mark_keeps_its_contrast():
    """WCAG 1.4.11: outlines at 3:1 or more on white; 1.4.3: letters inside a mark at 4,5:1 or more."""
    assert not any(is_grey(colour) for colour in chart_style.PALETTE)
    assert chart_style.contrast(chart_style.OUTLINE, chart_style.BACKGROUND) >= 3
    assert chart_style.contrast(chart_style.UNKNOWN_STROKE, chart_style.BACKGROUND) >= 3
    for fill in [*chart_style.PALETTE, chart_style.UNKNOWN_FILL]:
        assert chart_style.contrast(chart_style.ink(fill), fill) >= 4.5, fill


EVERY_CHART = [
    lambda: placements_over_time(indicators.run("placements_over_time", **{"from": "2018-01-01"})),
    lambda: headcount_trend(indicators.run("headcount_trend")),
    lambda: supporters_per_unit(UNITS, 2),
    lambda: funding_timeline(AGREEMENTS),
    lambda: survey_shares(indicators.run("survey_outcome_shares")),
    lambda: gender_by_source(indicators.run("supporter_gender")),
]


@pytest.mark.parametrize("chart_of", [*EVERY_CHART, lambda: cost_against_budget(_scenario_costs(), 1)])
def test_every_chart_is_valid_vega_lite_and_its_spec_keeps_its_data(chart_of):
    """The pages draw a chart's spec written without validation (charts/spec.py): here every chart function's spec
    is validated against the Vega-Lite schema, and the spec drawn names the same data, as frames."""
    drawn = vega_lite(chart_of())
    assert drawn["datasets"] and all(isinstance(f, pd.DataFrame) for f in drawn["datasets"].values())
    as_json = json.loads(json.dumps({**drawn, "datasets": {name: frame.to_dict("records")
                                                           for name, frame in drawn["datasets"].items()}}, default=str))
    Root.validate(as_json)   # raises on a spec the Vega-Lite schema refuses
    spec = json.dumps({k: v for k, v in drawn.items() if k != "datasets"})
    named = set(re.findall(r'"name": "(data-\d+)"', spec))
    assert named == set(drawn["datasets"])   # every dataset the spec names is there, and no other


def _scenario_costs() -> pd.DataFrame:
    baseline = load_baseline(date(2020, 6, 11))
    return cost_frame(evaluate(default_inputs(baseline), baseline))


@pytest.mark.parametrize("chart_of", EVERY_CHART)
def test_legends_are_never_cut_and_symbols_are_outlined(chart_of):
    legend = chart_of().to_dict()["config"]["legend"]
    assert legend["labelLimit"] == 0 and legend["titleLimit"] == 0
    assert legend["columns"] == {"expr": "width < 560 ? 1 : 3"}   # one column on a phone
    assert legend["symbolStrokeColor"] == chart_style.OUTLINE and legend["symbolOpacity"] == 1
    axis = chart_of().to_dict()["config"]["axis"]   # Vega's grey axis text was 3,7:1
    assert all(chart_style.contrast(axis[part], chart_style.BACKGROUND) >= 4.5 for part in ("labelColor", "titleColor"))


def test_row_labels_wrap_to_fit_a_phone_instead_of_being_cut():
    long = "Enheten för Bostad först och försöks- och träningslägenheter"
    label = supporters_per_unit(UNITS.assign(unit=[long, "Beta", "Gamma"]), 2)
    first = next(r["etikett"] for r in datasets(label)[0] if r["unit"] == long)
    assert first.split("\n") == ["Enheten för Bostad först och försöks- och",
                                 "träningslägenheter: minst 1 · antal ej", "publicerat", "augusti 2019 (senast känt)"]
    text = next(layer for layer in label.to_dict()["layer"] if layer["mark"]["type"] == "text")
    assert text["mark"]["lineBreak"] == "\n" and "limit" not in text["mark"]
