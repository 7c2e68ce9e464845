"""Next year's funding as a deterministic scenario model (no Streamlit).

Notation: B = budget per year, c = cost per supporter per year, s = overhead share, n = supporters funded,
r = recruits (supporters above today's), t = training cost per recruit, Y = agreement years, g = annual increase.

    staff      = n·c
    training   = r·t                                   (first year only)
    year_cost  = (staff + training) / (1 − s)          the first year (cost_per_year_sek); overhead is a share
    cost_y     = (staff·(1+g)^y + [y=0]·training) / (1 − s)    agreement year y = 0 … Y−1 (`cost_by_year`)
    total_cost = Σ_{y=0}^{Y−1} cost_y
    budget_total = Y·B                                 (budget_total_sek)
    balance    = Y·B − total_cost
    secured_months = 12·Y when balance ≥ 0, else 12·Y·(Y·B / total_cost)

Every number an input can take is declared once, in `BOUNDS`: `validate` refuses anything outside it, `figures`
refuses it when reading text (command line, URL) and the page's widgets take their limits from it.

Staffing is two independent choices: today's units (`keep` them as they are, or bring each `to_target`: Σ max(0,
target − k_u) more over today's units u with k_u supporters) and `new_units` opened at the target (in
`new_unit_districts`, one district per unit where named). So "today's staffing and two new units" is priced.

Where the sources publish only that a unit has at least one supporter, k_u is that minimum and what bringing it
to the target needs is an upper bound: `evaluate` names every output that is then a bound (`bounded`: "högst" or
"minst"), and every page, table and export that shows the output says so.

Defaults (`default_of`) come from the baseline (`baseline` reads it from the data) and, for the derived
inputs, from the other inputs as chosen: an input left out of an address or a command line is its default beside
the others, so the inputs that differ from their defaults (`given_inputs`) reproduce a scenario. `figures`
reads inputs from text and says the model in Swedish, with every derivation.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING

from dashboard.base.amounts import echo
from dashboard.scenario.bounds import AMOUNTS, BOUNDS, SHARES

if TYPE_CHECKING:   # the record only: the model is formulas and never reads the database (baseline.py does)
    from dashboard.scenario.baseline import Baseline

STAFFING = ("keep", "to_target")          # today's units; new units are `new_units`, always at the target
UPPER, LOWER = "högst", "minst"          # how an output that is a bound says so


class ScenarioError(ValueError):
    """An input the model cannot use; `field` names the input, the message is Swedish. `fallback`: whoever reads
    the input from text uses its default instead (False where the input was corrected to agree with the others)."""

    def __init__(self, field_name: str, message: str, fallback: bool = True):
        self.field = field_name
        self.fallback = fallback
        super().__init__(message)


@dataclass(frozen=True)
class ScenarioInputs:
    budget_sek: float
    cost_per_supporter_sek: float
    overhead_share: float
    new_supporters: int
    training_cost_per_person_sek: float
    target_per_unit: int
    staffing: str
    new_units: int
    agreement_years: int
    annual_increase: float
    new_unit_districts: tuple[str, ...] = field(default=())


NAMES = tuple(ScenarioInputs.__dataclass_fields__)
# Inputs whose default is a fixed choice; the amounts' defaults are derived, in this order (each from those before).
FIXED = {"overhead_share": 0.0, "new_supporters": 0, "target_per_unit": 2, "staffing": "keep", "new_units": 0,
         "agreement_years": 1, "annual_increase": 0.0, "new_unit_districts": ()}
ORDER = (*FIXED, "budget_sek", "cost_per_supporter_sek", "training_cost_per_person_sek")


def default_of(name: str, baseline: Baseline, values: dict):
    """The default of input `name` beside the other inputs in `values`; None where the sources give none.

    The budget is the latest decided agreement; the cost per supporter is that agreement (where none is published,
    the budget) × (1 − overhead) / today's head count; the training cost is the course's weeks (003) of that cost."""
    if name in FIXED:
        return FIXED[name]
    if name == "budget_sek":
        return baseline.agreement_amount_sek
    if name == "cost_per_supporter_sek":
        basis = baseline.agreement_amount_sek
        basis = values.get("budget_sek") if basis is None else basis
        if basis is None or not baseline.supporters:
            return None
        return basis * (1 - values.get("overhead_share", FIXED["overhead_share"])) / baseline.supporters
    cost = values.get("cost_per_supporter_sek")
    return None if cost is None else cost * baseline.training_weeks / 52


def fill(baseline: Baseline, given: dict) -> dict:
    """Every input: those `given`, the others their defaults (None where the sources give none)."""
    values = dict(given)
    for name in ORDER:
        if name not in values:
            values[name] = default_of(name, baseline, values)
    return values


def resolve(baseline: Baseline, given: dict) -> ScenarioInputs:
    """`fill`, or a ScenarioError where the sources give no amount or head count and the input is not given."""
    values = fill(baseline, given)
    missing = [name for name in AMOUNTS if values[name] is None]
    if missing:
        what = "belopp" if baseline.agreement_amount_sek is None else "antal anställda peer supportrar"
        raise ScenarioError(missing[0], f"Källorna anger inget {what} på eller före {baseline.as_of.isoformat()}: "
                                        "ange budget per år och kostnad per peer supporter och år.")
    return ScenarioInputs(**{name: values[name] for name in NAMES})


def default_inputs(baseline: Baseline) -> ScenarioInputs:
    return resolve(baseline, {})


def starting_inputs(baseline: Baseline) -> tuple[ScenarioInputs | None, str | None]:
    """The defaults, or, where the sources give no amount or head count for the date, None and the reason (the
    model never guesses them)."""
    try:
        return default_inputs(baseline), None
    except ScenarioError as missing:
        return None, str(missing)


def same(name: str, a, b) -> bool:
    """Whether two values of input `name` are the same choice: amounts to the krona (a default shown as
    '48 077 kr' is the default 48 076,92 kr), shares to float noise."""
    if a is None or b is None:
        return a is b
    if name in AMOUNTS:
        return abs(a - b) < 0.5
    if name in SHARES:
        return abs(a - b) < 1e-9
    return tuple(a) == tuple(b) if name == "new_unit_districts" else a == b


def given_inputs(inputs: ScenarioInputs | dict, baseline: Baseline) -> dict:
    """The inputs that differ from their defaults beside the others: `resolve` on them gives `inputs` again (a
    dict may hold None for an amount that has no default and is not given)."""
    values = inputs if isinstance(inputs, dict) else asdict(inputs)
    return {name: value for name, value in values.items() if not same(name, value, default_of(name, baseline, values))}


def validate(inputs: ScenarioInputs) -> None:
    """Every number within its `BOUNDS`, a known staffing and no more districts than new units, or a
    ScenarioError naming the first that is not."""
    for name, bounds in BOUNDS.items():
        value = getattr(inputs, name)
        if not bounds.admits(value):
            raise ScenarioError(name, f"{name} = {echo(value)} går inte att använda; ange {bounds.text()}.")
    if inputs.staffing not in STAFFING:
        raise ScenarioError("staffing", f"staffing = {echo(inputs.staffing)} går inte att använda; "
                                        f"ange en av {', '.join(STAFFING)}.")
    if len(inputs.new_unit_districts) > inputs.new_units:
        raise ScenarioError("new_unit_districts", too_many_districts(len(inputs.new_unit_districts), inputs.new_units))


def too_many_districts(districts: int, units: int) -> str:
    have = "1 ny enhet" if units == 1 else f"{units} nya enheter"
    return (f"{districts} stadsdelar för nya enheter men {have}: varje stadsdel får en ny enhet, så det behövs minst "
            f"{districts} nya enheter.")


def extra_for_target(inputs: ScenarioInputs, baseline: Baseline) -> int:
    """Supporters that bring today's units to the target: an upper bound where a unit's count is a minimum."""
    return sum(max(0, inputs.target_per_unit - k) for k in baseline.unit_supporters)


def supporters_needed(inputs: ScenarioInputs, baseline: Baseline) -> int:
    today = (baseline.supporters or 0) + (extra_for_target(inputs, baseline) if inputs.staffing == "to_target" else 0)
    return today + inputs.new_units * inputs.target_per_unit + inputs.new_supporters


def evaluate(inputs: ScenarioInputs, baseline: Baseline) -> dict:
    """Outputs of the formulas in the module docstring, and which of them are bounds; raises ScenarioError on
    unusable input."""
    validate(inputs)
    supporters = supporters_needed(inputs, baseline)
    recruits = max(0, supporters - (baseline.supporters or 0))
    keep_share = 1 - inputs.overhead_share
    total_cost = sum(cost_by_year({**asdict(inputs), "supporters_funded": supporters, "recruits": recruits}))
    budget_total = inputs.budget_sek * inputs.agreement_years
    balance = budget_total - total_cost
    months = 12 * inputs.agreement_years
    secured = float(months) if balance >= 0 else months * budget_total / total_cost
    today_at_target = {"keep": sum(1 for k in baseline.unit_supporters if k >= inputs.target_per_unit),
                       "to_target": len(baseline.unit_supporters)}[inputs.staffing]
    target_inputs = replace(inputs, staffing="to_target", new_supporters=0, agreement_years=1)
    return {
        **inputs_as_dict(inputs),
        "cost_per_year_sek": round(_first_year_cost(inputs, baseline), 2),   # the first year, training included
        "budget_total_sek": round(budget_total, 2),                          # the budget over the agreement
        "total_cost_sek": round(total_cost, 2),                              # the whole agreement period
        "balance_sek": round(balance, 2),
        "supporters_funded": supporters,
        "fte_funded": None,   # working time is not published (GAP08): never one full-time post per person
        "recruits": recruits,
        "units_at_target": today_at_target + inputs.new_units,
        "districts_covered": len(set(baseline.districts) | set(inputs.new_unit_districts)),
        "secured_months": round(secured, 1),
        "cost_per_unit_at_target_sek": round(inputs.target_per_unit * inputs.cost_per_supporter_sek / keep_share, 2),
        "budget_needed_for_target_sek": round(_first_year_cost(target_inputs, baseline), 2),   # every unit, year one
        "bounded": bounded_outputs(inputs, baseline, balance),
    }


def cost_by_year(result: dict) -> list[float]:
    """The cost of each agreement year, first year first, from `evaluate`'s result (or a saved copy of it: the
    inputs and `supporters_funded`, `recruits`): (staff·(1+g)^y + [y=0]·training) / (1 − s). They add up to
    `total_cost_sek`; where that is an upper bound ("högst"), so is each year's."""
    staff = result["supporters_funded"] * result["cost_per_supporter_sek"]
    training = result["recruits"] * result["training_cost_per_person_sek"]
    return [(staff * (1 + result["annual_increase"]) ** year + (training if year == 0 else 0))
            / (1 - result["overhead_share"]) for year in range(int(result["agreement_years"]))]


