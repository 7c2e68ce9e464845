"""The one place that touches Streamlit's internals, kept because the supported API has no way to do it."""

import streamlit as st


def route_through_entrypoint() -> None:
    """Run the entrypoint's `st.navigation` even when a fresh server was first asked for a page URL.

    Until some session has called `st.navigation`, Streamlit treats a `pages/` folder as a v1 multipage app
    and runs the page file directly (with file names as navigation). Clearing that flag and rerunning makes
    this and every later run go through `streamlit_app.py`.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
