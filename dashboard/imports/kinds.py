"""What can be imported: per kind, the Swedish column headers, their types and rules, and a template row.

Each template row is valid against the shipped data, so importing a template unchanged succeeds.
"""

from dataclasses import dataclass

from dashboard.base.labels import STATUS_CODES
from dashboard.params import STATUS


@dataclass(frozen=True)
class Field:
    header: str          # Swedish header in the file
    column: str          # column in the database table
    type: str            # text, date, share, amount, integer
    required: bool = True
    example: str = ""
    references: str = ""  # 'unit', 'area', 'supporter', 'survey', 'option', 'recommendation', 'placement'
    choices: tuple[str, ...] = ()
    pseudonym: bool = False   # a code for a person: one capital letter and digits, never a name
    free_text: bool = False   # a comment: checked for health data about persons
    code: bool = False        # a key or a reference by id: ASCII only, so look-alikes are never two things


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    table: str
    key: tuple[str, ...]
    fields: tuple[Field, ...]

    @property
    def headers(self) -> list[str]:
        return [f.header for f in self.fields]


UNIT_TYPES = ("sysselsättning", "träfflokal", "stödboende", "Bostad först", "försöks- och träningslägenheter",
              "aktivitetshus", "arbetsmarknadsinsats", "okänd")

KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("units", "Enheter", "unit", ("unit_id",), (
        Field("Enhets-id", "unit_id", "text", example="U_IMP_EXEMPEL", code=True),
        Field("Namn", "name", "text", example="Träffpunkt Exempel"),
        Field("Enhetstyp", "unit_type", "text", example="träfflokal", choices=UNIT_TYPES),
        Field("Område", "area_id", "text", example="Farsta", references="area"),
        Field("Huvudman", "owner", "text", example="Farsta stadsdelsförvaltning"),
    )),
    Kind("placements", "Placeringar (med frånvaro)", "placement", ("placement_id",), (
        Field("Placerings-id", "placement_id", "text", example="PL_IMP_1", code=True),
        Field("Peer supporter (kod)", "supporter_id", "text", example="P08", references="supporter", pseudonym=True,
              code=True),
        Field("Enhets-id", "unit_id", "text", example="U_FAR", references="unit", code=True),
        Field("Startdatum", "start_date", "date", example="2021-01-01"),
        Field("Slutdatum", "end_date", "date", required=False, example="2021-12-31"),
        Field("Arbetstid (andel av heltid)", "fte_share", "share", required=False, example="0,5"),
        Field("Frånvaro från", "absence_start", "date", required=False, example=""),
        Field("Frånvaro till", "absence_end", "date", required=False, example=""),
        Field("Frånvaroslag", "absence_kind", "text", required=False, example="",
              choices=("sjukskrivning", "tjänstledighet", "annan")),
    )),
    Kind("agreements", "Finansieringsöverenskommelser", "funding_agreement", ("agreement_id",), (
        Field("Överenskommelse-id", "agreement_id", "text", example="FA2021", code=True),
        Field("Dnr", "dnr", "text", required=False, example="1.5.1–999/2020"),
        Field("Finansiär", "funder", "text", example="Socialnämnden, Stockholms stad"),
        Field("Belopp (kr)", "amount_sek", "amount", required=False, example="3 500 000"),
        Field("Period från", "period_start", "date", example="2021-01-01"),
        Field("Period till", "period_end", "date", example="2021-12-31"),
        Field("Status", "status", "text", example="beslutad", choices=tuple(STATUS_CODES)),
        Field("Beslutsdatum", "decided_on", "date", required=False, example="2020-12-15"),
    )),
    Kind("survey_responses", "Enkätsvar (individnivå)", "survey_response", ("survey_id", "respondent_id", "option_id"), (
        Field("Enkät-id", "survey_id", "text", example="PO2019", references="survey", code=True),
        Field("Respondent", "respondent_id", "text", example="R001", pseudonym=True, code=True),
        Field("Svarsalternativ-id", "option_id", "text", example="PO2019-Q4-1", references="option",
              code=True),
    )),
    Kind("recommendation_status", "Uppföljning av rekommendationer", "recommendation_status",
         ("recommendation_id", "status_date"), (
        Field("Rekommendation-id", "recommendation_id", "text", example="R2-4", references="recommendation",
              code=True),
        Field("Status", "status", "text", example="pågående",
              choices=STATUS.choices),
        Field("Datum", "status_date", "date", example="2021-03-01"),
        Field("Kommentar", "note", "text", required=False, example="Rekrytering av två nya peer supportrar.",
              free_text=True),
    )),
)}
