"""The board pack as Markdown, walked from `Brief.document()`: every text escaped (`formatting.plain`), so a unit
or file name such as '![x](https://…)' stays text, and the förvaltning's proposal keeps its lines as written."""

import pandas as pd

from dashboard import proposal
from dashboard.base import formatting
from dashboard.brief.doc import Figure, Heading, Items, PageBreak, Para, Table
from dashboard.brief.pack import Brief


def brief_markdown(brief: Brief) -> str:
    return "\n\n".join(part for part in (_block(block) for block in brief.document()) if part) + "\n"


def _block(block) -> str:
    plain = formatting.plain
    if isinstance(block, Heading):
        return f"{'#' * block.level} {plain(block.text)}"
    if isinstance(block, Para):
        if block.kind == "quote":
            return "\n".join(f"> {line}" for line in proposal.as_markdown("\n".join(block.lines)).split("\n"))
        label = f"**{plain(block.label)}** " if block.label else ""
        text = f"{label}{plain(block.text)}"
        return f"*{text}*" if block.kind in ("note", "meta") and not block.label else text
    if isinstance(block, Items):
        return "\n".join(f"- {plain(item)}" for item in block.items)
    if isinstance(block, Table):
        caption = f"{plain(block.caption)}\n\n" if block.caption else ""
        return caption + _table(block.frame)
    if isinstance(block, Figure):
        return f"*{plain(block.caption)}* {plain(block.alt)}"
    if isinstance(block, PageBreak):
        return "---"
    raise TypeError(block)


def _table(frame: pd.DataFrame) -> str:
    cell = formatting.plain   # on one line: a bare CR broke the table
    header = "| " + " | ".join(cell(c) for c in frame.columns) + " |"
    rule = "| " + " | ".join("---" for _ in frame.columns) + " |"
    body = ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([header, rule, *body])
