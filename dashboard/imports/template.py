"""Templates to start an import from. The Excel template holds the columns with an example row typed as Excel
types them (a date cell, 0,5 as a number), a sheet per list of values the file may refer to (the units with their
names and areas, the supporters' codes in use, …, as the data stand now) and a sheet saying how to fill it in. A
CSV file holds one table only: its template is the columns and the example row, and Importera shows the lists.

Each template imports unchanged: the example row is valid against the shipped data (`import_kinds`)."""

import pandas as pd

from dashboard import export
from dashboard.base.amounts import parse_amount
from dashboard.base.formatting import stockholm_now
from dashboard.imports import lists as import_lists
from dashboard.imports.kinds import Field, Kind
from dashboard.imports.values import AGREEMENT_AMOUNT
from dashboard.now import data_as_of

ABOUT_SHEET = "Om mallen"
# how a value of a type is written, said where the kind has such a column
WRITTEN = {"Datum": ("date", "ÅÅÅÅ-MM-DD (en datumcell i Excel går också)"),
           "Andelar": ("share", "0,5 eller 50 %"), "Belopp": ("amount", "i kronor: 3 500 000 eller 3,5 mnkr")}


def build(kind: Kind, extension: str) -> bytes:
    if extension != "xlsx":
        return export.csv_excel_sv(pd.DataFrame([[f.example for f in kind.fields]], columns=kind.headers))
    example = pd.DataFrame([[_typed(f) for f in kind.fields]], columns=kind.headers)
    lists = import_lists.lists_for(kind.name)
    sheets = {kind.label: example, **{id_list.name: frame for id_list, frame in lists}}
    allowed = import_lists.choices(kind.name)
    if not allowed.empty:
        sheets[import_lists.CHOICES] = allowed
    return export.xlsx_sheets(sheets, about(kind, [id_list for id_list, _ in lists], not allowed.empty), ABOUT_SHEET)


def about(kind: Kind, lists: list, has_choices: bool) -> dict[str, str]:
    """The template's last sheet: what goes where, and as of when the lists hold."""
    sheets = [f"'{id_list.name}': {id_list.note}" for id_list in lists]
    if has_choices:
        sheets.append(f"'{import_lists.CHOICES}': vad som får stå i {_choice_columns(kind)}.")
    return {
        "Slag": kind.label,
        "Fyll i": f"Bladet '{kind.label[:31]}' (det som öppnas först och det som läses vid importen). Raden under "
                  "rubrikerna är ett exempel: skriv över den med era rader.",
        "Obligatoriska kolumner": ", ".join(f.header for f in kind.fields if f.required),
        **{name: how for name, (kind_of, how) in WRITTEN.items() if any(f.type == kind_of for f in kind.fields)},
        "Giltiga värden": " ".join(sheets),
        "Listorna gäller": f"data t.o.m. {data_as_of().isoformat()}; mallen hämtad {stockholm_now()}",
    }


def _choice_columns(kind: Kind) -> str:
    return " och ".join(f"'{f.header}'" for f in kind.fields if f.choices)


def _typed(field: Field):
    """The example as Excel holds a value of its type: a number for a share or an amount (a date is made a date
    cell by `export`), nothing for an empty example."""
    if not field.example:
        return None
    if field.type == "share":
        return float(field.example.replace(",", "."))
    if field.type == "amount":
        return round(parse_amount(field.example, AGREEMENT_AMOUNT))
    return field.example
