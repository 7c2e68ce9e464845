"""The labelled-row layout the charts share: a row per category with its label's lines above the marks, and
the palette with unknown kept grey."""

from dataclasses import dataclass

import altair as alt
import pandas as pd

from dashboard.charts import style

# Above this many rows a bar per row is unreadable (and slow to draw): the chart summarises instead,
# and the table below it still lists every row.
ROWS_DRAWN = 40


def palette(domain: list[str], unknown: tuple[str, ...] = (), drawn=None) -> alt.Scale:
    """Colours by place in `domain`, so a category keeps its colour whatever else is drawn; with `drawn`, the
    legend lists only the categories the chart draws (not a "förväntad" no agreement has)."""
    mapping = style.colours([name for name in domain if name not in unknown], unknown)
    if drawn is not None:
        drawn = set(drawn)
        mapping = {name: colour for name, colour in mapping.items() if name in drawn}
    return style.scale(mapping)


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


def two_part_label(first: str, second: str) -> str:
    """A row label of two parts, each on lines of its own that fit a phone."""
    return style.wrap(first) + "\n" + style.wrap(second)
