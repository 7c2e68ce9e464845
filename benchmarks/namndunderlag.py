"""Nämndunderlag in Chromium: from a change of a choice to the redrawn preview, after the first build.

The page's own choices (indicators added and removed, saved scenarios, the earlier pack's date) and the sidebar's
date (which changes every section) are timed apart. Each change is timed in the page, from the press
(`pointerdown`) that makes it to the first frame in which the run has finished, nothing is stale and the preview
holds the expected headings.
"""

import os
import re
import shutil
import time

from playwright.sync_api import sync_playwright

from benchmarks.server import CHROMIUM_ARGS, DASHBOARD, streamlit_server
from benchmarks.stats import summary

PAGE = "/namndunderlag"
TARGET_MS = 1000
# Done when: the run has finished, nothing is stale, the preview's headings and table headers include every one of
# `present` and none of `absent`, and its dates line holds `dated`. Then: milliseconds since the user's last press.
PREVIEW_SHOWS = """([present, absent, dated]) => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (document.querySelector('[data-stale="true"]')) return false;
    const preview = document.querySelector('.brief-preview');
    if (!preview || !preview.querySelector('.meta').textContent.includes(dated)) return false;
    const names = [...preview.querySelectorAll('h2, h3, th')].map(h => h.textContent.trim());
    const shown = h => names.some(n => n === h || n.endsWith(': ' + h));   // 'Alternativ 1: <scenario>'
    if (!present.every(shown) || absent.some(shown)) return false;
    return Math.max(performance.now() - (window.__lastPress || 0), 0.001);
}"""
# The time of the last press in the page: the clock starts when the user presses, not when the driver has finished
# its own checks before the click (scrolling, waiting for the element to stand still), which no user waits for.
PRESSES = """() => { if (window.__lastPress === undefined) {
    window.__lastPress = 0;
    document.addEventListener('pointerdown', () => { window.__lastPress = performance.now(); }, true);
} }"""
# Indicators the pack does not have by default: each is added (its section built for the first time), removed
# and added again (from the cache).
EXTRA = ("Placeringar över tid", "Antal över tid enligt källorna", "Utvärderingar", "Iakttagelser per tema",
         "Uppgifter som dokumenten anger")
SINCE = ("2019-06-11", "2018-12-31", "2020-01-01", "2019-01-01")   # before every AS_OF
AS_OF = ("2019-06-30", "2020-06-11", "2019-12-31", "2020-06-11")
SCENARIOS = ("Som i dag", "Som i dag i tre år")


def wait_for_preview(page, present=(), absent=(), dated: str = "") -> float:
    """Wait until the preview shows the change; the seconds since the last press in the page."""
    shown = page.wait_for_function(PREVIEW_SHOWS, arg=[list(present), list(absent), dated], polling="raf")
    return shown.json_value() / 1000


def timed(page, act, present=(), absent=(), dated: str = "") -> float:
    """Seconds from the press that makes the change (`act()`: the user's last click) to the preview showing it."""
    page.evaluate(PRESSES)
    act()
    return wait_for_preview(page, present, absent, dated)


def multiselect(page, label: str):
    return page.locator('[data-testid="stMain"] [data-testid="stMultiSelect"]').filter(
        has=page.get_by_text(label, exact=True))


def add(page, label: str, option: str):
    """What to time after: picking `option` in the main area's multiselect `label` (and closing its list with
    Escape, as the open list hides the rest of the page from screen readers and role queries)."""
    box = multiselect(page, label).get_by_role("combobox")
    box.click()
    box.fill(option)
    choice = page.get_by_role("option", name=option, exact=True)
    choice.wait_for()
    return lambda: (choice.click(), page.keyboard.press("Escape"))


def remove(page, label: str, option: str):
    """What to time after: the × of `option`'s tag (by its place, not its English screen-reader name)."""
    tag = multiselect(page, label).locator("[data-tag]").filter(has_text=re.compile(f"^{re.escape(option)}$"))
    button = tag.locator("button")
    return button.click


def type_date(page, label: str, iso: str, where: str = "stMain"):
    """What to time after: the last digit of `iso` typed into the date field `label`, and a click outside it (the
    field sends its value when it loses focus)."""
    field = page.locator(f'[data-testid="{where}"] [data-testid="stDateInput"]').filter(
        has=page.get_by_text(label, exact=True))
    field.get_by_role("spinbutton").first.click()
    page.keyboard.type(iso.replace("-", "")[:-1])
    return lambda: (page.keyboard.type(iso[-1]), page.locator('[data-testid="stMain"] h1').first.click())


