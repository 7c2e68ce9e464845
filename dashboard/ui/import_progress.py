"""A slow step that runs in a button's callback (an import, an undo), shown step by step while it runs.

A callback runs before the page and outside its pinned data version, which an import needs (it validates the
file again against the data as they are then); but what a callback draws lands at the top of the page, out of
sight of the button just clicked. So the status box is fixed at the foot of the window while the work runs, and
removed when it ends: the page then shows the outcome where the user is."""

from contextlib import contextmanager

import streamlit as st

STYLE = """<style>
.st-key-{key} {{
  position: fixed; bottom: 1.5rem; left: 50%; transform: translateX(-50%); z-index: 999990;
  width: min(36rem, calc(100vw - 2rem)); background: #ffffff; border-radius: 0.5rem;
  box-shadow: 0 0.25rem 1.25rem rgba(0, 0, 0, 0.3);
}}
</style>"""


@contextmanager
def steps(label: str, key: str):
    """Yield `step(text)`: each step becomes a line in a status box headed `label`, which names the current
    step too; the box goes when the block ends, however it ends."""
    holder = st.empty()
    try:
        with holder.container(key=key):
            st.html(STYLE.format(key=key))
            with st.status(label, expanded=True) as status:
                def step(text: str) -> None:
                    status.update(label=f"{label}: {text} …", expanded=True)
                    status.write(text)
                yield step
    finally:
        holder.empty()
