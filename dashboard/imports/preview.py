"""What an import will write, row by row, in the file's own columns: each value as it will be stored, shown the
Swedish way ('0,5', '3 500 000 kr', '–' for a value the row leaves empty), and in a row that changes an existing
one, each changed cell as 'before → after'. A person checks values, not keys, before confirming."""

import pandas as pd
from babel.numbers import format_decimal

from dashboard.base.formatting import LOCALE, MISSING, is_missing, iso_date, number
from dashboard.columns import FUNDING_STATUS_LABELS
from dashboard.imports.kinds import Kind
from dashboard.imports.plausible import COMPARED, comparable

ADDED, CHANGED, UNCHANGED = "läggs till", "ändras", "oförändrad"
ARROW = " → "


def values_frame(kind: Kind, records: list[dict], existing: pd.DataFrame,
                 area_names: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(what each row writes, which cells change an existing value): 'Rad', 'Åtgärd' and one column per field,
    as text; the second frame is True where a cell reads 'before → after'."""
    keys = list(kind.key)
    compared = [c for c in COMPARED[kind.name] if c in existing.columns]
    known = {tuple(comparable(v) for v in row[keys]): row for _, row in existing.iterrows()}
    shown, marks = [], []
    for record in records:
        before = known.get(tuple(comparable(record[k]) for k in keys))
        cells, changed = {}, {}
        for field in kind.fields:
            new = _shown(kind, field, record.get(field.column), area_names)
            old = None if before is None or field.column not in compared else \
                _shown(kind, field, before[field.column], area_names)
            changed[field.header] = old is not None and _stored(kind, field.column, before[field.column]) \
                != comparable(record.get(field.column))
            cells[field.header] = f"{old}{ARROW}{new}" if changed[field.header] else new
        action = ADDED if before is None else CHANGED if any(changed.values()) else UNCHANGED
        shown.append({"Rad": str(record["_row"]), "Åtgärd": action, **cells})
        marks.append({"Rad": False, "Åtgärd": False, **changed})
    columns = ["Rad", "Åtgärd", *kind.headers]
    return pd.DataFrame(shown, columns=columns), pd.DataFrame(marks, columns=columns).astype(bool)


def _stored(kind: Kind, column: str, value):
    """An existing value as a file states it, to compare: an agreement's status is a code in the database."""
    if kind.name == "agreements" and column == "status":
        value = FUNDING_STATUS_LABELS.get(value, value)
    return comparable(value)


def _shown(kind: Kind, field, value, area_names: dict[str, str]) -> str:
    if is_missing(value):
        return MISSING
    if field.type == "date":
        return iso_date(value)
    if field.type == "share":
        return format_decimal(value, format="#,##0.###", locale=LOCALE)
    if field.type == "amount":
        return f"{number(value)} kr"
    if field.references == "area":
        return area_names.get(value, value)
    if kind.name == "agreements" and field.column == "status":
        return FUNDING_STATUS_LABELS.get(value, value)
    return str(value)
