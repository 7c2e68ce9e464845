"""A cell's text as the value its column's type takes: dates as Swedes and Excel write them, shares, kronor and
whole numbers. Each parser raises ValueError with a Swedish message that `validate` places at the cell."""

import re
from datetime import date

from dashboard.base.amounts import AmountError, parse_amount, parse_number

MONTHS = {m: i for i, m in enumerate(("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                                      "september", "oktober", "november", "december"), start=1)}
FIRST_DATE, LAST_DATE = date(2000, 1, 1), date(2099, 12, 31)
# kronor in one agreement: the programme's yearly grant is 3,5 mnkr; under 100 000 kr is a unit mistake, as the
# scenario's yearly budget floor (`scenario.bounds`)
AGREEMENT_AMOUNT = (100_000, 100_000_000)


def parse_date(text: str) -> date:
    """ISO (2021-03-01), Swedish forms (13/3/2021, 1.3.2021, 20210301) and '1 mars 2021'.

    A slash date is read day/month/year, as Swedish Excel writes it, only where it cannot be read the other way:
    `3/4/2021` is 3 April in Swedish use and 4 March in American, so a slash date whose day and month are both 12
    or less (and differ) is refused. A dotted date (1.3.2021) is day.month in Swedish use and is not written month
    first, so it is read as it stands."""
    cleaned = text.strip().split(" 00:00")[0]
    patterns = [
        (r"^(\d{4})-(\d{1,2})-(\d{1,2})$", (1, 2, 3)), (r"^(\d{1,2})/(\d{1,2})/(\d{4})$", (3, 2, 1)),
        (r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$", (3, 2, 1)), (r"^(\d{4})(\d{2})(\d{2})$", (1, 2, 3)),
    ]
    parsed = None
    for pattern, (y, m, d) in patterns:
        match = re.match(pattern, cleaned)
        if match:
            if "/" in cleaned:
                _check_unambiguous(text, int(match.group(d)), int(match.group(m)), int(match.group(y)))
            parsed = _date(match.group(y), match.group(m), match.group(d))
            break
    match = re.match(r"^(\d{1,2}) ([a-zåäö]+) (\d{4})$", cleaned.lower())
    if parsed is None and match and match.group(2) in MONTHS:
        parsed = _date(match.group(3), MONTHS[match.group(2)], match.group(1))
    if parsed is None:
        raise ValueError(f"'{text[:40]}' är inget giltigt datum (skriv ÅÅÅÅ-MM-DD).")
    if not FIRST_DATE <= parsed <= LAST_DATE:
        raise ValueError(f"Datumet {parsed.isoformat()} är orimligt: ett datum ska ligga mellan "
                         f"{FIRST_DATE.isoformat()} och {LAST_DATE.isoformat()}.")
    return parsed


def _check_unambiguous(text: str, day: int, month: int, year: int) -> None:
    if day != month and 1 <= day <= 12 and 1 <= month <= 12:
        names = {number: name for name, number in MONTHS.items()}
        raise ValueError(f"'{text[:40]}' kan läsas både som {day} {names[month]} och {month} {names[day]} {year} "
                         f"(svensk och amerikansk ordning); skriv datumet som ÅÅÅÅ-MM-DD, t.ex. "
                         f"{year:04d}-{month:02d}-{day:02d}.")


def _date(year, month, day) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _share(text: str) -> float:
    try:
        value = parse_number(text.replace("%", "")) / (100 if "%" in text else 1)
    except AmountError:
        raise ValueError(f"'{text}' är ingen andel (skriv t.ex. 0,5 eller 50 %).") from None
    if not 0 < value <= 1:
        raise ValueError(f"Andelen {text} ska vara större än 0 och högst 1 (100 %).")
    return value


def _amount(text: str) -> int:
    """Kronor as Swedes write them ('3 500 000', '3,5 mnkr', '3 500 tkr'), read as the scenario reads them, and
    plausible for one agreement: '3,5' (meant mnkr) is 4 kr, refused rather than stored."""
    return round(parse_amount(text, AGREEMENT_AMOUNT))


def _integer(text: str) -> int:
    try:
        value = parse_number(text)
    except AmountError:
        raise ValueError(f"'{text[:40]}' är inget heltal.") from None
    if not value.is_integer():
        raise ValueError(f"'{text[:40]}' är inget heltal.")
    return int(value)


PARSERS = {"date": parse_date, "share": _share, "amount": _amount, "integer": _integer}
