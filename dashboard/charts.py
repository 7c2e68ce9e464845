"""Indicator frames to Altair charts, with Swedish labels and tooltips.

Colours keep one meaning (`chart_style`): unknown or not published is a dashed grey named in text, never a
palette colour; every colour is doubled by a letter, a label, a shape or a position, every coloured mark is
outlined, and legends are never cut. Counts over time are in `charts_counts`.
"""

import re
from dataclasses import dataclass

import altair as alt
import pandas as pd

from dashboard import chart_style as style
from dashboard.base import formatting as fmt
from dashboard.charts_counts import headcount_trend, placements_over_time  # noqa: F401  (pages draw them from here)
from dashboard.columns import FUNDING_STATUS_LABELS, STATUS_LABELS

# Above this many rows a bar per row is unreadable (and slow to draw): the chart summarises instead,
# and the table below it still lists every row.
ROWS_DRAWN = 40
SUPPORTER_GROUPS = 6   # the summary's last bar: "6 eller fler"
drawn = style.drawn
_finish = style.finish
UNPUBLISHED = "antal ej publicerat"
UNKNOWN_STATUS = FUNDING_STATUS_LABELS["unknown"]


def _palette(domain: list[str], unknown: tuple[str, ...] = ()) -> alt.Scale:
    return style.scale(style.colours([name for name in domain if name not in unknown], unknown))


ROW_STEP = 46    # px per row of a labelled-row chart with a one-line label: the label above, the bar below
LINE_STEP = 14   # px each line of a label takes
BAR_HEIGHT = 14


@dataclass(frozen=True)
class Rows:
    """A row per category with no axis: the label's lines (`style.wrap`) at the top of its row, the marks under
    them. Long unit names leave the plot its width at 390 px as at 1280, and are never cut with '…'. The rows
    have no padding, so where a row's marks sit follows from the number of lines alone."""
    field: str
    lines: int
    sort: object = None

    @classmethod
    def of(cls, field: str, labels: pd.Series, sort=None) -> "Rows":
        return cls(field, max(map(style.lines, labels), default=1), sort)

    def y(self, **position) -> alt.Y:
        return alt.Y(f"{self.field}:N", title=None, axis=None, sort=self.sort,
                     scale=alt.Scale(paddingInner=0, paddingOuter=0), **position)

    @property
    def step(self) -> alt.Step:
        return alt.Step(ROW_STEP + LINE_STEP * (self.lines - 1))

    @property
    def offset(self) -> int:
        """px the marks sit below the row's centre: under the label's last line, 4 px apart."""
        return 3 + LINE_STEP * self.lines + 4 + BAR_HEIGHT // 2 - (ROW_STEP + LINE_STEP * (self.lines - 1)) // 2

    def bar(self) -> dict:
        return {"height": BAR_HEIGHT, "yOffset": self.offset, "stroke": style.OUTLINE, "strokeWidth": 1}

    def labels(self, chart: alt.Chart, text: str) -> alt.Chart:
        return chart.mark_text(align="left", baseline="top", dy=3, color="black", lineBreak="\n",
                               lineHeight=LINE_STEP).encode(x=alt.value(0), y=self.y(bandPosition=0), text=f"{text}:N")


def _lines(first: str, second: str) -> str:
    """A row label of two parts, each on lines of its own that fit a phone."""
    return style.wrap(first) + "\n" + style.wrap(second)


@drawn
def supporters_per_unit(frame: pd.DataFrame, target: int) -> alt.Chart:
    if len(frame) > ROWS_DRAWN:
        return _units_by_supporters(frame, target)
    data = frame.assign(
        läge=frame["meets_target"].map({True: "når målet", False: "under målet"}).fillna(UNPUBLISHED),
        antal=[fmt.number(exact) if pd.notna(exact) else f"minst {fmt.number(low)}"
               for exact, low in zip(frame["supporters"], frame["supporters_min"])],
        uppgift=[f"{refers} ({STATUS_LABELS.get(status, status)})"
                 + (" · frånvarande" if not pd.isna(absent) and absent > 0 else "")
                 for refers, status, absent in zip(frame["refers_to"], frame["status"], frame["absent"])],
    )
    # The state in words on every row: colour is never the only sign of "under målet" or "ej publicerat".
    data["etikett"] = [_lines(f"{unit}: {antal} · {läge}", uppgift) for unit, antal, läge, uppgift
                       in zip(data["unit"], data["antal"], data["läge"], data["uppgift"])]
    rows = Rows.of("unit", data["etikett"], sort=alt.EncodingSortField("supporters_min", order="ascending"))
    base = alt.Chart(data).encode(y=rows.y())
    bars = base.mark_bar(**rows.bar()).encode(
        x=alt.X("supporters_min:Q", title="Peer supportrar (minst)", axis=alt.Axis(tickMinStep=1, format="d"),
                scale=alt.Scale(domainMin=0, domainMax=max(target, int(frame["supporters_min"].max())) + 1)),
        color=alt.Color("läge:N", title="Mot målet",
                        scale=_palette(["når målet", "under målet", UNPUBLISHED], (UNPUBLISHED,))),
        strokeDash=style.dashed_where("läge", [UNPUBLISHED]),
        tooltip=[alt.Tooltip("unit:N", title="Enhet"), alt.Tooltip("area:N", title="Område"),
                 alt.Tooltip("antal:N", title="Peer supportrar"), alt.Tooltip("läge:N", title="Mot målet"),
                 alt.Tooltip("uppgift:N", title="Uppgiften avser"), alt.Tooltip("sources:N", title="Källor")],
    )
    rule = alt.Chart(pd.DataFrame({"target": [target]})).mark_rule(strokeDash=[6, 4], color="black").encode(
        x="target:Q", tooltip=[alt.Tooltip("target:Q", title="Mål per enhet")])
    return _finish((bars + rows.labels(base, "etikett") + rule).properties(height=rows.step),
                   f"Peer supportrar per enhet (streckad linje: målet {target})")


