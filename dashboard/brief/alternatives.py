"""Alternativ: one to three saved scenarios, each a short block (what it buys, the cost per calendar year and for
the whole period against the budget, the balance and the months covered, every bound marked 'högst'/'minst'),
the inputs in a line of their own below, and a comparison of only the figures that differ (no Streamlit).

A scenario is the förvaltning's own calculation, saved in the dashboard: the pack says so, with who saved it,
when, and the data it was computed on."""

import pandas as pd

from dashboard.base import formatting as fmt
from dashboard.brief.doc import Heading, Para, Table
from dashboard.brief.wording import OWN_SCENARIO, amount, bounded, day, words
from dashboard.scenario.figures import STAFFING_LABELS
from dashboard.scenario.figures import bounded as bounds_of
from dashboard.scenario.model import LOWER, UPPER, cost_by_year

YEAR, COST, BUDGET = "Kalenderår", "Kostnad", "Budget"


def alternatives_blocks(saved: list[dict], first_year: int, funding_ends) -> list:
    head = Heading("Alternativ", 2)
    if not saved:
        return [head, Para("Inga alternativ är valda. Ett alternativ är ett scenario som förvaltningen sparat på "
                           "sidan Scenarier; högst tre kan tas med.")]
    why = (f"året efter att den beslutade finansieringen tar slut ({funding_ends.isoformat()})" if funding_ends
           else "året efter underlagets datum, eftersom ingen beslutad finansiering täcker det")
    blocks = [head, Para(f"{OWN_SCENARIO}: varje alternativ är ett scenario som förvaltningen räknat fram och sparat i "
                         "tjänsten, inte en uppgift ur källorna. Beloppen bygger på indata som står under varje "
                         f"alternativ. Det första kalenderåret är {first_year}, {why}; följande år kostar den "
                         "årliga kostnadsökningen mer.")]
    for number, scenario in enumerate(saved, start=1):
        blocks += alternative(number, scenario, first_year)
    if len(saved) > 1:
        blocks += comparison(saved, first_year)
    return blocks


def alternative(number: int, scenario: dict, first_year: int) -> list:
    result, marks = scenario["outputs"], bounds_of(scenario["outputs"])
    years = len(cost_by_year(result))
    return [Heading(f"Alternativ {number}: {scenario['name']}", 3),
            Para(_sentence(buys(result, marks)), "Vad det ger."),
            Table(per_year(result, marks, first_year), numeric=(COST, BUDGET), row_headers=True),
            Para(f"{_sentence(balance(result, marks))} för hela perioden ({years} år). Budgeten räcker "
                 f"{months(result, marks)} månader.", "Balans."),
            Para(inputs_line(result), "Indata.", kind="note"),
            Para(_saved(scenario) + _bounds_note(marks), kind="note")]


def buys(result: dict, marks: dict) -> str:
    """'högst 11 peer supportrar (högst 4 att rekrytera och utbilda), minst 0 enheter når målet två per enhet, …'."""
    recruits = result.get("recruits", 0)
    trained = (f" ({bounded(fmt.number(recruits), marks.get('recruits'))} att rekrytera och utbilda)"
               if recruits else "")
    target = f"målet {words(result['target_per_unit'])} per enhet"
    reached = (f"ingen enhet är känd att nå {target}" if at_target(result, marks) == NONE_KNOWN
               else f"{at_target(result, marks)} enheter når {target}")
    return (f"{bounded(fmt.number(result['supporters_funded']), marks.get('supporters_funded'))} peer supportrar"
            f"{trained}; {reached}; {fmt.number(result['districts_covered'])} stadsdelar med känd enhet med peer "
            "support.")


NONE_KNOWN = "ingen känd"


def at_target(result: dict, marks: dict) -> str:
    """'minst 0' says nothing: where the units reaching the target are counted from minimums and none is known to,
    the pack says so."""
    count, bound = result["units_at_target"], marks.get("units_at_target")
    return NONE_KNOWN if bound == LOWER and count == 0 else bounded(fmt.number(count), bound)


def per_year(result: dict, marks: dict, first_year: int) -> pd.DataFrame:
    """A row per calendar year and one for the whole period: cost (a bound where the period's is) and budget."""
    costs = cost_by_year(result)
    bound = marks.get("total_cost_sek")
    last = first_year + len(costs) - 1
    rows = [(str(first_year + i), bounded(amount(cost), bound), amount(result["budget_sek"]))
            for i, cost in enumerate(costs)]
    period = f"Hela perioden {first_year}–{last}" if last > first_year else f"Hela perioden {first_year}"
    rows.append((period, bounded(amount(result["total_cost_sek"]), bound), amount(result["budget_total_sek"])))
    return pd.DataFrame(rows, columns=[YEAR, COST, BUDGET])


