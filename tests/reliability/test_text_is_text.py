"""Issue 22, items 2 and 6, on the way out: a name that reached the data before imports refused such characters
(or through a seed file) can take no renderer down and is shown as text everywhere.

A unit name with U+FFFE made the chart renderer (vl-convert) abort the server process, and every .xlsx holding it
was malformed XML; names injected Markdown (line breaks made lists, www.… and e-mail addresses became links,
:material/…: an icon), a U+202E reversed the names beside it, a bare CR broke the pack's Markdown table."""

import io
import os
import subprocess
import sys

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import columns, export, indicators
from dashboard.base import formatting
from dashboard.base.paths import ROOT
from dashboard.brief import pack as brief
from dashboard.brief.markdown import brief_markdown
from dashboard.charts.units import supporters_per_unit
from dashboard.store.build import build_database
from tests.tables import shown_tables

pytestmark = pytest.mark.reliability

HOSTILE = "Aktivitets\ufffehuset\uffff \u202eröS\r- www.example.org anna@example.org :material/warning:"


@pytest.fixture
def hostile_seeds(fresh, seed_copy, monkeypatch):
    """Aktivitetshuset (004's unit, with a supporter in 2019) under a name no import may hold now."""
    units = seed_copy / "unit.csv"
    units.write_text(units.read_text(encoding="utf-8").replace("U_SOD_AKT,Aktivitetshuset,",
                                                               f'U_SOD_AKT,"{HOSTILE}",', 1), encoding="utf-8")
    monkeypatch.setenv("PEER_SEED_DIR", str(seed_copy))
    build_database()
    return fresh


@pytest.mark.parametrize("text, shown", [
    ("Träff\npunkten", "Träff punkten"),
    ("- Farsta", "\\- Farsta"),
    ("www.example.org", "www\\.example\\.org"),
    ("anna@example.org", "anna\\@example\\.org"),
    (":material/warning:", "\\:material/warning\\:"),
    ("Söder\u202emalm", "Söder\ufffdmalm"),
    ("A\ufffeB\uffffC\x00D\tE", "A\ufffdB\ufffdC\ufffdD E"),
])
def test_plain_keeps_text_on_one_line_without_links_icons_or_reordering(text, shown):
    assert formatting.plain(text) == shown


def test_the_board_pack_is_written_whole_in_a_process_of_its_own(hostile_seeds):
    out = hostile_seeds / "underlag.pdf"   # the PDF draws the charts: vl-convert aborted the process (SIGABRT)
    done = subprocess.run([sys.executable, "-m", "dashboard", "brief", "--as-of", "2019-06-30", "--out", str(out)],
                          cwd=ROOT, env={**os.environ}, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])   # a signal would be negative
    assert out.read_bytes().startswith(b"%PDF")


def test_the_board_pack_markdown_keeps_each_row_on_its_line(hostile_seeds):
    markdown = brief_markdown(brief.build_brief("2019-06-30", render_charts=False))
    row = next(line for line in markdown.splitlines() if "Aktivitets" in line and line.startswith("|"))
    assert row.endswith("|") and "\r" not in row and "\ufffe" not in row and "\u202e" not in row


def test_the_chart_spec_holds_no_character_a_renderer_cannot_take(hostile_seeds):
    frame = indicators.run("supporters_per_unit", as_of="2019-06-30")
    spec = str(supporters_per_unit(frame, 2).to_dict())
    assert "Aktivitets\ufffdhuset\ufffd \ufffdröS - www.example.org" in spec
    assert not {"\ufffe", "\uffff", "\u202e", "\r"} & set(spec)


def test_every_spreadsheet_holding_the_name_opens(hostile_seeds):
    frame = indicators.run("supporters_per_unit", as_of="2019-06-30")
    book = openpyxl.load_workbook(io.BytesIO(export.xlsx(columns.export_frame(frame), {"Område": "alla"})))
    names = [row[0].value for row in book.active.iter_rows(min_row=2)]
    assert any(str(name).startswith("Aktivitets\ufffdhuset") for name in names)
    assert "\ufffe" not in export.csv_excel_sv(columns.export_frame(frame)).decode("utf-8-sig")


def test_the_pages_show_the_name_as_text(hostile_seeds):
    app = AppTest.from_file(str(ROOT / "pages" / "enheter.py"), default_timeout=60)
    app.query_params.update({"as_of": "2019-06-30", "view": "table"})
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    shown = " ".join(str(frame.to_dict()) for frame in shown_tables(app))
    assert "Aktivitets\ufffdhuset" in shown and "\ufffe" not in shown
    brief.build_brief("2019-06-30")   # the pack's charts too, in this process
