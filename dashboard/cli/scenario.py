"""The command line's `scenario` verb: next year's funding from `--param name=value` pairs, printed as text or
JSON with every bound marked and every default derived; `--save NAME` saves it as the page does."""

import json
import sys
from datetime import date

from dashboard import indicators
from dashboard.base import access
from dashboard.cli.pairs import pairs
from dashboard.params import ParameterError, as_of_or_data
from dashboard.scenario import baseline as scenario_baseline
from dashboard.scenario import figures as scenario_io
from dashboard.scenario import model as scenario
from dashboard.scenario import reading as scenario_reading


def run_scenario(args) -> int:
    try:
        as_of = as_of_or_data(args.as_of)
        baseline = scenario_baseline.load_baseline(as_of)
        inputs = scenario_reading.parse_inputs(pairs(args.param), baseline)
        result = scenario.evaluate(inputs, baseline)
    except (ParameterError, scenario.ScenarioError) as error:
        print(f"Fel: {error}", file=sys.stderr)
        return 2
    document = {**result, "as_of": as_of.isoformat(), "derivations": scenario_io.derivations(baseline, names=True)}
    if args.save is not None:   # saved before anything is printed: a refused name prints no result
        refused = _save_scenario(args.save, inputs, result, as_of)
        if refused:
            return refused
        document["saved"] = {"name": args.save.strip(), "created_by": access.operator().name}
    if args.format == "json":
        # every input is bounded (bounds.BOUNDS), so nothing non-finite reaches here; were it to, a fault (exit 3)
        # is better than Infinity, which is not JSON. `bounded` names the outputs that are bounds ("högst", "minst").
        print(json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False))
    else:
        bounded = result.pop("bounded")
        width = max(len(k) for k in result)
        print(f"Scenario per {as_of.isoformat()}")
        print("\n".join(f"{k.ljust(width)}  {bounded[k] + ' ' if k in bounded else ''}{v}" for k, v in result.items()))
        if bounded:
            print(f"\n{scenario_io.bounds_note(document, baseline)}")
        print("\nStandardvärden:\n" + "\n".join(f"- {line}" for line in document["derivations"]))
        if "saved" in document:
            print(f"\nSparat som scenariot '{document['saved']['name']}' av {document['saved']['created_by']}; det "
                  "finns på sidan Scenarier och kan väljas till nämndunderlaget.")
    return 0


def _save_scenario(name: str, inputs, outcome: dict, as_of: date) -> int:
    """`scenario --save`: saved as the page saves it, by the operator; 0, or after a Swedish line the exit status
    (2 for a name that is taken or not a name, 3 while the user store cannot be reached)."""
    from dashboard.store.stores import StoreUnavailable
    from dashboard.store.userdata import UserDataError, save_scenario

    version = indicators.run_query("lookups/data_as_of").iloc[0]["data_version"]
    try:
        save_scenario(name, scenario.inputs_as_dict(inputs), outcome, version, as_of, access.operator())
    except UserDataError as error:
        print(f"Fel: {error}", file=sys.stderr)
        return 3 if isinstance(error.__cause__, StoreUnavailable) else 2
    return 0
