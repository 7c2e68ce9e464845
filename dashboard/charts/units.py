"""Supporters per unit against the target: a bar per unit, or, past `ROWS_DRAWN` units, units counted by
their number of supporters. An unpublished count is drawn as its minimum, dashed, and named."""

import altair as alt
import pandas as pd

from dashboard.base import formatting as fmt
from dashboard.charts import style
from dashboard.charts.rows import ROWS_DRAWN, Rows, palette, two_part_label
from dashboard.columns import STATUS_LABELS

SUPPORTER_GROUPS = 6   # the summary's last bar: "6 eller fler"
UNPUBLISHED = "antal ej publicerat"


@style.drawn
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
    data["etikett"] = [two_part_label(f"{unit}: {antal} · {läge}", uppgift) for unit, antal, läge, uppgift
                       in zip(data["unit"], data["antal"], data["läge"], data["uppgift"])]
    rows = Rows.of("unit", data["etikett"], sort=alt.EncodingSortField("supporters_min", order="ascending"))
    base = alt.Chart(data).encode(y=rows.y())
    bars = base.mark_bar(**rows.bar()).encode(
        x=alt.X("supporters_min:Q", title="Peer supportrar (minst)", axis=alt.Axis(tickMinStep=1, format="d"),
                scale=alt.Scale(domainMin=0, domainMax=max(target, int(frame["supporters_min"].max())) + 1)),
        color=alt.Color("läge:N", title="Mot målet",
                        scale=palette(["når målet", "under målet", UNPUBLISHED], (UNPUBLISHED,), data["läge"])),
        strokeDash=style.dashed_where("läge", [UNPUBLISHED]),
        tooltip=[alt.Tooltip("unit:N", title="Enhet"), alt.Tooltip("area:N", title="Område"),
                 alt.Tooltip("antal:N", title="Peer supportrar"), alt.Tooltip("läge:N", title="Mot målet"),
                 alt.Tooltip("uppgift:N", title="Uppgiften avser"), alt.Tooltip("sources:N", title="Källor")],
    )
    rule = alt.Chart(pd.DataFrame({"target": [target]})).mark_rule(strokeDash=[6, 4], color="black").encode(
        x="target:Q", tooltip=[alt.Tooltip("target:Q", title="Mål per enhet")])
    return style.finish((bars + rows.labels(base, "etikett") + rule).properties(height=rows.step),
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
        color=alt.Color("läge:N", title="Mot målet", scale=palette(["når målet", "under målet"])),
        tooltip=[alt.Tooltip("grupp:O", title="Peer supportrar per enhet"), alt.Tooltip("antal:N", title="Enheter"),
                 alt.Tooltip("läge:N", title="Mot målet")],
    )
    labels = base.mark_text(dy=-6).encode(y="enheter:Q", text="antal:N")
    return style.finish((bars + labels).properties(height=260),
                   f"Enheter efter antal peer supportrar ({fmt.number(len(frame))} enheter; målet {target})")
