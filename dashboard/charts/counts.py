"""Counts over time, drawn as counts and titled with what they count.

`headcount_trend`: the documents' own head counts (peer supporters, units, districts), one bar per report whose
height is the count. `placements_over_time`: the placements the sources happen to mention, per area, against the
documented head count of the whole programme; a period the sources say nothing about is a grey band saying so,
never an empty slot or a short bar that reads as a programme in collapse.
"""

import math
import string

import altair as alt
import pandas as pd

from dashboard.base import formatting as fmt
from dashboard.charts import style
from dashboard.columns import MEASURE_LABELS

NO_FIGURE = "ingen uppgift om placeringar"
PROGRAMME = "peer supportrar enligt källorna"
OTHERS = "Övriga områden"
KEPT_AREAS = len(style.PALETTE) - 1   # the last colour is for the other areas summed
HEIGHT = 260
MEASURES = list(MEASURE_LABELS.values())
MONTHS = style.SWEDISH_LOCALE["time"]["months"]
# Period labels upright on a phone, where side by side Vega dropped every other one.
X_LABELS = {"labelAngle": alt.ExprRef(f"{style.PHONE} ? -90 : 0"),
            "labelAlign": alt.ExprRef(f"{style.PHONE} ? 'right' : 'center'"),
            "labelBaseline": alt.ExprRef(f"{style.PHONE} ? 'middle' : 'top'")}


@style.drawn
def placements_over_time(frame: pd.DataFrame) -> alt.Chart:
    """Stacked bars of the placements the sources mention per area, each segment lettered as in the legend;
    black ticks at the documents' head count of the whole programme ('7–8'); grey bands where no placement
    is mentioned."""
    buckets = _buckets(frame)
    placed = _largest_areas(frame[frame["placements"].notna()], KEPT_AREAS)
    areas = sorted(placed["area"].unique(), key=lambda area: (area.startswith(OTHERS), area))
    letters = {area: string.ascii_uppercase[i] for i, area in enumerate(areas)}
    series = {area: f"{area} ({letters[area]})" for area in areas}
    empty = buckets[~buckets["placed"]]
    reported = buckets[buckets["headcount_low"].notna()]
    colours = style.colours(list(series.values()), (NO_FIGURE,) * (not empty.empty),
                            (PROGRAMME,) * (not reported.empty))
    segments = _stacked(placed, letters, series, colours)
    top = _top(segments["y1"], reported)
    x = alt.X("bucket:N", title="Period", sort=buckets["bucket"].tolist(), axis=alt.Axis(**X_LABELS))
    colour = alt.Color("serie:N", title=None, scale=style.scale(colours))
    y_scale = alt.Scale(domain=[0, top])
    layers = [_no_figure_bands(empty, x, colour, top)] if not empty.empty else []
    bars = alt.Chart(segments).mark_bar(stroke=style.OUTLINE, strokeWidth=1).encode(
        x=x, y=alt.Y("y0:Q", title="Antal", scale=y_scale, axis=alt.Axis(tickMinStep=1, format="d")), y2="y1:Q",
        color=colour,
        tooltip=[alt.Tooltip("bucket:N", title="Period"), alt.Tooltip("area:N", title="Område"),
                 alt.Tooltip("placements:Q", title="Placeringar som källorna nämner"),
                 alt.Tooltip("supporters:Q", title="Peer supportrar"), alt.Tooltip("sources:N", title="Källor")])
    letters_on_bars = alt.Chart(segments).mark_text(baseline="middle").encode(
        x=x, y=alt.Y("mitt:Q", scale=y_scale), text="bokstav:N", fill=alt.Fill("text_färg:N", scale=None))
    layers += [bars, letters_on_bars]
    if not reported.empty:
        layers += _reference(buckets, x, colour, y_scale)
    return style.finish(alt.layer(*layers).properties(height=HEIGHT),
                        ["Placeringar som källorna nämner", "(streck: peer supportrar i hela programmet)"])


