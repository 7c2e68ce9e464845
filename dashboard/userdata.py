"""The user database: what users add (saved scenarios), in its own DuckDB file beside the seed database.

Rebuilding the seed database never touches this file. Each call opens a short read-write connection and
closes it, so the file is locked only for the moment of a write; another process that meets the lock
retries briefly.
"""

import json
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from dashboard import paths, sqlfiles
from dashboard.formatting import stockholm_time

_LOCK = threading.Lock()
_SCHEMA_READY: set[Path] = set()
RETRIES = 20


class UserDataError(ValueError):
    """A save, rename or delete that cannot be done; the message is Swedish."""


def user_database_path() -> Path:
    """`PEER_USER_DB` overrides `data/user/user.duckdb`."""
    return Path(os.environ.get("PEER_USER_DB", paths.DATA_DIR / "user" / "user.duckdb"))


def store_version() -> tuple | None:
    """Changes whenever the user store's file is written (reads leave it as it is)."""
    try:
        stat = user_database_path().stat()
    except FileNotFoundError:
        return None
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


@contextmanager
def connection():
    """A short read-write connection to the user database, its schema ensured; one writer per process."""
    path = user_database_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with _LOCK:
        for attempt in range(RETRIES):
            try:
                con = duckdb.connect(str(path))
                break
            except duckdb.IOException:
                if attempt == RETRIES - 1:
                    raise
                time.sleep(0.1)
        try:
            if path not in _SCHEMA_READY:      # once per file and process, not on every rerun
                con.execute((paths.DATA_DIR / "user_schema.sql").read_text(encoding="utf-8"))
                _SCHEMA_READY.add(path)
            yield con
        finally:
            con.close()


def run(con: duckdb.DuckDBPyConnection, name: str, params: dict) -> pd.DataFrame | None:
    sql = sqlfiles.load(name)
    result = con.execute(sql.sql, sql.bind(params))
    return result.df() if result.description else None


def _execute(name: str, params: dict) -> pd.DataFrame | None:
    with connection() as con:
        return run(con, name, params)


def import_log() -> pd.DataFrame:
    """Every import, undone ones included (with `undone_at`)."""
    return _execute("user/import_log", {})


def applied_imports() -> pd.DataFrame:
    """The imports the seed database is built with: those not undone."""
    log = import_log()
    return log[log["undone_at"].isna()]


def imported_rows() -> pd.DataFrame:
    return _execute("user/import_rows", {})


def save_scenario(name: str, inputs: dict, outputs: dict, data_version: str, data_as_of) -> None:
    name = _clean(name)
    if name in list_scenarios()["name"].tolist():
        raise UserDataError(f"Det finns redan ett scenario som heter '{name}'. Välj ett annat namn.")
    _execute("user/scenario_purge", {"name": name})   # a deleted scenario of that name is forgotten
    _execute("user/scenario_save", {"name": name, "inputs": json.dumps(inputs, ensure_ascii=False),
                                    "outputs": json.dumps(outputs, ensure_ascii=False), "data_version": data_version,
                                    "data_as_of": data_as_of, "now": stockholm_time()})


def list_scenarios() -> pd.DataFrame:
    return _execute("user/scenario_list", {})


def load_scenario(name: str) -> dict:
    saved = list_scenarios().set_index("name")
    if name not in saved.index:
        raise UserDataError(f"Inget sparat scenario heter '{name}'.")
    row = saved.loc[name]
    return {"name": name, "inputs": json.loads(row["inputs"]), "outputs": json.loads(row["outputs"]),
            "created_at": row["created_at"], "data_version": row["data_version"], "data_as_of": row["data_as_of"]}


def rename_scenario(name: str, new_name: str) -> None:
    new_name = _clean(new_name)
    names = list_scenarios()["name"].tolist()
    if name not in names:
        raise UserDataError(f"Inget sparat scenario heter '{name}'.")
    if new_name in names:
        raise UserDataError(f"Det finns redan ett scenario som heter '{new_name}'.")
    _execute("user/scenario_purge", {"name": new_name})
    _execute("user/scenario_rename", {"name": name, "new_name": new_name, "now": stockholm_time()})


def delete_scenario(name: str) -> None:
    """Take a scenario off the list; `restore_scenario` brings it back until a new one takes its name."""
    _execute("user/scenario_delete", {"name": name, "now": stockholm_time()})


def restore_scenario(name: str) -> None:
    if name in list_scenarios()["name"].tolist():
        raise UserDataError(f"Det finns redan ett scenario som heter '{name}'; byt namn på det först.")
    _execute("user/scenario_restore", {"name": name})


def _clean(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise UserDataError("Ge scenariot ett namn.")
    if len(name) > 80:
        raise UserDataError("Namnet får vara högst 80 tecken.")
    return name
