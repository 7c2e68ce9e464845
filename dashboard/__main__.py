import sys

from dashboard.cli.main import run

sys.exit(run())
