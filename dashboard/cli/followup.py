"""The command line's goal follow-up verbs (an operator's tool; every write records the operating-system user):
`goal add|list`, `target set`, `assess`, `activity set`, `report lock|unlock|export`. Exit status 0 done, 2 refused
input or rights (a Swedish line; nothing written), 3 the user store could not be reached."""

import json
import sys
from datetime import date
from pathlib import Path

from dashboard import outputs
from dashboard.base import access
from dashboard.followup import activities, assessments, files, goals, measures, periods, report, reported
from dashboard.store.stores import StoreUnavailable
from dashboard.store.userdata import UserDataError

REFUSED = (UserDataError, access.PermissionDenied, periods.PeriodError, measures.MeasureError, outputs.OutputRefused)


def add_parsers(commands) -> None:
    goal = commands.add_parser("goal", help="nämndmål: lägg till eller lista").add_subparsers(
        dest="action", metavar="add|list", required=True)
    add = goal.add_parser("add", help="lägg till ett nämndmål och indikatorerna som följer upp det")
    add.add_argument("--text", required=True, metavar="TEXT")
    add.add_argument("--indicator", action="append", required=True, metavar="NAME",
                     help="kan upprepas; NAME eller NAME:mått, t.ex. headcount:supporters")
    _decision(add)
    add.set_defaults(handler=_goal_add)
    listing = goal.add_parser("list", help="lista nämndmålen")
    listing.add_argument("--format", choices=("table", "json"), default="table")
    listing.set_defaults(handler=_goal_list)

    target = commands.add_parser("target", help="årsmål").add_subparsers(dest="action", metavar="set", required=True)
    setting = target.add_parser("set", help="sätt ett årsmål (en ny version; den gamla finns kvar)")
    setting.add_argument("name", metavar="NAME")
    setting.add_argument("--measure", metavar="M")
    setting.add_argument("--year", required=True, metavar="YYYY")
    setting.add_argument("--value", required=True, metavar="V")
    setting.add_argument("--direction", choices=tuple(goals.DIRECTIONS), default="higher",
                         help="higher: högre är bättre (standard); lower: lägre är bättre")
    _decision(setting)
    setting.set_defaults(handler=_target_set)

    assess = commands.add_parser("assess", help="bedöm en indikator för en period och skriv analysen")
    assess.add_argument("name", metavar="NAME")
    assess.add_argument("--measure", metavar="M")
    assess.add_argument("--period", required=True, metavar="YYYY-T1|YYYY-T2|YYYY-helår")
    assess.add_argument("--bedomning", required=True, metavar="helt|delvis|inte|ej-bedomd")
    assess.add_argument("--analys-file", dest="analys_file", required=True, metavar="F")
    assess.set_defaults(handler=_assess)

    activity = commands.add_parser("activity", help="aktiviteter: följ upp en rekommendation").add_subparsers(
        dest="action", metavar="set", required=True)
    follow = activity.add_parser("set", help="ansvarig, start, slutdatum och status för en rekommendation")
    follow.add_argument("recommendation", metavar="REKOMMENDATION", help="t.ex. R2-4")
    follow.add_argument("--status", required=True, choices=activities.STATUSES)
    follow.add_argument("--owner", metavar="ANSVARIG")
    follow.add_argument("--start", metavar="DATE")
    follow.add_argument("--deadline", metavar="DATE")
    follow.add_argument("--goal", type=int, metavar="ID", help="nämndmålet aktiviteten hör till")
    follow.set_defaults(handler=_activity)

    reporting = commands.add_parser("report", help="rapportera (låsa) en period eller exportera den för ILS")
    actions = reporting.add_subparsers(dest="action", metavar="lock|unlock|export", required=True)
    lock = actions.add_parser("lock", help="rapportera perioden: utfall, årsmål, bedömning och analys låses")
    lock.add_argument("--period", required=True, metavar="P")
    lock.add_argument("--reason", metavar="TEXT")
    lock.set_defaults(handler=_lock)
    unlock = actions.add_parser("unlock", help="lås upp en rapporterad period (loggas med skäl)")
    unlock.add_argument("--period", required=True, metavar="P")
    unlock.add_argument("--reason", required=True, metavar="TEXT")
    unlock.set_defaults(handler=_unlock)
    export = actions.add_parser("export", help="exportera perioden för ILS (wide eller long; .csv eller .xlsx)")
    export.add_argument("--period", required=True, metavar="P")
    export.add_argument("--format", required=True, choices=("wide", "long"))
    export.add_argument("--out", required=True, metavar="FILE.csv|FILE.xlsx")
    export.set_defaults(handler=_export)


