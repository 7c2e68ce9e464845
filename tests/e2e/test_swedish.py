"""Every page, at a laptop and a phone width, is Swedish to the document (lang="sv") and to the last menu: no English
text a user can see or a screen reader can hear (Streamlit's menus, toolbars, placeholders, date fields and
aria labels included), no main menu; captions at WCAG AA contrast; no chart squashed below its rows; no table
wider than the page at 1280 px; the header and every block caption say what the set area filter did; and
axe-core finds no WCAG 2.1 A/AA violation (test_axe)."""

import re
from pathlib import Path

import pytest

from tests.e2e.helpers import header_caption, open_app, wait_for_rendering, wait_for_run
from tests.e2e.test_axe import assert_accessible

# English words Streamlit and the libraries it bundles put on a page (whole words, case as they write them).
ENGLISH = re.compile(
    r"\b(?:Upload|per file|Drag and drop|Browse|Choose|options?|No results|Page not found|Show|Download|Copy|"
    r"Fullscreen|Search|Open|Close|Clear|Remove|Selected|Collapse|Expand|Sidebar|Main menu|App pages|Link to|"
    r"Running|Stop|Press|year|month|day|Empty|Help for|axis|scale|legend|visualization|Vega|Previous|Next|Sort|"
    r"Hide|Pin|Type to|Made with|Print|Record|Increment|Decrement|Use arrow|Loading|Please wait|Connecting|"
    r"encountered|Deploy|Rerun|Settings|Skip to|Scroll|Dismiss|Delete|Title text|mark container|yyyy|"
    r"January|February|March|May|June|July|August|October)\b")   # April etc. are spelt alike in Swedish
