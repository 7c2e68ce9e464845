"""Files for the reliability suite: valid rows of every kind, hand-made hostile and careless files (with the ones
issue 17 names), and seeded mutations of valid files.

Every case is (id, kind, file name, bytes, expected exit status of `import --dry-run`): 0 the file validates,
1 it is rejected. No case may end in 2 (usage) or 3 (internal error).
"""

import io
import random
import re
import zipfile

import openpyxl

from dashboard.imports.kinds import KINDS

# One valid row per kind, against the shipped seeds (P30 is a new supporter code; U_FAR exists).
VALID = {
    "units": ["U_NY", "Träffpunkten", "träfflokal", "Farsta", "Farsta stadsdelsförvaltning"],
    "placements": ["PL_R1", "P30", "U_FAR", "2021-01-01", "2021-12-31", "0,5", "", "", ""],
    "agreements": ["FA2022", "1.5.1–1/2021", "Socialnämnden", "3 500 000", "2022-01-01", "2022-12-31", "beslutad",
                   "2021-11-30"],
    "survey_responses": ["PO2019", "R900", "PO2019-Q2-1"],
    "recommendation_status": ["R2-4", "pågående", "2021-03-01", "Två nya peer supportrar rekryteras."],
}


def headers(kind: str) -> list[str]:
    return KINDS[kind].headers


def csv_bytes(kind: str, rows: list[list[str]], sep: str = ";", encoding: str = "utf-8-sig",
              header: list[str] | None = None) -> bytes:
    lines = [sep.join(header or headers(kind))] + [sep.join(row) for row in rows]
    return ("\n".join(lines) + "\n").encode(encoding)


def xlsx_bytes(kind: str, rows: list[list], hidden_first: list[list] | None = None) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    if hidden_first is not None:
        sheet.title = "Gammalt"
        for row in hidden_first:
            sheet.append(row)
        sheet.sheet_state = "hidden"
        sheet = book.create_sheet("Data")
    sheet.append(headers(kind))
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def row(kind: str, **changes) -> list[str]:
    values = list(VALID[kind])
    for header, value in changes.items():
        values[headers(kind).index(header)] = value
    return values


def _rezip(data: bytes, change) -> bytes:
    """An .xlsx with each part passed through `change(name, content) -> content`."""
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            out.writestr(item.filename, change(item.filename, source.read(item.filename)))
    return target.getvalue()


def _sheet(name: str) -> bool:
    return name.startswith("xl/worksheets/sheet")


def _zip_bomb() -> bytes:
    """A few hundred kB that unpack to over 50 MB: a sheet padded with spaces."""
    padded = lambda name, content: content.replace(b"<sheetData>", b"<sheetData>" + b" " * 60_000_000) \
        if _sheet(name) else content  # noqa: E731
    return _rezip(xlsx_bytes("units", [VALID["units"]]), padded)


def _broken_stream() -> bytes:
    """A valid archive directory over a sheet whose compressed bytes are garbage (zlib fails while reading)."""
    data = bytearray(xlsx_bytes("units", [VALID["units"]]))
    start = data.find(b"xl/worksheets/sheet1.xml") + 60
    data[start:start + 40] = bytes(range(40))
    return bytes(data)


def _array_formula() -> bytes:
    from openpyxl.worksheet.formula import ArrayFormula

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headers("units"))
    sheet.append(["U_NY", None, "träfflokal", "Farsta", "Farsta sdf"])
    sheet["B2"] = ArrayFormula("B2", "=UPPER(A2)")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _error_cell() -> bytes:
    return xlsx_bytes("units", [row("units", Namn="#REF!")])   # openpyxl stores an error code as an error cell


def _one_supporter(placements: int) -> bytes:
    """`placements` consecutive half-time placements of one supporter, each a month: valid, and a test of the
    working-time check's speed."""
    rows = []
    for index in range(placements):
        year, month = 2021 + index // 12, index % 12 + 1
        rows.append(row("placements", **{"Placerings-id": f"PL_S{index}", "Startdatum": f"{year}-{month:02d}-01",
                                         "Slutdatum": f"{year}-{month:02d}-28"}))
    return csv_bytes("placements", rows)


