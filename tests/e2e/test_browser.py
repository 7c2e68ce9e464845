"""The dashboard in a real browser: every page renders, filters live in the URL, a copied link reproduces
the view, bad URL values are named and ignored, and the downloads open as Swedish spreadsheets.

One Streamlit server and one Chromium serve the whole module (see conftest.py); each test has its own
browser context, so its own Streamlit session.
"""

import csv
import io
import re
import struct
import subprocess
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import openpyxl
import pytest

from tests.e2e.conftest import ARTIFACTS, ROOT, VIEWPORT, require_tool
from tests.e2e.helpers import (
    TABLES, alerts, assert_no_exception, choose, column, data_as_of, date_value, grid, header_caption, open_app,
    pick_radio, query, radio_value, selectbox_value, wait_for_rendering, wait_for_run,
)

pytestmark = pytest.mark.e2e

# Page title (h1) per URL path for the pages this suite knows; any other page registered in streamlit_app.py
# is still visited and must render without an exception and with some h1.
TITLES = {
    "/": "PEER support – översikt",
    "/placeringar": "Placeringar",
    "/enheter": "Enheter",
    "/finansiering": "Finansiering",
    "/enkater": "Enkäter",
    "/utvarderingar": "Utvärderingar",
    "/kallor": "Källor och data",
    "/om": "Om tjänsten",
}


def registered_pages() -> dict[str, tuple[str, str]]:
    """URL path -> (file stem, navigation label), read from the `st.Page(...)` calls in streamlit_app.py."""
    source = (ROOT / "streamlit_app.py").read_text(encoding="utf-8")
    pages = {}
    for call in re.finditer(r"st\.Page\(\s*\"pages/(\w+)\.py\"(.*?)\)\s*,?\s*$", source, re.M):
        stem, rest = call[1], call[2]
        label = re.search(r'title="([^"]+)"', rest)
        path = "/" if "default=True" in rest else f"/{stem}"
        pages[path] = (stem, label[1] if label else stem)
    return pages


PAGES = registered_pages()
assert set(TITLES) <= set(PAGES), f"pages missing from streamlit_app.py: {set(TITLES) - set(PAGES)}"
SIDEBAR_LABELS = ("Område", "Förvaltningstyp", "Enhetstyp")
DATE_LABELS = ("Läget per datum", "Period från", "Period till")
TARGET = "Mål: peer supportrar per enhet"
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FILE_NAME = re.compile(r"^[a-z0-9_]+_(\d{4}-\d{2}-\d{2})\.(csv|xlsx)$")


def frame_after(page, heading: str, index: int = 0):
    """The `index`-th table (`TABLES`) after the block heading `heading` (e.g. 'Placeringar i stadsdelar')."""
    return page.locator(f'xpath=//h2[normalize-space()="{heading}"]/following::*[@data-testid="stDataFrame" or '
                        f'contains(@class, "peer-table-region") or contains(@class, "peer-records")]').nth(index)


def table_tab(page, index: int = 0):
    """Open the `index`-th 'Visa som tabell' tab and return the table (`TABLES`) inside it."""
    tab = page.get_by_role("tab", name="Visa som tabell").nth(index)
    tab.click()
    wait_for_run(page)   # only the open tab is drawn: the table arrives with the rerun the click starts
    panel_id = tab.get_attribute("aria-controls")
    return page.locator(f'[id="{panel_id}"] {TABLES}')


def _columns(table: tuple, headers: list[str]) -> list[list[str]]:
    names, rows = table
    return [[row[names.index(h)] for h in headers] for row in rows]


def sidebar_state(page) -> dict[str, str]:
    state = {label: selectbox_value(page, label) for label in SIDEBAR_LABELS}
    state.update({label: date_value(page, label) for label in DATE_LABELS})
    return state


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


