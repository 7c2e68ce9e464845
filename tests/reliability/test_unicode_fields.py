"""Every Unicode general category (one or more code points for each, and the noncharacters) in every field of every
kind of import, through real CSV files: what can break a renderer or deceive a reader is refused with the row, the
column and the character's code point, name and place; letters, marks, numbers, punctuation, symbols and spaces
pass in names and free text; codes and ids take ASCII only."""

import csv
import io

import pandas as pd
import pytest

from dashboard.imports import run as importer
from dashboard.imports.kinds import KINDS
from dashboard.imports.table import Table
from dashboard.imports.validate import References, validate
from tests.reliability.corpus import VALID

pytestmark = pytest.mark.reliability

# (category, code point, words the message must hold besides the code point): Unicode's name where the character
# has one, else what it does in Swedish.
REFUSED = [
    ("Cc", "\x07", "styrtecken"), ("Cc", "\t", "tabb"), ("Cc", "\n", "radbrytning"), ("Cc", "\r", "radbrytning"),
    ("Cc", "\x1b", "styrtecken"), ("Cc", "\x85", "radbrytning"), ("Cc", "\x7f", "styrtecken"),
    ("Cf", "\u00ad", "SOFT HYPHEN, osynligt formateringstecken"), ("Cf", "\u200b", "ZERO WIDTH SPACE"),
    ("Cf", "\u200d", "ZERO WIDTH JOINER"), ("Cf", "\u2060", "WORD JOINER"),
    ("Cf", "\ufeff", "ZERO WIDTH NO-BREAK SPACE"), ("Cf", "\u200e", "LEFT-TO-RIGHT MARK, styr textriktning"),
    ("Cf", "\u202e", "RIGHT-TO-LEFT OVERRIDE, styr textriktning"),
    ("Cf", "\u2067", "RIGHT-TO-LEFT ISOLATE, styr textriktning"), ("Cf", "\u061c", "ARABIC LETTER MARK, styr"),
    ("Cf", "\U000e0041", "TAG LATIN CAPITAL LETTER A"),
    ("Co", "\ue000", "tecken för privat bruk"), ("Co", "\U000f0000", "tecken för privat bruk"),
    ("Cn", "\u0378", "tecken som inte finns i Unicode"), ("Zl", "\u2028", "LINE SEPARATOR, radbrytning"),
    ("Zp", "\u2029", "PARAGRAPH SEPARATOR, styckebrytning"),
    ("noncharacter", "\ufdd0", "icke-tecken"), ("noncharacter", "\ufdef", "icke-tecken"),
    ("noncharacter", "\ufffe", "icke-tecken"), ("noncharacter", "\uffff", "icke-tecken"),
    ("noncharacter", "\U0001fffe", "icke-tecken"), ("noncharacter", "\U0010ffff", "icke-tecken"),
    ("So", "\ufffd", "REPLACEMENT CHARACTER, ersätter ett tecken som inte kunde läsas"),
]
ALLOWED = [
    ("Lu", "Ä"), ("Ll", "å"), ("Lt", "ǅ"), ("Lm", "ʰ"), ("Lo", "ש"), ("Mn", "\u0301"), ("Mc", "\u0903"),
    ("Me", "\u20dd"), ("Nd", "٣"), ("Nd", "３"), ("Nl", "Ⅻ"), ("No", "½"), ("Pc", "‿"), ("Pd", "–"), ("Ps", "⁅"),
    ("Pe", "⁆"), ("Pi", "«"), ("Pf", "»"), ("Po", "§"), ("Sm", "±"), ("Sc", "€"), ("Sk", "˚"), ("So", "©"),
    ("So", "😀"), ("Zs", " "), ("Zs", "\u00a0"), ("Zs", "\u3000"),
]
FREE_TEXT = {kind: [f.header for f in KINDS[kind].fields
                    if f.type == "text" and not (f.choices or f.references or f.code or f.pseudonym)] for kind in KINDS}
CODES = {kind: [f.header for f in KINDS[kind].fields if f.code] for kind in KINDS}


