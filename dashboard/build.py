"""Build the seed database from `data/` into a temporary file and swap it in atomically.

A failed build raises `SeedError` and leaves any existing database exactly as it was.
"""

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from dashboard import paths
from dashboard.seeds import load_seeds, table_order

# Bump when the build itself changes what it writes, so existing databases are rebuilt.
BUILD_FORMAT = "1"


@dataclass(frozen=True)
class BuildReport:
    path: Path
    rows: dict[str, int]
    fingerprint: str


def seed_fingerprint(seed_dir: Path | None = None, schema_file: Path | None = None) -> str:
    """A hash of the schema and every seed file: it changes when any of them does."""
    seed_dir = seed_dir or paths.seed_dir()
    digest = hashlib.sha256(BUILD_FORMAT.encode())
    for path in [schema_file or paths.SCHEMA_FILE, *sorted(seed_dir.glob("*.csv"))]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def build_database(target: Path | None = None, seed_dir: Path | None = None) -> BuildReport:
    target = Path(target or paths.database_path())
    seed_dir = seed_dir or paths.seed_dir()
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f"{target.name}.tmp-{os.getpid()}")
    _remove(temporary)
    fingerprint = seed_fingerprint(seed_dir)
    try:
        rows = _write(temporary, seed_dir, fingerprint)
        os.replace(temporary, target)
    finally:
        _remove(temporary)
    return BuildReport(target, rows, fingerprint)


def ensure_database(target: Path | None = None, seed_dir: Path | None = None) -> Path:
    """Build when the database is missing or was built from other seed files."""
    target = Path(target or paths.database_path())
    if stored_fingerprint(target) != seed_fingerprint(seed_dir):
        build_database(target, seed_dir)
    return target


def stored_fingerprint(target: Path) -> str | None:
    if not target.exists():
        return None
    try:
        con = duckdb.connect(str(target), read_only=True)
        try:
            return con.execute("select seed_fingerprint from build_info").fetchone()[0]
        finally:
            con.close()
    except duckdb.Error:
        return None


def _write(path: Path, seed_dir: Path, fingerprint: str) -> dict[str, int]:
    schema = paths.SCHEMA_FILE.read_text(encoding="utf-8")
    con = duckdb.connect(str(path))
    try:
        con.execute(schema)
        rows = load_seeds(con, seed_dir, table_order(schema))
        con.execute(
            "create table build_info as select ? as seed_fingerprint, ? as built_at, "
            "(select max(dated) from source) as data_as_of",
            [fingerprint, datetime.now(timezone.utc).replace(tzinfo=None)],
        )
        con.execute("checkpoint")
    finally:
        con.close()
    return rows


def _remove(path: Path) -> None:
    for candidate in (path, path.with_name(path.name + ".wal")):
        candidate.unlink(missing_ok=True)
