"""Indicator frames to Altair charts, with Swedish labels and tooltips.

Colours come from the Okabe–Ito palette (safe for colour-blind readers), and every colour is doubled by
a label, shape or position so no information is carried by colour alone.
"""

import functools
import re

import altair as alt
import pandas as pd

from dashboard import formatting as fmt
from dashboard.columns import FUNDING_STATUS_LABELS, MEASURE_LABELS
from dashboard.text import visible

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
# Above this many rows a bar per row is unreadable (and slow to draw): the chart summarises instead,
# and the table below it still lists every row.
ROWS_DRAWN = 40
SUPPORTER_GROUPS = 6   # the summary's last bar: "6 eller fler"
SWEDISH_LOCALE = {
    "number": {"decimal": ",", "thousands": "\u00a0", "grouping": [3], "currency": ["", "\u00a0kr"], "percent": "\u00a0%"},
    "time": {"dateTime": "%A %e %B %Y %X", "date": "%Y-%m-%d", "time": "%H:%M:%S", "periods": ["fm", "em"],
             "days": ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"],
             "shortDays": ["sön", "mån", "tis", "ons", "tor", "fre", "lör"],
             "months": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
                        "oktober", "november", "december"],
             "shortMonths": ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]},
}

def drawn(chart_of):
    """Every chart is drawn from a copy of its frame without `attrs` (Vega-Lite data must be JSON, and attrs hold
    dates) and with its text as every renderer can take it (`text.visible`): a NUL or U+FFFE in a unit name made
    the chart renderer abort the whole process, a bidi control reversed the names beside it. Labels are derived
    from that copy, never from the frame as given."""
    @functools.wraps(chart_of)
    def chart(frame: pd.DataFrame, *args) -> alt.Chart:
        copy = frame.copy()
        copy.attrs = {}
        for column in copy.columns[copy.dtypes.map(lambda t: t == object or pd.api.types.is_string_dtype(t))]:
            copy[column] = copy[column].map(lambda v: visible(v) if isinstance(v, str) else v)
        return chart_of(copy, *args)
    return chart


def _palette(domain: list[str]) -> alt.Scale:
    return alt.Scale(domain=domain, range=OKABE_ITO[: len(domain)] or OKABE_ITO[:1])


def _finish(chart: alt.Chart, title: str) -> alt.Chart:
    """Title, full width, the legend below (beside the plot it took a third of a phone's width) and Swedish
    number and date formats (d3's sv-SE locale: '1 234,5', 'maj 2019'). Charts with rows set their height as a
    step per row: Streamlit fits a fixed height to the whole chart, title and axes included, which squashed them.
    A long title breaks before its parenthesis instead of being cut."""
    lines = title.replace(" (", "\n(", 1).split("\n")
    return chart.properties(title=alt.TitleParams(lines, anchor="start"), width="container").configure(
        locale=SWEDISH_LOCALE, axis=alt.AxisConfig(labelLimit=320), legend=alt.LegendConfig(orient="bottom"))


ROW_STEP = 46   # px per row of a labelled-row chart: the name above, the bar below


def _rows(field: str, sort=None) -> alt.Y:
    """A row per category with no axis: `_row_labels` writes the names above the bars instead of beside them,
    so long unit names leave the plot its width at 390 px as at 1280."""
    return alt.Y(f"{field}:N", title=None, axis=None, sort=sort)


def _row_labels(base: alt.Chart, text: str) -> alt.Chart:
    return base.mark_text(align="left", baseline="bottom", dy=-4, color="black",
                          limit=alt.ExprRef("width")).encode(x=alt.value(0), text=f"{text}:N")


ON_ROW = 8   # px a row's marks sit below its centre, under the label


