"""Amounts and shares as Swedes write them, read with Babel's sv_SE number rules (no Streamlit).

'3 500 000', '3 500 000 kr', '3,5 mnkr', '3 500 tkr' and '3500000' are all 3 500 000 kr; a decimal comma is a
decimal. A text that cannot be read, or an amount implausible for its field, is refused with a Swedish message.
"""

import re
from decimal import Decimal

from babel.numbers import NumberFormatError, format_decimal, parse_decimal

from dashboard.base.formatting import LOCALE, number

SCALES = (("mnkr", 1_000_000), ("msek", 1_000_000), ("miljoner kronor", 1_000_000), ("miljoner", 1_000_000),
          ("tkr", 1_000), ("tusen kronor", 1_000), ("kronor", 1), ("sek", 1), ("kr", 1))
ANY = (0, 1_000_000_000_000)
# a plain number: at most 15 digits before the decimal sign and 6 after; no exponent, infinity or NaN
PLAIN_NUMBER = re.compile(r"-?\d{1,15}(?:[.,]\d{1,6})?")
SHORT = 1e12   # a number from here on is echoed in short form (1e+308), never with hundreds of digits


class AmountError(ValueError):
    """Text that is not an amount or a share, or one implausible for its field; the message is Swedish."""


def parse_amount(text, plausible: tuple[float, float] = ANY) -> float:
    """Kronor from '3,5 mnkr', '3 500 tkr', '3 500 000 kr', '5700000,50' or a number, within `plausible` (low,
    high): a field's limits (`scenario.bounds`), so that a yearly budget of '5,7' (meant mnkr) is refused."""
    if isinstance(text, (int, float)):
        value = float(text)
    else:
        digits, scale = _unit(str(text), SCALES)
        value = float(_decimal(digits, text) * scale)
    low, high = plausible
    if not low <= value <= high:
        gives = (f"ger {number(value, 2 if abs(value) < 1000 else 0)} kr, vilket" if abs(value) < SHORT
                 else "är ett belopp som")
        raise AmountError(f"'{echo(text)}' {gives} inte är rimligt här (mellan {number(low)} och {number(high)} kr). "
                          "Skriv till exempel 3 500 000 kr eller 3,5 mnkr.")
    return value


def echo(value, limit: int = 24) -> str:
    """A typed text or a number as a message repeats it: never hundreds of digits (1e308 written out has 309)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        text = str(value)
        return text if len(text) <= limit else text[: limit - 1] + "…"
    if abs(value) < SHORT:
        return format_decimal(value, locale=LOCALE)
    if isinstance(value, int) and value.bit_length() > 1000:   # beyond what a float holds
        return "ett tal med hundratals siffror"
    return f"{float(value):.3g}".replace(".", ",")


def parse_share(text) -> float:
    """A share from '10 %', '10%', '0,1' or 0.1."""
    if isinstance(text, (int, float)):
        return float(text)
    digits, scale = _unit(str(text), (("procent", Decimal("0.01")), ("%", Decimal("0.01"))))
    return float(_decimal(digits, text) * scale)


def parse_number(text) -> float:
    """A plain number as a file, an address or a command line writes it: '1 234', '0,5', '-3', or '0.5' (a
    spreadsheet's number cell read as text)."""
    cleaned = re.sub(r"[\s\u00a0\u202f]+", "", str(text)).replace("\u2212", "-")
    if not PLAIN_NUMBER.fullmatch(cleaned):
        raise AmountError(f"'{echo(text)}' kunde inte läsas som ett tal.")
    return float(cleaned.replace(",", "."))


def _unit(text: str, units) -> tuple[str, Decimal]:
    # a minus sign (U+2212, as Babel and Word write it) is a minus
    cleaned = re.sub(r"[\s\u00a0\u202f]+", " ", text.strip().lower()).replace("\u2212", "-")
    for unit, scale in units:
        if cleaned.endswith(unit):
            return cleaned[: -len(unit)].strip(), Decimal(scale)
    return cleaned, Decimal(1)


def _decimal(digits: str, original) -> Decimal:
    try:
        value = parse_decimal(digits.replace(" ", "\u00a0"), locale="sv_SE", strict=True)
        if not value.is_finite() or "e" in digits:
            raise ValueError
        return value
    except (NumberFormatError, ValueError):
        raise AmountError(f"'{echo(original)}' kunde inte läsas som ett tal. Skriv till exempel 3 500 000 kr, 3,5 mnkr "
                          "eller 3 500 tkr.") from None

