"""The scenario model in Swedish: labels, derivations, key figures and comparisons, every bound marked ("högst",
"minst")."""

import re

import pandas as pd

from dashboard.base import formatting as fmt
from dashboard.scenario.baseline import Baseline


def derivations(baseline: Baseline, names: bool = False) -> list[str]:
    """How each default is derived, each line led by the input's label (and, for the command line, its name)."""
    if baseline.agreement_amount_sek is None or not baseline.supporters:
        return [f"Inga standardvärden för belopp: källorna anger inget belopp eller antal anställda på eller före "
                f"{baseline.as_of.isoformat()} ({baseline.agreement_source}; {baseline.supporters_source})."]
    lead = (lambda name: f"{_label(name)} ({name}):") if names else (lambda name: f"{_label(name)}:")  # noqa: E731
    amount, unpublished = fmt.number(baseline.agreement_amount_sek), baseline.units_count_unpublished
    return [
        f"{lead('budget_sek')} senaste beslutade överenskommelse, {amount} kr per år ({baseline.agreement_source}).",
        f"{lead('cost_per_supporter_sek')} överenskommelsens belopp × (1 − overhead) / {baseline.supporters} "
        f"peer supportrar ({baseline.supporters_source}); lön publiceras inte. Följer overhead tills du "
        "anger en egen kostnad.",
        f"{lead('overhead_share')} 0 – dokumenten delar inte upp beloppet på löner och NSPH:s samordning, så "
        "overhead ingår i kostnaden per peer supporter.",
        f"{lead('training_cost_per_person_sek')} kostnaden per peer supporter för {baseline.training_weeks:g} veckors "
        "grundutbildning (003) av årets 52 veckor, en gång första året; utbildningsavgift publiceras inte.",
        f"{lead('target_per_unit')} minst två per verksamhet (utvärdering år två, 001).",
        f"{lead('staffing')} dagens enheter behålls eller når målet; nya enheter väljs för sig och bemannas med målet.",
        f"{lead('agreement_years')} 1 – {_one_year(baseline)}",
        f"{lead('annual_increase')} 0 – {_amounts(baseline)}",
        f"Kända verksamheter: {len(baseline.unit_supporters)} med peer support enligt källorna per "
        f"{baseline.as_of.isoformat()}, aktuella eller senast kända (se Enheter); för {unpublished} publiceras inte "
        "antalet och de räknas med minst en, så behovet för att nå målet är en övre gräns (märkt högst).",
        f"{lead('fte_funded')} okänt – arbetstiden per peer supporter publiceras inte (004 frågar om alla klarar en "
        "heltidstjänst; 001 berättar om en som gått ner i tid). Modellen räknar kostnad per person, inte heltider.",
    ]


def _one_year(baseline: Baseline) -> str:
    """'3 av 4 beslutade perioder t.o.m. 2020-06-11 var ett kalenderår långa.' — from the agreements, never prose."""
    one, total = baseline.one_year_periods
    return (f"{one} av {total} beslutade perioder t.o.m. {baseline.as_of.isoformat()} var ett kalenderår långa."
            if total else f"ingen beslutad period är känd t.o.m. {baseline.as_of.isoformat()}.")


def _amounts(baseline: Baseline) -> str:
    """'beslutade belopp: 2019 3,5 mnkr (S002), 2020 3,5 mnkr (S000); ingen ökning mellan dem.'"""
    amounts = baseline.decided_amounts
    listed = "; ".join(f"{year} {fmt.mnkr(amount)} ({sources})" for year, amount, sources in amounts)
    if len(amounts) < 2:
        return f"bara ett beslutat belopp är känt ({listed}), så ingen ökning kan räknas fram." if amounts else \
            "inget beslutat belopp är känt."
    same = len({amount for _, amount, _ in amounts}) == 1
    return f"beslutade belopp: {listed}" + ("; ingen ökning mellan dem." if same else "; se Finansiering.")


