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

from dashboard.base import locks, paths
from dashboard.store import db, replay, sqlfiles, stores, userdata
from dashboard.store.seeds import load_seed_file, table_columns, table_order
from dashboard.store.stores import file_version

# Bump when the build itself changes what it writes, so existing databases are rebuilt.
BUILD_FORMAT = "3"


@dataclass(frozen=True)
class BuildReport:
    path: Path
    rows: dict[str, int]


_ensuring = threading.Lock()
# per database file (resolved path), the version of it (inode, mtime, size) known to read whole in this process
_read_whole: dict[Path, tuple] = {}
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
    `file_sha256`, in any order: the log lists the newest first, the rows come in replay order): the database must
    be rebuilt when either changes, and only then."""
    digest = hashlib.sha256(seed_fingerprint(seed_dir).encode())
    # rows erased from an import change what is replayed, not the file it came from
    erased = imports["rows_erased"].fillna(0) if "rows_erased" in imports else pd.Series(0, index=imports.index)
    imported = imports.assign(rows_erased=erased.astype(int))[["import_id", "file_sha256", "rows_erased"]]
    for import_id, sha, rows_erased in imported.drop_duplicates().sort_values("import_id").itertuples(index=False):
        digest.update(f"{import_id}:{sha}".encode() + (f":{int(rows_erased)}".encode() if rows_erased else b""))
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
    # written whole just now: not read again once swapped in (a rename keeps the inode, the time and the size)
    _read_whole[target.resolve()] = file_version(temporary)
    return temporary


def ensure_database(target: Path | None = None, seed_dir: Path | None = None) -> Path:
    """Build when the database is missing, cannot be read whole (a truncated or damaged file), or is out of step
    with the seed files or the user store's imports (a killed import can leave the store one import ahead), under
    the build lock, clearing what killed builds left.

    When the user store cannot be reached, the database stays as it was last built and `StoreUnavailable` is
    raised for the caller to say so; only where there is no readable database is one built from the seeds alone
    (its fingerprint names no imports, so it is rebuilt with them once the store answers).

    A synthetic database is opened as it is: it was generated, not built from the seeds.
    """
    target = Path(target or paths.database_path())
    with _ensuring:   # the start-up warm-up and the first session may both ask
        try:
            _bring_in_step(target, seed_dir)
        except stores.StoreUnavailable:
            _keep_readable(target, seed_dir)
            raise
    return target


def _bring_in_step(target: Path, seed_dir: Path | None) -> None:
    if _in_step(target, seed_dir) and not _leftovers(target):
        return
    with locks.build_lock(target):
        remove_leftovers(target)
        if not _in_step(target, seed_dir):   # another process may have built it while we waited
            build_database(target, seed_dir)


def _keep_readable(target: Path, seed_dir: Path | None) -> None:
    if stored_fingerprint(target) is not None and readable(target):
        return
    with locks.build_lock(target):
        remove_leftovers(target)
        if stored_fingerprint(target) is None or not readable(target):
            build_database(target, seed_dir, _no_imports())


def _in_step(target: Path, seed_dir: Path | None) -> bool:
    stored = stored_fingerprint(target)
    if stored is not None and stored.startswith(SYNTHETIC_FINGERPRINT):
        return True
    return stored == data_fingerprint(seed_dir, userdata.imports_to_build()) and readable(target)


def _no_imports() -> pd.DataFrame:
    return pd.DataFrame(columns=list(sqlfiles.load("user/import_rows").columns))


def _leftovers(target: Path) -> list[Path]:
    return list(target.parent.glob(f"{target.name}.tmp-*"))


def remove_leftovers(target: Path) -> None:
    """Temporary files of builds that were killed: only a holder of the build lock may call this."""
    for leftover in _leftovers(target):
        leftover.unlink(missing_ok=True)


def stored_fingerprint(target: Path) -> str | None:
    """The fingerprint the database was built with; None if it is missing or cannot be opened."""
    if not target.exists():
        return None
    try:
        return lookup(target, "lookups/build_fingerprint")["seed_fingerprint"].iloc[0]
    except duckdb.Error:
        return None


def readable(target: Path) -> bool:
    """Whether every table of the database reads whole. A truncated or damaged file still opens and gives its
    fingerprint and its row counts (DuckDB keeps those apart from the data): only reading every value finds it.
    Read once per version of the file and process."""
    version = file_version(target)
    if version is None or _read_whole.get(target.resolve()) == version:
        return version is not None
    try:
        for table in lookup(target, "lookups/database_tables")["table_name"]:
            lookup(target, "lookups/read_whole_table", table_name=table)
    except duckdb.Error:
        return False
    _read_whole[target.resolve()] = version
    return True


def lookup(target: Path, name: str, **params) -> pd.DataFrame:
    """A query (`queries/<name>.sql`) on the database file `target`, which need not be the one readers use."""
    sql = sqlfiles.load(name)
    if target.resolve() == paths.database_path().resolve():
        # through the reader: DuckDB keeps one instance per path in a process, so a second connection to a
        # swapped file would read the old one while the reader still holds it
        return db.query(sql.sql, sql.bind(params))
    con = duckdb.connect(str(target), read_only=True)
    try:
        return con.execute(sql.sql, sql.bind(params)).df()
    finally:
        con.close()


def _write(path: Path, seed_dir: Path, imports: pd.DataFrame, fingerprint: str) -> None:
    schema = paths.SCHEMA_FILE.read_text(encoding="utf-8")
    con = duckdb.connect(str(path))
    try:
        con.execute(schema)
        columns = table_columns(con)
        with replay.staged(con, imports):
            for table in table_order(schema):   # each table's imports before the tables that refer to it
                load_seed_file(con, seed_dir, table, columns[table])
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