def _workbook(kind: str, rows: list[list], change=None) -> bytes:
    """An .xlsx of one sheet, passed through `change(sheet)` before it is saved."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headers(kind))
    for values in rows:
        sheet.append(values)
    if change:
        change(sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _stale_dimension(rows: list[list]) -> bytes:
    """A sheet whose `<dimension>` says it ends at row 2, as some programs leave it, over more rows than that:
    openpyxl's read-only mode used to stop at row 2 and import the rest unseen."""
    stale = lambda name, content: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:E2"', content) \
        if _sheet(name) else content  # noqa: E731
    return _rezip(xlsx_bytes("units", rows), stale)


def _hide_row(number: int, filtered: bool = False):
    def change(sheet):
        sheet.row_dimensions[number].hidden = True
        if filtered:   # as Excel saves a filter: the range, the kept values, and the rows it leaves out hidden
            sheet.auto_filter.ref = f"A1:E{sheet.max_row}"
            sheet.auto_filter.add_filter_column(0, [sheet.cell(2, 1).value])
    return change


def _active_not_first() -> bytes:
    """The first sheet (visible) holds last year's list under other headers; the second, the one the user left
    active and sees on opening, holds the data."""
    book = openpyxl.Workbook()
    old = book.active
    old.title = "Förra året"
    old.append(["Id", "Namn"])
    old.append(["U_GAMMAL", "Gammal träffpunkt"])
    sheet = book.create_sheet("Att importera")
    sheet.append(headers("units"))
    sheet.append(VALID["units"])
    book.active = 1
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _active_sheet_hidden() -> bytes:
    """A workbook whose active tab is a hidden sheet (Excel never saves one; another program can)."""
    data = xlsx_bytes("units", [VALID["units"]], hidden_first=[headers("units"), VALID["units"]])
    return _rezip(data, lambda name, content: content.replace(b'activeTab="1"', b'activeTab="0"')
                  if name == "xl/workbook.xml" else content)


def _mixed_encodings() -> bytes:
    """A UTF-8 file to which rows were appended by a program writing Windows-1252."""
    return csv_bytes("units", [VALID["units"]], encoding="utf-8") + \
        ";".join(row("units", **{"Enhets-id": "U_CAFE", "Namn": "Café Söder"})).encode("cp1252") + b"\n"


def _names(kind: str, header: str, values: dict[str, str]) -> list[tuple[str, str, str, bytes, int]]:
    """One refused CSV case per (id suffix, value) in `header`, the rest of the row valid."""
    extension = {"units": "u", "placements": "p", "survey_responses": "s"}[kind]
    return [(name, kind, f"{extension}.csv", csv_bytes(kind, [row(kind, **{header: value})]), 1)
            for name, value in values.items()]


