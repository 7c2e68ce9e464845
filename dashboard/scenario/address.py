"""Scenario inputs written into an address (no Streamlit): as a Swede reads them and, where that is possible,
without characters an address must escape. `reading.read_given` reads each back to the same value."""

from dashboard.scenario.bounds import AMOUNTS, SHARES


def address(given: dict) -> dict[str, str]:
    """The inputs an address carries (those that differ from their defaults, `scenario.given_inputs`) as text:
    '4200tkr', '5mnkr', '20procent', '-2,5procent', 'Farsta,Skarpnäck'."""
    return {name: _address_text(name, value) for name, value in given.items()}


def _address_text(name: str, value) -> str:
    if name == "new_unit_districts":
        return ",".join(value)
    if name in SHARES:
        return f"{_decimal_text(round(value * 100, 9))}procent"
    if name in AMOUNTS:
        return _amount_text(value)
    return str(value)


def _amount_text(value: float) -> str:
    """Kronor in the largest unit that keeps the figure whole: 5 000 000 '5mnkr', 4 200 000 '4200tkr', 48 077
    '48077'; öre with a decimal comma."""
    if value != round(value):
        return _decimal_text(value)
    whole = int(round(value))
    for unit, scale in (("mnkr", 1_000_000), ("tkr", 1_000)):
        if whole and whole % scale == 0:
            return f"{whole // scale}{unit}"
    return str(whole)


def _decimal_text(value: float) -> str:
    return f"{value:.9f}".rstrip("0").rstrip(".").replace(".", ",")
