"""`--param name=value` pairs as the command line's verbs take them."""

from dashboard.params import ParameterError


def pairs(items: list[str]) -> dict:
    params = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ParameterError(f"--param ska skrivas key=value, fick '{item}'")
        params[key.strip()] = value
    return params
