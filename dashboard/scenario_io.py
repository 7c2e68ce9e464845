"""Scenario inputs from text (command line, URL) and the model in Swedish: labels, derivations, comparisons."""

from dataclasses import asdict

import pandas as pd

from dashboard import formatting as fmt
from dashboard.amounts import AmountError, parse_amount, parse_share
from dashboard.scenario import Baseline, ScenarioError, ScenarioInputs, default_inputs


SHARES = ("overhead_share", "annual_increase")


def parse_inputs(raw: dict, baseline: Baseline) -> ScenarioInputs:
    """Inputs from strings (command line, URL): unknown names and unreadable values raise ScenarioError."""
    overhead = _value(raw, "overhead_share", float, 0.0)
    defaults = default_inputs(baseline, overhead, _value(raw, "budget_sek", float, None),
                              _value(raw, "cost_per_supporter_sek", float, None))
    known = set(asdict(defaults))
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ScenarioError(unknown[0], f"Okänd parameter {', '.join(unknown)}. Giltiga: {', '.join(sorted(known))}")
    values = {}
    for name, default in asdict(defaults).items():
        if name == "new_unit_districts":
            text = raw.get(name)
            values[name] = tuple(d.strip() for d in text.split(",") if d.strip()) if text else ()
        elif name == "staffing":
            values[name] = str(raw.get(name, default))
        else:
            values[name] = _value(raw, name, type(default), default)
    return ScenarioInputs(**values)


def _value(raw: dict, name: str, kind: type, default):
    """An amount in kronor (`…_sek`: '3,5 mnkr'), a share ('10 %', '0,1') or a whole number, from text."""
    text = raw.get(name)
    if text in (None, ""):
        return default
    try:
        if name.endswith("_sek"):
            return parse_amount(text, name)
        if name in SHARES:
            return parse_share(text)
    except AmountError as error:
        raise ScenarioError(name, f"{FIELD_LABELS[name]}: {error}") from None
    try:
        value = float(str(text).replace(",", ".").replace(" ", "").replace("\u00a0", ""))
    except ValueError:
        raise ScenarioError(name, f"{name}: '{text}' är inte ett tal.") from None
    if kind is int:
        if value != int(value):
            raise ScenarioError(name, f"{name}: '{text}' är inte ett heltal.")
        return int(value)
    return value


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
