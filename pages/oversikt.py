"""Översikt: the decision first (when funding ends, by when to decide), the situation in a sentence, what needs
attention, the documented head counts over time, and the key figures with their date and source."""

import streamlit as st

from dashboard import decision, overview
from dashboard.base.formatting import plain
from dashboard.charts.counts import headcount_trend
from dashboard.ui import blocks, cache, sidebar

PAGE = "oversikt"
filters = sidebar.shared_filters()
blocks.page_header("PEER support – översikt", filters)

headcount = cache.run("headcount", filters)
units = cache.run("supporters_per_unit", filters)
funding = cache.run("funding_summary", filters)
st.header("Beslutet")
decision_box = st.container()   # drawn above the notice it depends on
notice = sidebar.page_choice(PAGE, "notice_months", "Framförhållning inför nästa period (månader)",
                             [1, 2, 3, 4, 5, 6], decision.NOTICE_MONTHS_DEFAULT, widget=st.select_slider)
st.caption(decision.NOTICE_BASIS)
funding_decision = decision.funding_decision(funding.iloc[0], filters.as_of, notice)

per = filters.as_of.isoformat()
left, middle, right = decision_box.columns(3)
left.metric("Finansiering säkrad t.o.m.", funding_decision.secured_until.isoformat()
            if funding_decision.secured_until else "–")
middle.metric(f"Dagar kvar per {per}", "–" if funding_decision.days_left is None else f"{funding_decision.days_left}",
              help=None if funding_decision.days_left is not None else decision.UNKNOWN_COVER)
right.metric(f"Beslut behövs senast (per {per})",
             funding_decision.decide_by.isoformat() if funding_decision.decide_by else "–",
             help=f"{notice} månaders framförhållning före periodens slut, räknat från läget per {per}")
city_wide = overview.scope_mark(funding, filters)
if city_wide:
    decision_box.caption(":material/public: " + plain(city_wide))
decision_box.markdown(decision.situation(headcount, units, funding_decision))

st.header("Att uppmärksamma")
for alert in overview.alerts(units, funding_decision, cache.run("source_conflicts", filters)):
    blocks.notice(alert.level, alert.text)

trend = cache.run("headcount_trend", filters)
blocks.indicator_block(trend, filters, cache.view(headcount_trend, trend) if not trend.empty else None,
                       empty="Inga antal rapporterade på eller före valt datum.", key=f"{PAGE}__trend")

st.header(f"Nyckeltal per {per}")
survey = cache.run("survey_response", filters)
at_target = cache.run("units_at_target", filters)
figures = overview.key_figures(headcount, units, at_target, funding, survey, filters)
for first in range(0, len(figures), 4):   # rows of four, so each row's figures line up
    for cell, figure in zip(st.columns(4), figures[first:first + 4]):
        cell.metric(figure.label, figure.value, help=figure.note)
        cell.caption(plain(figure.note))
        if figure.scope:
            cell.caption(":material/public: " + plain(figure.scope))
with st.expander("Underlag för nyckeltalen: raderna, deras grund och källor"):
    for frame in (headcount, units, at_target, funding, survey):
        st.markdown(f"**{blocks.label(frame)}**")
        blocks.show_table(frame)
blocks.source_note(text for frame in (headcount, units, at_target, funding, survey)
                   for text in cache.source_descriptions(frame))
blocks.page_end(filters)
