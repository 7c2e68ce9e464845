"""The board pack as a Word document (.docx, python-docx): a walk over brief_doc's blocks, so it states the same
facts in the same order as the HTML, the PDF and the Markdown.

Made to be moved into the city's tjänsteutlåtande template: Word's own heading styles (the navigation pane shows
the document's tree), tables with a header row that repeats on every page, alt text on every picture, Swedish as
the language of every style. Every text passes `text.visible` on its way in (a U+FFFE or a control character is
invalid XML and python-docx refuses it) and is written as text: nothing is read as markup or a formula."""

import io
import struct

import pandas as pd
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from dashboard.base.text import visible
from dashboard.brief import docx_styles
from dashboard.brief.doc import Figure, Heading, Items, PageBreak, Para, Table

TABLE_SIZE = Pt(8.5)
KEEP_WHOLE = 12   # rows of a table kept on one page
SHORT_LEAD = 400   # characters of a paragraph after a heading that is kept with what follows it
TEXT_WIDTH_CM = 17.0   # A4 less 2 cm each side
CM_PER_CHAR, CELL_PADDING_CM = 0.23, 0.6   # a bold DejaVu Sans digit at 8.5 pt is 0.21 cm; margins 0.38 cm
# A chart is drawn 500 px wide for the page: at 0.03 cm a pixel it is 15 cm on paper and its 10-px labels 8.5 pt.
CM_PER_PX, MAX_FIGURE_CM, MAX_FIGURE_HEIGHT_CM, PNG_SCALE = 0.03, 16.0, 20.0, 3
CHART_FAILED = "Diagrammet kunde inte ritas; tabellen har samma uppgifter."
# Paragraph styles of the document's own, named as the handläggare sees them in Word's style list.
KIND_STYLES = {"quote": "Quote", "note": "Liten text", "meta": "Liten text", "notice": "Viktigt",
               "assumption": "Antagande"}


def brief_docx(title: str, blocks) -> bytes:
    """The document `title` of `blocks` (brief_doc), as the bytes of a .docx."""
    document = Document()
    docx_styles.page(document)
    docx_styles.styles(document)
    docx_styles.properties(document, title)
    body, page_break, previous = document.element.body, False, None
    for block in blocks:
        if isinstance(block, PageBreak):
            page_break = True
            continue
        first = len(body) - 1   # where the block's first element goes: before the section properties
        _render(document, block)
        if page_break and len(body) - 1 > first:   # a block that wrote nothing passes the break on
            _break_before(document, body[first])
            page_break = False
        if isinstance(previous, Heading) and _short(block):
            # a heading's short lead-in ("Så läser du: ...") goes with what it introduces, or the heading and it
            # are left at the foot of a page with their chart on the next
            Paragraph(body[first], document._body).paragraph_format.keep_with_next = True
        previous = block
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _render(document, block) -> None:
    match block:
        case Heading():
            document.add_heading(visible(block.text), min(max(block.level, 1), 9))
        case Para():
            _para(document, block)
        case Items():
            for item in block.items:
                document.add_paragraph(visible(item), style="List Bullet")
        case Table():
            _table(document, block)
        case Figure():
            _figure(document, block)
        case _:
            raise TypeError(f"not a block of the board pack: {type(block).__name__}")


def _short(block) -> bool:
    return isinstance(block, Para) and len(" ".join((block.label, block.text, *block.lines))) <= SHORT_LEAD


def _break_before(document, element) -> None:
    """A page break as the next paragraph's "page break before": a break of its own, in a paragraph that falls at
    the top of a page, left that page empty."""
    if element.tag == qn("w:p"):
        Paragraph(element, document._body).paragraph_format.page_break_before = True
    else:   # a table: Word has no break before one, so a paragraph holding the break goes before it
        breaker = OxmlElement("w:p")
        element.addprevious(breaker)
        Paragraph(breaker, document._body).add_run().add_break(WD_BREAK.PAGE)