@drawn
def placements_over_time(frame: pd.DataFrame) -> alt.Chart:
    frame = _largest_areas(frame, len(OKABE_ITO) - 1)
    areas = sorted(frame["area"].unique().tolist())
    chart = alt.Chart(frame).mark_bar().encode(
        x=alt.X("bucket:O", title="Period", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("sum(placements):Q", title="Placeringar", axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("area:N", title="Område", scale=_palette(areas)),
        tooltip=[alt.Tooltip("bucket:N", title="Period"), alt.Tooltip("area:N", title="Område"),
                 alt.Tooltip("placements:Q", title="Placeringar"), alt.Tooltip("supporters:Q", title="Peer supportrar"),
                 alt.Tooltip("sources:N", title="Källor")],
    )
    return _finish(chart.properties(height=320), "Placeringar per period och område")


@drawn
def headcount_trend(frame: pd.DataFrame) -> alt.Chart:
    """Each reported head count over its own reference period (a day or a year), one row per measure; a range
    such as 7–8 spans its low and high. Nothing is drawn between reports."""
    data = frame.assign(
        mått=frame["measure"].map(MEASURE_LABELS),
        # a one-day report gets a visible width of a fortnight
        slut=[max(pd.Timestamp(end), pd.Timestamp(start) + pd.Timedelta(days=14))
              for start, end in zip(frame["period_start"], frame["observed_on"])],
        antal=[fmt.count_range(low, high) for low, high in zip(frame["low"], frame["high"])],
    )
    data["etikett"] = data["antal"] + " (" + data["sources"] + ")"
    years = _whole_years(data["period_start"].min(), data["slut"].max())
    base = alt.Chart(data).encode(
        x=alt.X("period_start:T", title="Uppgiften avser", scale=years,
                axis=alt.Axis(format="%Y", tickCount={"interval": "year", "step": 1})),
        y=alt.Y("mått:N", title=None, sort=["Peer supportrar", "Verksamheter", "Stadsdelar"]),
        tooltip=[alt.Tooltip("mått:N", title="Mått"), alt.Tooltip("antal:N", title="Antal"),
                 alt.Tooltip("refers_to:N", title="Avser"), alt.Tooltip("sources:N", title="Källa")])
    spans = base.mark_bar(height=12, color=OKABE_ITO[0]).encode(x2="slut:T")
    labels = base.mark_text(align="left", baseline="bottom", dy=-9, color="black").encode(text="etikett:N")
    return _finish((spans + labels).properties(height=alt.Step(56)),
                   "Antal enligt källorna")


def _whole_years(first, last) -> alt.Scale:
    """A time axis over whole years, one labelled tick a year. The bounds are Vega DateTimes, read in the
    browser's time zone like the data: ISO strings are read as UTC, which put 1 January 00:00 in Stockholm
    outside the domain and dropped the first year's tick."""
    return alt.Scale(domain=[alt.DateTime(year=pd.Timestamp(first).year, month=1, date=1),
                             alt.DateTime(year=pd.Timestamp(last).year, month=12, date=31)])


def _largest_areas(frame: pd.DataFrame, kept: int) -> pd.DataFrame:
    """The `kept` areas with most placements by name, the rest summed as 'Övriga områden (n)': the palette has
    eight colours, and 870 colours in a legend say nothing."""
    totals = frame.groupby("area")["placements"].sum()
    if len(totals) <= kept + 1:
        return frame
    largest = totals.sort_values(ascending=False, kind="stable").index[:kept]
    others = f"Övriga områden ({fmt.number(len(totals) - kept)})"
    rest = frame[~frame["area"].isin(largest)].groupby("bucket", as_index=False)["placements"].sum()
    # No supporter count: a supporter placed in two of the other areas would be counted twice.
    rest["area"], rest["supporters"], rest["sources"] = others, None, "se tabellen"
    return pd.concat([frame[frame["area"].isin(largest)], rest], ignore_index=True)


@drawn
def supporters_per_unit(frame: pd.DataFrame, target: int) -> alt.Chart:
    if len(frame) > ROWS_DRAWN:
        return _units_by_supporters(frame, target)
    data = frame.assign(
        läge=frame["meets_target"].map({True: "når målet", False: "under målet"}).fillna("antal ej publicerat"),
        antal=[fmt.number(exact) if pd.notna(exact) else f"minst {fmt.number(low)}"
               for exact, low in zip(frame["supporters"], frame["supporters_min"])],
        uppgift=[f"{refers} ({'senast känt' if status == 'last_known' else 'aktuell'})"
                 + (" · frånvarande" if not pd.isna(absent) and absent > 0 else "")
                 for refers, status, absent in zip(frame["refers_to"], frame["status"], frame["absent"])],
    )
    data["etikett"] = data["unit"] + ": " + data["antal"] + " · " + data["uppgift"]
    base = alt.Chart(data).encode(y=_rows("unit", sort=alt.EncodingSortField("supporters_min", order="ascending")))
    bars = base.mark_bar(height=14, yOffset=ON_ROW).encode(
        x=alt.X("supporters_min:Q", title="Peer supportrar (minst)", axis=alt.Axis(tickMinStep=1, format="d"),
                scale=alt.Scale(domainMin=0, domainMax=max(target, int(frame["supporters_min"].max())) + 1)),
        color=alt.Color("läge:N", title="Mot målet",
                        scale=_palette(["når målet", "under målet", "antal ej publicerat"])),
        tooltip=[alt.Tooltip("unit:N", title="Enhet"), alt.Tooltip("area:N", title="Område"),
                 alt.Tooltip("antal:N", title="Peer supportrar"), alt.Tooltip("läge:N", title="Mot målet"),
                 alt.Tooltip("uppgift:N", title="Uppgiften avser"), alt.Tooltip("sources:N", title="Källor")],
    )
    rule = alt.Chart(pd.DataFrame({"target": [target]})).mark_rule(strokeDash=[6, 4], color="black").encode(
        x="target:Q", tooltip=[alt.Tooltip("target:Q", title="Mål per enhet")])
    return _finish((bars + _row_labels(base, "etikett") + rule).properties(height=alt.Step(ROW_STEP)),
                   f"Peer supportrar per enhet (streckad linje: målet {target})")


def _units_by_supporters(frame: pd.DataFrame, target: int) -> alt.Chart:
    top = max(SUPPORTER_GROUPS, target)
    data = frame["supporters_min"].clip(upper=top).value_counts().rename("enheter").rename_axis("supporters").reset_index()
    data["grupp"] = data["supporters"].map(lambda n: f"{n} eller fler" if n == top else str(n))
    data["läge"] = data["supporters"].ge(target).map({True: "når målet", False: "under målet"})
    data["antal"] = data["enheter"].map(fmt.number)   # Vega's own number format is English
    base = alt.Chart(data).encode(x=alt.X("grupp:O", title="Peer supportrar per enhet", axis=alt.Axis(labelAngle=0),
                                          sort=alt.EncodingSortField("supporters")))
    bars = base.mark_bar().encode(
        y=alt.Y("enheter:Q", title="Enheter", axis=alt.Axis(format="d")),
        color=alt.Color("läge:N", title="Mot målet", scale=_palette(["når målet", "under målet"])),
        tooltip=[alt.Tooltip("grupp:O", title="Peer supportrar per enhet"), alt.Tooltip("antal:N", title="Enheter"),
                 alt.Tooltip("läge:N", title="Mot målet")],
    )
    labels = base.mark_text(dy=-6).encode(y="enheter:Q", text="antal:N")
    return _finish((bars + labels).properties(height=320),
                   f"Enheter efter antal peer supportrar ({fmt.number(len(frame))} enheter; målet {target})")


def _period_label(start, end) -> str:
    """An agreement's years, '2019' or '2016–2017': internal ids are not names a reader knows."""
    first, last = pd.Timestamp(start).year, pd.Timestamp(end).year
    return str(first) if first == last else f"{first}–{last}"


@drawn
def funding_timeline(frame: pd.DataFrame) -> alt.Chart:
    if len(frame) > ROWS_DRAWN:
        return _funding_per_year(frame)
    data = frame.assign(
        label=[_period_label(start, end) + " · " + kind
               for start, end, kind in zip(frame["period_start"], frame["period_end"], frame["funding_kind"])],
        beslut=frame["status"].map(FUNDING_STATUS_LABELS),
        belopp=frame["amount_sek"].map(lambda v: "belopp ej publicerat" if pd.isna(v) else
                                       fmt.mnkr(v)),
    )
    data["etikett"] = data["label"] + ": " + data["belopp"]
    base = alt.Chart(data).encode(y=_rows("label", sort=alt.EncodingSortField("period_start")))
    bars = base.mark_bar(height=14, yOffset=ON_ROW).encode(
        x=alt.X("period_start:T", title="Period", scale=_whole_years(frame["period_start"].min(), frame["period_end"].max()),
                axis=alt.Axis(format="%Y", tickCount={"interval": "year", "step": 1})),
        x2="period_end:T",
        color=alt.Color("beslut:N", title="Status", scale=_palette(list(FUNDING_STATUS_LABELS.values()))),
        tooltip=[alt.Tooltip("agreement:N", title="Överenskommelse"), alt.Tooltip("funder:N", title="Finansiär"),
                 alt.Tooltip("belopp:N", title="Belopp"), alt.Tooltip("period_start:T", title="Från", format="%Y-%m-%d"),
                 alt.Tooltip("period_end:T", title="Till", format="%Y-%m-%d"),
                 alt.Tooltip("decided_on:T", title="Beslutad", format="%Y-%m-%d"),
                 alt.Tooltip("lead_time_days:Q", title="Ledtid (dagar)"), alt.Tooltip("sources:N", title="Källor")],
    )
    decisions = base.mark_point(shape="diamond", size=90, filled=True, color="black", yOffset=ON_ROW).encode(
        x="decided_on:T", tooltip=[alt.Tooltip("decided_on:T", title="Beslutad", format="%Y-%m-%d")])
    return _finish((bars + _row_labels(base, "etikett") + decisions).properties(height=alt.Step(ROW_STEP)),
                   "Finansiering per period (romb: beslutsdatum)")


def _funding_per_year(frame: pd.DataFrame) -> alt.Chart:
    data = frame.assign(år=frame["period_start"].dt.year.astype(str),
                        beslut=frame["status"].map(FUNDING_STATUS_LABELS))
    # min_count: a year whose amounts are all unpublished has no bar rather than a bar at zero
    data = data.groupby(["år", "beslut"]).agg(sek=("amount_sek", lambda v: v.sum(min_count=1)),
                                              överenskommelser=("agreement", "size")).reset_index()
    data["mnkr"], data["belopp"] = data["sek"] / 1e6, data["sek"].map(fmt.mnkr)
    chart = alt.Chart(data).mark_bar().encode(
        x=alt.X("år:O", title="Periodens startår", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("mnkr:Q", title="Miljoner kronor (publicerade belopp)"),
        color=alt.Color("beslut:N", title="Status", scale=_palette(list(FUNDING_STATUS_LABELS.values()))),
        tooltip=[alt.Tooltip("år:O", title="År"), alt.Tooltip("beslut:N", title="Status"),
                 alt.Tooltip("belopp:N", title="Belopp"),
                 alt.Tooltip("överenskommelser:Q", title="Överenskommelser")],
    )
    return _finish(chart.properties(height=320), f"Finansiering per år ({fmt.number(len(frame))} överenskommelser)")


@drawn
def survey_shares(frame: pd.DataFrame) -> alt.Chart:
    shown = frame[frame["share"].notna()]   # a suppressed or unpublished share has no point to draw
    data = shown.assign(
        grund=shown["basis"].map({"published": "publicerad", "microdata": "beräknad från svar"}),
        alternativ=[f"{_question_label(q)}: {o}" for q, o in zip(shown["question"], shown["option"])])
    base = alt.Chart(data).encode(y=_rows("alternativ"))
    interval = base.mark_rule(strokeWidth=2, yOffset=ON_ROW).encode(
        x=alt.X("ci_low:Q", title="Andel av svarande (95 % konfidensintervall)",
                axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        x2="ci_high:Q")
    points = base.mark_point(size=90, filled=True, yOffset=ON_ROW).encode(
        x="share:Q",
        shape=alt.Shape("grund:N", title="Grund"),
        color=alt.Color("grund:N", title="Grund", scale=_palette(["publicerad", "beräknad från svar"])),
        tooltip=[alt.Tooltip("question:N", title="Fråga"), alt.Tooltip("option:N", title="Svarsalternativ"),
                 alt.Tooltip("share:Q", title="Andel", format=".0%"),
                 alt.Tooltip("ci_low:Q", title="KI nedre", format=".0%"),
                 alt.Tooltip("ci_high:Q", title="KI övre", format=".0%"),
                 alt.Tooltip("respondents:Q", title="N"), alt.Tooltip("grund:N", title="Grund")],
    )
    return _finish((interval + points + _row_labels(base, "alternativ")).properties(height=alt.Step(ROW_STEP)),
                   "Andel per svarsalternativ")


def _question_label(question: str) -> str:
    """'Fråga 2' for '2. Anledningen till …', the question itself where it has no number ('Jag definierar mig som')."""
    number = re.match(r"(\d+)\.", question)
    return f"Fråga {number.group(1)}" if number else question.rstrip(": ")


@drawn
def gender_by_source(frame: pd.DataFrame) -> alt.Chart:
    data = frame.assign(uppgift=frame["source"] + " " + frame["observed_on"].astype(str) + " (" + frame["scope"] + ")")
    base = alt.Chart(data).encode(y=_rows("uppgift"))
    bars = base.mark_bar(height=14, yOffset=ON_ROW).encode(
        x=alt.X("supporters:Q", title="Personer", axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("gender:N", title="Kön", scale=_palette(["kvinna", "man", "annat", "okänt"])),
        tooltip=[alt.Tooltip("uppgift:N", title="Källa"), alt.Tooltip("gender:N", title="Kön"),
                 alt.Tooltip("supporters:Q", title="Personer"), alt.Tooltip("stated_total:Q", title="Angiven summa")],
    )
    return _finish((bars + _row_labels(base, "uppgift")).properties(height=alt.Step(ROW_STEP)),
                   "Peer supportrar efter kön, per källa")


@drawn
def cost_against_budget(frame: pd.DataFrame, years: int) -> alt.Chart:
    """Budget and cost for the whole agreement period (`scenario_io.cost_frame`), side by side, each bar labelled
    with its amount and, where the cost is an upper bound, "högst"."""
    data = frame.copy()
    data["etikett"] = [f"{bound} {fmt.mnkr(amount)}".strip() for amount, bound in zip(data["amount_sek"], data["Gräns"])]
    data["mnkr"] = data["amount_sek"] / 1_000_000
    base = alt.Chart(data).encode(y=alt.Y("post:N", title=None))
    bars = base.mark_bar().encode(
        x=alt.X("mnkr:Q", title=f"Miljoner kronor för hela perioden ({years} år)", axis=alt.Axis(format=",.1f")),
        color=alt.Color("post:N", title=None, scale=_palette(["Budget", "Kostnad"]), legend=None),
        tooltip=[alt.Tooltip("post:N", title="Post"), alt.Tooltip("etikett:N", title="Belopp")],
    )
    labels = base.mark_text(align="left", dx=4).encode(x="mnkr:Q", text="etikett:N")
    return _finish((bars + labels).properties(height=alt.Step(44)), f"Kostnad mot budget för hela perioden ({years} år)")
