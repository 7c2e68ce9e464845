"""The tests' wait for a page run counts an element as shown only once its code has arrived: Streamlit loads the
file uploader's (and tables', charts') code on first use, and on a loaded machine that can be after the run has
finished (CI, stop 31: the uploader was missing in both tries of a sign-in test)."""

from tests.e2e.helpers import wait_for_run

DELAY_MS = 2_000


def test_a_run_is_shown_only_when_an_elements_slow_code_has_arrived(new_page, app_url):
    page = new_page()

    def slow_module(route):   # the chunk is an ES module: a top-level await holds its import back
        response = route.fetch()
        route.fulfill(response=response, body=f"await new Promise(r => setTimeout(r, {DELAY_MS}));\n" + response.text())

    page.route("**/FileUploader*.js", slow_module)
    page.goto(app_url + "/importera")
    wait_for_run(page)
    assert page.locator('[data-testid="stFileUploader"]').count() == 1