def _label(name: str) -> str:
    return re.sub(r" [(].*[)]$", "", FIELD_LABELS[name])


# Per year first, then the whole agreement period, then the staffing, then the inputs: the order of comparisons.
# Every amount names its horizon: per year, the first year, once, or the whole agreement period.
FIELD_LABELS = {
    "cost_per_year_sek": "Kostnad första avtalsåret (kr)", "budget_sek": "Budget per år (kr)",
    "total_cost_sek": "Kostnad för hela avtalsperioden (kr)", "budget_total_sek": "Budget för hela avtalsperioden (kr)",
    "balance_sek": "Överskott (+) / underskott (−) för hela perioden (kr)",
    "secured_months": "Säkrade månader från årsskiftet", "agreement_years": "Avtalslängd (år)",
    "supporters_funded": "Finansierade peer supportrar", "fte_funded": "Finansierade heltider",
    "recruits": "Att rekrytera och utbilda", "units_at_target": "Enheter som når målet",
    "districts_covered": "Stadsdelar med känd enhet med peer support",
    "cost_per_unit_at_target_sek": "Kostnad per enhet vid målet (kr per år)",
    "budget_needed_for_target_sek": "Budget som krävs första året för målet i alla enheter (kr)",
    "cost_per_supporter_sek": "Kostnad per peer supporter och år (kr)", "overhead_share": "Overhead (andel)",
    "new_supporters": "Nya peer supportrar utöver bemanningen",
    "training_cost_per_person_sek": "Utbildningskostnad per ny peer supporter, en gång (kr)",
    "target_per_unit": "Mål per enhet", "staffing": "Bemanning i dagens enheter",
    "new_units": "Nya enheter med målet", "annual_increase": "Årlig kostnadsökning (andel)",
    "new_unit_districts": "Stadsdelar för nya enheter",
}


STAFFING_LABELS = {"keep": "behåll dagens", "to_target": "alla enheter till målet",
                   "expand": "alla enheter till målet och nya enheter"}   # 'expand': saved before the split


# Short labels keep two metrics a row whole at 1280 px and one at 390 px; the full wording (FIELD_LABELS) is their
# help text. The balance is labelled by its sign (`_balance`).
KEY_FIGURES = {
    "cost_per_year_sek": "Kostnad första året", "total_cost_sek": "Kostnad för perioden ({years})",
    "budget_total_sek": "Budget för perioden ({years})", "balance_sek": None,
    "supporters_funded": "Finansierade peer supportrar", "units_at_target": "Enheter som når målet",
    "secured_months": "Säkrade månader", "budget_needed_for_target_sek": "Budget för målet första året",
}


def key_figures(result: dict) -> list[tuple[str, str, str]]:
    """The result's key figures as (label, value in Swedish with its bound, full label)."""
    years = f"{result['agreement_years']} år"
    return [(*(_balance(result, years) if key == "balance_sek" else (label.format(years=years), figure(key, result))),
             FIELD_LABELS[key].replace(" (kr)", "")) for key, label in KEY_FIGURES.items()]


def _balance(result: dict, years: str) -> tuple[str, str]:
    """'Underskott för perioden (1 år)', 'högst 2,2 mnkr': the sign in words, so the bound reads one way."""
    value, bound = result["balance_sek"], bounded(result).get("balance_sek")
    if value < 0:
        return f"Underskott för perioden ({years})", f"{'högst ' if bound else ''}{fmt.mnkr(-value)}"
    return f"Överskott för perioden ({years})", f"{'minst ' if bound else ''}{fmt.mnkr(value)}"


def figure(key: str, result: dict, amount=fmt.mnkr) -> str:
    """An output as text, with "högst" or "minst" where it is a bound ('högst 5,7 mnkr', 'minst −2 192 000' for
    a balance whose label says + and −). `amount` writes kronor."""
    value, bound = result[key], bounded(result).get(key)
    text = amount(value) if key.endswith("_sek") else fmt.number(value, 1 if key == "secured_months" else 0)
    return f"{bound} {text}" if bound else text