def issue_22() -> list[tuple[str, str, str, bytes, int]]:
    """Issue 22's files (items 2, 4, 5, 6, 11, 13, 14): every row read, text that breaks renderers or deceives
    readers refused."""
    units, placements, responses = "units", "placements", "survey_responses"
    personnummer = row(units, **{"Enhets-id": "U_PNR", "Namn": "Kontakt 850101-1234"})
    formula = row(units, **{"Enhets-id": "U_FORMEL", "Namn": "=1+1"})
    wide = lambda sheet: sheet.cell(2, 60, "dold uppgift")  # noqa: E731
    return [
        ("xlsx-stale-dimension-bad-rows", units, "u.xlsx", _stale_dimension([VALID[units], personnummer, formula]), 1),
        ("xlsx-stale-dimension-valid", units, "u.xlsx", _stale_dimension([
            VALID[units], row(units, **{"Enhets-id": "U_NY2"}), row(units, **{"Enhets-id": "U_NY3"})]), 0),
        ("xlsx-value-in-column-60", units, "u.xlsx", _workbook(units, [VALID[units]], wide), 1),
        ("csv-value-in-column-60", units, "u.csv", csv_bytes(units, [VALID[units] + [""] * 54 + ["dold uppgift"]]), 1),
        ("short-row-required-missing", units, "u.csv", csv_bytes(units, [VALID[units][:4]]), 1),
        ("short-row-optional-missing", placements, "p.csv", csv_bytes(placements, [VALID[placements][:4]]), 0),
        *_names(units, "Namn", {"name-u-fffe": "Träff\ufffepunkten", "name-u-ffff": "Träffpunkten\uffff Farsta",
                                "name-u-fdd0": "Träff\ufdd0punkten", "name-line-feed": '"Träff\npunkten"',
                                "name-bare-cr": '"Träff\rpunkten | Farsta"', "name-tab": "Träff\tpunkten",
                                "name-right-to-left-override": "Träff\u202epunkten",
                                "name-zero-width-space": "Träff\u200bpunkten", "name-line-separator": "Träff\u2028x",
                                "name-private-use": "Träff\ue000punkten", "name-u-fffd": "Caf\ufffd Söder"}),
        *_names(placements, "Peer supporter (kod)", {"supporter-full-width-digits": "P３１",
                                                     "supporter-cyrillic-letter": "\u0420" + "31"}),
        *_names(placements, "Enhets-id", {"unit-id-cyrillic": "U_F\u0410R", "unit-id-zero-width": "U_FAR\u200b"}),
        *_names(units, "Enhets-id", {"new-unit-id-cyrillic": "U_N\u0423", "new-unit-id-full-width": "Ｕ_ＮＹ"}),
        *_names(responses, "Respondent", {"respondent-full-width-digits": "R９００"}),
        ("xlsx-hidden-row", units, "u.xlsx", _workbook(units, [
            VALID[units], row(units, **{"Enhets-id": "U_DOLD"})], _hide_row(3)), 1),
        ("xlsx-row-hidden-by-filter", units, "u.xlsx", _workbook(units, [
            VALID[units], row(units, **{"Enhets-id": "U_FILTRERAD"})], _hide_row(3, filtered=True)), 1),
        ("xlsx-active-sheet-not-first", units, "u.xlsx", _active_not_first(), 0),
        ("xlsx-active-sheet-hidden", units, "u.xlsx", _active_sheet_hidden(), 1),
        ("xlsx-sheet-name-right-to-left", units, "u.xlsx",
         _workbook(units, [VALID[units]], lambda sheet: setattr(sheet, "title", "Data\u202e")), 1),
        ("xlsx-boolean-cell", units, "u.xlsx", xlsx_bytes(units, [row(units, Namn=True)]), 1),
        ("date-3-4-2021", placements, "p.csv", csv_bytes(placements, [row(placements, Startdatum="3/4/2021")]), 1),
        ("date-13-4-2021", placements, "p.csv", csv_bytes(placements, [row(placements, Startdatum="13/4/2021")]), 0),
        ("date-dotted-1-3-2021", placements, "p.csv", csv_bytes(placements, [row(placements, Startdatum="1.3.2021")]),
         0),
        ("mixed-utf8-and-cp1252", units, "u.csv", _mixed_encodings(), 1),
        ("cp1252-valid", units, "u.csv", csv_bytes(units, [row(units, Namn="Café Söder")], encoding="cp1252"), 0),
    ]


