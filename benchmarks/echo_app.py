"""The floor any Streamlit app pays: a page that only echoes a select box."""

import streamlit as st

OPTIONS = [f"Alternativ {i}" for i in range(300)]

st.title("Eko")
choice = st.selectbox("Område", OPTIONS, key="echo")
st.caption(f"Visar: Område: {choice};")
