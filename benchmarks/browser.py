"""Measurements in real Chromium: cold start, and filter change to redrawn chart against a minimal page."""

import shutil
import statistics
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks.stats import summary
from tests.processes import CHROMIUM_ARGS, DASHBOARD, ROOT, streamlit_run, streamlit_server

ECHO_APP = Path(__file__).with_name("echo_app.py")
# Done when: the run has finished, nothing is stale, the header names the chosen value and every chart has drawn.
REDRAWN = """(value) => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (document.querySelector('[data-stale="true"]')) return false;
    const captions = [...document.querySelectorAll('[data-testid="stCaptionContainer"]')];
    if (!captions.some(c => c.textContent.includes('Område: ' + value + ';'))) return false;
    return [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')].every(c => c.querySelector('svg, canvas'));
}"""


SKIPPED = {"skipped": "chromium not installed"}
COLD_START_ROUNDS = 3


def _launch(playwright):
    return playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)


def cold_start(database: Path, env: dict[str, str]) -> dict:
    """Median seconds from process start to the first page rendered, without and with an existing database, for
    the README's `python -m dashboard.ui.serve` and for plain `streamlit run streamlit_app.py`."""
    if not shutil.which("chromium"):
        return SKIPPED
    seconds = {}
    with sync_playwright() as playwright:
        browser = _launch(playwright)
        _first_render(browser, DASHBOARD, {**env, "PEER_DB": str(database)})   # compiles the .pyc files once
        for _ in range(COLD_START_ROUNDS):   # the commands take turns, so neither gets a quieter machine
            for name, command in (("serve", DASHBOARD), ("streamlit_run", streamlit_run(ROOT / "streamlit_app.py"))):
                for label in ("without_database", "with_database"):
                    if label == "without_database":
                        database.unlink(missing_ok=True)
                    seconds.setdefault(f"{name}_{label}_s", []).append(
                        _first_render(browser, command, {**env, "PEER_DB": str(database)}))
        browser.close()
    return {key: round(statistics.median(values), 2) for key, values in seconds.items()}


def _first_render(browser, command: tuple[str, ...], env: dict[str, str]) -> float:
    """Seconds from process start to the page title, opening the page as soon as the server answers (as a user
    does when the URL is printed; a navigation that fails while the port is closed only adds Chromium's backoff)."""
    started = time.perf_counter()
    with streamlit_server(command, env) as (_, url):
        page = browser.new_page()
        page.goto(url + "/")
        page.wait_for_selector('[data-testid="stMain"] h1', timeout=60000)
        seconds = time.perf_counter() - started
        page.close()
    return seconds


FILTER_ROUNDS = 3


def filter_change(env: dict[str, str], areas: list[str], changes: int = 20) -> dict:
    """p50/p95 from picking an area in the select box to the redrawn page, on Placeringar and on the echo page.

    The two pages take turns, change by change, so neither gets a quieter machine; in three rounds, each on fresh
    servers (an area not seen before stays so), of which the round with the median p95 ratio is reported: on this
    machine one round's ratio varied by ±20 %."""
    if not shutil.which("chromium"):
        return SKIPPED
    echo_options = [f"Alternativ {i}" for i in range(1, changes + 1)]   # a new value each time, as the areas
    rounds = []
    with sync_playwright() as playwright:
        browser = _launch(playwright)
        for _ in range(FILTER_ROUNDS):
            with streamlit_server(streamlit_run(ECHO_APP), env) as (_, echo_url), \
                    streamlit_server(DASHBOARD, env) as (_, app_url):
                floor, app = _changes(browser, [(echo_url + "/", "Alternativ 0", echo_options),
                                                (app_url + "/placeringar", "alla",
                                                 [areas[i % len(areas)] for i in range(changes)])])
            rounds.append(_round(floor, app))
        browser.close()
    reported = sorted(rounds, key=lambda r: r["p95_ratio"])[len(rounds) // 2]
    return {"page": "placeringar", "changes": changes, **reported,
            "rounds_p95_ratio": [r["p95_ratio"] for r in rounds]}


def _round(floor: list[float], app: list[float]) -> dict:
    floor_s, app_s = summary(floor), summary(app)
    return {"app": app_s, "echo": floor_s, "p50_ratio": round(app_s["median_ms"] / floor_s["median_ms"], 2),
            "p95_ratio": round(app_s["p95_ms"] / floor_s["p95_ms"], 2)}


def _changes(browser, pages: list[tuple[str, str, list[str]]]) -> list[list[float]]:
    """Seconds per change for each (url, first shown value, values), the pages taking turns change by change."""
    opened = []
    for url, shown, _ in pages:
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.set_default_timeout(120_000)
        page.goto(url)
        page.wait_for_function(REDRAWN, arg=shown, polling="raf")
        opened.append(page)
    seconds = [[] for _ in pages]
    for turn in range(len(pages[0][2])):
        for page, (_, _, values), timings in zip(opened, pages, seconds):
            page.bring_to_front()
            timings.append(_change(page, values[turn]))
    for page in opened:
        page.close()
    return seconds


def _change(page, value: str) -> float:
    box = page.get_by_role("combobox", name="Område", exact=True)
    box.click()
    box.fill(value)
    option = page.get_by_role("option", name=value, exact=True)
    option.wait_for()
    started = time.perf_counter()
    option.click()
    page.wait_for_function(REDRAWN, arg=value, polling="raf")
    return time.perf_counter() - started
