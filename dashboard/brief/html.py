"""The board pack as semantic HTML (headings, paragraphs, lists, tables with header cells, figures with text
alternatives), walked from `Brief.document()`: the accessible HTML file, the page's preview, and the source the
PDF/UA is printed from."""

import base64
import re
from functools import lru_cache
from html import escape as _escape

import pyphen

from dashboard.base.text import visible
from dashboard.brief.doc import Figure, Heading, Items, PageBreak, Para, Table
from dashboard.brief.pack import Brief

PAGE = """
@page { size: A4; margin: 2cm 2cm 2.2cm;
        @bottom-center { content: "Sida " counter(page) " av " counter(pages); font-size: 8pt; color: #333;
                         font-family: "DejaVu Sans", sans-serif; } }
"""
STYLE = """body { font-family: "DejaVu Sans", sans-serif; font-size: 9.5pt; line-height: 1.35; color: #111; }
h1 { font-size: 17pt; margin: 0 0 4pt; } h2 { font-size: 13pt; margin: 14pt 0 4pt; }
h3 { font-size: 10.5pt; margin: 10pt 0 3pt; }
h1, h2, h3, h4, .keep { break-after: avoid; page-break-after: avoid; }
p { margin: 3pt 0 5pt; } ul { margin: 3pt 0 6pt; padding-left: 14pt; } li { margin-bottom: 2pt; }
.meta, .note { color: #333; font-size: 8pt; }
.notice { border-left: 3pt solid #8a5a00; padding-left: 6pt; }
.assumption { border-left: 3pt solid #777; padding-left: 6pt; font-style: italic; }
.quote { border-left: 3pt solid #1f4e79; padding-left: 6pt; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0; font-size: 8pt; }
caption { text-align: left; font-size: 8pt; color: #333; caption-side: top; }
th, td { border: 0.5pt solid #777; padding: 2pt 3pt; text-align: left; vertical-align: top;
         overflow-wrap: break-word; }
th { background: #e8ecf3; } td.num, th.num { text-align: right; }
tr { break-inside: avoid; }
figure { margin: 6pt 0; break-inside: avoid; } figure img { width: 100%; max-height: 11cm; object-fit: contain; }
figcaption { font-size: 8pt; color: #333; }
.page-break { break-before: page; page-break-before: always; height: 0; margin: 0; border: 0; }
"""
SCREEN = """body { max-width: 48rem; margin: 2rem auto; padding: 0 1rem; font-size: 1rem; }
.table-scroll { overflow-x: auto; } .page-break { break-before: auto; border-top: 2px dashed #777; margin: 1.2rem 0; }
"""
# The page's preview: `st.html` puts it in the page itself (no frame), so every rule is scoped to the preview, in
# screen units; a page break is drawn as a rule.
PREVIEW_STYLE = """
.brief-preview { font-family: "DejaVu Sans", sans-serif; font-size: 0.9rem; line-height: 1.4; color: #111; }
.brief-preview h1 { font-size: 1.6rem; margin: 0 0 0.3rem; padding: 0; }
.brief-preview h2 { font-size: 1.25rem; margin: 1.2rem 0 0.3rem; padding: 0; }
.brief-preview h3 { font-size: 1rem; margin: 0.9rem 0 0.25rem; padding: 0; }
.brief-preview .meta, .brief-preview .note, .brief-preview figcaption, .brief-preview caption {
  color: #333; font-size: 0.8rem; }
.brief-preview .notice { border-left: 4px solid #8a5a00; padding-left: 0.5rem; }
.brief-preview .assumption { border-left: 4px solid #777; padding-left: 0.5rem; font-style: italic; }
.brief-preview .quote { border-left: 4px solid #1f4e79; padding-left: 0.5rem; white-space: pre-wrap; }
.brief-preview table { border-collapse: collapse; width: 100%; margin: 0.3rem 0; font-size: 0.75rem; }
.brief-preview caption { text-align: left; }
.brief-preview .table-scroll { overflow-x: auto; }
.brief-preview th, .brief-preview td { border: 1px solid #777; padding: 0.15rem 0.25rem; text-align: left;
  vertical-align: top; overflow-wrap: break-word; }
.brief-preview th { background: #e8ecf3; } .brief-preview .num { text-align: right; }
.brief-preview figure { margin: 0.5rem 0; } .brief-preview figure img { width: 100%; max-width: 40rem; }
.brief-preview .page-break { border-top: 2px dashed #777; margin: 1.2rem 0; }
"""
LONG_WORD = re.compile(r"[^\s<>&;]{41,}")   # longer than any Swedish compound in the documents
COMPOUND = re.compile(r"\w{20,}")   # 'Arbetsmarknadsförvaltningen' pushed a nine-column table off the page
SOFT_HYPHEN = "\u00ad"


