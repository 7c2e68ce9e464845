"""An import killed (SIGKILL) at a random point leaves the user store exactly before or after it, the seed
database a whole file of one of the two, and the next reader (which rebuilds where they are out of step)
consistent, with no temporary files left."""

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from dashboard.store import build, userdata
from tests.reliability import corpus

pytestmark = pytest.mark.reliability
TRIALS = 20
ROWS = 300


def tables(path) -> dict:
    """Content hash per table, leaving out the build's own timestamp. Read from a copy: DuckDB keeps one instance
    per path in a process, and the reader `ensure_database` used still holds the file it replaced."""
    copy = path.with_name(f"{path.name}.read-{time.monotonic_ns()}")
    shutil.copyfile(path, copy)
    con = duckdb.connect(str(copy), read_only=True)
    try:
        names = [n for (n,) in con.execute("select table_name from duckdb_tables() order by 1").fetchall()]
        return {n: hashlib.sha256(repr(con.execute(f'select * from "{n}" order by all').fetchall()).encode())
                .hexdigest() for n in names if n != "build_info"}
    finally:
        con.close()
        copy.unlink()


def store(path) -> tuple[int, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return (con.execute("select count(*) from import_log").fetchone()[0],
                con.execute("select count(*) from import_row").fetchone()[0])
    finally:
        con.close()


def start(folder, file, *options) -> subprocess.Popen:
    env = {**os.environ, "PEER_DB": str(folder / "seed.duckdb"), "PEER_USER_DB": str(folder / "user.duckdb")}
    return subprocess.Popen([sys.executable, "-m", "dashboard", "import", "placements", str(file), *options],
                            cwd=build.paths.ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_an_import_killed_anywhere_leaves_before_or_after(tmp_path, seed_database, monkeypatch):
    rows = [corpus.row("placements", **{"Placerings-id": f"PL_K{i}", "Peer supporter (kod)": f"P{100 + i}"})
            for i in range(ROWS)]
    file = tmp_path / "placeringar.csv"
    file.write_bytes(corpus.csv_bytes("placements", rows))
    pristine = tmp_path / "pristine"
    pristine.mkdir()
    shutil.copyfile(seed_database, pristine / "seed.duckdb")
    monkeypatch.setenv("PEER_DB", str(pristine / "seed.duckdb"))
    monkeypatch.setenv("PEER_USER_DB", str(pristine / "user.duckdb"))
    userdata.import_log()   # the empty store
    before = tables(pristine / "seed.duckdb")

    def fresh_copy(name):
        folder = tmp_path / name
        shutil.copytree(pristine, folder)
        return folder

    reference = fresh_copy("reference")          # an import run to the end: its duration and the after state
    started = time.monotonic()
    assert start(reference, file, "--dry-run").wait(timeout=120) == 0
    validated = time.monotonic() - started       # start-up and validation; the writing comes after
    started = time.monotonic()
    assert start(reference, file).wait(timeout=120) == 0
    duration = time.monotonic() - started
    after = tables(reference / "seed.duckdb")
    assert store(reference / "user.duckdb") == (1, ROWS) and after != before

    rng, outcomes = random.Random(20), {"before": 0, "after": 0, "out of step": 0}
    for trial in range(TRIALS):
        folder = fresh_copy(f"trial{trial}")
        process = start(folder, file)
        # every other kill lands while the import builds, commits and swaps
        time.sleep(rng.uniform(0, duration) if trial % 2 else rng.uniform(validated * 0.9, duration))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        user = store(folder / "user.duckdb")
        assert user in ((0, 0), (1, ROWS)), (trial, user)
        seed = tables(folder / "seed.duckdb")
        seed_is = "before" if seed == before else "after" if _same_but_times(seed, after) else "neither"
        assert seed_is != "neither", trial
        outcomes["out of step" if (user[0] == 1) != (seed_is == "after") else seed_is] += 1

        # the next reader: brought in step, nothing left behind
        monkeypatch.setenv("PEER_DB", str(folder / "seed.duckdb"))
        monkeypatch.setenv("PEER_USER_DB", str(folder / "user.duckdb"))
        build.ensure_database()
        seed = tables(folder / "seed.duckdb")
        assert (seed == before) if user[0] == 0 else _same_but_times(seed, after), trial
        assert not list(folder.glob("*.tmp-*")) and not list(folder.glob("*.wal")), trial
    assert outcomes["before"] and outcomes["after"] + outcomes["out of step"], outcomes


def _same_but_times(seed: dict, after: dict) -> bool:
    """The after state but for the import's timestamp, which the source row's note carries."""
    return {k: v for k, v in seed.items() if k != "source"} == {k: v for k, v in after.items() if k != "source"}


BETWEEN_COMMIT_AND_SWAP = """
import os, sys, time
from dashboard.imports import commit as import_commit
def paused(source, target):
    print("committed", flush=True)
    sys.stdout.close()
    time.sleep(60)
import_commit.os.replace = paused
from dashboard.cli.main import main
sys.exit(main(["import", "placements", sys.argv[1], "--as-of", "2021-06-30"]))
"""


def test_a_kill_between_commit_and_swap_is_mended_by_the_next_reader(fresh, cli):
    """The store has the import, the seed database not: every reader (here the command line) rebuilds."""
    file = fresh / "p.csv"
    file.write_bytes(corpus.csv_bytes("placements", [corpus.row("placements")]))
    before = tables(fresh / "seed.duckdb")
    process = subprocess.Popen([sys.executable, "-c", BETWEEN_COMMIT_AND_SWAP, str(file)], cwd=build.paths.ROOT,
                               env=os.environ.copy(), stdout=subprocess.PIPE, text=True)
    assert any("committed" in line for line in process.stdout)   # stops reading at the pause
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert store(fresh / "user.duckdb") == (1, 1) and tables(fresh / "seed.duckdb") == before   # out of step
    result = cli("indicator", "placements_per_stadsdel", "--as-of", "2021-06-30", "--from", "2021-01-01",
                 "--param", "area=Farsta", "--format", "csv")
    assert result.returncode == 0 and result.stdout.splitlines()[1].startswith("Farsta,stadsdel,1,")
    assert not list(fresh.glob("*.tmp-*"))
