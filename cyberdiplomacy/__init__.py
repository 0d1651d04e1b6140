"""Cybercrime Diplomacy Dashboard: the library behind the pages (no Streamlit here)."""
