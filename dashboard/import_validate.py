"""Check every row of an import before anything is written; report all problems at once, in Swedish,
each with file, row (as the spreadsheet numbers it) and column."""

import re
from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.import_kinds import Field, Kind
from dashboard.import_read import Table

MONTHS = {m: i for i, m in enumerate(("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                                      "september", "oktober", "november", "december"), start=1)}
SUPPORTER_CODE = re.compile(r"^[A-ZÅÄÖ]{1,3}\d{1,4}$")
FORMULA_START = ("=", "+", "@", "\t", "\r")
MAX_TEXT = 500


@dataclass(frozen=True)
class Problem:
    file: str
    row: int
    column: str
    message: str


@dataclass(frozen=True)
class References:
    ids: dict[str, dict[str, str]]        # kind -> identifier -> resolved id
    option_survey: dict[str, str]
    placements: pd.DataFrame              # existing placements, for the working-time check


def validate(kind: Kind, table: Table, file_name: str, refs: References) -> tuple[list[dict], list[Problem]]:
    problems = _check_headers(kind, table, file_name)
    if problems:
        return [], problems
    if not table.rows:
        return [], [Problem(file_name, 2, "", "Filen har rubriker men inga datarader.")]
    positions = {h: table.headers.index(h) for h in kind.headers if h in table.headers}
    records, seen = [], {}
    for index, raw in enumerate(table.rows):
        row_number = index + 2
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
    if kind.name == "placements" and not problems:
        problems += _check_working_time(records, refs.placements, file_name)
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
        text = raw[position].strip() if position is not None and position < len(raw) else ""
        if position is not None and (index, position) in table.formulas:
            problems.append(Problem(file_name, row_number, field.header, "Formler tillåts inte; skriv värdet."))
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
    if text.startswith(FORMULA_START) or (text.startswith("-") and field.type == "text"):
        raise ValueError(f"'{text[:40]}' ser ut som en formel; formler tillåts inte.")
    if len(text) > MAX_TEXT:
        raise ValueError(f"Texten är längre än {MAX_TEXT} tecken.")
    value = {"date": parse_date, "share": _share, "amount": _amount, "integer": _integer}.get(field.type, str)(text)
    if field.choices and value not in field.choices:
        raise ValueError(f"'{value}' är inte ett av: {', '.join(field.choices)}.")
    if field.references and field.references != "supporter":
        resolved = refs.ids.get(field.references, {}).get(value)
        if resolved is None:
            raise ValueError(f"'{value}' finns inte bland befintliga {_NOUNS[field.references]}.")
        return resolved
    if field.references == "supporter" and not SUPPORTER_CODE.match(value):
        raise ValueError(f"'{value}' är ingen pseudonym kod (t.ex. P08); namn får inte användas.")
    return value


_NOUNS = {"area": "områden", "unit": "enheter", "survey": "enkäter", "option": "svarsalternativ",
          "recommendation": "rekommendationer"}


def parse_date(text: str) -> date:
    """ISO (2021-03-01), Swedish/Excel forms (1/3/2021, 01.03.2021, 20210301) and '1 mars 2021'."""
    cleaned = text.strip().split(" 00:00")[0]
    patterns = [
        (r"^(\d{4})-(\d{1,2})-(\d{1,2})$", (1, 2, 3)), (r"^(\d{1,2})/(\d{1,2})/(\d{4})$", (3, 2, 1)),
        (r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$", (3, 2, 1)), (r"^(\d{4})(\d{2})(\d{2})$", (1, 2, 3)),
    ]
    for pattern, (y, m, d) in patterns:
        match = re.match(pattern, cleaned)
        if match:
            try:
                return date(int(match.group(y)), int(match.group(m)), int(match.group(d)))
            except ValueError:
                break
    match = re.match(r"^(\d{1,2}) ([a-zåäö]+) (\d{4})$", cleaned.lower())
    if match and match.group(2) in MONTHS:
        try:
            return date(int(match.group(3)), MONTHS[match.group(2)], int(match.group(1)))
        except ValueError:
            pass
    raise ValueError(f"'{text}' är inget giltigt datum (skriv ÅÅÅÅ-MM-DD).")


def _number(text: str) -> float:
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace("kr", "").replace("%", "")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    return float(cleaned)


def _share(text: str) -> float:
    try:
        value = _number(text) / (100 if "%" in text else 1)
    except ValueError:
        raise ValueError(f"'{text}' är ingen andel (skriv t.ex. 0,5 eller 50 %).") from None
    if not 0 < value <= 1:
        raise ValueError(f"Andelen {text} ska vara större än 0 och högst 1 (100 %).")
    return value


def _amount(text: str) -> int:
    try:
        value = _number(text)
    except ValueError:
        raise ValueError(f"'{text}' är inget belopp i kronor.") from None
    if value < 0:
        raise ValueError(f"Beloppet {text} är negativt.")
    return round(value)


def _integer(text: str) -> int:
    try:
        return int(_number(text))
    except ValueError:
        raise ValueError(f"'{text}' är inget heltal.") from None


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
        if record.get("absence_start") and (record["absence_start"] < record["start_date"] or (
                record.get("end_date") and record["absence_start"] > record["end_date"])):
            yield "Frånvaro från", "Frånvaron börjar utanför placeringens period."
    if kind.name == "survey_responses" and refs.option_survey.get(record["option_id"]) != record["survey_id"]:
        yield "Svarsalternativ-id", f"Svarsalternativet {record['option_id']} hör inte till enkät {record['survey_id']}."


def _check_working_time(records: list[dict], existing: pd.DataFrame, file_name: str) -> list[Problem]:
    """A supporter may not be placed over 100 % of working time on any day (known shares only)."""
    incoming = pd.DataFrame(records)
    kept = existing[~existing["placement_id"].isin(incoming["placement_id"])]
    every = pd.concat([kept.assign(_row=None), incoming[kept.columns.tolist() + ["_row"]]], ignore_index=True)
    every = every[every["fte_share"].notna()]
    problems = []
    for record in records:
        if record.get("fte_share") is None:
            continue
        start, end = record["start_date"], record["end_date"] or date.max
        same = every[every["supporter_id"] == record["supporter_id"]]
        days = [start] + [d for d in pd.to_datetime(same["start_date"]).dt.date if start <= d <= end]
        for day in days:
            active = same[(pd.to_datetime(same["start_date"]).dt.date <= day) & (
                same["end_date"].isna() | (pd.to_datetime(same["end_date"]).dt.date >= day))]
            if active["fte_share"].sum() > 1 + 1e-9:
                problems.append(Problem(file_name, record["_row"], "Arbetstid (andel av heltid)",
                                        f"{record['supporter_id']} blir placerad över 100 % av heltid "
                                        f"({active['fte_share'].sum():.0%}) den {day}."))
                break
    return problems
