"""Swedish formats, missing-value codes and export files, checked against hand-written expectations."""

import io
from datetime import date, datetime

import openpyxl
import pandas as pd
import pytest

from dashboard import columns, export
from dashboard.base import formatting
from dashboard.filters import FilterOptions, ViewFilters, describe_binding, from_query
from dashboard.now import DataDates

NBSP = "\u00a0"


@pytest.mark.parametrize("function, value, expected", [
    (formatting.number, 1234, f"1{NBSP}234"),
    (formatting.number, 6.66, "7"),
    (lambda v: formatting.number(v, 1), 6.66, "6,7"),
    (formatting.percent, 0.62, f"62{NBSP}%"),
    (formatting.percent, 15 / 24, f"62{NBSP}%"),     # 62,5 rounds half to even, as 004 published
    (formatting.percent, 9 / 24, f"38{NBSP}%"),      # 37,5 -> 38
    (formatting.mnkr, 3_500_000, "3,5 mnkr"),
    (formatting.number, None, "–"),
    (formatting.percent, float("nan"), "–"),
    (formatting.iso_date, pd.Timestamp("2020-12-31"), "2020-12-31"),
    (formatting.yes_no, True, "ja"),
])
def test_swedish_formats(function, value, expected):
    assert function(value) == expected


def _shares():
    frame = pd.DataFrame({
        "option": ["Ja", "Nej"], "selected": [7, None], "respondents": [10, 10], "share": [0.7, None],
        "suppressed": [False, True], "option_id": ["o1", "o2"],
    })
    frame["selected"] = frame["selected"].astype("Int64")
    return frame


def test_display_marks_suppressed_cells_and_hides_ids():
    shown = columns.display_frame(_shares())
    assert list(shown.columns) == ["Svarsalternativ", "Antal", "Svarande (N)", "Andel", "Undertryckt"]
    assert shown.loc[1, "Antal"] == ".." and shown.loc[1, "Andel"] == ".." and shown.loc[1, "Svarande (N)"] == ".."
    assert shown.loc[0, "Andel"] == f"70{NBSP}%"


def test_swedish_excel_csv_has_bom_semicolons_decimal_comma_and_codes():
    data = export.csv_excel_sv(columns.export_frame(_shares()))
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines == [
        "Svarsalternativ;Antal;Svarande (N);Andel (%);Undertryckt",
        "Ja;7;10;70,0;nej",
        "Nej;..;..;..;ja",
    ]


def test_plain_csv_is_comma_separated_with_decimal_point():
    frame = pd.DataFrame({"area": ["Södermalm"], "months_left": [6.7], "period_end": [pd.Timestamp("2020-12-31")]})
    assert export.csv_plain(columns.export_frame(frame)).decode("utf-8").splitlines() == [
        "Område,Månader kvar,Period till", "Södermalm,6.7,2020-12-31"]


def test_xlsx_keeps_numbers_and_names_filters_on_a_second_sheet():
    frame = pd.DataFrame({"area": ["Östermalm"], "placements": [2], "fte": [None]})
    about = {"Filter": "Område: alla", "Data t.o.m.": "2020-06-11", "Källor": "S002"}
    book = openpyxl.load_workbook(io.BytesIO(export.xlsx(columns.export_frame(frame), about, "Placeringar")))
    data, meta = book.worksheets
    assert book.sheetnames == ["Placeringar", "Om uttaget"]
    assert [c.value for c in data[2]] == ["Östermalm", 2, "–"]
    assert isinstance(data["B2"].value, int)
    meta_values = {row[0].value: row[1].value for row in meta.iter_rows(min_row=2)}
    assert meta_values == {**about, "Data t.o.m.": datetime(2020, 6, 11)}   # a date cell, not text


def test_xlsx_is_excel_grade():
    """Date cells with an ISO format, numbers with grouping, a bold frozen header with filters, and text that would
    run as a formula kept as text."""
    frame = pd.DataFrame({"unit": ["=HYPERLINK(\"https://x\",\"Klicka\")"], "period_start": [date(2019, 6, 1)],
                          "placements": [1234], "fte": [0.5]})
    book = openpyxl.load_workbook(io.BytesIO(export.xlsx(columns.export_frame(frame), {"Filter": "datum 2019-06-30"})))
    data = book.worksheets[0]
    unit, start, placements, fte = data[2]
    assert start.is_date and start.value == datetime(2019, 6, 1) and start.number_format == "yyyy-mm-dd"
    assert (placements.value, placements.number_format) == (1234, "#,##0")
    assert (fte.value, fte.number_format) == (0.5, "#,##0.0###")
    assert unit.data_type == "s" and unit.value.startswith("'=HYPERLINK")
    assert all(cell.font.bold for cell in data[1]) and data.freeze_panes == "A2" and data.auto_filter.ref == "A1:D2"
    assert export.csv_excel_sv(pd.DataFrame({"x": ["@SUM(A1)", "-1+2", "Farsta"]})).decode("utf-8-sig").split() == [
        "x", "'@SUM(A1)", "'-1+2", "Farsta"]


