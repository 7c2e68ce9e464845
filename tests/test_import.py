"""Imports: every bad file is refused with file, row and column and leaves both databases as they were;
good files in every accepted format import, and the indicators show the new rows."""

import io
import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import indicators
from dashboard.base.access import operator
from dashboard.imports import run as importer
from dashboard.imports.kinds import KINDS
from dashboard.store import userdata
from dashboard.store.build import build_database
from tests.reliability import corpus
from tests.snapshots import checksums

ROOT = Path(__file__).resolve().parent.parent
PLACEMENT_HEADERS = KINDS["placements"].headers
OPERATOR = operator()   # the command line's actor: every right
GOOD_PLACEMENT = ["PL_T1", "P20", "U_FAR", "2021-01-01", "2021-12-31", "0,5", "", "", ""]


def both(fresh: Path) -> dict:
    return checksums(fresh / "seed.duckdb", fresh / "user.duckdb")


def csv_bytes(headers, rows, sep=";", encoding="utf-8-sig") -> bytes:
    lines = [sep.join(headers)] + [sep.join(row) for row in rows]
    return ("\n".join(lines) + "\n").encode(encoding)


def xlsx_bytes(headers, rows) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def placements(*rows, **changes):
    row = list(GOOD_PLACEMENT)
    for header, value in changes.items():
        row[PLACEMENT_HEADERS.index(header.replace("_", " "))] = value
    return csv_bytes(PLACEMENT_HEADERS, rows or [row])


def placement_row(**changes):
    row = list(GOOD_PLACEMENT)
    for header, value in changes.items():
        row[PLACEMENT_HEADERS.index(header)] = value
    return row


UNITS = KINDS["units"].headers
AGREEMENTS = KINDS["agreements"].headers
RESPONSES = KINDS["survey_responses"].headers
STATUS = KINDS["recommendation_status"].headers
GOOD_AGREEMENT = ["FA2022", "", "Socialnämnden", "3 500 000", "2022-01-01", "2022-12-31", "beslutad", "2021-11-30"]

