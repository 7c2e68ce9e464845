"""A fresh server whose first request is a page URL still runs the entrypoint's navigation (ui.routing)."""

from tests.e2e.conftest import VIEWPORT, dashboard_server
from tests.e2e.helpers import wait_for_run


def test_a_page_url_first_on_a_fresh_server_goes_through_the_entrypoint(browser, tmp_path):
    with dashboard_server(tmp_path) as url:
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        page.goto(url + "/enheter?as_of=2019-06-30")
        wait_for_run(page)
        assert page.locator('[data-testid="stMain"] h1').first.inner_text() == "Enheter"
        navigation = page.locator('[data-testid="stSidebarNav"]').inner_text()
        # the entrypoint's titles, not the file names a pages/ folder would list
        assert "Översikt" in navigation and "Källor och data" in navigation and "kallor" not in navigation
        assert "as_of=2019-06-30" in page.url
        context.close()
