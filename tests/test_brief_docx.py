"""The board pack in Word: a small document of every block, read back with python-docx as a handläggare's Word
would see it, and opened by LibreOffice. Every expected value is written here by hand from the blocks below."""

import io
import subprocess
import zipfile

import pandas as pd
import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from dashboard.brief.doc import Figure, Heading, Items, PageBreak, Para, Table
from dashboard.brief.docx import CHART_FAILED, brief_docx
from tests.e2e.conftest import require_tool

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">'
       '<rect x="10" y="40" width="60" height="50" fill="#1f5fa0"/>'
       '<rect x="100" y="30" width="60" height="60" fill="#1f5fa0"/></svg>')
ALT = "Två staplar: 2019 3,5 mnkr, 2020 3,6 mnkr."
QUOTE = ("<b>x</b>", "=SUMMA(A1)", "# rubrik")
ITEMS = ("7 stödpersoner", "5 enheter")
BLOCKS = (
    Heading("Stöd till PEER 2021–2023", 1),
    Heading("Sammanfattning", 2),
    Para("3,5 mnkr per år.", label="Kostnad i dag."),
    Heading("Förslag till beslut", 3),
    Para(kind="quote", lines=QUOTE),
    Heading("Alternativ 1", 4),
    Items(ITEMS),
    Table(pd.DataFrame({"År": ["2021", "2022"], "Kostnad": ["3,6 mnkr", "3,7 mnkr"]}),
          caption="Kostnad per kalenderår", numeric=("Kostnad",), row_headers=True),
    Figure(SVG, ALT, "Kostnad per år"),
    PageBreak(),
    Heading("Bilaga", 2),
)


@pytest.fixture(scope="module")
def docx_bytes() -> bytes:
    return brief_docx("Stöd till PEER", BLOCKS)


def test_word_sees_headings_quote_list_table_picture_and_swedish(docx_bytes):
    document = Document(io.BytesIO(docx_bytes))
    paragraphs = document.paragraphs
    assert [(p.style.name, p.text) for p in paragraphs if p.style.name.startswith("Heading")] == [
        ("Heading 1", "Stöd till PEER 2021–2023"), ("Heading 2", "Sammanfattning"),
        ("Heading 3", "Förslag till beslut"), ("Heading 4", "Alternativ 1"), ("Heading 2", "Bilaga")]
    assert all(document.styles[f"Heading {n}"].paragraph_format.keep_with_next for n in range(1, 5))

    label = next(p for p in paragraphs if p.text.startswith("Kostnad i dag."))
    assert label.text == "Kostnad i dag. 3,5 mnkr per år."
    assert label.runs[0].text == "Kostnad i dag." and label.runs[0].bold
    assert label.paragraph_format.keep_with_next   # a heading's short lead-in stays with what it introduces
    assert any(p.text == "<b>x</b>\n=SUMMA(A1)\n# rubrik" for p in paragraphs)   # line breaks, not markup
    assert [p.text for p in paragraphs if p.style.name == "List Bullet"] == list(ITEMS)

    table = document.tables[0]
    assert table.style.name == "Table Grid"
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["År", "Kostnad"], ["2021", "3,6 mnkr"], ["2022", "3,7 mnkr"]]
    assert [row._tr.trPr.find(qn("w:tblHeader")) is not None for row in table.rows] == [True, False, False]
    assert all(row.cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT for row in table.rows)
    assert all(row.cells[0].paragraphs[0].alignment is None for row in table.rows)
    assert all(run.font.size >= Pt(8) for row in table.rows for cell in row.cells
               for run in cell.paragraphs[0].runs)
    caption = table._tbl.getprevious()
    assert "".join(t.text for t in caption.iter(qn("w:t"))) == "Kostnad per kalenderår"

    assert [shape._inline.docPr.get("descr") for shape in document.inline_shapes] == [ALT]
    picture = next(i for i, p in enumerate(paragraphs) if p._p.xpath(".//w:drawing"))
    assert paragraphs[picture + 1].text == "Kostnad per år"
    assert (paragraphs[picture + 2].text, paragraphs[picture + 2].paragraph_format.page_break_before) == (
        "Bilaga", True)

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == "sv-SE"
    for n in range(1, 5):
        assert document.styles[f"Heading {n}"].element.rPr.find(qn("w:lang")).get(qn("w:val")) == "sv-SE"
    assert (document.core_properties.title, document.core_properties.language) == ("Stöd till PEER", "sv-SE")
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)


