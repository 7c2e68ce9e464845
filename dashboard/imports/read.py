"""Read an uploaded file into header + rows of text, detecting its format and saying what was detected.

Accepts `.xlsx` (its active sheet: the one Excel shows on opening, named in what was detected) and CSV in UTF-8
(with or without BOM), UTF-16 (with BOM) or Windows-1252, separated by `;` or `,`. Every row the file holds is read:
a sheet's `<dimension>` is not trusted (a stale one made openpyxl stop early), and values beyond the header's last
column are kept as problems, never dropped. A file that is not what it claims to be, too large (packed or
unpacked), too long, empty, binary, broken or in mixed encodings is refused with a Swedish message; nothing in a
file can make the reader raise anything else. What a row or a cell holds that cannot be imported as text (a row
hidden in Excel, values right of the header, a formula, a true/false value) is kept for the validation to report
with the row and column.

A CSV file that is not valid UTF-8 is read as Windows-1252 only when no byte sequence in it is valid UTF-8 beyond
ASCII: Windows-1252 text almost never holds one (it would take a capital like Ä followed by a sign like ” or °),
and a file that holds both was saved partly in each (mojibake if read whole as either), so it is refused.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time

from dashboard.base.text import refused_character

MAX_BYTES = 5 * 1024 * 1024
MAX_UNPACKED = 50 * 1024 * 1024   # an .xlsx is a zip: its parts are checked before any is read
MAX_ROWS = 20_000
MAX_COLUMNS = 50
# A UTF-8 sequence of two to four bytes (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
                           rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
                           rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
HIDDEN_ROW = "Raden är dold i Excel (dold eller bortfiltrerad); visa raden eller ta bort den."
BOOLEAN_CELL = "Cellen är ett sant/falskt-värde (SANT eller FALSKT), inte text; skriv värdet som text."
FORMULA_CELL = "Formler tillåts inte; skriv värdet."


class ImportFileError(ValueError):
    """The whole file is refused (not a row-level problem)."""


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]               # data rows as text; a missing cell is ""
    numbers: list[int] = field(default_factory=list)   # each data row's number as the spreadsheet shows it
    detected: dict[str, str] = field(default_factory=dict)
    refused: dict[tuple[int, int], str] = field(default_factory=dict)   # (row index, column index) -> why
    row_problems: list[tuple[int, str]] = field(default_factory=list)   # (row number, what is wrong with the row)


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


class _Rows:
    """A sheet's or a CSV file's rows, one at a time, into a Table: the first row with a value is the header and
    sets the width; in a later row, a value right of it is a problem of that row, and a cell `refusal` names is
    kept as a problem of that cell."""

    def __init__(self, text, refusal=lambda value, kind: None):
        self.table, self.width, self.text, self.refusal = None, 0, text, refusal

    def add(self, number: int, cells: list[tuple[int, object, str]], hidden: bool = False) -> None:
        """Row `number`'s cells that hold a value, as (column index from 0, value, Excel's data type)."""
        if not cells:
            return
        if self.table is None:
            self._header(cells)
        else:
            self._data(number, cells)
        if hidden:
            self.table.row_problems.append((number, HIDDEN_ROW))

    def _header(self, cells) -> None:
        self.width = max(column for column, _, _ in cells) + 1
        if self.width > MAX_COLUMNS:
            raise ImportFileError(f"Filen har {self.width} kolumner; en importmall har högst {MAX_COLUMNS}.")
        headers = [""] * self.width
        for column, value, _ in cells:
            headers[column] = self.text(value).strip()
        self.table = Table(headers, [])

    def _data(self, number: int, cells) -> None:
        table, index = self.table, len(self.table.rows)
        _check_row_count(index + 1)
        row, beyond = [""] * self.width, []
        for column, value, kind in cells:
            if column >= self.width:
                beyond.append(column)
            elif refused := self.refusal(value, kind):
                table.refused[(index, column)] = refused
            else:
                row[column] = self.text(value)
        table.rows.append(row)
        table.numbers.append(number)
        if beyond:
            where = f"kolumn{'erna' if len(beyond) > 1 else ''} {', '.join(_letters(c) for c in sorted(beyond)[:5])}"
            table.row_problems.append((number, f"Raden har värden till höger om sista kolumnrubriken (i {where}); ta "
                                               "bort dem eller ge kolumnen en rubrik."))

    def result(self, detected: dict, empty: str) -> Table:
        if self.table is None:
            raise ImportFileError(empty)
        self.table.detected = detected
        return self.table


def _letters(column: int) -> str:
    """A column's name as a spreadsheet shows it: 0 -> A, 26 -> AA."""
    name, number = "", column + 1
    while number:
        number, rest = divmod(number - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read_xlsx(data: bytes) -> Table:
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
        rows = _Rows(_xlsx_text, _xlsx_refusal)
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
                                   for cell in cells if not _blank(cell["value"])]


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


def _read_csv(data: bytes) -> Table:
    text, encoding = _decode(data)
    nul = text.find("\x00")
    if nul >= 0:
        raise ImportFileError(f"Filen innehåller binärdata (ett NUL-tecken på rad {text.count(chr(10), 0, nul) + 1}) "
                              "och är ingen CSV-fil.")
    first_line = text.split("\n", 1)[0]
    separator = ";" if first_line.count(";") >= first_line.count(",") and ";" in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    rows = _Rows(str)
    try:
        for number, record in enumerate(reader, start=1):   # a record is a row as a spreadsheet numbers it
            rows.add(number, [(column, value, "s") for column, value in enumerate(record) if not _blank(value)])
    except csv.Error as error:
        raise ImportFileError(f"CSV-filen kan inte tolkas på rad {reader.line_num}: {_csv_problem(error)}") from None
    detected = {"format": "CSV", "teckenkodning": encoding, "avgränsare": "semikolon" if separator == ";" else "komma"}
    return rows.result(detected, "Filen är tom.")


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
    except UnicodeDecodeError as error:
        invalid = error.start
    text = data.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t") + text.count("\ufffd")
    if controls > max(2, len(text) // 100):
        raise ImportFileError("Filen innehåller binärdata och är ingen CSV-fil.")
    utf8 = UTF8_SEQUENCE.search(data)
    if utf8:
        lines = sorted({data.count(b"\n", 0, at) + 1 for at in (utf8.start(), invalid)})
        raise ImportFileError(f"Filen blandar teckenkodningar (UTF-8 och troligen Windows-1252, på rad "
                              f"{' och '.join(map(str, lines))}), så att tecken som å, ä och ö blir fel. Spara filen "
                              "som CSV UTF-8.")
    return text, "Windows-1252"


def _check_row_count(rows: int) -> None:
    if rows > MAX_ROWS:
        raise ImportFileError(f"Filen har fler än {MAX_ROWS} rader; högst {MAX_ROWS} per import.")
