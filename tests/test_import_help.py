"""Import that helps (issue 23, item 10): an unknown id gets the nearest valid ones suggested, the preview shows
the values to be written with each change as 'before → after', the Excel template carries the lists of valid ids
and a number where a number belongs, and confirming and undoing say their steps.

Expectations are written by hand from the seed files (data/seeds/unit.csv, area.csv, placement.csv,
funding_agreement.csv, recommendation.csv)."""

import io
from datetime import date

import openpyxl
import pandas as pd
import pytest

from dashboard.base.access import operator
from dashboard.imports import preview as import_preview
from dashboard.imports import run as importer
from dashboard.imports.kinds import KINDS
from dashboard.imports.suggest import Candidate, did_you_mean, nearest
from tests.reliability.corpus import csv_bytes

OPERATOR = operator()
# The seed units as a person would look for them: (id, what it is, its name and area)
UNITS = [Candidate("U_FAR", "Enhet i Farsta, namn ej publicerat", ("Enhet i Farsta (namn ej publicerat)",
                                                                    "Enhet i Farsta", "Farsta")),
         Candidate("U_OST", "Enhet på Östermalm, namn ej publicerat", ("Enhet på Östermalm (namn ej publicerat)",
                                                                        "Enhet på Östermalm", "Östermalm")),
         Candidate("U_SKA", "Enhet i Skarpnäck, namn ej publicerat", ("Enhet i Skarpnäck", "Skarpnäck")),
         Candidate("U_AMF_ALFA", "Alfa, Arbetsmarknadsförvaltningen", ("Alfa", "Alfa", "Arbetsmarknadsförvaltningen"))]


@pytest.mark.parametrize("typed, expected", [
    ("Enhet på Östermalm", ["U_OST"]),   # a name where the id belongs: only the unit of that name
    ("U_OTS", ["U_OST"]),                # transposed letters; U_SKA is as far from it as from anything
    ("u_far", ["U_FAR"]),                # case aside
    ("Ostermalm", ["U_OST"]),            # accents aside, by the unit's area
    ("alfa", ["U_AMF_ALFA"]),            # an alias given twice is one suggestion
    ("Atlantis", []),
])
def test_the_nearest_valid_ids_are_suggested(typed, expected):
    assert [c.value for c in nearest(typed, UNITS)] == expected


def test_a_suggestion_names_what_each_id_is():
    assert did_you_mean("Enhet på Östermalm", UNITS) == " Menade du U_OST (Enhet på Östermalm, namn ej publicerat)?"
    assert did_you_mean("U_SK", [Candidate("U_SKA"), Candidate("U_SKB", "B")]) == " Menade du U_SKA eller U_SKB (B)?"
    assert did_you_mean("R2-9", [Candidate(f"R2-{n}") for n in (6, 7, 8)]) == " Menade du R2-6, R2-7 eller R2-8?"
    assert did_you_mean("Atlantis", UNITS) == ""


def _problems(kind: str, rows: list[list[str]]) -> list[str]:
    return [p.message for p in importer.preview(kind, "fil.csv", csv_bytes(kind, rows)).problems]


def test_an_unknown_reference_in_a_file_gets_the_nearest_valid_ones(fresh):
    placement = ["PL_NY", "P30", "Enhet på Östermalm", "2020-03-01", "", "0,5", "", "", ""]
    assert _problems("placements", [placement]) == [
        "'Enhet på Östermalm' finns inte bland befintliga enheter. Menade du U_OST (Enhet på Östermalm, namn ej "
        "publicerat)?"]
    lookalike = _problems("placements", [[*placement[:2], "U_F\u0410R", *placement[3:]]])[0]   # a Cyrillic A
    assert "U+0410 (CYRILLIC CAPITAL LETTER A) på plats 4, som inte är ASCII" in lookalike
    assert lookalike.endswith("Menade du U_FAR (Enhet i Farsta, namn ej publicerat)?")
    assert _problems("placements", [[*placement[:2], "U_XYZ", *placement[3:]]]) == [
        "'U_XYZ' finns inte bland befintliga enheter. Giltiga värden står på bladet 'Befintliga enheter' i "
        "Excel-mallen."]
    assert _problems("units", [["U_NY", "Träffen", "träfflokal", "Sodermalm", "x"]]) == [
        "'Sodermalm' finns inte bland befintliga områden. Menade du Södermalm?"]
    assert _problems("recommendation_status", [["R2-4", "pågånde", "2021-03-01", ""]]) == [
        "'pågånde' är inte ett av: ej påbörjad, planerad, pågående, genomförd, okänd. Menade du pågående?"]