BAD_FILES = [
    # (id, kind, file name, content, row, column, words in the message)
    ("empty", "placements", "p.csv", b"", 1, "", "tom"),
    ("only-spaces", "placements", "p.csv", b"   \n \n", 1, "", "tom"),
    ("binary-garbage", "placements", "p.csv", bytes(range(256)) * 20, 1, "", "binär"),
    ("csv-named-xlsx", "placements", "p.xlsx", placements(), 1, "", "inte en Excel"),
    ("xlsx-named-csv", "placements", "p.csv", xlsx_bytes(PLACEMENT_HEADERS, [GOOD_PLACEMENT]), 1, "", "kalkylark"),
    ("pdf", "placements", "p.pdf", b"%PDF-1.4 ...", 1, "", "Filtypen"),
    ("huge", "placements", "p.csv", b"a;" * (3 * 1024 * 1024), 1, "", "för stor"),
    ("headers-only", "placements", "p.csv", csv_bytes(PLACEMENT_HEADERS, []), 2, "", "inga datarader"),
    ("missing-column", "placements", "p.csv", csv_bytes([h for h in PLACEMENT_HEADERS if h != "Startdatum"],
                                                        [GOOD_PLACEMENT[:3] + GOOD_PLACEMENT[4:]]), 1, "Startdatum",
     "saknas"),
    ("extra-column", "placements", "p.csv", csv_bytes(PLACEMENT_HEADERS + ["Namn"], [GOOD_PLACEMENT + ["Anna"]]), 1,
     "Namn", "Okänd kolumn"),
    ("duplicate-column", "placements", "p.csv", csv_bytes(PLACEMENT_HEADERS + ["Startdatum"],
                                                          [GOOD_PLACEMENT + ["2021-01-01"]]), 1, "Startdatum",
     "mer än en gång"),
    ("tab-separated", "placements", "p.csv", csv_bytes(PLACEMENT_HEADERS, [GOOD_PLACEMENT], sep="\t"), 1,
     "Placerings-id", "saknas"),
    ("impossible-date", "placements", "p.csv", csv_bytes(PLACEMENT_HEADERS, [placement_row(Startdatum="2021-02-30")]),
     2, "Startdatum", "giltigt datum"),
    ("text-date", "placements", "p.csv", csv_bytes(PLACEMENT_HEADERS, [placement_row(Slutdatum="igår")]), 2,
     "Slutdatum", "giltigt datum"),
    ("end-before-start", "placements", "p.csv", csv_bytes(PLACEMENT_HEADERS, [placement_row(Slutdatum="2020-12-31")]),
     2, "Slutdatum", "före"),
    ("share-above-one", "placements", "p.csv", csv_bytes(PLACEMENT_HEADERS, [
        placement_row(**{"Arbetstid (andel av heltid)": "1,5"})]), 2, "Arbetstid (andel av heltid)", "högst 1"),
    ("share-not-number", "placements", "p.csv", csv_bytes(PLACEMENT_HEADERS, [
        placement_row(**{"Arbetstid (andel av heltid)": "halvtid"})]), 2, "Arbetstid (andel av heltid)", "ingen andel"),
    ("unknown-unit", "placements", "p.csv", csv_bytes(PLACEMENT_HEADERS, [placement_row(**{"Enhets-id": "U_NOPE"})]),
     2, "Enhets-id", "U_NOPE"),
    ("name-not-code", "placements", "p.csv", csv_bytes(PLACEMENT_HEADERS, [
        placement_row(**{"Peer supporter (kod)": "Anna Andersson"})]), 2, "Peer supporter (kod)", "pseudonym"),
    ("duplicate-rows", "placements", "p.csv", csv_bytes(PLACEMENT_HEADERS, [GOOD_PLACEMENT, GOOD_PLACEMENT]), 3,
     "Placerings-id", "Dubblett av rad 2"),
    ("over-full-time", "placements", "p.csv", csv_bytes(PLACEMENT_HEADERS, [
        placement_row(**{"Arbetstid (andel av heltid)": "0,6"}),
        placement_row(**{"Placerings-id": "PL_T2", "Enhets-id": "U_OST", "Startdatum": "2021-06-01",
                         "Arbetstid (andel av heltid)": "0,6"})]), 2, "Arbetstid (andel av heltid)", "över 100 %"),
    ("absence-without-kind", "placements", "p.csv", csv_bytes(PLACEMENT_HEADERS, [
        placement_row(**{"Frånvaro från": "2021-03-01"})]), 2, "Frånvaro från", "Frånvaroslag"),
    ("absence-outside", "placements", "p.csv", csv_bytes(PLACEMENT_HEADERS, [
        placement_row(**{"Frånvaro från": "2020-03-01", "Frånvaroslag": "sjukskrivning"})]), 2, "Frånvaro från",
     "utanför"),
    ("formula-injection-csv", "placements", "p.csv", csv_bytes(PLACEMENT_HEADERS, [
        placement_row(**{"Placerings-id": '=HYPERLINK("http://x","klicka")'})]), 2, "Placerings-id", "formel"),
    ("at-injection", "units", "u.csv", csv_bytes(UNITS, [["U_X", "@SUM(1+1)", "träfflokal", "Farsta", "Farsta sdf"]]),
     2, "Namn", "formel"),
    ("formula-cell-xlsx", "units", "u.xlsx", xlsx_bytes(UNITS, [["U_X", "=1+1", "träfflokal", "Farsta", "Farsta sdf"]]),
     2, "Namn", "Formler"),
    ("missing-required-value", "units", "u.csv", csv_bytes(UNITS, [["U_X", "", "träfflokal", "Farsta", "Farsta sdf"]]),
     2, "Namn", "saknas"),
    ("unknown-area", "units", "u.csv", csv_bytes(UNITS, [["U_X", "Träffen", "träfflokal", "Atlantis", "x"]]), 2,
     "Område", "Atlantis"),
    ("unknown-unit-type", "units", "u.csv", csv_bytes(UNITS, [["U_X", "Träffen", "simhall", "Farsta", "x"]]), 2,
     "Enhetstyp", "simhall"),
    ("too-long-text", "units", "u.csv", csv_bytes(UNITS, [["U_X", "x" * 600, "träfflokal", "Farsta", "x"]]), 2,
     "Namn", "500"),
    ("negative-amount", "agreements", "a.csv", csv_bytes(AGREEMENTS, [GOOD_AGREEMENT[:3] + ["-100"] + GOOD_AGREEMENT[4:]]),
     2, "Belopp (kr)", "ger -100,00 kr, vilket inte är rimligt här"),
    ("amount-text", "agreements", "a.csv", csv_bytes(AGREEMENTS, [GOOD_AGREEMENT[:3] + ["mycket"] + GOOD_AGREEMENT[4:]]),
     2, "Belopp (kr)", "'mycket' kunde inte läsas som ett tal"),
    ("agreement-status", "agreements", "a.csv", csv_bytes(AGREEMENTS, [GOOD_AGREEMENT[:6] + ["klar", "2021-11-30"]]),
     2, "Status", "klar"),
    ("period-reversed", "agreements", "a.csv", csv_bytes(AGREEMENTS, [GOOD_AGREEMENT[:4] + ["2022-12-31", "2022-01-01",
                                                                                          "beslutad", ""]]), 2,
     "Period till", "före"),
    ("unknown-option", "survey_responses", "s.csv", csv_bytes(RESPONSES, [["PO2019", "R1", "PO2019-Q9-9"]]), 2,
     "Svarsalternativ-id", "PO2019-Q9-9"),
    ("unknown-survey", "survey_responses", "s.csv", csv_bytes(RESPONSES, [["XX2020", "R1", "PO2019-Q4-1"]]), 2,
     "Enkät-id", "XX2020"),
    ("duplicate-answer", "survey_responses", "s.csv", csv_bytes(RESPONSES, [["PO2019", "R1", "PO2019-Q4-1"]] * 2), 3,
     "Enkät-id", "Dubblett"),
    ("unknown-recommendation", "recommendation_status", "r.csv", csv_bytes(STATUS, [["R9-9", "pågående", "2021-01-01", ""]]),
     2, "Rekommendation-id", "R9-9"),
    ("invalid-status", "recommendation_status", "r.csv", csv_bytes(STATUS, [["R2-4", "klar", "2021-01-01", ""]]), 2,
     "Status", "klar"),
]


