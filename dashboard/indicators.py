"""The indicator registry and the one way to run an indicator: `run(name, **params)`.

Each indicator is declared once here (its SQL file `queries/indicators/<name>.sql`, Swedish label, "Så läser du"
note, parameters); pages, exports and the command line iterate this registry.
"""

import functools
from dataclasses import dataclass

import pandas as pd

from dashboard import export, staff
from dashboard.base.formatting import current_rule
from dashboard.base.settings import suppression_threshold
from dashboard.now import data_as_of
from dashboard.params import (
    AREA, AREA_KIND, AS_OF, EVALUATION, FROM, GRANULARITY, KNOWN_ON, QUESTION, STAFF_THRESHOLD, STALE_DAYS, STATUS,
    SURVEY, TARGET, THEME, TO, TOPIC, UNIT_TYPE, Param, ParameterError, convert,
)
from dashboard.store import db, sqlfiles


class UnknownIndicator(LookupError):
    pass


@dataclass(frozen=True)
class Indicator:
    """`params` are the indicator's own; every indicator also takes `known_on` (the second clock), which is not
    a SQL parameter: the query runs against the database as known on that date (`db.query`)."""
    name: str
    label: str
    how_to_read: str
    own_params: tuple[Param, ...] = ()

    @property
    def params(self) -> tuple[Param, ...]:
        return (*self.own_params, KNOWN_ON)

    @property
    def param_names(self) -> list[str]:
        return [p.name for p in self.params]

    @property
    def file_stem(self) -> str:
        """'Placeringar per stadsdel' -> 'placeringar_per_stadsdel', for download file names."""
        return export.slug(self.label)


