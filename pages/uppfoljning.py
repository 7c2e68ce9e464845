"""Uppföljning: the nämndmål, their indicators' utfall at a period's end against the årsmål in force, the
bedömning and analys, the activities from the evaluations, and the period's report for ILS."""

import streamlit as st

from dashboard.base.formatting import actor_shown, minute, plain
from dashboard.followup import assessments, files, report, view
from dashboard.ui import blocks, cache, followup_forms, sidebar

PAGE = followup_forms.PAGE
filters = sidebar.shared_filters()
blocks.page_header("Måluppföljning", filters, "Nämndmålen med indikatorer, årsmål, utfall per tertial, bedömning "
                   "och analys, som de rapporteras i stadens ILS. Utfallet räknas vid periodens slut med data som "
                   "de är kända i dag; en rapporterad period visas som den rapporterades.")
filters.note("Måluppföljning", {"as_of": filters.as_of})   # the date picks the period shown first
choices = {p.code: p for p in view.periods_until(filters.as_of)}
code = sidebar.page_choice(PAGE, "period", "Period", list(choices), view.default_period(filters.as_of).code,
                           format_func=lambda c: choices[c].label)
period = choices[code]
rows, locked = report.shown_rows(period)
blocks.outcome(f"{PAGE}__lock")
if followup_forms.OUTCOME in st.session_state:
    blocks.notice(*st.session_state.pop(followup_forms.OUTCOME))
if locked:
    st.info(plain(f"{period.label} är rapporterad och låst {minute(locked.locked_at)} av "
                  f"{actor_shown(locked.locked_by)}" + (f" ({locked.reason})" if locked.reason else "")
                  + ". Siffrorna visas som de rapporterades."), icon=":material/lock:")
    for row in (r for r in rows if r.get("revision")):
        blocks.notice("warning", f"{row['indicator_title']}: {row['revision']}.")
else:
    st.caption(plain(f"{period.label} är inte rapporterad: värdena är preliminära."))
if period.end > filters.as_of:
    blocks.notice("warning", f"Perioden slutar {period.end.isoformat()}, efter datans datum "
                             f"{filters.as_of.isoformat()}: utfallet är senast kända uppgift, inte periodens.")
if not rows:
    st.info("Inga nämndmål är inlagda. En förvaltare lägger till dem med kommandot "
            "python -m dashboard goal add --text … --indicator … (se README: Måluppföljning).")
for goal_rows in view.goals_of(rows).values():
    first = goal_rows[0]
    st.header(plain(first["goal"]))
    st.caption(plain(view.goal_caption(first, period, filters)))
    blocks.text_table(view.goal_table(goal_rows), f"Indikatorer för {first['goal']}", ("Utfall", "Årsmål"))
    with st.expander(f"Underlag: indikatorernas rader per {period.end.isoformat()}, med data som de är kända i dag"):
        for name in dict.fromkeys(r["indicator"] for r in goal_rows):
            rows_behind = cache.run(name, filters, shared=False, as_of=period.end)
            st.markdown(f"**{plain(blocks.label(rows_behind))}**")
            blocks.show_table(rows_behind)
    st.markdown("**Aktiviteter** (utvärderingarnas rekommendationer som målet följer upp)")
    doing = view.activities(goal_rows, min(period.end, filters.as_of))
    if doing.empty:
        st.caption("Inga aktiviteter hör till målet.")
    else:
        blocks.text_table(doing, f"Aktiviteter för {first['goal']}")
if rows:
    st.caption(plain(assessments.RULE))
    st.header(f"Utfall under {period.year}")
    blocks.text_table(view.year_table(period, rows), f"Utfall per period {period.year}")
    followup_forms.assessment_form(rows, period, locked is not None)
    followup_forms.activity_form({g: r[0]["goal"] for g, r in view.goals_of(rows).items()},
                                 view.recommendation_texts(filters.as_of))
    followup_forms.lock_controls(period, locked is not None)
    st.header("Export till ILS")
    for (shape, extension), column in zip([(s, e) for s in ("wide", "long") for e in (".csv", ".xlsx")],
                                          st.columns(4)):
        column.download_button(f"{shape} {extension}", lambda s=shape, e=extension: files.export(period, s, e),
                               f"uppfoljning_{shape}_{period.code}{extension}", key=f"{PAGE}__{shape}{extension}",
                               on_click="ignore")
blocks.page_end(filters)