@pytest.mark.parametrize("case", BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_bad_file_is_refused_with_row_and_column_and_changes_nothing(fresh, case):
    _, kind, name, content, row, column, words = case
    before = both(fresh)
    result = importer.preview(kind, name, content)
    assert not result.ok
    matching = [p for p in result.problems if p.row == row and p.column == column]
    assert matching, result.problems
    assert words.lower() in matching[0].message.lower(), matching[0].message
    assert all(p.file == name for p in result.problems)
    with pytest.raises(importer.ImportRejected):
        importer.apply(result, OPERATOR)
    assert both(fresh) == before


def test_all_errors_are_reported_at_once(fresh):
    result = importer.preview("placements", "p.csv", csv_bytes(PLACEMENT_HEADERS, [
        placement_row(Startdatum="x"), placement_row(**{"Placerings-id": "PL_T2", "Enhets-id": "U_NOPE"})]))
    assert {(p.row, p.column) for p in result.problems} == {(2, "Startdatum"), (3, "Enhets-id")}


@pytest.mark.parametrize("name, encode", [
    ("utf8-bom.csv", lambda rows: csv_bytes(PLACEMENT_HEADERS, rows)),
    ("utf8.csv", lambda rows: csv_bytes(PLACEMENT_HEADERS, rows, encoding="utf-8")),
    ("latin1-comma.csv", lambda rows: csv_bytes(PLACEMENT_HEADERS, [[c.replace(",", ".") for c in r] for r in rows],
                                                sep=",", encoding="cp1252")),
    ("excel.xlsx", lambda rows: xlsx_bytes(PLACEMENT_HEADERS, rows)),
])
def test_good_placement_file_imports_and_shows_in_the_indicators(fresh, name, encode):
    rows = [placement_row(**{"Peer supporter (kod)": "P20", "Startdatum": "15/3/2021",
                             "Frånvaro från": "2021-06-01", "Frånvaroslag": "sjukskrivning"}),
            placement_row(**{"Placerings-id": "PL_T2", "Peer supporter (kod)": "P21", "Startdatum": "2021-03-01",
                             "Arbetstid (andel av heltid)": "50 %"})]
    result = importer.preview("placements", name, encode(rows))
    assert result.ok, result.problems
    assert result.counts() == {"läggs till": 2, "ändras": 0, "oförändrad": 0}
    importer.apply(result, OPERATOR, as_of=date(2021, 6, 30))   # stated after they began: placements, not plans
    # Farsta in June 2021: the two imported placements (the seeds only observe Farsta in June 2019, which is
    # not carried into 2021); P20 is on sick leave; working time 0,5 + 0,5.
    farsta = indicators.run("placements_per_stadsdel", staff_detail=True,   # as a förvaltare sees it
                            **{"as_of": "2021-06-30", "from": "2021-06-01", "to": "2021-06-30", "area": "Farsta"}).iloc[0]
    assert (farsta["placements"], farsta["supporters"], farsta["absent"], farsta["fte"]) == (2, 2, 1, 1.0)
    assert "IMP0001" in farsta["sources"]
    assert userdata.import_log().iloc[0]["rows_added"] == 2


def test_an_imported_plan_leaves_now_where_it_was_and_shows_as_planned(fresh):
    """Placements starting in 2021, imported without a date of their own, are plans: "now" stays 2020-06-11
    (000's date), and on a 2021 date the units show them as planned, not as staffed."""
    rows = [placement_row(**{"Placerings-id": "PL_PLAN", "Peer supporter (kod)": "P30", "Startdatum": "2021-03-01"})]
    importer.apply(importer.preview("placements", "plan.csv", csv_bytes(PLACEMENT_HEADERS, rows)), OPERATOR)
    assert indicators.run("headcount").attrs["params"]["as_of"] == date(2020, 6, 11)
    units = indicators.run("supporters_per_unit", as_of="2021-06-30")
    assert units.loc[units["sources"] == "IMP0001", "status"].tolist() == ["planned"]
    assert indicators.run("supporters_per_unit", as_of="2020-06-11")["sources"].str.contains("IMP").sum() == 0
    # …and Placeringar does not count it: one definition of a plan (the seeds observe Farsta only in 2019)
    assert indicators.run("placements_per_stadsdel", **{"as_of": "2021-06-30", "from": "2021-06-01",
                                                        "to": "2021-06-30", "area": "Farsta"}).empty


def test_every_template_imports_unchanged(fresh):
    for kind in KINDS:
        for extension in ("csv", "xlsx"):
            result = importer.preview(kind, f"mall.{extension}", importer.template(kind, extension))
            assert result.ok, (kind, extension, result.problems)
    importer.apply(importer.preview("agreements", "mall.xlsx", importer.template("agreements", "xlsx")), OPERATOR)
    assert indicators.run("funding_summary", as_of="2021-06-30").iloc[0]["secured_until"].date().isoformat() \
        == "2021-12-31"


def test_imports_survive_a_rebuild_from_changed_seeds(fresh, seed_copy, monkeypatch):
    importer.apply(importer.preview("placements", "p.csv", placements()), OPERATOR, as_of=date(2021, 6, 30))
    text = (seed_copy / "area.csv").read_text(encoding="utf-8").replace("farsta,Farsta,", "farsta,Farsta sdf,")
    (seed_copy / "area.csv").write_text(text, encoding="utf-8")
    monkeypatch.setenv("PEER_SEED_DIR", str(seed_copy))
    build_database()
    farsta = indicators.run("placements_per_stadsdel", **{"as_of": "2021-06-30", "from": "2021-06-01",
                                                          "to": "2021-06-30", "area": "Farsta sdf"})
    assert farsta.iloc[0]["placements"] == 1       # the imported PL_T1, in the renamed area


def test_changed_rows_are_previewed_as_changes(fresh):
    result = importer.preview("recommendation_status", "r.csv", csv_bytes(STATUS, [["R2-4", "pågående", "2021-01-01", ""]]))
    assert result.counts()["läggs till"] == 1
    unit = importer.preview("units", "u.csv", csv_bytes(UNITS, [["U_FAR", "Träffpunkten Farsta", "träfflokal", "Farsta",
                                                                 "Farsta stadsdelsförvaltning"]]))
    assert unit.counts()["ändras"] == 1


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@pytest.mark.reliability
@given(body=st.lists(st.lists(st.text(max_size=12), min_size=0, max_size=10), max_size=6),
       separator=st.sampled_from([";", ","]), header=st.booleans())
def test_malformed_csv_never_raises_and_never_writes(fresh, body, separator, header):
    before = both(fresh)
    lines = ([separator.join(PLACEMENT_HEADERS)] if header else []) + [separator.join(row) for row in body]
    result = importer.preview("placements", "fuzz.csv", "\n".join(lines).encode("utf-8", errors="replace"))
    if result.ok:
        # a file that validates imports whole: one log entry, and every previewed row is in the seed database
        number = importer.apply(result, OPERATOR)
        assert userdata.import_log()["import_id"].tolist()[-1] == number
        shown = indicators.run_query("imports/existing_placements")
        assert {r["placement_id"] for r in result.records} <= set(shown["placement_id"])
    else:
        assert all(isinstance(p.row, int) and p.message for p in result.problems)
        assert both(fresh) == before


KILL_DRIVER = """
import sys, time
from dashboard.imports import commit as import_commit
from dashboard.store import build
slow = build.prepare_build
def paused(*args):
    path = slow(*args)
    print("ready", flush=True)
    time.sleep(60)
    return path
import_commit.prepare_build = paused
from dashboard.cli.main import main
sys.exit(main(["import", "placements", sys.argv[1]]))
"""


@pytest.mark.reliability
def test_a_killed_import_leaves_the_pre_import_state(fresh):
    path = fresh / "p.csv"
    path.write_bytes(placements())
    before = both(fresh)
    process = subprocess.Popen([sys.executable, "-c", KILL_DRIVER, str(path)], cwd=ROOT, env=os.environ.copy(),
                               stdout=subprocess.PIPE, text=True)
    reached = False
    for line in process.stdout:               # the import has written, uncommitted, and built its new file
        if "ready" in line:
            reached = True
            break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert reached, "the import never reached the point where it is killed"
    for leftover in fresh.glob("*.tmp-*"):
        leftover.unlink()   # a killed process cannot clean its temporary file; it was never swapped in
    assert both(fresh) == before


def test_cli_exit_codes(fresh, tmp_path, cli):
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_bytes(placements())
    bad.write_bytes(csv_bytes(PLACEMENT_HEADERS, [placement_row(Startdatum="2021-13-01")]))
    run = lambda *a: cli("import", *a)  # noqa: E731
    dry = run("placements", str(good), "--dry-run")
    assert dry.returncode == 0 and "1 läggs till" in dry.stdout and userdata.import_log().empty
    rejected = run("placements", str(bad))
    assert rejected.returncode == 1 and "bad.csv, rad 2, kolumn 'Startdatum'" in rejected.stderr
    assert run("nope", str(good)).returncode == 2
    assert run("placements", str(tmp_path / "missing.csv")).returncode == 2
    assert run("placements", str(good), "--as-of", "2021-13-01").returncode == 2
    assert run("placements", str(good)).returncode == 0
    assert len(userdata.import_log()) == 1
    template = tmp_path / "mall.xlsx"
    assert run("units", "--template", str(template)).returncode == 0 and template.read_bytes()[:2] == b"PK"


def test_import_page_offers_templates_and_shows_the_log(fresh):
    from streamlit.testing.v1 import AppTest

    def page(**query):
        app = AppTest.from_file(str(ROOT / "pages" / "importera.py"), default_timeout=30)
        app.query_params.update(query)
        return app.run()

    app = page()
    assert not app.exception
    assert app.selectbox(key="importera__kind").value == "placements"
    assert any("Inga importer" in i.value for i in app.info)
    importer.apply(importer.preview("placements", "p.csv", placements()), OPERATOR)
    app = page(kind="units")
    assert app.selectbox(key="importera__kind").value == "units"
    log = app.dataframe[-1].value   # the lists of valid ids come first
    assert log.iloc[0]["Fil"] == "p.csv" and log.iloc[0]["Tillagda"] == "1"


def test_undo_takes_an_import_out_of_every_page_and_keeps_it_in_the_log(fresh, cli):
    before = both(fresh)
    number = importer.apply(importer.preview("placements", "p.csv", placements()), OPERATOR)
    assert "PL_T1" in set(indicators.run_query("imports/existing_placements")["placement_id"])
    result = cli("undo-import", str(number))
    assert result.returncode == 0, result.stderr
    assert "PL_T1" not in set(indicators.run_query("imports/existing_placements")["placement_id"])
    log = userdata.import_log().iloc[0]
    assert log["import_id"] == number and not pd.isna(log["undone_at"]) and "(kommandorad)" in log["undone_by"]
    seed = {k: v for k, v in both(fresh).items() if k[0] == "seed.duckdb" and k[1] != "build_info"}
    assert seed == {k: v for k, v in before.items() if k[0] == "seed.duckdb" and k[1] != "build_info"}
    again = cli("undo-import", str(number))
    assert again.returncode == 1 and "redan ångrad" in again.stderr


def test_an_import_others_build_on_cannot_be_undone_first(fresh):
    unit = csv_bytes(UNITS, [["U_NY", "Träffpunkten", "träfflokal", "Farsta", "Farsta sdf"]])
    first = importer.apply(importer.preview("units", "u.csv", unit), OPERATOR)
    importer.apply(importer.preview("placements", "p.csv", placements(**{"Enhets-id": "U_NY"})), OPERATOR)
    with pytest.raises(importer.UndoRefused, match="senare import bygger på"):
        importer.undo(first, OPERATOR)
    assert userdata.import_log()["undone_at"].isna().all()


def test_undo_on_the_page_asks_first(fresh):
    from streamlit.testing.v1 import AppTest

    number = importer.apply(importer.preview("placements", "p.csv", placements()), OPERATOR)
    app = AppTest.from_file(str(ROOT / "pages" / "importera.py"), default_timeout=30).run()
    app.button(key="importera__undo").click().run()
    assert userdata.applied_imports()["import_id"].tolist() == [number]   # only asked
    app.button(key="importera__undo__yes").click().run()
    assert userdata.applied_imports().empty
    assert any(f"Import {number} är ångrad" in s.value for s in app.success)


@pytest.mark.reliability
def test_names_from_a_file_stay_text_in_the_board_pack_and_its_preview(fresh):
    from streamlit.testing.v1 import AppTest

    from dashboard.brief import pack as brief
    from dashboard.brief.markdown import brief_markdown

    unit = csv_bytes(UNITS, [["U_MD", "![x](https://example.org/x.png)", "träfflokal", "Farsta", "Farsta sdf"]])
    importer.apply(importer.preview("units", "[Logga in](https://example.org).csv", unit), OPERATOR)
    importer.apply(importer.preview("placements", "p.csv", placements(**{"Enhets-id": "U_MD"})), OPERATOR,
                   as_of=date(2021, 6, 30))
    markdown = brief_markdown(brief.build_brief(date(2021, 6, 30), render_charts=False))
    assert "![x](https" not in markdown and "\\!\\[x\\]\\(https" in markdown   # the unit, escaped
    assert "[Logga in](https" not in markdown                                   # the file name in the sources
    app = AppTest.from_file(str(ROOT / "pages" / "namndunderlag.py"), default_timeout=60)
    app.query_params["as_of"] = "2021-06-30"
    app.run()
    assert not app.exception and all("![x](https" not in m.value for m in app.markdown)


ISSUE_22 = {case[0]: case for case in corpus.issue_22()}
REFUSED_22 = [
    # (corpus case, row, column, words in the message): each refused for what it holds, where it holds it
    ("xlsx-stale-dimension-bad-rows", 3, "Namn", "personnummer"),
    ("xlsx-stale-dimension-bad-rows", 4, "Namn", "Formler tillåts inte"),
    ("xlsx-value-in-column-60", 2, "", "(i kolumn BH)"),
    ("csv-value-in-column-60", 2, "", "(i kolumn BH)"),
    ("short-row-required-missing", 2, "Huvudman", "Värde saknas"),
    ("name-u-fffe", 2, "Namn", "U+FFFE (icke-tecken som aldrig får förekomma i text) på plats 6"),
    ("name-u-ffff", 2, "Namn", "U+FFFF (icke-tecken"),
    ("name-u-fdd0", 2, "Namn", "U+FDD0 (icke-tecken"),
    ("name-line-feed", 2, "Namn", "U+000A (radbrytning) på plats 6"),
    ("name-bare-cr", 2, "Namn", "U+000D (radbrytning) på plats 6"),
    ("name-tab", 2, "Namn", "U+0009 (tabb)"),
    ("name-right-to-left-override", 2, "Namn", "U+202E (RIGHT-TO-LEFT OVERRIDE, styr textriktning) på plats 6"),
    ("name-zero-width-space", 2, "Namn", "U+200B (ZERO WIDTH SPACE, osynligt formateringstecken)"),
    ("name-line-separator", 2, "Namn", "U+2028 (LINE SEPARATOR, radbrytning)"),
    ("name-private-use", 2, "Namn", "U+E000 (tecken för privat bruk"),
    ("name-u-fffd", 2, "Namn", "U+FFFD (REPLACEMENT CHARACTER, ersätter ett tecken som inte kunde läsas)"),
    ("supporter-full-width-digits", 2, "Peer supporter (kod)",
     "ASCII, tecknet U+FF13 (FULLWIDTH DIGIT THREE, helbreddstecken) på plats 2; skriv P31."),
    ("supporter-cyrillic-letter", 2, "Peer supporter (kod)", "U+0420 (CYRILLIC CAPITAL LETTER ER) på plats 1"),
    ("unit-id-cyrillic", 2, "Enhets-id", "U+0410 (CYRILLIC CAPITAL LETTER A) på plats 4, som inte är ASCII"),
    ("unit-id-zero-width", 2, "Enhets-id", "U+200B (ZERO WIDTH SPACE"),
    ("new-unit-id-cyrillic", 2, "Enhets-id", "U+0423 (CYRILLIC CAPITAL LETTER U)"),
    ("new-unit-id-full-width", 2, "Enhets-id", "skriv U_NY."),
    ("respondent-full-width-digits", 2, "Respondent", "skriv R900."),
    ("xlsx-hidden-row", 3, "", "Raden är dold i Excel"),
    ("xlsx-row-hidden-by-filter", 3, "", "Raden är dold i Excel"),
    ("xlsx-active-sheet-hidden", 1, "", "Det aktiva bladet 'Gammalt' är dolt"),
    ("xlsx-sheet-name-right-to-left", 1, "", "U+202E (RIGHT-TO-LEFT OVERRIDE, styr textriktning) på plats 5"),
    ("xlsx-boolean-cell", 2, "Namn", "sant/falskt-värde"),
    ("date-3-4-2021", 2, "Startdatum", "både som 3 april och 4 mars 2021"),
    # the header's "Område" is UTF-8, row 3's "Café" Windows-1252
    ("mixed-utf8-and-cp1252", 1, "", "blandar teckenkodningar (UTF-8 och troligen Windows-1252, på rad 1 och 3)"),
]


@pytest.mark.parametrize("name, row, column, words", REFUSED_22, ids=[f"{c[0]}-{c[1]}" for c in REFUSED_22])
def test_issue_22_files_are_refused_where_the_problem_is(fresh, name, row, column, words):
    _, kind, file_name, data, expected = ISSUE_22[name]
    result = importer.preview(kind, file_name, data)
    assert expected == 1 and not result.ok
    assert any(p.row == row and p.column == column and words in p.message for p in result.problems), result.problems


def test_every_row_of_a_sheet_with_a_stale_dimension_is_read(fresh):
    result = importer.preview(*ISSUE_22["xlsx-stale-dimension-valid"][1:4])
    assert result.ok and [r["unit_id"] for r in result.records] == ["U_NY", "U_NY2", "U_NY3"]
    assert [r["_row"] for r in result.records] == [2, 3, 4]


def test_the_active_sheet_is_read_and_named(fresh):
    result = importer.preview(*ISSUE_22["xlsx-active-sheet-not-first"][1:4])
    assert result.ok, result.problems
    assert result.detected["blad"] == "Att importera (det aktiva bladet)"
    assert result.detected["andra blad (lästes inte)"] == "1"


def test_missing_cells_are_empty_never_none(fresh):
    result = importer.preview(*ISSUE_22["short-row-optional-missing"][1:4])
    assert result.ok, result.problems
    record = result.records[0]
    assert record["end_date"] is None and record["fte_share"] is None and record["absence_kind"] is None


@pytest.mark.parametrize("name, start", [("date-13-4-2021", date(2021, 4, 13)),
                                         ("date-dotted-1-3-2021", date(2021, 3, 1))])
def test_unambiguous_swedish_dates_are_read_day_first(fresh, name, start):
    result = importer.preview(*ISSUE_22[name][1:4])
    assert result.ok and result.records[0]["start_date"] == start


def test_a_windows_1252_file_is_still_read(fresh):
    result = importer.preview(*ISSUE_22["cp1252-valid"][1:4])
    assert result.ok and result.records[0]["name"] == "Café Söder"
    assert result.detected["teckenkodning"] == "Windows-1252"
