"""Every page, at a laptop and a phone width, is Swedish to the document (lang="sv"), shows no English text that
Streamlit puts on its widgets, keeps captions at WCAG AA contrast, draws no chart squashed below its rows, and
says in its header and every block caption what the set area filter did."""

import re
from pathlib import Path

import pytest

from tests.e2e.helpers import header_caption, open_app

ENGLISH = ("Upload", "per file", "Drag and drop", "Browse files", "Choose an option", "Choose options",
           "No options to select", "Page not found")
# a page's address is its file name; Översikt is the default page at the root
PATHS = sorted("/" + ("" if p.stem == "oversikt" else p.stem) for p in (Path(__file__).parents[2] / "pages").glob("*.py"))
CITY_WIDE = "datum 2019-12-31; Farsta gäller inte här (hela staden)"
# With ?area=Farsta at 2019-12-31: only the unit and placement queries take an area (queries/indicators/*.sql).
HEADERS = {
    "/": "datum 2019-12-31; Farsta gäller bara Peer supportrar per enhet",
    "/placeringar": "datum 2019-12-31; Farsta och period 2019-01-01–2019-12-31 gäller bara Placeringar över tid och "
                    "Placeringar per stadsdel",
    "/enheter": "datum 2019-12-31; Farsta gäller bara Peer supportrar per enhet",
    "/finansiering": CITY_WIDE, "/scenarier": CITY_WIDE, "/enkater": CITY_WIDE, "/namndunderlag": CITY_WIDE,
    "/utvarderingar": "datum 2019-12-31 gäller bara Iakttagelser per tema, Rekommendationer och uppföljning och "
                      "Uppgifter inför beslutet; Farsta gäller inte här (hela staden)",
    "/kallor": "datum 2019-12-31 gäller bara Motstridiga uppgifter, Peer supportrar efter kön och Uppgifter som "
               "dokumenten anger; Farsta gäller inte här (hela staden)",
    "/importera": "filtren i sidopanelen gäller inte den här sidan", "/om": "filtren i sidopanelen gäller inte den här sidan",
}


def contrast(rgb: str, opacity: float = 1.0) -> float:
    """WCAG contrast against white of an rgb() text colour drawn at `opacity` (Streamlit dims captions with it)."""
    def linear(channel: float) -> float:
        c = (opacity * channel + (1 - opacity) * 255) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(v) for v in re.findall(r"\d+", rgb)[:3])
    luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    return 1.05 / (luminance + 0.05)


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", PATHS)
def test_every_page_is_swedish_readable_and_unsquashed(new_page, app_url, path, width):
    page = new_page()
    page.set_viewport_size({"width": width, "height": 720})
    open_app(page, app_url, path + "?as_of=2019-12-31&area=Farsta")
    page.wait_for_function("document.documentElement.lang === 'sv'", timeout=5_000)   # set by the entrypoint
    text = page.locator('[data-testid="stMain"]').inner_text()
    assert not [word for word in ENGLISH if word in text], path
    for color, opacity in page.eval_on_selector_all(
            '[data-testid="stCaptionContainer"]',
            "nodes => nodes.map(n => [getComputedStyle(n).color, getComputedStyle(n).opacity])"):
        assert contrast(color, float(opacity)) >= 4.5, (path, color, opacity)
    assert header_caption(page).split(" · Visar: ")[1] == HEADERS[path]
    for caption in page.eval_on_selector_all('[data-testid="stElementContainer"]:has(h3) + [data-testid="stElementContainer"] [data-testid="stCaptionContainer"]',
                                             "nodes => nodes.map(n => n.innerText)"):
        assert "Område: Farsta" in caption or "Farsta gäller inte här" in caption, (path, caption)
    for height in page.eval_on_selector_all('[data-testid="stVegaLiteChart"] svg',
                                            "nodes => nodes.map(n => n.getBoundingClientRect().height)"):
        assert height >= 120, (path, width, height)
