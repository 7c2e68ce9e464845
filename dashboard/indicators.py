"""The indicator registry and the one way to run an indicator: `run(name, **params)`.

Each indicator is declared once here (SQL file, Swedish label, unit, chart kind, "Så läser du" note,
parameters); pages, exports and the command line iterate this registry.
"""

from dataclasses import dataclass

import pandas as pd

from dashboard import db, sqlfiles
from dashboard.params import (
    AREA, AREA_KIND, AS_OF, EVALUATION, FROM, GRANULARITY, QUESTION, STATUS, SURVEY, TARGET, THEME, THRESHOLD,
    TO, TOPIC, UNIT_TYPE, Param, ParameterError, convert,
)


class UnknownIndicator(LookupError):
    pass


@dataclass(frozen=True)
class Indicator:
    name: str
    label: str
    unit: str
    chart: str
    how_to_read: str
    params: tuple[Param, ...] = ()

    @property
    def param_names(self) -> list[str]:
        return [p.name for p in self.params]

    @property
    def file_stem(self) -> str:
        """'Placeringar per stadsdel' -> 'placeringar_per_stadsdel', for download file names."""
        plain = self.label.lower().translate(str.maketrans("åäöé ", "aaoe_"))
        return "".join(c for c in plain if c.isalnum() or c == "_")


REGISTRY: dict[str, Indicator] = {i.name: i for i in (
    Indicator(
        "placements_per_stadsdel", "Placeringar per stadsdel", "placeringar", "bar",
        "Räknar placeringar (peer supporter × enhet) som pågår någon gång under perioden, per stadsdel eller "
        "central förvaltning. Frånvarande = peer supportrar med dokumenterad frånvaro (t.ex. sjukskrivning) "
        "under perioden. De flesta start- och slutdatum är härledda ur dokumenten; arbetstid (heltidsandel) "
        "är inte publicerad.",
        (AS_OF, FROM, TO, AREA, UNIT_TYPE, AREA_KIND),
    ),
    Indicator(
        "supporters_per_unit", "Peer supportrar per enhet", "peer supportrar", "bar",
        "Antal peer supportrar med pågående placering i varje enhet på valt datum, jämfört med målet minst två "
        "per enhet (rekommendation i utvärdering år två, 001). Dokumenten säger sällan hur många som fanns per "
        "enhet; där de bara säger att enheten hade peer support räknas en.",
        (AS_OF, TARGET, AREA, UNIT_TYPE),
    ),
    Indicator(
        "funding_horizon", "Finansiering per överenskommelse", "kronor", "timeline",
        "En rad per finansieringsbeslut. Ledtid = dagar från beslut till periodens start (negativ: beslutet kom "
        "efter att perioden börjat). Dagar kvar räknas från valt datum till periodens slut. Belopp och datum som "
        "inte är publicerade visas som saknade.",
        (AS_OF,),
    ),
    Indicator(
        "funding_summary", "Säkrad finansiering", "månader", "kpi",
        "Hur länge finansieringen är säkrad av överenskommelser som var beslutade på valt datum, och hur stor "
        "andel av besluten som gällt ett år i taget.",
        (AS_OF,),
    ),
    Indicator(
        "survey_outcome_shares", "Andelar per svarsalternativ", "andel", "interval",
        "Andel svarande som valt varje alternativ, med 95 % konfidensintervall (Wilson). Publicerade andelar "
        "återges som dokumentet anger dem; antal är härledda bara där exakt ett heltal av N ger den publicerade "
        "andelen. Antal från svar på individnivå under gränsen för små tal visas som '..'.",
        (SURVEY, QUESTION, THRESHOLD),
    ),
    Indicator(
        "survey_response", "Svarsfrekvens och bortfall", "andel", "kpi",
        "Svarsfrekvens = besvarade / möjlig population; bortfall = 1 − svarsfrekvens, som i 004.",
        (SURVEY,),
    ),
    Indicator(
        "supporter_gender", "Peer supportrar efter kön", "personer", "bar",
        "Antal efter kön så som varje källa anger dem, sida vid sida. Källorna är oense: 000 anger sju anställda "
        "men tre män och sex kvinnor. Inget värde väljs bort.",
        (AS_OF,),
    ),
    Indicator(
        "recommendations", "Rekommendationer och uppföljning", "rekommendationer", "table",
        "Utvärderingarnas rekommendationer med senaste dokumenterade uppföljning. 'okänd' betyder att ingen "
        "uppföljning finns i källorna.",
        (STATUS, EVALUATION),
    ),
    Indicator(
        "source_conflicts", "Motstridiga uppgifter", "konflikter", "table",
        "Uppgifter där källorna säger olika. Båda värdena och båda källorna visas.",
    ),
    Indicator(
        "sources", "Källor", "dokument", "table",
        "Varje dokument som en siffra kommer från, med hur många rader i databasen som hänvisar till det.",
    ),
    Indicator(
        "placements_over_time", "Placeringar över tid", "placeringar", "line",
        "Placeringar som pågår någon gång under varje år eller kvartal, per område. En placering som spänner "
        "över flera perioder räknas i varje period.",
        (AS_OF, FROM, TO, GRANULARITY, AREA, UNIT_TYPE, AREA_KIND),
    ),
    Indicator(
        "evaluations", "Utvärderingar", "utvärderingar", "table",
        "Utvärderingsomgångarna: vem som gjorde dem, när, hur och hur många som intervjuades (där det anges).",
    ),
    Indicator(
        "findings", "Iakttagelser per tema", "iakttagelser", "table",
        "Utvärderingarnas huvudsakliga iakttagelser, sorterade efter tema.",
        (THEME, EVALUATION),
    ),
    Indicator(
        "data_gaps", "Okända uppgifter", "luckor", "table",
        "Uppgifter som källorna inte publicerar. De visas som saknade (–) i tabellerna, aldrig som gissningar.",
    ),
    Indicator(
        "reported_figures", "Uppgifter som dokumenten anger", "uppgifter", "table",
        "Antal och sammanhang som dokumenten anger direkt, t.ex. antal anställda peer supportrar vid ett datum.",
        (TOPIC,),
    ),
)}