# --- 1. Every page -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", list(PAGES))
def test_page_renders_with_title_and_screenshot(page, app_url, path):
    stem, _ = PAGES[path]
    open_app(page, app_url, path)
    title = page.locator('[data-testid="stMain"] h1').first.inner_text().strip()
    assert title == TITLES.get(path, title) and title
    if path in TITLES:
        assert header_caption(page).startswith("Data t.o.m. ")
        assert " · Visar: " in header_caption(page)   # what it says is tested in test_swedish
    links = page.locator('[data-testid="stSidebarNav"] a')
    hrefs = {urlsplit(link.get_attribute("href")).path for link in links.all()}
    assert hrefs == set(PAGES), "sidebar navigation does not list exactly the pages in streamlit_app.py"
    wait_for_rendering(page)
    assert_no_exception(page)
    target = ARTIFACTS / "screenshots" / f"{stem}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target))
    assert png_size(target) == (1440, 900)


def test_sidebar_navigation_reaches_every_page(page, app_url):
    """Click through the sidebar in one session: st.navigation routes every link to its page."""
    open_app(page, app_url, "/")
    for path, (_, label) in PAGES.items():
        link = page.locator(f'[data-testid="stSidebarNav"] a[href="{app_url}{path}"]')
        assert label in link.inner_text()
        link.click()
        page.wait_for_url(lambda url, path=path: urlsplit(url).path == path)
        if path in TITLES:
            page.locator('[data-testid="stMain"] h1').filter(has_text=TITLES[path]).first.wait_for()
        wait_for_run(page, settle=0.1)


def test_shared_filters_survive_page_switch(page, app_url):
    """The sidebar filters are shared: a page switch in the sidebar keeps them (and writes them to the URL).

    Regression: while the filters were widgets created inside each page script, Streamlit treated them as
    page-scoped and a switch reset Område etc. to 'Alla'."""
    open_app(page, app_url, "/placeringar")
    choose(page, "Område", "Södermalm")
    page.wait_for_url(lambda url: "area=" in url)
    wait_for_run(page)
    page.locator('[data-testid="stSidebarNav"] a').filter(has_text="Enheter").click()
    page.wait_for_url(lambda url: "/enheter" in url)
    page.locator('[data-testid="stMain"] h1').filter(has_text="Enheter").wait_for()
    wait_for_run(page)
    assert selectbox_value(page, "Område") == "Södermalm"
    assert query(page).get("area") == "Södermalm"


# --- 2. and 3. A filter change reaches the URL and the table; a copied link reproduces the view ---------------


def test_enheter_target_changes_url_and_table(page, app_url):
    open_app(page, app_url, "/enheter")
    assert query(page)["target"] == "2"
    assert radio_value(page, TARGET) == "2"
    table = table_tab(page)
    before = grid(table)
    assert set(column(table, "Mål per enhet")) == {"2"}

    pick_radio(page, TARGET, "3")
    page.wait_for_url(lambda url: "target=3" in url)
    wait_for_run(page)

    assert query(page)["target"] == "3"
    assert radio_value(page, TARGET) == "3"
    table = table_tab(page)
    assert set(column(table, "Mål per enhet")) == {"3"}
    after = grid(table)
    assert after != before and len(after[1]) == len(before[1])
    assert page.get_by_text("mål 3 per enhet").count() >= 1