REGISTRY: dict[str, Indicator] = {i.name: i for i in (
    Indicator(
        "headcount", "Antal enligt källorna",
        "Antal peer supportrar, verksamheter och stadsdelar som dokumenten anger för valt datum. Varje tal kommer "
        "från den senaste uppgiften om en tidpunkt eller period som börjar på eller före datumet, med dess "
        "datum och källa; inget som rapporteras om ett senare datum används. Ett intervall som '7–8' är "
        "dokumentets eget. Status " + current_rule() + ". Finns ingen uppgift visas '–', aldrig noll.",
        (AS_OF, STALE_DAYS),
    ),
    Indicator(
        "headcount_trend", "Antal över tid enligt källorna",
        "Varje antal peer supportrar, verksamheter och stadsdelar som dokumenten anger, som en stapel lika hög "
        "som antalet vid den tid uppgiften avser, med dokumentet i tabellen. Inget fylls i mellan uppgifterna. "
        "Ett intervall som 7–8 har sin osäkra del streckad; 'minst 3' betyder att den övre gränsen inte anges.",
        (AS_OF,),
    ),
    Indicator(
        "placements_per_stadsdel", "Placeringar per stadsdel",
        "Placeringar som pågår någon gång under perioden (högst till valt datum), per stadsdel eller central "
        "förvaltning. Bara Aktivitetshusets placering har datum i dokumenten; övriga är observationer "
        "('Farsta hade peer support i juni 2019') och räknas bara i den period de avser. Där en enhet bara är "
        "observerad är antalet peer supportrar inte publicerat: 'Peer supportrar' visas som saknat och "
        "'minst' anger vad källorna garanterar. Frånvarande = dokumenterad frånvaro under perioden.",
        (AS_OF, FROM, TO, AREA, UNIT_TYPE, AREA_KIND, STAFF_THRESHOLD),
    ),
    Indicator(
        "supporters_per_unit", "Peer supportrar per enhet",
        "Verksamheter som källorna placerar peer supportrar i på valt datum, jämfört med målet minst två per "
        "verksamhet (rekommendation i utvärdering år två, 001). Status " + current_rule() + ". Antalet per "
        "verksamhet publiceras sällan: 'minst 1' betyder att dokumentet bara säger att verksamheten hade peer "
        "support. 001 säger att majoriteten var ensamma och att en verksamhet hade två (se Källor).",
        (AS_OF, TARGET, AREA, UNIT_TYPE, STALE_DAYS, STAFF_THRESHOLD),
    ),
    Indicator(
        "units_at_target", "Verksamheter som når målet",
        "Av verksamheterna med aktuell placering på valt datum (samma regel som Peer supportrar per enhet): hur "
        "många som har minst målets antal peer supportrar (rekommendationen minst två, 001), och för hur många "
        "källorna inte avgör det, för att antalet inte publiceras ('minst 1'). Då är antalet som når målet en "
        "undre gräns.",
        (AS_OF, TARGET, AREA, UNIT_TYPE, STALE_DAYS),
    ),
    Indicator(
        "funding_horizon", "Finansiering per överenskommelse",
        "En rad per finansieringsbeslut. Ledtid = dagar från beslut till periodens start (negativ: beslutet kom "
        "efter att perioden börjat). Dagar kvar räknas från valt datum till periodens slut. Belopp och datum som "
        "inte är publicerade visas som saknade.",
        (AS_OF,),
    ),
    Indicator(
        "funding_summary", "Säkrad finansiering",
        "Hur länge finansieringen är säkrad av överenskommelser som var beslutade på valt datum, och hur stor "
        "andel av besluten som gällt ett år i taget.",
        (AS_OF,),
    ),
    Indicator(
        "survey_outcome_shares", "Andelar per svarsalternativ",
        "Andel svarande som valt varje alternativ, med 95 % konfidensintervall (Wilson). Publicerade andelar "
        "återges som dokumentet anger dem; antal är härledda bara där exakt ett heltal av N ger den publicerade "
        "andelen. Antal från svar på individnivå under gränsen för små tal visas som '..'.",
        (AS_OF, SURVEY, QUESTION),
    ),
    Indicator(
        "survey_response", "Svarsfrekvens och bortfall",
        "Svarsfrekvens = besvarade / möjlig population; bortfall = 1 − svarsfrekvens, som i 004. En enkät "
        "visas från och med att insamlingen avslutades.",
        (AS_OF, SURVEY),
    ),
    Indicator(
        "supporter_gender", "Peer supportrar efter kön",
        "Antal efter kön så som varje källa anger dem, sida vid sida. Källorna är oense: 000 anger sju anställda "
        "men tre män och sex kvinnor. Inget värde väljs bort.",
        (AS_OF,),
    ),
    Indicator(
        "recommendations", "Rekommendationer och uppföljning",
        "Utvärderingarnas rekommendationer med senaste dokumenterade uppföljning på eller före valt datum. "
        "'okänd' betyder att ingen uppföljning finns i källorna för den tiden.",
        (AS_OF, STATUS, EVALUATION),
    ),
    Indicator(
        "source_conflicts", "Motstridiga uppgifter",
        "Uppgifter där källorna säger olika. Båda värdena och båda källorna visas, från och med att det senare "
        "av de två dokumenten finns.",
        (AS_OF,),
    ),
    Indicator(
        "sources", "Källor",
        "Varje dokument som en siffra kommer från, med hur många rader i databasen som hänvisar till det.",
    ),
    Indicator(
        "placements_over_time", "Placeringar över tid",
        "Placeringar som källorna nämner under varje år eller kvartal (högst till valt datum), per område; "
        "bokstaven i stapeln är områdets i förklaringen. En placering med datum räknas i varje period den "
        "spänner över; en observation ('juni 2019') bara i den period den avser. Staplarna är inte antalet "
        "anställda: det svarta strecket är dokumentens eget antal peer supportrar i hela programmet (7–8 under "
        "2018, 001; 7 i augusti 2019, 002; 7 i juni 2020, 000), '–' där ingen uppgift avser perioden. En period "
        "utan nämnd placering är grå och märkt 'ingen uppgift': källorna säger inget, inte noll.",
        (AS_OF, FROM, TO, GRANULARITY, AREA, UNIT_TYPE, AREA_KIND),
    ),
    Indicator(
        "evaluations", "Utvärderingar",
        "Utvärderingsomgångarna: vem som gjorde dem, när, hur och hur många som intervjuades (där det anges).",
    ),
    Indicator(
        "findings", "Iakttagelser per tema",
        "Utvärderingarnas huvudsakliga iakttagelser, sorterade efter tema.",
        (AS_OF, THEME, EVALUATION),
    ),
    Indicator(
        "decision_facts", "Uppgifter inför beslutet",
        "Vad dokumenten säger som ett finansieringsbeslut behöver: risker, uppföljning, planer och sammanhang. "
        "Planer och avsikter är markerade som planer, inte beslut. Bara uppgifter om tiden till och med valt "
        "datum visas.",
        (AS_OF, TOPIC),
    ),
    Indicator(
        "data_gaps", "Okända uppgifter",
        "Uppgifter som källorna inte publicerar. De visas som saknade (–) i tabellerna, aldrig som gissningar.",
    ),
    Indicator(
        "reported_figures", "Uppgifter som dokumenten anger",
        "Antal och sammanhang som dokumenten anger direkt, t.ex. antal anställda peer supportrar vid ett datum. "
        "Bara uppgifter om tiden till och med valt datum visas.",
        (AS_OF, TOPIC),
    ),
)}