def escape(text: str) -> str:
    """HTML-escaped, as every renderer can take it (`text.visible`), and with a break opportunity every 16 letters
    of a word longer than 40: a 250-letter name widened its table column off the page, and normal words must not
    break."""
    return LONG_WORD.sub(lambda m: "<wbr>".join(re.findall(".{1,16}", m.group(0))), _escape(visible(str(text))))


def cell(text) -> str:
    """A table cell: escaped, with soft hyphens in long compounds (Swedish rules, pyphen), where a narrow column
    may break them; a word that fits is never broken and reads whole (CSS `hyphens: auto` broke 'sup-portrar')."""
    return COMPOUND.sub(lambda m: _hyphenated(m.group(0)), escape(text))


@lru_cache(maxsize=1024)
def _hyphenated(word: str) -> str:
    return pyphen.Pyphen(lang="sv_SE").inserted(word, hyphen=SOFT_HYPHEN)


def brief_html(brief: Brief, screen: bool = False) -> str:
    """The whole document: printed to PDF as it is, or (`screen`) the HTML file a reader opens in a browser."""
    style = PAGE + STYLE + (SCREEN if screen else "")
    body = body_html(brief.document(), scroll=screen)
    return (f'<!DOCTYPE html><html lang="sv-SE"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(brief.title)}</title>'
            f"<style>{style}</style></head><body><main>{body}</main></body></html>")


def preview_html(brief: Brief) -> str:
    """The same body for the dashboard's preview (`st.html`, which also strips any script). A table wider than a
    phone scrolls sideways in its own box (focusable, so it scrolls from the keyboard too). Every text from the
    data is escaped, so the only markup is this module's."""
    return (f"<style>{PREVIEW_STYLE}</style><div class='brief-preview' lang='sv-SE'>"
            f"{body_html(brief.document(), scroll=True)}</div>")


def body_html(blocks, scroll: bool = False) -> str:
    return "".join(_block(block, scroll) for block in blocks)


def _block(block, scroll: bool) -> str:
    if isinstance(block, Heading):
        return f"<h{block.level}>{escape(block.text)}</h{block.level}>"
    if isinstance(block, Para):
        return _para(block)
    if isinstance(block, Items):
        return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in block.items) + "</ul>"
    if isinstance(block, Table):
        table = _table(block)
        return f"<div class='table-scroll' tabindex='0' role='region' aria-label='Tabell'>{table}</div>" if scroll else table
    if isinstance(block, Figure):
        data = base64.b64encode(block.svg.encode("utf-8")).decode("ascii")
        return (f"<figure><img src='data:image/svg+xml;base64,{data}' alt='{escape(block.alt)}'>"
                f"<figcaption>{escape(block.caption)}</figcaption></figure>")
    if isinstance(block, PageBreak):
        return "<hr class='page-break' aria-hidden='true'>"
    raise TypeError(block)


def _para(block: Para) -> str:
    label = f"<strong>{escape(block.label)}</strong> " if block.label else ""
    if block.kind == "quote":   # as its writer wrote it: each line a line, nothing read as markup
        return f"<p class='quote'>{'<br>'.join(escape(line) for line in block.lines)}</p>"
    kind = f" class='{block.kind}'" if block.kind else ""
    return f"<p{kind}>{label}{escape(block.text)}</p>"


def _table(block: Table) -> str:
    def cls(column) -> str:
        return " class='num'" if column in block.numeric else ""

    caption = f"<caption>{escape(block.caption)}</caption>" if block.caption else ""
    head = "".join(f"<th scope='col'{cls(c)}>{escape(c)}</th>" for c in block.frame.columns)
    rows = []
    for row in block.frame.itertuples(index=False):
        cells = [(f"<th scope='row'>{cell(v)}</th>" if block.row_headers and i == 0
                  else f"<td{cls(block.frame.columns[i])}>{cell(v)}</td>") for i, v in enumerate(row)]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