PLACEMENTS = KINDS["placements"]
EXISTING = pd.DataFrame([{"placement_id": "PL01", "supporter_id": "P01", "unit_id": "U_SOD_AKT",
                          "start_date": pd.Timestamp("2018-09-01"), "end_date": pd.Timestamp("2020-03-31"),
                          "fte_share": float("nan"), "source_id": "S004"}])


def _placement(row: int, placement_id: str, supporter: str, unit: str, start: date, end: date | None,
               share: float | None) -> dict:
    return {"_row": row, "placement_id": placement_id, "supporter_id": supporter, "unit_id": unit,
            "start_date": start, "end_date": end, "fte_share": share, "absence_start": None, "absence_end": None,
            "absence_kind": None}


def test_the_preview_shows_the_values_to_be_written_and_marks_each_change():
    records = [_placement(2, "PL_NY", "P30", "U_OST", date(2020, 3, 1), None, 0.5),
               _placement(3, "PL01", "P01", "U_SOD_AKT", date(2018, 9, 1), date(2020, 6, 30), 0.75),
               _placement(4, "PL01", "P01", "U_SOD_AKT", date(2018, 9, 1), date(2020, 3, 31), None)]
    shown, changed = import_preview.values_frame(PLACEMENTS, records, EXISTING, {})
    empty = {"Frånvaro från": "–", "Frånvaro till": "–", "Frånvaroslag": "–"}
    assert shown.to_dict("records") == [
        {"Rad": "2", "Åtgärd": "läggs till", "Placerings-id": "PL_NY", "Peer supporter (kod)": "P30",
         "Enhets-id": "U_OST", "Startdatum": "2020-03-01", "Slutdatum": "–", "Arbetstid (andel av heltid)": "0,5",
         **empty},
        {"Rad": "3", "Åtgärd": "ändras", "Placerings-id": "PL01", "Peer supporter (kod)": "P01",
         "Enhets-id": "U_SOD_AKT", "Startdatum": "2018-09-01", "Slutdatum": "2020-03-31 → 2020-06-30",
         "Arbetstid (andel av heltid)": "– → 0,75", **empty},
        {"Rad": "4", "Åtgärd": "oförändrad", "Placerings-id": "PL01", "Peer supporter (kod)": "P01",
         "Enhets-id": "U_SOD_AKT", "Startdatum": "2018-09-01", "Slutdatum": "2020-03-31",
         "Arbetstid (andel av heltid)": "–", **empty}]
    assert [list(changed.columns[row]) for row in changed.to_numpy()] == [
        [], ["Slutdatum", "Arbetstid (andel av heltid)"], []]


