"""Amounts and shares as Swedes write them, read with Babel's sv_SE number rules (no Streamlit).

'3 500 000', '3 500 000 kr', '3,5 mnkr', '3 500 tkr' and '3500000' are all 3 500 000 kr; a decimal comma is a
decimal. A text that cannot be read, or an amount implausible for its field, is refused with a Swedish message.
"""

import re
from decimal import Decimal

from babel.numbers import NumberFormatError, parse_decimal

from dashboard.formatting import number

SCALES = (("mnkr", 1_000_000), ("msek", 1_000_000), ("miljoner kronor", 1_000_000), ("miljoner", 1_000_000),
          ("tkr", 1_000), ("tusen kronor", 1_000), ("kronor", 1), ("sek", 1), ("kr", 1))
# What a field can plausibly hold, in kronor: a yearly budget under 100 000 kr is a typing slip (5,7 meant mnkr).
PLAUSIBLE = {"budget_sek": (100_000, 1_000_000_000), "cost_per_supporter_sek": (10_000, 5_000_000),
             "training_cost_per_person_sek": (0, 1_000_000)}


class AmountError(ValueError):
    """Text that is not an amount or a share, or one implausible for its field; the message is Swedish."""


def parse_amount(text, field: str = "") -> float:
    """Kronor from '3,5 mnkr', '3 500 tkr', '3 500 000 kr', '5700000,50' or a number."""
    if isinstance(text, (int, float)):
        value = float(text)
    else:
        digits, scale = _unit(str(text), SCALES)
        value = float(_decimal(digits, text) * scale)
    low, high = PLAUSIBLE.get(field, (0, 1_000_000_000_000))
    if not low <= value <= high:
        raise AmountError(f"'{text}' ger {number(value, 2 if abs(value) < 1000 else 0)} kr, vilket inte är rimligt här (mellan {number(low)} och "
                          f"{number(high)} kr). Skriv till exempel 3 500 000 kr eller 3,5 mnkr.")
    return value


def parse_share(text) -> float:
    """A share from '10 %', '10%', '0,1' or 0.1."""
    if isinstance(text, (int, float)):
        return float(text)
    digits, scale = _unit(str(text), (("procent", Decimal("0.01")), ("%", Decimal("0.01"))))
    return float(_decimal(digits, text) * scale)


def _unit(text: str, units) -> tuple[str, Decimal]:
    cleaned = re.sub(r"[\s\u00a0\u202f]+", " ", text.strip().lower())
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
        raise AmountError(f"'{original}' kunde inte läsas som ett tal. Skriv till exempel 3 500 000 kr, 3,5 mnkr "
                          "eller 3 500 tkr.") from None
