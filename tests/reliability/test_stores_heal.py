"""Issue 22, items 9, 10 and 17: the stores heal.

- A user store that is gone, or was replaced by an empty database, gets its tables again from the process that
  finds it (the seed database then holds what the store says: the seeds alone), and no page run fails.
- A truncated or damaged seed database is rebuilt: its fingerprint still reads, so only reading it whole tells.
- While PostgreSQL is down, pages read the seed database as last built under a Swedish notice, the command line's
  reads go on with a notice on stderr, and writes are refused with exit 3 and a Swedish line.
"""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.base import access, paths
from dashboard.imports import run as importer
from dashboard.store import build, db, freshness, stores, userdata
from tests.reliability import corpus

pytestmark = pytest.mark.reliability
ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted(p.name for p in (ROOT / "pages").glob("*.py"))
OPERATOR = access.operator()
DOWN = "Den delade databasen går inte att nå just nu"


def import_unit(name: str = "Träffpunkten") -> int:
    data = corpus.csv_bytes("units", [corpus.row("units", Namn=name)])
    return importer.apply(importer.preview("units", "enheter.csv", data), OPERATOR)


def imported_units() -> set[str]:
    """Units the seed database holds from imports, read as the pages read it."""
    return set(db.query("select unit_id from unit where source_id like 'IMP%'")["unit_id"])


def every_page_runs(notice: str | None = None) -> None:
    """The entrypoint and each page, as a browser reaches them; with `notice`, shown above each."""
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    for name in PAGES:
        app.switch_page(f"pages/{name}").run()
        assert not app.exception, (name, [e.value for e in app.exception])
        if notice:
            assert any(notice in w.value for w in app.warning), name


def empty_duckdb_file(path: Path) -> None:
    """A valid DuckDB database without tables, written elsewhere and moved over `path` (another identity)."""
    made = path.with_name("empty.duckdb")
    duckdb.connect(str(made)).close()
    os.replace(made, path)


# --- item 9: a user store that is gone or replaced ---------------------------------------------------------------

@pytest.mark.parametrize("replace", [lambda path: path.unlink(), empty_duckdb_file], ids=["deleted", "emptied"])
def test_a_user_store_gone_or_replaced_is_made_again_and_pages_run(fresh, replace):
    import_unit()
    userdata.save_scenario("Kvar", {}, {}, "v", date(2020, 6, 11), OPERATOR)
    assert imported_units() == {"U_NY"}
    replace(Path(os.environ["PEER_USER_DB"]))

    assert userdata.import_log().empty and userdata.list_scenarios().empty   # its tables are back, empty
    every_page_runs()
    assert imported_units() == set()   # the seed database says what the store says: no imports
    userdata.save_scenario("Ny", {}, {}, "v", date(2020, 6, 11), OPERATOR)   # and it takes writes again
    assert userdata.list_scenarios()["name"].tolist() == ["Ny"]


def test_a_postgres_store_whose_tables_were_dropped_makes_them_again(fresh, postgres_cluster, monkeypatch):
    monkeypatch.setenv("PEER_DATABASE_URL", postgres_cluster("heal_dropped"))
    import_unit()
    import psycopg

    with psycopg.connect(os.environ["PEER_DATABASE_URL"], autocommit=True) as con:
        con.execute("drop table import_row; drop table import_log; drop table saved_scenario")
    assert userdata.import_log().empty
    assert build.ensure_database() and imported_units() == set()


# --- item 10: a truncated or damaged seed database ---------------------------------------------------------------