def _buckets(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per period in order: whether any placement is mentioned, and the programme's head count."""
    return frame.groupby("bucket", sort=False).agg(
        placed=("placements", lambda v: v.notna().any()), headcount_low=("headcount_low", "first"),
        headcount_high=("headcount_high", "first"), headcount_refers_to=("headcount_refers_to", "first"),
        headcount_sources=("headcount_sources", "first")).reset_index()


def _stacked(placed: pd.DataFrame, letters: dict, series: dict, colours: dict) -> pd.DataFrame:
    """Each area's segment from y0 to y1, stacked in legend order, with its letter in black or white."""
    data = placed.assign(bokstav=placed["area"].map(letters), serie=placed["area"].map(series))
    data = data.sort_values("bokstav", kind="stable")
    data["y1"] = data.groupby("bucket")["placements"].cumsum()
    data["y0"] = data["y1"] - data["placements"]
    data["mitt"] = (data["y0"] + data["y1"]) / 2
    data["text_färg"] = data["serie"].map(colours).map(style.ink)
    return data


def _top(stacked_tops: pd.Series, reported: pd.DataFrame) -> int:
    """The y axis: the highest stack or reported count, and room above it for the count's label."""
    highest = pd.concat([stacked_tops, reported["headcount_low"], reported["headcount_high"]]).max()
    return (0 if pd.isna(highest) else math.ceil(highest)) + 1


def _no_figure_bands(empty: pd.DataFrame, x: alt.X, colour: alt.Color, top: int) -> alt.LayerChart:
    bands = empty.assign(y0=0, y1=top, mitt=top / 2, serie=NO_FIGURE, text="ingen uppgift",
                         uppgift="ingen uppgift i källorna")
    base = alt.Chart(bands).encode(x=x, tooltip=[alt.Tooltip("bucket:N", title="Period"),
                                                 alt.Tooltip("uppgift:N", title="Placeringar")])
    band = base.mark_bar(stroke=style.UNKNOWN_STROKE, strokeDash=style.UNKNOWN_DASH, strokeWidth=1).encode(
        y="y0:Q", y2="y1:Q", color=colour)
    text = base.mark_text(angle=270, baseline="middle", color=style.ink(style.UNKNOWN_FILL)).encode(
        y="mitt:Q", text="text:N")
    return band + text


def _reference(buckets: pd.DataFrame, x: alt.X, colour: alt.Color, y_scale: alt.Scale) -> list[alt.Chart]:
    """The documented head count: a black tick at each end of its range ('7–8'), its figure above; a period
    without one says '–' at the same height, as every table marks a missing figure."""
    reported = buckets[buckets["headcount_low"].notna()]
    data = reported.assign(
        serie=PROGRAMME, antal=[fmt.count_range(low, high) for low, high in
                                zip(reported["headcount_low"], reported["headcount_high"])],
        topp=reported["headcount_high"].fillna(reported["headcount_low"]))
    ends = pd.concat([data.assign(värde=data["headcount_low"]), data.assign(värde=data["topp"])])
    tooltip = [alt.Tooltip("bucket:N", title="Period"), alt.Tooltip("antal:N", title="Peer supportrar i programmet"),
               alt.Tooltip("headcount_refers_to:N", title="Avser"), alt.Tooltip("headcount_sources:N", title="Källa")]
    missing = buckets[buckets["headcount_low"].isna()].assign(antal=fmt.MISSING, topp=data["topp"].max(),
                                                              headcount_refers_to="ingen uppgift i källorna")
    ticks = alt.Chart(ends.drop_duplicates(["bucket", "värde"])).mark_tick(thickness=3, opacity=1).encode(
        x=x, y=alt.Y("värde:Q", scale=y_scale), color=colour, tooltip=tooltip)
    span = alt.Chart(data).mark_rule(color=style.REFERENCE, strokeWidth=2).encode(x=x, y="headcount_low:Q", y2="topp:Q")
    label = alt.Chart(pd.concat([data, missing])).mark_text(
        baseline="bottom", dy=-5, color=style.REFERENCE, fontWeight="bold").encode(
        x=x, y="topp:Q", text="antal:N", tooltip=tooltip)
    return [span, ticks, label]


def _largest_areas(frame: pd.DataFrame, kept: int) -> pd.DataFrame:
    """The `kept` areas with most placements by name, the rest summed as 'Övriga områden (n)': the palette has
    seven colours, and 870 colours in a legend say nothing."""
    totals = frame.groupby("area")["placements"].sum()
    if len(totals) <= kept + 1:
        return frame
    largest = totals.sort_values(ascending=False, kind="stable").index[:kept]
    others = f"{OTHERS} ({fmt.number(len(totals) - kept)})"
    rest = frame[~frame["area"].isin(largest)].groupby("bucket", as_index=False)["placements"].sum()
    # No supporter count: a supporter placed in two of the other areas would be counted twice.
    rest["area"], rest["supporters"], rest["sources"] = others, None, "se tabellen"
    return pd.concat([frame[frame["area"].isin(largest)], rest], ignore_index=True)


@style.drawn
def headcount_trend(frame: pd.DataFrame) -> alt.Chart:
    """The documents' head counts, a bar per report and measure whose height is the count: 7–8 peer supporters
    in 2018 (001), 7 in August 2019 (002), 7 in June 2020 (000). A range's unknown part is an outlined, dashed
    bar; nothing is drawn between reports. Each measure keeps its place in a report's group, and its name is
    written in its bar where it fits."""
    data = frame.assign(
        mått=frame["measure"].map(MEASURE_LABELS),
        när=[_when(start, end) for start, end in zip(frame["period_start"], frame["observed_on"])],
        antal=[fmt.count_range(low, high) for low, high in zip(frame["low"], frame["high"])],
        topp=frame["high"].fillna(frame["low"]))
    top = math.ceil(data["topp"].max()) + 1
    colours = style.colours(MEASURES)
    data["inne"] = [name if _fits(name, low, top) else "" for name, low in zip(data["mått"], data["low"])]
    data["mitt"], data["text_färg"] = data["low"] / 2, data["mått"].map(colours).map(style.ink)
    base = alt.Chart(data).encode(
        x=alt.X("när:N", title="Uppgiften avser", sort=data.sort_values("observed_on")["när"].unique().tolist(),
                axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("mått:N", scale=alt.Scale(domain=MEASURES)),
        tooltip=[alt.Tooltip("mått:N", title="Mått"), alt.Tooltip("antal:N", title="Antal"),
                 alt.Tooltip("refers_to:N", title="Avser"), alt.Tooltip("sources:N", title="Källa")])
    y = alt.Y("low:Q", title="Antal", scale=alt.Scale(domain=[0, top]), axis=alt.Axis(tickMinStep=1, format="d"))
    bars = base.mark_bar(stroke=style.OUTLINE, strokeWidth=1).encode(
        y=y, color=alt.Color("mått:N", title=None, scale=style.scale(colours)))
    ranges = base.transform_filter("datum.high > datum.low").mark_bar(
        fill=style.BACKGROUND, stroke=style.OUTLINE, strokeDash=style.UNKNOWN_DASH).encode(y=y, y2="high:Q")
    names = base.mark_text(angle=270, baseline="middle").encode(
        y="mitt:Q", text="inne:N", fill=alt.Fill("text_färg:N", scale=None))
    values = [base.transform_filter(f"{'!' * at_least}isValid(datum.high)").mark_text(
        baseline="bottom", dy=-4 - 14 * at_least, lineBreak=" ", color=style.REFERENCE, fontWeight="bold").encode(
        y="topp:Q", text="antal:N") for at_least in (False, True)]   # 'minst 3' in two lines: a bar is narrow
    return style.finish(alt.layer(bars, ranges, names, *values).properties(height=HEIGHT),
                        ["Antal som källorna anger", "(inget ifyllt mellan uppgifterna)"])


def _when(start, end) -> str:
    """'2018' for a figure about a calendar year, 'september–december 2018' for months of one, else the month it
    is about: 'juni 2019'."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    if start.year == end.year and start.month != end.month and start.day == 1:
        return f"{MONTHS[start.month - 1]}–{MONTHS[end.month - 1]} {end.year}"
    return f"{MONTHS[end.month - 1]} {end.year}"


def _fits(name: str, count, top: int) -> bool:
    """Whether a measure's name, written upright, fits inside its bar (about 6 px a character at 11 px)."""
    return count * HEIGHT / top >= 6 * len(name) + 8