def get(name: str) -> Indicator:
    if name not in REGISTRY:
        raise UnknownIndicator(f"Okänd indikator '{name}'. Giltiga: {', '.join(REGISTRY)}")
    return REGISTRY[name]


def resolve(indicator: Indicator, supplied: dict) -> dict:
    """Parameter values with defaults filled in, in declaration order."""
    unknown = sorted(set(supplied) - set(indicator.param_names))
    if unknown:
        valid = ", ".join(indicator.param_names) or "(inga)"
        raise ParameterError(f"{indicator.name} tar inte parametern {', '.join(unknown)}. Giltiga: {valid}")
    resolved = {}
    for param in indicator.params:
        value = convert(param, supplied.get(param.name))
        resolved[param.name] = param.default(resolved) if value is None else value
    if "to" in resolved and resolved["to"] > resolved["as_of"]:
        resolved["to"] = resolved["as_of"]   # nothing from after the date: a period ends at the as-of date at the latest
    if "from" in resolved and resolved["from"] > resolved["to"]:
        raise ParameterError(f"from ({resolved['from']}) ligger efter to ({resolved['to']})")
    return resolved


def filtered_on(known_on):
    """The known-on date to filter by, or None where it leaves nothing out: on or after the data's own date every
    source is known, and the query reads the database as it is."""
    return known_on if known_on < data_as_of() else None


def run_query(name: str, known_on=None, **sql_params) -> pd.DataFrame:
    """A query that is not an indicator (`lookups/…`, `imports/…`), by its name below `queries/`; with
    `known_on`, as the sources dated by then stated it."""
    sql = sqlfiles.load(name)
    return db.query(sql.sql, sql.bind(sql_params), known_on=filtered_on(known_on) if known_on else None)


def run(name: str, staff_detail: bool = False, **params) -> pd.DataFrame:
    """Run an indicator; `df.attrs` says which parameters (and so which dates) were used.

    The suppression threshold is bound from configuration, never from the caller: no one can lower it. Staff
    figures per unit or area follow `staff`'s rule unless `staff_detail` (a förvaltare's page; never a parameter
    from an address or the command line); `attrs["staff_totals"]` holds the whole city's sums either way."""
    indicator = get(name)
    resolved = resolve(indicator, params)
    frame = _query(name, indicator, resolved)
    frame.attrs.update(indicator=name, params=resolved)
    if staff.protects(name):
        city = {**resolved, **{f: None for f in staff.FILTERS if f in resolved}}
        hidden, totals = (staff.decide(frame, name, resolved["staff_threshold"]) if city == resolved
                          else _city_staff_rule(name, tuple(sorted(city.items())), db.data_version()))
        frame.attrs["staff_totals"] = dict(totals)
        if not staff_detail:
            frame = staff.apply(frame, hidden, name)
    return frame


@functools.lru_cache(maxsize=64)
def _city_staff_rule(name: str, city_params: tuple, version: tuple) -> tuple[set[tuple], dict]:
    """`staff.decide` for a filtered run, on the city's rows: the same for every area and unit type on a date, so
    an area not seen before costs one query, not two."""
    city = dict(city_params)
    return staff.decide(_query(name, get(name), city), name, city["staff_threshold"])


def _query(name: str, indicator: Indicator, resolved: dict) -> pd.DataFrame:
    sql = sqlfiles.load(f"indicators/{name}")
    configured = {"threshold": suppression_threshold()} if "threshold" in sql.params else {}
    bound = {p.name: resolved[p.name] for p in indicator.params if p.name in sql.params}
    return db.query(sql.sql, sql.bind({**bound, **configured}), known_on=filtered_on(resolved["known_on"]))
