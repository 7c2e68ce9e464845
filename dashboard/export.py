"""Tables to files: JSON-safe records, plain CSV, Swedish-Excel CSV and .xlsx with a metadata sheet.

Exports show missing values with the codes Kolada users know: `–` missing or not reported,
`.` not applicable, `..` suppressed (too few to show).
"""

import io
import math
import re
from datetime import date, datetime, time

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font

from dashboard.base.text import visible

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def plain_value(value):
    """A JSON- and CSV-safe Python value: ISO dates, None for missing, plain numbers."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, datetime):  # pd.Timestamp included
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "item"):
        return plain_value(value.item())
    return value


def to_records(frame: pd.DataFrame) -> list[dict]:
    return [{k: plain_value(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def csv_plain(frame: pd.DataFrame) -> bytes:
    """UTF-8, comma, decimal point, ISO dates; missing values are empty; formula-like text kept inert."""
    return _records_frame(frame).map(inert).to_csv(index=False).encode("utf-8")


def _records_frame(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(to_records(frame), columns=list(frame.columns))


def inert(value):
    """Text as a spreadsheet can hold it (`text.visible`: U+FFFE made every .xlsx holding it malformed XML), and
    text a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) prefixed with an
    apostrophe, so a name typed into the data cannot become a live formula or link in a download."""
    if not isinstance(value, str):
        return value
    value = visible(value)
    return "'" + value if value[:1] in FORMULA_STARTS else value


def csv_excel_sv(frame: pd.DataFrame) -> bytes:
    """CSV that Swedish Excel opens as a table: UTF-8 with BOM, semicolons, decimal comma, ISO dates."""
    swedish = frame.map(lambda v: str(v).replace(".", ",") if isinstance(v, float) else inert(v))
    return swedish.to_csv(index=False, sep=";").encode("utf-8-sig")


def xlsx(frame: pd.DataFrame, about: dict[str, str], sheet: str = "Data") -> bytes:
    """A workbook as Excel users expect it: the table with date cells and number formats, a bold frozen header
    with filters and fitted widths, and a second sheet naming filters, dates and sources."""
    book = Workbook()
    data = book.active
    data.title = sheet[:31]
    _write_sheet(data, list(frame.columns), frame.itertuples(index=False))
    _write_sheet(book.create_sheet("Om uttaget"), ["Uppgift", "Värde"], about.items())
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_sheets(sheets: dict[str, pd.DataFrame], about: dict[str, str], about_sheet: str) -> bytes:
    """Several tables in one workbook, each on its own sheet as `xlsx` writes its table (the first is the one
    Excel opens on), and a last sheet `about_sheet` saying what the workbook holds."""
    book = Workbook()
    book.remove(book.active)
    for name, frame in sheets.items():
        _write_sheet(book.create_sheet(name[:31]), list(frame.columns), frame.itertuples(index=False))
    _write_sheet(book.create_sheet(about_sheet[:31]), ["Uppgift", "Värde"], about.items())
    book.active = 0
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write_sheet(sheet, headers: list[str], rows) -> None:
    sheet.append(headers)
    for row in rows:
        sheet.append([_cell(value) for value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for column in sheet.iter_cols(min_row=2):
        for cell in column:
            cell.number_format = _number_format(cell.value) or cell.number_format
    for cells in sheet.columns:
        width = max(len(str(c.value if c.value is not None else "")) for c in cells[:200])
        sheet.column_dimensions[cells[0].column_letter].width = min(max(10, width + 2), 60)


def _cell(value):
    """A real date for an ISO date, a number for a number, inert text otherwise."""
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        return date.fromisoformat(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return inert(value)


def _number_format(value) -> str | None:
    if isinstance(value, date):
        return "yyyy-mm-dd"
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return "#,##0"
    if isinstance(value, float):
        return "#,##0.0###"
    return None


def file_name(stem: str, as_of, extension: str, area: str | None = None) -> str:
    """`placeringar_per_stadsdel_farsta_2019-06-30.xlsx`: what, for which area, and as of when."""
    place = f"_{slug(area)}" if area else ""
    return f"{stem}{place}_{plain_value(as_of)}.{extension}"


def slug(text: str) -> str:
    """'Hägersten-Liljeholmen' -> 'hagersten-liljeholmen', for file names."""
    plain = text.lower().translate(str.maketrans("åäöé ", "aaoe_"))
    return "".join(c for c in plain if c.isalnum() or c in "_-")
