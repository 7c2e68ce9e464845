"""Every test runs against a database built from the shipped seeds in a temporary folder, and a user
database beside it: never against the developer's files in `data/`."""

import shutil
from pathlib import Path

import duckdb
import pytest

from dashboard import paths
from dashboard.build import build_database

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def seed_database(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("db") / "peer_support.duckdb"
    patch = pytest.MonkeyPatch()
    patch.setenv("PEER_DB", str(path))
    patch.setenv("PEER_USER_DB", str(path.parent / "user.duckdb"))
    build_database(path)
    yield path
    patch.undo()


@pytest.fixture
def seed_copy(tmp_path) -> Path:
    """A writable copy of the shipped seed folder."""
    target = tmp_path / "seeds"
    shutil.copytree(paths.seed_dir(), target)
    return target


def fetch(path: Path, sql: str, params=None) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()
