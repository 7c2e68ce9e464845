"""Load the seed CSV files into a fresh database, naming file, row and column on any bad value.

Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row is row 2.
"""

import csv
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from dashboard.store import sqlfiles

TABLE_PATTERN = re.compile(r"^create table (\w+)", re.IGNORECASE | re.MULTILINE)
FK_KEY_PATTERN = re.compile(r'key "(\w+): (.*)"')


class SeedError(Exception):
    """A seed row that cannot be loaded; the message is Swedish and names file, row and column."""

    def __init__(self, file: Path, row: int, column: str | None, problem: str):
        self.file, self.row, self.column, self.problem = file, row, column, problem
        where = f"{file.name}, rad {row}" + (f", kolumn '{column}'" if column else "")
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    foreign_table: str | None


def table_order(schema_sql: str) -> list[str]:
    """Tables in the order the schema creates them, which respects foreign keys."""
    return TABLE_PATTERN.findall(schema_sql)


def table_columns(con: duckdb.DuckDBPyConnection) -> dict[str, list[Column]]:
    """Every table's columns in order: the catalogue read once per build (read per table it was a sixth of one)."""
    columns: dict[str, list[Column]] = {}
    for table, name, kind, foreign_table in con.execute(sqlfiles.load("lookups/table_columns").sql).fetchall():
        columns.setdefault(table, []).append(Column(name, kind, foreign_table))
    return columns


def load_seed_file(con: duckdb.DuckDBPyConnection, seed_dir: Path, table: str, columns: list[Column]) -> int:
    """Insert `<table>.csv` from `seed_dir` where there is one; return the rows loaded."""
    path = seed_dir / f"{table}.csv"
    return _load_file(con, path, table, columns) if path.exists() else 0


def _load_file(con: duckdb.DuckDBPyConnection, path: Path, table: str, columns: list[Column]) -> int:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        _check_header(path, header, [c.name for c in columns])
        rows = {}
        for row_number, raw in enumerate(reader, start=2):
            if not any(cell.strip() for cell in raw):
                continue
            if len(raw) != len(columns):
                raise SeedError(path, row_number, None, f"raden har {len(raw)} fält, rubriken har {len(columns)}")
            rows[row_number] = [_convert(path, row_number, col, cell) for col, cell in zip(columns, raw)]
    _insert(con, table, path, columns, rows)
    return len(rows)


def _insert(con: duckdb.DuckDBPyConnection, table: str, path: Path, columns: list[Column], rows: dict) -> None:
    """All rows in one statement (a build inserts every seed file; row by row it took most of a second, paid by
    every import); a statement that breaks a constraint inserts nothing, and then the rows go one by one to name
    the row and column that break it."""
    con.register("seed_rows", pd.DataFrame(list(rows.values()), columns=[c.name for c in columns], dtype=object))
    try:
        con.execute(f'insert into "{table}" select * from seed_rows')   # the table name is the schema's, not input
        return
    except duckdb.ConstraintException:
        pass
    finally:
        con.unregister("seed_rows")
    insert = f'insert into "{table}" values ({", ".join("?" for _ in columns)})'
    for row_number, values in rows.items():
        try:
            con.execute(insert, values)
        except duckdb.ConstraintException as error:
            raise _constraint_error(path, row_number, columns, values, str(error)) from None


def _check_header(path: Path, header: list[str] | None, expected: list[str]) -> None:
    if header is None:
        raise SeedError(path, 1, None, "filen är tom (rubrikrad saknas)")
    header = [name.strip() for name in header]
    for name in expected:
        if name not in header:
            raise SeedError(path, 1, name, "kolumnen saknas i rubrikraden")
    for name in header:
        if name not in expected:
            raise SeedError(path, 1, name, "okänd kolumn (finns inte i schemat)")
    if header != expected:
        raise SeedError(path, 1, None, f"kolumnerna ska stå i ordningen: {', '.join(expected)}")


def _convert(path: Path, row: int, column: Column, cell: str):
    text = cell.strip()
    if text == "":
        return None
    try:
        if column.type == "DATE":
            return date.fromisoformat(text)
        if column.type in ("INTEGER", "BIGINT"):
            return int(text)
        if column.type == "DOUBLE":
            return float(text)
        if column.type == "BOOLEAN":
            return {"true": True, "false": False}[text.lower()]
    except (ValueError, KeyError):
        expected = {"DATE": "ett datum ÅÅÅÅ-MM-DD", "BOOLEAN": "true eller false"}.get(column.type, "ett tal")
        raise SeedError(path, row, column.name, f"'{text}' är inte {expected}") from None
    return text


def _constraint_error(path: Path, row: int, columns: list[Column], values: list, message: str) -> SeedError:
    if "NOT NULL" in message:
        name = message.rsplit(".", 1)[-1].strip()
        return SeedError(path, row, name, "värde saknas men krävs")
    if "foreign key" in message:
        match = FK_KEY_PATTERN.search(message)
        value = match.group(2) if match else None
        for column, cell in zip(columns, values):
            if column.foreign_table and cell is not None and str(cell) == value:
                return SeedError(path, row, column.name, f"'{value}' finns inte i {column.foreign_table}")
        return SeedError(path, row, None, f"okänd referens: {message}")
    if "Duplicate key" in message:
        match = FK_KEY_PATTERN.search(message)
        name = match.group(1) if match else None
        return SeedError(path, row, name, f"värdet '{match.group(2) if match else ''}' finns redan (dubblett)")
    if "CHECK" in message:
        expression = message.split("expression", 1)[-1]
        positions = {c.name: re.search(rf"\b{c.name}\b", expression) for c in columns}
        named = sorted((n for n, m in positions.items() if m), key=lambda n: positions[n].start())
        shown = ", ".join(f"{n}={v}" for n, v in ((c.name, v) for c, v in zip(columns, values)) if n in named)
        return SeedError(path, row, named[0] if named else None, f"otillåtet värde ({shown}); regel: {expression.strip()}")
    return SeedError(path, row, None, message)
