"""Next year's funding as a deterministic scenario model (no Streamlit).

Notation: B = budget per year, c = cost per supporter per year, s = overhead share, n = supporters funded,
r = recruits (supporters above today's), t = training cost per recruit, Y = agreement years, g = annual increase.

    staff      = n·c
    training   = r·t                                   (first year only)
    year_cost  = (staff + training) / (1 − s)          the first year (cost_per_year_sek); overhead is a share
    total_cost = Σ_{y=0}^{Y−1} (staff·(1+g)^y + [y=0]·training) / (1 − s)
    budget_total = Y·B                                 (budget_total_sek)
    balance    = Y·B − total_cost
    secured_months = 12·Y when balance ≥ 0, else 12·Y·(Y·B / total_cost)

Every number an input can take is declared once, in `BOUNDS`: `validate` refuses anything outside it, `scenario_io`
refuses it when reading text (command line, URL) and the page's widgets take their limits from it.

Staffing: `keep` funds today's supporters (+ new); `to_target` adds Σ max(0, target − k_u) over today's units u
with k_u supporters; `expand` also opens `new_units` units at the target. The defaults are derived from the
baseline (`scenario_baseline` reads it from the data); `scenario_io` reads inputs from text and says the model in
Swedish, with every derivation.
"""

from dataclasses import asdict, dataclass, field, replace
from datetime import date

from dashboard.amounts import echo
from dashboard.formatting import number

TRAINING_WEEKS_DEFAULT = 5   # NSPH's course for peer supporters (003), used if the figure is missing
STAFFING = ("keep", "to_target", "expand")


@dataclass(frozen=True)
class Bounds:
    """What one input may hold: a finite number from `low` to `high`, whole or not. `kind` says how it is written:
    kronor ("amount"), a fraction shown in per cent ("share") or a plain number."""
    low: float
    high: float
    whole: bool = False
    kind: str = "number"

    def admits(self, value) -> bool:
        return (_is_number(value) and self.low <= value <= self.high   # nan compares false: refused too
                and (not self.whole or float(value).is_integer()))

    def text(self) -> str:
        """The range in Swedish: 'ett heltal från 0 till 20', 'en andel från 0 % till 50 %'."""
        if self.kind == "share":
            return f"en andel från {number(self.low * 100)} % till {number(self.high * 100)} %"
        if self.kind == "amount":
            return f"ett belopp från {number(self.low)} till {number(self.high)} kr"
        return f"{'ett heltal' if self.whole else 'ett tal'} från {number(self.low)} till {number(self.high)}"


# The programme: seven supporters, four or five units, 3,5 mnkr a year in one-year agreements. Amounts: a yearly
# budget under 100 000 kr is a typing slip (5,7 meant mnkr); the rest are the page's slider limits.
BOUNDS = {
    "budget_sek": Bounds(100_000, 1_000_000_000, kind="amount"),
    "cost_per_supporter_sek": Bounds(10_000, 5_000_000, kind="amount"),
    "training_cost_per_person_sek": Bounds(0, 1_000_000, kind="amount"),
    "overhead_share": Bounds(0, 0.5, kind="share"),
    "annual_increase": Bounds(-0.1, 0.1, kind="share"),
    "new_supporters": Bounds(0, 30, whole=True),
    "target_per_unit": Bounds(1, 4, whole=True),
    "new_units": Bounds(0, 20, whole=True),
    "agreement_years": Bounds(1, 3, whole=True),
}


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class ScenarioError(ValueError):
    """An input the model cannot use; `field` names the input, the message is Swedish."""

    def __init__(self, field_name: str, message: str):
        self.field = field_name
        super().__init__(message)


@dataclass(frozen=True)
class Baseline:
    """Today's programme as the data describes it on the as-of date. The amount and the head count are None
    where no source gives them on or before the date: the model then needs them as inputs."""
    as_of: date
    agreement_amount_sek: float | None
    agreement_source: str
    supporters: int | None
    supporters_source: str
    unit_supporters: tuple[int, ...]   # per unit with a placement on the date; an unpublished count as its minimum
    districts: tuple[str, ...]
    training_weeks: float
    units_count_unpublished: int = 0


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


