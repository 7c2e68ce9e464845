"""Import a file of one kind: read, validate, preview what is added and changed, then write it in one
transaction and rebuild the seed database with it. A rejected or failed import changes nothing."""

import getpass
import hashlib
import os
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from dashboard import export, indicators, paths, userdata
from dashboard.build import prepare_build
from dashboard.formatting import stockholm_time
from dashboard.import_kinds import KINDS, Kind
from dashboard.import_read import ImportFileError, read_table
from dashboard.import_validate import Problem, References, validate
from dashboard.now import data_as_of
from dashboard.replay import record_json


class ImportRejected(ValueError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(f"{p.file}, rad {p.row}, kolumn '{p.column}': {p.message}" for p in problems))


@dataclass(frozen=True)
class Preview:
    kind: Kind
    file_name: str
    sha256: str
    detected: dict
    records: list[dict]
    problems: list[Problem]
    actions: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def ok(self) -> bool:
        return not self.problems

    def counts(self) -> dict[str, int]:
        counted = self.actions["Åtgärd"].value_counts() if not self.actions.empty else {}
        return {a: int(counted.get(a, 0)) for a in ("läggs till", "ändras", "oförändrad")}

    def problem_frame(self) -> pd.DataFrame:
        return pd.DataFrame([vars(p) for p in self.problems]).rename(
            columns={"file": "Fil", "row": "Rad", "column": "Kolumn", "message": "Fel"})


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
    records, problems = validate(kind, table, file_name, _references())
    actions = _actions(kind, records) if not problems else pd.DataFrame()
    return Preview(kind, file_name, sha, {**table.detected, "datarader": str(len(table.rows))}, records, problems,
                   actions)


def apply(result: Preview, who: str | None = None, as_of: date | None = None) -> int:
    """Write the import and rebuild; returns the import number. Raises ImportRejected if it cannot be applied.

    `as_of` is the date the file's facts are stated for ("uppgifter per"); it becomes the import source's own
    date, and so can move the dashboard's "now". Without it the import keeps the data's current date: a file
    of planned placements must not make its planned dates "now". Rows dated after it are plans."""
    as_of = as_of or data_as_of()
    if not result.ok:
        raise ImportRejected(result.problems)
    target = paths.database_path()
    counts = result.counts()
    with userdata.connection() as con:
        con.begin()
        try:
            import_id = int(userdata.run(con, "user/import_next_id", {})["next_id"].iloc[0])
            userdata.run(con, "user/import_insert_log", {
                "import_id": import_id, "imported_at": stockholm_time(), "kind": result.kind.name,
                "file_name": result.file_name, "file_sha256": result.sha256, "rows_added": counts["läggs till"],
                "rows_changed": counts["ändras"], "rows_unchanged": counts["oförändrad"],
                "who": who or _who(), "detected": "; ".join(f"{k}: {v}" for k, v in result.detected.items()),
                "source_dated": as_of})
            for record in result.records:
                userdata.run(con, "user/import_insert_row", {"import_id": import_id, "row_number": record["_row"],
                                                             "record": record_json(record)})
            temporary = prepare_build(target, paths.seed_dir(), userdata.run(con, "user/import_rows", {}))
        except Exception as error:  # anything at all: the import must leave nothing behind
            con.rollback()
            raise ImportRejected([Problem(result.file_name, 0, "", f"Importen kunde inte läggas in: {error}")]) from None
        con.commit()
    os.replace(temporary, target)
    return import_id


def template(kind_name: str, extension: str) -> bytes:
    kind = get_kind(kind_name)
    frame = pd.DataFrame([[f.example for f in kind.fields]], columns=kind.headers)
    if extension == "xlsx":
        about = {"Slag": kind.label, "Obligatoriska kolumner": ", ".join(f.header for f in kind.fields if f.required),
                 "Datum": "ÅÅÅÅ-MM-DD", "Andelar": "0,5 eller 50 %"}
        return export.xlsx(frame, about, kind.label)
    return export.csv_excel_sv(frame)


def _references() -> References:
    frame = indicators.run_query("lookups/import_references")
    ids: dict[str, dict[str, str]] = {}
    for kind, identifier, target in frame[["kind", "id", "target"]].itertuples(index=False):
        ids.setdefault(kind, {})[identifier] = target
    options = frame[frame["kind"] == "option"]
    return References(ids, dict(zip(options["id"], options["parent"])),
                      indicators.run_query("imports/existing_placements"))


def _actions(kind: Kind, records: list[dict]) -> pd.DataFrame:
    existing = indicators.run_query(f"imports/existing_{kind.name}")
    compared = list(existing.columns)
    known = {tuple(_plain(v) for v in row[list(kind.key)]): {c: _plain(row[c]) for c in compared}
             for _, row in existing.iterrows()}
    rows = []
    for record in records:
        key = tuple(record[c] for c in kind.key)
        before = known.get(tuple(_plain(v) for v in key))
        after = {c: _plain(record.get(c)) for c in compared}
        action = "läggs till" if before is None else ("oförändrad" if before == after else "ändras")
        rows.append({"Rad": record["_row"], "Nyckel": ", ".join(map(str, key)), "Åtgärd": action})
    return pd.DataFrame(rows)


def _plain(value):
    """Comparable form: numbers as floats, dates as ISO text, missing as None."""
    value = export.plain_value(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return value


def _who() -> str:
    try:
        return f"{getpass.getuser()} (kommandorad)"
    except OSError:
        return "okänd"

