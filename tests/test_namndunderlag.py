"""Nämndunderlag: the preview follows every change at once, the PDF is printed only when asked for, and nothing
from the data runs in the preview."""

import dataclasses
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.brief import pack as brief
from dashboard.brief import pdf as brief_pdf
from dashboard.brief.appendix import section_blocks
from dashboard.brief.doc import Items
from dashboard.brief.html import preview_html

PAGE = str(Path(__file__).resolve().parent.parent / "pages" / "namndunderlag.py")
PRINT, DOWNLOAD = "Skapa PDF (A4, tillgänglig PDF/UA)", "Ladda ner PDF"
HOSTILE = ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "<a href='javascript:alert(3)'>x</a>")


@pytest.fixture
def printed(monkeypatch) -> list[brief.Brief]:
    """Every content the page asks to print; a stand-in for WeasyPrint, which takes seconds."""
    calls = []

    def fake(content):
        calls.append(content)
        return b"%PDF-1.7 stand-in"

    monkeypatch.setattr(brief_pdf, "brief_pdf", fake)
    return calls


@pytest.fixture
def built(monkeypatch) -> list[str]:
    """The sections built (queries, chart and SVG), by indicator name."""
    names = []
    section = brief.section

    def counting(name, *args):
        names.append(name)
        return section(name, *args)

    monkeypatch.setattr(brief, "section", counting)
    return names


def preview(app) -> str:
    found = [element.proto for element in app.get("html") if "brief-preview" in element.proto.body]
    assert len(found) == 1
    assert not found[0].unsafe_allow_javascript   # st.html strips scripts only when this is off
    return found[0].body


def buttons(app) -> list[str]:
    return [b.label for b in app.button] + [d.proto.label for d in app.get("download_button")]


def choose(app, names: list[str]):
    return app.multiselect(key="namndunderlag__indicators").set_value(names).run()


def test_the_preview_follows_each_change_and_the_pdf_waits_for_the_click(fresh, printed, built):
    app = AppTest.from_file(PAGE, default_timeout=120)
    app.query_params["as_of"] = "2019-06-30"
    app.run()
    assert not app.exception
    shown = preview(app)
    assert "Siffror per 2019-06-30" in shown and "<h2>Sammanfattning</h2>" in shown
    assert "<h3>Säkrad finansiering</h3>" in shown and "<h3>Peer supportrar per enhet</h3>" in shown
    assert sorted(built) == sorted(brief.DEFAULT_INDICATORS)
    assert PRINT in buttons(app) and DOWNLOAD not in buttons(app) and printed == []

    choose(app, ["funding_summary"])   # a section built before is not built again
    shown = preview(app)
    assert "<h3>Säkrad finansiering</h3>" in shown and "<h3>Peer supportrar per enhet</h3>" not in shown
    assert len(built) == len(brief.DEFAULT_INDICATORS)
    choose(app, ["funding_summary", "placements_over_time"])   # one new section: one build
    assert "<h3>Placeringar över tid</h3>" in preview(app)
    assert built[len(brief.DEFAULT_INDICATORS):] == ["placements_over_time"]
    assert printed == []

    app.button(key="namndunderlag__print").click().run()
    assert not app.exception
    assert [[s.name for s in content.sections] for content in printed] == [["funding_summary", "placements_over_time"]]
    assert DOWNLOAD in buttons(app) and PRINT not in buttons(app)
    status = [e.proto.label for e in app.get("status")]
    assert any(label.startswith("PDF:en är klar") for label in status), status

    app.run()   # the printed PDF stays offered while nothing changes
    assert DOWNLOAD in buttons(app) and len(printed) == 1
    choose(app, ["funding_summary"])   # and is withdrawn when the preview changes
    assert PRINT in buttons(app) and DOWNLOAD not in buttons(app) and len(printed) == 1


def test_where_the_pdf_cannot_be_made_the_page_says_why(fresh, monkeypatch):
    def missing(content):
        raise brief_pdf.PdfUnavailable("PDF kräver Pango: apt-get install libpango-1.0-0")

    monkeypatch.setattr(brief_pdf, "brief_pdf", missing)
    app = AppTest.from_file(PAGE, default_timeout=120).run()
    app.button(key="namndunderlag__print").click().run()
    assert not app.exception
    assert [e.proto.label for e in app.get("status")] == ["PDF:en kunde inte skapas här"]
    assert any("apt-get install libpango-1.0-0" in m.value.replace("\\", "") for m in app.markdown)
    assert DOWNLOAD not in buttons(app) and "<h2>Sammanfattning</h2>" in preview(app)


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def test_text_from_the_data_stays_text_in_the_preview():
    """Names from imported files reach the pack's title, tables and lists: in the preview, which the page puts
    in its own document, they are text, never a script, an event handler or a link."""
    content = brief.build_brief(indicator_names=("funding_summary",), render_charts=False)
    section = dataclasses.replace(content.sections[0], table=pd.DataFrame({HOSTILE[0]: [HOSTILE[1]]}),
                                  sources=[HOSTILE[2]])
    content = dataclasses.replace(content, title=HOSTILE[0],
                                  blocks=(*content.blocks, *section_blocks(section), Items(HOSTILE)))
    html = preview_html(content)
    tags = Tags()
    tags.feed(html)
    assert {tag for tag, _ in tags.found} <= {"style", "div", "h1", "h2", "h3", "p", "strong", "ul", "li", "hr",
                                              "table", "thead", "tbody", "tr", "th", "td", "wbr"}
    assert not [attrs for _, attrs in tags.found if any(name.startswith("on") or name in ("href", "src")
                                                        for name in attrs)]
