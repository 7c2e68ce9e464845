"""The board pack as one semantic document (no Streamlit): headings, paragraphs, lists, tables and figures in
reading order. HTML (and the PDF printed from it), Word and Markdown are each a walk over these blocks, so every
format states the same facts and numbers in the same order."""

from dataclasses import dataclass, field

import pandas as pd


@dataclass(frozen=True)
class Heading:
    text: str
    level: int   # 1 the title, 2 a part of the document (Sammanfattning, Bilaga), 3 and 4 within it


@dataclass(frozen=True)
class Para:
    """A paragraph; `label` is its lead in bold ('Kostnad i dag.'); `kind` how it is set: '' body text, 'meta' the
    dates line, 'note' small print, 'notice' a warning read first, 'quote' text shown exactly as its writer wrote it
    (`lines`, never interpreted as markup)."""
    text: str = ""
    label: str = ""
    kind: str = ""
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Items:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table of display strings with a header row; `numeric` names the columns set right-aligned and
    `row_headers` whether the first column heads its row."""
    frame: pd.DataFrame
    caption: str = ""
    numeric: tuple[str, ...] = ()
    row_headers: bool = False


@dataclass(frozen=True)
class Figure:
    svg: str        # vector, for HTML and the PDF; Word gets a PNG drawn from it
    alt: str        # the chart in words and numbers
    caption: str


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Para | Items | Table | Figure | PageBreak


@dataclass(frozen=True)
class Part:
    """A part of the document: its blocks, and the facts tests and the page look up in it."""
    blocks: tuple = ()
    facts: dict = field(default_factory=dict)


def heading_texts(blocks) -> list[str]:
    return [block.text for block in blocks if isinstance(block, Heading)]


def plain_text(blocks) -> str:
    """Every text of the document in order, one block a line: what a reader reads, in any format."""
    lines = []
    for block in blocks:
        if isinstance(block, (Heading,)):
            lines.append(block.text)
        elif isinstance(block, Para):
            lines.append(" ".join(part for part in (block.label, block.text, *block.lines) if part))
        elif isinstance(block, Items):
            lines.extend(block.items)
        elif isinstance(block, Table):
            lines.append(" ".join(map(str, block.frame.columns)))
            lines.extend(" ".join(map(str, row)) for row in block.frame.itertuples(index=False))
        elif isinstance(block, Figure):
            lines.append(block.caption)
    return "\n".join(lines)
