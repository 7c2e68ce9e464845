"""How far the data's own date lies behind today in Stockholm, said in one plain sentence on every page and in
every spreadsheet export once it is more than a year (no Streamlit). A figure such as "203 dagar kvar" reads as a
live fact unless the reader is told that the data stop years ago."""

from datetime import date

from dashboard.base import formatting as fmt

OLD_AFTER_DAYS = 365


def full_years(earlier: date, later: date) -> int:
    """Whole years from `earlier` to `later` (2020-06-11 to 2026-06-10: 5; to 2026-06-11: 6)."""
    return later.year - earlier.year - ((later.month, later.day) < (earlier.month, earlier.day))


def age_sentence(data_date: date, today: date | None = None) -> str | None:
    """'Uppgifterna sträcker sig till 2020-06-11, mer än 6 år före i dag (2026-12-10): …', or None while the data
    are at most a year old."""
    today = today or fmt.stockholm_time().date()
    if (today - data_date).days <= OLD_AFTER_DAYS:
        return None
    years = full_years(data_date, today)
    return (f"Uppgifterna sträcker sig bara till {data_date.isoformat()}, mer än {fmt.number(years)} år före i dag "
            f"({today.isoformat()}): alla siffror, också dagar kvar och datum då beslut behövs, beskriver läget då "
            "och inte i dag.")
