"""Issue 23, items 4-6, in a real browser at 1280 and 390 px: every page says how old the data are (both dates,
in one sentence at the top); Översikt marks each card whose figure the area filter does not reach; Enkäter shows
004's survey under a heading that says it is about personligt ombud, not peer support. The .xlsx export's
"Om uttaget" sheet carries the same age sentence."""

from datetime import date

import openpyxl
import pytest

from dashboard.base.formatting import stockholm_time
from dashboard.data_age import full_years
from tests.e2e.helpers import open_app, wait_for_run
from tests.e2e.test_browser import PAGES

pytestmark = pytest.mark.e2e

DATA_DATE = "2020-06-11"   # 000, the latest document
CITY_WIDE = ("Peer supportrar", "Verksamheter", "Stadsdelar", "Säkrad finansiering",
             "Enkät om peer support")
FOLLOWS_AREA = ("Med aktuell placering", "Når målet (minst två)")
MARK = "Farsta gäller inte här (hela staden)"
WIDTHS = {"1280": {"width": 1280, "height": 720}, "390": {"width": 390, "height": 844}}


def age_sentence_shown(page) -> str:
    """The age notice at the top of the main area, which must be on screen when the page opens."""
    notice = page.locator('[data-testid="stMain"] [data-testid="stAlert"]').filter(has_text="Uppgifterna sträcker sig")
    assert notice.count() == 1, page.url
    assert notice.is_visible() and notice.bounding_box()["y"] < page.viewport_size["height"], page.url
    return " ".join(notice.inner_text().split())


def expected_age() -> str:
    today = stockholm_time().date()
    years = full_years(date.fromisoformat(DATA_DATE), today)
    return f"Uppgifterna sträcker sig bara till {DATA_DATE}, mer än {years} år före i dag ({today.isoformat()})"


def card(page, label: str):
    """The column of Översikt's key figure `label`: its metric and the captions under it."""
    return page.locator('[data-testid="stColumn"]').filter(
        has=page.locator('[data-testid="stMetricLabel"]', has_text=label)).last


@pytest.mark.parametrize("width", list(WIDTHS))
def test_age_area_marks_and_survey_heading(browser, app_url, width, tmp_path):
    context = browser.new_context(viewport=WIDTHS[width], accept_downloads=True, locale="sv-SE",
                                  timezone_id="Europe/Stockholm")
    try:
        page = context.new_page()
        # every page at 1280; at 390 the pages this part of the issue changed
        paths = list(PAGES) if width == "1280" else ["/", "/enheter", "/enkater"]
        for path in paths:
            open_app(page, app_url, path)
            assert expected_age() in age_sentence_shown(page), path

        open_app(page, app_url, "/?as_of=2019-06-30&area=Farsta")
        for label in CITY_WIDE:
            assert MARK in card(page, label).inner_text(), label
        for label in FOLLOWS_AREA:
            assert MARK not in card(page, label).inner_text(), label
        main = page.locator('[data-testid="stMain"]')
        assert "Svarsfrekvens, senaste enkät" not in main.inner_text()

        open_app(page, app_url, "/enkater")
        heading = main.locator("h2").filter(has_text="Brukarenkät om")
        assert heading.inner_text().strip() == "Brukarenkät om personligt ombud – inte om peer support"
        assert heading.is_visible()
        assert "Källorna har inga enkätsvar från brukare av peer support" in main.inner_text()
        if width == "1280":
            xlsx_says_the_age(page, tmp_path)
    finally:
        context.close()


def xlsx_says_the_age(page, folder) -> None:
    button = page.locator('xpath=//h3[normalize-space()="Svarsfrekvens och bortfall"]/following::*'
                          '[@data-testid="stDownloadButton"]//button').filter(has_text="Excel (.xlsx)").first
    with page.expect_download() as info:
        button.click()
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    wait_for_run(page)
    about = {key: value for key, value in openpyxl.load_workbook(path)["Om uttaget"].iter_rows(
        min_row=2, values_only=True)}
    assert about["Uppgifternas ålder"].startswith(expected_age())
