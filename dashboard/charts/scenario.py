"""A scenario's cost per agreement year against its budget."""

import altair as alt
import pandas as pd

from dashboard.base import formatting as fmt
from dashboard.charts import style
from dashboard.charts.rows import palette


@style.drawn
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
        color=alt.Color("post:N", title=None, scale=palette(["Budget", "Kostnad"]), legend=None),
        fillOpacity=alt.condition(upper, alt.value(0.3), alt.value(1.0)),
        stroke=alt.condition(upper, alt.value("#333333"), alt.value(None)),
        strokeDash=alt.condition(upper, alt.value([6, 3]), alt.value([1, 0])),
        tooltip=[alt.Tooltip("post:N", title="Post"), alt.Tooltip("etikett:N", title="Belopp")],
    )
    labels = base.mark_text(align="left", dx=4).encode(x="mnkr:Q", text="etikett:N")
    return style.finish((bars + labels).properties(height=alt.Step(44)), f"Kostnad mot budget för hela perioden ({years} år)")
