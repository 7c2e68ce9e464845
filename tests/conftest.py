"""Every test runs against a database built from the shipped seeds in a temporary folder, and a user
database beside it: never against the developer's files in `data/`."""

import functools
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from dashboard.base import paths
from dashboard.cli.main import main
from dashboard.store import userdata
from dashboard.store.build import build_database

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser):
    parser.addoption("--reliability", action="store_true",
                     help="also the fault-injection runs of tests/reliability (CI, with CI set, always runs them)")


def pytest_collection_modifyitems(config, items):
    """The fault-injection runs (hostile files by the thousand, kills, concurrent readers; marked `reliability`)
    take three minutes of the suite: a developer's run leaves them out unless asked (`--reliability`), CI runs
    every test."""
    if os.environ.get("CI") or config.getoption("--reliability") or "reliability" in (config.option.markexpr or ""):
        return
    slow = [item for item in items if item.get_closest_marker("reliability")]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if not item.get_closest_marker("reliability")]


@pytest.fixture(scope="session", autouse=True)
def seed_database(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("db") / "peer_support.duckdb"
    patch = pytest.MonkeyPatch()
    patch.setenv("PEER_DB", str(path))
    patch.setenv("PEER_USER_DB", str(path.parent / "user.duckdb"))
    patch.setenv("PEER_LOCAL", "1")   # as the README's first command: one local user who may do everything
    patch.delenv("PEER_DATABASE_URL", raising=False)
    build_database(path)
    yield path
    patch.undo()


@pytest.fixture(scope="session", autouse=True)
def components_scanned_once():
    """Each new `AppTest` scans every installed package for Streamlit components (75 ms here; the server does it
    once at start): the packages do not change during a test session, so one scan serves every AppTest."""
    from streamlit.components.v2 import manifest_scanner as scanner

    patch = pytest.MonkeyPatch()
    patch.setattr(scanner, "scan_component_manifests", functools.cache(scanner.scan_component_manifests))
    yield
    patch.undo()


@pytest.fixture
def fresh(tmp_path, monkeypatch, seed_database) -> Path:
    """A seed database and an empty user database of the test's own, in `tmp_path`: a copy of the session's
    build (copying takes milliseconds, a build about a second)."""
    shutil.copyfile(seed_database, tmp_path / "seed.duckdb")
    monkeypatch.setenv("PEER_DB", str(tmp_path / "seed.duckdb"))
    monkeypatch.setenv("PEER_USER_DB", str(tmp_path / "user.duckdb"))
    userdata.import_log()   # creates the empty user store, as the first page run does
    return tmp_path


@dataclass(frozen=True)
class CliResult:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys):
    """`python -m dashboard …` in this process (the same `main`); one subprocess test per command checks the
    module entry itself."""
    def run(*args: str) -> CliResult:
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exit_:   # argparse's own usage errors
            code = exit_.code
        out = capsys.readouterr()
        return CliResult(code, out.out, out.err)
    return run


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


@pytest.fixture(scope="session")
def postgres_cluster():
    from tests.processes import postgres_cluster as cluster
    from tests.servers import require_postgres

    require_postgres()
    with cluster() as database:
        yield database


@pytest.fixture(params=["duckdb", "postgres"])
def store(request, fresh, monkeypatch):
    """The user store of each kind, empty, with a seed database of the test's own (`fresh`)."""
    if request.param == "postgres":
        url = request.getfixturevalue("postgres_cluster")(f"t{abs(hash(request.node.nodeid))}")
        monkeypatch.setenv("PEER_DATABASE_URL", url)
        userdata.import_log()
    return request.param
