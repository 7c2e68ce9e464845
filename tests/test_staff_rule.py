"""The rule for staff data (issue 28): absences and working time per unit or area only behind at least k supporters,
with no hidden figure recoverable from the published city total, complements or filters.

By hand from the documents: 004 (December 2019) says Aktivitetshuset's peer supporter "arbetade fram tills mars
2019 varpå hen blev sjukskriven"; Aktivitetshuset has that one supporter, and no unit in the documents has more than
two. So on 2019-06-30 one person is absent in the whole programme, and every unit's absence is hidden from anyone
but a förvaltare (k = 3); on 2020-06-11 no placement covers the date and nothing is absent.
"""

import csv
import html
import io
import re
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import indicators, staff
from dashboard.base import formatting as fmt
from dashboard.brief import pack as brief
from dashboard.brief.files import brief_file
from dashboard.params import ParameterError
from tests.test_roles import app

ROOT = Path(__file__).resolve().parent.parent
AREAS = ("Farsta", "Södermalm", "Östermalm", "Socialförvaltningen", "Arbetsmarknadsförvaltningen")
PLACEMENT_PERIODS = {"2019-06-30": ("2019-01-01", "2019-06-30"), "2020-06-11": ("2020-01-01", "2020-06-11")}


@pytest.mark.parametrize("behind, hidden", [
    ({"A": 1, "B": 5, "C": 4}, {"A", "C"}),      # one small row: the next smallest joins it (the total gives A + C)
    ({"A": 2, "B": 2, "C": 6}, {"A", "B"}),      # two small rows behind four people: enough
    ({"A": 1, "B": 1, "C": 6}, {"A", "B", "C"}),  # two people only: C must go too
    ({"A": 3, "B": 4}, set()),
])
def test_hidden_rows_always_number_two_and_k_people(behind, hidden):
    city = pd.DataFrame({"area": list(behind), "supporters_min": list(behind.values())})
    assert {key for (key,) in staff.hidden_rows(city, "placements_per_stadsdel", 3)} == hidden


def bounds(hidden_upper: list[float], remainder: float) -> list[tuple[float, float]]:
    """Each hidden cell's least and greatest value given the others' upper bounds and what they sum to."""
    total_upper = sum(hidden_upper)
    return [(max(0.0, remainder - (total_upper - upper)), min(upper, remainder)) for upper in hidden_upper]


def recoverable(frame, name: str, total: float | None) -> list:
    """The hidden rows whose staff figure follows from the published city total and the shown rows."""
    if not total or not frame[staff.FLAG].any():   # a total of nothing is not shown (Översikt says nothing)
        return []
    upper_column = {"supporters_per_unit": "supporters_max", "placements_per_stadsdel": "supporters"}[name]
    hidden = frame[frame[staff.FLAG]]
    shown = frame[~frame[staff.FLAG]]
    uppers = [1e9 if pd.isna(u) else float(u) for u in hidden[upper_column]]
    found = bounds(uppers, total - float(shown["absent"].fillna(0).sum()))
    return [row for row, (low, high) in zip(hidden.itertuples(), found) if low == high]


@pytest.mark.parametrize("as_of", ["2019-06-30", "2020-06-11"])
@pytest.mark.parametrize("name", ["supporters_per_unit", "placements_per_stadsdel"])
def test_no_hidden_figure_is_recoverable_from_totals_or_filters(as_of, name):
    params = {"as_of": as_of}
    if name == "placements_per_stadsdel":
        params.update(zip(("from", "to"), PLACEMENT_PERIODS[as_of]))
    city = indicators.run(name, **params)
    assert recoverable(city, name, city.attrs["staff_totals"]["absent"]) == []
    published = {row.area: row.absent for row in city.itertuples() if not getattr(row, staff.FLAG)}
    for area in AREAS:   # a filter shows no cell the whole city hides ('city minus all other areas')
        filtered = indicators.run(name, **params, area=area)
        for row in filtered.itertuples():
            if not getattr(row, staff.FLAG):
                assert published.get(row.area) == row.absent, (area, row)
            else:
                assert row.absent is None and row.area not in published


def test_one_absent_person_is_hidden_per_unit_and_counted_for_the_city():
    units = indicators.run("supporters_per_unit", as_of="2019-06-30").set_index("unit")
    assert units[staff.FLAG].all() and units["absent"].isna().all()
    assert units.attrs["staff_totals"]["absent"] == 1
    detail = indicators.run("supporters_per_unit", as_of="2019-06-30", staff_detail=True).set_index("unit")
    assert detail.loc["Aktivitetshuset", "absent"] == 1


@pytest.mark.parametrize("value", ["2", "0", "-1"])
def test_the_threshold_is_never_lowered_from_the_command_line(cli, value):
    result = cli("indicator", "supporters_per_unit", "--param", f"staff_threshold={value}")
    assert result.returncode == 2 and "staff_threshold" in result.stderr
    with pytest.raises(ParameterError):
        indicators.run("supporters_per_unit", staff_threshold=value)
    assert indicators.run("supporters_per_unit", staff_threshold="4").attrs["params"]["staff_threshold"] == 4


