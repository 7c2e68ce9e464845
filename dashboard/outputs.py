"""Files the command line writes: never through a symbolic link, never a folder, never one of the databases
what users added lives in, never into the seed folder, `data/`, `.streamlit/` or the repository's own files (a
template written over `data/seeds/unit.csv` stopped every reader), and never half: written beside the target and
renamed over it, so a full disk or a kill leaves the old file (or none), not a truncated one."""

import os
from pathlib import Path

from dashboard.base import paths
from dashboard.store import userdata


class OutputRefused(ValueError):
    """The path may not be written; the message is Swedish."""


def checked(target: Path) -> Path:
    target = Path(target)
    if target.is_symlink():
        raise OutputRefused(f"{target} är en symbolisk länk; ange en vanlig fil (länkens mål skrivs inte över).")
    if target.is_dir():
        raise OutputRefused(f"{target} är en mapp; ange ett filnamn.")
    protected = {userdata.user_database_path(), paths.database_path(), paths.DATA_DIR / "peer_support.duckdb"}
    if target.resolve() in {p.resolve() for p in protected}:
        raise OutputRefused(f"{target} är en av tjänstens databaser och skrivs aldrig över härifrån.")
    place = _project_place(target.resolve())
    if place:
        raise OutputRefused(f"{target} ligger i {place}, som tjänsten läser sina egna filer från; skriv till en "
                            "annan mapp.")
    return target


# What the repository ships at its top level: nothing the command line writes may land in or over it.
REPOSITORY = (".ci", ".git", ".gitignore", ".streamlit", "README.md", "benchmarks", "dashboard", "data", "deploy",
              "pages", "pyproject.toml", "queries", "streamlit_app.py", "tests", "uv.lock")


def _project_place(resolved: Path) -> str:
    """Where in the project `resolved` lies, if it is one of the places outputs may not go; else ''."""
    if resolved.is_relative_to(paths.seed_dir().resolve()):
        return "seed-mappen"
    if resolved.is_relative_to(paths.ROOT) and resolved != paths.ROOT:
        top = resolved.relative_to(paths.ROOT).parts[0]
        if top in REPOSITORY:
            return f"projektets {top}"
    return ""


def write_whole(target: Path, data: bytes) -> None:
    """Write `data` to `target` (checked) through a temporary file beside it."""
    target = checked(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
