"""Driving Nämndunderlag in Chromium: make a change as a user would and wait, in the page, until the preview shows it.
Used by the browser tests and by `python -m benchmarks --only namndunderlag`, which times the same changes."""

import re

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
