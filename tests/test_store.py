"""The user store keeps its guarantees in DuckDB and in PostgreSQL alike: writes say who and when, a
transaction commits whole or not at all, an import and its undo land in the store and the seed database, and a
write without the role changes nothing."""

import subprocess
import sys
from datetime import date

import pandas as pd
import pytest

from dashboard import indicators, proposal
from dashboard.base import access
from dashboard.base.formatting import stockholm_time
from dashboard.imports import run as importer
from dashboard.store import stores, userdata
from tests.reliability import corpus

PLANNER = access.Actor("planerare@stad.se", access.Role.PLANERARE, "inloggad")
FORVALTARE = access.Actor("forvaltare@stad.se (oid 1f2e)", access.Role.FORVALTARE, "inloggad", "forvaltare@stad.se")
READER = access.Actor("lasare@stad.se", access.Role.LASARE, "inloggad")
OPERATOR = access.operator()


def test_the_store_is_the_one_asked_for(store):
    assert stores.current().kind == store


def test_scenarios_say_who_saved_renamed_and_deleted_them(store):
    userdata.save_scenario("Som i dag", {"budget_sek": 3_500_000}, {"balance_sek": 0}, "v", date(2020, 6, 11),
                           PLANNER)
    saved = userdata.load_scenario("Som i dag")
    assert saved["inputs"] == {"budget_sek": 3_500_000} and saved["created_by"] == "planerare@stad.se"
    userdata.rename_scenario("Som i dag", "Dagens nivå", OPERATOR)
    assert userdata.load_scenario("Dagens nivå")["updated_by"] == OPERATOR.name
    userdata.delete_scenario("Dagens nivå", PLANNER)
    assert userdata.list_scenarios().empty
    userdata.restore_scenario("Dagens nivå", PLANNER)
    assert userdata.list_scenarios()["name"].tolist() == ["Dagens nivå"]


def test_proposals_are_versions_that_say_who_and_when(store):
    assert proposal.latest() is None and proposal.history() == []
    before = stockholm_time()
    first = proposal.save("att godkänna förslaget", OPERATOR)
    second = proposal.save("att godkänna förslaget\natt uppdra åt förvaltningen", FORVALTARE)
    after = stockholm_time()
    assert [(p.version, p.who, p.text) for p in proposal.history()] == [
        (2, "forvaltare@stad.se (oid 1f2e)", "att godkänna förslaget\natt uppdra åt förvaltningen"),
        (1, OPERATOR.name, "att godkänna förslaget")]
    assert proposal.history() == [second, first] and proposal.latest() == second   # as read back, to the microsecond
    assert before <= first.saved_at <= second.saved_at <= after
    with pytest.raises(access.PermissionDenied, match="kräver rollen förvaltare; du är planerare"):
        proposal.save("planerarens förslag", PLANNER)
    assert proposal.latest() == second


def test_proposals_saved_at_the_same_moment_each_get_a_version_of_their_own(store):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(6) as pool:   # in PostgreSQL, six connections numbering their version at once
        saved = list(pool.map(lambda n: proposal.save(f"förslag {n}", OPERATOR), range(6)))
    assert sorted(p.version for p in saved) == [1, 2, 3, 4, 5, 6]
    assert sorted(p.text for p in proposal.history()) == sorted(p.text for p in saved)


def test_a_transaction_that_fails_writes_nothing(store):
    log = {"import_id": 1, "imported_at": pd.Timestamp("2026-12-01 10:00"), "kind": "units", "file_name": "u.csv",
           "file_sha256": "x", "rows_added": 1, "rows_changed": 0, "rows_unchanged": 0, "who": "t", "detected": "",
           "source_dated": date(2020, 6, 11)}
    with pytest.raises(RuntimeError):
        with userdata.transaction() as run:
            run("user/import_insert_log", log)
            raise RuntimeError("avbrutet")
    assert userdata.import_log().empty


def test_an_import_and_its_undo_reach_the_store_and_the_seed_database(store):
    data = corpus.csv_bytes("placements", [corpus.row("placements")])
    before = userdata.store_version()
    number = importer.apply(importer.preview("placements", "p.csv", data), OPERATOR)
    assert userdata.store_version() != before
    rows = userdata.imported_rows()
    assert rows["import_id"].tolist() == [number] and '"PL_R1"' in rows["record"].iloc[0]
    assert "PL_R1" in set(indicators.run_query("imports/existing_placements")["placement_id"])
    importer.undo(number, OPERATOR)
    log = userdata.import_log().iloc[0]
    assert log["undone_by"] == OPERATOR.name and userdata.imported_rows().empty
    assert "PL_R1" not in set(indicators.run_query("imports/existing_placements")["placement_id"])


@pytest.mark.parametrize("write", [
    lambda actor: userdata.save_scenario("X", {}, {}, "v", date(2020, 6, 11), actor),
    lambda actor: userdata.rename_scenario("Kvar", "Y", actor),
    lambda actor: userdata.delete_scenario("Kvar", actor),
    lambda actor: importer.apply(importer.preview("units", "u.csv", corpus.csv_bytes("units", [
        corpus.VALID["units"]])), actor),
    lambda actor: importer.undo(1, actor),
    lambda actor: proposal.save("att godkänna", actor),
], ids=["save", "rename", "delete", "import", "undo", "proposal"])
def test_a_write_without_the_role_changes_nothing(store, write):
    userdata.save_scenario("Kvar", {}, {}, "v", date(2020, 6, 11), OPERATOR)
    importer.apply(importer.preview("placements", "p.csv", corpus.csv_bytes("placements", [corpus.row(
        "placements")])), OPERATOR)
    proposal.save("Förvaltningens", OPERATOR)
    scenarios, log, seed = userdata.list_scenarios(), userdata.import_log(), indicators.run("sources")
    proposals = proposal.history()
    with pytest.raises(access.PermissionDenied):
        write(READER)
    assert userdata.list_scenarios().equals(scenarios) and userdata.import_log().equals(log)
    assert proposal.history() == proposals
    assert indicators.run("sources").equals(seed)


def test_between_calls_another_process_may_write_the_duckdb_store(fresh):
    """This process holds the file only while a statement or transaction runs: the command line, another process,
    imports while the dashboard is open."""
    userdata.save_scenario("Kvar", {}, {}, "v", date(2020, 6, 11), OPERATOR)
    assert not userdata.list_scenarios().empty
    other = subprocess.run([sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
                            "c.execute('delete from saved_scenario'); c.close()", str(userdata.user_database_path())],
                           capture_output=True, text=True, timeout=60)
    assert other.returncode == 0, other.stderr
    assert userdata.list_scenarios().empty   # and what it wrote is read here
