"""How every chart looks: colours that keep one meaning, contrast, legends that are never cut, Swedish formats.

WCAG 2.1 as measured here: colour is never the only carrier of a meaning (1.4.1): every coloured mark also has a
letter, a text label, a shape or a fixed position; every coloured mark has a dark outline at 3:1 or more against
the white background and its neighbours (1.4.11: the Okabe–Ito orange, sky blue and yellow alone are 1,2–2,2:1);
text inside a mark is black or white, whichever contrasts more with the mark (1.4.3, 4,5:1 or more).
Unknown or not published is one neutral grey, outlined dashed and named in text: never a palette colour, so it
cannot read as good, bad or as one more category.
"""

import functools
import json
import textwrap

import altair as alt
import pandas as pd

from dashboard.base.text import visible

# Okabe–Ito (safe for colour-blind readers) without black, which marks the documents' own reference figures.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]
BACKGROUND = "#ffffff"
OUTLINE = "#333333"          # 12,6:1 on white
REFERENCE = "#000000"
UNKNOWN_FILL = "#d9d9d9"     # neutral grey: no hue, so no meaning of its own
UNKNOWN_STROKE = "#595959"   # 7:1 on white: the dashed outline that says "no figure" without colour
TEXT = "#31333f"             # axis and title text, as Streamlit's body text: 12:1 on white
UNKNOWN_DASH = [4, 3]
LABEL_CHARS = 46             # a row label's line: fits a 390 px wide phone at the default 11 px font
PHONE = "width < 560"        # a Vega expression: the plot has a phone's width

SWEDISH_LOCALE = {
    "number": {"decimal": ",", "thousands": "\u00a0", "grouping": [3], "currency": ["", "\u00a0kr"],
               "percent": "\u00a0%"},
    "time": {"dateTime": "%A %e %B %Y %X", "date": "%Y-%m-%d", "time": "%H:%M:%S", "periods": ["fm", "em"],
             "days": ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"],
             "shortDays": ["sön", "mån", "tis", "ons", "tor", "fre", "lör"],
             "months": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
                        "oktober", "november", "december"],
             "shortMonths": ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]},
}


def luminance(colour: str) -> float:
    """WCAG relative luminance of '#rrggbb'."""
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def ink(fill: str) -> str:
    """Black or white text, whichever reads better on `fill`."""
    return max(("#000000", "#ffffff"), key=lambda text: contrast(text, fill))


def colours(known: list[str], unknown: tuple[str, ...] = (), reference: tuple[str, ...] = ()) -> dict[str, str]:
    """Each category its colour: palette colours in order for `known`, the neutral grey for `unknown`, black for
    `reference`."""
    palette = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(known)}
    return {**palette, **{name: UNKNOWN_FILL for name in unknown}, **{name: REFERENCE for name in reference}}


def scale(mapping: dict[str, str]) -> alt.Scale:
    return alt.Scale(domain=list(mapping), range=list(mapping.values()))


def dashed_where(field: str, unknown: list[str]) -> dict:
    """A dashed outline on marks whose `field` is one of `unknown` (the grey ones), a solid one elsewhere."""
    quoted = functools.partial(json.dumps, ensure_ascii=False)
    test = " || ".join(f"datum[{quoted(field)}] === {quoted(value)}" for value in unknown) or "false"
    return alt.condition(test, alt.value(UNKNOWN_DASH), alt.value([1, 0]))


def wrap(text: str, width: int = LABEL_CHARS) -> str:
    """A label broken into lines (Vega's `lineBreak` "\\n") that fit a phone; words are never split."""
    return "\n".join(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)) or text


def lines(text: str) -> int:
    return text.count("\n") + 1


def finish(chart: alt.Chart, title: str | list[str]) -> alt.Chart:
    """Title, full width, Swedish number and date formats (d3's sv-SE locale: '1 234,5', 'maj 2019') and the
    legend below the plot (beside it, it took a third of a phone's width), never cut: no label limit, one
    column on a phone and three on a wider screen, every symbol outlined so light colours keep their edge.
    A title given as one string breaks before its parenthesis instead of being cut; a list is its lines."""
    title_lines = title if isinstance(title, list) else title.replace(" (", "\n(", 1).split("\n")
    legend = alt.LegendConfig(orient="bottom", direction="horizontal", columns=alt.ExprRef(f"{PHONE} ? 1 : 3"),
                              labelLimit=0, titleLimit=0, symbolStrokeColor=OUTLINE, symbolStrokeWidth=1,
                              symbolType="square", symbolOpacity=1)
    # fit-x: the height is the plot's; under Streamlit's default ("fit") the legend and axes took it from the plot
    return chart.properties(title=alt.TitleParams(title_lines, anchor="start"), width="container",
                            autosize=alt.AutoSizeParams(type="fit-x", contains="padding")).configure(
        locale=SWEDISH_LOCALE, legend=legend,
        # Vega's grey axis text (#808495 in Streamlit's theme, 3,7:1) is below WCAG AA: the text's own 7:1
        axis=alt.AxisConfig(labelLimit=320, labelColor=TEXT, titleColor=TEXT, tickColor=TEXT, domainColor=TEXT),
        title=alt.TitleConfig(color=TEXT))


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
