"""Every page × every shared filter: a caption never claims a filter its figures do not follow.

Each block's caption either names the filter's value as bound, or says it does not apply; where it says so, the
block's rows must be exactly those without the filter. The page header says which of the page's figures follow it.
"""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(p.name for p in (ROOT / "pages").glob("*.py"))
BASE = {"as_of": "2019-12-31", "view": "table"}
# filter in the address -> how a caption says it is bound
FILTERS = {
    ("area", "Farsta"): "Område: Farsta",
    ("area_kind", "central"): "förvaltningstyp central förvaltning",
    ("unit_type", "aktivitetshus"): "enhetstyp aktivitetshus",
    ("from", "2019-07-01"): "period 2019-07-01–2019-12-31",
}


def run(name: str, **query) -> AppTest:
    app = AppTest.from_file(str(ROOT / "pages" / name), default_timeout=30)
    app.query_params.update({**BASE, **query})
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def elements(node):
    for child in getattr(node, "children", {}).values():
        yield child
        yield from elements(child)


HEADINGS = ("header", "subheader")


def blocks(app: AppTest) -> list[tuple[str, str, object]]:
    """(title, caption, rows) per indicator block: a heading (a section's or, nested, a subheader), the caption
    after it, its first table if any."""
    found, current, previous = [], None, None
    for element in elements(app.main):
        kind = getattr(element, "type", None)
        if kind in HEADINGS:
            current = [element.value, None, None]
            found.append(current)
        elif kind == "caption" and previous in HEADINGS:
            current[1] = element.value
        elif current and kind == "arrow_data_frame" and current[2] is None:
            current[2] = element.value
        previous = kind
    return [tuple(block) for block in found if block[1] is not None]


def binds(caption: str, bound: str) -> bool:
    """Whether a caption says the filter was bound (not that it only applies elsewhere or not at all)."""
    return any(bound in part and "gäller" not in part for part in caption.split("; "))


def header(app: AppTest) -> str:
    return next(c.value for c in app.caption if c.value.startswith("Data t.o.m.")).split(" · Visar: ")[1]


@pytest.mark.parametrize("name", PAGES)
def test_every_block_caption_is_what_its_figures_follow(name):
    without = {title: rows for title, _, rows in blocks(run(name))}
    for (key, value), bound in FILTERS.items():
        app = run(name, **{key: value})
        for title, caption, rows in blocks(app):
            if binds(caption, bound):
                continue
            # not bound: the caption says so for a place filter, and the rows are those without the filter
            if key != "from":
                assert f"{bound.removeprefix('Område: ')} gäller inte här" in caption, (name, title, caption)
            if rows is not None and title in without:
                assert rows.equals(without[title]), (name, title, key)
        described = header(app)
        if not binds(described, bound) and "gäller bara" not in described:   # the header says no figure follows it
            assert not any(binds(caption, bound) for _, caption, _ in blocks(app)), (name, described)


@pytest.mark.parametrize("name, expected", [
    # only the unit block takes the area; head counts, funding and survey are the city's (002, 000)
    ("oversikt.py", "datum 2019-12-31; Farsta gäller bara Peer supportrar per enhet och Verksamheter som når målet"),
    ("placeringar.py", "datum 2019-12-31; Farsta och period 2019-01-01–2019-12-31 gäller bara Placeringar över tid "
                       "och Placeringar per stadsdel"),
    ("finansiering.py", "datum 2019-12-31; Farsta gäller inte här (hela staden)"),
    ("enkater.py", "datum 2019-12-31; Farsta gäller inte här (hela staden)"),
    ("importera.py", "filtren i sidopanelen gäller inte den här sidan"),
    # the source list and the unknowns are every source's, whatever the date (shared=False)
    ("kallor.py", "datum 2019-12-31 gäller bara Motstridiga uppgifter, Peer supportrar efter kön, Uppgifter som "
                  "dokumenten anger och Utan nämndmål; Farsta gäller inte här (hela staden)"),
    # the date picks the period shown first; the follow-up is the nämnd's, the whole city's
    ("uppfoljning.py", "datum 2019-12-31; Farsta gäller inte här (hela staden)"),
    ("utvarderingar.py", "datum 2019-12-31 gäller bara Iakttagelser per tema, Rekommendationer och uppföljning och "
                         "Uppgifter inför beslutet; Farsta gäller inte här (hela staden)"),
])
def test_the_page_header_says_which_figures_follow_a_filter(name, expected):
    assert header(run(name, area="Farsta")) == expected
