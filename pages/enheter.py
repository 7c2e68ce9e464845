"""Enheter: supporters per unit against the target of at least two; lone supporters highlighted; the units
counted as Översikt and the scenario count them."""

import streamlit as st

from dashboard import counts, overview
from dashboard.base.formatting import plain
from dashboard.charts.units import supporters_per_unit
from dashboard.ui import blocks, cache, sidebar

PAGE = "enheter"
filters = sidebar.shared_filters()
blocks.page_header("Enheter", filters,
                   "Utvärdering år två (001) rekommenderar minst två peer supportrar per verksamhet: att vara två "
                   "beskrivs som en framgångsfaktor.")
target = sidebar.page_choice(PAGE, "target", "Mål: peer supportrar per enhet", [1, 2, 3, 4], 2, widget=st.radio)
units = cache.run("supporters_per_unit", filters, target=target)
st.markdown(plain(counts.programme(cache.run("headcount", filters), units).sentence(see="")))
for alert in overview.unit_alerts(units):
    blocks.notice(alert.level, alert.text)
for fact in cache.run("decision_facts", filters, topic="bemanning").itertuples():
    st.caption(f"Enligt källorna ({fact.refers_to}, {fact.sources}): {fact.text}")
blocks.indicator_block(units, filters,
                       cache.view(supporters_per_unit, units, target) if not units.empty else None, empty="Inga verksamheter med peer support enligt källorna på valt datum.", key=PAGE)
blocks.page_end(filters)
