"""Writing to the user store and swapping in the seed database built from it, in the one order that keeps
readers running and every kill harmless: build the new seed database beside the old one (slow, no lock on the
user store), write the user store in one short transaction, rename the new file over the old. Callers hold the
build lock. A kill before the commit leaves both as they were; after it, readers see the seed database out of
step with the store and rebuild it.

Before the store is written, the new database is held to the rules every import's rows are (`queries/checks/`): a
write that would break one the current database keeps is refused. So an undo cannot leave a supporter at 150 %
because a later import relied on the one undone."""

import os

import pandas as pd

from dashboard.base import access, locks, paths
from dashboard.base.formatting import percent, stockholm_time
from dashboard.store import userdata
from dashboard.store.build import ensure_database, lookup, prepare_build, remove_database_file


class ImportFailed(RuntimeError):
    """The file was valid but could not be written: a fault of ours, not of the file. Nothing was changed."""


class UndoRefused(ValueError):
    """An import that cannot be undone as asked; the message is Swedish."""


def commit_and_swap(imports: pd.DataFrame, statements: list[tuple[str, dict]], unbuildable: Exception,
                    breaking, before_write=lambda: None) -> None:
    """Build with `imports` replayed, run `statements` (query name, parameters) in one transaction, swap.
    `unbuildable` is raised if the seed database cannot be built with these imports, `breaking(broken rules)` if
    the result breaks a rule the current database keeps; `before_write()` is called once the build is done (a
    page shows the step)."""
    target = paths.database_path()
    try:
        temporary = prepare_build(target, paths.seed_dir(), imports)
    except Exception as error:
        raise unbuildable from error
    broken = sorted(rule_breaks(temporary) - (rule_breaks(target) if target.exists() else set()))
    if broken:
        remove_database_file(temporary)
        raise breaking(broken)
    before_write()
    try:
        with userdata.transaction() as run:
            for name, params in statements:
                run(name, params)
    except Exception as error:
        remove_database_file(temporary)
        raise ImportFailed("Ändringen kunde inte skrivas (ett fel i tjänsten, inte i filen); ingenting har "
                           "ändrats.") from error
    os.replace(temporary, target)


def rule_breaks(database) -> set[str]:
    """Each break of a rule in the database file, in Swedish: a supporter over full time or twice in a unit on a
    day, a respondent with two answers to a single-choice question."""
    over = lookup(database, "checks/over_full_time")
    twice = lookup(database, "checks/twice_in_a_unit")
    answers = lookup(database, "checks/two_single_answers")
    return ({f"{r.supporter_id} blir placerad över 100 % av heltid ({percent(r.total_share)}) den {_day(r.day)}"
             for r in over.itertuples()}
            | {f"{r.supporter_id} blir placerad två gånger i {r.unit_id} den {_day(r.day)}" for r in twice.itertuples()}
            | {f"{r.respondent_id} får {r.answers} svar på fråga {r.question_id} (enkät {r.survey_id}), som har ett "
               "svar per person" for r in answers.itertuples()})


def _day(value) -> str:
    return (value.date() if hasattr(value, "date") else value).isoformat()


def undo(import_id: int, actor: access.Actor, before_write=lambda: None) -> None:
    """Undo an import: it stays in the log, marked with who undid it and when, and the seed database is rebuilt
    with the imports that remain. Refused where a later import builds on its rows (undo that first)."""
    access.require(actor, "undo_import")
    with userdata.import_lock():
        ensure_database()   # with every import another replica made, before this one is taken out
        with locks.build_lock(paths.database_path()):
            _undo(import_id, actor, before_write)


def _undo(import_id: int, actor: access.Actor, before_write) -> None:
    log = userdata.import_log().set_index("import_id")
    if import_id not in log.index:
        raise UndoRefused(f"Det finns ingen import nummer {import_id}.")
    if not pd.isna(log.loc[import_id, "undone_at"]):
        raise UndoRefused(f"Import {import_id} är redan ångrad ({log.loc[import_id, 'undone_at']:%Y-%m-%d %H:%M}).")
    rows = userdata.imported_rows()
    commit_and_swap(rows[rows["import_id"] != import_id],
                    [("user/import_undo", {"import_id": import_id, "now": stockholm_time(), "who": actor.name})],
                    UndoRefused(f"Import {import_id} kan inte ångras: en senare import bygger på dess rader "
                                "(till exempel placeringar i en importerad enhet). Ångra den först."),
                    lambda broken: UndoRefused(f"Import {import_id} kan inte ångras: utan den {'; '.join(broken)}. "
                                               "En senare import bygger på den; ändra eller ångra den först."),
                    before_write)
