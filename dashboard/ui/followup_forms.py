"""Uppföljning's writes: a bedömning with its analys (a planerare's draft, a förvaltare's confirmed), and
reporting or unlocking a period. Each runs as its control's callback and leaves what happened for the next run;
the rights are checked in the writes themselves (`access`), whatever the page shows."""

import streamlit as st

from dashboard.base import access
from dashboard.base import formatting as fmt
from dashboard.followup import activities, assessments, measures, report, reported
from dashboard.followup.periods import Period
from dashboard.store.userdata import UserDataError
from dashboard.ui import blocks, identity

PAGE = "uppfoljning"
OUTCOME = f"{PAGE}__outcome"


def assessment_form(rows: list[dict], period: Period, locked: bool) -> None:
    actor = identity.current()
    if locked or not actor.may("draft_assessment"):
        return
    confirm = actor.may("confirm_assessment")
    with st.expander("Bedöm och skriv analys" if confirm else "Skriv utkast till bedömning och analys"):
        titles = {f"{r['indicator']}:{r['measure']}": r for r in rows}
        chosen = st.selectbox("Indikator", list(titles), format_func=lambda k: titles[k]["indicator_title"],
                              key=f"{PAGE}__measure")
        row = titles[chosen]
        saved = assessments.latest().get((row["indicator"], row["measure"], period.code))
        codes = list(assessments.LABELS)
        with st.form(f"{PAGE}__assess__{chosen}__{period.code}__{saved.version if saved else 0}"):
            st.caption(fmt.plain(f"Regelns förslag: {assessments.LABELS[row['suggested']]}. {assessments.RULE}"))
            st.radio("Bedömning", codes, index=codes.index(saved.bedomning if saved else row["suggested"]),
                     format_func=assessments.shown_bedomning, key=f"{PAGE}__bedomning", horizontal=True)
            st.text_area(f"Analys (högst {fmt.number(assessments.ANALYS_LIMIT)} tecken, visas som ren text)",
                         value=saved.analys if saved else "", max_chars=assessments.ANALYS_LIMIT,
                         key=f"{PAGE}__analys")
            st.form_submit_button("Spara och bekräfta" if confirm else "Spara utkast", on_click=_save,
                                  args=(row["indicator"], row["measure"], period.code, saved.version if saved else 0,
                                        confirm))


def _save(indicator: str, measure: str, period: str, read_version: int, confirm: bool) -> None:
    state = st.session_state
    try:
        assessments.save((indicator, measure), period, state[f"{PAGE}__bedomning"], state[f"{PAGE}__analys"],
                         identity.current(), read_version, confirm)
        state[OUTCOME] = ("success", "Bedömningen sparades" + ("." if confirm else " som utkast."))
    except assessments.AssessmentConflict as conflict:
        state[OUTCOME] = ("error", f"{conflict} Den andra versionen: {conflict.theirs.shown}: "
                                   f"{conflict.theirs.analys}")
    except (UserDataError, access.PermissionDenied) as error:
        state[OUTCOME] = ("error", f"Bedömningen sparades inte: {error}")


def activity_form(goals_shown: dict[int, str], recommendations: dict[str, str]) -> None:
    """A förvaltare records an activity: owner, start, deadline and status of a recommendation, under a goal."""
    if not identity.current().may("set_activity"):
        return
    with st.expander("Följ upp en aktivitet"), st.form(f"{PAGE}__activity"):
        st.selectbox("Rekommendation", list(recommendations), key=f"{PAGE}__rec",
                     format_func=lambda r: f"{r}: {recommendations[r][:90]}")
        st.radio("Status", activities.STATUSES, key=f"{PAGE}__status", horizontal=True)
        st.text_input("Ansvarig", key=f"{PAGE}__owner", max_chars=activities.OWNER_LIMIT)
        left, right = st.columns(2)
        left.date_input("Start", value=None, key=f"{PAGE}__start", format="YYYY-MM-DD")
        right.date_input("Slutdatum", value=None, key=f"{PAGE}__deadline", format="YYYY-MM-DD")
        st.selectbox("Nämndmål", [None, *goals_shown], key=f"{PAGE}__goal",
                     format_func=lambda g: "Det mål vars indikatorer den gäller" if g is None else goals_shown[g])
        st.form_submit_button("Spara aktiviteten", on_click=_save_activity)


def _save_activity() -> None:
    state = st.session_state
    try:
        activities.save(state[f"{PAGE}__rec"], state[f"{PAGE}__status"], identity.current(),
                        owner=state[f"{PAGE}__owner"], start_on=state[f"{PAGE}__start"],
                        deadline=state[f"{PAGE}__deadline"], goal_id=state[f"{PAGE}__goal"])
        state[OUTCOME] = ("success", f"Aktiviteten {state[f'{PAGE}__rec']} sparades.")
    except (UserDataError, access.PermissionDenied) as error:
        state[OUTCOME] = ("error", f"Aktiviteten sparades inte: {error}")


def lock_controls(period: Period, locked: bool) -> None:
    actor = identity.current()
    if not actor.may("lock_period"):
        return
    with st.expander("Lås upp perioden" if locked else "Rapportera perioden"):
        st.text_input("Skäl att låsa upp (krävs)" if locked else "Kommentar (valfri)", key=f"{PAGE}__reason",
                      max_chars=reported.REASON_LIMIT)
        blocks.asks_first(f"{PAGE}__lock", "Lås upp" if locked else f"Rapportera och lås {period.code}",
                          f"Lås upp {period.code}? Rapporten finns kvar i loggen." if locked else
                          f"Rapportera {period.code}? Utfall, årsmål, bedömning och analys låses som de är nu.",
                          _lock, (period, locked))


def _lock(period: Period, locked: bool) -> tuple[str, str]:
    reason = st.session_state.get(f"{PAGE}__reason", "")
    try:
        if locked:
            reported.unlock(period.code, identity.current(), reason)
            return "success", f"{period.code} är upplåst."
        report.lock_period(period, identity.current(), reason)
        return "success", f"{period.code} är rapporterad och låst."
    except (UserDataError, access.PermissionDenied, measures.MeasureError) as error:
        return "error", str(error)
