"""The query files keep their contracts: one file per indicator, parameters declared as used, and a header whose
`columns:` line lists exactly what the query returns."""

import re
from pathlib import Path

import pytest

from dashboard import indicators
from dashboard.base import paths
from dashboard.store import sqlfiles

QUERIES = sorted(p.relative_to(paths.QUERY_DIR).with_suffix("").as_posix() for p in paths.QUERY_DIR.rglob("*.sql"))
KINDS = {"indicators", "lookups", "imports", "replay", "user", "checks", "clock"}


def test_every_query_lives_in_a_folder_for_its_kind():
    assert {name.split("/")[0] for name in QUERIES} == KINDS
    assert all(name.count("/") == 1 for name in QUERIES)


def test_the_indicator_folder_holds_exactly_the_registry():
    files = sorted(Path(name).name for name in QUERIES if name.startswith("indicators/"))
    assert files == sorted(indicators.REGISTRY)


@pytest.mark.parametrize("name", QUERIES)
def test_every_query_file_loads_with_its_parameter_contract(name):
    query = sqlfiles.load(name)
    body = "\n".join(line for line in query.sql.splitlines() if not line.startswith("--")).lstrip().lower()
    writes = body.startswith(("insert", "update", "delete", "attach")) and "returning" not in body
    # a read (or a write's `returning`) lists its columns; a `create … as` may do either (a view to read, or not)
    assert query.name == name and (body.startswith("create") or bool(query.columns) != writes)


@pytest.mark.parametrize("name", list(indicators.REGISTRY))
def test_an_indicator_header_lists_the_columns_it_returns(name):
    declared = list(sqlfiles.load(f"indicators/{name}").columns)
    assert declared == list(indicators.run(name, staff_detail=True).columns)   # the rule adds its flag column


def test_a_header_value_continues_only_on_indented_lines():
    text = ("-- name: x\n-- columns: a, b,\n--   c\n-- A note that follows the header, about b.\nselect 1")
    assert sqlfiles.header_fields(text)["columns"] == "a, b, c"


def test_the_schema_allows_exactly_the_follow_up_statuses_the_code_offers():
    from dashboard.params import STATUS

    schema = paths.SCHEMA_FILE.read_text(encoding="utf-8")
    table = schema[schema.index("create table recommendation_status"):]
    allowed = re.search(r"status in \(([^)]*)\)", table).group(1)
    assert tuple(value.strip(" '") for value in allowed.split(",")) == STATUS.choices
