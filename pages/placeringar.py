"""Placeringar: placements per area over time, central administrations apart from districts."""

import streamlit as st

from dashboard.charts.counts import headcount_trend, placements_over_time
from dashboard.ui import blocks, cache, sidebar

PAGE = "placeringar"
filters = sidebar.shared_filters()
blocks.page_header("Placeringar", filters)
granularity = sidebar.page_choice(PAGE, "granularity", "Indelning", ["year", "quarter"], "year",
                                  format_func={"year": "per år", "quarter": "per kvartal"}.get, widget=st.radio)
trend = cache.run("headcount_trend", filters)
blocks.indicator_block(trend, filters, cache.view(headcount_trend, trend) if not trend.empty else None,
                       empty="Inga antal rapporterade på eller före valt datum.", key=f"{PAGE}__trend")

over_time = cache.run("placements_over_time", filters, granularity=granularity)
# Never empty: a period without a mentioned placement is a row of its own, drawn as "ingen uppgift".
blocks.indicator_block(over_time, filters, cache.view(placements_over_time, over_time), key=f"{PAGE}__time")

per_area = cache.run("placements_per_stadsdel", filters)
for kind, heading in (("stadsdel", "stadsdelar"), ("central", "centrala förvaltningar")):
    part = per_area[per_area["area_kind"] == kind]
    part.attrs.update(per_area.attrs)
    blocks.indicator_block(part, filters, note=heading, title=f"Placeringar i {heading}",
                           empty=f"Inga placeringar i {heading} under perioden.", key=f"{PAGE}__{kind}")
blocks.page_end(filters)
