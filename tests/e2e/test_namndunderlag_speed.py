"""Nämndunderlag in Chromium at 1280 and 390 px: a change of a choice redraws the preview without printing a PDF;
the PDF is printed on a click, downloaded, and is the pack of the preview. Times are printed, not asserted:
`python -m benchmarks --only namndunderlag` measures them."""

import io

import pytest
from pypdf import PdfReader

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.helpers import RUN_TIMEOUT_MS, assert_no_exception, wait_for_run
from tests.e2e.preview import add, remove, timed, wait_for_preview

PRINT, DOWNLOAD = "Skapa PDF (A4, tillgänglig PDF/UA)", "Ladda ner PDF"


@pytest.mark.parametrize("width,height", [(1280, 720), (390, 844)])
def test_a_change_redraws_the_preview_and_the_pdf_is_printed_on_request(browser, app_url, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True,
                                  locale="sv-SE", timezone_id="Europe/Stockholm")
    context.set_default_timeout(RUN_TIMEOUT_MS)
    page = context.new_page()
    try:
        page.goto(app_url + "/namndunderlag?as_of=2020-06-11")
        wait_for_run(page)
        wait_for_preview(page, present=["Sammanfattning", "Säkrad finansiering"], dated="Siffror per 2020-06-11")
        removed = timed(page, remove(page, "Indikatorer i bilagan", "Säkrad finansiering"), absent=["Säkrad finansiering"])
        added = timed(page, add(page, "Indikatorer i bilagan", "Placeringar över tid"), present=["Placeringar över tid"])
        print(f"\n{width} px: change to preview {removed * 1000:.0f} ms (removed), {added * 1000:.0f} ms (added)")
        assert_no_exception(page)
        main = page.locator('[data-testid="stMain"]')
        assert main.get_by_role("button", name=PRINT).is_visible()
        assert not main.get_by_role("button", name=DOWNLOAD).count()   # nothing printed on a change
        # wide tables scroll in their own box: the page itself never scrolls sideways
        assert main.evaluate("el => el.scrollWidth <= el.clientWidth")

        main.get_by_role("button", name=PRINT).click()
        download = main.get_by_role("button", name=DOWNLOAD)
        download.wait_for()
        assert main.get_by_text("PDF:en är klar").count() == 1   # the status, its steps folded
        assert not main.get_by_role("button", name=PRINT).count()
        download.scroll_into_view_if_needed()
        ARTIFACTS.joinpath("screenshots").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "screenshots" / f"namndunderlag_pdf_{width}.png"))
        with page.expect_download() as event:
            download.click()
        assert event.value.suggested_filename == "namndunderlag_2020-06-11.pdf"
        data = open(event.value.path(), "rb").read()
        assert data.startswith(b"%PDF-")
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
        assert "Placeringar över tid" in text and "Siffror per 2020-06-11" in text   # the preview's pack
        with page.expect_download() as event:   # Word, made on the click from the same document
            main.get_by_role("button", name="Ladda ner Word").click()
        assert event.value.suggested_filename == "namndunderlag_2020-06-11.docx"
        assert open(event.value.path(), "rb").read().startswith(b"PK")
        assert_no_exception(page)
    finally:
        context.close()
