"""Which sources an indicator frame cites, described as a footnote: id, title, organisation, date, dnr."""

import pandas as pd

from dashboard.base import formatting


def source_ids(frame: pd.DataFrame) -> list[str]:
    """The ids in a frame's `sources` (or `source`) column, which holds comma-separated source ids."""
    column = frame["sources"] if "sources" in frame else frame.get("source", pd.Series(dtype=str))
    return sorted({s.strip() for cell in column.dropna().unique() for s in str(cell).split(",") if s.strip()})


def describe(source_id: str, sources: pd.DataFrame) -> str:
    """`sources` is the `sources` indicator indexed by source_id."""
    if source_id not in sources.index:
        return source_id
    row = sources.loc[source_id]
    dnr = f", dnr {row['dnr']}" if isinstance(row["dnr"], str) else ""
    return f"{source_id}: {row['title']}, {row['organisation']} ({formatting.iso_date(row['dated'])}{dnr})"
