"""What users add: saved scenarios and the import log with its rows, in the user store (`stores.current()`: a
DuckDB file beside the seed database, or PostgreSQL). Rebuilding the seed database never touches it.

Every write names its actor and is refused without the role for it (`access`), and records who and when.

While the store cannot be reached (`stores.StoreUnavailable`), what pages show from it is empty (the page says
why), a scenario write is refused with a Swedish `UserDataError`, and what a build or an import decides on
(`imports_to_build`, `imported_rows`) raises: an unreachable store is never taken for an empty one.
"""

import json
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from dashboard.base import access, paths
from dashboard.base.formatting import stockholm_time
from dashboard.base.text import refused_character
from dashboard.store import sqlfiles, stores


class UserDataError(ValueError):
    """A save, rename or delete that cannot be done; the message is Swedish."""


def user_database_path() -> Path:
    """The DuckDB user store's file (`PEER_USER_DB`, by default `data/user/user.duckdb`)."""
    store = stores.current()
    return store.path if store.kind == "duckdb" else paths.DATA_DIR / "user" / "user.duckdb"


def store_version() -> tuple | None:
    """Changes whenever what the seed database is built from may have changed."""
    return stores.current().version()


def transaction():
    """`with transaction() as run: run(query_name, params)`: committed whole when the block ends, or not at all."""
    return stores.current().transaction()


def import_lock():
    """One import at a time across every process that shares the store."""
    return stores.current().import_lock()


def _execute(name: str, params: dict) -> pd.DataFrame | None:
    return stores.current().run(name, params)


def shown(name: str) -> pd.DataFrame:
    """A read for a page or the board pack: no rows while the store cannot be reached."""
    try:
        return stores.current().read(name)
    except stores.StoreUnavailable:
        return pd.DataFrame(columns=list(sqlfiles.load(name).columns))


@contextmanager
def _writing():
    """A scenario write the store cannot take now is refused like any other, in Swedish."""
    try:
        yield
    except stores.StoreUnavailable as error:
        raise UserDataError(str(error)) from error


def import_log() -> pd.DataFrame:
    """Every import, undone ones included (with `undone_at`), as shown: none while the store cannot be reached."""
    return shown("user/import_log")


def applied_imports() -> pd.DataFrame:
    """The imports not undone, as shown (none while the store cannot be reached)."""
    return _applied(import_log())


def imports_to_build() -> pd.DataFrame:
    """The imports the seed database is built with: those not undone. Raises `stores.StoreUnavailable`."""
    return _applied(_execute("user/import_log", {}))


def _applied(log: pd.DataFrame) -> pd.DataFrame:
    return log[log["undone_at"].isna()]


def imported_rows() -> pd.DataFrame:
    """Every row of the imports not undone, in replay order. Raises `stores.StoreUnavailable`."""
    return _execute("user/import_rows", {})


def save_scenario(name: str, inputs: dict, outputs: dict, data_version: str, data_as_of, actor: access.Actor) -> None:
    access.require(actor, "save_scenario")
    name = _clean(name)
    if name in list_scenarios()["name"].tolist():
        raise UserDataError(f"Det finns redan ett scenario som heter '{name}'. Välj ett annat namn.")
    with _writing(), transaction() as run:
        run("user/scenario_purge", {"name": name})   # a deleted scenario of that name is forgotten
        run("user/scenario_save", {"name": name, "inputs": json.dumps(inputs, ensure_ascii=False),
                                   "outputs": json.dumps(outputs, ensure_ascii=False), "data_version": data_version,
                                   "data_as_of": data_as_of, "now": stockholm_time(), "who": actor.name})


def list_scenarios() -> pd.DataFrame:
    return shown("user/scenario_list")


def load_scenario(name: str) -> dict:
    saved = list_scenarios().set_index("name")
    if name not in saved.index:
        raise UserDataError(f"Inget sparat scenario heter '{name}'.")
    row = saved.loc[name]
    return {"name": name, "inputs": json.loads(row["inputs"]), "outputs": json.loads(row["outputs"]),
            "created_at": row["created_at"], "data_version": row["data_version"], "data_as_of": row["data_as_of"],
            "created_by": row["created_by"], "updated_by": row["updated_by"]}


def rename_scenario(name: str, new_name: str, actor: access.Actor) -> None:
    access.require(actor, "rename_scenario")
    new_name = _clean(new_name)
    names = list_scenarios()["name"].tolist()
    if name not in names:
        raise UserDataError(f"Inget sparat scenario heter '{name}'.")
    if new_name in names:
        raise UserDataError(f"Det finns redan ett scenario som heter '{new_name}'.")
    with _writing(), transaction() as run:
        run("user/scenario_purge", {"name": new_name})
        run("user/scenario_rename", {"name": name, "new_name": new_name, "now": stockholm_time(), "who": actor.name})


def delete_scenario(name: str, actor: access.Actor) -> None:
    """Take a scenario off the list; `restore_scenario` brings it back until a new one takes its name."""
    access.require(actor, "delete_scenario")
    with _writing():
        _execute("user/scenario_delete", {"name": name, "now": stockholm_time(), "who": actor.name})


def restore_scenario(name: str, actor: access.Actor) -> None:
    access.require(actor, "restore_scenario")
    if name in list_scenarios()["name"].tolist():
        raise UserDataError(f"Det finns redan ett scenario som heter '{name}'; byt namn på det först.")
    with _writing():
        _execute("user/scenario_restore", {"name": name, "now": stockholm_time(), "who": actor.name})


def _clean(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise UserDataError("Ge scenariot ett namn.")
    if len(name) > 80:
        raise UserDataError("Namnet får vara högst 80 tecken.")
    found = refused_character(name)   # as in imported text: nothing that hides, reorders or breaks what is shown
    if found:
        raise UserDataError(f"Namnet innehåller {found}, som inte får finnas i ett namn.")
    return name
