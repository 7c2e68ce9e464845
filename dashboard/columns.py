"""How indicator columns are shown: Swedish headers and one formatter per kind of value.

`display_frame` gives strings for the screen; `export_frame` keeps numbers as numbers and puts the
missing-value codes (`–`, `.`, `..`) where values are absent, so exports say exactly what the screen says.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard import staff
from dashboard.base import formatting as fmt
from dashboard.base.labels import FUNDING_STATUS_LABELS
from dashboard.base.text import visible
from dashboard.indicators import REGISTRY


@dataclass(frozen=True)
class Column:
    label: str
    kind: str = "text"   # text, int, decimal, percent, sek, date, time, bool, basis, actor


COLUMNS: dict[str, Column] = {
    "area": Column("Område"), "area_kind": Column("Förvaltningstyp"), "placements": Column("Placeringar", "int"),
    "supporters": Column("Peer supportrar", "int"), "units": Column("Enheter", "int"),
    "fte": Column("Heltidsandelar (kända)", "decimal"), "fte_unknown": Column("Placeringar utan känd arbetstid", "int"),
    "absent": Column("Frånvarande", "int"), "basis": Column("Grund", "basis"), "sources": Column("Källor"),
    "period_from": Column("Från", "date"), "period_to": Column("Till", "date"), "as_of": Column("Datum", "date"),
    "unit": Column("Enhet"), "unit_type": Column("Enhetstyp"), "target": Column("Mål per enhet", "int"),
    "meets_target": Column("Når målet", "bool"), "target_source": Column("Källa för målet"),
    "units_current": Column("Verksamheter med aktuell placering", "int"), "at_target": Column("Når målet", "int"),
    "target_unknown": Column("Avgörs inte av källorna", "int"),
    "units_last_known": Column("Verksamheter med senast känd uppgift", "int"),
    "units_planned": Column("Planerade verksamheter", "int"),
    "agreement": Column("Överenskommelse (dnr)"), "funder": Column("Finansiär"), "funding_kind": Column("Slag"),
    "amount_sek": Column("Belopp", "sek"), "period_start": Column("Period från", "date"),
    "period_end": Column("Period till", "date"), "status": Column("Status"), "decided_on": Column("Beslutad", "date"),
    "decision_basis": Column("Grund för beslutsdatum", "basis"), "decided_by_as_of": Column("Beslutad per datum", "bool"),
    "lead_time_days": Column("Ledtid (dagar)", "int"), "days_left": Column("Dagar kvar", "int"),
    "months_left": Column("Månader kvar", "decimal"), "secured_until": Column("Säkrad t.o.m.", "date"),
    "secured_days_left": Column("Säkrade dagar kvar", "int"), "secured_months_left": Column("Säkrade månader kvar", "decimal"),
    "decided_agreements": Column("Beslutade", "int"), "one_year_agreements": Column("Ettåriga", "int"),
    "one_year_share": Column("Andel ettåriga", "percent"), "next_period_start": Column("Nästa period från", "date"),
    "next_period_status": Column("Nästa periods status"), "survey": Column("Enkät"), "question": Column("Fråga"),
    "option": Column("Svarsalternativ"), "selected": Column("Antal", "int"), "respondents": Column("Svarande (N)", "int"),
    "share": Column("Andel", "percent"), "ci_low": Column("95 % KI, nedre", "percent"),
    "ci_high": Column("95 % KI, övre", "percent"), "suppressed": Column("Undertryckt", "bool"),
    "staff_suppressed": Column("Dolt enligt regeln för personaluppgifter", "bool"),
    "suppressed_why": Column("Varför dolt"),
    "count_basis": Column("Grund för antal", "basis"), "share_wording": Column("Publicerad formulering"),
    "population": Column("Population", "int"), "excluded": Column("Borträknade", "int"),
    "declined": Column("Tackade nej", "int"), "handed_out": Column("Utdelade", "int"), "answered": Column("Besvarade", "int"),
    "response_rate": Column("Svarsfrekvens", "percent"), "dropout_rate": Column("Bortfall", "percent"),
    "published_response_rate": Column("Publicerad svarsfrekvens", "percent"),
    "published_dropout_rate": Column("Publicerat bortfall", "percent"), "forms_printed": Column("Tryckta enkäter", "int"),
    "fieldwork": Column("Insamling"), "scope": Column("Avser"),
    "gender": Column("Kön"), "total_by_gender": Column("Summa efter kön", "int"),
    "stated_total": Column("Angiven summa", "int"), "consistent": Column("Stämmer", "bool"),
    "conflict_id": Column("Konflikt"), "source": Column("Källa"), "recommendation_id": Column("Id"),
    "evaluation": Column("Utvärdering"), "theme": Column("Tema"), "recommendation": Column("Rekommendation"),
    "status_date": Column("Statusdatum", "date"), "status_note": Column("Uppföljning"),
    "status_basis": Column("Grund för status", "basis"), "indicator": Column("Mäts av"), "topic": Column("Ämne"),
    "value_a": Column("Uppgift A"), "source_a": Column("Källa A"), "ref_a": Column("Var i A"),
    "value_b": Column("Uppgift B"), "source_b": Column("Källa B"), "ref_b": Column("Var i B"), "note": Column("Kommentar"),
    "source_id": Column("Id"), "title": Column("Titel"), "organisation": Column("Organisation"),
    "author": Column("Författare"), "doc_type": Column("Typ"), "dated": Column("Daterad", "date"),
    "date_note": Column("Om datumet"), "dnr": Column("Dnr"), "seed_file": Column("Fil"),
    "fact_rows": Column("Rader som hänvisar hit", "int"), "bucket": Column("Period"),
    "bucket_start": Column("Från", "date"), "bucket_end": Column("Till", "date"), "round": Column("Omgång", "int"),
    "published": Column("Publicerad"), "method": Column("Metod"), "interviews": Column("Intervjuer", "int"),
    "respondents_note": Column("Om respondenterna"), "findings": Column("Iakttagelser", "int"),
    "recommendations": Column("Rekommendationer", "int"), "finding": Column("Iakttagelse"),
    "source_ref": Column("Var i källan"), "gap_id": Column("Id"), "missing": Column("Saknas"),
    "measure": Column("Mått"), "value_low": Column("Värde (lägst)", "decimal"),
    "value_high": Column("Värde (högst)", "decimal"), "unit_of_measure": Column("Enhet"),
    "refers_to": Column("Avser tid"), "observed_on": Column("Uppgiftsdatum", "date"), "rule": Column("Regel"),
    "supporters_min": Column("Peer supportrar (minst)", "int"), "supporters_max": Column("Peer supportrar (högst)", "int"),
    "observed_units": Column("Enheter kända bara från observation", "int"), "low": Column("Lägst", "int"),
    "high": Column("Högst", "int"), "text": Column("Uppgift"), "is_plan": Column("Plan", "bool"),
    "fieldwork_end": Column("Insamlingen avslutad", "date"),
    "import_id": Column("Nr", "int"), "imported_at": Column("Tid"), "kind": Column("Slag"), "file_name": Column("Fil"),
    "file_sha256": Column("SHA-256"), "rows_added": Column("Tillagda", "int"), "rows_changed": Column("Ändrade", "int"),
    "rows_unchanged": Column("Oförändrade", "int"), "who": Column("Vem", "actor"), "detected": Column("Upptäckt"),
    "source_dated": Column("Uppgifter per", "date"), "post": Column("Post"), "undone_at": Column("Ångrad"),
    "undone_by": Column("Ångrad av", "actor"), "updated_by": Column("Av", "actor"),
    "updated_at": Column("Senast ändrad", "time"), "data_as_of": Column("Data t.o.m.", "date"), "name": Column("Namn"),
    "headcount_low": Column("Peer supportrar i programmet (lägst)", "int"),
    "headcount_high": Column("Peer supportrar i programmet (högst)", "int"),
    "headcount_refers_to": Column("Programmets antal avser"), "headcount_sources": Column("Källa för programmets antal"),
}

# Identifiers and repeated parameters that the screen and exports leave out.
HIDDEN = {"survey_id", "question_id", "option_id", "evaluation_id", "share_precision", "area_id", "fact_id"}
COUNT_KINDS = {"int", "percent", "decimal"}
BASIS_LABELS = {"documented": "dokumenterad", "derived": "härledd", "unknown": "okänd",
                "published": "publicerad", "microdata": "svar på individnivå"}
STATUS_LABELS = {**FUNDING_STATUS_LABELS, "current": "aktuell", "last_known": "senast känt", "planned": "planerad"}
MEASURE_LABELS = {"supporters": "Peer supportrar", "units": "Verksamheter", "districts": "Stadsdelar"}
AREA_KIND_LABELS = {"stadsdel": "stadsdel", "central": "central förvaltning"}


def numeric_headers(frame: pd.DataFrame) -> list[str]:
    """The screen headers of `frame`'s counts, shares and amounts: a table laid out as text aligns them right."""
    return [COLUMNS[name].label for name in visible_columns(frame)
            if name in COLUMNS and COLUMNS[name].kind in COUNT_KINDS | {"sek"}]


