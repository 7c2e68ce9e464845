"""Issue 22, item 8: a rebuild replays every import in bulk, a few statements per table however many rows were
imported, with the meaning one-by-one replay had: each import is its own source, a later import's row replaces
an earlier one with the same key, an absence stays until a row gives another, a supporter code is registered by
the first import that brings it, and a renamed unit is written before the placements in it."""

import time

import pytest

from dashboard.base import access
from dashboard.imports import run as importer
from dashboard.imports.kinds import KINDS
from dashboard.store import build, db, sqlfiles
from tests.reliability import corpus

pytestmark = pytest.mark.reliability
OPERATOR = access.operator()


def imported(kind: str, rows: list[list[str]], name: str = "fil.csv") -> int:
    return importer.apply(importer.preview(kind, name, corpus.csv_bytes(kind, rows)), OPERATOR)


def fetch(sql: str) -> list[tuple]:
    """Through the reader, which follows the file each import swaps in (DuckDB keeps one instance per path in a
    process, so a connection of our own could be served the replaced file)."""
    return list(db.query(sql).itertuples(index=False, name=None))


def placement_file(rows: int) -> bytes:
    """`rows` valid placements: ten a supporter, one a month, as the issue's 9 000-row file."""
    lines = [";".join(KINDS["placements"].headers)]
    for index in range(rows):
        supporter, month = index // 10, index % 10 + 1
        lines.append(f"PL_B{index};P{10_000 + supporter};U_FAR;2021-{month:02d}-01;2021-{month:02d}-28;0,5;;;")
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_a_later_import_replaces_an_earlier_row_and_each_import_is_its_own_source(fresh):
    imported("units", [corpus.row("units"), corpus.row("units", **{"Enhets-id": "U_NY2", "Namn": "Andra"})], "a.csv")
    imported("units", [corpus.row("units", **{"Namn": "Träffpunkten Syd"})], "b.csv")
    # U_NY was row 2 of a.csv (import 1), then row 2 of b.csv (import 2); U_NY2 only in a.csv, row 3
    assert fetch("select unit_id, name, source_id, source_ref from unit where unit_id like 'U_NY%' order by 1") \
        == [("U_NY", "Träffpunkten Syd", "IMP0002", "rad 2"), ("U_NY2", "Andra", "IMP0001", "rad 3")]
    assert fetch("select source_id, title from source where source_id like 'IMP%' order by 1") \
        == [("IMP0001", "Import: a.csv"), ("IMP0002", "Import: b.csv")]


def test_an_absence_stays_until_a_row_gives_another_and_a_supporter_keeps_its_first_import(fresh):
    absent = {"Frånvaro från": "2021-03-01", "Frånvaro till": "2021-03-31", "Frånvaroslag": "sjukskrivning"}
    imported("placements", [corpus.row("placements", **absent)])
    imported("placements", [corpus.row("placements", **{"Arbetstid (andel av heltid)": "0,75"})])
    assert fetch("select fte_share, source_id from placement where placement_id = 'PL_R1'") == [(0.75, "IMP0002")]
    assert fetch("select absence_id, start_date::varchar, source_id from absence where placement_id = 'PL_R1'") \
        == [("PL_R1-F", "2021-03-01", "IMP0001")]
    assert fetch("select source_id from supporter where supporter_id = 'P30'") == [("IMP0001",)]


def test_a_renamed_seed_unit_is_written_before_the_placements_in_it(fresh):
    # U_FAR is a seed unit with a seed placement; import 1 renames it, import 2 places someone in it
    imported("units", [corpus.row("units", **{"Enhets-id": "U_FAR", "Namn": "Farstagården"})])
    imported("placements", [corpus.row("placements", **{"Enhets-id": "U_FAR"})])
    assert fetch("select name, source_id from unit where unit_id = 'U_FAR'") == [("Farstagården", "IMP0001")]
    assert fetch("select unit_id from placement where placement_id = 'PL_R1'") == [("U_FAR",)]


def test_agreement_statuses_and_follow_ups_are_written_as_one_by_one_replay_wrote_them(fresh):
    imported("agreements", [corpus.row("agreements", **{"Status": "förväntad", "Beslutsdatum": ""})])
    imported("recommendation_status", [corpus.row("recommendation_status"),
                                       corpus.row("recommendation_status", **{"Datum": "2021-04-01"})])
    assert fetch("select status, decision_source_id, decision_basis from funding_agreement "
                       "where agreement_id = 'FA2022'") == [("expected", None, "unknown")]
    # the follow-ups' ids are the import's source and the file's row
    assert fetch("select status_id, status_date::varchar from recommendation_status where source_id = 'IMP0002' "
                       "order by 1") == [("IMP0002-2", "2021-03-01"), ("IMP0002-3", "2021-04-01")]


def test_a_rebuild_runs_as_many_statements_for_many_imported_rows_as_for_one(fresh, monkeypatch, tmp_path):
    def statements(rows: int) -> int:
        importer.apply(importer.preview("placements", f"p{rows}.csv", placement_file(rows)), OPERATOR)
        loaded = []
        real = sqlfiles.load
        monkeypatch.setattr(sqlfiles, "load", lambda name: loaded.append(name) or real(name))
        build.build_database(tmp_path / f"built{rows}.duckdb")
        monkeypatch.setattr(sqlfiles, "load", real)
        return sum(name.startswith("replay/") for name in loaded)

    one = statements(1)
    assert statements(2_000) == one   # two imports (1 and 2 000 rows) cost what one did


def test_an_import_after_a_9000_row_import_is_quick(fresh):
    """The issue's case: after one 9 000-row import each later import took 2–2.5 minutes (34 s a build)."""
    importer.apply(importer.preview("placements", "stor.csv", placement_file(9_000)), OPERATOR)
    started = time.monotonic()
    imported("units", [corpus.row("units")])
    assert time.monotonic() - started < 20   # about 2 s here, on two shared cores
    assert fetch("select count(*) from placement where source_id = 'IMP0001'") \
        == [(9_000,)]
