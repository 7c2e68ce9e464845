"""An .xlsx upload read: its active sheet (the one Excel shows on opening), every row the sheet holds whatever
its `<dimension>` says, the zip checked before any part is read; a formula, a true/false value or a hidden row
is kept as a problem of its cell or row."""

import io
import zipfile
from datetime import date, datetime, time

from dashboard.base.text import refused_character
from dashboard.imports.table import ImportFileError, Rows, Table, blank

MAX_UNPACKED = 50 * 1024 * 1024   # an .xlsx is a zip: its parts are checked before any is read
BOOLEAN_CELL = "Cellen är ett sant/falskt-värde (SANT eller FALSKT), inte text; skriv värdet som text."
FORMULA_CELL = "Formler tillåts inte; skriv värdet."


def read_xlsx(data: bytes) -> Table:
    if data[:2] != b"PK":
        raise ImportFileError("Filen heter .xlsx men är inte en Excel-arbetsbok.")
    _check_archive(data)
    try:
        return _xlsx_table(data)
    except ImportFileError:
        raise
    except Exception:   # openpyxl, zlib and the XML parser raise many kinds on a broken workbook
        raise ImportFileError("Excel-filen är skadad och kan inte läsas. Öppna den i Excel och spara den igen, "
                              "eller spara den som CSV.") from None


def _check_archive(data: bytes) -> None:
    """The archive opens and does not unpack to more than the limit (a small file can unpack to gigabytes)."""
    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except Exception:
        raise ImportFileError("Filen heter .xlsx men är inte en läsbar Excel-arbetsbok.") from None
    if sum(part.file_size for part in parts) > MAX_UNPACKED:
        raise ImportFileError(f"Excel-filen packas upp till mer än {MAX_UNPACKED // 1024 // 1024} MB och läses "
                              "inte. Spara bara det blad som ska importeras.")


def _xlsx_table(data: bytes) -> Table:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        sheet = _active_sheet(book)
        rows = Rows(_xlsx_text, _xlsx_refusal)
        for number, hidden, cells in _sheet_rows(book, sheet):
            rows.add(number, cells, hidden)
        others = len(book.sheetnames) - 1
    finally:
        book.close()
    detected = {"format": "Excel (.xlsx)", "blad": f"{sheet.title} (det aktiva bladet)"}
    if others:
        detected["andra blad (lästes inte)"] = str(others)
    return rows.result(detected, "Excel-filens aktiva blad saknar rader.")


def _active_sheet(book):
    """The sheet Excel shows on opening: the one the file says is active. One that is hidden or a chart is
    refused rather than guessed past, and so is a name that could not be shown safely."""
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    sheet = book.active
    if sheet is None:
        raise ImportFileError("Excel-filen anger inget aktivt blad. Öppna den i Excel, välj bladet som ska "
                              "importeras och spara igen.")
    if not isinstance(sheet, ReadOnlyWorksheet):
        raise ImportFileError(f"Det aktiva bladet '{sheet.title[:40]}' är ett diagramblad. Öppna filen i Excel, "
                              "välj bladet som ska importeras och spara igen.")
    if sheet.sheet_state != "visible":
        raise ImportFileError(f"Det aktiva bladet '{sheet.title[:40]}' är dolt. Öppna filen i Excel, välj bladet "
                              "som ska importeras och spara igen.")
    if refused_character(sheet.title):   # the name is shown with what was detected and kept in the import log
        raise ImportFileError(f"Namnet på det aktiva bladet innehåller {refused_character(sheet.title)}; byt namn "
                              "på bladet och spara igen.")
    return sheet


def _sheet_rows(book, sheet):
    """(row number, hidden, cells with a value as (column index, value, data type)) for every row the sheet's XML
    holds. This is what openpyxl's read-only `iter_rows` does inside, without its two faults here: it stops at the
    `<dimension>` the file states (stale in files some programs write) and it pads each row to its last cell (a
    single cell in column XFD is 16 384 values), and it keeps each row's attributes, so a hidden row is seen."""
    from openpyxl.worksheet._reader import WorkSheetParser

    with sheet._get_source() as source:
        parser = WorkSheetParser(source, sheet._shared_strings, data_only=False, epoch=book.epoch,
                                 date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
        for number, cells in parser.parse():
            hidden = parser.row_dimensions.pop(str(number), {}).get("hidden") in ("1", "true")
            yield number, hidden, [(cell["column"] - 1, cell["value"], cell["data_type"])
                                   for cell in cells if not blank(cell["value"])]


def _xlsx_refusal(value, kind: str) -> str | None:
    if kind == "f":   # a formula of any kind: its text, an ArrayFormula or a DataTableFormula
        return FORMULA_CELL
    if isinstance(value, bool):
        return BOOLEAN_CELL
    return None


def _xlsx_text(cell) -> str:
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    if isinstance(cell, (date, time)):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)
