"""Measurements in real Chromium: cold start, and filter change to redrawn chart against a minimal page."""

import shutil
import time
from pathlib import Path

from benchmarks.server import CHROMIUM_ARGS, ROOT, streamlit_server
from benchmarks.stats import summary

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


def chromium():
    """A launched headless Chromium inside a Playwright context manager, or None when Chromium is missing."""
    path = shutil.which("chromium")
    if not path:
        return None
    from playwright.sync_api import sync_playwright

    return path, sync_playwright


def cold_start(database: Path, env: dict[str, str]) -> dict:
    """Seconds from `streamlit run` to the first page rendered, without and with an existing database."""
    found = chromium()
    if not found:
        return {"skipped": "chromium not installed"}
    path, sync_playwright = found
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        for label in ("without_database", "with_database"):
            if label == "without_database":
                database.unlink(missing_ok=True)
            started = time.perf_counter()
            with streamlit_server(ROOT / "streamlit_app.py", {**env, "PEER_DB": str(database)}, wait=False) as (_, url):
                page = browser.new_page()
                while True:
                    try:
                        page.goto(url + "/", timeout=2000)
                        break
                    except Exception:
                        if time.perf_counter() - started > 60:
                            raise
                        time.sleep(0.02)
                page.wait_for_selector('[data-testid="stMain"] h1', timeout=60000)
                results[label + "_s"] = round(time.perf_counter() - started, 2)
                page.close()
        browser.close()
    return results


def filter_change(env: dict[str, str], areas: list[str], changes: int = 20) -> dict:
    """p50/p95 from picking an area in the select box to the redrawn page, on Placeringar and on the echo page."""
    found = chromium()
    if not found:
        return {"skipped": "chromium not installed"}
    path, sync_playwright = found
    echo_options = [f"Alternativ {i}" for i in range(1, changes + 1)]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        with streamlit_server(ECHO_APP, env) as (_, url):
            floor = _changes(browser, url + "/", [echo_options[i % len(echo_options)] for i in range(changes)])
        with streamlit_server(ROOT / "streamlit_app.py", env) as (_, url):
            app = _changes(browser, url + "/placeringar", [areas[i % len(areas)] for i in range(changes)])
        browser.close()
    floor_s, app_s = summary(floor), summary(app)
    return {"page": "placeringar", "changes": changes, "app": app_s, "echo": floor_s,
            "p50_ratio": round(app_s["median_ms"] / floor_s["median_ms"], 2),
            "p95_ratio": round(app_s["p95_ms"] / floor_s["p95_ms"], 2)}


def _changes(browser, url: str, values: list[str]) -> list[float]:
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.set_default_timeout(120_000)
    page.goto(url)
    page.wait_for_function(REDRAWN, arg="alla" if "placeringar" in url else "Alternativ 0", polling="raf")
    box = page.get_by_role("combobox", name="Område", exact=True)
    seconds = []
    for value in values:
        box.click()
        box.fill(value)
        option = page.get_by_role("option", name=value, exact=True)
        option.wait_for()
        started = time.perf_counter()
        option.click()
        page.wait_for_function(REDRAWN, arg=value, polling="raf")
        seconds.append(time.perf_counter() - started)
    page.close()
    return seconds