def test_placeringar_filters_reach_url_table_and_a_copied_link(new_page, app_url):
    """Område (sidebar) and Indelning (page radio) go into the URL and change the tables; the copied URL,
    opened in a fresh browser context (a new session), shows the same view."""
    # 2019: Farsta and Östermalm (observed June 2019, 002) and Södermalm (Aktivitetshuset, 004)
    first = open_app(new_page(), app_url, "/placeringar?as_of=2019-12-31")
    before = column(frame_after(first, "Placeringar i stadsdelar"), "Område")
    assert len(before) > 1 and "Södermalm" in before

    choose(first, "Område", "Södermalm")
    first.wait_for_url(lambda url: "area=" in url)
    wait_for_run(first)
    assert query(first)["area"] == "Södermalm"
    assert selectbox_value(first, "Område") == "Södermalm"
    assert header_caption(first).endswith(
        "Visar: datum 2019-12-31; Södermalm och period 2019-01-01–2019-12-31 gäller bara Placeringar över tid och "
        "Placeringar per stadsdel")
    assert column(frame_after(first, "Placeringar i stadsdelar"), "Område") == ["Södermalm"]
    assert any("Inga placeringar i centrala förvaltningar" in text for text in alerts(first))

    pick_radio(first, "Indelning", "per kvartal")
    first.wait_for_url(lambda url: "granularity=quarter" in url)
    wait_for_run(first)
    link = first.url
    seen = (header_caption(first), sidebar_state(first), radio_value(first, "Indelning"),
            grid(frame_after(first, "Placeringar i stadsdelar")), grid(table_tab(first, 1)))   # tab 0: the head-count trend
    assert seen[1]["Område"] == "Södermalm" and seen[2] == "per kvartal"
    assert any(re.fullmatch(r"\d{4} kv[1-4]", cell) for row in seen[4][1] for cell in row), seen[4]

    # --- 3. The copied link reproduces the view in a new context
    second = open_app(new_page(), app_url, link.removeprefix(app_url))
    assert query(second) == query(first)
    again = (header_caption(second), sidebar_state(second), radio_value(second, "Indelning"),
             grid(frame_after(second, "Placeringar i stadsdelar")), grid(table_tab(second, 1)))
    assert again[:4] == seen[:4]
    # the grid draws only the columns that fit (it virtualises the rest): compare the ones both drew
    shared = [h for h in seen[4][0] if h in again[4][0]]
    assert len(shared) >= 8 and _columns(again[4], shared) == _columns(seen[4], shared)


# --- 4. Invalid URL values are named and ignored ------------------------------------------------------------------


def test_invalid_url_values_warn_and_fall_back(page, app_url):
    open_app(page, app_url, "/enheter?as_of=2099-01-01&area=Atlantis&target=7")
    notices = [text for text in alerts(page) if "ignorerades" in text]
    assert any("as_of=2099-01-01" in text for text in notices), notices
    assert any("area=Atlantis" in text for text in notices), notices
    assert any("target=7" in text for text in notices), notices
    as_of = data_as_of(page)
    assert selectbox_value(page, "Område") == "Alla"
    assert date_value(page, "Läget per datum") == as_of
    assert radio_value(page, TARGET) == "2"
    assert query(page)["as_of"] == as_of and "area" not in query(page) and query(page)["target"] == "2"
    assert header_caption(page).endswith(f"Visar: datum {as_of}")   # no area set, none named


# --- 5. Downloads --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def downloads(browser, app_url, tmp_path_factory):
    """The three download buttons of 'Finansiering per överenskommelse' (numbers, decimals, dates, å/ä/ö, text
    with commas), clicked in a real browser: ({label: path}, as_of in the URL, data as-of date)."""
    folder = tmp_path_factory.mktemp("downloads")
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True, locale="sv-SE",
                                  timezone_id="Europe/Stockholm")
    try:
        page = open_app(context.new_page(), app_url, "/finansiering")
        as_of = query(page)["as_of"]
        files = {}
        all_buttons = page.locator('[data-testid="stDownloadButton"] button')
        all_buttons.nth(5).wait_for()  # download buttons are loaded lazily, after the run has finished
        assert all_buttons.count() == 6, all_buttons.all_inner_texts()
        block = page.locator('xpath=//h2[normalize-space()="Finansiering per överenskommelse"]/following::*'
                             '[@data-testid="stDownloadButton"]//button')
        assert block.all_inner_texts() == ["CSV för Excel", "CSV (komma)", "Excel (.xlsx)"]
        for index in range(3):
            button = block.nth(index)
            with page.expect_download() as info:
                button.click()
            download = info.value
            assert download.failure() is None, f"download {index} failed: {download.url}"
            path = folder / download.suggested_filename
            download.save_as(path)
            files[button.inner_text().strip()] = path
            wait_for_run(page)  # should a click rerun the app again, let that run finish before the next click
        yield files, as_of, data_as_of(page)
    finally:
        context.close()