def test_file_names_say_what_where_and_when():
    assert export.file_name("placeringar_per_stadsdel", date(2019, 6, 30), "xlsx") == \
        "placeringar_per_stadsdel_2019-06-30.xlsx"
    assert export.file_name("enheter", date(2019, 6, 30), "csv", "Hägersten-Liljeholmen") == \
        "enheter_hagersten-liljeholmen_2019-06-30.csv"


OPTIONS = FilterOptions(areas=("Farsta", "Södermalm"), area_kinds=("stadsdel", "central"),
                        unit_types=("aktivitetshus",),
                        dates=DataDates(date(2020, 6, 11), "S000", "Slututvärdering", date(2016, 1, 1),
                                        date(2021, 12, 31)))


def test_filters_default_to_the_data_year():
    filters, notices = from_query({}, OPTIONS)
    assert notices == []
    # the year up to the data's date: nothing after the date is counted
    assert filters == ViewFilters({"as_of": date(2020, 6, 11), "from": date(2020, 1, 1), "to": date(2020, 6, 11),
                                   "area": None, "area_kind": None, "unit_type": None, "known_on": None})
    assert "from" not in filters.to_query()   # a default period is left out of the link


def test_the_period_follows_a_date_from_the_url_and_ends_at_it():
    filters, _ = from_query({"as_of": "2019-06-30"}, OPTIONS)
    assert (filters["from"], filters["to"]) == (date(2019, 1, 1), date(2019, 6, 30))
    chosen, _ = from_query({"as_of": "2019-06-30", "from": "2018-01-01", "to": "2019-12-31"}, OPTIONS)
    assert (chosen.bound()["from"], chosen.bound()["to"]) == (date(2018, 1, 1), date(2019, 6, 30))
    after, _ = from_query({"as_of": "2019-06-30", "from": "2020-01-01"}, OPTIONS)
    assert (after.bound()["from"], after.bound()["to"]) == (date(2019, 1, 1), date(2019, 6, 30))


@pytest.mark.parametrize("query, field, value", [
    ({"area": "Södermalm"}, "area", "Södermalm"),
    ({"area": ["Farsta", "Södermalm"]}, "area", "Södermalm"),
    ({"from": "2019-01-01"}, "from", date(2019, 1, 1)),
    ({"area_kind": "central"}, "area_kind", "central"),
])
def test_valid_url_values_are_used(query, field, value):
    filters, notices = from_query(query, OPTIONS)
    assert filters[field] == value and notices == []


@pytest.mark.parametrize("query", [
    {"area": "Atlantis"}, {"as_of": "2020-02-30"}, {"as_of": "1999-01-01"}, {"unit_type": "'; drop table x; --"},
    {"from": "2020-05-01", "to": "2020-01-01"},
])
def test_invalid_url_values_fall_back_with_a_notice(query):
    filters, notices = from_query(query, OPTIONS)
    assert len(notices) == 1
    assert filters == ViewFilters.default(OPTIONS)


def test_filters_round_trip_through_the_url():
    filters = ViewFilters.of(date(2019, 6, 30), to=date(2019, 12, 31), area="Farsta", area_kind="stadsdel")
    assert from_query(filters.to_query(), OPTIONS) == (filters, [])


@pytest.mark.parametrize("params, expected", [
    # the placements indicator binds every shared filter it takes
    ({"as_of": date(2019, 6, 30), "from": date(2019, 1, 1), "to": date(2019, 6, 30), "area": "Farsta",
      "unit_type": None, "area_kind": None}, "Område: Farsta; alla förvaltningstyper; alla enhetstyper; "
                                             "period 2019-01-01–2019-06-30; datum 2019-06-30"),
    # a block that takes only the date says the set area does not apply to it
    ({"as_of": date(2019, 6, 30)}, "datum 2019-06-30; Farsta gäller inte här (hela staden)"),
    ({"as_of": date(2019, 6, 30), "target": 3, "area": "Farsta", "unit_type": None},
     "Område: Farsta; alla enhetstyper; datum 2019-06-30; mål 3 per enhet"),
])
def test_a_block_caption_is_made_from_what_its_query_was_bound_with(params, expected):
    filters = ViewFilters.of(date(2019, 6, 30), area="Farsta")
    assert describe_binding(params, filters) == expected