def test_a_lower_setting_is_ignored(monkeypatch):
    monkeypatch.setenv("PEER_STAFF_THRESHOLD", "1")
    assert indicators.run("supporters_per_unit").attrs["params"]["staff_threshold"] == 3


def page_text(test: AppTest) -> str:
    return " ".join([h.proto.body for h in test.get("html")] + [e.value for e in test.warning])


@pytest.mark.parametrize("email, sees", [("lasare@stad.se", False), ("planerare@stad.se", False),
                                         ("forvaltare@stad.se", True)])
def test_only_a_forvaltare_sees_who_is_absent(email, sees):
    """Översikt's alert and Enheter's table at 2019-06-30, as each role; the caches are shared by all sessions,
    so the roles run one after another in this process, a förvaltare first and last."""
    for who in ("forvaltare@stad.se", email, "forvaltare@stad.se"):
        overview = app("pages/oversikt.py", who, as_of="2019-06-30")
        alerts = " ".join(w.value for w in overview.warning)
        detail = who == "forvaltare@stad.se" or sees
        assert (fmt.plain("frånvarande: Aktivitetshuset") in alerts) == detail, who
        assert ("frånvarande i hela programmet" in alerts) == (not detail), who
        units = page_text(app("pages/enheter.py", who, as_of="2019-06-30"))
        assert (f">{fmt.SUPPRESSED}<" in units) == (not detail), who


@pytest.mark.parametrize("as_of", [date(2019, 6, 30), date(2020, 6, 11)])
def test_the_board_pack_applies_the_rule_in_every_format(as_of):
    content = brief.build_brief(as_of, ("supporters_per_unit", "placements_per_stadsdel"), render_charts=False)
    for suffix in (".html", ".md"):
        text = brief_file(content, suffix).decode("utf-8")
        assert staff.RULE_NAME in text
    frames = [s.table for s in content.sections if s.name in ("supporters_per_unit", "placements_per_stadsdel")]
    for table in frames:
        for column in ("Frånvarande", "Heltidsandelar (kända)"):
            if column in table:
                assert set(table[column]) <= {fmt.SUPPRESSED}, (column, table[column].tolist())


PAGES = sorted(p.name for p in (ROOT / "pages").glob("*.py"))
STAFF_HEADERS = ("Frånvarande", "Heltidsandelar (kända)", "Placeringar utan känd arbetstid")


RECORD_FIELD = re.compile(r"<dt>(.*?)</dt><dd>(.*?)</dd>")


def staff_cells(body: str) -> list[tuple[str, str]]:
    """(header, value) of every staff cell in a table laid out as a table or as a list of records (html_table)."""
    cells = [(html.unescape(h), html.unescape(v)) for h, v in RECORD_FIELD.findall(body) if h in STAFF_HEADERS]
    if "<table" in body:
        for table in pd.read_html(io.StringIO(body), flavor="lxml"):
            cells += [(h, str(v)) for h in STAFF_HEADERS if h in table.columns for v in table[h]]
    return cells


@pytest.mark.parametrize("who", ["lasare@stad.se", "planerare@stad.se"])
@pytest.mark.parametrize("as_of", ["2019-06-30", "2020-06-11"])
@pytest.mark.parametrize("page", PAGES)
def test_no_page_shows_a_reader_a_staff_figure_per_unit_or_area(page, as_of, who):
    """Every table a läsare or a planerare sees on every page: a staff column holds only `..` or `–` (no unit or
    area in the documents has three supporters), and no alert names a unit with an absence. (As a förvaltare,
    Översikt, Enheter and Placeringar on 2019-06-30 fail this: they show Aktivitetshuset's or Södermalm's
    absence.)"""
    test = app(f"pages/{page}", who, as_of=as_of, **{"from": as_of[:4] + "-01-01"})
    assert not test.exception, [e.value for e in test.exception]
    for element in test.get("html"):
        for header, value in staff_cells(element.proto.body):
            assert value in (fmt.SUPPRESSED, fmt.MISSING), (page, header, value)
    assert not [w.value for w in test.warning if "frånvarande:" in w.value.replace("\\", "")], page


@pytest.mark.parametrize("as_of", ["2019-06-30", "2020-06-11"])
def test_every_export_format_writes_the_hidden_cells_as_suppressed(as_of):
    """The page's three downloads and the command line's CSV and JSON of the units at both dates."""
    import json

    from dashboard import columns, export
    from dashboard.cli.main import _render

    frame = indicators.run("supporters_per_unit", as_of=as_of)
    table = columns.export_frame(frame)
    assert set(table["Frånvarande"]) <= {fmt.SUPPRESSED}
    written = list(csv.DictReader(io.StringIO(export.csv_excel_sv(table).decode("utf-8-sig")), delimiter=";"))
    assert len(written) == len(frame) and {row["Frånvarande"] for row in written} <= {fmt.SUPPRESSED}
    book = openpyxl.load_workbook(io.BytesIO(export.xlsx(table, {"Personaluppgifter": staff.rule_text(3)})))
    header = [c.value for c in book["Data"][1]]
    assert {row[header.index("Frånvarande")] for row in book["Data"].iter_rows(min_row=2, values_only=True)} \
        <= {fmt.SUPPRESSED}
    for row in json.loads(_render(frame, "json"))["rows"]:
        assert row["absent"] is None and row[staff.FLAG] is True
