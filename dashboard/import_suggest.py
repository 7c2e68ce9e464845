"""The nearest valid values for one a file names that does not exist: 'Menade du U_OST (Enhet på Östermalm, namn
ej publicerat)?'. A person writes a unit's name where its id belongs, or mistypes an id; both are matched, whatever
the case or accents."""

import difflib
import unicodedata
from dataclasses import dataclass

CUTOFF = 0.6   # difflib's default: 'U_OTS' finds U_OST, 'Atlantis' finds nothing
MOST = 3       # more than three is a list, not a suggestion: the template's id sheet holds the list
NEAR_BEST = 0.15   # a match this much less alike than the best is noise beside it ('U_OTS': U_OST, not U_SKA)


@dataclass(frozen=True)
class Candidate:
    value: str                      # what to write in the file
    label: str = ""                 # what it is, for a person: 'Enhet på Östermalm, namn ej publicerat'
    aliases: tuple[str, ...] = ()   # other texts a person may write for it: its name, its area

    def shown(self) -> str:
        return f"{self.value} ({self.label})" if self.label else self.value


def nearest(text: str, candidates: list[Candidate], most: int = MOST) -> list[Candidate]:
    """The candidates whose value or an alias is closest to `text`, best first, at most `most`: only those
    written exactly so where there are such, else those nearly as alike as the best."""
    owners: dict[str, list[int]] = {}
    for index, candidate in enumerate(candidates):
        for written in (candidate.value, *candidate.aliases):
            if written and index not in owners.setdefault(_folded(written), []):
                owners[_folded(written)].append(index)
    typed = _folded(text)
    if typed in owners:
        return [candidates[index] for index in owners[typed][:most]]
    scores: dict[int, float] = {}
    for match in difflib.get_close_matches(typed, list(owners), n=most * 2, cutoff=CUTOFF):
        score = difflib.SequenceMatcher(None, typed, match).ratio()
        for index in owners[match]:
            scores[index] = max(score, scores.get(index, 0))
    best = max(scores.values(), default=0)
    # equally near ones in the order the list gives them (difflib would put them in reverse alphabetical order)
    found = sorted((i for i, score in scores.items() if score >= best - NEAR_BEST), key=lambda i: (-scores[i], i))
    return [candidates[index] for index in found[:most]]


def is_a_name(text: str, candidates: list[Candidate]) -> bool:
    """Whether `text` is what a candidate is called rather than its value: a unit's name where its id belongs."""
    typed = _folded(text)
    return any(typed == _folded(alias) for candidate in candidates for alias in candidate.aliases if alias)


def did_you_mean(text: str, candidates: list[Candidate]) -> str:
    """' Menade du A (…) eller B (…)?', or '' when nothing is close."""
    found = [candidate.shown() for candidate in nearest(text, candidates)]
    if not found:
        return ""
    listed = found[0] if len(found) == 1 else f"{', '.join(found[:-1])} eller {found[-1]}"
    return f" Menade du {listed}?"


def _folded(text: str) -> str:
    """Lower case, accents and runs of spaces aside: 'ostermalm ' is 'Östermalm'."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    return " ".join(plain.split())
