"""What each scenario input may hold, declared once: the model refuses anything outside it, text read from the
command line or an address is refused outside it, and the page's sliders take their limits from it."""

from dataclasses import dataclass

from dashboard.base.formatting import number


@dataclass(frozen=True)
class Bounds:
    """What one input may hold: a finite number from `low` to `high`, whole or not. `kind` says how it is written:
    kronor ("amount"), a fraction shown in per cent ("share") or a plain number."""
    low: float
    high: float
    whole: bool = False
    kind: str = "number"

    def admits(self, value) -> bool:
        return (is_number(value) and self.low <= value <= self.high   # nan compares false: refused too
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


def is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


AMOUNTS = tuple(name for name, bounds in BOUNDS.items() if bounds.kind == "amount")
SHARES = tuple(name for name, bounds in BOUNDS.items() if bounds.kind == "share")