def _units_by_supporters(frame: pd.DataFrame, target: int) -> alt.Chart:
    top = max(SUPPORTER_GROUPS, target)
    data = (frame["supporters_min"].clip(upper=top).value_counts().rename("enheter").rename_axis("supporters")
            .reset_index())
    data["grupp"] = data["supporters"].map(lambda n: f"{n} eller fler" if n == top else str(n))
    data["läge"] = data["supporters"].ge(target).map({True: "når målet", False: "under målet"})
    data["antal"] = data["enheter"].map(fmt.number)   # Vega's own number format is English
    # The axis says which groups reach the target, so the colour is not the only sign of it.
    x = alt.X("grupp:O", title=f"Peer supportrar per enhet (når målet: {target} eller fler)",
              axis=alt.Axis(labelAngle=0), sort=alt.EncodingSortField("supporters"))
    base = alt.Chart(data).encode(x=x)
    bars = base.mark_bar(stroke=style.OUTLINE, strokeWidth=1).encode(
        y=alt.Y("enheter:Q", title="Enheter", axis=alt.Axis(format="d")),
        color=alt.Color("läge:N", title="Mot målet", scale=_palette(["når målet", "under målet"])),
        tooltip=[alt.Tooltip("grupp:O", title="Peer supportrar per enhet"), alt.Tooltip("antal:N", title="Enheter"),
                 alt.Tooltip("läge:N", title="Mot målet")],
    )
    labels = base.mark_text(dy=-6).encode(y="enheter:Q", text="antal:N")
    return _finish((bars + labels).properties(height=260),
                   f"Enheter efter antal peer supportrar ({fmt.number(len(frame))} enheter; målet {target})")


def _whole_years(first, last) -> alt.Scale:
    """A time axis over whole years, one labelled tick a year. The bounds are Vega DateTimes, read in the
    browser's time zone like the data: ISO strings are read as UTC, which put 1 January 00:00 in Stockholm
    outside the domain and dropped the first year's tick."""
    return alt.Scale(domain=[alt.DateTime(year=pd.Timestamp(first).year, month=1, date=1),
                             alt.DateTime(year=pd.Timestamp(last).year, month=12, date=31)])


def _period_label(start, end) -> str:
    """An agreement's years, '2019' or '2016–2017': internal ids are not names a reader knows."""
    first, last = pd.Timestamp(start).year, pd.Timestamp(end).year
    return str(first) if first == last else f"{first}–{last}"


def _decision_text(status: str, decided_on) -> str:
    """The decision in words, with its date where one is published (the chart draws a diamond only then)."""
    if status != "decided":
        return f"status {FUNDING_STATUS_LABELS.get(status, status)}"
    return f"beslutad {fmt.iso_date(decided_on)}" if pd.notna(decided_on) else "beslutad"


