"""Whole workflows in the browser: save and compare scenarios and download the comparison; import a bad file,
then a good one, and see the pages change."""

import csv
import io

from tests.e2e.helpers import TABLES, alerts, column, open_app, pick_radio, query, wait_for_rendering, wait_for_run

PLACEMENT_HEADERS = ["Placerings-id", "Peer supporter (kod)", "Enhets-id", "Startdatum", "Slutdatum",
                     "Arbetstid (andel av heltid)", "Frånvaro från", "Frånvaro till", "Frånvaroslag"]


def _main(page):
    return page.locator('[data-testid="stMain"]')


def _save_scenario(page, name: str) -> None:
    field = _main(page).get_by_label("Namn på scenariot")
    field.fill(name)
    field.press("Enter")
    wait_for_run(page)
    _main(page).get_by_role("button", name="Spara scenario").click()
    wait_for_run(page)
    assert any(f"'{name}' sparades" in text for text in alerts(page)), alerts(page)


def test_save_two_scenarios_compare_and_download(page, app_url, tmp_path):
    open_app(page, app_url, "/scenarier")
    _save_scenario(page, "Som i dag")
    pick_radio(page, "Bemanning i dagens enheter", "alla enheter till målet")
    wait_for_run(page)
    # the fragment's rerun has drawn the new staffing before the scenario is saved (a loaded machine lags)
    funded = _main(page).locator('[data-testid="stMetric"]').filter(has_text="Finansierade peer supportrar")
    funded.locator('[data-testid="stMetricValue"]', has_text="högst 12").wait_for()
    _save_scenario(page, "Två per enhet")
    compare = _main(page).locator('[data-testid="stMultiSelect"]').filter(has_text="Jämför (två till fyra)")
    for name in ("Som i dag", "Två per enhet"):
        compare.locator("input").first.click()
        page.keyboard.type(name)
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
        wait_for_run(page)
    wait_for_rendering(page)
    button = page.locator('[data-testid="stDownloadButton"] button').filter(has_text="CSV för Excel").last
    with page.expect_download() as info:
        button.click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.name.startswith("scenariojamforelse_")
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Uppgift", "Som i dag", "Två per enhet", "Skiljer sig"]
    supporters = next(r for r in rows if r[0] == "Finansierade peer supportrar")
    # four units are published only as having at least one supporter: at most four more bring them to two
    assert supporters == ["Finansierade peer supportrar", "7", "högst 12", "ja"]


def test_a_scenario_input_reruns_only_its_fragment_and_reaches_the_url(page, app_url):
    """The scenario inputs live in an st.fragment: changing one must still update the result and the address."""
    open_app(page, app_url, "/scenarier")
    funded = _main(page).locator('[data-testid="stMetric"]').filter(has_text="Finansierade peer supportrar")
    assert funded.locator('[data-testid="stMetricValue"]').inner_text().strip() == "7"
    pick_radio(page, "Bemanning i dagens enheter", "alla enheter till målet")
    wait_for_run(page)
    funded.locator('[data-testid="stMetricValue"]', has_text="högst 12").wait_for()   # the fragment has rerun
    assert funded.locator('[data-testid="stMetricValue"]').inner_text().strip() == "högst 12"
    assert query(page)["staffing"] == "to_target"
    assert query(page)["as_of"] == "2020-06-11"   # the shared filters stay in the address too


def _placements_csv(path, start: str) -> None:
    lines = [";".join(PLACEMENT_HEADERS), ";".join(["PL_E2E", "P30", "U_FAR", start, "2021-12-31", "0,5", "", "", ""])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")


def test_upload_bad_then_good_file_and_see_the_pages_change(page, app_url, tmp_path):
    bad, good = tmp_path / "placeringar_fel.csv", tmp_path / "placeringar.csv"
    _placements_csv(bad, "2021-02-30")
    _placements_csv(good, "2021-02-01")
    open_app(page, app_url, "/importera")
    uploader = page.locator('[data-testid="stFileUploaderDropzoneInput"]')
    uploader.set_input_files(str(bad))
    wait_for_run(page)
    wait_for_rendering(page)
    assert any("Filen avvisades" in text for text in alerts(page)), alerts(page)
    errors = _main(page).locator('[data-testid="stDataFrame"]:visible').first
    assert column(errors, "Kolumn") == ["Startdatum"] and column(errors, "Rad") == ["2"]

    uploader.set_input_files(str(good))
    wait_for_run(page)
    assert any("1 läggs till" in text for text in alerts(page)), alerts(page)
    _main(page).get_by_role("button", name="Bekräfta import").click()
    wait_for_run(page)
    assert any("klar" in text for text in alerts(page)), alerts(page)

    # The import states no date of its own, so its 2021 placement is a plan and "now" stays 2020-06-11: on
    # 2021-03-31 Enheter shows Farsta's unit as planned, and Placeringar counts no placement there (002 observed
    # Farsta in June 2019, not carried into 2021; a plan is not a placement).
    open_app(page, app_url, "/enheter?as_of=2021-03-31&area=Farsta")
    wait_for_rendering(page)
    main = _main(page).inner_text()
    assert "Data t.o.m. 2020-06-11" in main and "planerad" in main
    open_app(page, app_url, "/placeringar?as_of=2021-03-31&from=2021-03-01&to=2021-03-31&area=Farsta")
    wait_for_rendering(page)
    assert not _main(page).locator(f'{TABLES}:visible').filter(has_text="PL_E2E").count()


def test_typed_amounts_are_read_in_swedish(page, app_url):
    """'5,7 mnkr' and '5700000,50' are both 5,7 mnkr a year; a budget of '5,7' (meant mnkr) is refused."""
    open_app(page, app_url, "/scenarier")
    field = _main(page).get_by_role("textbox", name="Budget per år")
    budget = _main(page).locator('[data-testid="stMetric"]').filter(has_text="Budget för perioden (1 år)")
    for typed in ("5,7 mnkr", "5700000,50"):
        field.fill(typed)
        field.press("Enter")
        wait_for_run(page)
        budget.locator('[data-testid="stMetricValue"]', has_text="5,7 mnkr").wait_for()   # the fragment has rerun
    page.wait_for_url(lambda url: "budget_sek=5700000%2C5" in url)   # 5700000,5 as the address escapes it
    field.fill("5,7")
    field.press("Enter")
    wait_for_run(page)
    _main(page).get_by_text("inte är rimligt").first.wait_for()
    assert budget.locator('[data-testid="stMetricValue"]').inner_text().strip() == "5,7 mnkr"
