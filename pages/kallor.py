"""Källor och data: every source, what cites it, the recorded conflicts and what is unknown."""

import streamlit as st

from dashboard import charts, web

PAGE = "kallor"
filters = web.shared_filters()
web.page_header("Källor och data", filters,
                "Varje siffra i tjänsten har en källa. Det ett dokument anger är *dokumenterat*; det som räknats "
                "fram är *härlett* med regeln angiven; det som inte publicerats är *okänt* och visas som –.")
web.indicator_block(web.run("sources"), "alla källor", key=f"{PAGE}__sources")
web.indicator_block(web.run("source_conflicts"), "alla registrerade konflikter", key=f"{PAGE}__conflicts")
gender = web.run("supporter_gender", **filters.indicator_params("as_of"))
web.indicator_block(gender, f"t.o.m. {filters.as_of.isoformat()}",
                    web.view(charts.gender_by_source, gender) if not gender.empty else None, key=f"{PAGE}__gender")
web.indicator_block(web.run("data_gaps"), "alla kända luckor", key=f"{PAGE}__gaps")
web.indicator_block(web.run("reported_figures"), "alla uppgifter", key=f"{PAGE}__figures")
st.caption("Källdokumenten finns som textfiler i projektets mapp shared/seeds (filnamnen i kolumnen Fil).")
web.sync_url(filters)
