"""What a survey is evidence of (no Streamlit). 004's user survey asks about personligt ombud, not peer support:
a survey counts as evidence about the programme only where its `scope` is peer support, and where none is, the
absence is said where a reader looks for one (Översikt's key figures, the top of Enkäter)."""

import pandas as pd

from dashboard.base import formatting as fmt

PEER_SUPPORT = "peer support"
UNSTATED = "ämne ej angivet"
SURVEY_GAPS = "enkäter"   # the data_gap topic of what the sources leave unknown about surveys


def about_peer_support(responses: pd.DataFrame) -> pd.DataFrame:
    """The `survey_response` rows whose users were asked about peer support."""
    return responses[responses["scope"] == PEER_SUPPORT]


def heading(response: pd.Series) -> str:
    """The heading a survey is shown under: what it is about, and, where that is not peer support, that too."""
    scope = response["scope"]
    if scope == PEER_SUPPORT:
        return "Brukarenkät om peer support"
    if fmt.is_missing(scope):
        return "Enkät vars ämne inte anges – inte känd som enkät om peer support"
    return f"Brukarenkät om {scope} – inte om peer support"


def others(responses: pd.DataFrame) -> str:
    """'personligt ombud (S004, N = 15)', or per subject how many surveys there are where there are several (a
    synthetic database holds hundreds)."""
    parts = []
    for scope, group in responses.groupby(responses["scope"].fillna(UNSTATED), sort=False):
        first = group.iloc[0]
        parts.append(f"{scope} ({first['sources']}, N = {fmt.number(first['answered'])})" if len(group) == 1
                     else f"{scope} ({fmt.number(len(group))} enkäter)")
    return "; ".join(parts)


def absence(responses: pd.DataFrame) -> str | None:
    """None where a survey of peer support users has ended by the date; else the sentence that says so."""
    if not about_peer_support(responses).empty:
        return None
    which = "Den enkät" if len(responses) == 1 else "De enkäter"
    there = (f" {which} som finns gäller {others(responses)} och säger inget om peer support."
             if not responses.empty else "")
    return f"Källorna har inga enkätsvar från brukare av peer support på eller före datumet.{there}"


def survey_gaps(gaps: pd.DataFrame) -> list[str]:
    """The recorded gaps about surveys (`data_gaps`), each with its source: 'Resultaten … (S002)'."""
    chosen = gaps[gaps["topic"] == SURVEY_GAPS]
    return [f"{row.missing} ({row.sources})" for row in chosen.itertuples(index=False)]
