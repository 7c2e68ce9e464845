"""What characters an imported cell may hold, what a code or id may be, and text as every renderer is given it.

Checked at import so that no imported text can take a renderer down (a noncharacter such as U+FFFE aborts the chart
renderer and makes every .xlsx holding it malformed XML), change what a reader sees (bidi controls reverse the
names beside them, zero-width characters hide inside names), or break a line, a list or a Markdown table; and so
that two codes that look alike are never two things (`P３１` and `P31`, a Cyrillic `Р` for a Latin `P`).

Allowed in text: letters, marks, numbers, punctuation, symbols and spaces (Unicode categories L*, M*, N*, P*, S*
and Zs), except U+FFFD, which stands for a character some program could not read. Refused: control characters
(Cc, tab and line breaks among them), format characters (Cf: bidi controls, zero-width characters, the soft
hyphen, a byte order mark inside text), surrogates (Cs), private use (Co), unassigned code points (Cn, the 66
noncharacters among them) and line and paragraph separators (Zl, Zp). A code or id must be ASCII: one that becomes
ASCII under NFKC (full-width digits) is refused with the ASCII form to write instead, not silently changed, so a
file never means something other than what it shows.

Shown text passes `visible` on its way to a renderer (a chart, a spreadsheet, the board pack, Markdown): what an
import may not hold, should it be in the data all the same (an import made before these checks), is shown as �
and a tab or line break as a space, so no stored name can take a renderer down or reorder what a reader sees.
"""

import unicodedata

ALLOWED = {"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf",
           "Po", "Sm", "Sc", "Sk", "So", "Zs"}
BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
LINE_BREAKS = set("\n\r\x0b\x0c\x1c\x1d\x1e\x85")
SPACES = LINE_BREAKS | set("\t\u2028\u2029")   # shown as a space, not as a missing character
REPLACEMENT = "\ufffd"
# Swedish words for what a refused character does; the control characters have no name in Unicode's data.
CATEGORY_MEANING = {"Cc": "styrtecken", "Cf": "osynligt formateringstecken", "Cs": "halvt surrogatpar, ogiltigt",
                    "Co": "tecken för privat bruk, utan bestämd betydelse", "Cn": "tecken som inte finns i Unicode",
                    "Zl": "radbrytning", "Zp": "styckebrytning"}


def refused_character(text: str) -> str | None:
    """None if every character of `text` may be imported, else the first one that may not, named and placed:
    'tecknet U+202E (RIGHT-TO-LEFT OVERRIDE, styr textriktning) på plats 7'."""
    if text.isprintable() and REPLACEMENT not in text:   # the common case, in C: letters, marks, numbers, ...
        return None
    for position, char in enumerate(text, start=1):
        if char != REPLACEMENT and unicodedata.category(char) in ALLOWED:
            continue
        return f"tecknet {describe(char)} på plats {position}"
    return None


def visible(text) -> str:
    """`text` with each character an import may not hold replaced: a tab or line break by a space, anything else
    by �."""
    text = str(text)
    if text.isprintable():   # the common case, in C
        return text
    return "".join(char if unicodedata.category(char) in ALLOWED else " " if char in SPACES
                   else REPLACEMENT for char in text)


def describe(char: str) -> str:
    """'U+202E (RIGHT-TO-LEFT OVERRIDE, styr textriktning)': the code point, its Unicode name where it has one,
    and in Swedish what it does when that is not plain to see."""
    parts = [unicodedata.name(char, ""), _meaning(char)]
    return f"U+{ord(char):04X} ({', '.join(part for part in parts if part)})"


def _meaning(char: str) -> str:
    code, category = ord(char), unicodedata.category(char)
    if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
        return "icke-tecken som aldrig får förekomma i text"
    if char in BIDI:
        return "styr textriktning"
    if char == REPLACEMENT:
        return "ersätter ett tecken som inte kunde läsas"
    if char == "\t":
        return "tabb"
    if char in LINE_BREAKS:
        return "radbrytning"
    if unicodedata.name(char, "").startswith("FULLWIDTH"):
        return "helbreddstecken"
    return CATEGORY_MEANING.get(category, "")


def code_problem(text: str) -> str | None:
    """None if `text` is an ASCII code, else why not, with the ASCII form to write where NFKC gives one."""
    if text.isascii():
        return None
    position, char = next((i, c) for i, c in enumerate(text, start=1) if not c.isascii())
    found = f"tecknet {describe(char)} på plats {position}"
    normal = unicodedata.normalize("NFKC", text)
    if normal.isascii():
        return f"'{text[:40]}' innehåller tecken som inte är ASCII, {found}; skriv {normal[:40]}."
    return (f"'{text[:40]}' innehåller {found}, som inte är ASCII; koder och id skrivs med A–Z, a–z, 0–9 och "
            "skiljetecken, så att två koder som ser likadana ut aldrig blir två olika.")
