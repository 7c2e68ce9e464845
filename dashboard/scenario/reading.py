"""Scenario inputs from text: the command line, an address (`address` writes them back) and saved scenarios. A
value that cannot be used is refused with a Swedish message naming the input, and its default is used instead."""

import math
import re

from dashboard.base.amounts import AmountError, echo, parse_amount, parse_number, parse_share
from dashboard.scenario.baseline import Baseline
from dashboard.scenario.bounds import BOUNDS
from dashboard.scenario.figures import FIELD_LABELS
from dashboard.scenario.model import (
    FIXED,
    NAMES,
    STAFFING,
    ScenarioError,
    ScenarioInputs,
    resolve,
    too_many_districts,
    validate,
)

LEGACY_STAFFING = {"expand": "to_target"}   # before new units were a choice of their own, 'expand' meant both


def parse_inputs(raw: dict, baseline: Baseline) -> ScenarioInputs:
    """Inputs from strings (the command line): the first unknown name or unusable value raises ScenarioError."""
    inputs, refused = read_inputs(raw, baseline)
    if refused:
        raise refused[0]
    return inputs


def read_inputs(raw: dict, baseline: Baseline, districts=None) -> tuple[ScenarioInputs, list[ScenarioError]]:
    """`read_given` and every other input its default; a ScenarioError where a needed amount is neither."""
    given, refused = read_given(raw, districts)
    return resolve(baseline, given), refused


def read_given(raw: dict, districts=None) -> tuple[dict, list[ScenarioError]]:
    """The inputs text gives (command line, URL), as the model takes them. A value that cannot be read, or lies
    outside its `BOUNDS`, is refused (a Swedish ScenarioError in the list) and left out, so its default is used; a
    district not among `districts` (when given) is left out, and more districts than new units raise the number of
    new units (errors with `fallback` False). An unknown name raises."""
    unknown = sorted(set(raw) - set(NAMES))
    if unknown:
        raise ScenarioError(unknown[0], f"Okänd parameter {echo(', '.join(unknown), 80)}. "
                                        f"Giltiga: {', '.join(sorted(NAMES))}")
    given, refused = {}, []
    for name in NAMES:
        try:
            value = _value(raw, name)
        except ScenarioError as error:
            refused.append(error)
            continue
        if value is not None:
            given[name] = value
    chosen = given.get("new_unit_districts", ())
    if districts is not None and set(chosen) - set(districts):
        unknown = [d for d in chosen if d not in districts]
        refused.append(ScenarioError("new_unit_districts", f"{named('new_unit_districts')}: "
                                     f"{', '.join(echo(d) for d in unknown[:3])} finns inte bland stadsdelarna.",
                                     fallback=False))
        given["new_unit_districts"] = chosen = tuple(d for d in chosen if d in districts)
    units = given.get("new_units", FIXED["new_units"])
    if len(chosen) > units:
        refused.append(ScenarioError("new_units", f"{named('new_units')}: {too_many_districts(len(chosen), units)}",
                                     fallback=False))
        given["new_units"] = min(len(chosen), int(BOUNDS["new_units"].high))
        given["new_unit_districts"] = chosen[: given["new_units"]]
    return given, refused


def _value(raw: dict, name: str):
    """An amount in kronor (`…_sek`: '3,5 mnkr'), a share ('10 %', '0,1', '10procent'), a whole number, a
    staffing or a list of districts, from text; None where the text gives none."""
    text = raw.get(name)
    if text is None or not str(text).strip():
        return None
    if name == "new_unit_districts":
        return tuple(dict.fromkeys(d.strip() for d in str(text).split(",") if d.strip()))
    if name == "staffing":
        if text not in STAFFING and text not in LEGACY_STAFFING:
            raise ScenarioError(name, f"{named(name)}: '{echo(text)}' går inte att använda; "
                                      f"ange en av {', '.join(STAFFING)}.")
        return LEGACY_STAFFING.get(text, text)
    bounds = BOUNDS[name]
    if bounds.kind == "amount":
        try:
            return parse_amount(text, (bounds.low, bounds.high))
        except AmountError as error:
            raise ScenarioError(name, f"{named(name)}: {error}") from None
    value = _share_or_number(text, bounds.kind)
    if not bounds.admits(value):
        raise ScenarioError(name, f"{named(name)}: '{echo(text)}' går inte att använda; ange {bounds.text()}.")
    return int(value) if bounds.whole else value


def named(name: str) -> str:
    """An input as a message names it: its label and the name the address and the command line use."""
    return f"{re.sub(r' [(].*[)]$', '', FIELD_LABELS[name])} ({name})"


def _share_or_number(text, kind: str) -> float:
    """A share or a plain number from text; NaN where it cannot be read, refused with the field's range as any
    other unusable value."""
    try:
        return parse_share(text) if kind == "share" else parse_number(text)
    except AmountError:
        return math.nan


def saved_inputs(saved: dict) -> ScenarioInputs:
    """A saved scenario's inputs as the model takes them today (an older 'expand' is today's units to the target
    plus its new units), or a ScenarioError naming what cannot be used."""
    try:
        values = {**saved, "new_unit_districts": tuple(saved.get("new_unit_districts") or ())}
        values["staffing"] = LEGACY_STAFFING.get(values.get("staffing"), values.get("staffing"))
        inputs = ScenarioInputs(**values)
    except TypeError:
        raise ScenarioError("inputs", "uppgifterna är ofullständiga") from None
    validate(inputs)
    return inputs
