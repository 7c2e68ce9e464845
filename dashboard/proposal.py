"""Förvaltningens förslag till beslut: the text a förvaltare writes for the board pack, in the user store (so it
outlives restarts and rebuilds of the seed database, like saved scenarios).

Every save is a new version with who and when; none is changed or deleted, so the proposal in a pack can always be
traced to who wrote it. The software never writes a proposal itself: with none saved, `latest()` is None and the
pack says so.

The text is kept exactly as written, as plain text: markup, HTML and formulas ('=SUMMA(A1)') are stored and shown
as the characters they are. Line breaks are kept (a proposal is often several att-satser); every other character
follows the import's rule (`text.refused_character`: no control, bidi or zero-width characters, nothing a renderer
chokes on), and a text over `LIMIT` characters is refused, in Swedish, before anything is written.
"""

import re
from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from dashboard.base import access, formatting
from dashboard.base.text import refused_character
from dashboard.store import stores
from dashboard.store.userdata import UserDataError

LIMIT = 5_000    # characters: two pages of att-satser is far more than a tjänsteutlåtande's förslag till beslut holds
ATTEMPTS = 20    # saves at one moment from several replicas: each loser numbers its version again
LIMIT_SHOWN = formatting.number(LIMIT)
BLANK_LINES = re.compile(r"\n(?:[ ]*\n)+")   # one or more empty lines: a new paragraph


@dataclass(frozen=True)
class Proposal:
    text: str
    who: str            # the actor's name as recorded (`access.Actor.name`); shown through `formatting.actor_shown`
    saved_at: datetime  # Stockholm local time, as every stored time
    version: int


def problem(text: str) -> str | None:
    """None if `text` (already `normalised`) may be saved, else why not, in Swedish."""
    if not text:
        return "Skriv förslaget innan du sparar."
    if len(text) > LIMIT:
        return (f"Förslaget är {formatting.number(len(text))} tecken; det får vara högst {LIMIT_SHOWN} tecken. "
                "Korta det och spara igen.")
    found = refused_character(text.replace("\n", " "))   # a line break is allowed; the positions stay the same
    if found:
        return f"Förslaget innehåller {found}, som inte får finnas i text. Ta bort det och spara igen."
    return None


def normalised(text: str) -> str:
    """Line breaks as one character, whatever the browser or the clipboard sent, and no blank lines or spaces
    before or after the text (they would only show as empty space in the pack)."""
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def save(text: str, actor: access.Actor) -> Proposal:
    """A new version of the proposal, written by `actor`; refused without the role (`PermissionDenied`), and with
    a Swedish `UserDataError` for text that may not be stored, for a text the same as the latest, or while the
    store cannot be reached. Nothing is written when it is refused."""
    access.require(actor, "write_proposal")
    text = normalised(text)
    refused = problem(text)
    if refused:
        raise UserDataError(f"{refused} Ingenting har sparats.")
    try:
        current = latest_or_unreachable()
        if current is not None and current.text == text:
            raise UserDataError(f"Förslaget är detsamma som den senaste versionen (version {current.version}); "
                                "ingenting har sparats.")
        for _ in range(ATTEMPTS):
            now = formatting.stockholm_time()
            written = stores.current().run("user/proposal_save", {"text": text, "now": now, "who": actor.name})
            if not written.empty:
                return Proposal(text, actor.name, now, int(written.iloc[0]["version"]))
    except stores.StoreUnavailable as error:
        raise UserDataError(str(error)) from error
    raise UserDataError("Andra sparade förslag i samma ögonblick; ingenting har sparats. Försök igen.")


def versions() -> list[Proposal]:
    """Every saved version, newest first. Raises `stores.StoreUnavailable` when the store cannot be reached, so
    that a caller that must tell 'none written' from 'cannot be read' can."""
    frame = stores.current().run("user/proposal_history", {})
    return [_proposal(row) for row in frame.itertuples(index=False)]


def latest_or_unreachable() -> Proposal | None:
    """The proposal shown in the pack, None when none is written; raises `stores.StoreUnavailable`."""
    saved = versions()
    return saved[0] if saved else None


def history() -> list[Proposal]:
    """Every saved version, newest first; none while the store cannot be reached (as every other read a page
    shows from the store)."""
    try:
        return versions()
    except stores.StoreUnavailable:
        return []


def latest() -> Proposal | None:
    """The latest version, or None when none is written or the store cannot be reached (`latest_or_unreachable`
    tells the two apart)."""
    saved = history()
    return saved[0] if saved else None


def _proposal(row) -> Proposal:
    return Proposal(str(row.proposal_text), str(row.saved_by), pd.Timestamp(row.saved_at).to_pydatetime(),
                    int(row.version))


def as_markdown(text: str) -> str:
    """The proposal for Streamlit's Markdown, reading exactly as written: every line made inert
    (`formatting.plain`: no link, heading, list, emphasis or HTML; and here entities and '=' underlines), its line
    breaks kept, and leading spaces kept as no-break spaces (four spaces would otherwise start a code block)."""
    paragraphs = BLANK_LINES.split(normalised(text))
    return "\n\n".join("  \n".join(_line(line) for line in paragraph.split("\n")) for paragraph in paragraphs)


def _line(line: str) -> str:
    # '&amp;' would show as '&', and a line of '=' under another would make it a heading
    shown = formatting.plain(line).replace("&", "\\&")
    stripped = shown.lstrip(" ")
    if stripped.startswith("="):
        stripped = "\\" + stripped
    return "\u00a0" * (len(shown) - len(stripped)) + stripped