def visible_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if c not in HIDDEN]


def display_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Strings for the screen, Swedish headers, missing-value codes."""
    return _convert(frame, _display_value)


def export_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Numbers stay numbers; missing cells carry the same codes as the screen."""
    return _convert(frame, _export_value, percent_suffix=" (%)")


def _convert(frame: pd.DataFrame, convert, percent_suffix: str = "") -> pd.DataFrame:
    suppressed = frame["suppressed"].fillna(False).to_numpy(bool) if "suppressed" in frame else None
    staff_hidden = frame[staff.FLAG].to_numpy(bool) if staff.FLAG in frame else None
    out = {}
    for name in visible_columns(frame):
        column = COLUMNS.get(name, Column(name))
        header = column.label + (percent_suffix if column.kind == "percent" else "")
        cells = _convert_column(frame[name], lambda value: convert(column, name, value))
        if suppressed is not None and column.kind in COUNT_KINDS:
            cells[suppressed] = fmt.SUPPRESSED
        if staff_hidden is not None and name in staff.COLUMNS:
            cells[staff_hidden] = fmt.SUPPRESSED
        out[header] = cells
    return pd.DataFrame(out, columns=list(out))


def _convert_column(values: pd.Series, convert) -> np.ndarray:
    """Each distinct value converted once: a national table repeats few values over 20 000 rows."""
    try:
        codes, uniques = pd.factorize(values, use_na_sentinel=False)
    except TypeError:   # unhashable cells, e.g. lists
        return _objects([convert(value) for value in values.tolist()])
    return _objects([convert(value) for value in uniques.tolist()])[codes]


