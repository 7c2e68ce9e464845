"""SQL files in `queries/`, loaded by name, with their parameter contract checked.

A query's name is its path below `queries/` without `.sql`, so the name says what kind it is:
`indicators/<indicator>`, `lookups/…`, `imports/…` (what an import compares with), `replay/…` (imports written
into a rebuilt database), `user/…` (the user store) and `clock/…` (the database as known on a date). A file opens with a comment header whose `-- params:`
line declares every `$name` the SQL uses; the loader rejects a file whose declaration and use differ, or a call
that supplies missing or extra parameters.

A file may build on another as dbt's `ref` does: `-- uses: indicators/supporters_per_unit` puts that query's rows
before its own as a common table expression named `supporters_per_unit`, so a rule is written in one file (its
parameters are the using file's too, and declared there).
"""

import re
from dataclasses import dataclass
from functools import cache

from dashboard.base import paths

PARAM = re.compile(r"(?<![\w$])\$([a-z_][a-z0-9_]*)")
COMMENT = re.compile(r"--[^\n]*")
HEADER_KEYS = ("name", "question", "grain", "params", "uses", "columns")
WITH = re.compile(r"^\s*with\s", re.I)


class QueryContractError(ValueError):
    pass


@dataclass(frozen=True)
class SqlFile:
    name: str
    sql: str
    params: tuple[str, ...]
    columns: tuple[str, ...]   # as the header declares them

    def bind(self, values: dict) -> dict:
        missing = [p for p in self.params if p not in values]
        extra = [k for k in values if k not in self.params]
        if missing or extra:
            raise QueryContractError(
                f"{self.name}: saknade parametrar {missing}, okända parametrar {extra}; "
                f"giltiga: {', '.join(self.params) or '(inga)'}"
            )
        return {p: values[p] for p in self.params}


@cache
def load(name: str) -> SqlFile:
    path = paths.QUERY_DIR / f"{name}.sql"
    if not path.is_file():
        raise QueryContractError(f"okänd fråga '{name}'")
    text = path.read_text(encoding="utf-8")
    header = header_fields(text)
    if header.get("name") != name:
        raise QueryContractError(f"{path.name}: rubriken heter '{header.get('name')}', filen '{name}'")
    declared = tuple(_names(header.get("params", "")))
    for used_name in _names(header.get("uses", "")):
        text = _with_query(load(used_name), text)
    used = set(PARAM.findall(COMMENT.sub("", text)))
    if used != set(declared):
        raise QueryContractError(f"{path.name}: deklarerade {sorted(declared)} men använder {sorted(used)}")
    return SqlFile(name, text, declared, tuple(_names(header.get("columns", ""))))


def _with_query(used: SqlFile, text: str) -> str:
    """`text` with `used`'s rows as a first common table expression, named by the last part of its name."""
    header = "\n".join(line for line in text.splitlines() if line.startswith("--"))
    body = "\n".join(text.splitlines()[len(header.splitlines()):])
    cte = f"{used.name.rsplit('/', 1)[-1]} as (\n{used.sql}\n)"
    joined = WITH.sub(f"with {cte},\n", body, count=1) if WITH.match(body) else f"with {cte}\n{body}"
    return f"{header}\n{joined}"


def header_fields(text: str) -> dict[str, str]:
    """The `-- key: value` lines of the opening comment. A value continues on lines indented by more than one
    space (`--   more`); a line of prose after the header (`-- A note …`) belongs to no key."""
    header, key = {}, None
    for line in text.splitlines():
        if not line.startswith("--"):
            break
        content = line[2:]
        match = re.match(r"\s(\w+):\s*(.*)", content)
        if match and match.group(1) in HEADER_KEYS:
            key = match.group(1)
            header[key] = match.group(2).strip()
        elif key and content.startswith("  ") and content.strip():
            header[key] += " " + content.strip()
        else:
            key = None
    return header


def _names(spec: str) -> list[str]:
    """`from date, area varchar|null` -> ['from', 'area']; `(inga)` and `(none)` declare none."""
    return [item.split()[0] for item in spec.split(",") if item.strip() and item.split()[0] not in ("(inga)", "(none)")]