def test_the_preview_shows_areas_by_name_amounts_in_kronor_and_statuses_in_swedish():
    units = pd.DataFrame([{"unit_id": "U_FAR", "name": "Enhet i Farsta (namn ej publicerat)", "unit_type": "okänd",
                           "area_id": "farsta", "owner": "Farsta stadsdelsförvaltning", "source_id": "S002",
                           "name_published": False}])
    record = {"_row": 2, "unit_id": "U_FAR", "name": "Träffpunkten", "unit_type": "okänd", "area_id": "skarpnack",
              "owner": "Farsta stadsdelsförvaltning"}
    shown, _ = import_preview.values_frame(KINDS["units"], [record], units,
                                           {"farsta": "Farsta", "skarpnack": "Skarpnäck"})
    assert shown.iloc[0][["Namn", "Område"]].tolist() == ["Enhet i Farsta (namn ej publicerat) → Träffpunkten",
                                                         "Farsta → Skarpnäck"]
    agreements = pd.DataFrame([{"agreement_id": "FA2020", "dnr": "1.5.1–858/2019", "funder": "Socialnämnden",
                                "amount_sek": 3_500_000, "period_start": pd.Timestamp("2020-01-01"),
                                "period_end": pd.Timestamp("2020-12-31"), "status": "decided",
                                "decided_on": pd.NaT, "source_id": "S000"}])
    record = {"_row": 2, "agreement_id": "FA2020", "dnr": "1.5.1–858/2019", "funder": "Socialnämnden",
              "amount_sek": 3_600_000, "period_start": date(2020, 1, 1), "period_end": date(2020, 12, 31),
              "status": "beslutad", "decided_on": None}
    shown, changed = import_preview.values_frame(KINDS["agreements"], [record], agreements, {})
    assert shown.iloc[0][["Belopp (kr)", "Status", "Beslutsdatum"]].tolist() == [
        "3\u00a0500\u00a0000 kr → 3\u00a0600\u00a0000 kr", "beslutad", "–"]   # Swedish digit groups
    assert changed.iloc[0].sum() == 1


def _book(kind: str) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(importer.template(kind, "xlsx")))


def _rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def test_the_placement_template_lists_the_units_and_the_codes_in_use(fresh):
    book = _book("placements")
    assert book.sheetnames == ["Placeringar (med frånvaro)", "Befintliga enheter", "Koder i bruk",
                               "Tillåtna värden", "Om mallen"]
    assert book.active.title == "Placeringar (med frånvaro)"   # the sheet an import reads
    example = book.active["F2"]                                 # Arbetstid (andel av heltid)
    assert (example.value, example.data_type, example.number_format) == (0.5, "n", "#,##0.0###")
    assert book.active["D2"].is_date
    units = _rows(book["Befintliga enheter"])
    assert units[0] == ("Enhets-id", "Namn", "Enhetstyp", "Område", "Huvudman", "Källa")
    assert [(u[0], u[1], u[3]) for u in units[1:]] == [
        ("U_AMF_ALFA", "Alfa", "Arbetsmarknadsförvaltningen"),
        ("U_FAR", "Enhet i Farsta (namn ej publicerat)", "Farsta"),
        ("U_HL", "Enhet i Hägersten-Liljeholmen (namn ej publicerat)", "Hägersten-Liljeholmen"),
        ("U_OST", "Enhet på Östermalm (namn ej publicerat)", "Östermalm"),
        ("U_SKA", "Enhet i Skarpnäck (namn ej publicerat)", "Skarpnäck"),
        ("U_SOD_AKT", "Aktivitetshuset", "Södermalm"),
        ("U_SOF_BF", "Enheten för Bostad först och försöks- och träningslägenheter", "Socialförvaltningen")]
    codes = _rows(book["Koder i bruk"])
    assert codes[0] == ("Kod", "Placeringar", "Enheter", "Första start", "Senaste start")
    assert codes[1][:3] == ("P01", 1, "U_SOD_AKT") and codes[1][3].date() == date(2018, 9, 1)
    assert _rows(book["Tillåtna värden"])[1:] == [("Frånvaroslag", "sjukskrivning"), ("Frånvaroslag", "tjänstledighet"),
                                                  ("Frånvaroslag", "annan")]
    about = dict(_rows(book["Om mallen"])[1:])
    assert about["Listorna gäller"].startswith("data t.o.m. 2020-06-11;")
    # the lists are the data as they stand: an imported supporter's code is in use from then on
    rows = [["PL_NY", "P30", "U_OST", "2020-03-01", "2020-12-31", "0,5", "", "", ""]]
    importer.apply(importer.preview("placements", "p.csv", csv_bytes("placements", rows)), OPERATOR)
    assert [row[:3] for row in _rows(_book("placements")["Koder i bruk"])[1:]] == [("P01", 1, "U_SOD_AKT"),
                                                                                  ("P30", 1, "U_OST")]


