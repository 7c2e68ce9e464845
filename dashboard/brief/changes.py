"""'Sedan förra underlaget': what changed between an earlier board pack's date and this one's, only what is
material (documents, imports, follow-up, funding decisions and periods; conflicts as a count) (no Streamlit)."""

from datetime import date

import pandas as pd

from dashboard import indicators
from dashboard.base import formatting
from dashboard.brief.doc import Heading, Items
from dashboard.brief.wording import day
from dashboard.store import userdata


def changes_since(since: date, as_of: date) -> list[str]:
    """New documents and imports, follow-up status changes, funding decisions and periods, and the conflicts the
    new documents brought, each dated within (since, as_of]; an import by the date its facts are stated for."""
    def within(value) -> bool:
        return not pd.isna(value) and since < pd.Timestamp(value).date() <= as_of

    sources = indicators.run("sources")
    new = sources[sources["dated"].map(within) & (sources["doc_type"] != "import")].sort_values("dated")
    statuses = indicators.run("recommendations", as_of=as_of)
    agreements = indicators.run("funding_horizon", as_of=as_of)
    started = agreements[agreements["decided_by_as_of"] & agreements["period_start"].map(within)]
    decided = agreements[agreements["decided_on"].map(within)]
    conflicts = indicators.run("source_conflicts", as_of=as_of)
    brought = conflicts[conflicts["source_a"].isin(new["source_id"]) | conflicts["source_b"].isin(new["source_id"])]
    imports = userdata.applied_imports()   # an undone import changed nothing
    return [
        *[f"Nytt dokument: {row.source_id} {row.title} ({day(row.dated)})." for row in new.itertuples()],
        *[f"Import {row.import_id}: {row.file_name}, {row.rows_added} rader tillagda och {row.rows_changed} ändrade "
          f"(uppgifter per {day(row.source_dated)})." for row in imports.itertuples() if within(row.source_dated)],
        *[f"Uppföljning {row.recommendation_id}: {row.status} ({day(row.status_date)}, {row.sources})."
          for row in statuses.itertuples() if within(row.status_date)],
        *[f"Beslut om överenskommelsen {_period(row)} ({day(row.decided_on)})." for row in decided.itertuples()],
        *[f"Överenskommelsen {_period(row)} gäller från {day(row.period_start)}." for row in started.itertuples()],
        *([f"{formatting.number(len(brought))} nya motstridiga uppgifter mellan källorna; de står i bilagan under "
            "Motstridiga uppgifter i källorna."] if len(brought) else []),
    ]


def changes_blocks(since: date, as_of: date) -> tuple[list, list[str]]:
    """The part 'Sedan förra underlaget' and the changes it lists."""
    changes = changes_since(since, as_of)
    return [Heading(f"Sedan förra underlaget ({since.isoformat()})", 2),
            Items(tuple(changes or ["Inga ändringar i källorna."]))], changes



def _period(row) -> str:
    start, end = pd.Timestamp(row.period_start).year, pd.Timestamp(row.period_end).year
    years = str(start) if start == end else f"{start}–{end}"
    return f"{years}" + (f" (dnr {row.agreement})" if isinstance(row.agreement, str) else "")
