"""`python -m dashboard`: the command-line entry. Exit status 0 on success, 1 on rejected data,
2 on wrong usage (unknown indicator, unknown or invalid parameter), 3 on an internal error (a fault of ours,
reported in Swedish with its cause on the next line; nothing was changed)."""

import argparse
import json
import os
import sys
import traceback

from dashboard import export, indicators, outputs
from dashboard.base import access
from dashboard.cli import followup as cli_followup
from dashboard.cli import imports as cli_import
from dashboard.cli import scenario as cli_scenario
from dashboard.cli.argparse_sv import SwedishParser
from dashboard.cli.pairs import pairs
from dashboard.filters import describe_binding
from dashboard.params import KNOWN_ON, ParameterError, as_of_or_data, convert
from dashboard.store.build import build_database, ensure_database
from dashboard.store.seeds import SeedError

READERS = ("indicator", "scenario", "brief", "import", "goal", "target", "assess", "activity", "report")


def run() -> int:
    """`python -m dashboard`: `main`, and when the reader of the output stops reading (`… | head -1`), a quiet end
    with status 0, as with any filter: the rest of the output goes nowhere, without a traceback."""
    try:
        status = main()
        sys.stdout.flush()   # what is still buffered, while a closed pipe can be caught here
        return status
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())   # the interpreter's last flush goes there
        return 0


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    from dashboard.store.stores import StoreUnavailable

    try:
        if args.command in READERS:
            try:
                ensure_database()   # built, or rebuilt where the seeds or the imports changed since
            except StoreUnavailable as error:   # reads go on from the database as last built; writes still refuse
                print(f"Obs: {error.what}; kommandot läser senast byggda data.", file=sys.stderr)
        return args.handler(args)
    except BrokenPipeError:   # the reader stopped reading (`… | head`): not a fault, `run` ends quietly
        raise
    except access.PermissionDenied as error:   # an operating-system user the secrets do not name as an operator
        print(f"Fel: {error}", file=sys.stderr)
        return 2
    except StoreUnavailable as error:   # a build or a write needs the user store
        print(f"Fel: {error}", file=sys.stderr)
        return 3
    except Exception as error:   # whatever the cause, the caller gets a Swedish line and status 3, never a crash
        print(f"Internt fel: kommandot kunde inte slutföras ({type(error).__name__}). Ingenting har ändrats.",
              file=sys.stderr)
        traceback.print_exc(limit=-3, file=sys.stderr)
        return 3


def _parser() -> argparse.ArgumentParser:
    parser = SwedishParser(prog="python -m dashboard",
                           description="PEER support: databas och indikatorer från kommandoraden.")
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO")

    build = commands.add_parser("build", help="bygg databasen från data/ (schema och seed-filer)")
    build.set_defaults(handler=_build)

    indicator = commands.add_parser("indicator", help="kör en indikator")
    indicator.add_argument("name", metavar="NAME", help=f"en av: {', '.join(indicators.REGISTRY)}")
    indicator.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD")
    indicator.add_argument("--from", metavar="DATE")
    indicator.add_argument("--to", metavar="DATE")
    indicator.add_argument("--known-on", dest="known_on", metavar="YYYY-MM-DD",
                           help="som källorna daterade t.o.m. detta datum angav det (standard: datans datum)")
    indicator.add_argument("--param", action="append", default=[], metavar="key=value")
    indicator.add_argument("--format", choices=("table", "csv", "json"), default="table")
    indicator.set_defaults(handler=_indicator)

    planner = commands.add_parser("scenario", help="räkna ut ett finansieringsscenario för nästa år")
    planner.add_argument("--param", action="append", default=[], metavar="key=value",
                         help="t.ex. budget_sek=4000000 staffing=to_target agreement_years=3")
    planner.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD", help="utgångsläget (standard: datans datum)")
    planner.add_argument("--format", choices=("table", "json"), default="table")
    planner.add_argument("--save", metavar="NAME", help="spara scenariot under det här namnet, som sidan Scenarier "
                         "gör (sparas som operativsystemets användare)")
    planner.set_defaults(handler=cli_scenario.run_scenario)

    brief = commands.add_parser("brief", help="skapa nämndunderlaget som PDF, HTML, Word eller Markdown")
    brief.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD", help="datum för siffrorna (standard: datans)")
    brief.add_argument("--out", required=True, metavar="FILE.pdf",
                       help="filen att skriva: .pdf, .html, .docx eller .md")
    brief.add_argument("--meeting", metavar="YYYY-MM-DD", help="socialnämndens sammanträde som underlaget är för")
    brief.add_argument("--known-on", dest="known_on", metavar="YYYY-MM-DD",
                       help="som källorna daterade t.o.m. detta datum angav det: underlaget som det kunde skrivas då")
    brief.add_argument("--indicator", action="append", default=[], metavar="NAME", help="kan upprepas")
    brief.add_argument("--scenario", action="append", default=[], metavar="NAME", help="sparat scenario, högst tre")
    brief.add_argument("--since", metavar="YYYY-MM-DD", help="förra underlagets datum: vad som ändrats sedan dess")
    brief.set_defaults(handler=_brief)

    from dashboard.imports.kinds import KINDS

    importing = commands.add_parser("import", help="importera en CSV- eller Excel-fil (validera, förhandsgranska, skriv)")
    importing.add_argument("kind", metavar="KIND", choices=list(KINDS), help=f"en av: {', '.join(KINDS)}")
    importing.add_argument("file", metavar="FILE", nargs="?", help="filen att importera (.csv eller .xlsx)")
    importing.add_argument("--dry-run", action="store_true", help="validera och förhandsgranska utan att skriva")
    importing.add_argument("--confirm", action="store_true",
                           help="skriv även ändringar av dokumenterade uppgifter (förhandsgranskningen listar dem)")
    importing.add_argument("--template", metavar="PATH", help="skriv en mall (.csv eller .xlsx) i stället")
    importing.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD",
                           help="datum som uppgifterna gäller per (standard: datans nuvarande datum); "
                                "rader med senare datum räknas som planer")
    importing.set_defaults(handler=cli_import.run_import)

    undo = commands.add_parser("undo-import", help="ångra en import (den finns kvar i loggen, markerad som ångrad)")
    undo.add_argument("import_id", metavar="NR", type=int, help="importens nummer i loggen")
    undo.set_defaults(handler=cli_import.undo_import)

    cli_followup.add_parsers(commands)

    erase = commands.add_parser("erase-supporter", help="radera en peer supporters importerade uppgifter (loggas)")
    erase.add_argument("supporter", metavar="KOD", help="peer supporterns kod, t.ex. P30")
    erase.add_argument("--reason", required=True, metavar="TEXT")
    erase.set_defaults(handler=_erase)

    synth = commands.add_parser("synth", help="generera syntetiska data i en egen databasfil (för test och mätning)")
    synth.add_argument("--scale", choices=("small", "city", "national"), default="small")
    synth.add_argument("--db", required=True, metavar="PATH", help="databasfilen att skriva (aldrig standardfilen)")
    synth.add_argument("--seed", type=int, default=1)
    synth.set_defaults(handler=_synth)

    return parser