def get(name: str) -> Indicator:
    if name not in REGISTRY:
        raise UnknownIndicator(f"Okänd indikator '{name}'. Giltiga: {', '.join(REGISTRY)}")
    return REGISTRY[name]


def resolve(indicator: Indicator, supplied: dict) -> dict:
    """Public parameter values with defaults filled in, in declaration order."""
    aliases = {p.sql_name: p.name for p in indicator.params}
    supplied = {aliases.get(k, k): v for k, v in supplied.items()}
    unknown = sorted(set(supplied) - set(indicator.param_names))
    if unknown:
        valid = ", ".join(indicator.param_names) or "(inga)"
        raise ParameterError(f"{indicator.name} tar inte parametern {', '.join(unknown)}. Giltiga: {valid}")
    resolved = {}
    for param in indicator.params:
        value = convert(param, supplied.get(param.name))
        resolved[param.name] = param.default(resolved) if value is None else value
    if "from" in resolved and resolved["from"] > resolved["to"]:
        raise ParameterError(f"from ({resolved['from']}) ligger efter to ({resolved['to']})")
    return resolved


def run_query(name: str, **sql_params) -> pd.DataFrame:
    """A helper query that is not an indicator (filter options, the data's as-of date)."""
    sql = sqlfiles.load(name)
    return db.query(sql.sql, sql.bind(sql_params))


def run(name: str, **params) -> pd.DataFrame:
    """Run an indicator; `df.attrs` says which parameters (and so which dates) were used."""
    indicator = get(name)
    resolved = resolve(indicator, params)
    sql = sqlfiles.load(name)
    bound = {p.sql_name: resolved[p.name] for p in indicator.params if p.sql_name in sql.params}
    frame = db.query(sql.sql, sql.bind(bound))
    frame.attrs.update(indicator=name, params=resolved)
    return frame
