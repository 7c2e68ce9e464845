"""SQL files in `queries/`, loaded by name, with their parameter contract checked.

A file opens with a comment header; its `-- params:` line declares every `$name` the SQL uses,
and the loader rejects a file whose declaration and use differ, or a call that supplies
missing or extra parameters.
"""

import re
from dataclasses import dataclass
from functools import cache

from dashboard import paths

PARAM = re.compile(r"(?<![\w$])\$([a-z_][a-z0-9_]*)")
COMMENT = re.compile(r"--[^\n]*")


class QueryContractError(ValueError):
    pass


@dataclass(frozen=True)
class SqlFile:
    name: str
    sql: str
    header: dict[str, str]
    params: tuple[str, ...]

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
    if not path.exists():
        raise QueryContractError(f"okänd fråga '{name}'")
    text = path.read_text(encoding="utf-8")
    header = _header(text)
    declared = tuple(_declared_params(header.get("params", "")))
    used = set(PARAM.findall(COMMENT.sub("", text)))
    if used != set(declared):
        raise QueryContractError(f"{path.name}: deklarerade {sorted(declared)} men använder {sorted(used)}")
    return SqlFile(name, text, header, declared)


def _header(text: str) -> dict[str, str]:
    header, key = {}, None
    for line in text.splitlines():
        if not line.startswith("--"):
            break
        content = line[2:].strip()
        match = re.match(r"(\w+):\s*(.*)", content)
        if match and match.group(1) in ("name", "question", "grain", "params", "columns"):
            key = match.group(1)
            header[key] = match.group(2)
        elif key and content:
            header[key] += " " + content
    return header


def _declared_params(spec: str) -> list[str]:
    """`from_date date, area varchar|null` -> ['from_date', 'area']; `(inga)` declares none."""
    return [item.split()[0] for item in spec.split(",") if item.strip() and item.split()[0] != "(inga)"]