def test_download_click_does_not_rerun(page, app_url):
    """A download click must not rerun the app (on_click="ignore"; the file is made on click).

    Regression: with the default on_click="rerun", each click reran the page; the .xlsx bytes differ on every
    run (openpyxl timestamps, 'Exporterad'), so the media URLs were replaced and a second download clicked
    during that rerun was cancelled (404, saved as '<hash>.xlsx')."""
    open_app(page, app_url, "/finansiering")
    button = page.locator('[data-testid="stDownloadButton"] button').filter(has_text="CSV för Excel").first
    button.wait_for()
    wait_for_rendering(page)
    page.evaluate("""() => {  // count script runs from now on
        window.__runs = 0;
        const app = document.querySelector('[data-testid="stApp"]');
        new MutationObserver(() => {
            if (app.getAttribute('data-test-script-state') === 'running') window.__runs += 1;
        }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
    }""")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__runs") == 0, "the page reruns without any interaction"
    with page.expect_download() as info:
        button.click()
    assert info.value.failure() is None
    page.wait_for_timeout(500)
    assert page.evaluate("window.__runs") == 0, "the download click reran the app"


def read_csv(path: Path, delimiter: str, encoding: str) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding=encoding)), delimiter=delimiter))
    assert len(rows) >= 2, rows
    assert len({len(row) for row in rows}) == 1, f"ragged rows in {path.name}"
    return rows


def test_download_file_names(downloads):
    files, as_of, _ = downloads
    assert files["CSV för Excel"].name == f"finansiering_per_overenskommelse_{as_of}.csv"
    assert files["CSV (komma)"].name == f"finansiering_per_overenskommelse_komma_{as_of}.csv"
    assert files["Excel (.xlsx)"].name == f"finansiering_per_overenskommelse_{as_of}.xlsx"
    for path in files.values():
        assert FILE_NAME.fullmatch(path.name), path.name


def test_download_csv_for_swedish_excel(downloads):
    files, _, _ = downloads
    path = files["CSV för Excel"]
    assert path.read_bytes().startswith(b"\xef\xbb\xbf"), "no UTF-8 BOM"
    rows = read_csv(path, ";", "utf-8-sig")
    header, body = rows[0], rows[1:]
    assert header[:4] == ["Överenskommelse (dnr)", "Finansiär", "Slag", "Belopp"]
    assert {"Period från", "Period till", "Månader kvar", "Datum"} <= set(header)
    cells = [cell for row in body for cell in row]
    assert "2020-12-31" in cells
    assert all(ISO_DATE.fullmatch(row[header.index("Period från")]) for row in body)
    months = [row[header.index("Månader kvar")] for row in body]
    assert months and all(re.fullmatch(r"-?\d+,\d+", cell) for cell in months), months
    assert not any(re.fullmatch(r"-?\d+\.\d+", cell) for cell in cells), "decimal point in Swedish CSV"
    assert any(re.fullmatch(r"-?\d+", cell) for cell in cells)
    assert any(re.search("[åäö]", cell) for cell in cells)


def test_download_plain_csv(downloads):
    files, _, _ = downloads
    raw = files["CSV (komma)"].read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "plain CSV must not have a BOM"
    raw.decode("utf-8")
    plain = read_csv(files["CSV (komma)"], ",", "utf-8")
    swedish = read_csv(files["CSV för Excel"], ";", "utf-8-sig")
    assert plain[0] == swedish[0] and len(plain) == len(swedish)
    decimals = 0
    for plain_row, swedish_row in zip(plain[1:], swedish[1:]):
        for a, b in zip(plain_row, swedish_row):
            if re.fullmatch(r"-?\d+\.\d+", a):
                decimals += 1
                assert a.replace(".", ",") == b
            else:
                assert a == b
    assert decimals > 0
    assert any("," in cell for row in plain for cell in row), "expected a quoted value containing a comma"