def default_inputs(baseline: Baseline, overhead_share: float = 0.0, budget: float | None = None,
                   cost: float | None = None) -> ScenarioInputs:
    """Defaults derived from the baseline; `budget` and `cost` replace the derivation where given (they must be,
    where the sources give no amount or head count on or before the date)."""
    budget = budget if budget is not None else baseline.agreement_amount_sek
    if cost is None and budget is not None and baseline.supporters:
        cost = budget * (1 - overhead_share) / baseline.supporters
    if budget is None or cost is None:
        missing = "belopp" if baseline.agreement_amount_sek is None else "antal anställda peer supportrar"
        raise ScenarioError("budget_sek", f"Källorna anger inget {missing} på eller före "
                                          f"{baseline.as_of.isoformat()}: ange budget_sek och cost_per_supporter_sek.")
    return ScenarioInputs(
        budget_sek=budget, cost_per_supporter_sek=cost, overhead_share=overhead_share,
        new_supporters=0, training_cost_per_person_sek=cost * baseline.training_weeks / 52, target_per_unit=2,
        staffing="keep", new_units=0, agreement_years=1, annual_increase=0.0)


def starting_inputs(baseline: Baseline) -> tuple[ScenarioInputs, str | None]:
    """The derived defaults, or, where the sources give no amount or head count for the date, empty amounts to
    fill in and the reason (the model never guesses them)."""
    try:
        return default_inputs(baseline), None
    except ScenarioError as missing:
        return default_inputs(replace(baseline, supporters=1), budget=0.0, cost=0.0), str(missing)


def validate(inputs: ScenarioInputs) -> None:
    """Every number within its `BOUNDS` and a known staffing, or a ScenarioError naming the first that is not."""
    for name, bounds in BOUNDS.items():
        value = getattr(inputs, name)
        if not bounds.admits(value):
            raise ScenarioError(name, f"{name} = {echo(value)} går inte att använda; ange {bounds.text()}.")
    if inputs.staffing not in STAFFING:
        raise ScenarioError("staffing", f"staffing = {echo(inputs.staffing)} går inte att använda; "
                                        f"ange en av {', '.join(STAFFING)}.")


def supporters_needed(inputs: ScenarioInputs, baseline: Baseline) -> int:
    extra_for_target = sum(max(0, inputs.target_per_unit - k) for k in baseline.unit_supporters)
    today = baseline.supporters or 0
    staffed = {
        "keep": today,
        "to_target": today + extra_for_target,
        "expand": today + extra_for_target + inputs.new_units * inputs.target_per_unit,
    }[inputs.staffing]
    return staffed + inputs.new_supporters


def evaluate(inputs: ScenarioInputs, baseline: Baseline) -> dict:
    """Outputs of the formulas in the module docstring; raises ScenarioError on unusable input."""
    validate(inputs)
    supporters = supporters_needed(inputs, baseline)
    recruits = max(0, supporters - (baseline.supporters or 0))
    staff = supporters * inputs.cost_per_supporter_sek
    training = recruits * inputs.training_cost_per_person_sek
    keep_share = 1 - inputs.overhead_share
    total_cost = sum(staff * (1 + inputs.annual_increase) ** year + (training if year == 0 else 0)
                     for year in range(inputs.agreement_years)) / keep_share
    budget_total = inputs.budget_sek * inputs.agreement_years
    balance = budget_total - total_cost
    months = 12 * inputs.agreement_years
    secured = float(months) if balance >= 0 else months * budget_total / total_cost
    units = len(baseline.unit_supporters)
    at_target = {
        "keep": sum(1 for k in baseline.unit_supporters if k >= inputs.target_per_unit),
        "to_target": units,
        "expand": units + inputs.new_units,
    }[inputs.staffing]
    districts = set(baseline.districts) | (set(inputs.new_unit_districts) if inputs.staffing == "expand" else set())
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
        "units_at_target": at_target,
        "districts_covered": len(districts),
        "secured_months": round(secured, 1),
        "cost_per_unit_at_target_sek": round(inputs.target_per_unit * inputs.cost_per_supporter_sek / keep_share, 2),
        "budget_needed_for_target_sek": round(_first_year_cost(target_inputs, baseline), 2),
    }


def _first_year_cost(inputs: ScenarioInputs, baseline: Baseline) -> float:
    supporters = supporters_needed(inputs, baseline)
    recruits = max(0, supporters - (baseline.supporters or 0))
    return (supporters * inputs.cost_per_supporter_sek + recruits * inputs.training_cost_per_person_sek) / (
        1 - inputs.overhead_share)


def inputs_as_dict(inputs: ScenarioInputs) -> dict:
    values = asdict(inputs)
    values["new_unit_districts"] = list(inputs.new_unit_districts)
    return values
