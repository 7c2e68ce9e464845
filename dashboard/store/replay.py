"""Apply what users imported to a freshly built seed database, in bulk and in import order.

Each import becomes a source row (`IMP0001`, …) that its rows cite, so provenance holds for imported data.
`staged` registers every imported row once, as two Arrow tables the `queries/replay/*.sql` statements read:
`imported_source` (one row per import) and `imported_row` (one row per imported row: import_id, source_id,
kind, file_row, record as JSON text), and the placement rows read out once as `imported_placement`. Each statement then writes one target table with one `insert … select`:
where several imports give the same key, the latest import's row (and within it the last row) is the one
written, as if they were replayed one by one. So a build costs a few statements per table however many rows
users have imported.

The build replays imports table by table, right after that table's seed rows and before the tables that refer
to it: DuckDB cannot change a row that other rows already refer to (it updates by deleting and inserting), so
a renamed unit must be written before the placements in it are.
"""

import json
from contextlib import contextmanager
from datetime import date

import duckdb
import pandas as pd
import pyarrow as pa

from dashboard.base.labels import STATUS_CODES
from dashboard.store import sqlfiles

# target table -> the statements that write imported rows into it, in this order
REPLAYS = {
    "source": ("replay/source",),
    "unit": ("replay/units",),
    "supporter": ("replay/supporter",),
    "placement": ("replay/placements",),
    "absence": ("replay/absence",),
    "funding_agreement": ("replay/agreements",),
    "survey_response": ("replay/survey_responses",),
    "recommendation_status": ("replay/recommendation_status",),
}
# the values a statement binds: an agreement's status as files write it (Swedish) and as the table codes it
PARAMS = {"replay/agreements": {"status_labels": list(STATUS_CODES), "status_codes": list(STATUS_CODES.values())}}

ROW_SCHEMA = pa.schema([("import_id", pa.int64()), ("source_id", pa.string()), ("kind", pa.string()),
                        ("file_row", pa.int64()), ("record", pa.string())])
SOURCE_SCHEMA = pa.schema([("source_id", pa.string()), ("title", pa.string()), ("dated", pa.string()),
                           ("date_note", pa.string()), ("note", pa.string())])


@contextmanager
def staged(con: duckdb.DuckDBPyConnection, rows: pd.DataFrame):
    """Within the block, `rows` (as `user/import_rows` gives them) are readable as `imported_row` and
    `imported_source`."""
    con.register("imported_row", _row_table(rows))
    con.register("imported_source", _source_table(rows))
    con.execute(sqlfiles.load("replay/stg_imported_placement").sql)   # three statements read the placements
    try:
        yield
    finally:
        con.execute("drop view imported_placement")
        con.unregister("imported_row")
        con.unregister("imported_source")


def apply_imports(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """Write every staged import's rows that belong in `table`."""
    for name in REPLAYS.get(table, ()):
        sql = sqlfiles.load(name)
        con.execute(sql.sql, sql.bind(PARAMS.get(name, {})))


def source_id(import_id) -> str:
    return f"IMP{int(import_id):04d}"


def _row_table(rows: pd.DataFrame) -> pa.Table:
    ids = rows["import_id"].astype("int64")
    return pa.table({"import_id": ids.to_numpy(), "source_id": [source_id(i) for i in ids],
                     "kind": rows["kind"].astype(str).tolist(),
                     "file_row": rows["row_number"].astype("int64").to_numpy(),
                     "record": rows["record"].astype(str).tolist()}, schema=ROW_SCHEMA)


def _source_table(rows: pd.DataFrame) -> pa.Table:
    """One row per import, from its first row: few, so built here where the wording lives."""
    firsts = rows.drop_duplicates("import_id").sort_values("import_id")
    sources = [_source(first) for first in firsts.to_dict("records")]
    return pa.Table.from_pylist(sources, schema=SOURCE_SCHEMA)


def _source(first: dict) -> dict:
    dated = _date(first["source_dated"])
    return {"source_id": source_id(first["import_id"]), "title": f"Import: {first['file_name']}",
            "dated": dated.isoformat() if dated else None,
            "date_note": f"Importerad {pd.Timestamp(first['imported_at']):%Y-%m-%d %H:%M}; datum = det datum "
                         "uppgifterna gäller per, angivet vid importen (rader med senare datum är planer).",
            "note": f"sha256 {first['file_sha256']}"}


def _date(value):
    if value is None or pd.isna(value):
        return None
    return value.date() if hasattr(value, "date") else value


def record_json(record: dict) -> str:
    """A validated row as JSON: dates as ISO strings, the spreadsheet row number left out."""
    return json.dumps({k: v.isoformat() if isinstance(v, date) else v for k, v in record.items() if k != "_row"},
                      ensure_ascii=False)
