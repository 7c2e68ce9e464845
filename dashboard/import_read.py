"""Read an uploaded file into header + rows of text, detecting its format and saying what was detected.

Accepts `.xlsx` and CSV in UTF-8 (with or without BOM), UTF-16 (with BOM) or Windows-1252, separated by `;` or
`,`. A file that is not what it claims to be, too large (packed or unpacked), too long, empty, binary or broken is
refused with a Swedish message; nothing in a file can make the reader raise anything else.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time

MAX_BYTES = 5 * 1024 * 1024
MAX_UNPACKED = 50 * 1024 * 1024   # an .xlsx is a zip: its parts are checked before any is read
MAX_ROWS = 20_000
MAX_COLUMNS = 50


class ImportFileError(ValueError):
    """The whole file is refused (not a row-level problem)."""


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]               # data rows as text; row i is spreadsheet row i + 2
    detected: dict[str, str] = field(default_factory=dict)
    formulas: set[tuple[int, int]] = field(default_factory=set)   # (row index, column index) holding a formula
    beyond_header: list[int] = field(default_factory=list)        # row indexes with values right of the header


def read_table(file_name: str, data: bytes) -> Table:
    if len(data) > MAX_BYTES:
        raise ImportFileError(f"Filen är för stor ({len(data) // 1024} kB); högst {MAX_BYTES // 1024 // 1024} MB.")
    if not data.strip():
        raise ImportFileError("Filen är tom.")
    suffix = file_name.lower().rsplit(".", 1)[-1] if "." in file_name else ""
    if suffix == "xlsx":
        return _read_xlsx(data)
    if suffix in ("csv", "txt"):
        if data[:2] == b"PK":
            raise ImportFileError("Filen heter .csv men är ett kalkylark eller ett arkiv; spara den som CSV eller "
                                  "ladda upp den som .xlsx.")
        return _read_csv(data)
    raise ImportFileError("Filtypen stöds inte: ladda upp .xlsx eller .csv.")


def _read_xlsx(data: bytes) -> Table:
    if data[:2] != b"PK":
        raise ImportFileError("Filen heter .xlsx men är inte en Excel-arbetsbok.")
    states = _sheet_states(data)
    try:
        return _xlsx_table(data, states)
    except ImportFileError:
        raise
    except Exception:   # openpyxl, zlib and the XML parser raise many kinds on a broken workbook
        raise ImportFileError("Excel-filen är skadad och kan inte läsas. Öppna den i Excel och spara den igen, "
                              "eller spara den som CSV.") from None


def _sheet_states(data: bytes) -> list[str]:
    """Each sheet's state ('visible', 'hidden', 'veryHidden') in workbook order, after checking the archive's
    unpacked size (a small file can unpack to gigabytes)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
        if sum(part.file_size for part in parts) > MAX_UNPACKED:
            raise ImportFileError(f"Excel-filen packas upp till mer än {MAX_UNPACKED // 1024 // 1024} MB och läses "
                                  "inte. Spara bara det blad som ska importeras.")
        workbook = archive.read("xl/workbook.xml").decode("utf-8", errors="replace")
    except ImportFileError:
        raise
    except Exception:
        raise ImportFileError("Filen heter .xlsx men är inte en läsbar Excel-arbetsbok.") from None
    return [_state(tag) for tag in re.findall(r"<(?:\w+:)?sheet\b[^>]*>", workbook)]


def _state(sheet_tag: str) -> str:
    found = re.search(r'\bstate="(\w+)"', sheet_tag)
    return found.group(1) if found else "visible"


def _xlsx_table(data: bytes, states: list[str]) -> Table:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        visible = [i for i, state in enumerate(states) if state == "visible"] or [0]
        sheet = book.worksheets[visible[0]]
        values = []
        for row in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1):
            if any(cell not in (None, "") for cell in row):
                values.append(list(row))
                _check_row_count(len(values) - 1)   # stop reading at the limit, not after every row
    finally:
        book.close()
    if not values:
        raise ImportFileError("Excel-filen saknar rader.")
    detected = {"format": "Excel (.xlsx)", "blad": sheet.title}
    if visible[0] > 0:
        detected["dolda blad som hoppades över"] = str(visible[0])
    return _table(values, detected, _xlsx_text, _is_formula)


def _is_formula(cell) -> bool:
    from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

    return isinstance(cell, (ArrayFormula, DataTableFormula)) or (isinstance(cell, str) and cell.startswith("="))


def _xlsx_text(cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    if isinstance(cell, (date, time)):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def _table(values: list[list], detected: dict, text, is_formula=lambda cell: False) -> Table:
    """Header and rows from a sheet's or a CSV file's non-empty rows."""
    header = values[0]
    width = max((i + 1 for i, cell in enumerate(header) if cell not in (None, "")), default=0)
    if width > MAX_COLUMNS:
        raise ImportFileError(f"Filen har {width} kolumner; en importmall har högst {MAX_COLUMNS}.")
    formulas = {(r - 1, c) for r, row in enumerate(values) for c, cell in enumerate(row[:width]) if r and is_formula(cell)}
    beyond = [r - 1 for r, row in enumerate(values) if r and any(cell not in (None, "") for cell in row[width:])]
    rows = [[text(cell) for cell in (row + [None] * width)[:width]] for row in values[1:]]
    return Table([text(h).strip() for h in header[:width]], rows, detected, formulas, beyond)


def _read_csv(data: bytes) -> Table:
    text, encoding = _decode(data)
    nul = text.find("\x00")
    if nul >= 0:
        raise ImportFileError(f"Filen innehåller binärdata (ett NUL-tecken på rad {text.count(chr(10), 0, nul) + 1}) "
                              "och är ingen CSV-fil.")
    first_line = text.split("\n", 1)[0]
    separator = ";" if first_line.count(";") >= first_line.count(",") and ";" in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    rows = []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append(row)
                _check_row_count(len(rows) - 1)
    except csv.Error as error:
        raise ImportFileError(f"CSV-filen kan inte tolkas på rad {reader.line_num}: {_csv_problem(error)}") from None
    if not rows:
        raise ImportFileError("Filen är tom.")
    detected = {"format": "CSV", "teckenkodning": encoding, "avgränsare": "semikolon" if separator == ";" else "komma"}
    return _table(rows, detected, str)


def _csv_problem(error: csv.Error) -> str:
    message = str(error)
    if "field larger than field limit" in message:
        return "ett fält är längre än vad en CSV-cell får vara (troligen saknas ett avslutande citattecken)."
    if "quote" in message or "EOF" in message:
        return "ett citattecken avslutas inte."
    return "raden går inte att dela upp i kolumner."


def _decode(data: bytes) -> tuple[str, str]:
    for bom, codec, name in ((b"\xff\xfe", "utf-16-le", "UTF-16"), (b"\xfe\xff", "utf-16-be", "UTF-16"),
                             (b"\xef\xbb\xbf", "utf-8", "UTF-8 med BOM")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), name
            except UnicodeDecodeError as error:
                line = data[:error.start].count(b"\n") + 1
                raise ImportFileError(f"Filen säger att den är {name} men har ogiltiga tecken på rad {line}. "
                                      "Spara den igen som CSV UTF-8.") from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t") + text.count("\ufffd")
    if controls > max(2, len(text) // 100):
        raise ImportFileError("Filen innehåller binärdata och är ingen CSV-fil.")
    return text, "Windows-1252"


def _check_row_count(rows: int) -> None:
    if rows > MAX_ROWS:
        raise ImportFileError(f"Filen har fler än {MAX_ROWS} rader; högst {MAX_ROWS} per import.")
