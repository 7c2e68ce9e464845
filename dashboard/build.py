"""Build the seed database from `data/` into a temporary file and swap it in atomically.

A failed build raises `SeedError` and leaves any existing database exactly as it was.
"""

import hashlib
import os
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pandas as pd

from dashboard import db, locks, paths, replay, sqlfiles, userdata
from dashboard.seeds import load_seeds, table_order

# Bump when the build itself changes what it writes, so existing databases are rebuilt.
BUILD_FORMAT = "3"


@dataclass(frozen=True)
class BuildReport:
    path: Path
    rows: dict[str, int]


_ensuring = threading.Lock()
# `build_info.seed_fingerprint` of a generated database starts with this (see `synth`).
SYNTHETIC_FINGERPRINT = "synthetic:"


def seed_fingerprint(seed_dir: Path | None = None, schema_file: Path | None = None) -> str:
    """A hash of the schema and every seed file: it changes when any of them does."""
    seed_dir = seed_dir or paths.seed_dir()
    digest = hashlib.sha256(BUILD_FORMAT.encode())
    for path in [schema_file or paths.SCHEMA_FILE, *sorted(seed_dir.glob("*.csv"))]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def data_fingerprint(seed_dir: Path | None, imports: pd.DataFrame) -> str:
    """Seeds and every import (`imports` has a row per import or per imported row, with `import_id` and
    `file_sha256`): the database must be rebuilt when either changes."""
    digest = hashlib.sha256(seed_fingerprint(seed_dir).encode())
    for import_id, sha in imports[["import_id", "file_sha256"]].drop_duplicates().itertuples(index=False):
        digest.update(f"{import_id}:{sha}".encode())
    return digest.hexdigest()


def build_database(target: Path | None = None, seed_dir: Path | None = None,
                   imports: pd.DataFrame | None = None) -> BuildReport:
    """Seeds plus a replay of what users imported (`imports` defaults to the user database's rows)."""
    target = Path(target or paths.database_path())
    seed_dir = seed_dir or paths.seed_dir()
    imports = userdata.imported_rows() if imports is None else imports
    temporary = prepare_build(target, seed_dir, imports)
    os.replace(temporary, target)
    return BuildReport(target, _row_counts(target))


def prepare_build(target: Path, seed_dir: Path, imports: pd.DataFrame) -> Path:
    """Write the new database beside `target` and return its path; the caller swaps it in."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f"{target.name}.tmp-{os.getpid()}")
    remove_database_file(temporary)
    try:
        _write(temporary, seed_dir, imports, data_fingerprint(seed_dir, imports))
    except BaseException:
        remove_database_file(temporary)
        raise
    return temporary


def ensure_database(target: Path | None = None, seed_dir: Path | None = None) -> Path:
    """Build when the database is missing or out of step with the seed files or the user store's imports (a
    killed import can leave the store one import ahead), under the build lock, clearing what killed builds left.

    A synthetic database is opened as it is: it was generated, not built from the seeds.
    """
    target = Path(target or paths.database_path())
    with _ensuring:   # the start-up warm-up and the first session may both ask
        if _in_step(target, seed_dir) and not _leftovers(target):
            return target
        with locks.build_lock(target):
            remove_leftovers(target)
            if not _in_step(target, seed_dir):   # another process may have built it while we waited
                build_database(target, seed_dir)
    return target


def _in_step(target: Path, seed_dir: Path | None) -> bool:
    stored = stored_fingerprint(target)
    if stored is not None and stored.startswith(SYNTHETIC_FINGERPRINT):
        return True
    return stored == data_fingerprint(seed_dir, userdata.applied_imports())


def _leftovers(target: Path) -> list[Path]:
    return list(target.parent.glob(f"{target.name}.tmp-*"))


def remove_leftovers(target: Path) -> None:
    """Temporary files of builds that were killed: only a holder of the build lock may call this."""
    for leftover in _leftovers(target):
        leftover.unlink(missing_ok=True)


def stored_fingerprint(target: Path) -> str | None:
    """The fingerprint the database was built with; None if it is missing or unreadable."""
    if not target.exists():
        return None
    sql = sqlfiles.load("lookups/build_fingerprint").sql
    try:
        if target.resolve() == paths.database_path().resolve():
            # through the reader: DuckDB keeps one instance per path in a process, so a second connection to a
            # swapped file would read the old one while the reader still holds it
            return db.query(sql)["seed_fingerprint"].iloc[0]
        con = duckdb.connect(str(target), read_only=True)
        try:
            return con.execute(sql).fetchone()[0]
        finally:
            con.close()
    except duckdb.Error:
        return None


def _write(path: Path, seed_dir: Path, imports: pd.DataFrame, fingerprint: str) -> None:
    schema = paths.SCHEMA_FILE.read_text(encoding="utf-8")
    con = duckdb.connect(str(path))
    try:
        con.execute(schema)
        with replay.staged(con, imports):
            for table in table_order(schema):   # each table's imports before the tables that refer to it
                load_seeds(con, seed_dir, [table])
                replay.apply_imports(con, table)
        create_aggregates(con)
        con.execute(
            "create table build_info as select ? as seed_fingerprint, ? as built_at, "
            "(select max(dated) from source) as data_as_of, false as synthetic",
            [fingerprint, datetime.now(timezone.utc).replace(tzinfo=None)],
        )
        con.execute("checkpoint")
    finally:
        con.close()


def create_aggregates(con: duckdb.DuckDBPyConnection) -> None:
    """The precomputed tables of `data/aggregates.sql`, from the rows now in the database."""
    con.execute(paths.AGGREGATES_FILE.read_text(encoding="utf-8"))


def _row_counts(path: Path) -> dict[str, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return dict(con.execute("select table_name, estimated_size from duckdb_tables() order by table_name").fetchall())
    finally:
        con.close()


def remove_database_file(path: Path) -> None:
    """A database file and its write-ahead log, where they exist."""
    for candidate in (path, path.with_name(path.name + ".wal")):
        candidate.unlink(missing_ok=True)
