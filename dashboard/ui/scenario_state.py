"""The scenario inputs' widget state: the session-state key of each input, a value as its widget holds it
(an amount as typed text, a share in per cent) and as the model takes it (kronor, a fraction)."""

import streamlit as st

from dashboard.base import formatting as fmt
from dashboard.base.amounts import AmountError, parse_amount
from dashboard.scenario import figures as scenario_io
from dashboard.scenario import model as scenario
from dashboard.scenario.baseline import Baseline
from dashboard.scenario.bounds import AMOUNTS, BOUNDS, SHARES
from dashboard.scenario.model import NAMES


def key(page: str, name: str) -> str:
    return f"{page}__in_{name}"


def read(page: str, name: str, quiet: bool = False):
    """A widget's value as the model takes it: kronor from the typed text (None where it is empty; an unreadable
    text is named, unless `quiet`, and the last readable value kept), fractions from the per-cent sliders."""
    state = st.session_state[key(page, name)]
    if name in AMOUNTS:
        if not str(state).strip():
            return None
        try:
            value = parsed(name, state)
        except AmountError as error:
            if not quiet:
                st.error(fmt.plain(f"{label(name)}: {error} Värdet ändrades inte."))
            return st.session_state.get(f"{page}__valid_{name}")
        st.session_state[f"{page}__valid_{name}"] = value
        return value
    if name in SHARES:
        return state / 100
    return tuple(state) if name == "new_unit_districts" else state


def parsed(name: str, text) -> float:
    bounds = BOUNDS[name]
    return parse_amount(text, (bounds.low, bounds.high))


def quietly_parsed(name: str, text: str) -> float | None:
    try:
        return parsed(name, text)
    except AmountError:
        return None


def amount_field(value, exact: bool) -> str:
    """An amount as its field shows it: a default to the krona ('48 077 kr'), a chosen amount as it was given."""
    if value is None:
        return ""
    return f"{fmt.number(value, 2 if exact and abs(value - round(value)) >= 0.005 else 0)} kr"


def widget_value(name: str, value, default):
    if name in AMOUNTS:
        return amount_field(value, exact=not scenario.same(name, value, default))
    if name in SHARES:
        # the sliders' steps: tenths of a per cent, whole per cent
        return round(value * 100, 1) if name == "annual_increase" else int(round(value * 100))
    return list(value) if name == "new_unit_districts" else value


def assign(page: str, values: dict, baseline: Baseline) -> None:
    """The widgets set to `values` (every input, amounts None where no default exists)."""
    for name in NAMES:
        default = scenario.default_of(name, baseline, values)
        st.session_state[key(page, name)] = widget_value(name, values[name], default)
        st.session_state.pop(f"{page}__valid_{name}", None)
        if name in AMOUNTS:
            st.session_state[f"{page}__default_{name}"] = default


def label(name: str) -> str:
    return scenario_io.FIELD_LABELS[name].split(" (")[0]


def shown(name: str, value) -> str:
    """An input's value as the page writes it."""
    if name in AMOUNTS:
        return f"{fmt.number(value)} kr"
    if name in SHARES:
        return f"{fmt.number(value * 100, 1)} %"
    if name == "new_unit_districts":
        return ", ".join(value) or "inga"
    return f"'{scenario_io.STAFFING_LABELS[value]}'" if name == "staffing" else str(value)
