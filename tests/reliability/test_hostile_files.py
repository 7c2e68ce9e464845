"""Every hostile, careless or fuzzed file ends as imported (0) or rejected (1) with a Swedish message naming file,
row and column; a rejection leaves both databases byte for byte as they were; nothing crashes (3) or hangs.

The files are in `corpus.py`: 70-odd made by hand across all kinds (issue 17's among them) and 1 000 seeded
mutations of valid files."""

import hashlib
import re
import shutil

import pytest

from dashboard import indicators
from dashboard.base.access import operator
from dashboard.brief import pack as brief
from dashboard.imports import run as importer
from dashboard.store import userdata
from tests.reliability import corpus

OPERATOR = operator()   # the command line's actor: every right

pytestmark = pytest.mark.reliability

PROBLEM_LINE = re.compile(r"^.+, rad \d+, kolumn '.*': .+$")
ENGLISH = re.compile(r"\b(error|invalid|exception|traceback|field|cannot|could not|failed|unexpected|not a|"
                     r"line contains|expected|zip file)\b", re.IGNORECASE)
HAND_MADE = corpus.hand_made()
FUZZED = corpus.fuzzed(1000)


@pytest.fixture(scope="module")
def databases(tmp_path_factory, seed_database):
    """A seed database and user store for the module, with the user store's schema made (its first opening)."""
    folder = tmp_path_factory.mktemp("reliability")
    shutil.copyfile(seed_database, folder / "seed.duckdb")
    patch = pytest.MonkeyPatch()
    patch.setenv("PEER_DB", str(folder / "seed.duckdb"))
    patch.setenv("PEER_USER_DB", str(folder / "user.duckdb"))
    userdata.import_log()
    yield folder
    patch.undo()


def digest(folder) -> dict:
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in ("seed.duckdb", "user.duckdb")}


def dry_run(cli, folder, kind: str, file_name: str, data: bytes):
    path = folder / "in" / file_name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return cli("import", kind, str(path), "--dry-run")


def assert_swedish(result) -> None:
    text = result.stdout + result.stderr
    assert "Traceback" not in text and not ENGLISH.search(text.replace("--dry-run", "")), text[:600]
    if result.returncode == 1:
        problems = result.stderr.splitlines()[1:]
        assert problems and all(PROBLEM_LINE.match(line) for line in problems), result.stderr[:600]


def test_the_corpus_is_large_enough():
    assert len(HAND_MADE) >= 60 and len({kind for _, kind, *_ in HAND_MADE}) == 5
    assert len(FUZZED) >= 1000


@pytest.mark.parametrize("case", HAND_MADE, ids=[c[0] for c in HAND_MADE])
def test_a_hand_made_file_is_imported_or_refused_in_swedish(cli, databases, case):
    _, kind, file_name, data, expected = case
    before = digest(databases)
    result = dry_run(cli, databases, kind, file_name, data)
    assert result.returncode == expected, result.stderr[:600]
    assert_swedish(result)
    assert digest(databases) == before


def test_a_thousand_fuzzed_files_end_in_zero_or_one_and_change_nothing(cli, databases):
    before, outcomes = digest(databases), {0: 0, 1: 0}
    for name, kind, file_name, data in FUZZED:
        result = dry_run(cli, databases, kind, file_name, data)
        assert result.returncode in (0, 1), (name, result.stderr[:600])
        assert_swedish(result)
        outcomes[result.returncode] += 1
    assert digest(databases) == before
    assert outcomes[0] and outcomes[1]   # the mutations make both kinds of file


@pytest.fixture
def restored(databases):
    """The module's databases back as they were after a test that imports for real."""
    saved = {name: (databases / name).read_bytes() for name in ("seed.duckdb", "user.duckdb")}
    yield databases
    for name, content in saved.items():
        (databases / name).write_bytes(content)


@pytest.mark.parametrize("case", [c for c in HAND_MADE if c[4] == 0], ids=[c[0] for c in HAND_MADE if c[4] == 0])
def test_a_file_that_validates_imports_whole(cli, restored, case):
    _, kind, file_name, data, _ = case
    path = restored / "in" / file_name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    result = cli("import", kind, str(path), "--confirm")   # some valid files change documented facts
    assert result.returncode == 0, result.stderr
    log = userdata.import_log().iloc[0]
    assert log["file_name"] == file_name and log["rows_added"] + log["rows_changed"] + log["rows_unchanged"] >= 1


def test_a_renamed_unit_with_placements_and_a_long_name_reach_the_pages_and_the_pack(restored):
    rename = next(c for c in HAND_MADE if c[0] == "unit-with-placements-changed")
    importer.apply(importer.preview("units", "u.csv", rename[3]), OPERATOR, confirmed=True)
    units = indicators.run("supporters_per_unit", as_of="2019-06-30")
    assert "Aktivitetshuset Söder" in units["unit"].tolist()   # 004's placement now under the new name
    long = next(c for c in HAND_MADE if c[0] == "long-unbroken-word")
    importer.apply(importer.preview("units", "u.csv", long[3]), OPERATOR)
    content = brief.build_brief()
    assert content.sections
