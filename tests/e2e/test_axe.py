"""Accessible by measurement: axe-core's WCAG 2.1 A and AA rules find no violation, and headings go down one
level at a time (the best-practice rule heading-order: a screen reader's list of headings skips no level).

axe-core comes with the dev dependency axe-playwright-python (its bundled axe.min.js), so `uv run pytest` needs
nothing else. Every page is measured at 1280 and 390 px in test_swedish's visit of it (`assert_accessible`, one
page load for both checks); this module measures what only appears on use, and the rule set itself.
"""

from axe_playwright_python.sync_playwright import Axe

from tests.e2e.helpers import open_app, wait_for_run

RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
         "rules": {"heading-order": {"enabled": True}}, "resultTypes": ["violations"]}


def violations(page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now, one line per rule with the nodes it found."""
    found = Axe().run(page, options=RULES).response["violations"]
    return [f"{v['id']} ({v['impact']}): {v['help']} – " + "; ".join(str(n["target"]) for n in v["nodes"][:5])
            for v in found]


def assert_accessible(page) -> None:
    assert not violations(page), (page.url, violations(page))


def test_axe_is_bundled_and_finds_what_it_should(page):
    """The rule set runs and reports: a page with an unlabelled image, grey-on-white text and a section heading
    one level too deep fails it."""
    page.set_content('<html lang="sv"><head><title>Prov</title></head><body><main><h1>Sida</h1><h3>Avsnitt</h3>'
                     '<img src="x.png"><p style="color:#aaa">Text</p></main></body></html>')
    assert {line.split(" ")[0] for line in violations(page)} == {"image-alt", "color-contrast", "heading-order"}


def test_what_opens_on_use_is_accessible_too(page, app_url):
    """An opened date calendar, an opened select, the tables laid out as text and the records, and an expander."""
    open_app(page, app_url, "/utvarderingar?view=table&as_of=2019-12-31")
    page.locator('[data-testid="stMain"] details summary').first.click()   # "Så läser du"
    assert_accessible(page)
    page.locator('[data-testid="stSidebar"] [data-testid="stDateInputCalendarButton"]').first.click()
    page.get_by_role("dialog").wait_for()
    assert_accessible(page)
    page.keyboard.press("Escape")
    page.locator('[data-testid="stSidebar"]').get_by_role("combobox", name="Område", exact=True).click()
    page.get_by_role("listbox").wait_for()
    assert_accessible(page)
    page.keyboard.press("Escape")
    wait_for_run(page)


def test_the_board_pack_html_is_accessible(page, fresh):
    """The pack's HTML twin (the city publishes documents in HTML first), charts and all, at 1280 and 390 px."""
    from dashboard.brief.files import brief_file
    from dashboard.brief.pack import build_brief

    content = build_brief(None, ("supporters_per_unit", "funding_horizon", "supporter_gender"))
    page.set_content(brief_file(content, ".html").decode("utf-8"))
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 720})
        assert_accessible(page)
    assert page.evaluate("document.documentElement.lang") == "sv-SE"
    assert page.locator("h1").count() == 1 and page.locator("img:not([alt])").count() == 0
