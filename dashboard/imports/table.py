"""A file's rows as the importer holds them: the header, the data rows as text with their spreadsheet numbers, and
what a row or a cell holds that cannot be imported, kept for the validation to report with row and column."""

from dataclasses import dataclass, field

MAX_ROWS = 20_000
MAX_COLUMNS = 50
HIDDEN_ROW = "Raden är dold i Excel (dold eller bortfiltrerad); visa raden eller ta bort den."


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


class Rows:
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
        check_row_count(index + 1)
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
            where = f"kolumn{'erna' if len(beyond) > 1 else ''} {', '.join(letters(c) for c in sorted(beyond)[:5])}"
            table.row_problems.append((number, f"Raden har värden till höger om sista kolumnrubriken (i {where}); ta "
                                               "bort dem eller ge kolumnen en rubrik."))

    def result(self, detected: dict, empty: str) -> Table:
        if self.table is None:
            raise ImportFileError(empty)
        self.table.detected = detected
        return self.table


def letters(column: int) -> str:
    """A column's name as a spreadsheet shows it: 0 -> A, 26 -> AA."""
    name, number = "", column + 1
    while number:
        number, rest = divmod(number - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_row_count(rows: int) -> None:
    if rows > MAX_ROWS:
        raise ImportFileError(f"Filen har fler än {MAX_ROWS} rader; högst {MAX_ROWS} per import.")