def _build(args) -> int:
    from dashboard.base import locks, paths

    try:
        with locks.build_lock(paths.database_path()):
            report = build_database()
    except SeedError as error:
        print(f"Bygget avbröts: {error}", file=sys.stderr)
        print("Den befintliga databasen är orörd.", file=sys.stderr)
        return 1
    print(f"Byggde {report.path} ({sum(report.rows.values())} rader i {len(report.rows)} tabeller)")
    return 0


def _indicator(args) -> int:
    try:
        params = _params(args)
        frame = indicators.run(args.name, **params)
    except (indicators.UnknownIndicator, ParameterError) as error:
        print(f"Fel: {error}", file=sys.stderr)
        return 2
    print(_render(frame, args.format), end="")
    return 0


def _brief(args) -> int:
    from pathlib import Path

    from dashboard.brief.files import FORMATS, brief_file
    from dashboard.brief.pack import DEFAULT_INDICATORS, build_brief, meeting_date
    from dashboard.store.userdata import UserDataError

    out = Path(args.out)
    if out.suffix.lower() not in FORMATS or len(args.scenario) > 3:
        print(f"Fel: --out ska sluta på {', '.join(FORMATS)}, och högst tre --scenario anges.", file=sys.stderr)
        return 2
    try:
        as_of = as_of_or_data(args.as_of)
        content = build_brief(as_of, tuple(args.indicator) or DEFAULT_INDICATORS, tuple(args.scenario),
                              since=as_of_or_data(args.since) if args.since else None,
                              meeting=meeting_date(args.meeting, as_of) if args.meeting else None,
                              known_on=convert(KNOWN_ON, args.known_on))
    except (ParameterError, indicators.UnknownIndicator, UserDataError) as error:
        print(f"Fel: {error}", file=sys.stderr)
        return 2
    try:
        outputs.write_whole(out, brief_file(content, out.suffix.lower()))
    except outputs.OutputRefused as error:
        print(f"Fel: {error}", file=sys.stderr)
        return 2
    print(f"Skrev {out} (siffror per {content.as_of.isoformat()}, {len(content.sections)} indikatorer i bilagan)")
    return 0


def _erase(args) -> int:
    from dashboard.erasure import erase_supporter
    from dashboard.store.userdata import UserDataError

    try:
        rows = erase_supporter(args.supporter, args.reason, access.operator())
    except UserDataError as error:
        print(f"Fel: {error}", file=sys.stderr)
        return 2
    print(f"Raderade {rows} importerade rader om {args.supporter}; databasen är ombyggd utan dem och raderingen är "
          "loggad (utan koden).")
    return 0


def _synth(args) -> int:
    from dashboard import synth

    try:
        rows = synth.generate(args.scale, args.db, args.seed)
    except ValueError as error:
        print(f"Fel: {error}", file=sys.stderr)
        return 2
    print(f"Skrev syntetiska data ({args.scale}, seed {args.seed}) till {args.db}: "
          + ", ".join(f"{t} {n}" for t, n in rows.items()))
    return 0


def _params(args) -> dict:
    params = pairs(args.param)
    for name in ("as_of", "from", "to", "known_on"):   # the options' names are the parameters' names
        if vars(args)[name] is not None:
            params[name] = vars(args)[name]
    return params


def _render(frame, output_format: str) -> str:
    used = {k: export.plain_value(v) for k, v in frame.attrs["params"].items()}
    if output_format == "json":
        document = {"indicator": frame.attrs["indicator"], "params": used, "rows": export.to_records(frame)}
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if output_format == "csv":
        return export.csv_plain(frame).decode("utf-8")
    indicator = indicators.get(frame.attrs["indicator"])
    # the caption a page's block has (filters.describe_binding), then the parameters by the names --param takes
    caption = describe_binding(frame.attrs["params"])
    names = "; ".join(f"{k}={'alla' if v is None else v}" for k, v in used.items()) or "inga"
    body = frame.to_string(index=False) if len(frame) else "(inga rader)"
    return f"{indicator.label} ({indicator.name}) – {caption}\nParametrar: {names}\n{body}\n"
