"""Issue 22, item 15: undoing the middle of three imports left a supporter at 150 %. An undo (and, as a net, an
import) is refused with the reason when the database without it would break a rule every import's rows are held
to; both databases stay as they were.

The files, by hand: P30 is a new supporter. Import 1 places P30 half time in U_FAR for 2021; import 2 lowers that
to 0,3; import 3 adds 0,7 in U_OST (0,3 + 0,7 = full time). Without import 2, P30 would work 0,5 + 0,7 = 120 %."""

import hashlib

import pytest

from dashboard.base import paths
from dashboard.base.access import operator
from dashboard.imports import run as importer
from dashboard.imports.commit import rule_breaks
from dashboard.store import sqlfiles, userdata
from tests.reliability.corpus import csv_bytes, row

pytestmark = pytest.mark.reliability


def placement(**changes) -> bytes:
    return csv_bytes("placements", [row("placements", **{"Placerings-id": "PL_A", "Startdatum": "2021-01-01",
                                                         "Slutdatum": "2021-12-31", **changes})])


def imported(data: bytes) -> int:
    return importer.apply(importer.preview("placements", "p.csv", data), operator())


def digest(folder) -> dict:
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in ("seed.duckdb", "user.duckdb")}


def test_undoing_the_middle_import_that_a_later_one_relies_on_is_refused(fresh):
    imported(placement(**{"Arbetstid (andel av heltid)": "0,5"}))
    middle = imported(placement(**{"Arbetstid (andel av heltid)": "0,3"}))
    last = imported(placement(**{"Placerings-id": "PL_B", "Enhets-id": "U_OST", "Arbetstid (andel av heltid)": "0,7"}))
    before = digest(fresh)
    with pytest.raises(importer.UndoRefused) as refused:
        importer.undo(middle, operator())
    assert str(refused.value).startswith(f"Import {middle} kan inte ångras: utan den P30 blir placerad över 100 % av "
                                         "heltid (120\u00a0%) den 2021-01-01.")
    assert digest(fresh) == before
    importer.undo(last, operator())     # the later import first: then the middle one may go
    importer.undo(middle, operator())
    assert userdata.applied_imports()["import_id"].tolist() == [1]


def test_undoing_a_shortened_placement_that_left_room_for_a_second_is_refused(fresh, cli):
    imported(placement())                                        # U_FAR for all of 2021
    shortened = imported(placement(Slutdatum="2021-03-31"))      # ends in March
    imported(placement(**{"Placerings-id": "PL_C", "Startdatum": "2021-06-01"}))   # U_FAR again from June
    result = cli("undo-import", str(shortened))
    assert result.returncode == 1
    assert "P30 blir placerad två gånger i U_FAR den 2021-06-01" in result.stderr


def test_the_checks_find_nothing_in_the_shipped_data_and_declare_their_columns(fresh):
    assert rule_breaks(paths.database_path()) == set()
    from dashboard.store.build import lookup

    for name in ("checks/over_full_time", "checks/twice_in_a_unit", "checks/two_single_answers"):
        assert list(lookup(paths.database_path(), name).columns) == list(sqlfiles.load(name).columns)


def test_after_two_imports_the_database_is_in_step_and_not_rebuilt(fresh):
    # the log lists the newest import first, the rows come oldest first: the fingerprint must not depend on it
    from dashboard.store.build import ensure_database

    imported(placement())
    imported(placement(**{"Placerings-id": "PL_B", "Enhets-id": "U_OST"}))
    inode = (fresh / "seed.duckdb").stat().st_ino
    ensure_database()
    assert (fresh / "seed.duckdb").stat().st_ino == inode