@drawn
def funding_timeline(frame: pd.DataFrame) -> alt.Chart:
    if len(frame) > ROWS_DRAWN:
        return _funding_per_year(frame)
    data = frame.assign(beslut=frame["status"].map(FUNDING_STATUS_LABELS),
                        label=list(map(_period_label, frame["period_start"], frame["period_end"])),
                        belopp=frame["amount_sek"].map(lambda v: "belopp ej publicerat" if pd.isna(v) else fmt.mnkr(v)))
    data["etikett"] = [_lines(f"{label} · {kind}", f"{belopp} · {_decision_text(status, day)}")
                       for label, kind, belopp, status, day in zip(data["label"], data["funding_kind"], data["belopp"],
                                                                   data["status"], data["decided_on"])]
    rows = Rows.of("label", data["etikett"], sort=alt.EncodingSortField("period_start"))
    base = alt.Chart(data).encode(y=rows.y())
    bars = base.mark_bar(**rows.bar()).encode(
        x=alt.X("period_start:T", title="Period", axis=alt.Axis(format="%Y", tickCount={"interval": "year", "step": 1}),
                scale=_whole_years(frame["period_start"].min(), frame["period_end"].max())),
        x2="period_end:T",
        color=alt.Color("beslut:N", title="Status",
                        scale=_palette(list(FUNDING_STATUS_LABELS.values()), (UNKNOWN_STATUS,))),
        strokeDash=style.dashed_where("beslut", [UNKNOWN_STATUS]),
        tooltip=[alt.Tooltip("agreement:N", title="Överenskommelse"), alt.Tooltip("funder:N", title="Finansiär"),
                 alt.Tooltip("belopp:N", title="Belopp"),
                 alt.Tooltip("period_start:T", title="Från", format="%Y-%m-%d"),
                 alt.Tooltip("period_end:T", title="Till", format="%Y-%m-%d"),
                 alt.Tooltip("decided_on:T", title="Beslutad", format="%Y-%m-%d"),
                 alt.Tooltip("lead_time_days:Q", title="Ledtid (dagar)"), alt.Tooltip("sources:N", title="Källor")],
    )
    layers = bars + rows.labels(base, "etikett")
    title = "Finansiering per period (beslutsdatum publiceras inte)"
    if frame["decided_on"].notna().any():   # a diamond is promised only where one is drawn
        layers += base.mark_point(shape="diamond", size=90, filled=True, color="black", yOffset=rows.offset).encode(
            x="decided_on:T", tooltip=[alt.Tooltip("decided_on:T", title="Beslutad", format="%Y-%m-%d")])
        title = "Finansiering per period (romb: beslutsdatum)"
    return _finish(layers.properties(height=rows.step), title)


