"""An import read against what is already known: rows that contradict the documents or each other.

Two outcomes besides "fine": a *problem* refuses the file (a decision dated after its period ended); a
*confirmation* lets it through only when the user says the change is meant, with the documented value beside the
new one (a documented unit moved to another district, a documented placement or agreement rewritten, a second
decided agreement for days another already covers). Silently, an import could otherwise turn a document's fact
into something no document says.

Each finding is (file row, column, message) for the rows of `records`, as the validation reports them.
"""

from datetime import date

import pandas as pd

from dashboard import export
from dashboard.base.formatting import cell, number
from dashboard.columns import FUNDING_STATUS_LABELS
from dashboard.imports.kinds import KINDS

DECIDED = FUNDING_STATUS_LABELS["decided"]
UNKNOWN = (None, "okänd", FUNDING_STATUS_LABELS["expected"])   # an expected agreement is not yet decided
# what each kind's rows may change of an existing row, by column, with the header a message names
COMPARED = {kind.name: {f.column: f.header for f in kind.fields if f.column not in kind.key} for kind in KINDS.values()}


def comparable(value):
    """Numbers as floats, dates as ISO text, missing as None: a file's '0,5' and the database's 0.5 are equal."""
    value = export.plain_value(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return value


def review(kind: str, records: list[dict], existing: pd.DataFrame) -> tuple[list[tuple], list[tuple]]:
    """(problems, confirmations) for `records` of `kind`, against the existing rows (with `source_id`)."""
    problems = [found for record in records for found in _row_problems(kind, record)]
    confirmations = _rewrites(kind, records, existing)
    if kind == "agreements":
        confirmations += _double_decisions(records, existing)
    return problems, sorted(confirmations)


def _row_problems(kind: str, record: dict):
    if kind != "agreements" or record.get("decided_on") is None:
        return
    if record["status"] != DECIDED:
        yield record["_row"], "Beslutsdatum", (f"Ett beslutsdatum hör bara till en beslutad överenskommelse; status "
                                              f"är '{record['status']}'. Ta bort datumet eller ändra status.")
    elif record["decided_on"] > record["period_end"]:
        yield record["_row"], "Beslutsdatum", (f"Beslutet ({record['decided_on']}) är daterat efter periodens slut "
                                              f"({record['period_end']}); ett beslut om pengar fattas före eller "
                                              "under perioden.")


def _rewrites(kind: str, records: list[dict], existing: pd.DataFrame) -> list[tuple]:
    """A documented row changed, or any unit moved to another area: what the row said, by whom, and what it
    will say."""
    keys = list(KINDS[kind].key)
    known = {tuple(comparable(v) for v in row[keys]): row for _, row in existing.iterrows()}
    found = []
    for record in records:
        before = known.get(tuple(comparable(record[k]) for k in keys))
        if before is None:
            continue
        documented = not str(before["source_id"]).startswith("IMP")
        for column, header in COMPARED[kind].items():
            old, new = comparable(_label(kind, column, before.get(column))), comparable(record.get(column))
            if old == new or not _known(before, column, old) or not (documented or column == "area_id"):
                continue
            whose = f"enligt {before['source_id']}" + (" (dokumenterat)" if documented else " (importerat)")
            found.append((record["_row"], header, f"{' '.join(map(str, (record[k] for k in keys)))}: "
                                                  f"{_shown(old)} {whose} blir {_shown(new)}."))
    return found


def _known(before: pd.Series, column: str, value) -> bool:
    """Whether the existing row states a value here: filling what a document left unknown (an unpublished unit
    name, an amount not given, a status 'okänd') is new knowledge, not a contradiction."""
    if column == "name" and not before.get("name_published", True):
        return False
    return column in before and value not in UNKNOWN


def _double_decisions(records: list[dict], existing: pd.DataFrame) -> list[tuple]:
    """A decided agreement whose period shares a day with another decided one: double funding, unless meant."""
    decided = existing[existing["status"] == "decided"]
    found = []
    for record in records:
        if record["status"] != DECIDED:
            continue
        for other in decided.itertuples(index=False):
            if other.agreement_id != record["agreement_id"] and _overlap(record, other):
                found.append((record["_row"], "Period från", (
                    f"{other.agreement_id} är redan beslutad för {_day(other.period_start)}–{_day(other.period_end)}"
                    f" ({_amount(other.amount_sek)}, {other.source_id}); {record['agreement_id']} gäller delvis "
                    "samma dagar.")))
    return found


def _overlap(record: dict, other) -> bool:
    return record["period_start"] <= _day(other.period_end) and _day(other.period_start) <= record["period_end"]


def _label(kind: str, column: str, value):
    """A stored value as a file writes it (an agreement's status is a code in the database, Swedish in files)."""
    return FUNDING_STATUS_LABELS.get(value, value) if kind == "agreements" and column == "status" else value


def _day(value) -> date:
    return value.date() if hasattr(value, "date") else value


def _amount(value) -> str:
    return "belopp okänt" if pd.isna(value) else f"{number(value)} kr"


def _shown(value) -> str:
    """A value in a message as a reader writes it: '3 500 000', '0,5', '2020-03-31'."""
    return "tomt" if value is None else f"'{cell(value) if isinstance(value, float) else value}'"