def _para(document, block: Para) -> None:
    """The label in bold, then the text; a quote's lines each on a line of their own, exactly as written."""
    paragraph = document.add_paragraph(style=KIND_STYLES.get(block.kind))
    if block.label:
        paragraph.add_run(visible(block.label)).bold = True
    if block.text:
        paragraph.add_run((" " if block.label else "") + visible(block.text))
    for number, line in enumerate(block.lines):
        if block.label or block.text or number:
            paragraph.add_run().add_break()
        paragraph.add_run(visible(line))


def _table(document, block: Table) -> None:
    frame = block.frame
    if block.caption:
        document.add_paragraph(visible(block.caption), style="Caption").paragraph_format.keep_with_next = True
    table = document.add_table(rows=len(frame) + 1, cols=len(frame.columns), style="Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    right = [column in block.numeric for column in frame.columns]
    rows = [list(frame.columns), *([_cell(value) for value in row] for row in frame.itertuples(index=False))]
    # a short table is kept on one page with its caption; a long one keeps at least its header with a row
    keep = len(rows) - 1 if len(rows) <= KEEP_WHOLE else 1
    for number, (values, row) in enumerate(zip(rows, table.rows)):
        header = number == 0
        for column, (value, cell) in enumerate(zip(values, row.cells)):
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.paragraph_format.keep_with_next = number < keep
            if right[column]:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            run = paragraph.add_run(visible(value))
            run.font.size = TABLE_SIZE
            run.bold = header or (block.row_headers and column == 0)
            if header:
                _shade(cell, "E8ECF3")
        _row_properties(row, header)
    for column, width in zip(table.columns, _widths(rows)):
        column.width = width
        for cell in column.cells:
            cell.width = width
    document.add_paragraph().paragraph_format.space_after = Pt(0)   # tables that follow each other stay apart


def _cell(value) -> str:
    return "–" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _row_properties(row, header: bool) -> None:
    """A row is not split over two pages; the header row is repeated at the top of each page (w:tblHeader),
    which is also how Word and screen readers know it is the header."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))


def _widths(rows: list[list]) -> list[Cm]:
    """Column widths as a browser lays out a table: each column at least as wide as its longest word (no word is
    split while the page has room), the room left shared by how much more each column's longest text wants (up to
    40 characters, then it wraps); as narrow as that allows, so a small table's figures stand near their labels."""
    def cm(characters: int) -> float:
        return characters * CM_PER_CHAR + CELL_PADDING_CM

    columns = [[str(row[column]) for row in rows] for column in range(len(rows[0]))]
    least = [cm(max(len(word) for text in texts for word in [*text.split(), ""])) for texts in columns]
    wanted = [max(low, cm(min(max(len(text) for text in texts[1:] or [""]), 40)))
              for low, texts in zip(least, columns)]
    if sum(wanted) <= TEXT_WIDTH_CM:
        return [Cm(width) for width in wanted]
    if sum(least) >= TEXT_WIDTH_CM:
        return [Cm(width * TEXT_WIDTH_CM / sum(least)) for width in least]
    share = (TEXT_WIDTH_CM - sum(least)) / (sum(wanted) - sum(least))
    return [Cm(low + (want - low) * share) for low, want in zip(least, wanted)]


def _shade(cell, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _figure(document, block: Figure) -> None:
    """The chart as a PNG at print resolution with its alt text (docPr descr, Word's "alternativ text") and the
    caption after it; a chart that cannot be drawn is its caption and a note."""
    png = _png(block.svg)
    if png:
        px_wide, px_high = (size / PNG_SCALE for size in struct.unpack(">II", png[16:24]))
        width = min(px_wide * CM_PER_PX, MAX_FIGURE_CM, MAX_FIGURE_HEIGHT_CM * px_wide / px_high)
        picture = document.add_paragraph()
        picture.paragraph_format.keep_with_next = True
        shape = picture.add_run().add_picture(io.BytesIO(png), width=Cm(width))
        shape._inline.docPr.set("descr", visible(block.alt))
    document.add_paragraph(visible(block.caption), style="Caption")
    if not png:
        document.add_paragraph(CHART_FAILED, style="Liten text")


def _png(svg: str) -> bytes:
    import vl_convert

    if not svg:
        return b""
    try:
        return vl_convert.svg_to_png(svg, scale=PNG_SCALE)
    except Exception:   # the renderer has errors of many kinds; the table beside the chart has its figures
        return b""