def hand_made() -> list[tuple[str, str, str, bytes, int]]:
    units, placements, agreements, responses, statuses = (
        "units", "placements", "agreements", "survey_responses", "recommendation_status")
    cases = [
        # --- issue 17's files, as regression cases
        ("open-ended-placement-with-share", placements, "p.csv",
         csv_bytes(placements, [row(placements, Slutdatum="")]), 0),
        ("bom-then-invalid-utf8", units, "u.csv", b"\xef\xbb\xbf" + csv_bytes(units, [VALID[units]], encoding="utf-8")
         + b"\xff\xfe\xfa", 1),
        ("xlsx-broken-xml", units, "u.xlsx", _rezip(xlsx_bytes(units, [VALID[units]]),
                                                    lambda n, c: c[: len(c) // 2] if _sheet(n) else c), 1),
        ("xlsx-corrupt-stream", units, "u.xlsx", _broken_stream(), 1),
        ("amount-inf", agreements, "a.csv", csv_bytes(agreements, [row(agreements, **{"Belopp (kr)": "inf"})]), 1),
        ("amount-1e30", agreements, "a.csv", csv_bytes(agreements, [row(agreements, **{"Belopp (kr)": "1e30"})]), 1),
        ("amount-10-to-15", agreements, "a.csv",
         csv_bytes(agreements, [row(agreements, **{"Belopp (kr)": "1000000000000000"})]), 1),
        ("unit-with-placements-changed", units, "u.csv",
         csv_bytes(units, [["U_SOD_AKT", "Aktivitetshuset Söder", "aktivitetshus", "Södermalm", "Södermalms sdf"]]), 0),
        ("xlsx-zip-bomb", units, "u.xlsx", _zip_bomb(), 1),
        ("working-time-500-rows", placements, "p.csv", _one_supporter(500), 0),
        ("nul-after-4-kib", units, "u.csv", csv_bytes(units, [row(units, Namn="x" * 20)] * 200)
         + csv_bytes(units, [row(units, **{"Enhets-id": "U_NUL", "Namn": "a\x00b"})])[60:], 1),
        ("escape-in-name", units, "u.csv", csv_bytes(units, [row(units, Namn="Träff\x1b[31mpunkten")]), 1),
        ("long-unbroken-word", units, "u.csv", csv_bytes(units, [row(units, Namn="Å" * 250)]), 0),
        ("respondent-personnummer", responses, "s.csv",
         csv_bytes(responses, [row(responses, Respondent="19850101-1234")]), 1),
        ("respondent-name", responses, "s.csv", csv_bytes(responses, [row(responses, Respondent="Anna Andersson")]), 1),
        ("supporter-initials-and-year", placements, "p.csv",
         csv_bytes(placements, [row(placements, **{"Peer supporter (kod)": "AS1975"})]), 1),
        ("comment-names-a-diagnosis", statuses, "r.csv",
         csv_bytes(statuses, [row(statuses, Kommentar="Anna har schizofreni och är sjukskriven.")]), 1),
        ("date-year-1", placements, "p.csv", csv_bytes(placements, [row(placements, Startdatum="0001-01-01")]), 1),
        ("date-year-9999", placements, "p.csv", csv_bytes(placements, [row(placements, Slutdatum="9999-12-31")]), 1),
        ("absence-ends-years-after", placements, "p.csv", csv_bytes(placements, [row(
            placements, **{"Frånvaro från": "2021-03-01", "Frånvaro till": "2029-03-01",
                           "Frånvaroslag": "sjukskrivning"})]), 1),
        ("absence-end-without-start", placements, "p.csv",
         csv_bytes(placements, [row(placements, **{"Frånvaro till": "2021-03-01"})]), 1),
        ("xlsx-array-formula", units, "u.xlsx", _array_formula(), 1),
        ("xlsx-ref-error-cell", units, "u.xlsx", _error_cell(), 1),
        ("xlsx-hidden-first-sheet", units, "u.xlsx",
         xlsx_bytes(units, [VALID[units]], hidden_first=[["Gammal", "kolumn"], ["x", "y"]]), 0),
        ("single-choice-answered-twice", responses, "s.csv", csv_bytes(responses, [
            row(responses, **{"Svarsalternativ-id": "PO2019-Q4-1"}),
            row(responses, **{"Svarsalternativ-id": "PO2019-Q4-2"})]), 1),
        ("supporter-twice-in-a-unit", placements, "p.csv", csv_bytes(placements, [
            row(placements), row(placements, **{"Placerings-id": "PL_R2", "Startdatum": "2021-06-01",
                                                "Arbetstid (andel av heltid)": "0,2"})]), 1),
        ("cells-beyond-the-header", units, "u.csv", csv_bytes(units, [VALID[units] + ["överbliven"]]), 1),
        ("utf16-file", units, "u.csv", b"\xff\xfe" + csv_bytes(units, [VALID[units]], encoding="utf-16-le"), 0),
        ("field-larger-than-limit", units, "u.csv",
         csv_bytes(units, [row(units, Namn='"' + "x" * 200_000)]), 1),
        ("pk-but-not-zip", units, "u.xlsx", b"PK\x03\x04" + b"\x00" * 200, 1),
        ("two-previews-over-full-time", placements, "p.csv", csv_bytes(placements, [
            row(placements, **{"Arbetstid (andel av heltid)": "0,6"}),
            row(placements, **{"Placerings-id": "PL_R2", "Enhets-id": "U_OST", "Arbetstid (andel av heltid)": "0,6"})]),
         1),
        # --- careless and broken files of every kind
        ("empty", units, "u.csv", b"", 1),
        ("whitespace", placements, "p.csv", b"  \n\t\n", 1),
        ("binary", agreements, "a.csv", bytes(range(256)) * 40, 1),
        ("pdf-renamed", responses, "s.pdf", b"%PDF-1.7\n...", 1),
        ("no-extension", statuses, "status", csv_bytes(statuses, [VALID[statuses]]), 1),
        ("xlsx-named-csv", units, "u.csv", xlsx_bytes(units, [VALID[units]]), 1),
        ("csv-named-xlsx", units, "u.xlsx", csv_bytes(units, [VALID[units]]), 1),
        ("over-5-mb", placements, "p.csv", b"x;" * (3 * 1024 * 1024), 1),
        ("over-20000-rows", responses, "s.csv",
         csv_bytes(responses, [row(responses, Respondent=f"R{i}") for i in range(20_001)]), 1),
        ("headers-only", agreements, "a.csv", csv_bytes(agreements, []), 1),
        ("tab-separated", statuses, "r.csv", csv_bytes(statuses, [VALID[statuses]], sep="\t"), 1),
        ("english-headers", units, "u.csv", csv_bytes(units, [VALID[units]],
                                                      header=["id", "name", "type", "area", "owner"]), 1),
        ("duplicate-header", units, "u.csv", csv_bytes(units, [VALID[units] + ["x"]],
                                                       header=headers(units) + ["Namn"]), 1),
        ("missing-required-column", agreements, "a.csv",
         csv_bytes(agreements, [VALID[agreements][1:]], header=headers(agreements)[1:]), 1),
        ("unknown-area", units, "u.csv", csv_bytes(units, [row(units, Område="Atlantis")]), 1),
        ("unknown-unit-type", units, "u.csv", csv_bytes(units, [row(units, Enhetstyp="simhall")]), 1),
        ("formula-equals", units, "u.csv", csv_bytes(units, [row(units, Namn='=HYPERLINK("https://x","Klicka")')]), 1),
        ("formula-plus", units, "u.csv", csv_bytes(units, [row(units, Namn="+1+1")]), 1),
        ("formula-at", units, "u.csv", csv_bytes(units, [row(units, Namn="@SUM(A1)")]), 1),
        ("formula-minus-text", units, "u.csv", csv_bytes(units, [row(units, Namn="-2+3")]), 1),
        ("xlsx-formula-cell", units, "u.xlsx", xlsx_bytes(units, [row(units, Namn="=1+1")]), 1),
        ("text-over-500", units, "u.csv", csv_bytes(units, [row(units, Namn="ord " * 150)]), 1),
        ("impossible-date", placements, "p.csv", csv_bytes(placements, [row(placements, Startdatum="2021-02-30")]), 1),
        ("end-before-start", placements, "p.csv", csv_bytes(placements, [row(placements, Slutdatum="2020-06-30")]), 1),
        ("share-above-one", placements, "p.csv",
         csv_bytes(placements, [row(placements, **{"Arbetstid (andel av heltid)": "150 %"})]), 1),
        ("share-nan", placements, "p.csv",
         csv_bytes(placements, [row(placements, **{"Arbetstid (andel av heltid)": "nan"})]), 1),
        ("unknown-unit", placements, "p.csv", csv_bytes(placements, [row(placements, **{"Enhets-id": "U_X"})]), 1),
        ("absence-kind-unknown", placements, "p.csv", csv_bytes(placements, [row(
            placements, **{"Frånvaro från": "2021-03-01", "Frånvaroslag": "semester"})]), 1),
        ("duplicate-key", agreements, "a.csv", csv_bytes(agreements, [VALID[agreements]] * 2), 1),
        ("negative-amount", agreements, "a.csv", csv_bytes(agreements, [row(agreements, **{"Belopp (kr)": "-1"})]), 1),
        # --- issue 22, item 12: an agreement of '3,5' (meant mnkr) was stored as 4 kr
        ("amount-3,5-meant-mnkr", agreements, "a.csv",
         csv_bytes(agreements, [row(agreements, **{"Belopp (kr)": "3,5"})]), 1),
        ("amount-one-krona", agreements, "a.csv", csv_bytes(agreements, [row(agreements, **{"Belopp (kr)": "1"})]), 1),
        ("amount-zero", agreements, "a.csv", csv_bytes(agreements, [row(agreements, **{"Belopp (kr)": "0"})]), 1),
        ("amount-minus-zero", agreements, "a.csv",
         csv_bytes(agreements, [row(agreements, **{"Belopp (kr)": "-0"})]), 1),
        ("amount-in-mnkr-valid", agreements, "a.csv",
         csv_bytes(agreements, [row(agreements, **{"Belopp (kr)": "3,5 mnkr"})]), 0),
        ("amount-with-exponent-text", agreements, "a.csv",
         csv_bytes(agreements, [row(agreements, **{"Belopp (kr)": "3,5e6"})]), 1),
        ("status-unknown", agreements, "a.csv", csv_bytes(agreements, [row(agreements, Status="klar")]), 1),
        ("period-reversed", agreements, "a.csv",
         csv_bytes(agreements, [row(agreements, **{"Period från": "2022-12-31", "Period till": "2022-01-01"})]), 1),
        ("unknown-survey", responses, "s.csv", csv_bytes(responses, [row(responses, **{"Enkät-id": "XX"})]), 1),
        ("option-of-another-question", responses, "s.csv",
         csv_bytes(responses, [row(responses, **{"Svarsalternativ-id": "PO2019-Q9-1"})]), 1),
        ("unknown-recommendation", statuses, "r.csv",
         csv_bytes(statuses, [row(statuses, **{"Rekommendation-id": "R9-9"})]), 1),
        ("status-not-allowed", statuses, "r.csv", csv_bytes(statuses, [row(statuses, Status="klar")]), 1),
        ("comment-personnummer", statuses, "r.csv",
         csv_bytes(statuses, [row(statuses, Kommentar="Kontakt: 850101-1234")]), 1),
        ("latin1-with-bad-date", units, "u.csv",
         csv_bytes(units, [row(units, Namn="Café Söder")], encoding="cp1252").replace(b"Farsta", b"Farsta\x81"), 1),
        ("comma-separated-valid", statuses, "r.csv",
         csv_bytes(statuses, [row(statuses, Kommentar="Två nya")], sep=","), 0),
        ("swedish-date-valid", placements, "p.csv",
         csv_bytes(placements, [row(placements, Startdatum="1 mars 2021")]), 0),
        ("xlsx-valid", agreements, "a.xlsx", xlsx_bytes(agreements, [VALID[agreements]]), 0),
        *issue_22(),
    ]
    return cases


MUTATIONS = ("flip", "insert", "delete", "truncate", "duplicate-line", "swap-separator", "control", "quote",
             "formula", "long", "unicode", "blank-cell", "swap-cells")


def mutate(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    """One to three seeded mutations of a valid CSV file's bytes."""
    names = []
    for _ in range(rng.randint(1, 3)):
        name = rng.choice(MUTATIONS)
        names.append(name)
        data = _mutation(name, data, rng)
    return "+".join(names), data


def _mutation(name: str, data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1) if data else 0
    lines = data.split(b"\n")
    if name == "flip" and data:
        return data[:at - 1] + bytes([rng.randrange(256)]) + data[at:]
    if name == "insert":
        return data[:at] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 8))) + data[at:]
    if name == "delete":
        return data[:at] + data[at + rng.randint(1, 20):]
    if name == "truncate":
        return data[:at]
    if name == "duplicate-line" and len(lines) > 1:
        index = rng.randrange(len(lines))
        return b"\n".join(lines[:index + 1] + [lines[index]] + lines[index + 1:])
    if name == "swap-separator":
        return data.replace(b";", rng.choice([b",", b"\t", b"|", b";;"]))
    if name == "control":
        return data[:at] + bytes([rng.choice([0, 7, 8, 11, 12, 27, 127])]) + data[at:]
    if name == "quote":
        return data[:at] + b'"' + data[at:]
    if name == "formula":
        return data[:at] + rng.choice([b"=", b"+", b"@", b"-", b"=cmd|' /C calc'!A0;"]) + data[at:]
    if name == "long":
        return data[:at] + b"x" * rng.choice([600, 5000, 150_000]) + data[at:]
    if name == "unicode":
        return data[:at] + rng.choice(["\u202e", "\u2028", "😀", "\ufeff", "ÅÄÖ", "\u0301"]).encode() + data[at:]
    if name == "blank-cell":
        return data.replace(b";", b";;", 1) if rng.random() < 0.5 else data.replace(b";", b"", 1)
    if name == "swap-cells" and len(lines) > 1:
        cells = lines[1].split(b";")
        rng.shuffle(cells)
        return b"\n".join([lines[0], b";".join(cells), *lines[2:]])
    return data


def fuzzed(count: int, seed: int = 17) -> list[tuple[str, str, str, bytes]]:
    """`count` seeded mutations, spread over the kinds, of files with two valid rows each."""
    rng, cases = random.Random(seed), []
    second = {"units": row("units", **{"Enhets-id": "U_NY2"}), "placements": row("placements", **{
        "Placerings-id": "PL_R2", "Enhets-id": "U_OST"}),
        "agreements": row("agreements", **{"Överenskommelse-id": "FA2023", "Period från": "2023-01-01",
                                           "Period till": "2023-12-31"}),
        "survey_responses": row("survey_responses", Respondent="R901"),
        "recommendation_status": row("recommendation_status", Datum="2021-06-01")}
    kinds = list(VALID)
    for index in range(count):
        kind = kinds[index % len(kinds)]
        name, data = mutate(csv_bytes(kind, [VALID[kind], second[kind]]), rng)
        cases.append((f"{index:04d}-{kind}-{name}", kind, f"{kind}.csv", data))
    return cases
