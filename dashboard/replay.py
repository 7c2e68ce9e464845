"""Apply what users imported to a freshly built seed database, in import order.

Each import becomes a source row (`IMP0001`, …) that its rows cite, so provenance holds for imported data.
The build replays imports table by table, right after that table's seed rows and before the tables that refer
to it: DuckDB cannot change a row that other rows already refer to (it updates by deleting and inserting), so
a renamed unit must be written before the placements in it are.
"""

import json
from datetime import date

import duckdb
import pandas as pd

from dashboard import sqlfiles
from dashboard.import_kinds import STATUS_CODES


def apply_imports(con: duckdb.DuckDBPyConnection, rows: pd.DataFrame, table: str) -> None:
    """Write every import's rows that belong in `table`, import by import."""
    for import_id, group in rows.groupby("import_id", sort=True):
        source_id = f"IMP{int(import_id):04d}"
        if table == "source":
            _source(con, source_id, group.iloc[0])
            continue
        for row in group.itertuples(index=False):
            write = WRITES[row.kind].get(table)
            if write:
                write(con, json.loads(row.record), source_id, f"rad {row.row_number}")


def _source(con, source_id: str, first) -> None:
    _run(con, "replay/source", source_id=source_id, title=f"Import: {first['file_name']}",
         dated=_date(first["source_dated"]),
         date_note=f"Importerad {pd.Timestamp(first['imported_at']):%Y-%m-%d %H:%M}; datum = det datum "
                   "uppgifterna gäller per, angivet vid importen (rader med senare datum är planer).",
         note=f"sha256 {first['file_sha256']}")


def _run(con: duckdb.DuckDBPyConnection, query_name: str, /, **params) -> None:
    sql = sqlfiles.load(query_name)
    con.execute(sql.sql, sql.bind(params))


def _date(value):
    if value is None or pd.isna(value):
        return None
    return value.date() if hasattr(value, "date") else value


def _supporter(con, record: dict, source_id: str, ref: str) -> None:
    _run(con, "replay/supporter", supporter_id=record["supporter_id"], source_id=source_id, source_ref=ref)


def _placement(con, record: dict, source_id: str, ref: str) -> None:
    _run(con, "replay/placements", source_id=source_id, source_ref=ref,
         **{k: record[k] for k in ("placement_id", "supporter_id", "unit_id", "start_date", "end_date", "fte_share")})


def _absence(con, record: dict, source_id: str, ref: str) -> None:
    if record.get("absence_start"):
        _run(con, "replay/absence", absence_id=f"{record['placement_id']}-F", placement_id=record["placement_id"],
             kind=record["absence_kind"], start_date=record["absence_start"], end_date=record.get("absence_end"),
             source_id=source_id, source_ref=ref)


def _agreement(con, record: dict, source_id: str, ref: str) -> None:
    _run(con, "replay/agreements", source_id=source_id, source_ref=ref,
         **{**record, "status": STATUS_CODES[record["status"]]})


def _status(con, record: dict, source_id: str, ref: str) -> None:
    _run(con, "replay/recommendation_status", status_id=f"{source_id}-{ref.split()[-1]}", source_id=source_id,
         source_ref=ref, **record)


def _unit(con, record: dict, source_id: str, ref: str) -> None:
    _run(con, "replay/units", source_id=source_id, source_ref=ref, **record)


def _response(con, record: dict, source_id: str, ref: str) -> None:
    _run(con, "replay/survey_responses", source_id=source_id, **record)


# kind -> table -> what an imported row of that kind writes into the table
WRITES = {
    "units": {"unit": _unit},
    "placements": {"supporter": _supporter, "placement": _placement, "absence": _absence},
    "agreements": {"funding_agreement": _agreement},
    "survey_responses": {"survey_response": _response},
    "recommendation_status": {"recommendation_status": _status},
}


def record_json(record: dict) -> str:
    """A validated row as JSON: dates as ISO strings, the spreadsheet row number left out."""
    return json.dumps({k: v.isoformat() if isinstance(v, date) else v for k, v in record.items() if k != "_row"},
                      ensure_ascii=False)
