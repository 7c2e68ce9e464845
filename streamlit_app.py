"""Entry point: page config, the explicit list of pages, and the router."""

import streamlit as st

from dashboard.ui import blocks, cache, identity, routing, sidebar

PAGES = [
    # The default page's address is the root; its own name is left free for `/oversikt`, the address users guess.
    st.Page("pages/oversikt.py", title="Översikt", icon=":material/dashboard:", default=True, url_path="start"),
    st.Page("pages/placeringar.py", title="Placeringar", icon=":material/location_on:"),
    st.Page("pages/enheter.py", title="Enheter", icon=":material/groups:"),
    st.Page("pages/finansiering.py", title="Finansiering", icon=":material/payments:"),
    st.Page("pages/scenarier.py", title="Scenarier", icon=":material/tune:"),
    st.Page("pages/enkater.py", title="Enkäter", icon=":material/assignment:"),
    st.Page("pages/utvarderingar.py", title="Utvärderingar", icon=":material/fact_check:"),
    st.Page("pages/uppfoljning.py", title="Måluppföljning", icon=":material/flag:"),
    st.Page("pages/namndunderlag.py", title="Nämndunderlag", icon=":material/description:"),
    st.Page("pages/importera.py", title="Importera", icon=":material/upload_file:"),
    st.Page("pages/kallor.py", title="Källor och data", icon=":material/menu_book:"),
    st.Page("pages/om.py", title="Om tjänsten / Tillgänglighet", icon=":material/info:"),
]

st.set_page_config(page_title="PEER support – beslutsstöd", page_icon=":material/diversity_3:", layout="wide")
cache.prepare_database()
blocks.swedish_document()
actor = identity.current()
if actor.how == "ej inloggad":   # sign-in is configured and this session has not signed in
    st.navigation([st.Page(identity.sign_in_page, title="Logga in", default=True)]).run()
    st.stop()
# A page the role may not use is not in the navigation (its address falls back to Översikt) and refuses itself.
page = st.navigation([p for p in PAGES if p.url_path != "importera" or actor.may("import")]
                     + [routing.overview_by_name(PAGES[0])])
with cache.one_data_version(), sidebar.shared_for_pages(sidebar.shared_filters(entrypoint=True)):
    identity.banner(actor)
    page.run()
