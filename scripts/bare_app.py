"""The baseline of the page-speed benchmark: a one-chart Streamlit app with no data layer (synthetic numbers,
not data of the record). `make bench` times the first chart of every page against this one's."""
import plotly.graph_objects as go
import streamlit as st

st.set_page_config(page_title="bare", layout="wide")
st.title("Bare Streamlit app")
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[1, 3, 2])), width="stretch")
