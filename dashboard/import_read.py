"""Read an uploaded file into header + rows of text, detecting its format and saying what was detected.

Accepts `.xlsx` and CSV in UTF-8 (with or without BOM) or Windows-1252/Latin-1, separated by `;` or `,`.
A file that is not what it claims to be, too large, empty or binary is refused with a Swedish message.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000


class ImportFileError(ValueError):
    """The whole file is refused (not a row-level problem)."""


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]               # data rows as text; row i is spreadsheet row i + 2
    detected: dict[str, str] = field(default_factory=dict)
    formulas: set[tuple[int, int]] = field(default_factory=set)   # (row index, column index) holding a formula


def read_table(file_name: str, data: bytes) -> Table:
    if len(data) > MAX_BYTES:
        raise ImportFileError(f"Filen är för stor ({len(data) // 1024} kB); högst {MAX_BYTES // 1024 // 1024} MB.")
    if not data.strip():
        raise ImportFileError("Filen är tom.")
    suffix = file_name.lower().rsplit(".", 1)[-1] if "." in file_name else ""
    if suffix == "xlsx":
        return _read_xlsx(data)
    if suffix in ("csv", "txt"):
        if data[:2] == b"PK" or b"\x00" in data[:4096]:
            raise ImportFileError("Filen heter .csv men är inte en textfil (den ser ut som ett kalkylark eller binärdata).")
        return _read_csv(data)
    raise ImportFileError("Filtypen stöds inte: ladda upp .xlsx eller .csv.")


def _read_xlsx(data: bytes) -> Table:
    import openpyxl

    if data[:2] != b"PK":
        raise ImportFileError("Filen heter .xlsx men är inte en Excel-arbetsbok.")
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ImportFileError(f"Excel-filen kan inte läsas: {error}") from None
    sheet = book.worksheets[0]
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    book.close()
    values = [row for row in values if any(cell not in (None, "") for cell in row)]
    if not values:
        raise ImportFileError("Excel-filen saknar rader.")
    width = len(values[0])
    formulas = {(r - 1, c) for r, row in enumerate(values) for c, cell in enumerate(row)
                if r > 0 and isinstance(cell, str) and cell.startswith("=")}
    rows = [[_cell_text(cell) for cell in (row + [None] * width)[:width]] for row in values[1:]]
    _check_row_count(rows)
    return Table([_cell_text(h).strip() for h in values[0]], rows,
                 {"format": "Excel (.xlsx)", "blad": sheet.title}, formulas)


def _cell_text(cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def _read_csv(data: bytes) -> Table:
    text, encoding = _decode(data)
    first_line = text.split("\n", 1)[0]
    separator = ";" if first_line.count(";") >= first_line.count(",") and ";" in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        rows = [row for row in reader if any(cell.strip() for cell in row)]
    except csv.Error as error:
        raise ImportFileError(f"CSV-filen kan inte tolkas: {error}") from None
    if not rows:
        raise ImportFileError("Filen är tom.")
    _check_row_count(rows[1:])
    detected = {"format": "CSV", "teckenkodning": encoding, "avgränsare": "semikolon" if separator == ";" else "komma"}
    return Table([h.strip() for h in rows[0]], rows[1:], detected)


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "UTF-8 med BOM"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t") + text.count("\ufffd")
    if controls > max(2, len(text) // 100):
        raise ImportFileError("Filen innehåller binärdata och är ingen CSV-fil.")
    return text, "Windows-1252"


def _check_row_count(rows: list) -> None:
    if len(rows) > MAX_ROWS:
        raise ImportFileError(f"Filen har {len(rows)} rader; högst {MAX_ROWS} per import.")