def test_characters_xml_cannot_hold_are_replaced_not_raised():
    bad = "a\ufffeb\x01c\ud800d"
    frame = pd.DataFrame([[bad]], columns=pd.Index([bad], dtype=object), dtype=object)   # arrow refuses surrogates
    data = brief_docx(bad, [Heading(bad, 1), Para(bad, label=bad), Para(kind="quote", lines=(bad,)),
                            Items((bad,)), Table(frame, caption=bad, numeric=(bad,)), Figure(SVG, bad, bad)])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        text = "".join(archive.read(name).decode("utf-8") for name in archive.namelist()
                       if name.endswith(".xml"))
    assert "\ufffe" not in text and "\x01" not in text
    # the title; the heading, label, text, quoted line, item, table caption, two cells, alt text and chart caption
    assert text.count("a\ufffdb\ufffdc\ufffdd") == 11


def test_a_chart_that_cannot_be_drawn_leaves_its_caption_and_a_note():
    document = Document(io.BytesIO(brief_docx("T", [Figure("", ALT, "Kostnad per år"),
                                                     Figure("<svg", ALT, "Andel per år")])))
    assert not document.inline_shapes
    assert [p.text for p in document.paragraphs] == ["Kostnad per år", CHART_FAILED, "Andel per år", CHART_FAILED]


def test_a_page_break_starts_the_next_block_on_a_new_page_and_never_leaves_one_empty():
    """A break of its own, in a paragraph at the top of a page, printed an empty page: the break goes on the next
    paragraph, or before a table (which has no break of its own) in a paragraph of its own."""
    table = Table(pd.DataFrame({"År": ["2021"]}))
    document = Document(io.BytesIO(brief_docx("T", [Para("Ett."), PageBreak(), Para("Två."), PageBreak(), table,
                                                    PageBreak()])))
    assert [(p.text, p.paragraph_format.page_break_before) for p in document.paragraphs[:2]] == [
        ("Ett.", None), ("Två.", True)]
    assert len(document.element.body.xpath('.//w:br[@w:type="page"]')) == 1
    assert document.tables[0]._tbl.getprevious().xpath('.//w:br[@w:type="page"]')


def test_libreoffice_opens_it_and_prints_the_headings_and_table(docx_bytes, tmp_path):
    soffice = require_tool("soffice", "opening the Word document",
                           "apt-get install -y libreoffice-writer --no-install-recommends")
    pdftotext = require_tool("pdftotext", "reading the printed document", "apt-get install -y poppler-utils")
    (tmp_path / "pack.docx").write_bytes(docx_bytes)
    result = subprocess.run([soffice, "--headless", "--norestore",
                             f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--convert-to", "pdf",
                             "--outdir", str(tmp_path), str(tmp_path / "pack.docx")],
                            capture_output=True, text=True, timeout=120)
    pdf = tmp_path / "pack.pdf"
    assert pdf.exists(), f"no PDF (LibreOffice needs Writer: libreoffice-writer): {result.stdout}{result.stderr}"
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for expected in ("Stöd till PEER 2021–2023", "Sammanfattning", "Förslag till beslut", "Alternativ 1", "Bilaga",
                     "Kostnad per kalenderår", "3,6 mnkr", "3,7 mnkr", "<b>x</b>", "=SUMMA(A1)", "Sida 1 av 2"):
        assert expected in text