def with_char(kind: str, header: str, char: str) -> list[str]:
    """The kind's valid row with `char` second in `header`'s value ('xy' stands for an empty optional one)."""
    values = list(VALID[kind])
    index = KINDS[kind].headers.index(header)
    value = values[index] or "xy"
    values[index] = value[0] + char + value[1:]
    return values


def csv_file(kind: str, rows: list[list[str]]) -> bytes:
    text = io.StringIO()
    csv.writer(text, delimiter=";").writerows([KINDS[kind].headers, *rows])   # quotes a value with a line break
    return text.getvalue().encode("utf-8")


def test_the_fields_under_test():
    assert FREE_TEXT == {"units": ["Namn", "Huvudman"], "placements": [], "agreements": ["Dnr", "Finansiär"],
                         "survey_responses": [], "recommendation_status": ["Kommentar"]}
    assert sum(map(len, CODES.values())) == 9   # unit x2, placement, supporter, agreement, survey, respondent, ...


def refused_where_expected(problems, kind: str, char: str, words: str) -> None:
    """One problem per field, row N for the Nth field, each naming the character, what it is and its place."""
    code = f"U+{ord(char):04X} ("
    found = {(p.row, p.column) for p in problems if code in p.message and words in p.message
             and "på plats 2" in p.message}
    assert found == {(row, header) for row, header in enumerate(KINDS[kind].headers, start=2)}, problems


@pytest.mark.parametrize("category, char, words", REFUSED, ids=[f"{c}-U+{ord(ch):04X}" for c, ch, _ in REFUSED])
def test_a_refused_character_is_refused_in_every_field_of_every_kind(fresh, category, char, words):
    for kind in KINDS:
        rows = [with_char(kind, header, char) for header in KINDS[kind].headers]
        result = importer.preview(kind, "tecken.csv", csv_file(kind, rows))
        refused_where_expected(result.problems, kind, char, words)


def test_a_lone_surrogate_is_refused_in_every_field_of_every_kind():
    """No file decodes to a lone surrogate (strict UTF-8 and UTF-16 refuse them; XML cannot hold one), so the
    validation is fed one directly, as another reader might hand it on."""
    refs = References({}, {}, pd.DataFrame())
    for kind in KINDS:
        headers = KINDS[kind].headers
        rows = [with_char(kind, header, "\ud800") for header in headers]
        table = Table(headers, rows, list(range(2, len(rows) + 2)))
        _, problems = validate(KINDS[kind], table, "tecken.csv", refs)
        refused_where_expected(problems, kind, "\ud800", "halvt surrogatpar")


@pytest.mark.parametrize("category, char", ALLOWED, ids=[f"{c}-U+{ord(ch):04X}" for c, ch in ALLOWED])
def test_letters_marks_numbers_punctuation_symbols_and_spaces_pass_in_names_and_free_text(fresh, category, char):
    for kind, headers in FREE_TEXT.items():
        if not headers:
            continue
        row = list(VALID[kind])
        for header in headers:
            row = [new if h == header else old
                   for h, old, new in zip(KINDS[kind].headers, row, with_char(kind, header, char))]
        result = importer.preview(kind, "tecken.csv", csv_file(kind, [row]))
        assert result.ok, (kind, result.problems)
        columns = {f.header: f.column for f in KINDS[kind].fields}
        assert all(result.records[0][columns[h]] == row[KINDS[kind].headers.index(h)] for h in headers)


@pytest.mark.parametrize("category, char", [(c, ch) for c, ch in ALLOWED if not ch.isascii()],
                         ids=[f"{c}-U+{ord(ch):04X}" for c, ch in ALLOWED if not ch.isascii()])
def test_codes_and_ids_take_ascii_only(fresh, category, char):
    for kind, headers in CODES.items():
        rows = [with_char(kind, header, char) for header in headers]
        result = importer.preview(kind, "koder.csv", csv_file(kind, rows))
        found = {(p.row, p.column) for p in result.problems if "inte är ASCII" in p.message
                 and f"U+{ord(char):04X} (" in p.message and "på plats 2" in p.message}
        assert found == {(row, header) for row, header in enumerate(headers, start=2)}, result.problems
