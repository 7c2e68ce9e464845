"""Förvaltningens förslag till beslut on Nämndunderlag: the latest version with who and when, a form to write a new
one for a förvaltare (read-only for everyone else), and the earlier versions."""

import streamlit as st

from dashboard import proposal
from dashboard.base import access
from dashboard.base import formatting as fmt
from dashboard.store import stores
from dashboard.ui import blocks, identity

EARLIER_SHOWN = 20   # earlier versions listed at once: a rerun's size does not grow with every save


UNREADABLE, NONE_WRITTEN = "kan inte läsas", "ej ifyllt"


def proposal_form(page: str) -> str:
    """The section, under the page's keys `<page>__proposal…`. Returns what the pack will show, read once per run
    for the pack's cache key too: the latest version's number, 'ej ifyllt' or 'kan inte läsas'."""
    st.header("Förvaltningens förslag till beslut")
    try:
        saved = proposal.versions()
    except stores.StoreUnavailable as error:
        blocks.notice("warning", f"Förslaget kan inte läsas: {error.what}.")
        return UNREADABLE
    latest = saved[0] if saved else None
    if latest is None:   # as the pack shows it
        with st.container(border=True):
            st.markdown("Förvaltningens förslag: ej ifyllt")
            st.caption("Inget förslag är sparat, och underlaget säger det. Programmet skriver aldrig ett förslag självt.")
    else:
        _shown(latest, " (den senaste)")
    actor = identity.current()
    if actor.may("write_proposal"):
        _form(page, latest)
    else:
        st.caption("Att skriva förslaget kräver rollen förvaltare; du ser det som det är sparat.")
    if len(saved) > 1:
        _earlier(saved[1:])
    return f"version {latest.version}" if latest else NONE_WRITTEN


def _shown(version: proposal.Proposal, note: str = "") -> None:
    with st.container(border=True):
        st.markdown(proposal.as_markdown(version.text))
        st.caption(fmt.plain(f"Version {version.version}{note}, sparad {fmt.minute(version.saved_at)}. Sparad av: "
                             f"{fmt.actor_shown(version.who)}."))


def _form(page: str, latest: proposal.Proposal | None) -> None:
    key = f"{page}__proposal_text"
    if key not in st.session_state:   # the form opens on the latest version, to be edited
        st.session_state[key] = latest.text if latest else ""
    with st.form(f"{page}__proposal"):
        st.text_area(f"Skriv eller ändra förslaget (högst {proposal.LIMIT_SHOWN} tecken)", key=key,
                     max_chars=proposal.LIMIT, height=160)
        # the field cuts a longer paste at the limit without a word (a browser's maxlength): say so where it shows
        st.caption(f"Text efter {proposal.LIMIT_SHOWN} tecken kommer inte med; räknaren under fältet visar hur många "
                   "som används. Förslaget visas i underlaget precis som det skrivs, som ren text: radbrytningar "
                   "behålls, men inga rubriker, länkar eller formler. Varje sparning blir en ny version med vem och "
                   "när.")
        st.form_submit_button("Spara förslaget", on_click=_save, args=(page,), type="primary")
    blocks.outcome(f"{page}__proposal")


def _save(page: str) -> None:
    """The form's callback: runs before the next run, which then shows and prints the new version."""
    try:
        saved = proposal.save(st.session_state[f"{page}__proposal_text"], identity.current())
        reported = ("success", f"Förslaget sparades som version {saved.version}.")
    except (proposal.UserDataError, access.PermissionDenied) as error:
        reported = ("error", str(error))
    st.session_state[f"{page}__proposal__outcome"] = reported


def _earlier(earlier: list[proposal.Proposal]) -> None:
    with st.expander(f"Tidigare versioner ({fmt.number(len(earlier))})"):
        if len(earlier) > EARLIER_SHOWN:
            st.caption(f"Visar de {EARLIER_SHOWN} senaste av {fmt.number(len(earlier))}.")
        for version in earlier[:EARLIER_SHOWN]:
            _shown(version)
