"""Swedish number formats through Babel's CLDR data (sv_SE): `1 234`, `62 %`, `3,5 mnkr`, ISO dates."""

import math
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pandas as pd
from babel.numbers import format_decimal, format_percent

from dashboard.base.settings import staleness_days
from dashboard.base.text import visible

LOCALE = "sv_SE"
MISSING, NOT_APPLICABLE, SUPPRESSED = "–", ".", ".."
MISSING_LEGEND = {
    MISSING: "uppgift saknas eller är inte publicerad",
    NOT_APPLICABLE: "kan inte förekomma",
    SUPPRESSED: "för få för att visas (under gränsen för små tal, eller regeln för personaluppgifter)",
}


# links, images, emphasis, code, HTML, maths, icons (:material/…:), and the dots and at signs of bare addresses
# (www.…, name@host), which GitHub-flavoured Markdown would make links
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#!|~$:.@])")
LIST_START = re.compile(r"^(\s*)([-+])")


def plain(text) -> str:
    """Text from outside (a URL, a file, the database) made inert for Streamlit's Markdown: a name like
    '[Logga in](https://…)', 'www.example.org' or ':material/warning:' is shown as written, never as a link, an
    image or an icon, and on one line (`text.visible`), never as a list or with its neighbours reordered."""
    return LIST_START.sub(r"\1\\\2", MARKDOWN_SPECIALS.sub(r"\\\1", visible(text)))


ACTOR_ID = re.compile(r" \((?:oid|sub) [^)]*\)$")


def actor_shown(name) -> str:
    """Who did something, as a reader is shown it; the store keeps the whole record. The operating-system account
    behind local mode or the command line is the server's, not a person a reader knows ('root (lokalt läge)' is
    'lokalt läge'), and a provider's id for a signed-in user is a code ('a@stad.se (oid 12ab…)' is 'a@stad.se')."""
    name = str(name)
    for how in ("lokalt läge", "kommandorad"):
        if name.endswith(f" ({how})"):
            return how
    return ACTOR_ID.sub("", name)


def legend() -> str:
    """'– uppgift saknas …; . kan inte förekomma; .. för få …', as every table and export explains it."""
    return "; ".join(f"{code} {text}" for code, text in MISSING_LEGEND.items())


def stockholm_time() -> datetime:
    """The local time in Stockholm, without a zone: what every stored and shown time of day is in."""
    return datetime.now(ZoneInfo("Europe/Stockholm")).replace(tzinfo=None)


def stockholm_now() -> str:
    """The local time in Stockholm, as a file or a board pack is stamped with it: '2026-11-28 09:56'."""
    return stockholm_time().strftime("%Y-%m-%d %H:%M")


# The one definition of 'current' (the macro is_current in data/schema.sql applies it), said
# the same way wherever a status is explained.
def current_rule() -> str:
    """The window is the setting's (`PEER_STALE_DAYS`), never a length written in prose."""
    return (f"'aktuell': uppgiften gäller datumet, eller avser en dag eller en månad högst {staleness_days()} dagar "
            "före; 'senast känt': äldre, eller om en längre period (som 'under 2018') som har slutat: senaste kända "
            "läge, inte läget på datumet")


def stated(text) -> str:
    """A document's own name for what it counts, inside a sentence: 'Peer supportrar i projektet' -> 'peer
    supportrar i projektet'; 'peer supportrar' where none is given."""
    return text[:1].lower() + text[1:] if isinstance(text, str) and text else "peer supportrar"


def suppression_rule(threshold: int) -> str:
    """The small-numbers rule as every page, export and board pack states it."""
    return (f"Antal som räknats fram från enskilda svar och som är färre än {threshold} visas inte: de visas och "
            "exporteras som '..', liksom ett antal vars komplement är så litet. I en fråga med ett svarsalternativ "
            "döljs också de minsta andra svaren, bara så många att de dolda är minst två och tillsammans minst "
            f"{threshold}, så att inget dolt kan räknas fram ur antalet svarande; kolumnen Varför dolt säger vilken "
            "regel som dolde en cell. Publicerade siffror ur offentliga dokument visas som de är.")


def is_missing(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def number(value, decimals: int = 0) -> str:
    if is_missing(value):
        return MISSING
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def percent(value, decimals: int = 0) -> str:
    if is_missing(value):
        return MISSING
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "\u00a0%"
    return format_percent(value, format=pattern, locale=LOCALE)


def mnkr(sek) -> str:
    """3 500 000 -> '3,5 mnkr'."""
    if is_missing(sek):
        return MISSING
    return f"{format_decimal(sek / 1_000_000, format='#,##0.0', locale=LOCALE)} mnkr"


def iso_date(value) -> str:
    if is_missing(value):
        return MISSING
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def minute(value) -> str:
    """A time of day to the minute: '2026-12-07 09:56'."""
    return pd.Timestamp(value).strftime("%Y-%m-%d %H:%M")


def count_range(low, high) -> str:
    """7 and 8 -> '7–8'; 3 and an unpublished upper bound -> 'minst 3'; unknown -> '–'."""
    if is_missing(low):
        return MISSING
    if is_missing(high):
        return f"minst {number(low)}"
    return number(low) if low == high else f"{number(low)}–{number(high)}"


def yes_no(value) -> str:
    return MISSING if is_missing(value) else ("ja" if value else "nej")


def cell(value) -> str:
    """Any table cell for the screen: numbers the Swedish way (two decimals only when needed)."""
    if is_missing(value):
        return MISSING
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    return number(value, 0 if float(value).is_integer() else 2)
