"""The rule for staff data: in a programme of about seven people a unit's absence or working time is a person's,
and an absence is health data (GDPR art. 9). Per unit or area such a figure is shown only where at least k peer
supporters stand behind it (`staff_threshold`, default 3, never lower); otherwise it is `..` and the row says
which rule hid it. The whole city's totals stay.

Secondary suppression, so that nothing hidden can be worked out from the city total: the hidden rows of a table
always number at least two and together stand for at least k supporters, adding the smallest shown rows where
needed, so the total minus what is shown is itself a figure about k or more people. Which rows are hidden is
decided on the whole city and then filtered, so an area filter cannot show a row the city view hides (no 'city
minus all other areas').

A förvaltare plans staffing and sees the figures on the pages (`detail`); the board pack, the command line and
every other role get the rule applied.
"""

import pandas as pd

from dashboard.base import formatting as fmt

RULE_NAME = "regeln för personaluppgifter"
# the staff attributes per indicator, the column saying how many supporters stand behind a row, and the row's key
PROTECTED = {
    "supporters_per_unit": (("absent",), "supporters_min", ("unit", "area")),
    "placements_per_stadsdel": (("fte", "fte_unknown", "absent"), "supporters_min", ("area",)),
}
COLUMNS = {column for columns, _, _ in PROTECTED.values() for column in columns}
FLAG = "staff_suppressed"
FILTERS = ("area", "area_kind", "unit_type")


def rule_text(threshold: int) -> str:
    return (f"Frånvaro och arbetstid för peer supportrar visas per verksamhet eller område bara där minst "
            f"{fmt.number(threshold)} peer supportrar står bakom siffran; annars visas {fmt.SUPPRESSED} "
            f"({RULE_NAME}). Hela stadens summor visas. Där en dold siffra annars skulle kunna räknas fram ur summan "
            f"döljs fler rader, så att det dolda alltid gäller minst två rader och minst {fmt.number(threshold)} "
            "personer, också när ett område väljs. Förvaltare ser siffrorna på sidorna; nämndunderlaget och "
            "kommandoraden följer alltid regeln.")


def protects(name: str) -> bool:
    return name in PROTECTED


def decide(city: pd.DataFrame, name: str, threshold: int) -> tuple[set[tuple], dict[str, float | None]]:
    """The rows whose staff figures are hidden and the city's totals, both decided on the whole city's rows."""
    return hidden_rows(city, name, threshold), totals(city, name, threshold)


def hidden_rows(city: pd.DataFrame, name: str, threshold: int) -> set[tuple]:
    """The keys of the rows whose staff figures are hidden, decided on the whole city's rows."""
    _, behind_column, key = PROTECTED[name]
    behind = dict(zip(_keys(city, key), city[behind_column].fillna(0).astype(int)))
    hidden = {k for k, n in behind.items() if n < threshold}
    if not hidden:
        return set()
    for k, _ in sorted(((k, n) for k, n in behind.items() if k not in hidden), key=lambda item: (item[1], item[0])):
        if len(hidden) >= 2 and sum(behind[h] for h in hidden) >= threshold:
            break
        hidden.add(k)
    return hidden


def apply(frame: pd.DataFrame, hidden: set[tuple], name: str) -> pd.DataFrame:
    """`frame` with its staff figures blanked on the hidden rows and a flag column saying so."""
    columns, _, key = PROTECTED[name]
    out = frame.copy()
    flags = pd.Series([k in hidden for k in _keys(frame, key)], index=frame.index, dtype=bool)
    for column in columns:
        out[column] = out[column].astype("object").where(~flags, None)
    out[FLAG] = flags
    return out


def totals(city: pd.DataFrame, name: str, threshold: int) -> dict[str, float | None]:
    """The whole city's sums of the staff figures (what stays published); None where fewer than `threshold`
    supporters stand behind the whole table."""
    columns, behind_column, _ = PROTECTED[name]
    enough = city[behind_column].fillna(0).sum() >= threshold
    return {column: float(city[column].fillna(0).sum()) if enough else None for column in columns}


def _keys(frame: pd.DataFrame, key: tuple[str, ...]) -> list[tuple]:
    return list(zip(*(frame[column] for column in key))) if len(frame) else []
