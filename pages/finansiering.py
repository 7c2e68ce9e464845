"""Finansiering: agreements on a timeline, the secured horizon from a chosen date, decision lead time."""

import streamlit as st

from dashboard.base import formatting
from dashboard.charts.funding import funding_timeline
from dashboard.ui import blocks, cache, sidebar

PAGE = "finansiering"
filters = sidebar.shared_filters()
blocks.page_header("Finansiering", filters,
                   "Peer support har finansierats ett år i taget sedan 2018 (000, 002). Överenskommelserna med NSPH "
                   "Stockholms län gäller ett kalenderår; när de beslutades publiceras inte.")
summary = cache.run("funding_summary", filters)
row = summary.iloc[0]
left, middle, right = st.columns(3)
left.metric("Säkrad t.o.m.", formatting.iso_date(row["secured_until"]))
middle.metric("Säkrade månader kvar", formatting.number(row["secured_months_left"], 1))
right.metric("Andel ettåriga beslut", formatting.percent(row["one_year_share"]),
             help=f"{row['one_year_agreements']} av {row['decided_agreements']} beslut")
blocks.indicator_block(summary, filters, key=f"{PAGE}__summary")

for plan in cache.run_helper("lookups/planned_decisions", filters, "Planerade beslut", as_of=filters.as_of).itertuples(index=False):
    st.info(f"Planerat beslut för perioden {formatting.iso_date(plan.period_start)}–"
            f"{formatting.iso_date(plan.period_end)}: {plan.planned_decision} ({plan.source_id}). Det är en plan, "
            "inte ett beslut; beslutsdatumet publiceras inte.")
agreements = cache.run("funding_horizon", filters)
blocks.indicator_block(agreements, filters, cache.view(funding_timeline, agreements), key=f"{PAGE}__horizon")
blocks.page_end(filters)
