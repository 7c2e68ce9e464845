"""Scenario inputs from text (command line, URL) and the model in Swedish: labels, derivations, comparisons."""

import math
import re
from dataclasses import asdict, fields, replace

import pandas as pd

from dashboard import formatting as fmt
from dashboard.amounts import AmountError, echo, parse_amount, parse_share
from dashboard.scenario import BOUNDS, STAFFING, Baseline, ScenarioError, ScenarioInputs, default_inputs


SHARES = tuple(name for name, bounds in BOUNDS.items() if bounds.kind == "share")
NAMES = tuple(f.name for f in fields(ScenarioInputs))


def parse_inputs(raw: dict, baseline: Baseline) -> ScenarioInputs:
    """Inputs from strings (the command line): the first unknown name or unusable value raises ScenarioError."""
    inputs, refused = read_inputs(raw, baseline)
    if refused:
        raise refused[0]
    return inputs


def read_inputs(raw: dict, baseline: Baseline) -> tuple[ScenarioInputs, list[ScenarioError]]:
    """Inputs from strings (command line, URL). A value that cannot be read, or lies outside its `BOUNDS`, is
    refused (a Swedish ScenarioError in the list) and its default used instead; an unknown name raises."""
    unknown = sorted(set(raw) - set(NAMES))
    if unknown:
        raise ScenarioError(unknown[0], f"Okänd parameter {echo(', '.join(unknown), 80)}. "
                                        f"Giltiga: {', '.join(sorted(NAMES))}")
    refused = []

    def read(name, default):
        try:
            return _value(raw, name, default)
        except ScenarioError as error:
            refused.append(error)
            return default

    given = {name: read(name, None) for name in ("overhead_share", "budget_sek", "cost_per_supporter_sek")}
    defaults = default_inputs(baseline, given["overhead_share"] or 0.0, given["budget_sek"],
                              given["cost_per_supporter_sek"])
    values = {name: read(name, default) for name, default in asdict(defaults).items() if name not in given}
    return replace(defaults, **values), refused


def _value(raw: dict, name: str, default):
    """An amount in kronor (`…_sek`: '3,5 mnkr'), a share ('10 %', '0,1'), a whole number, a staffing or a list
    of districts, from text."""
    text = raw.get(name)
    if text is None or not str(text).strip():
        return default
    if name == "new_unit_districts":
        return tuple(dict.fromkeys(d.strip() for d in str(text).split(",") if d.strip()))
    if name == "staffing":
        if text not in STAFFING:
            raise ScenarioError(name, f"{named(name)}: '{echo(text)}' går inte att använda; "
                                      f"ange en av {', '.join(STAFFING)}.")
        return text
    bounds = BOUNDS[name]
    if bounds.kind == "amount":
        try:
            return parse_amount(text, (bounds.low, bounds.high))
        except AmountError as error:
            raise ScenarioError(name, f"{named(name)}: {error}") from None
    value = _share(text) if bounds.kind == "share" else _number(text)
    if not bounds.admits(value):
        raise ScenarioError(name, f"{named(name)}: '{echo(text)}' går inte att använda; ange {bounds.text()}.")
    return int(value) if bounds.whole else value


def named(name: str) -> str:
    """An input as a message names it: its label and the name the address and the command line use."""
    return f"{re.sub(r' [(].*[)]$', '', FIELD_LABELS[name])} ({name})"


def _share(text) -> float:
    try:
        return parse_share(text)
    except AmountError:
        return math.nan   # refused with the field's range, as any other unusable value


def _number(text) -> float:
    try:
        return float(str(text).replace(",", ".").replace(" ", "").replace("\u00a0", ""))
    except ValueError:
        return math.nan


def derivations(baseline: Baseline) -> list[str]:
    if baseline.agreement_amount_sek is None or not baseline.supporters:
        return [f"Inga standardvärden: källorna anger inget belopp eller antal anställda på eller före "
                f"{baseline.as_of.isoformat()} ({baseline.agreement_source}; {baseline.supporters_source})."]
    amount = fmt.number(baseline.agreement_amount_sek)
    return [
        f"budget_sek: senaste beslutade överenskommelse, {amount} kr ({baseline.agreement_source}).",
        f"cost_per_supporter_sek: överenskommelsens belopp × (1 − overhead_share) / {baseline.supporters} anställda "
        f"peer supportrar ({baseline.supporters_source}); lön publiceras inte.",
        "overhead_share: 0 – dokumenten delar inte upp beloppet på löner och NSPH:s samordning, så overhead ingår "
        "i kostnaden per peer supporter.",
        f"training_cost_per_person_sek: kostnaden per peer supporter för {baseline.training_weeks:g} veckors "
        "grundutbildning (003) av årets 52 veckor; utbildningsavgift publiceras inte.",
        "target_per_unit: minst två per verksamhet (utvärdering år två, 001).",
        "agreement_years: 1 – alla överenskommelser sedan 2018 har varit ettåriga.",
        "annual_increase: 0 – överenskommelserna 2019 och 2020 var båda 3,5 mnkr.",
        f"Dagens verksamheter: {len(baseline.unit_supporters)} med peer support enligt källorna per "
        f"{baseline.as_of.isoformat()}; för {baseline.units_count_unpublished} publiceras inte antalet och de räknas "
        "med minst en, så behovet för att nå målet är en övre gräns.",
        "fte_funded: okänt – arbetstiden per peer supporter publiceras inte (004 frågar om alla klarar en "
        "heltidstjänst; 001 berättar om en som gått ner i tid). Modellen räknar kostnad per person, inte heltider.",
    ]