def _objects(cells: list) -> np.ndarray:
    array = np.empty(len(cells), dtype=object)
    array[:] = cells
    return array


def _display_value(column: Column, name: str, value):
    if fmt.is_missing(value):
        return fmt.MISSING
    formatter = {
        "int": fmt.number, "decimal": lambda v: fmt.number(v, 1), "percent": fmt.percent,
        "sek": fmt.mnkr, "date": fmt.iso_date, "bool": fmt.yes_no, "basis": BASIS_LABELS.get,
        "actor": fmt.actor_shown, "time": fmt.minute,
    }.get(column.kind)
    if formatter:
        return formatter(value)
    return _label(name, value)


def _export_value(column: Column, name: str, value):
    if fmt.is_missing(value):
        return fmt.MISSING
    if column.kind in ("int", "sek"):
        return int(value)
    if column.kind == "decimal":
        return float(value)
    if column.kind == "percent":
        return round(float(value) * 100, 4)
    if column.kind == "date":
        return fmt.iso_date(value)
    if column.kind in ("bool", "basis", "actor", "time"):
        return _display_value(column, name, value)
    return _label(name, value)


# Coded values shown by their Swedish names, per column; built once, not per converted value.
VALUE_LABELS = {"status": STATUS_LABELS, "next_period_status": STATUS_LABELS, "area_kind": AREA_KIND_LABELS,
                "measure": MEASURE_LABELS, "indicator": {key: i.label for key, i in REGISTRY.items()}}


def _label(name: str, value) -> str:
    """A coded value by its Swedish name; any other text as every renderer can take it (`text.visible`)."""
    return visible(VALUE_LABELS.get(name, {}).get(value, str(value)))
