"""argparse in Swedish for `python -m dashboard`: headings and `--help` in Swedish, and a wrong usage reported in
one Swedish line with status 2 (argparse's own messages are English and come after its whole usage text).

argparse's messages are translated from their text (Python 3.11, Lib/argparse.py), not by replacing its
module-wide `gettext`, which would change every other parser in the process too; a message not listed is quoted
in a Swedish sentence."""

import argparse
import re


class SwedishHelp(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "användning: " if prefix is None else prefix)


class SwedishParser(argparse.ArgumentParser):
    """Every parser of the command line, its commands' too (argparse makes them of the parent's class)."""

    def __init__(self, **kwargs):
        super().__init__(formatter_class=SwedishHelp, add_help=False, **kwargs)
        self._positionals.title, self._optionals.title = "argument", "flaggor"
        self.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")

    def error(self, message: str):
        self.exit(2, f"Fel: {swedish(message)}. Se '{self.prog} --help'.\n")


# argparse's messages as patterns, and their Swedish
USAGE_ERRORS = (
    (r"the following arguments are required: (.+)", r"\1 måste anges"),
    (r"unrecognized arguments: (.+)", r"okända argument: \1"),
    (r"ambiguous option: (\S+) could match (.+)", r"flaggan \1 kan betyda flera: \2"),
    (r"one of the arguments (.+) is required", r"ett av argumenten \1 måste anges"),
    (r"argument (.+?): invalid choice: (.+) \(choose from (.+)\)", r"\1: \2 finns inte; välj bland \3"),
    (r"argument (.+?): invalid int value: (.+)", r"\1: \2 är inte ett heltal"),
    (r"argument (.+?): invalid \S+ value: (.+)", r"\1: ogiltigt värde \2"),
    (r"argument (.+?): expected one argument", r"\1 ska följas av ett värde"),
    (r"argument (.+?): expected at most one argument", r"\1 tar högst ett värde"),
    (r"argument (.+?): expected at least one argument", r"\1 ska följas av minst ett värde"),
    (r"argument (.+?): expected (\d+) arguments?", r"\1 ska följas av \2 värden"),
    (r"argument (.+?): ignored explicit argument (.+)", r"\1 tar inget värde (fick \2)"),
    (r"argument (.+?): not allowed with argument (.+)", r"\1 kan inte anges tillsammans med \2"),
)


def swedish(message: str) -> str:
    for english, translated in USAGE_ERRORS:
        if re.fullmatch(english, message):
            return re.sub(english, translated, message)
    return f"kommandot kunde inte tolkas ({message})"
