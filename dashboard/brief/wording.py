"""How the board pack writes (no Streamlit): amounts in mnkr or tkr, never in full kronor; every citation as a
source id and its date; lists in Swedish ('A, B och C').

Every sentence the pack states ends in a citation built here, or is marked as an assumption (`ASSUMPTION`) or as
the förvaltning's own text (`OWN_TEXT`, `OWN_SCENARIO`)."""

import pandas as pd

from dashboard.base import formatting as fmt

MNKR_FROM = 100_000   # from here on an amount is written in mnkr with one decimal, below in tkr
ASSUMPTION = "Antagande"
OWN_TEXT = "Förvaltningens egen text"
OWN_SCENARIO = "Förvaltningens scenario"
NUMBERS = {1: "en", 2: "två", 3: "tre", 4: "fyra", 5: "fem", 6: "sex", 7: "sju", 8: "åtta", 9: "nio", 10: "tio",
           11: "elva", 12: "tolv"}


def amount(sek) -> str:
    """3 500 000 kr -> '3,5 mnkr', 48 077 kr -> '48 tkr': a reader compares mnkr with mnkr, and the inputs (a salary
    derived from the agreement) support no finer figure."""
    if fmt.is_missing(sek):
        return fmt.MISSING
    if abs(sek) >= MNKR_FROM:
        return fmt.mnkr(sek)
    return f"{fmt.number(sek / 1000)} tkr"


def bounded(text: str, bound: str | None) -> str:
    """'högst 5,7 mnkr' where the figure is an upper bound, 'minst …' a lower one."""
    return f"{bound} {text}" if bound else text


def words(count: int) -> str:
    """Small counts as words, as the tjänsteutlåtanden write them ('sju anställda'); larger as figures."""
    return NUMBERS.get(int(count), fmt.number(count))


def join(items) -> str:
    """'A', 'A och B', 'A, B och C'."""
    items = [str(item) for item in items if item]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} och {items[-1]}"


def day(value) -> str:
    """An ISO date from a date, a timestamp or a text; '–' for none."""
    if fmt.is_missing(value):
        return fmt.MISSING
    return pd.Timestamp(value).date().isoformat()   # a datetime is a date too: never its time of day


class Citations:
    """Source ids with the date each source gives itself, from the `sources` indicator: '(S000, 2020-06-11)'."""

    def __init__(self, sources: pd.DataFrame):
        self.dates = {row.source_id: (day(row.dated) if not fmt.is_missing(row.dated) else "odaterad")
                      for row in sources.itertuples()}

    def ids(self, ids) -> list[str]:
        """'S000, S001' (a cell of a `sources` column) or a list, as a list without repeats, keeping only the
        sources the pack knows: a pack as known on 2019-08-15 never cites 000, dated 2020."""
        parts = ids.split(",") if isinstance(ids, str) else list(ids)
        return [i for i in dict.fromkeys(str(part).strip() for part in parts if str(part).strip()) if i in self.dates]

    def inner(self, ids) -> str:
        """'S000, 2020-06-11; S001, 2019-06-01'."""
        return "; ".join(f"{i}, {self.dates[i]}" for i in self.ids(ids))

    def __call__(self, ids) -> str:
        """'(S000, 2020-06-11; S001, 2019-06-01)'; '' where none of them is known."""
        inner = self.inner(ids)
        return f"({inner})" if inner else ""
