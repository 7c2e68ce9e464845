"""Erasing one supporter (issue 28): no trace in either store, the rebuilt seed database, the board pack or the
exports; the other supporters' rows stay; logged without the code; refused to anyone but a förvaltare."""

import os
from datetime import date

import duckdb
import pytest

from dashboard import indicators
from dashboard.base import access, paths
from dashboard.brief import pack as brief
from dashboard.brief.files import brief_file
from dashboard.erasure import erase_supporter, history
from dashboard.imports import run as importer
from dashboard.store import stores
from tests.reliability.corpus import csv_bytes, row

OPERATOR = access.Actor("förvaltaren", access.Role.FORVALTARE, "inloggad")


def import_two_supporters() -> None:
    rows = [row("placements", **{"Placerings-id": "PL_ERASE", "Peer supporter (kod)": "P30"}),
            row("placements", **{"Placerings-id": "PL_KEEP", "Peer supporter (kod)": "P31", "Enhets-id": "U_OST"})]
    checked = importer.preview("placements", "p.csv", csv_bytes("placements", rows))
    assert checked.ok, [p.line() for p in checked.problems]
    importer.apply(checked, OPERATOR, as_of=date(2021, 1, 15))


def texts_in_duckdb(path) -> str:
    """Every value of every table, as text."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = con.execute("select table_name from information_schema.tables where table_schema = 'main'").fetchall()
        return " ".join(str(value) for (table,) in tables
                        for record in con.execute(f"select * from {table}").fetchall() for value in record)
    finally:
        con.close()


def texts_in_store(kind: str) -> str:
    if kind == "duckdb":
        return texts_in_duckdb(stores.current().path)
    import psycopg

    with psycopg.connect(os.environ["PEER_DATABASE_URL"]) as con:
        tables = con.execute("select table_name from information_schema.tables where table_schema = 'public'")
        return " ".join(str(value) for (table,) in tables.fetchall()
                        for record in con.execute(f"select * from {table}").fetchall() for value in record)


def test_an_erased_supporter_leaves_no_trace(store):
    import_two_supporters()
    assert "P30" in texts_in_store(store) and "P30" in texts_in_duckdb(paths.database_path())

    assert erase_supporter("P30", "Begäran om radering enligt art. 17", OPERATOR) == 1

    for where, text in (("user store", texts_in_store(store)), ("seed database", texts_in_duckdb(paths.database_path()))):
        assert "P30" not in text and "PL_ERASE" not in text, where
        assert "P31" in text, where   # the other supporter's row stays
    pack = brief.build_brief(date(2021, 1, 15), ("placements_per_stadsdel", "supporters_per_unit"),
                             render_charts=False)
    assert "PL_ERASE" not in brief_file(pack, ".md").decode("utf-8")
    logged = history()
    assert len(logged) == 1 and logged.iloc[0]["rows_removed"] == 1
    assert "P30" not in " ".join(map(str, logged.iloc[0].tolist()))
    farsta = indicators.run("placements_per_stadsdel", staff_detail=True, as_of="2021-01-15", area="Farsta")
    assert farsta.empty or "IMP" not in " ".join(farsta["sources"].astype(str))


def test_erasure_is_refused_to_anyone_but_a_forvaltare(fresh, cli, tmp_path, monkeypatch):
    import_two_supporters()
    before = texts_in_duckdb(stores.current().path)
    for role in (access.Role.LASARE, access.Role.PLANERARE):
        with pytest.raises(access.PermissionDenied):
            erase_supporter("P30", "skäl", access.Actor("någon", role, "inloggad"))
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[peer_roles]\noperators = ["någon-annan"]\n', encoding="utf-8")
    monkeypatch.setattr(paths, "SECRETS", secrets)
    result = cli("erase-supporter", "P30", "--reason", "skäl")
    assert result.returncode == 2 and "kräver rollen förvaltare" in result.stderr
    assert texts_in_duckdb(stores.current().path) == before


def test_a_supporter_from_the_documents_is_not_the_stores_to_erase(fresh, cli):
    result = cli("erase-supporter", "P01", "--reason", "skäl")
    assert result.returncode == 2 and "data/seeds/supporter.csv" in result.stderr