# Text and the attributes a screen reader reads, of what is drawn and not hidden from screen readers (a chart's
# inside is: it is one image named in Swedish) and not a Material icon (its name is drawn as a glyph).
HEARD = """() => {
  const silent = el => !el.checkVisibility() || el.closest('[aria-hidden="true"], script, style, [data-testid="stIconMaterial"]');
  const heard = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue.trim() && !silent(node.parentElement)) heard.push(node.nodeValue.trim());
  }
  for (const el of document.querySelectorAll('[aria-label], [placeholder], [title], [aria-valuetext], [alt], [aria-roledescription], [aria-description]')) {
    if (silent(el)) continue;
    for (const name of ['aria-label', 'placeholder', 'title', 'aria-valuetext', 'alt', 'aria-roledescription', 'aria-description']) {
      if (el.getAttribute(name)) heard.push(`${name}=${el.getAttribute(name)}`);
    }
  }
  return heard;
}"""
# a page's address is its file name; Översikt is the default page at the root
PATHS = sorted("/" + ("" if p.stem == "oversikt" else p.stem) for p in (Path(__file__).parents[2] / "pages").glob("*.py"))
CITY_WIDE = "datum 2019-12-31; Farsta gäller inte här (hela staden)"
# With ?area=Farsta at 2019-12-31: only the unit and placement queries take an area (queries/indicators/*.sql).
HEADERS = {
    "/": "datum 2019-12-31; Farsta gäller bara Peer supportrar per enhet och Verksamheter som når målet",
    "/placeringar": "datum 2019-12-31; Farsta och period 2019-01-01–2019-12-31 gäller bara Placeringar över tid och "
                    "Placeringar per stadsdel",
    "/enheter": "datum 2019-12-31; Farsta gäller bara Peer supportrar per enhet",
    "/finansiering": CITY_WIDE, "/scenarier": CITY_WIDE, "/enkater": CITY_WIDE, "/namndunderlag": CITY_WIDE,
    "/uppfoljning": CITY_WIDE,
    "/utvarderingar": "datum 2019-12-31 gäller bara Iakttagelser per tema, Rekommendationer och uppföljning och "
                      "Uppgifter inför beslutet; Farsta gäller inte här (hela staden)",
    "/kallor": "datum 2019-12-31 gäller bara Motstridiga uppgifter, Peer supportrar efter kön, Uppgifter som "
               "dokumenten anger och Utan nämndmål; Farsta gäller inte här (hela staden)",
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
    # tables open first at 1280 px (no column cut), charts at 390 px (none squashed)
    open_app(page, app_url, path + "?as_of=2019-12-31&area=Farsta" + ("&view=table" if width == 1280 else ""))
    page.wait_for_function("document.documentElement.lang === 'sv'", timeout=5_000)   # set by the entrypoint
    wait_for_rendering(page)
    assert not [text for text in page.evaluate(HEARD) if ENGLISH.search(text)], path
    assert page.locator('[data-testid="stMainMenu"]').count() == 0   # Print, Record screen, Made with Streamlit
    for region, table in page.eval_on_selector_all(
            ".peer-table-region", "nodes => nodes.map(n => [n.clientWidth, n.firstElementChild.scrollWidth])"):
        assert width == 390 or table <= region, (path, region, table)   # no column cut at 1280 px
    for color, opacity in page.eval_on_selector_all(
            '[data-testid="stCaptionContainer"]',
            "nodes => nodes.map(n => [getComputedStyle(n).color, getComputedStyle(n).opacity])"):
        assert contrast(color, float(opacity)) >= 4.5, (path, color, opacity)
    assert header_caption(page).split(" · Visar: ")[1] == HEADERS[path]
    for caption in page.eval_on_selector_all('[data-testid="stElementContainer"]:has(h2, h3) + [data-testid="stElementContainer"] [data-testid="stCaptionContainer"]',
                                             "nodes => nodes.map(n => n.innerText)"):
        assert "Område: Farsta" in caption or "Farsta gäller inte här" in caption, (path, caption)
    for height in page.eval_on_selector_all('[data-testid="stVegaLiteChart"] svg',
                                            "nodes => nodes.map(n => n.getBoundingClientRect().height)"):
        assert height >= 120, (path, width, height)
    assert_accessible(page)


def test_menus_toolbars_and_the_calendar_are_swedish_in_an_english_browser(browser, app_url):
    """What opens on use, in a browser set to English: a chart's and a table's toolbar (only actions with no
    Swedish counterpart on the page are offered), a table's column menu and search, a select's list and the date
    calendar, whose month and day names follow the page, not the browser."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()

    def heard_english() -> list[str]:
        return [text for text in page.evaluate(HEARD) if ENGLISH.search(text)]

    open_app(page, app_url, "/placeringar?as_of=2019-12-31")
    chart = page.locator('[data-testid="stFullScreenFrame"]:has([data-testid="stVegaLiteChart"])').first
    chart.hover()
    chart_actions = chart.locator('[data-testid="stElementToolbarButton"] button:visible')
    assert [b.get_attribute("aria-label") for b in chart_actions.all()] == ["Helskärm"]

    # Streamlit reads the browser's language when it draws the page (its locale context): on a warm server the
    # page can be drawn before the page's script sets Swedish, and the calendar follows from the next change on.
    # The accessibility statement names this gap; the calendar is checked after one change.
    page.get_by_text("per kvartal", exact=True).click()
    wait_for_run(page)
    page.locator('[data-testid="stSidebar"] [data-testid="stDateInputCalendarButton"]').first.click()
    calendar = page.get_by_role("dialog")
    calendar.wait_for()   # the month names are translated just after the calendar is drawn
    page.wait_for_function("() => document.querySelector('[role=dialog]').innerText.includes('december')",
                           timeout=10_000)
    assert "december" in calendar.inner_text() and "Välj datum" in calendar.get_attribute("aria-label")
    assert not heard_english()
    page.keyboard.press("Escape")
    page.locator('[data-testid="stSidebar"]').get_by_role("combobox", name="Område", exact=True).click()
    page.get_by_role("listbox").wait_for()
    assert not heard_english()
    page.keyboard.press("Escape")

    open_app(page, app_url, "/importera")   # the lists of valid ids are grids
    page.locator("summary", has_text="Giltiga id och värden").click()
    grid = page.locator('[data-testid="stFullScreenFrame"]:has([data-testid="stDataFrame"])').first
    grid.hover()
    table_actions = grid.locator('[data-testid="stElementToolbarButton"] button:visible')
    assert [b.get_attribute("aria-label") for b in table_actions.all()] == [
        "Visa eller dölj kolumner", "Sök", "Helskärm"]   # no English "Download as CSV": "CSV för Excel" is there
    table_actions.nth(1).click()   # search
    page.get_by_text("Skriv för att söka").wait_for()
    assert not heard_english()
    page.keyboard.press("Escape")
    box = grid.locator('[data-testid="stDataFrame"]').bounding_box()
    menu = page.locator('[data-testid="stDataFrameColumnMenu"]')
    for x in range(int(box["x"]) + 30, int(box["x"] + box["width"]), 12):   # the first column's menu icon, drawn
        page.mouse.click(x, box["y"] + 18)                                   # on the canvas at its right end
        if menu.count():
            break
    menu.get_by_text("Statistik").hover()
    page.locator('[data-testid="stDataFrameStatisticsContent"]').wait_for()
    assert not heard_english()

    open_app(page, app_url, "/namndunderlag")   # an empty date field, then one typed in ("06 – June" was heard)
    field = page.locator('[data-testid="stMain"] [data-testid="stDateInput"]').last
    assert [s.text_content() for s in field.get_by_role("spinbutton").all()] == ["åååå", "mm", "dd"]
    field.get_by_role("spinbutton").first.click()
    page.keyboard.type("20190630")
    assert not heard_english()
    context.close()
