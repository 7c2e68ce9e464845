"""Follow one filter value through the code at run time: every call that receives it (in an argument) or hands
it on (in its return value), from reading the address to the query that binds it, in the order they happen.

A hand-off is a change of module along that path: the value leaves one module for another, however it travels
(an argument, a return value, an object that holds it). Streamlit's own modules, the standard library and the
test harness are not the product's and are left out."""

import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCT = (ROOT / "dashboard", ROOT / "pages", ROOT / "streamlit_app.py")


def holds(value, wanted: str, depth: int = 3) -> bool:
    """Whether `value` is `wanted` or holds it: in a dict, a sequence, or an object's attributes."""
    if isinstance(value, str):
        return value == wanted
    if depth == 0 or value is None or isinstance(value, (int, float, bool, bytes)):
        return False
    if isinstance(value, dict):
        return any(holds(v, wanted, depth - 1) for v in value.values())
    if isinstance(value, (list, tuple, set, frozenset)):
        return any(holds(v, wanted, depth - 1) for v in list(value)[:50])
    attributes = getattr(value, "__dict__", None)
    return isinstance(attributes, dict) and any(holds(v, wanted, depth - 1) for v in attributes.values())


def _place(frame) -> str | None:
    """The product module a frame runs in ('dashboard/ui/sidebar.py', 'pages/placeringar.py'), or None."""
    path = Path(frame.f_code.co_filename)
    if not any(path == p or p in path.parents for p in PRODUCT):
        return None
    return path.relative_to(ROOT).as_posix()


class Trail:
    """The product modules the value passed through, in order, while tracing."""

    def __init__(self, wanted: str, until: str):
        self.wanted, self.until, self.places, self.done = wanted, until, [], False

    def __call__(self, frame, event, arg):
        if self.done or event not in ("call", "return"):
            return
        place = _place(frame)
        if place is None:
            return
        carried = holds(dict(frame.f_locals), self.wanted) if event == "call" else holds(arg, self.wanted)
        if not carried:
            return
        if not self.places or self.places[-1] != place:
            self.places.append(place)
        if event == "call" and frame.f_code.co_name == self.until and place.endswith("store/db.py"):
            self.done = True

    def __enter__(self):
        sys.setprofile(self)
        threading.setprofile(self)
        return self

    def __exit__(self, *exc):
        sys.setprofile(None)
        threading.setprofile(None)

    @property
    def handoffs(self) -> int:
        return len(self.places) - 1
