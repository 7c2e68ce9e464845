"""Imports in a real browser. Issue 22, item 15: a file that moves a documented unit to another district lists the
change with the documented value beside it, and is written only once the user ticks that the change is meant.
Issue 23, item 10: a misspelt unit id gets the nearest valid one suggested, the preview shows the values to be
written, and an accepted import leaves the page ready for the next file.

A server of its own: the import changes the data, which the session's shared server must not see."""

import pytest

from tests.e2e.conftest import dashboard_server
from tests.e2e.helpers import alerts, column, open_app, wait_for_rendering, wait_for_run
from tests.reliability.corpus import csv_bytes

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def own_url(chromium_path, tmp_path_factory):
    with dashboard_server(tmp_path_factory.mktemp("import_confirm")) as url:
        yield url


def test_a_documented_unit_moves_only_when_the_change_is_confirmed(page, own_url, tmp_path):
    moved = tmp_path / "enheter.csv"
    moved.write_bytes(csv_bytes("units", [["U_FAR", "Enhet i Farsta (namn ej publicerat)", "okänd", "Skarpnäck",
                                           "Skarpnäcks stadsdelsförvaltning"]]))
    open_app(page, own_url, "/importera?kind=units")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(moved))
    wait_for_run(page)
    wait_for_rendering(page)
    assert any("ändrar uppgifter som källorna dokumenterar" in text for text in alerts(page)), alerts(page)
    main = page.locator('[data-testid="stMain"]')
    changes = main.locator('[data-testid="stDataFrame"]:visible').last
    assert column(changes, "Kolumn") == ["Huvudman", "Område"]
    assert column(changes, "Uppgift") == [
        "U_FAR: 'Farsta stadsdelsförvaltning' enligt S002 (dokumenterat) blir 'Skarpnäcks stadsdelsförvaltning'.",
        "U_FAR: 'farsta' enligt S002 (dokumenterat) blir 'skarpnack'."]

    main.get_by_role("button", name="Bekräfta import").click()
    wait_for_run(page)
    assert any("Importen skrevs inte: den ändrar dokumenterade uppgifter" in text for text in alerts(page)), \
        alerts(page)
    assert not any("klar" in text for text in alerts(page))

    main.get_by_text("Ändringarna av dokumenterade uppgifter är avsedda").click()
    wait_for_run(page)
    main.get_by_role("button", name="Bekräfta import").click()
    wait_for_run(page)
    assert any("Import 1 klar" in text for text in alerts(page)), alerts(page)


# Every text the import's progress box shows while it is there (it is removed when the import ends).
WATCH_PROGRESS = """() => {
    window.progressSeen = [];
    new MutationObserver(() => {
        const box = document.querySelector('[class*="st-key-importera-progress"]');
        if (box && box.innerText) window.progressSeen.push(box.innerText);
    }).observe(document.body, {childList: true, subtree: true, characterData: true});
}"""


@pytest.mark.parametrize("width, height, typed, supporter, share", [
    (1280, 720, "Enhet på Östermalm", "P31", "0,75"),   # a unit's name where its id belongs
    (390, 844, "U_OTS", "P32", "0,6"),                   # a mistyped id
])
def test_a_misspelt_unit_is_suggested_then_the_values_are_shown_and_the_page_is_ready_for_the_next_file(
        page, own_url, tmp_path, width, height, typed, supporter, share):
    """Issue 23, item 10: upload a file with a misspelt unit id, see the suggestion, fix it, see the values to be
    written (a change as 'before → after'), confirm while the steps show, and find the page ready for the next
    file: the uploader empty and no button to import the same file again."""
    page.set_viewport_size({"width": width, "height": height})
    new = [f"PL_E2E_{width}", supporter, typed, "2020-03-01", "2020-12-31", "0,5", "", "", ""]
    documented = ["PL01", "P01", "U_SOD_AKT", "2018-09-01", "2020-03-31", share, "", "", ""]   # no working time in S004
    misspelt, fixed = tmp_path / "placeringar.csv", tmp_path / "placeringar_rattad.csv"
    misspelt.write_bytes(csv_bytes("placements", [new, documented]))
    fixed.write_bytes(csv_bytes("placements", [[*new[:2], "U_OST", *new[3:]], documented]))
    open_app(page, own_url, "/importera?kind=placements")
    main = page.locator('[data-testid="stMain"]')
    uploader = page.locator('[data-testid="stFileUploaderDropzoneInput"]')

    uploader.set_input_files(str(misspelt))
    wait_for_run(page)
    wait_for_rendering(page)
    problems = main.locator('[data-testid="stDataFrame"]:visible').first
    assert column(problems, "Rad") == ["2"]
    assert column(problems, "Uppgift") == [f"'{typed}' finns inte bland befintliga enheter. Menade du U_OST (Enhet på "
                                           "Östermalm, namn ej publicerat)?"]

    uploader.set_input_files(str(fixed))
    wait_for_run(page)
    wait_for_rendering(page)
    assert any("Förhandsgranskning: 1 läggs till, 1 ändras, 0 oförändrad" in text for text in alerts(page))
    written = main.locator('[data-testid="stDataFrame"]:visible').first
    assert column(written, "Åtgärd") == ["läggs till", "ändras"]
    assert column(written, "Placerings-id") == [f"PL_E2E_{width}", "PL01"]
    if width > 1000:   # a phone shows the first columns; the rest are a swipe away
        assert column(written, "Enhets-id") == ["U_OST", "U_SOD_AKT"]
        assert column(written, "Arbetstid (andel av heltid)") == ["0,5", f"– → {share}"]
    main.get_by_text("En ändrad cell visas som 'nuvarande → nytt'").wait_for()

    page.evaluate(WATCH_PROGRESS)
    main.get_by_role("button", name="Bekräfta import").click()
    wait_for_run(page)
    seen = "\n".join(page.evaluate("window.progressSeen"))
    assert "Kontrollerar filen igen" in seen and "Bygger databasen med importen" in seen, seen
    assert page.locator('[class*="st-key-importera-progress"]').count() == 0   # gone once the import is done
    assert any("klar: placeringar_rattad.csv, 1 läggs till, 1 ändras" in text and "Sidan är klar för nästa fil" in text
               for text in alerts(page)), alerts(page)
    assert main.get_by_role("button", name="Bekräfta import").count() == 0
    assert page.locator('[data-testid="stFileUploaderFile"]').count() == 0
    assert uploader.count() == 1
