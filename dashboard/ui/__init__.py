"""The Streamlit boundary: besides `pages/` and `streamlit_app.py`, the only code that imports Streamlit.

`cache` keys every shared result on the data version, `sidebar` holds the shared filters and the URL,
`blocks` draws what every page shows, `scenario_widgets` the scenario inputs and saved-scenario tools, `routing` the one workaround for
Streamlit's page routing.
"""
