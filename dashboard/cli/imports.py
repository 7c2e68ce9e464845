"""The command line's import verbs: `import` (validate, preview, write, or write a template) and `undo-import`.
Exit status 0 written, 1 the data was refused, 2 wrong usage, 3 the service failed or was busy; nothing is changed
unless the status is 0."""

import sys
from datetime import date

from dashboard import outputs
from dashboard.base import access
from dashboard.imports import run as importer
from dashboard.params import ParameterError


def run_import(args) -> int:
    """`import KIND FILE` (or `--template FILE`): validate, preview, write in one transaction."""
    from pathlib import Path

    if args.template:
        out = Path(args.template)
        if out.suffix.lower() not in (".csv", ".xlsx"):
            print("Fel: --template ska sluta på .csv eller .xlsx.", file=sys.stderr)
            return 2
        try:
            outputs.write_whole(out, importer.template(args.kind, out.suffix.lower().lstrip(".")))
        except outputs.OutputRefused as error:
            print(f"Fel: {error}", file=sys.stderr)
            return 2
        print(f"Skrev mallen {out}")
        return 0
    if not args.file:
        print(f"Fel: ange filen att importera (python -m dashboard import {args.kind} FIL), eller --template FIL "
              "för en mall.", file=sys.stderr)
        return 2
    if not Path(args.file).is_file():
        print(f"Fel: filen '{args.file}' finns inte.", file=sys.stderr)
        return 2
    path = Path(args.file)
    result = importer.preview(args.kind, path.name, path.read_bytes())
    if not result.ok:
        print(f"Filen avvisades ({len(result.problems)} fel); databasen är oförändrad:", file=sys.stderr)
        for problem in result.problems:
            print(problem.line(), file=sys.stderr)
        return 1
    print("Upptäckt: " + "; ".join(f"{k}: {v}" for k, v in result.detected.items()))
    counts = result.counts()
    print("Förhandsgranskning: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    if result.confirmations:
        print("Ändrar dokumenterade uppgifter (skrivs bara med --confirm):")
        print("\n".join(problem.line() for problem in result.confirmations))
    if args.dry_run:
        print("--dry-run: inget skrevs.")
        return 0
    try:
        import_id = importer.apply(result, access.operator(), as_of=_stated(args.as_of), confirmed=args.confirm)
    except (ParameterError, importer.DateOutOfRange, *WRITE_REFUSALS) as error:
        return _refused(error)
    print(f"Import {import_id} klar.")
    return 0


def _stated(text: str | None):
    """The date an import's facts are stated per: any past date, checked by `importer.apply`, not only the dates
    the data spans (a real import today states today)."""
    try:
        return date.fromisoformat(text.strip()) if text else None
    except ValueError:
        raise ParameterError(f"--as-of: '{text}' är inte ett datum ÅÅÅÅ-MM-DD") from None


def undo_import(args) -> int:
    try:
        importer.undo(args.import_id, access.operator())
    except WRITE_REFUSALS as error:
        return _refused(error)
    print(f"Import {args.import_id} är ångrad; databasen är byggd med de importer som finns kvar.")
    return 0


WRITE_REFUSALS = (importer.ImportRejected, importer.UndoRefused, importer.ImportFailed, importer.Busy)


def _refused(error: Exception) -> int:
    """One Swedish line (or the rejected file's lines) on stderr; the exit status: 1 the data was refused,
    2 wrong usage, 3 the service failed or was busy. Nothing was changed."""
    if isinstance(error, importer.ConfirmationNeeded):
        print(f"Importen skrevs inte: den ändrar dokumenterade uppgifter. Kör igen med --confirm om ändringarna "
              f"är avsedda:\n{error}", file=sys.stderr)
        return 1
    if isinstance(error, importer.ImportRejected):
        print(f"Importen avvisades; databasen är oförändrad:\n{error}", file=sys.stderr)
        return 1
    print(f"Fel: {error}", file=sys.stderr)
    usage = (ParameterError, importer.DateOutOfRange)
    return 1 if isinstance(error, importer.UndoRefused) else 2 if isinstance(error, usage) else 3
