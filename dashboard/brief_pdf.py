"""The brief as an A4 PDF in Swedish, with tables that wrap, charts as images and page numbers (ReportLab)."""

import io
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Image, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from xml.sax.saxutils import escape

from dashboard.brief import BASIS_LEGEND, Brief, brief_dates, omitted_note

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
MARGIN = 2 * cm
WIDTH = A4[0] - 2 * MARGIN


def _fonts() -> tuple[str, str]:
    """DejaVu where the system has it (full Unicode); else ReportLab's built-in Helvetica."""
    regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
    if regular.exists() and bold.exists():
        pdfmetrics.registerFont(TTFont("DejaVu", str(regular)))
        pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(bold)))
        return "DejaVu", "DejaVu-Bold"
    return "Helvetica", "Helvetica-Bold"


def brief_pdf(brief: Brief) -> bytes:
    font, bold = _fonts()
    styles = _styles(font, bold)
    story = [Paragraph(escape(brief.title), styles["title"]),
             Paragraph(escape(brief_dates(brief)), styles["meta"]),
             Paragraph(f"Urval: {escape(brief.filters)}", styles["meta"]),
             Paragraph(escape(BASIS_LEGEND), styles["small"]), Spacer(1, 0.4 * cm)]
    for section in brief.sections:
        story += [Paragraph(escape(section.label), styles["h2"]),
                  Paragraph(f"<i>Så läser du:</i> {escape(section.how_to_read)}", styles["small"])]
        if section.chart_png:
            image = Image(io.BytesIO(section.chart_png))
            scale = min(WIDTH / image.imageWidth, 7 * cm / image.imageHeight)
            image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
            story.append(image)
        story.append(_table(section.table, styles) if not section.table.empty
                     else Paragraph("Inga uppgifter för urvalet.", styles["body"]))
        if section.omitted:
            story.append(Paragraph(escape(omitted_note(section)), styles["note"]))
        if section.sources:
            story.append(Paragraph("Källor: " + "; ".join(escape(s) for s in section.sources), styles["note"]))
    if brief.scenarios is not None:
        story += [Paragraph("Scenarier", styles["h2"]), _table(brief.scenarios, styles)]
    for heading, frame in (("Öppna rekommendationer och uppföljning", brief.recommendations),
                           ("Motstridiga uppgifter i källorna", brief.conflicts),
                           ("Okända uppgifter", brief.gaps)):
        story += [Paragraph(heading, styles["h2"]), _table(frame, styles)]
    story += [Paragraph("Små tal och teckenförklaring", styles["h2"]),
              Paragraph(escape(brief.suppression_rule), styles["body"]),
              KeepTogether([Paragraph("Källförteckning", styles["h2"])]
                           + [Paragraph(escape(s), styles["small"]) for s in brief.sources])]
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                                 bottomMargin=MARGIN, title=brief.title, author="Socialförvaltningen", lang="sv-SE")
    footer = _footer(font, f"{brief.title} · siffror per {brief.as_of.isoformat()}")
    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def _styles(font: str, bold: str) -> dict:
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontName=bold, fontSize=18, leading=22),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], fontName=bold, fontSize=12.5, spaceBefore=12),
        "body": ParagraphStyle("body", parent=base["BodyText"], fontName=font, fontSize=9.5, leading=12.5),
        "small": ParagraphStyle("small", parent=base["BodyText"], fontName=font, fontSize=8.5, leading=11),
        "note": ParagraphStyle("note", parent=base["BodyText"], fontName=font, fontSize=7.5, leading=9.5,
                               textColor=colors.HexColor("#444444")),
        "meta": ParagraphStyle("meta", parent=base["BodyText"], fontName=font, fontSize=9,
                               textColor=colors.HexColor("#444444")),
        "cell": ParagraphStyle("cell", fontName=font, fontSize=7.5, leading=9),
        "head": ParagraphStyle("head", fontName=bold, fontSize=7.5, leading=9),
        "fonts": (font, bold),
    }


def _table(frame, styles) -> Table:
    """Cells wrap; widths follow the longest text in each column, so nothing is clipped."""
    header = [Paragraph(escape(str(c)), styles["head"]) for c in frame.columns]
    rows = [[Paragraph(escape(str(v)), styles["cell"]) for v in row] for row in frame.itertuples(index=False)]
    table = Table([header, *rows], colWidths=_widths(frame, *styles["fonts"]), repeatRows=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF5")),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#9AA5B1")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F7F9FB")]),
    ]))
    return table


def _widths(frame, font: str, bold: str) -> list[float]:
    """Every column at least as wide as its longest word (no word is split); the rest of the page goes to
    the columns with the longest texts."""
    def width(text: str, face: str) -> float:
        return pdfmetrics.stringWidth(text, face, 7.5) + 13   # cell padding 6 + 6, and a point to spare

    columns = [(str(c), [str(v) for v in frame[c]]) for c in frame.columns]
    shortest = [max([width(w, bold) for w in head.split()] + [width(w, font) for v in values for w in v.split()])
                for head, values in columns]
    wanted = [max(m, min(max([width(head, bold)] + [width(v, font) for v in values]), 200))
              for m, (head, values) in zip(shortest, columns)]
    if sum(shortest) >= WIDTH:
        return [WIDTH * m / sum(shortest) for m in shortest]
    spare = WIDTH - sum(shortest)
    extra = [w - m for w, m in zip(wanted, shortest)]
    if sum(extra) <= spare:
        return [w * WIDTH / sum(wanted) for w in wanted]
    return [m + spare * e / sum(extra) for m, e in zip(shortest, extra)]


def _footer(font: str, text: str):
    def draw(canvas, document):
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(MARGIN, 1.2 * cm, text)
        canvas.drawRightString(A4[0] - MARGIN, 1.2 * cm, f"Sida {document.page}")
        canvas.restoreState()
    return draw
