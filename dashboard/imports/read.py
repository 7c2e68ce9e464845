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

from dashboard.imports.read_xlsx import read_xlsx
from dashboard.imports.table import ImportFileError, Rows, Table, blank

MAX_BYTES = 5 * 1024 * 1024
# A UTF-8 sequence of two to four bytes (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
                           rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
                           rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")


def read_table(file_name: str, data: bytes) -> Table:
    if len(data) > MAX_BYTES:
        raise ImportFileError(f"Filen är för stor ({len(data) // 1024} kB); högst {MAX_BYTES // 1024 // 1024} MB.")
    if not data.strip():
        raise ImportFileError("Filen är tom.")
    suffix = file_name.lower().rsplit(".", 1)[-1] if "." in file_name else ""
    if suffix == "xlsx":
        return read_xlsx(data)
    if suffix in ("csv", "txt"):
        if data[:2] == b"PK":
            raise ImportFileError("Filen heter .csv men är ett kalkylark eller ett arkiv; spara den som CSV eller "
                                  "ladda upp den som .xlsx.")
        return _read_csv(data)
    raise ImportFileError("Filtypen stöds inte: ladda upp .xlsx eller .csv.")


def _read_csv(data: bytes) -> Table:
    text, encoding = _decode(data)
    nul = text.find("\x00")
    if nul >= 0:
        raise ImportFileError(f"Filen innehåller binärdata (ett NUL-tecken på rad {text.count(chr(10), 0, nul) + 1}) "
                              "och är ingen CSV-fil.")
    first_line = text.split("\n", 1)[0]
    separator = ";" if first_line.count(";") >= first_line.count(",") and ";" in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    rows = Rows(str)
    try:
        for number, record in enumerate(reader, start=1):   # a record is a row as a spreadsheet numbers it
            rows.add(number, [(column, value, "s") for column, value in enumerate(record) if not blank(value)])
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


