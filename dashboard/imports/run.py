"""Import a file of one kind: read, validate, preview what is added and changed, then write it in one
transaction and rebuild the seed database with it. A rejected or failed import changes nothing."""

import csv
import hashlib
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from dashboard import indicators
from dashboard.base import access, locks, paths
from dashboard.base.formatting import stockholm_time
from dashboard.base.locks import Busy  # noqa: F401 (raised by `apply`; pages catch it as importer.Busy)
from dashboard.imports import commit as import_commit
from dashboard.imports import lists as import_lists
from dashboard.imports import plausible as import_plausible
from dashboard.imports import preview as import_preview
from dashboard.imports import template as import_template
from dashboard.imports.commit import ImportFailed, UndoRefused, commit_and_swap  # noqa: F401 (the import API)
from dashboard.imports.kinds import KINDS, Kind
from dashboard.imports.read import read_table
from dashboard.imports.table import ImportFileError
from dashboard.imports.validate import Problem, References, validate
from dashboard.now import DateOutOfRange, data_as_of, data_dates  # noqa: F401 (apply raises DateOutOfRange)
from dashboard.store import userdata
from dashboard.store.build import ensure_database
from dashboard.store.replay import record_json


class ImportRejected(ValueError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(problem.line() for problem in problems))


class ConfirmationNeeded(ImportRejected):
    """The file changes documented facts (`Preview.confirmations`) and was not confirmed: nothing was written."""


@dataclass(frozen=True)
class Preview:
    kind: Kind
    file_name: str
    sha256: str
    detected: dict
    records: list[dict]
    problems: list[Problem]
    # what each row writes, in the file's columns (`import_preview`), and where it changes an existing value
    actions: pd.DataFrame = field(default_factory=pd.DataFrame)
    changed: pd.DataFrame = field(default_factory=pd.DataFrame)
    data: bytes = b""   # the file itself: confirming validates it again against the data as it is then
    # changes of documented facts (`import_plausible`): written only when the user confirms them
    confirmations: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def counts(self) -> dict[str, int]:
        counted = self.actions["Åtgärd"].value_counts() if not self.actions.empty else {}
        return {a: int(counted.get(a, 0)) for a in (import_preview.ADDED, import_preview.CHANGED,
                                                     import_preview.UNCHANGED)}



def problem_frame(problems: list[Problem]) -> pd.DataFrame:
    """Problems or confirmations as a table: text in a table is never read as Markdown."""
    return pd.DataFrame([vars(p) for p in problems]).rename(
        columns={"file": "Fil", "row": "Rad", "column": "Kolumn", "message": "Uppgift"})


def get_kind(name: str) -> Kind:
    if name not in KINDS:
        raise KeyError(f"Okänt slag '{name}'. Giltiga: {', '.join(KINDS)}")
    return KINDS[name]


def preview(kind_name: str, file_name: str, data: bytes) -> Preview:
    kind = get_kind(kind_name)
    sha = hashlib.sha256(data).hexdigest()
    try:
        table = read_table(file_name, data)
    except ImportFileError as error:
        return Preview(kind, file_name, sha, {}, [], [Problem(file_name, 1, "", str(error))])
    refs = _references()
    records, problems = validate(kind, table, file_name, refs)
    actions, changed, confirmations = pd.DataFrame(), pd.DataFrame(), []
    if not problems:
        existing = indicators.run_query(f"imports/existing_{kind.name}")
        found, confirmations = import_plausible.review(kind.name, records, existing)
        problems = [Problem(file_name, *problem) for problem in found]
        areas = {c.aliases[0]: c.value for c in refs.candidates["area"]}   # area id -> its name
        actions, changed = import_preview.values_frame(kind, records, existing, areas)
    return Preview(kind, file_name, sha, {**table.detected, "datarader": str(len(table.rows))}, records, problems,
                   actions, changed, data, [Problem(file_name, *found) for found in confirmations])


def _silent(step: str) -> None:
    pass


def apply(result: Preview, actor: access.Actor, as_of: date | None = None, confirmed: bool = False,
          progress: Callable[[str], None] = _silent) -> int:
    """Write the import and rebuild; returns the import number. Raises ImportRejected if the file is not valid
    against the data as it is now, `now.DateOutOfRange` if `as_of` is in the future (or before the data),
    `locks.Busy` if another import holds on, ImportFailed if writing failed, ConfirmationNeeded if it changes
    documented facts and `confirmed` is not set.

    `as_of` is the date the file's facts are stated for ("uppgifter per"); it becomes the import source's own
    date, and so can move the dashboard's "now". Without it the import keeps the data's current date: a file
    of planned placements must not make its planned dates "now". Rows dated after it are plans.

    Written as `import_commit.commit_and_swap` writes: readers never wait for the build. `progress(step)` is
    told each step as it begins, in Swedish, for a page to show."""
    access.require(actor, "import")
    if not result.ok:
        raise ImportRejected(result.problems)
    if as_of is not None:
        data_dates().check_statement(as_of)   # a date in the future would move "now" there
    with userdata.import_lock():   # one import at a time across every replica sharing the store
        ensure_database()            # with every import another replica made, before validating against it
        with locks.build_lock(paths.database_path()):
            return _apply(result, actor, as_of, confirmed, progress)