# Per year first, then the whole agreement period, then the staffing, then the inputs: the order of comparisons.
FIELD_LABELS = {
    "cost_per_year_sek": "Kostnad första avtalsåret (kr)", "budget_sek": "Budget per år (kr)",
    "total_cost_sek": "Kostnad för hela avtalsperioden (kr)", "budget_total_sek": "Budget för hela avtalsperioden (kr)",
    "balance_sek": "Överskott (+) / underskott (−) för hela perioden (kr)",
    "secured_months": "Säkrade månader från årsskiftet", "agreement_years": "Avtalslängd (år)",
    "supporters_funded": "Finansierade peer supportrar", "fte_funded": "Finansierade heltider",
    "recruits": "Att rekrytera och utbilda", "units_at_target": "Enheter som når målet",
    "districts_covered": "Stadsdelar med peer support",
    "cost_per_unit_at_target_sek": "Kostnad per enhet vid målet (kr/år)",
    "budget_needed_for_target_sek": "Budget som krävs för målet i alla enheter (kr)",
    "cost_per_supporter_sek": "Kostnad per peer supporter och år (kr)", "overhead_share": "Overhead (andel)",
    "new_supporters": "Nya peer supportrar", "training_cost_per_person_sek": "Utbildningskostnad per person (kr)",
    "target_per_unit": "Mål per enhet", "staffing": "Bemanning", "new_units": "Nya enheter",
    "annual_increase": "Årlig kostnadsökning (andel)", "new_unit_districts": "Stadsdelar för nya enheter",
}


STAFFING_LABELS = {"keep": "behåll dagens", "to_target": "alla enheter till målet", "expand": "även nya enheter"}


# Short labels keep four metrics a row readable; the full wording (FIELD_LABELS) is their help text.
KEY_FIGURES = (
    {"cost_per_year_sek": "Kostnad första året", "total_cost_sek": "Kostnad hela perioden",
     "budget_total_sek": "Budget hela perioden", "balance_sek": "Överskott / underskott"},
    {"supporters_funded": "Finansierade peer supportrar", "units_at_target": "Enheter som når målet",
     "secured_months": "Säkrade månader", "budget_needed_for_target_sek": "Budget för målet"},
)


def key_figures(result: dict) -> list[list[tuple[str, str, str]]]:
    """The result's key figures as rows of (label, value in Swedish, full label)."""
    def shown(key):
        return fmt.mnkr(result[key]) if key.endswith("_sek") else fmt.number(result[key], 1 if key == "secured_months" else 0)
    return [[(label, shown(key), FIELD_LABELS[key].replace(" (kr)", "")) for key, label in row.items()]
            for row in KEY_FIGURES]


def cost_frame(result: dict) -> pd.DataFrame:
    """Budget and cost over the whole agreement period: the rows of the cost chart and of its table."""
    return pd.DataFrame({"post": ["Budget", "Kostnad"],
                         "amount_sek": [result["budget_total_sek"], result["total_cost_sek"]]})


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
    `Skiljer sig` marks differing rows."""
    rows = [{"Uppgift": "Beräknat på data t.o.m.", **{s["name"]: fmt.iso_date(s["data_as_of"]) for s in saved},
             "Skiljer sig": "ja" if len({str(s["data_as_of"]) for s in saved}) > 1 else "nej"}]
    for key, label in FIELD_LABELS.items():
        # amounts rounded to whole thousands: the inputs (salary, overhead) support no finer figure
        values = [_rounded(key, scenario["outputs"].get(key)) for scenario in saved]
        shown = [", ".join(v) if isinstance(v, list) else STAFFING_LABELS.get(v, v) for v in values]
        rows.append({"Uppgift": label, **{s["name"]: v for s, v in zip(saved, shown)},
                     "Skiljer sig": "ja" if len({str(v) for v in shown}) > 1 else "nej"})
    return pd.DataFrame(rows)


def _rounded(key: str, value):
    return round(value, -3) if key.endswith("_sek") and isinstance(value, (int, float)) else value