def balance(result: dict, marks: dict) -> str:
    """'underskott högst 6,2 mnkr': the sign in words, so that the bound reads one way (a balance that is at least
    −6,2 mnkr is a deficit of at most 6,2 mnkr)."""
    value, bound = result["balance_sek"], marks.get("balance_sek")
    if round(value) == 0:
        return "i balans (0 kr)"
    if value < 0:
        return f"underskott {bounded(amount(-value), UPPER if bound else None)}"
    return f"överskott {bounded(amount(value), bound)}"


def months(result: dict, marks: dict) -> str:
    whole = 12 * int(result["agreement_years"])
    return f"{bounded(fmt.number(result['secured_months'], 1), marks.get('secured_months'))} av {whole}"


def inputs_line(result: dict) -> str:
    districts = ", ".join(result.get("new_unit_districts") or []) or "inga namngivna"
    staffing = STAFFING_LABELS.get(result["staffing"], result["staffing"])
    return "; ".join([
        f"budget {amount(result['budget_sek'])} per år",
        f"kostnad per peer supporter {per_person(result['cost_per_supporter_sek'])} per år",
        f"utbildning {per_person(result['training_cost_per_person_sek'])} per ny peer supporter",
        f"overhead {fmt.percent(result['overhead_share'])}",
        f"mål {fmt.number(result['target_per_unit'])} per enhet",
        f"dagens enheter: {staffing}",
        f"nya enheter {fmt.number(result['new_units'])} (stadsdelar: {districts})",
        f"nya peer supportrar utöver bemanningen {fmt.number(result['new_supporters'])}",
        f"avtalslängd {fmt.number(result['agreement_years'])} år",
        f"årlig kostnadsökning {fmt.percent(result['annual_increase'], 1)}",
    ]) + "."


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def per_person(sek) -> str:
    """A cost per person in tkr ('500 tkr'): '0,5 mnkr' hides what a salary is."""
    return f"{fmt.number(sek / 1000)} tkr"


def _saved(scenario: dict) -> str:
    who = fmt.actor_shown(scenario.get("updated_by") or scenario.get("created_by") or "okänd")
    return (f"{OWN_SCENARIO}, sparat {fmt.minute(scenario['created_at'])} av {who}, beräknat på data t.o.m. "
            f"{day(scenario['data_as_of'])}.")


def _bounds_note(marks: dict) -> str:
    if not marks:
        return ""
    return (" Högst och minst: för några av dagens enheter publicerar källorna bara att de har minst en peer "
            "supporter, så att nå målet kräver högst så många nya som visas; finns det redan fler behövs färre.")


ROWS = (  # (label, how a scenario's figure is written): the comparison's rows, in the blocks' order
    ("Peer supportrar", lambda r, m, y: bounded(fmt.number(r["supporters_funded"]), m.get("supporters_funded"))),
    ("Enheter som når målet", lambda r, m, y: at_target(r, m)),
    ("Stadsdelar med känd enhet", lambda r, m, y: fmt.number(r["districts_covered"])),
    ("Avtalslängd", lambda r, m, y: f"{fmt.number(r['agreement_years'])} år"),
    ("Kostnad första året ({year})", lambda r, m, y: bounded(amount(r["cost_per_year_sek"]),
                                                             m.get("cost_per_year_sek"))),
    ("Kostnad för hela perioden", lambda r, m, y: bounded(amount(r["total_cost_sek"]), m.get("total_cost_sek"))),
    ("Budget för hela perioden", lambda r, m, y: amount(r["budget_total_sek"])),
    ("Balans för hela perioden", lambda r, m, y: balance(r, m)),
    ("Månader som budgeten räcker", lambda r, m, y: months(r, m)),
)


def comparison(saved: list[dict], first_year: int) -> list:
    """Only the figures that differ between the alternatives, one column each."""
    rows = []
    for label, written in ROWS:
        cells = [written(s["outputs"], bounds_of(s["outputs"]), first_year) for s in saved]
        if len(set(cells)) > 1:
            rows.append([label.format(year=first_year), *cells])
    head = Heading("Jämförelse av alternativen", 3)
    if not rows:
        return [head, Para("Alternativen ger samma siffror.")]
    frame = pd.DataFrame(rows, columns=["Uppgift", *[f"{i}: {s['name']}" for i, s in enumerate(saved, start=1)]])
    return [head, Para("Bara de uppgifter som skiljer sig åt.", kind="note"), Table(frame, row_headers=True)]