def _apply(result: Preview, actor: access.Actor, as_of: date | None, confirmed: bool, progress) -> int:
    progress("Kontrollerar filen igen")
    current = preview(result.kind.name, result.file_name, result.data) if result.data else result
    if not current.ok:   # another import since the preview may have made this one invalid
        raise ImportRejected(current.problems)
    if current.confirmations and not confirmed:
        raise ConfirmationNeeded(current.confirmations)
    log, rows = _log_entry(current, actor.name, as_of or data_as_of()), _row_entries(current)
    progress("Bygger databasen med importen")
    commit_and_swap(pd.concat([userdata.imported_rows(), _replayed(log, rows)], ignore_index=True),
                    [("user/import_insert_log", log),
                     ("user/import_insert_rows", {"import_id": log["import_id"], "rows": rows})],
                    ImportFailed("Databasen kunde inte byggas med importen (ett fel i tjänsten, inte i filen); "
                                 "ingenting har ändrats."),
                    lambda broken: ImportRejected([Problem(current.file_name, 1, "", f"Med filens rader {rule}.")
                                                   for rule in broken]),
                    lambda: progress("Skriver importen"))
    return log["import_id"]


def undo(import_id: int, actor: access.Actor, progress: Callable[[str], None] = _silent) -> None:
    """Undo an import (`import_commit.undo`), telling `progress` each step as `apply` does."""
    progress(f"Bygger databasen utan import {import_id}")
    import_commit.undo(import_id, actor, lambda: progress("Skriver ångringen"))


def _log_entry(result: Preview, who: str, as_of: date) -> dict:
    counts = result.counts()
    log = userdata.import_log()
    return {"import_id": int(log["import_id"].max()) + 1 if not log.empty else 1, "imported_at": stockholm_time(),
            "kind": result.kind.name, "file_name": result.file_name, "file_sha256": result.sha256,
            "rows_added": counts["läggs till"], "rows_changed": counts["ändras"],
            "rows_unchanged": counts["oförändrad"], "who": who,
            "detected": "; ".join(f"{k}: {v}" for k, v in result.detected.items()), "source_dated": as_of}


def _row_entries(result: Preview) -> str:
    return "[" + ",".join(f'{{"row_number": {r["_row"]}, "record": {record_json(r)}}}' for r in result.records) + "]"


def _replayed(log: dict, rows: str) -> pd.DataFrame:
    """This import's rows as `user/import_rows` gives them, to build with before they are written."""
    keys = ("import_id", "kind", "file_name", "file_sha256", "imported_at", "source_dated")
    return pd.DataFrame([{**{k: log[k] for k in keys}, "row_number": item["row_number"],
                          "record": json.dumps(item["record"], ensure_ascii=False)} for item in json.loads(rows)])


def follow_up(recommendation_id: str, status: str, on: date, note: str, actor: access.Actor) -> int:
    """A recommendation's follow-up set on Utvärderingar: written as a one-row import of its kind, so it is
    validated like a file, logged with who and when, stated per its own date, and can be undone like any import."""
    kind = KINDS["recommendation_status"]
    text = io.StringIO()
    csv.writer(text, delimiter=";").writerows([kind.headers, [recommendation_id, status, on.isoformat(), note]])
    result = preview(kind.name, f"uppföljning {recommendation_id} (formulär).csv", text.getvalue().encode("utf-8"))
    return apply(result, actor, as_of=on)


def log() -> pd.DataFrame:
    """The import log as people read it: each kind by its Swedish name, times to the second."""
    shown = userdata.import_log()
    shown["kind"] = shown["kind"].map(lambda name: KINDS[name].label if name in KINDS else name)
    for column in ("imported_at", "undone_at"):
        shown[column] = pd.to_datetime(shown[column]).dt.floor("s")
    return shown


def template(kind_name: str, extension: str) -> bytes:
    """An empty file to fill in (`import_template`): 'xlsx' with the lists of valid ids, else CSV for Excel."""
    return import_template.build(get_kind(kind_name), extension)


def _references() -> References:
    frame = indicators.run_query("lookups/import_references")
    ids: dict[str, dict[str, str]] = {}
    for kind, identifier, target in frame[["kind", "id", "target"]].itertuples(index=False):
        ids.setdefault(kind, {})[identifier] = target
    options, single = frame[frame["kind"] == "option"], frame[frame["kind"] == "single"]
    return References(ids, dict(zip(options["id"], options["parent"])),
                      indicators.run_query("imports/existing_placements"), dict(zip(single["id"], single["target"])),
                      indicators.run_query("imports/existing_survey_responses"), import_lists.candidates())