def _funding_per_year(frame: pd.DataFrame) -> alt.Chart:
    """Published amounts per start year, a bar per status side by side, each labelled with its status and
    amount; a status whose amounts are all unpublished has no bar but its label on the axis line."""
    data = frame.assign(år=frame["period_start"].dt.year.astype(str),
                        beslut=frame["status"].map(FUNDING_STATUS_LABELS))
    # min_count: a year whose amounts are all unpublished has no bar rather than a bar at zero
    data = data.groupby(["år", "beslut"]).agg(sek=("amount_sek", lambda v: v.sum(min_count=1)),
                                              överenskommelser=("agreement", "size")).reset_index()
    data["mnkr"], data["belopp"] = data["sek"] / 1e6, data["sek"].map(fmt.mnkr)
    data["etikett"] = data["beslut"] + ": " + data["sek"].map(lambda v: "ej publicerat" if pd.isna(v) else fmt.mnkr(v))
    data["höjd"] = data["mnkr"].fillna(0)
    statuses = list(FUNDING_STATUS_LABELS.values())
    base = alt.Chart(data).encode(
        x=alt.X("år:O", title="Periodens startår", axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("beslut:N", scale=alt.Scale(domain=statuses)),
        tooltip=[alt.Tooltip("år:O", title="År"), alt.Tooltip("beslut:N", title="Status"),
                 alt.Tooltip("belopp:N", title="Belopp"),
                 alt.Tooltip("överenskommelser:Q", title="Överenskommelser")])
    bars = base.mark_bar(stroke=style.OUTLINE, strokeWidth=1).encode(
        y=alt.Y("mnkr:Q", title="Miljoner kronor (publicerade belopp)"),
        color=alt.Color("beslut:N", title="Status", scale=_palette(statuses, (UNKNOWN_STATUS,))),
        strokeDash=style.dashed_where("beslut", [UNKNOWN_STATUS]))
    labels = base.mark_text(angle=270, align="left", baseline="middle", dx=4).encode(y="höjd:Q", text="etikett:N")
    return _finish((bars + labels).properties(height=260),
                   f"Finansiering per år ({fmt.number(len(frame))} överenskommelser)")


@drawn
def survey_shares(frame: pd.DataFrame) -> alt.Chart:
    shown = frame[frame["share"].notna()]   # a suppressed or unpublished share has no point to draw
    data = shown.assign(
        grund=shown["basis"].map({"published": "publicerad", "microdata": "beräknad från svar"}),
        alternativ=[style.wrap(f"{_question_label(q)}: {o}") for q, o in zip(shown["question"], shown["option"])])
    rows = Rows.of("alternativ", data["alternativ"])
    base = alt.Chart(data).encode(y=rows.y())
    interval = base.mark_rule(strokeWidth=2, yOffset=rows.offset).encode(
        x=alt.X("ci_low:Q", title="Andel av svarande (95 % konfidensintervall)",
                axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        x2="ci_high:Q")
    points = base.mark_point(size=90, filled=True, opacity=1, stroke=style.OUTLINE, strokeWidth=1,
                             yOffset=rows.offset).encode(
        x="share:Q",
        shape=alt.Shape("grund:N", title="Grund"),
        color=alt.Color("grund:N", title="Grund", scale=_palette(["publicerad", "beräknad från svar"])),
        tooltip=[alt.Tooltip("question:N", title="Fråga"), alt.Tooltip("option:N", title="Svarsalternativ"),
                 alt.Tooltip("share:Q", title="Andel", format=".0%"),
                 alt.Tooltip("ci_low:Q", title="KI nedre", format=".0%"),
                 alt.Tooltip("ci_high:Q", title="KI övre", format=".0%"),
                 alt.Tooltip("respondents:Q", title="N"), alt.Tooltip("grund:N", title="Grund")],
    )
    return _finish((interval + points + rows.labels(base, "alternativ")).properties(height=rows.step),
                   "Andel per svarsalternativ")


def _question_label(question: str) -> str:
    """'Fråga 2' for '2. Anledningen till …'; the question itself where it has no number ('Jag definierar mig
    som')."""
    number = re.match(r"(\d+)\.", question)
    return f"Fråga {number.group(1)}" if number else question.rstrip(": ")


GENDERS = {"kvinna": ("kvinna", "kvinnor"), "man": ("man", "män"), "annat": ("annat", "annat"),
           "okänt": ("okänt kön", "okänt kön")}


@drawn
def gender_by_source(frame: pd.DataFrame) -> alt.Chart:
    """Each source's count by gender as one bar; the row's label says the counts in words ('6 kvinnor, 2 män'),
    so no segment is told by its colour alone; unknown gender is grey."""
    data = frame.assign(uppgift=frame["source"] + " " + frame["observed_on"].astype(str) + " (" + frame["scope"] + ")")
    words: dict[str, list[str]] = {}
    for source, gender, count in zip(data["uppgift"], data["gender"], data["supporters"]):
        words.setdefault(source, []).append(f"{fmt.number(count)} {GENDERS.get(gender, (gender, gender))[count != 1]}")
    labels = pd.DataFrame({"uppgift": list(words),
                           "etikett": [_lines(f"{source}:", ", ".join(counts)) for source, counts in words.items()]})
    rows = Rows.of("uppgift", labels["etikett"])
    bars = alt.Chart(data).encode(y=rows.y()).mark_bar(**rows.bar()).encode(
        x=alt.X("supporters:Q", title="Personer", axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("gender:N", title="Kön", scale=_palette(list(GENDERS), ("okänt",))),
        strokeDash=style.dashed_where("gender", ["okänt"]),
        tooltip=[alt.Tooltip("uppgift:N", title="Källa"), alt.Tooltip("gender:N", title="Kön"),
                 alt.Tooltip("supporters:Q", title="Personer"), alt.Tooltip("stated_total:Q", title="Angiven summa")],
    )
    text = rows.labels(alt.Chart(labels), "etikett")   # one label a source, not one a gender
    return _finish((bars + text).properties(height=rows.step), "Peer supportrar efter kön, per källa")


@drawn
def cost_against_budget(frame: pd.DataFrame, years: int) -> alt.Chart:
    """Budget and cost for the whole agreement period (`scenario_io.cost_frame`), side by side, each bar labelled
    with its amount. A cost that is an upper bound is labelled "högst" and drawn as an outline over a pale fill,
    so that it does not read as a price."""
    data = frame.copy()
    data["etikett"] = [f"{bound} {fmt.mnkr(amount)}".strip() for amount, bound in zip(data["amount_sek"], data["Gräns"])]
    data["mnkr"] = data["amount_sek"] / 1_000_000
    upper = "datum['Gräns'] === 'högst'"
    base = alt.Chart(data).encode(y=alt.Y("post:N", title=None))
    bars = base.mark_bar(strokeWidth=2).encode(
        x=alt.X("mnkr:Q", title=f"Miljoner kronor för hela perioden ({years} år)", axis=alt.Axis(format=",.1f")),
        color=alt.Color("post:N", title=None, scale=_palette(["Budget", "Kostnad"]), legend=None),
        fillOpacity=alt.condition(upper, alt.value(0.3), alt.value(1.0)),
        stroke=alt.condition(upper, alt.value("#333333"), alt.value(None)),
        strokeDash=alt.condition(upper, alt.value([6, 3]), alt.value([1, 0])),
        tooltip=[alt.Tooltip("post:N", title="Post"), alt.Tooltip("etikett:N", title="Belopp")],
    )
    labels = base.mark_text(align="left", dx=4).encode(x="mnkr:Q", text="etikett:N")
    return _finish((bars + labels).properties(height=alt.Step(44)), f"Kostnad mot budget för hela perioden ({years} år)")
