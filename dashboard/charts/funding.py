"""Funding agreements over time: a bar per period with its status, amount and decision, or, past `ROWS_DRAWN`
agreements, published amounts per start year."""

import altair as alt
import pandas as pd

from dashboard.base import formatting as fmt
from dashboard.charts import style
from dashboard.charts.rows import ROWS_DRAWN, Rows, palette, two_part_label
from dashboard.columns import FUNDING_STATUS_LABELS

UNKNOWN_STATUS = FUNDING_STATUS_LABELS["unknown"]
STATUSES = list(FUNDING_STATUS_LABELS.values())


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


@style.drawn
def funding_timeline(frame: pd.DataFrame) -> alt.Chart:
    if len(frame) > ROWS_DRAWN:
        return _funding_per_year(frame)
    data = frame.assign(beslut=frame["status"].map(FUNDING_STATUS_LABELS),
                        label=list(map(_period_label, frame["period_start"], frame["period_end"])),
                        belopp=frame["amount_sek"].map(lambda v: "belopp ej publicerat" if pd.isna(v) else fmt.mnkr(v)))
    data["etikett"] = [two_part_label(f"{label} · {kind}", f"{belopp} · {_decision_text(status, day)}")
                       for label, kind, belopp, status, day in zip(data["label"], data["funding_kind"], data["belopp"],
                                                                   data["status"], data["decided_on"])]
    rows = Rows.of("label", data["etikett"], sort=alt.EncodingSortField("period_start"))
    base = alt.Chart(data).encode(y=rows.y())
    bars = base.mark_bar(**rows.bar()).encode(
        x=alt.X("period_start:T", title="Period", axis=alt.Axis(format="%Y", tickCount={"interval": "year", "step": 1}),
                scale=_whole_years(frame["period_start"].min(), frame["period_end"].max())),
        x2="period_end:T",
        color=alt.Color("beslut:N", title="Status",
                        scale=palette(STATUSES, (UNKNOWN_STATUS,), data["beslut"])),
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
    return style.finish(layers.properties(height=rows.step), title)


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
    drawn = set(data["beslut"])
    statuses = [name for name in STATUSES if name in drawn]
    base = alt.Chart(data).encode(
        x=alt.X("år:O", title="Periodens startår", axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("beslut:N", scale=alt.Scale(domain=statuses)),
        tooltip=[alt.Tooltip("år:O", title="År"), alt.Tooltip("beslut:N", title="Status"),
                 alt.Tooltip("belopp:N", title="Belopp"),
                 alt.Tooltip("överenskommelser:Q", title="Överenskommelser")])
    bars = base.mark_bar(stroke=style.OUTLINE, strokeWidth=1).encode(
        y=alt.Y("mnkr:Q", title="Miljoner kronor (publicerade belopp)"),
        color=alt.Color("beslut:N", title="Status", scale=palette(STATUSES, (UNKNOWN_STATUS,), drawn)),
        strokeDash=style.dashed_where("beslut", [UNKNOWN_STATUS]))
    labels = base.mark_text(angle=270, align="left", baseline="middle", dx=4).encode(y="höjd:Q", text="etikett:N")
    return style.finish((bars + labels).properties(height=260),
                   f"Finansiering per år ({fmt.number(len(frame))} överenskommelser)")
