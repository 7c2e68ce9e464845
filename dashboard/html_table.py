"""A table of display strings as HTML laid out as text: long texts wrap instead of being cut, nothing in a cell is
read as Markdown or HTML (st.table renders its cells as Markdown: a recommendation starting "1." became a list and
"www.…" a link), and no column is cut at 1280 px.

A table whose columns fit the main area at 1280 px (820 px beside the sidebar) is a real table, which scrolls
sideways inside a focusable region on a phone. A wider one (ten columns of Swedish words cannot fit) is a list of
records, each field with its header, which fits any width. The page's CSS (ui/swedish_document.css) draws both.
"""

from collections.abc import Sequence
from html import escape

import pandas as pd

# Display values up to this long (ids, dates, statuses, counts, "3,5 mnkr") stay on one line: "R1-1" and
# "2019-06-01" broken at their hyphen read as two values.
ONE_LINE = 12
# A field this long takes a record's whole width.
LONG = 60
# The main area is 820 px wide in a 1280 px window with the sidebar open; a column needs at least its longest word
# (or unbreakable value) at about 6.5 px a character, plus padding and border. Measured in Chromium on the seed
# data's 22 tables, this estimate was within 2 % of the real narrowest layout; the margin covers the rest.
MAIN_WIDTH = 800
CHARACTER, PADDING = 6.5, 17


def html_table(shown: pd.DataFrame, label: str, numeric: Sequence[str] = (), marked: Sequence[bool] = ()) -> str:
    """`shown`'s headers and cells (strings), named `label` for screen readers; columns in `numeric` aligned
    right; rows where `marked` is true marked (a cell must also say why: never colour alone)."""
    cells = shown.astype(str)
    one_line = [cells[name].str.len().max() <= ONE_LINE for name in cells.columns]
    marks = [index < len(marked) and bool(marked[index]) for index in range(len(cells))]
    if min_width(cells, one_line) <= MAIN_WIDTH:
        return _table(cells, label, one_line, [name in numeric for name in cells.columns], marks)
    return _records(cells, label, marks)


def min_width(cells: pd.DataFrame, one_line: Sequence[bool]) -> float:
    """An estimate of the narrowest the table can be laid out without breaking a word, in px."""
    total = 0.0
    for name, whole in zip(cells.columns, one_line):
        values = cells[name].str.len() if whole else cells[name].map(_longest_word)
        total += max(_longest_word(name), int(values.max()) if len(values) else 0) * CHARACTER + PADDING
    return total


def _longest_word(text: str) -> int:
    return max((len(word) for word in text.split()), default=0)


def _table(cells: pd.DataFrame, label: str, one_line: list[bool], numeric: list[bool], marks: list[bool]) -> str:
    classes = [" ".join(c for c in (short and "one-line", number and "number") if c)
               for short, number in zip(one_line, numeric)]
    head = "".join(f'<th scope="col"{_class(number and "number")}>{escape(name)}</th>'
                   for name, number in zip(cells.columns, numeric))
    rows = "".join(
        f'<tr{_class(mark and "marked")}>'
        + "".join(f"<td{_class(c)}>{escape(value)}</td>" for value, c in zip(values, classes)) + "</tr>"
        for values, mark in zip(cells.itertuples(index=False, name=None), marks))
    return (f'<div class="peer-table-region" role="region" tabindex="0" aria-label="{escape(label)}">'
            f'<table class="peer-table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>')


def _records(cells: pd.DataFrame, label: str, marks: list[bool]) -> str:
    items = []
    for values, mark in zip(cells.itertuples(index=False, name=None), marks):
        fields = "".join(f'<div{_class(len(value) > LONG and "long")}><dt>{escape(name)}</dt><dd>{escape(value)}</dd></div>'
                         for name, value in zip(cells.columns, values))
        items.append(f'<li{_class(mark and "marked")}><dl>{fields}</dl></li>')
    return f'<ul class="peer-records" aria-label="{escape(label)}">{"".join(items)}</ul>'


def _class(names) -> str:
    return f' class="{names}"' if names else ""
