"""Issue 22, item 15, in a real browser: a file that moves a documented unit to another district lists the change
with the documented value beside it, and is written only once the user ticks that the change is meant.

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
