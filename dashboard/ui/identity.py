"""Who is using the dashboard, as an `access.Actor`.

- Sign-in configured (an `[auth]` section in `.streamlit/secrets.toml`, OpenID Connect through `st.login`): the
  signed-in user, with the role `[peer_roles]` gives the ID token's app roles, groups or verified e-mail address
  (`access.role_for`).
- Not configured, and `PEER_LOCAL=1` (the README's first command): the one local user, who may do everything.
- Neither: a reader who may only read; the page says so.
"""

import os

import streamlit as st

from dashboard.base import access
from dashboard.base.formatting import plain


def sign_in_configured() -> bool:
    try:
        return "auth" in st.secrets
    except FileNotFoundError:   # no secrets file at all
        return False


def local_mode() -> bool:
    return os.environ.get("PEER_LOCAL") == "1" and not sign_in_configured()


def current() -> access.Actor:
    if sign_in_configured():
        if not st.user.is_logged_in:
            return access.Actor("ej inloggad", access.Role.LASARE, "ej inloggad")
        return access.signed_in(st.user.to_dict(), dict(st.secrets.get("peer_roles", {})))
    if local_mode():
        return access.Actor(f"{access.os_user()} (lokalt läge)", access.Role.FORVALTARE, "lokalt läge")
    return access.Actor("ej inloggad", access.Role.LASARE, "endast läsning")


def banner(actor: access.Actor) -> None:
    """In the sidebar: who, with which role, and how to sign out (or why nothing can be changed)."""
    with st.sidebar:
        if actor.how == "inloggad":
            st.caption(plain(f"Inloggad som {actor.shown or actor.name} ({access.ROLE_NAMES[actor.role]})"))
            why = access.no_role_reason(st.user.to_dict()) if actor.role == access.Role.LASARE else ""
            if why:
                st.info(plain(why), icon=":material/info:")
            st.button("Logga ut", key="identity__logout", on_click=st.logout)
        elif actor.how == "lokalt läge":
            st.caption("Lokalt läge: en användare på den här datorn får göra allt (PEER_LOCAL=1). Inloggning "
                       "är inte konfigurerad.")
        else:
            st.info("Endast läsning: inloggning är inte konfigurerad, så ingenting kan sparas eller importeras. "
                    "Starta med PEER_LOCAL=1 för att arbeta lokalt.", icon=":material/lock:")


def sign_in_page() -> None:
    """The only page before sign-in."""
    st.title("PEER support – beslutsstöd")
    st.markdown("Logga in med ditt konto i Stockholms stad för att se beslutsstödet.")
    st.button("Logga in", type="primary", key="identity__login", on_click=st.login)