def bounded_outputs(inputs: ScenarioInputs, baseline: Baseline, balance: float) -> dict[str, str]:
    """The outputs that are bounds, each "högst" or "minst". Where a unit's count is published only as a minimum,
    bringing today's units to the target needs at most `extra_for_target`: the staffing, the recruits and the
    costs are upper bounds, the balance and (short of money) the secured months lower ones; keeping today's
    staffing, the units at the target are counted from minimums, so at least that many are."""
    if not (baseline.units_count_unpublished and extra_for_target(inputs, baseline)):
        return {}
    marked = {"budget_needed_for_target_sek": UPPER}
    if inputs.staffing == "keep":
        return {**marked, "units_at_target": LOWER}
    marked.update(dict.fromkeys(("supporters_funded", "recruits", "cost_per_year_sek", "total_cost_sek"), UPPER))
    marked["balance_sek"] = LOWER
    if balance < 0:   # with money enough, every month is secured whatever the need
        marked["secured_months"] = LOWER
    return marked


def _first_year_cost(inputs: ScenarioInputs, baseline: Baseline) -> float:
    supporters = supporters_needed(inputs, baseline)
    recruits = max(0, supporters - (baseline.supporters or 0))
    return (supporters * inputs.cost_per_supporter_sek + recruits * inputs.training_cost_per_person_sek) / (
        1 - inputs.overhead_share)


def inputs_as_dict(inputs: ScenarioInputs) -> dict:
    values = asdict(inputs)
    values["new_unit_districts"] = list(inputs.new_unit_districts)
    return values
