"""Addresses: a fresh server whose first request is a page URL never shows the pages/ folder's file names as
navigation (ui.routing), `/oversikt` opens Översikt with its filters, and an unknown address says so in Swedish."""

from tests.e2e.conftest import VIEWPORT, dashboard_server
from tests.e2e.helpers import wait_for_run

# Every navigation the page ever draws, from before the app's first render (a render lasts a frame).
RECORD_NAVIGATION = """
window.navigations = [];
new MutationObserver(() => {
  const nav = document.querySelector('[data-testid="stSidebarNav"]');
  const text = nav && nav.innerText;
  if (text && window.navigations[window.navigations.length - 1] !== text) window.navigations.push(text);
}).observe(document, {childList: true, subtree: true, characterData: true});
"""
FILE_NAMES = ("enheter", "enkater", "importera", "kallor", "namndunderlag", "oversikt", "utvarderingar")


def test_addresses_on_a_fresh_server(browser, tmp_path):
    with dashboard_server(tmp_path) as url:
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        page.add_init_script(RECORD_NAVIGATION)
        page.goto(url + "/enheter?as_of=2019-06-30")
        wait_for_run(page)
        assert page.locator('[data-testid="stMain"] h1').first.inner_text() == "Enheter"
        navigations = page.evaluate("window.navigations")
        # the entrypoint's titles, from the first render on: never the file names a pages/ folder would list
        assert navigations and all("Källor och data" in nav for nav in navigations), navigations
        assert not [nav for nav in navigations for name in FILE_NAMES if name in nav.split("\n")], navigations
        assert "as_of=2019-06-30" in page.url

        page.goto(url + "/oversikt?as_of=2019-06-30&area=Farsta")   # the address a user guesses for Översikt
        wait_for_run(page)
        assert page.locator('[data-testid="stMain"] h1').first.inner_text().startswith("PEER support – översikt")
        assert page.url == url + "/?as_of=2019-06-30&area=Farsta" or page.url.startswith(
            url + "/?as_of=2019-06-30&area=Farsta&")
        assert page.get_by_role("dialog").count() == 0

        page.goto(url + "/finns-inte?as_of=2019-06-30")
        wait_for_run(page)
        dialog = page.get_by_role("dialog")
        dialog.wait_for()
        assert dialog.inner_text().split("\n") == ["Sidan finns inte", "Adressen finns inte i tjänsten. Översikt visas i stället."]
        assert dialog.get_by_role("button").get_attribute("aria-label") == "Stäng"
        context.close()
