"""The brief as semantic HTML (headings, lists, tables with header cells, figures with text alternatives): the one
source the accessible PDF is printed from."""

import base64
import re
from html import escape as _escape

import pandas as pd

from dashboard.brief import BASIS_LEGEND, Brief, Section, brief_dates, omitted_note
from dashboard.text import visible

PAGE = """
@page { size: A4; margin: 2cm 2cm 2.2cm;
        @bottom-center { content: "Sida " counter(page) " av " counter(pages); font-size: 8pt; color: #333;
                         font-family: "DejaVu Sans", sans-serif; } }
"""
STYLE = """body { font-family: "DejaVu Sans", sans-serif; font-size: 9.5pt; line-height: 1.35; color: #111; }
h1 { font-size: 18pt; margin: 0 0 4pt; } h2 { font-size: 13pt; margin: 14pt 0 4pt; }
h3 { font-size: 10.5pt; margin: 10pt 0 3pt; }
.meta, .note, .sources { color: #333; font-size: 8pt; }
.question { font-size: 11pt; font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0; font-size: 7.5pt; }
th, td { border: 0.5pt solid #777; padding: 2pt 3pt; text-align: left; vertical-align: top;
         overflow-wrap: break-word; }
th { background: #e8ecf3; }
figure { margin: 6pt 0; } figure img { width: 100%; max-height: 8cm; object-fit: contain; }
figcaption { font-size: 8pt; color: #333; }
section.decision { page-break-after: always; }
"""
# The page's preview: `st.html` puts it in the page itself (no frame), so every rule is scoped to the preview, in
# screen units; the page break after the decision is drawn as a rule.
PREVIEW_STYLE = """
.brief-preview { font-family: "DejaVu Sans", sans-serif; font-size: 0.9rem; line-height: 1.4; color: #111; }
.brief-preview h1 { font-size: 1.6rem; margin: 0 0 0.3rem; padding: 0; }
.brief-preview h2 { font-size: 1.25rem; margin: 1.2rem 0 0.3rem; padding: 0; }
.brief-preview h3 { font-size: 1rem; margin: 0.9rem 0 0.25rem; padding: 0; }
.brief-preview .meta, .brief-preview .note, .brief-preview .sources, .brief-preview figcaption {
  color: #333; font-size: 0.8rem; }
.brief-preview .question { font-size: 1rem; font-weight: bold; }
.brief-preview table { border-collapse: collapse; width: 100%; margin: 0.3rem 0; font-size: 0.7rem; }
.brief-preview .table-scroll { overflow-x: auto; }
.brief-preview th, .brief-preview td { border: 1px solid #777; padding: 0.15rem 0.25rem; text-align: left;
  vertical-align: top; overflow-wrap: break-word; }
.brief-preview th { background: #e8ecf3; }
.brief-preview figure { margin: 0.5rem 0; } .brief-preview figure img { width: 100%; max-width: 40rem; }
.brief-preview section.decision { border-bottom: 2px dashed #777; padding-bottom: 0.5rem; }
"""


LONG_WORD = re.compile(r"[^\s<>&;]{41,}")   # longer than any Swedish compound in the documents


def escape(text: str) -> str:
    """HTML-escaped, as every renderer can take it (`text.visible`), and with a break opportunity every 16 letters
    of a word longer than 40: a 250-letter name widened its table column off the page, and normal words must not
    break."""
    return LONG_WORD.sub(lambda m: "<wbr>".join(re.findall(".{1,16}", m.group(0))), _escape(visible(text)))


def brief_html(brief: Brief) -> str:
    """The document the PDF is printed from."""
    return (f'<!DOCTYPE html><html lang="sv-SE"><head><meta charset="utf-8"><title>{escape(brief.title)}</title>'
            f"<style>{PAGE}{STYLE}</style></head><body>{_body(brief)}</body></html>")


def preview_html(brief: Brief) -> str:
    """The same body for the dashboard's preview (`st.html`, which also strips any script). A table wider than a
    phone scrolls sideways in its own box (focusable, so it scrolls from the keyboard too): breaking its cells
    anywhere split "12" into "1" over "2". Every text from the data is escaped, so the only tables are `_table`'s."""
    body = (_body(brief).replace("<table>", "<div class='table-scroll' tabindex='0'><table>")
            .replace("</table>", "</table></div>"))
    return f"<style>{PREVIEW_STYLE}</style><div class='brief-preview' lang='sv-SE'>{body}</div>"


def _body(brief: Brief) -> str:
    summary = brief.decision
    scenarios = ("<h3>Scenarierna per år och för hela perioden</h3>" + _table(brief.scenarios)
                 if brief.scenarios is not None else "")
    parts = [
        f"<h1>{escape(brief.title)}</h1><p class='meta'>{escape(brief_dates(brief))}</p>",
        "<section class='decision'><h2>Beslutet</h2>",
        f"<p class='question'>{escape(summary.question)}</p><p>{escape(summary.situation)}</p>{scenarios}",
        "<h3>Dokumenterade risker med ettårig finansiering</h3>" + _list(summary.risks),
        "<h3>Det som inte är känt om finansieringen</h3>" + _list(summary.unknowns),
        (f"<h3>Sedan förra underlaget ({summary.since.isoformat()})</h3>"
         + _list(list(summary.changes) or ["Inga ändringar i källorna."]) if summary.since else ""),
        "</section>",
        f"<p class='note'>Urval: {escape(brief.filters)}. {escape(BASIS_LEGEND)}</p>",
        *[_section(section) for section in brief.sections],
        "<h2>Öppna rekommendationer och uppföljning</h2>" + _table(brief.recommendations),
        "<h2>Motstridiga uppgifter i källorna</h2>" + _table(brief.conflicts),
        "<h2>Okända uppgifter</h2>" + _table(brief.gaps),
        f"<h2>Små tal och teckenförklaring</h2><p>{escape(brief.suppression_rule)}</p>",
        "<h2>Källförteckning</h2>" + _list(brief.sources),
    ]
    return "".join(parts)


def _section(section: Section) -> str:
    figure = ""
    if section.chart_svg:
        data = base64.b64encode(section.chart_svg.encode("utf-8")).decode("ascii")
        figure = (f"<figure><img src='data:image/svg+xml;base64,{data}' alt='{escape(section.chart_alt)}'>"
                  f"<figcaption>{escape(section.label)}; samma uppgifter står i tabellen nedan.</figcaption></figure>")
    figure = figure or (f"<p class='note'>{escape(section.chart_note)}</p>" if section.chart_note else "")
    table = _table(section.table) if not section.table.empty else "<p>Inga uppgifter för urvalet.</p>"
    omitted = f"<p class='note'>{escape(omitted_note(section))}</p>" if section.omitted else ""
    sources = (f"<p class='sources'>Källor: {escape('; '.join(section.sources))}</p>" if section.sources else "")
    return (f"<section><h2>{escape(section.label)}</h2><p class='note'><em>Så läser du:</em> "
            f"{escape(section.how_to_read)}</p>{figure}{table}{omitted}{sources}</section>")


def _table(frame: pd.DataFrame) -> str:
    head = "".join(f"<th scope='col'>{escape(str(c))}</th>" for c in frame.columns)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in row) + "</tr>"
                   for row in frame.itertuples(index=False))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>" if items else "<p>–</p>"
