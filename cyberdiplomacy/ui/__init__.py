"""The only Streamlit code outside pages/: caching, URL filters, layout and the error guard."""
