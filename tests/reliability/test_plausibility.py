"""Issue 22, items 12 and 15: an import could move a documented unit to another district, rewrite a documented
placement or add a second decided 2020 agreement of 90 mnkr, silently. Now such a change is written only when the
user confirms it (`--confirm`, or the box on Importera), with the documented value beside the new one; a decision
dated after its period, or a decision date on an agreement that is not decided, is refused.

Expected values from the seeds: U_FAR is in Farsta (S002); PL01 is Aktivitetshuset's supporter from 2018-09-01 to
2020-03-31 (S004); FA2020 is decided, 3 500 000 kr for 2020 (S000)."""

import pytest

from dashboard import indicators
from dashboard.base.access import operator
from dashboard.imports import run as importer
from tests.reliability.corpus import csv_bytes, row

pytestmark = pytest.mark.reliability

MOVED_UNIT = csv_bytes("units", [["U_FAR", "Enhet i Farsta (namn ej publicerat)", "okänd", "Skarpnäck",
                                  "Skarpnäcks stadsdelsförvaltning"]])
REWRITTEN_PLACEMENT = csv_bytes("placements", [row("placements", **{
    "Placerings-id": "PL01", "Peer supporter (kod)": "P01", "Enhets-id": "U_SOD_AKT", "Startdatum": "2018-10-01",
    "Slutdatum": "", "Arbetstid (andel av heltid)": ""})])
SECOND_2020 = csv_bytes("agreements", [row("agreements", **{
    "Överenskommelse-id": "FA2020B", "Belopp (kr)": "90 000 000", "Period från": "2020-01-01",
    "Period till": "2020-12-31", "Beslutsdatum": "2020-01-30"})])


@pytest.mark.parametrize("kind, data, expected", [
    ("units", MOVED_UNIT, ["Område", "U_FAR: 'farsta' enligt S002 (dokumenterat) blir 'skarpnack'."]),
    ("placements", REWRITTEN_PLACEMENT,
     ["Startdatum", "PL01: '2018-09-01' enligt S004 (dokumenterat) blir '2018-10-01'."]),
    ("agreements", SECOND_2020,
     ["Period från", "FA2020 är redan beslutad för 2020-01-01–2020-12-31 (3\u00a0500\u00a0000 kr, S000); FA2020B gäller "
                     "delvis samma dagar."]),
])
def test_a_change_of_a_documented_fact_needs_confirming(fresh, cli, kind, data, expected):
    path = fresh / f"{kind}.csv"
    path.write_bytes(data)
    dry = cli("import", kind, str(path), "--dry-run")
    assert dry.returncode == 0 and expected[1] in dry.stdout
    refused = cli("import", kind, str(path))
    assert refused.returncode == 1 and "Kör igen med --confirm" in refused.stderr
    assert f"{kind}.csv, rad 2, kolumn '{expected[0]}': {expected[1]}" in refused.stderr
    assert importer.log().empty
    assert cli("import", kind, str(path), "--confirm").returncode == 0


def test_filling_what_a_document_left_unknown_needs_no_confirming(fresh):
    # FA2021's status is 'okänd' and its amount unpublished (S000); U_FAR's name and type are not published (002)
    decided = csv_bytes("agreements", [row("agreements")])
    named = csv_bytes("units", [["U_FAR", "Träffpunkten Farsta", "träfflokal", "Farsta", "Farsta stadsdelsförvaltning"]])
    for kind, data in (("agreements", decided), ("units", named)):
        result = importer.preview(kind, "f.csv", data)
        assert result.ok and result.confirmations == [], result.confirmations
        importer.apply(result, operator())
    assert indicators.run_query("imports/existing_units").set_index("unit_id").loc["U_FAR", "name"] == \
        "Träffpunkten Farsta"


@pytest.mark.parametrize("changes, message", [
    ({"Beslutsdatum": "2023-01-15"}, "Beslutet (2022-12-31"),
    ({"Status": "förväntad"}, "Ett beslutsdatum hör bara till en beslutad överenskommelse"),
])
def test_an_impossible_decision_date_is_refused(fresh, cli, changes, message):
    path = fresh / "a.csv"
    path.write_bytes(csv_bytes("agreements", [row("agreements", **{"Överenskommelse-id": "FA2022",
                                                                   "Period från": "2022-01-01",
                                                                   "Period till": "2022-12-31", **changes})]))
    result = cli("import", "agreements", str(path), "--dry-run")
    assert result.returncode == 1 and "kolumn 'Beslutsdatum'" in result.stderr
    assert message.replace("(2022-12-31", "(2023-01-15) är daterat efter periodens slut (2022-12-31") in result.stderr \
        if "Beslutet" in message else message in result.stderr


def test_a_rewritten_amount_is_shown_as_a_reader_writes_it(fresh):
    changed = csv_bytes("agreements", [row("agreements", **{
        "Överenskommelse-id": "FA2020", "Dnr": "1.5.1–858/2019", "Belopp (kr)": "3 600 000", "Period från": "2020-01-01",
        "Period till": "2020-12-31", "Beslutsdatum": ""})])
    found = [p.message for p in importer.preview("agreements", "a.csv", changed).confirmations]
    assert "FA2020: '3\u00a0500\u00a0000' enligt S000 (dokumenterat) blir '3\u00a0600\u00a0000'." in found, found
