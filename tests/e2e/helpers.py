"""Waiting for Streamlit runs and reading what the page shows."""

import time
from urllib.parse import parse_qs, urlsplit

RUN_TIMEOUT_MS = 60_000


def wait_for_run(page, settle: float = 0.25) -> None:
    """Wait until the app is connected, the script run has finished and stayed finished for `settle` s;
    then assert that no exception box is shown.

    Streamlit marks `stApp` with `data-test-script-state` (`running` / `notRunning`); the status widget
    only appears for slow runs, so both are checked. An element whose code is loaded on first use (the file
    uploader, tables, charts) is drawn as an `stSkeleton` until its chunk arrives, which on a loaded machine
    can be after the run has finished: the run counts as shown only when no skeleton is left.
    """
    page.wait_for_selector('[data-testid="stApp"]', state="attached", timeout=RUN_TIMEOUT_MS)
    page.wait_for_selector('[data-testid="stApp"][data-test-connection-state="CONNECTED"]', timeout=RUN_TIMEOUT_MS)
    # A page title, or an exception drawn before it (reported below rather than timing out).
    page.wait_for_selector('[data-testid="stMain"] h1, [data-testid="stException"]', timeout=RUN_TIMEOUT_MS)
    deadline = time.monotonic() + RUN_TIMEOUT_MS / 1000
    quiet_since = None
    while True:
        idle = page.evaluate("""() => {
            const app = document.querySelector('[data-testid="stApp"]');
            return !!app && app.getAttribute('data-test-script-state') === 'notRunning'
                && !document.querySelector('[data-testid="stStatusWidget"], [data-testid="stSkeleton"]');
        }""")
        now = time.monotonic()
        if idle:
            quiet_since = quiet_since or now
            if now - quiet_since >= settle:
                break
        else:
            quiet_since = None
        if now > deadline:
            raise AssertionError(f"app run did not finish on {page.url}")
        time.sleep(0.05)
    assert_no_exception(page)


def assert_no_exception(page) -> None:
    errors = page.locator('[data-testid="stException"]')
    if errors.count():
        raise AssertionError(f"exception shown on {page.url}:\n" + "\n---\n".join(errors.all_inner_texts()))


def open_app(page, base_url: str, path: str):
    page.goto(base_url + path)
    wait_for_run(page)
    return page


def query(page) -> dict[str, str]:
    """The address bar's query parameters, one value each."""
    return {k: v[-1] for k, v in parse_qs(urlsplit(page.url).query).items()}


def header_caption(page) -> str:
    """The page header's caption: 'Data t.o.m. … · Visar: Område: …'."""
    caption = page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').filter(
        has_text="Data t.o.m.").first
    return caption.inner_text().strip()


# A table on the page: an st.dataframe grid, or a table or record list laid out as text (dashboard.html_table).
TABLES = ':is([data-testid="stDataFrame"], .peer-table-region, .peer-records)'


def grid(frame) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of a table (`TABLES`). For an `st.dataframe`, from the accessible table Glide renders inside
    its canvas: only the rendered (visible) columns and rows are there; enough for the small tables checked here."""
    frame.locator('td[role="gridcell"], td, dd').first.wait_for(state="attached")
    return frame.evaluate("""el => {
        const records = el.matches('.peer-records') ? el : el.querySelector('.peer-records');
        if (records) {
            const items = [...records.querySelectorAll(':scope > li')];
            return [[...items[0].querySelectorAll('dt')].map(c => c.textContent),
                    items.map(li => [...li.querySelectorAll('dd')].map(c => c.textContent))];
        }
        const table = el.querySelector('table[role="grid"], table.peer-table');
        const headers = [...table.querySelectorAll('th[role="columnheader"], thead th')].map(c => c.textContent);
        const rows = [...table.querySelectorAll('tbody tr')].map(
            r => [...r.querySelectorAll('td')].map(c => c.textContent));
        return [headers, rows];
    }""")


def column(frame, header: str) -> list[str]:
    headers, rows = grid(frame)
    index = headers.index(header)
    return [row[index] for row in rows]


def selectbox(page, label: str):
    """The sidebar selectbox's combobox input (react-aria: the input carries the label and the value)."""
    return page.locator('[data-testid="stSidebar"]').get_by_role("combobox", name=label, exact=True)


def selectbox_value(page, label: str) -> str:
    return selectbox(page, label).input_value()


def choose(page, label: str, option: str) -> None:
    """Pick `option` in the sidebar selectbox `label`."""
    selectbox(page, label).click()
    page.get_by_role("option", name=option, exact=True).click()


def date_value(page, label: str) -> str:
    """ISO value of a sidebar date input (from its hidden native `<input type=date>`)."""
    widget = page.locator('[data-testid="stSidebar"] [data-testid="stDateInput"]').filter(
        has=page.get_by_text(label, exact=True))
    return widget.locator('input[type="date"]').input_value()


def radio(page, label: str):
    return page.locator('[data-testid="stMain"]').get_by_role("radiogroup", name=label, exact=True)


def radio_value(page, label: str) -> str:
    return radio(page, label).locator('[data-testid="stRadioOption"][data-selected="true"]').inner_text().strip()


def pick_radio(page, label: str, option: str) -> None:
    radio(page, label).locator('[data-testid="stRadioOption"]').filter(
        has=page.get_by_text(option, exact=True)).click()


def alerts(page) -> list[str]:
    return [t.strip() for t in page.locator('[data-testid="stAlert"]').all_inner_texts()]


def wait_for_rendering(page, quiet: float = 0.3, limit: float = 8.0) -> None:
    """Wait until lazily loaded tables, charts and download buttons have drawn: their canvases/SVGs stop appearing for `quiet` s."""
    script = """() => document.querySelectorAll(
        '[data-testid="stDataFrame"] canvas, [data-testid="stVegaLiteChart"] svg, [data-testid="stDownloadButton"], '
        + '[data-testid="stVegaLiteChart"] canvas, [data-testid="stDataFrame"], [data-testid="stVegaLiteChart"]'
    ).length"""
    deadline = time.monotonic() + limit
    last, since = page.evaluate(script), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.1)
        count = page.evaluate(script)
        if count != last:
            last, since = count, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return


def data_as_of(page) -> str:
    """The ISO date after 'Data t.o.m.' in the page header caption."""
    return header_caption(page).split("Data t.o.m.", 1)[1].split()[0]