def truncate_to_half(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


def truncate_to_header(path: Path) -> None:
    os.truncate(path, 64 * 1024)


def zero_the_middle(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.seek(path.stat().st_size // 2)
        handle.write(bytes(1 << 20))


@pytest.mark.parametrize("damage", [truncate_to_half, truncate_to_header, zero_the_middle])
def test_a_damaged_seed_database_is_rebuilt_and_readers_go_on(fresh, cli, damage):
    import_unit()
    seed = paths.database_path()
    damage(seed)
    result = cli("indicator", "supporters_per_unit", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert build.readable(seed) and imported_units() == {"U_NY"}   # rebuilt whole, with the import
    damage(seed)
    every_page_runs()   # a running dashboard notices the changed file too


# --- item 17: PostgreSQL down ------------------------------------------------------------------------------------

@pytest.fixture
def own_postgres(fresh, monkeypatch):
    """A PostgreSQL store on a cluster of this test's own (it is stopped), with one import and one scenario."""
    from tests.processes import postgres_cluster
    from tests.servers import require_postgres

    require_postgres()
    with postgres_cluster() as database:
        url = database("outage")
        monkeypatch.setenv("PEER_DATABASE_URL", url)
        monkeypatch.setattr(freshness, "CHECK_SECONDS", 0.0)   # every run asks the store
        import_unit()
        userdata.save_scenario("Kvar", {}, {}, "v", date(2020, 6, 11), OPERATOR)
        yield url


def stop_postgres(url: str) -> None:
    from tests.processes import postgres_bin

    folder = Path(parse_qs(urlparse(url).query)["host"][0])
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run([*as_postgres, str(Path(postgres_bin()) / "pg_ctl"), "-D", str(folder / "data"), "-m", "fast",
                    "-w", "stop"], check=True, capture_output=True)


def test_while_postgres_is_down_pages_and_command_line_reads_go_on(own_postgres, cli, tmp_path):
    every_page_runs()
    seed = paths.database_path()
    before = seed.read_bytes()
    stop_postgres(own_postgres)

    assert freshness.keep_in_step() == f"{DOWN}; sidan visar senast byggda data."
    every_page_runs(notice=DOWN)
    assert seed.read_bytes() == before and imported_units() == {"U_NY"}   # as last built, with the import

    for args in (["indicator", "supporters_per_unit"], ["scenario", "--format", "json"],
                 ["brief", "--out", str(tmp_path / "underlag.md")]):
        result = cli(*args)
        assert result.returncode == 0, (args, result.stderr)
        assert result.stderr.strip() == f"Obs: {DOWN}; kommandot läser senast byggda data.", args

    units = tmp_path / "enheter.csv"
    units.write_bytes(corpus.csv_bytes("units", [corpus.row("units", **{"Enhets-id": "U_NY3"})]))
    for args in (["import", "units", str(units)], ["undo-import", "1"], ["build"]):
        result = cli(*args)
        assert result.returncode == 3, (args, result.stderr)
        assert f"Fel: {DOWN}; ingenting har ändrats." in result.stderr and "Traceback" not in result.stderr, args
    assert seed.read_bytes() == before


def test_while_postgres_is_down_a_missing_seed_database_is_built_from_the_seeds(own_postgres, cli):
    stop_postgres(own_postgres)
    build.remove_database_file(paths.database_path())
    result = cli("indicator", "supporters_per_unit")
    assert result.returncode == 0 and DOWN in result.stderr
    assert imported_units() == set()   # the import is the store's: back once it answers
    every_page_runs(notice=DOWN)


def test_a_scenario_write_while_postgres_is_down_is_refused_in_swedish(own_postgres):
    stop_postgres(own_postgres)
    with pytest.raises(userdata.UserDataError, match=DOWN):
        userdata.save_scenario("Ny", {}, {}, "v", date(2020, 6, 11), OPERATOR)
    with pytest.raises(stores.StoreUnavailable):
        userdata.imported_rows()   # what a build decides on is never taken for empty


def test_a_user_store_another_process_holds_for_a_moment_is_waited_for(fresh):
    """Not an outage: the DuckDB file one process at a time may open is waited for, as before."""
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print(1, flush=True); time.sleep(0.5)", os.environ["PEER_USER_DB"]],
                              stdout=subprocess.PIPE)
    holder.stdout.readline()
    assert userdata.imported_rows().empty   # read once the holder let go, not refused
    holder.wait(timeout=10)
