"""Writing to the user store and swapping in the seed database built from it, in the one order that keeps
readers running and every kill harmless: build the new seed database beside the old one (slow, no lock on the
user store), write the user store in one short transaction, rename the new file over the old. Callers hold the
build lock. A kill before the commit leaves both as they were; after it, readers see the seed database out of
step with the store and rebuild it."""

import os

import pandas as pd

from dashboard import access, locks, paths, userdata
from dashboard.build import ensure_database, prepare_build, remove_database_file
from dashboard.formatting import stockholm_time


class ImportFailed(RuntimeError):
    """The file was valid but could not be written: a fault of ours, not of the file. Nothing was changed."""


class UndoRefused(ValueError):
    """An import that cannot be undone as asked; the message is Swedish."""


def commit_and_swap(imports: pd.DataFrame, statements: list[tuple[str, dict]], unbuildable: Exception) -> None:
    """Build with `imports` replayed, run `statements` (query name, parameters) in one transaction, swap.
    `unbuildable` is raised if the seed database cannot be built with these imports."""
    target = paths.database_path()
    try:
        temporary = prepare_build(target, paths.seed_dir(), imports)
    except Exception as error:
        raise unbuildable from error
    try:
        with userdata.transaction() as run:
            for name, params in statements:
                run(name, params)
    except Exception as error:
        remove_database_file(temporary)
        raise ImportFailed("Ändringen kunde inte skrivas (ett fel i tjänsten, inte i filen); ingenting har "
                           "ändrats.") from error
    os.replace(temporary, target)


def undo(import_id: int, actor: access.Actor) -> None:
    """Undo an import: it stays in the log, marked with who undid it and when, and the seed database is rebuilt
    with the imports that remain. Refused where a later import builds on its rows (undo that first)."""
    access.require(actor, "undo_import")
    with userdata.import_lock():
        ensure_database()   # with every import another replica made, before this one is taken out
        with locks.build_lock(paths.database_path()):
            _undo(import_id, actor)


def _undo(import_id: int, actor: access.Actor) -> None:
    log = userdata.import_log().set_index("import_id")
    if import_id not in log.index:
        raise UndoRefused(f"Det finns ingen import nummer {import_id}.")
    if not pd.isna(log.loc[import_id, "undone_at"]):
        raise UndoRefused(f"Import {import_id} är redan ångrad ({log.loc[import_id, 'undone_at']:%Y-%m-%d %H:%M}).")
    rows = userdata.imported_rows()
    commit_and_swap(rows[rows["import_id"] != import_id],
                    [("user/import_undo", {"import_id": import_id, "now": stockholm_time(), "who": actor.name})],
                    UndoRefused(f"Import {import_id} kan inte ångras: en senare import bygger på dess rader "
                                "(till exempel placeringar i en importerad enhet). Ångra den först."))