def _decision(parser) -> None:
    parser.add_argument("--dnr", metavar="D")
    parser.add_argument("--decided-by", dest="decided_by", metavar="B")
    parser.add_argument("--decided-on", dest="decided_on", metavar="DATE")


def refusing(handler):
    """A refused write or input is a Swedish line and status 2 (3 while the store cannot be reached)."""
    def run(args) -> int:
        try:
            return handler(args)
        except REFUSED as error:
            print(f"Fel: {error}", file=sys.stderr)
            return 3 if isinstance(error.__cause__, StoreUnavailable) else 2
    return run


def _date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserDataError(f"Datumet '{text}' är inte ett datum; skriv det som ÅÅÅÅ-MM-DD. "
                            "Ingenting har sparats.") from None


@refusing
def _goal_add(args) -> int:
    goal_id = goals.add_goal(args.text, args.indicator, access.operator(), dnr=args.dnr, decided_by=args.decided_by,
                             decided_on=_date(args.decided_on))
    print(goal_id)
    return 0


@refusing
def _goal_list(args) -> int:
    listed = files.goal_list()
    if args.format == "json":
        print(json.dumps({"goals": listed}, ensure_ascii=False, indent=2))
        return 0
    for goal in listed:
        decided = ", ".join(f"{k} {goal[k]}" for k in ("dnr", "decided_by", "decided_on") if goal[k])
        print(f"{goal['id']}. {goal['text']}" + (f" ({decided})" if decided else ""))
        print("   indikatorer: " + ", ".join(goal["indicators"]))
    return 0


@refusing
def _target_set(args) -> int:
    number = goals.set_target(args.name, args.measure, args.year, args.value, access.operator(),
                              direction=args.direction, dnr=args.dnr, decided_by=args.decided_by,
                              decided_on=_date(args.decided_on))
    print(f"Årsmål sparat (version {number}).")
    return 0


@refusing
def _assess(args) -> int:
    period = periods.parse(args.period)
    measure = measures.find(args.name, args.measure)
    try:
        text = Path(args.analys_file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UserDataError(f"Analysfilen '{args.analys_file}' kunde inte läsas som UTF-8-text "
                            f"({type(error).__name__}). Ingenting har sparats.") from None
    current = assessments.latest().get((*measure.key, period.code))
    version = assessments.save(measure.key, period.code, args.bedomning, text, access.operator(),
                               current.version if current else 0, confirm=True)
    print(f"Bedömning sparad för {measure.title}, {period.code} (version {version}).")
    return 0


@refusing
def _activity(args) -> int:
    version = activities.save(args.recommendation, args.status, access.operator(), owner=args.owner,
                              start_on=_date(args.start), deadline=_date(args.deadline), goal_id=args.goal)
    print(f"Aktiviteten {args.recommendation} sparad (version {version}).")
    return 0


@refusing
def _lock(args) -> int:
    period = periods.parse(args.period)
    report.lock_period(period, access.operator(), args.reason)
    print(f"{period.code} är rapporterad och låst.")
    return 0


@refusing
def _unlock(args) -> int:
    period = periods.parse(args.period)
    reported.unlock(period.code, access.operator(), args.reason)
    print(f"{period.code} är upplåst; rapporten finns kvar i loggen.")
    return 0


@refusing
def _export(args) -> int:
    period = periods.parse(args.period)
    out = Path(args.out)
    if out.suffix.lower() not in (".csv", ".xlsx"):
        raise UserDataError("--out ska sluta på .csv eller .xlsx.")
    outputs.write_whole(out, files.export(period, args.format, out.suffix.lower()))
    print(f"Skrev {out} ({args.format}, {period.code})")
    return 0
