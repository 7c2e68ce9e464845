"""`python -m benchmarks [--scale national] [--out results.json]`: measure performance (not part of the tests)."""

import argparse
import sys

from benchmarks.run import main

parser = argparse.ArgumentParser(prog="python -m benchmarks", description="Mät prestanda (inte en del av testerna).")
parser.add_argument("--scale", choices=("small", "city", "national"), default="national")
parser.add_argument("--out", metavar="results.json")
parser.add_argument("--only", choices=("validation", "replay", "replicas", "namndunderlag", "filter_change"),
                    help="mät bara detta: valideringstid mot antal rader, byggtid mot antal importerade rader, "
                         "en replik mot två bakom nginx, eller Nämndunderlagets tid från ändring till "
                         "förhandsgranskning")
arguments = parser.parse_args()
sys.exit(main(arguments.scale, arguments.out, arguments.only))