def bounded(outputs: dict) -> dict[str, str]:
    """Which outputs are bounds. A scenario saved before bounds were recorded brought today's units to the
    target from minimum counts (every date the documents describe has units whose count is unpublished)."""
    if "bounded" in outputs:
        return outputs["bounded"] or {}
    if outputs.get("staffing") in ("to_target", "expand"):
        return {**dict.fromkeys(("supporters_funded", "recruits", "cost_per_year_sek", "total_cost_sek",
                                 "budget_needed_for_target_sek"), "högst"), "balance_sek": "minst"}
    return {}


def bounds_note(result: dict, baseline: Baseline) -> str | None:
    """Why figures are bounds, in one sentence, where any is."""
    if not bounded(result):
        return None
    return (f"Högst och minst: för {baseline.units_count_unpublished} av dagens {len(baseline.unit_supporters)} "
            "enheter publicerar källorna bara att de har minst en peer supporter. Att nå målet kräver därför högst "
            "så många nya som visas; finns det redan fler i en enhet behövs färre, och kostnaden blir lägre.")


def cost_frame(result: dict) -> pd.DataFrame:
    """Budget and cost over the whole agreement period: the rows of the cost chart and of its table;
    `Gräns` says "högst" where the cost is an upper bound."""
    bound = bounded(result).get("total_cost_sek", "")
    return pd.DataFrame({"post": ["Budget", "Kostnad"],
                         "amount_sek": [result["budget_total_sek"], result["total_cost_sek"]],
                         "Gräns": ["", bound]})


def newest_matching(saved: pd.DataFrame, search: str | None, limit: int) -> tuple[pd.DataFrame, int]:
    """The `limit` most recently changed saved scenarios (the store lists them newest first) whose name holds
    `search` in any case, and how many match."""
    term = (search or "").strip().casefold()
    matching = saved[saved["name"].str.casefold().str.contains(term, regex=False)] if term else saved
    return matching.head(limit), len(matching)


def stale_scenarios(saved: list[dict], data_version: str) -> list[str]:
    """Saved scenarios computed on other data than the current: their figures may be out of date."""
    return [f"'{s['name']}' (data t.o.m. {fmt.iso_date(s['data_as_of'])})" for s in saved
            if s["data_version"] != data_version]


def comparison_frame(saved: list[dict]) -> pd.DataFrame:
    """Inputs and outputs of two to four saved scenarios side by side, with the data each was computed on;
    `Skiljer sig` marks differing rows. A bound is text ('högst 5 692 000'), every other figure a number."""
    rows = [{"Uppgift": "Beräknat på data t.o.m.", **{s["name"]: fmt.iso_date(s["data_as_of"]) for s in saved},
             "Skiljer sig": "ja" if len({str(s["data_as_of"]) for s in saved}) > 1 else "nej"}]
    for key, label in FIELD_LABELS.items():
        shown = [_cell(key, scenario["outputs"]) for scenario in saved]
        rows.append({"Uppgift": label, **{s["name"]: v for s, v in zip(saved, shown)},
                     "Skiljer sig": "ja" if len({str(v) for v in shown}) > 1 else "nej"})
    return pd.DataFrame(rows)


def _cell(key: str, outputs: dict):
    value = outputs.get(key)
    if isinstance(value, list):
        return ", ".join(value)
    if key == "staffing":
        return STAFFING_LABELS.get(value, value)
    if key.endswith("_sek") and isinstance(value, (int, float)):
        value = round(value, -3)   # whole thousands: the inputs (salary, overhead) support no finer figure
    if key in bounded(outputs) and isinstance(value, (int, float)):
        return figure(key, {**outputs, key: value}, amount=fmt.number)
    return value
