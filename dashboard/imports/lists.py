"""What an import may refer to, kind by kind: the template's sheets of valid ids, the lists on Importera and the
suggestions for an id that does not exist all come from here, so they never disagree with each other or with
the data the file is checked against."""

from dataclasses import dataclass

import pandas as pd

from dashboard import indicators
from dashboard.base.formatting import MISSING, is_missing, iso_date
from dashboard.columns import AREA_KIND_LABELS, FUNDING_STATUS_LABELS
from dashboard.imports.kinds import KINDS
from dashboard.imports.suggest import Candidate

UNPUBLISHED = " (namn ej publicerat)"   # the placeholder name of a unit no document names ends so


@dataclass(frozen=True)
class IdList:
    name: str                  # sheet name in the template (at most 31 characters) and heading on the page
    query: str
    headers: dict[str, str]    # the query's columns, in order, with their Swedish headers
    note: str                  # what the list is for, in one sentence


LISTS = {list_.name: list_ for list_ in (
    IdList("Befintliga enheter", "imports/valid_units",
           {"unit_id": "Enhets-id", "name": "Namn", "unit_type": "Enhetstyp", "area": "Område", "owner": "Huvudman",
            "source_id": "Källa"},
           "Enheter som finns. En placering anger enhetens id (inte namnet); i en fil med enheter ändrar samma id "
           "enheten och ett nytt id lägger till en."),
    IdList("Områden", "imports/valid_areas", {"name": "Område", "area_id": "Id", "area_kind": "Slag"},
           "Skriv områdets namn (eller id) i kolumnen Område."),
    IdList("Koder i bruk", "imports/valid_supporters",
           {"supporter_id": "Kod", "placements": "Placeringar", "units": "Enheter", "first_start": "Första start",
            "last_start": "Senaste start"},
           "Peer supportrarnas koder i bruk. Samma person har alltid samma kod; en kod som inte finns här "
           "registrerar en ny peer supporter."),
    IdList("Befintliga överenskommelser", "imports/valid_agreements",
           {"agreement_id": "Överenskommelse-id", "dnr": "Dnr", "funder": "Finansiär", "amount_sek": "Belopp (kr)",
            "period_start": "Period från", "period_end": "Period till", "status": "Status", "source_id": "Källa"},
           "Överenskommelser som finns: samma id ändrar en, ett nytt id lägger till en."),
    IdList("Enkäter", "imports/valid_surveys",
           {"survey_id": "Enkät-id", "title": "Titel", "fieldwork_start": "Insamling från",
            "fieldwork_end": "Insamling till"},
           "Enkäter som svar kan höra till."),
    IdList("Svarsalternativ", "imports/valid_options",
           {"option_id": "Svarsalternativ-id", "survey_id": "Enkät-id", "question": "Fråga", "option": "Alternativ",
            "multiple_choice": "Svar per fråga"},
           "Svarsalternativ per enkät och fråga; en fråga med ett svar tar ett alternativ per respondent."),
    IdList("Rekommendationer", "imports/valid_recommendations",
           {"recommendation_id": "Rekommendation-id", "evaluation_id": "Utvärdering", "theme": "Tema",
            "text": "Rekommendation", "latest_status": "Senaste status", "latest_status_date": "Statusdatum"},
           "Rekommendationer som kan följas upp, med senast kända status."),
)}

BY_KIND = {"units": ("Befintliga enheter", "Områden"), "placements": ("Befintliga enheter", "Koder i bruk"),
           "agreements": ("Befintliga överenskommelser",), "survey_responses": ("Enkäter", "Svarsalternativ"),
           "recommendation_status": ("Rekommendationer",)}
CHOICES = "Tillåtna värden"
# the list a reference (`import_kinds.Field.references`) is checked against, by its sheet's name
FOR_REFERENCE = {"unit": "Befintliga enheter", "area": "Områden", "survey": "Enkäter", "option": "Svarsalternativ",
                 "recommendation": "Rekommendationer"}


def lists_for(kind: str) -> list[tuple[IdList, pd.DataFrame]]:
    """The lists a file of `kind` refers to, each as a table with Swedish headers: dates as ISO text, counts and
    amounts as numbers, '–' where a value is unknown."""
    return [(LISTS[name], table(LISTS[name])) for name in BY_KIND[kind]]


def table(id_list: IdList) -> pd.DataFrame:
    frame = indicators.run_query(id_list.query)
    return pd.DataFrame({header: [_value(column, v) for v in frame[column]]
                         for column, header in id_list.headers.items()})


def choices(kind: str) -> pd.DataFrame:
    """The values a column with a fixed set of them accepts (Enhetstyp, Status, Frånvaroslag)."""
    rows = [(field.header, choice) for field in KINDS[kind].fields for choice in field.choices]
    return pd.DataFrame(rows, columns=["Kolumn", "Tillåtet värde"])


def _value(column: str, value):
    if is_missing(value):
        return MISSING
    if column == "area_kind":
        return AREA_KIND_LABELS.get(value, value)
    if column == "status":
        return FUNDING_STATUS_LABELS.get(value, value)
    if column == "multiple_choice":
        return "flera" if value else "ett"
    if hasattr(value, "year"):
        return iso_date(value)
    return value.item() if hasattr(value, "item") else value


def candidates() -> dict[str, list[Candidate]]:
    """Per reference kind (as `import_kinds.Field.references` names it), the values a file may write, with what
    each is and what else a person might write for it."""
    units = indicators.run_query("imports/valid_units")
    options = indicators.run_query("imports/valid_options")
    return {
        "unit": [Candidate(u.unit_id, unit_label(u.name, u.name_published, u.area),
                           (u.name, u.name.removesuffix(UNPUBLISHED), u.area)) for u in units.itertuples()],
        "area": [Candidate(a.name, "", (a.area_id,))
                 for a in indicators.run_query("imports/valid_areas").itertuples()],
        "survey": [Candidate(s.survey_id, s.title) for s in indicators.run_query("imports/valid_surveys").itertuples()],
        "option": [Candidate(o.option_id, f"{o.option}; {short(o.question, 50)}", (o.option,))
                   for o in options.itertuples()],
        "recommendation": [Candidate(r.recommendation_id, short(r.text, 60))
                           for r in indicators.run_query("imports/valid_recommendations").itertuples()],
    }


def unit_label(name: str, published, area) -> str:
    """'Enhet på Östermalm, namn ej publicerat' for a placeholder name, else 'Alfa, Arbetsmarknadsförvaltningen'."""
    if not published and name.endswith(UNPUBLISHED):
        return f"{name.removesuffix(UNPUBLISHED)}, namn ej publicerat"
    return name if is_missing(area) else f"{name}, {area}"


def short(text: str, most: int) -> str:
    return text if len(text) <= most else text[:most - 1].rstrip() + "…"
