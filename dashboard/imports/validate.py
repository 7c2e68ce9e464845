"""Check every row of an import before anything is written; report all problems at once, in Swedish,
each with file, row (as the spreadsheet numbers it) and column."""

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field

import pandas as pd

from dashboard.base.text import code_problem, refused_character
from dashboard.imports.kinds import Field, Kind
from dashboard.imports.lists import FOR_REFERENCE
from dashboard.imports.overlaps import check_overlaps
from dashboard.imports.suggest import Candidate, Index, did_you_mean
from dashboard.imports.table import Table
from dashboard.imports.values import PARSERS

# A pseudonym is one capital letter and digits (P08, R001): initials with a birth year (AS1975) or a name are not.
# ASCII digits only: `\d` would take full-width ones (P３１), a second code for the same person.
PSEUDONYM = re.compile(r"[A-Z][0-9]{1,6}")
PERSONAL_NUMBER = re.compile(r"(?<!\d)(?:19|20)?\d{6}[-+ ]?\d{4}(?!\d)")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
EXCEL_ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!",
                "#CALC!"}
# Health data about a person does not belong in a comment; these words name diagnoses (ICD-10 chapter F).
DIAGNOSES = re.compile(r"\b(schizofren\w*|bipolär\w*|psykos\w*|depression\w*|adhd|autism\w*|asperger\w*|"
                       r"borderline|ptsd|ångestsyndrom\w*|ätstörning\w*|anorexi\w*)\b", re.IGNORECASE)
FORMULA_START = ("=", "+", "@")   # a tab or line break before one is refused as a character
MAX_TEXT = 500
# texts compared for suggestions per file, about a second's work: a file of 20 000 misspelt ids against 2 000 units
# must not take minutes (the first ones show the pattern; the rest point to the list)
SUGGESTION_BUDGET = 60_000


@dataclass(frozen=True)
class Problem:
    file: str
    row: int
    column: str
    message: str

    def line(self) -> str:
        """'fil, rad N, kolumn 'X': meddelande' on one line, whatever a header or a value held (a quoted cell
        may hold a line break)."""
        text = f"{self.file}, rad {self.row}, kolumn '{self.column}': {self.message}"
        return CONTROL.sub("\ufffd", re.sub(r"[\r\n\t]+", " ", text))


@dataclass(frozen=True)
class References:
    ids: dict[str, dict[str, str]]        # kind -> identifier -> resolved id
    option_survey: dict[str, str]
    placements: pd.DataFrame              # existing placements, for the working-time and overlap checks
    single_choice: dict[str, str] = None  # option -> its question, for options of single-choice questions
    responses: pd.DataFrame = None        # existing respondent-level answers
    candidates: dict[str, list[Candidate]] = None   # kind -> what a file may write, for suggestions
    suggested: dict = dataclass_field(default_factory=dict)   # (kind, value) -> suggestion, once per file
    indexes: dict = dataclass_field(default_factory=dict)     # kind -> its candidates' `Index`, made when needed
    budget: list = dataclass_field(default_factory=lambda: [SUGGESTION_BUDGET])   # texts still to compare

    def unknown(self, kind: str, value: str) -> str:
        """Why `value` is no valid reference of `kind`, with the nearest valid ones ('Menade du …?') or where to
        find them. A code that is not ASCII is explained, unless it is what something is called (a unit's name
        where its id belongs): then the name is the mistake, not its letters."""
        key = (kind, value)
        if kind not in self.indexes:
            self.indexes[kind] = Index((self.candidates or {}).get(kind, []))
        index = self.indexes[kind]
        if key not in self.suggested and index.size <= self.budget[0]:
            self.budget[0] -= index.size
            self.suggested[key] = index.did_you_mean(value), index.is_a_name(value)
        suggestion, named = self.suggested.get(key, ("", False))
        why = "" if named else code_problem(value)
        return (f"'{value}' finns inte bland befintliga {_NOUNS[kind]}." + (f" {why}" if why else "")
                + (suggestion or f" Giltiga värden står på bladet '{FOR_REFERENCE[kind]}' i Excel-mallen."))


def validate(kind: Kind, table: Table, file_name: str, refs: References) -> tuple[list[dict], list[Problem]]:
    problems = _check_headers(kind, table, file_name)
    if problems:
        return [], problems
    if not table.rows:
        return [], [Problem(file_name, 2, "", "Filen har rubriker men inga datarader.")]
    positions = {h: table.headers.index(h) for h in kind.headers if h in table.headers}
    problems = [Problem(file_name, number, "", message) for number, message in table.row_problems]
    records, seen = [], {}
    for index, raw in enumerate(table.rows):
        row_number = table.numbers[index]
        record, row_problems = _parse_row(kind, raw, positions, index, row_number, table, file_name, refs)
        if not row_problems:
            key = tuple(record[c] for c in kind.key)
            if key in seen:
                row_problems.append(Problem(file_name, row_number, kind.fields[0].header,
                                            f"Dubblett av rad {seen[key]} (samma nyckel {', '.join(map(str, key))})."))
            seen.setdefault(key, row_number)
        problems += row_problems
        if not row_problems:
            records.append({**record, "_row": row_number})
    if not problems:
        problems += [Problem(file_name, *found) for found in check_overlaps(kind.name, records, refs)]
    return records, problems


