"""The Word pack's page and styles: A4 with page numbers, Word's own heading styles in Swedish and DejaVu Sans, the
document's paragraph styles (Liten text, Viktigt, Antagande) and its properties, so that it moves into the city's
tjänsteutlåtande template with its structure intact."""

from datetime import datetime, timezone

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from dashboard.base.text import visible

LANGUAGE = "sv-SE"
FONT = "DejaVu Sans"   # LibreOffice has it; the city's template replaces it with its own
GREY = RGBColor(0x33, 0x33, 0x33)
HEADING_SIZES = {1: 16, 2: 13, 3: 11, 4: 10}
PPR_AFTER_BORDER = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def page(document) -> None:
    """A4 with 2 cm margins and "Sida X av Y" in the footer (PAGE and NUMPAGES fields)."""
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = section.left_margin = section.right_margin = Cm(2)
    section.footer_distance = Cm(1)
    footer = section.footer.paragraphs[0]
    footer.style = document.styles["Footer"]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text, field in (("Sida ", "PAGE"), (" av ", "NUMPAGES")):
        footer.add_run(text)
        simple = OxmlElement("w:fldSimple")
        simple.set(qn("w:instr"), f" {field} ")
        run = OxmlElement("w:r")
        number = OxmlElement("w:t")
        number.text = "1"
        run.append(number)
        simple.append(run)
        footer._p.append(simple)


def styles(document) -> None:
    styles = document.styles
    defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _font(defaults)
    _language(defaults)
    normal = styles["Normal"]
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(5)
    normal.paragraph_format.line_spacing = 1.15
    for level, size in HEADING_SIZES.items():
        heading = styles[f"Heading {level}"]
        heading.font.size, heading.font.color.rgb, heading.font.italic = Pt(size), RGBColor(0, 0, 0), False
        heading.paragraph_format.keep_with_next = True
        heading.paragraph_format.space_before = Pt(14 if level <= 2 else 9)
        heading.paragraph_format.space_after = Pt(4)
        _font(heading.element.rPr)
        _language(heading.element.rPr)
    footer = styles["Footer"]
    footer.font.size, footer.font.color.rgb = Pt(8), GREY
    caption = styles["Caption"]
    caption.font.size, caption.font.color.rgb = Pt(9), GREY
    _add_style(styles, "Liten text", size=9)
    notice = _add_style(styles, "Viktigt", indent=0.3)
    _border(notice, "000000", 18)
    _border(_add_style(styles, "Antagande", indent=0.3), "777777", 6)
    quote = styles["Quote"]
    quote.font.italic, quote.paragraph_format.left_indent = False, Cm(0.5)
    _border(quote, "777777", 12)
    settings = document.settings.element
    for tag, value in (("w:themeFontLang", LANGUAGE), ("w:decimalSymbol", ","), ("w:listSeparator", ";")):
        element = settings.find(qn(tag))
        if element is not None:
            element.set(qn("w:val"), value)


def _add_style(styles, name: str, size: float | None = None, indent: float | None = None):
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    if size:
        style.font.size, style.font.color.rgb = Pt(size), GREY
    if indent:
        style.paragraph_format.left_indent = Cm(indent)
    return style


def _border(style, colour: str, eighths: int) -> None:
    """A rule down the left of the paragraph: set apart in print and in the template alike."""
    borders, left = OxmlElement("w:pBdr"), OxmlElement("w:left")
    for key, value in (("val", "single"), ("sz", str(eighths)), ("space", "6"), ("color", colour)):
        left.set(qn(f"w:{key}"), value)
    borders.append(left)
    style.element.get_or_add_pPr().insert_element_before(borders, *PPR_AFTER_BORDER)


def _font(run_properties) -> None:
    """DejaVu Sans for every script, in place of the template's theme fonts (a theme font wins over a named one)."""
    fonts = run_properties.get_or_add_rFonts()
    for key in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{key}"), None)
    for key in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{key}"), FONT)


def _language(run_properties) -> None:
    """Swedish for spelling, hyphenation and screen readers (w:lang, after every other run property it has)."""
    language = run_properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        run_properties.append(language)
    language.set(qn("w:val"), LANGUAGE)


def properties(document, title: str) -> None:
    core = document.core_properties
    core.title, core.language = visible(title), LANGUAGE
    core.author = core.comments = core.last_modified_by = ""   # not "python-docx": the template's owner signs it
    core.created = core.modified = datetime.now(timezone.utc).replace(tzinfo=None)
    core.revision = 1