def test_the_other_templates_list_agreements_areas_surveys_and_recommendations(fresh):
    agreements = _book("agreements")
    assert agreements.active["D2"].value == 3_500_000 and agreements.active["D2"].number_format == "#,##0"
    listed = _rows(agreements["Befintliga överenskommelser"])[1:]
    assert [(a[0], a[3], a[6]) for a in listed] == [("FA2016", "–", "beslutad"), ("FA2018", "–", "beslutad"),
                                                    ("FA2019", 3_500_000, "beslutad"),
                                                    ("FA2020", 3_500_000, "beslutad"), ("FA2021", "–", "okänd")]
    units = _book("units")
    assert units.sheetnames[:3] == ["Enheter", "Befintliga enheter", "Områden"]
    assert [row[0] for row in _rows(units["Områden"])[1:]] == [
        "Farsta", "Hägersten-Liljeholmen", "Kungsholmen", "Norrmalm", "Skarpnäck", "Södermalm", "Östermalm",
        "Arbetsmarknadsförvaltningen", "Socialförvaltningen"]
    follow_up = _rows(_book("recommendation_status")["Rekommendationer"])
    assert [row[0] for row in follow_up[1:]] == ["R1-1", "R1-2", *[f"R2-{n}" for n in range(1, 9)], "R3-1",
                                                 "R3-2", "R3-3"]
    answers = _book("survey_responses")
    assert _rows(answers["Enkäter"])[1][:2] == ("PO2019", "Enkät avseende personligt ombud, Södermalm 2019")
    assert _rows(answers["Svarsalternativ"])[1] == ("PO2019-B1-1", "PO2019", "Jag definierar mig som:", "Kvinna",
                                                    "ett")


def test_the_csv_template_keeps_text_as_a_swedish_excel_reads_it(fresh):
    text = importer.template("placements", "csv").decode("utf-8-sig").splitlines()
    assert text[1] == "PL_IMP_1;P08;U_FAR;2021-01-01;2021-12-31;0,5;;;"


def test_confirming_and_undoing_tell_their_steps(fresh):
    steps = []
    rows = [["PL_NY", "P30", "U_OST", "2020-03-01", "2020-12-31", "0,5", "", "", ""]]
    number = importer.apply(importer.preview("placements", "p.csv", csv_bytes("placements", rows)), OPERATOR,
                            progress=steps.append)
    assert steps == ["Kontrollerar filen igen", "Bygger databasen med importen", "Skriver importen"]
    steps.clear()
    importer.undo(number, OPERATOR, progress=steps.append)
    assert steps == [f"Bygger databasen utan import {number}", "Skriver ångringen"]


def test_a_file_no_longer_valid_on_confirming_stops_after_the_check(fresh):
    unit = csv_bytes("units", [["U_NY", "Träffen", "träfflokal", "Farsta", "Farsta sdf"]])
    first = importer.apply(importer.preview("units", "u.csv", unit), OPERATOR)
    placement = importer.preview("placements", "p.csv", csv_bytes("placements", [
        ["PL_NY", "P30", "U_NY", "2020-03-01", "2020-12-31", "0,5", "", "", ""]]))
    importer.undo(first, OPERATOR)   # the unit the previewed file names is gone
    steps = []
    with pytest.raises(importer.ImportRejected, match="finns inte bland befintliga enheter"):
        importer.apply(placement, OPERATOR, progress=steps.append)
    assert steps == ["Kontrollerar filen igen"]


def test_a_file_of_many_unknown_ids_against_a_long_list_is_suggested_within_a_budget():
    """City scale: 3 000 units, a file of 100 misspelt ids. Each look-up compares with 3 000 texts, so the first
    20 (60 000 comparisons, about a second) are suggested and the rest point to the template's list."""
    from dashboard.imports.validate import References

    refs = References({}, {}, pd.DataFrame(), candidates={"unit": [Candidate(f"U{n:06d}") for n in range(3000)]})
    messages = [refs.unknown("unit", f"U{n:06d}X") for n in range(100)]
    assert sum("Menade du" in m for m in messages) == 20
    assert messages[0] == "'U000000X' finns inte bland befintliga enheter. Menade du U000000?"
    assert messages[-1].endswith("Giltiga värden står på bladet 'Befintliga enheter' i Excel-mallen.")