def test_download_xlsx(downloads):
    files, as_of, as_of_data = downloads
    book = openpyxl.load_workbook(files["Excel (.xlsx)"])
    assert len(book.sheetnames) == 2 and book.sheetnames[1] == "Om uttaget"
    data = list(book.worksheets[0].iter_rows(values_only=True))
    swedish = read_csv(files["CSV för Excel"], ";", "utf-8-sig")
    assert list(data[0]) == swedish[0] and len(data) == len(swedish)
    for row, text_row in zip(data[1:], swedish[1:]):
        for value, text in zip(row, text_row):
            if re.fullmatch(r"-?\d+(,\d+)?", text):
                assert isinstance(value, (int, float)) and not isinstance(value, bool), (value, text)
                assert float(value) == float(text.replace(",", "."))
            elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):   # a date cell in the workbook, ISO text in the CSV
                assert isinstance(value, datetime) and value.date().isoformat() == text, (value, text)
            else:
                assert value == text
    about = {key: value for key, value in book["Om uttaget"].iter_rows(min_row=2, values_only=True)}
    # the agreements follow only the date: the filter sheet names what the query was bound with, nothing else
    assert about["Filter"] == f"datum {as_of}"
    assert about["Data t.o.m."].date().isoformat() == as_of_data   # a date cell
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", about["Exporterad"])
    assert re.match(r"S\d{3}: .+ \(\d{4}-\d{2}-\d{2}", about["Källor"]), about["Källor"]


# --- 6. LibreOffice opens the downloads as spreadsheets ---------------------------------------------------------------


def soffice_convert(soffice: str, profile: Path, out: Path, files: list[Path], infilter: str | None = None) -> None:
    command = [soffice, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", "xlsx", "--outdir", str(out), *map(str, files)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr + result.stdout
    for path in files:
        assert (out / (path.stem + ".xlsx")).exists(), f"no output for {path.name}: {result.stdout}{result.stderr}"


def test_libreoffice_reads_downloads_as_numbers(downloads, tmp_path):
    soffice = require_tool("soffice", "the LibreOffice round trip", "apt-get install -y libreoffice-calc --no-install-recommends")
    files, _, _ = downloads
    profile = tmp_path / "profile"
    csvs = [files["CSV för Excel"]]
    books = [files["Excel (.xlsx)"]]
    soffice_convert(soffice, profile, tmp_path / "from_csv", csvs, infilter="CSV:59,34,76,1,,1053")
    soffice_convert(soffice, profile, tmp_path / "from_xlsx", books)

    for path in csvs:
        text_rows = read_csv(path, ";", "utf-8-sig")
        rows = list(openpyxl.load_workbook(tmp_path / "from_csv" / (path.stem + ".xlsx")).active.iter_rows(
            values_only=True))
        assert list(rows[0]) == text_rows[0], "headers split or mangled"
        assert len(rows) == len(text_rows)
        numbers = 0
        for row, text_row in zip(rows[1:], text_rows[1:]):
            assert len(row) == len(text_row)
            for value, text in zip(row, text_row):
                if re.fullmatch(r"-?\d+(,\d+)?", text):
                    numbers += 1
                    assert isinstance(value, (int, float)) and not isinstance(value, bool), (value, text)
                    assert float(value) == pytest.approx(float(text.replace(",", ".")))
                elif any(ch in text for ch in "åäöÅÄÖ–"):
                    assert value == text
        assert numbers > 0

    for path in books:
        original = openpyxl.load_workbook(path)
        converted = openpyxl.load_workbook(tmp_path / "from_xlsx" / path.name)
        assert converted.sheetnames == original.sheetnames
        for before, after in zip(original.worksheets, converted.worksheets):
            old = list(before.iter_rows(values_only=True))
            new = list(after.iter_rows(values_only=True))
            assert len(new) == len(old)
            for old_row, new_row in zip(old, new):
                assert len(new_row) == len(old_row)
                for a, b in zip(old_row, new_row):
                    if isinstance(a, (int, float)):
                        assert isinstance(b, (int, float)) and b == pytest.approx(a), (a, b)
                    else:
                        assert b == a, (a, b)