def _check_headers(kind: Kind, table: Table, file_name: str) -> list[Problem]:
    problems = []
    duplicated = {h for h in table.headers if h and table.headers.count(h) > 1}
    for header in sorted(duplicated):
        problems.append(Problem(file_name, 1, header, "Kolumnen finns mer än en gång."))
    for field in kind.fields:
        if field.header not in table.headers and field.required:
            problems.append(Problem(file_name, 1, field.header, "Obligatorisk kolumn saknas."))
    for header in table.headers:
        if header and header not in kind.headers:
            problems.append(Problem(file_name, 1, header,
                                    f"Okänd kolumn. Giltiga kolumner: {', '.join(kind.headers)}."))
    return problems


def _parse_row(kind, raw, positions, index, row_number, table, file_name, refs):
    record, problems = {}, []
    for field in kind.fields:
        position = positions.get(field.header)
        text = raw[position].strip() if position is not None else ""
        if (index, position) in table.refused:   # a formula or a true/false value: no text to check
            problems.append(Problem(file_name, row_number, field.header, table.refused[(index, position)]))
            continue
        try:
            record[field.column] = _value(field, text, refs)
        except ValueError as error:
            problems.append(Problem(file_name, row_number, field.header, str(error)))
    if not problems:
        problems += [Problem(file_name, row_number, header, message)
                     for header, message in _row_rules(kind, record, refs)]
    return record, problems


def _value(field: Field, text: str, refs: References):
    if text == "":
        if field.required:
            raise ValueError("Värde saknas men krävs.")
        return None
    _check_characters(field, text)
    _check_text(field, text)
    value = PARSERS.get(field.type, str)(text)
    if field.choices and value not in field.choices:
        raise ValueError(f"'{value}' är inte ett av: {', '.join(field.choices)}."
                         + did_you_mean(value, [Candidate(choice) for choice in field.choices]))
    if _checked_reference(field):
        resolved = refs.ids.get(field.references, {}).get(value)
        if resolved is None:
            raise ValueError(refs.unknown(field.references, value))
        return resolved
    if field.pseudonym and not PSEUDONYM.fullmatch(value):
        raise ValueError(f"'{value[:40]}' är ingen pseudonym kod ({field.example} = en versal och siffror); namn, "
                         "initialer och födelsedata får inte användas.")
    return value


def _check_characters(field: Field, text: str) -> None:
    """Characters no cell may hold (see dashboard.base.text), and a code that is not ASCII."""
    refused = refused_character(text)
    if refused:
        raise ValueError(f"Värdet innehåller {refused}; ta bort tecknet och skriv om värdet.")
    if field.code and code_problem(text) and not _checked_reference(field):
        raise ValueError(code_problem(text))


def _check_text(field: Field, text: str) -> None:
    """What no cell may hold, whatever its type: markup for spreadsheets and renderers, and personal data where
    pseudonyms belong."""
    if text.upper() in EXCEL_ERRORS:
        raise ValueError(f"Cellen innehåller Excel-felet {text}; rätta formeln i källfilen och skriv värdet.")
    if text.startswith(FORMULA_START) or (text.startswith("-") and field.type == "text"):
        raise ValueError(f"'{text[:40]}' ser ut som en formel; formler tillåts inte.")
    if len(text) > MAX_TEXT:
        raise ValueError(f"Texten är längre än {MAX_TEXT} tecken.")
    if field.type == "text" and PERSONAL_NUMBER.search(text):
        raise ValueError("Värdet ser ut som ett personnummer; personuppgifter får inte importeras.")
    if field.free_text and DIAGNOSES.search(text):
        raise ValueError("Kommentaren nämner en diagnos; skriv inte uppgifter om enskilda personers hälsa.")


def _checked_reference(field: Field) -> bool:
    """A reference checked against what exists (a new supporter's code registers the supporter): a code that is
    not ASCII is not one of them either, and is explained with the nearest that are (`References.unknown`)."""
    return bool(field.references) and field.references != "supporter"


_NOUNS = {"area": "områden", "unit": "enheter", "survey": "enkäter", "option": "svarsalternativ",
          "recommendation": "rekommendationer"}


def _row_rules(kind: Kind, record: dict, refs: References):
    """Rules across columns: end before start, absence inside its placement, option of the right survey."""
    for start, end, header in (("start_date", "end_date", "Slutdatum"), ("period_start", "period_end", "Period till"),
                               ("absence_start", "absence_end", "Frånvaro till")):
        if record.get(start) and record.get(end) and record[end] < record[start]:
            yield header, f"Slutet ({record[end]}) ligger före början ({record[start]})."
    if kind.name == "placements":
        has_absence = [record.get(c) is not None for c in ("absence_start", "absence_kind")]
        if any(has_absence) and not all(has_absence):
            yield "Frånvaro från", "Frånvaro kräver både 'Frånvaro från' och 'Frånvaroslag'."
        if record.get("absence_end") and not record.get("absence_start"):
            yield "Frånvaro till", "'Frånvaro till' kräver 'Frånvaro från'."
        if record.get("absence_start") and (record["absence_start"] < record["start_date"] or (
                record.get("end_date") and record["absence_start"] > record["end_date"])):
            yield "Frånvaro från", "Frånvaron börjar utanför placeringens period."
        if record.get("absence_end") and record.get("end_date") and record["absence_end"] > record["end_date"]:
            yield "Frånvaro till", f"Frånvaron slutar ({record['absence_end']}) efter placeringen ({record['end_date']})."
    if kind.name == "survey_responses" and refs.option_survey.get(record["option_id"]) != record["survey_id"]:
        yield "Svarsalternativ-id", f"Svarsalternativet {record['option_id']} hör inte till enkät {record['survey_id']}."
