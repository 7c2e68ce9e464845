"""A broken seed row stops the build with file, row and column, and the old database stays as it was."""

import pytest

from dashboard.store.build import build_database, ensure_database, stored_fingerprint
from dashboard.store.seeds import SeedError
from tests.conftest import fetch


def _replace_in(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def existing(tmp_path, seed_copy):
    target = tmp_path / "db.duckdb"
    build_database(target, seed_copy)
    return target


@pytest.mark.parametrize("file, old, new, row, column, words", [
    # unit.csv line 3 is U_FAR; its area does not exist.
    ("unit.csv", "U_FAR,Enhet i Farsta (namn ej publicerat),false,okänd,farsta,",
     "U_FAR,Enhet i Farsta (namn ej publicerat),false,okänd,atlantis,", 3, "area_id", "atlantis"),
    # placement.csv line 2 is PL01; an impossible date.
    ("placement.csv", "PL01,P01,U_SOD_AKT,2018-09-01,", "PL01,P01,U_SOD_AKT,2018-09-31,", 2, "start_date", "datum"),
    # absence.csv line 2 cites a source that is not in source.csv.
    ("absence.csv", ",S004,", ",S999,", 2, "source_id", "S999"),
    # funding_agreement.csv line 4 is FA2019: a negative amount breaks the CHECK constraint.
    ("funding_agreement.csv", ",3500000,2019-01-01,", ",-3500000,2019-01-01,", 4, "amount_sek", "-3500000"),
    # unit_observation.csv line 3 is UO02: the observed period ends before it starts.
    ("unit_observation.csv", "UO02,U_HL,2018-01-01,2018-12-31,", "UO02,U_HL,2018-01-01,2017-12-31,", 3,
     "period_end", "2017-12-31"),
    # source.csv line 2: S000's title is required.
    ("source.csv", "S000,Slututvärdering av PEER support och inriktning för arbetet hösten 2020,", "S000,,", 2,
     "title", "saknas"),
])
def test_broken_row_names_file_row_column_and_keeps_old_database(existing, seed_copy, file, old, new, row, column,
                                                                 words):
    before = existing.read_bytes()
    _replace_in(seed_copy / file, old, new)
    with pytest.raises(SeedError) as raised:
        build_database(existing, seed_copy)
    error = raised.value
    assert (error.file.name, error.row, error.column) == (file, row, column)
    assert file in str(error) and f"rad {row}" in str(error) and column in str(error)
    assert words in str(error)
    assert existing.read_bytes() == before
    assert not [p for p in existing.parent.iterdir() if ".tmp-" in p.name]


def test_missing_and_extra_columns_are_named(existing, seed_copy):
    _replace_in(seed_copy / "area.csv", "area_id,name,area_kind,", "area_id,namn,area_kind,")
    with pytest.raises(SeedError) as raised:
        build_database(existing, seed_copy)
    assert (raised.value.row, raised.value.column) == (1, "name")


def test_ensure_database_rebuilds_when_a_seed_file_changes(existing, seed_copy):
    first = stored_fingerprint(existing)
    ensure_database(existing, seed_copy)
    assert stored_fingerprint(existing) == first
    _replace_in(seed_copy / "area.csv", "farsta,Farsta,", "farsta,Farsta stadsdel,")
    ensure_database(existing, seed_copy)
    assert stored_fingerprint(existing) != first
    assert fetch(existing, "select name from area where area_id = 'farsta'") == [("Farsta stadsdel",)]


def test_cli_build_reports_a_broken_row_and_exits_1(tmp_path, seed_copy, monkeypatch, cli):
    target = tmp_path / "cli.duckdb"
    _replace_in(seed_copy / "unit.csv", ",okänd,farsta,", ",okänd,atlantis,")
    monkeypatch.setenv("PEER_DB", str(target))
    monkeypatch.setenv("PEER_SEED_DIR", str(seed_copy))
    result = cli("build")
    assert result.returncode == 1
    assert "unit.csv, rad 3, kolumn 'area_id'" in result.stderr
    assert not target.exists()
