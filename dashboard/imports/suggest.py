"""The nearest valid values for one a file names that does not exist: 'Menade du U_OST (Enhet på Östermalm, namn
ej publicerat)?'. A person writes a unit's name where its id belongs, or mistypes an id; both are matched, whatever
the case or accents."""

import difflib
import unicodedata
from dataclasses import dataclass

CUTOFF = 0.6   # difflib's default: 'U_OTS' finds U_OST, 'Atlantis' finds nothing
MOST = 3       # more than three is a list, not a suggestion: the template's id sheet holds the list
NEAR_BEST = 0.1   # a match this much less alike than the best is noise beside it ('U_OTS': U_OST, not U_SKA)


@dataclass(frozen=True)
class Candidate:
    value: str                      # what to write in the file
    label: str = ""                 # what it is, for a person: 'Enhet på Östermalm, namn ej publicerat'
    aliases: tuple[str, ...] = ()   # other texts a person may write for it: its name, its area

    def shown(self) -> str:
        return f"{self.value} ({self.label})" if self.label else self.value


class Index:
    """The candidates of one list by every text they are written as, folded once: a file with many unknown values
    asks one list many times."""

    def __init__(self, candidates: list[Candidate]):
        self.candidates = candidates
        self.owners: dict[str, list[int]] = {}   # folded text -> the candidates written so, in list order
        self.names: set[str] = set()               # folded texts that are what a candidate is called
        for index, candidate in enumerate(candidates):
            for number, written in enumerate((candidate.value, *candidate.aliases)):
                folded = _folded(written) if written else ""
                if folded and index not in self.owners.setdefault(folded, []):
                    self.owners[folded].append(index)
                if folded and number:
                    self.names.add(folded)

    @property
    def size(self) -> int:
        """Texts one look-up compares with: what it costs."""
        return len(self.owners)

    def nearest(self, text: str, most: int = MOST) -> list[Candidate]:
        """The candidates whose value or an alias is closest to `text`, best first, at most `most`: only those
        written exactly so where there are such, else those nearly as alike as the best."""
        typed = _folded(text)
        if typed in self.owners:
            return [self.candidates[index] for index in self.owners[typed][:most]]
        scores: dict[int, float] = {}
        for match in difflib.get_close_matches(typed, list(self.owners), n=most * 2, cutoff=CUTOFF):
            score = difflib.SequenceMatcher(None, typed, match).ratio()
            for index in self.owners[match]:
                scores[index] = max(score, scores.get(index, 0))
        best = max(scores.values(), default=0)
        # equally near ones in the list's order (difflib would give them in reverse alphabetical order)
        found = sorted((i for i, score in scores.items() if score >= best - NEAR_BEST), key=lambda i: (-scores[i], i))
        return [self.candidates[index] for index in found[:most]]

    def is_a_name(self, text: str) -> bool:
        """Whether `text` is what a candidate is called rather than its value: a unit's name where its id
        belongs."""
        return _folded(text) in self.names

    def did_you_mean(self, text: str) -> str:
        """' Menade du A (…) eller B (…)?', or '' when nothing is close."""
        found = [candidate.shown() for candidate in self.nearest(text)]
        if not found:
            return ""
        listed = found[0] if len(found) == 1 else f"{', '.join(found[:-1])} eller {found[-1]}"
        return f" Menade du {listed}?"


def nearest(text: str, candidates: list[Candidate], most: int = MOST) -> list[Candidate]:
    return Index(candidates).nearest(text, most)


def did_you_mean(text: str, candidates: list[Candidate]) -> str:
    return Index(candidates).did_you_mean(text)


def _folded(text: str) -> str:
    """Lower case, accents and runs of spaces aside: 'ostermalm ' is 'Östermalm'."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    return " ".join(plain.split())