def changes(page) -> dict[str, list[float]]:
    """Seconds per change on an open, built page, by kind."""
    times = {"indicators": [], "scenarios": [], "since": [], "as_of": []}
    for name in EXTRA:
        times["indicators"].append(timed(page, add(page, "Indikatorer i bilagan", name), present=[name]))
        times["indicators"].append(timed(page, remove(page, "Indikatorer i bilagan", name), absent=[name]))
        times["indicators"].append(timed(page, add(page, "Indikatorer i bilagan", name), present=[name]))
        times["indicators"].append(timed(page, remove(page, "Indikatorer i bilagan", name), absent=[name]))
    chosen = "Alternativ: sparade scenarier (högst tre)"
    for _ in range(2):   # a scenario's name heads its column in the comparison
        for name in SCENARIOS:
            times["scenarios"].append(timed(page, add(page, chosen, name), present=[name]))
        for name in SCENARIOS:
            times["scenarios"].append(timed(page, remove(page, chosen, name), absent=[name]))
    for iso in SINCE:
        times["since"].append(timed(page, type_date(page, "Förra underlagets datum (visar vad som ändrats sedan "
                                                          "dess)", iso), present=[f"Sedan förra underlaget ({iso})"]))
    for iso in AS_OF:
        times["as_of"].append(timed(page, type_date(page, "Läget per datum", iso, "stSidebar"),
                                    dated=f"Siffror per {iso}"))
    return times


def timed_print(page) -> float:
    """Seconds from the press on 'Skapa PDF' to the download offered: what every change cost before."""
    page.evaluate(PRESSES)
    page.get_by_role("button", name="Skapa PDF (A4, tillgänglig PDF/UA)").click()
    page.get_by_role("button", name="Ladda ner PDF").wait_for()
    return page.evaluate("performance.now() - window.__lastPress") / 1000


def save_scenarios() -> None:
    """Two saved scenarios in the user store the server will open (`PEER_USER_DB`)."""
    from dashboard.scenario import baseline as scenario_baseline
    from dashboard.scenario import figures as scenario_io
    from dashboard.scenario import model as scenario
    from dashboard.store import userdata
    from dashboard.base.access import operator

    baseline = scenario_baseline.load_baseline()
    for name, raw in zip(SCENARIOS, ({}, {"agreement_years": "3"})):
        inputs = scenario_io.parse_inputs(raw, baseline)
        userdata.save_scenario(name, scenario.inputs_as_dict(inputs), scenario.evaluate(inputs, baseline), "v",
                               baseline.as_of, operator())


def measure(env: dict[str, str]) -> dict:
    """First build and change-to-preview p50/p95 per kind of change, at 1280 × 720. Each kind includes first
    builds (an indicator, a date never chosen before) and returns to what was built before."""
    if not shutil.which("chromium"):
        return {"skipped": "chromium not installed"}
    save_scenarios()
    load_before = os.getloadavg()[0]
    with streamlit_server(DASHBOARD, env) as (_, url), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.set_default_timeout(120_000)
        started = time.perf_counter()
        page.goto(url + PAGE + "?as_of=2020-06-11")
        wait_for_preview(page, present=["Sammanfattning"])
        first = time.perf_counter() - started
        times = changes(page)
        printed = timed_print(page)
        browser.close()
    everything = [s for seconds in times.values() for s in seconds]
    return {"first_build_s": round(first, 2), "print_pdf_s": round(printed, 2), "viewport": "1280x720",
            # other work on the machine slows every measurement: the 1-minute load average before and after
            "load_average": [round(load_before, 1), round(os.getloadavg()[0], 1)],
            "kinds": {kind: {"changes": len(seconds), **summary(seconds)} for kind, seconds in times.items()},
            "all": {"changes": len(everything), **summary(everything)},
            "target": f"change to preview p95 ≤ {TARGET_MS} ms after the first build"}


def table(report: dict) -> list[str]:
    if "skipped" in report:
        return [f"Nämndunderlag: {report['skipped']}"]
    names = {"indicators": "indicator added / removed", "scenarios": "saved scenario chosen / removed",
             "since": "earlier pack's date", "as_of": "sidebar date (every section)"}
    lines = [f"Nämndunderlag, first build {report['first_build_s']} s, PDF printed on request in "
             f"{report['print_pdf_s']} s, load average {report['load_average']}", "",
             "| change → preview (Chromium) | changes | p50 / p95 ms |", "| --- | --- | --- |"]
    for kind, row in report["kinds"].items():
        lines.append(f"| {names[kind]} | {row['changes']} | {row['median_ms']} / {row['p95_ms']} |")
    row = report["all"]
    lines += [f"| every change | {row['changes']} | {row['median_ms']} / {row['p95_ms']} |", "",
              f"Target {report['target']}: {'met' if row['p95_ms'] <= TARGET_MS else 'MISSED'}"]
    return lines
