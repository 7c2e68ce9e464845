"""Follow one filter value through the code at run time, from the module that reads it from the address to the
query that binds it: the way is the module that handed the value to the page (by a return value) and the product
modules on the call stack, holding the value, when the SQL runs. A hand-off is a step from one module to the next.

Streamlit's own modules, the standard library and the test harness are not the product's and are left out; what
lists the value among others (the filter's options, a query's result rows) is not the value chosen."""

import functools
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCT = (ROOT / "dashboard", ROOT / "pages", ROOT / "streamlit_app.py")
NOT_THE_CHOICE = ("FilterOptions", "DataFrame", "Series", "Table")


def holds(value, wanted: str, depth: int = 3) -> bool:
    """Whether `value` is `wanted` or holds it: in a dict, a sequence, or an object's attributes."""
    if isinstance(value, str):
        return value == wanted
    if depth == 0 or value is None or isinstance(value, (int, float, bool, bytes)):
        return False
    if type(value).__name__ in NOT_THE_CHOICE:
        return False
    if isinstance(value, dict):
        return any(holds(v, wanted, depth - 1) for v in value.values())
    if isinstance(value, (list, tuple, set, frozenset)):
        return any(holds(v, wanted, depth - 1) for v in list(value)[:50])
    attributes = getattr(value, "__dict__", None)
    return isinstance(attributes, dict) and any(holds(v, wanted, depth - 1) for v in attributes.values())


def place(frame) -> str | None:
    """The product module a frame runs in ('dashboard/ui/sidebar.py', 'pages/placeringar.py'), or None."""
    return _place(frame.f_code.co_filename)


@functools.cache
def _place(file_name: str) -> str | None:
    path = Path(file_name)
    if not any(path == p or p in path.parents for p in PRODUCT):
        return None
    return path.relative_to(ROOT).as_posix()


def _collapsed(places: list[str]) -> list[str]:
    return [p for i, p in enumerate(places) if i == 0 or places[i - 1] != p]


class Way:
    """The value's way to the first query that binds it (`places`), recorded while tracing."""

    def __init__(self, wanted: str, sql_function: str = "query", sql_module: str = "dashboard/store/db.py"):
        self.wanted, self.sql = wanted, (sql_module, sql_function)
        self.handed: dict[str, str] = {}   # receiving module -> the module whose return value last gave it the value
        self.places: list[str] = []

    def __call__(self, frame, event, arg):
        if self.places or event not in ("call", "return"):
            return
        here = place(frame)
        if here is None:
            return
        if event == "return" and holds(arg, self.wanted):
            caller = next((p for p in map(place, _callers(frame)) if p), None)
            if caller and caller != here:
                self.handed[caller] = here
        elif event == "call" and (here, frame.f_code.co_name) == self.sql and holds(dict(frame.f_locals), self.wanted):
            stack = [p for f in reversed(list(_callers(frame, include_self=True)))
                     if (p := place(f)) and holds(dict(f.f_locals), self.wanted)]
            stack = _collapsed(stack)
            origin = self.handed.get(stack[0])
            self.places = ([origin] if origin else []) + stack

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


def _callers(frame, include_self: bool = False):
    current = frame if include_self else frame.f_back
    while current is not None:
        yield current
        current = current.f_back
