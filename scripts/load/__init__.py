"""Load tools that speak Streamlit's own websocket protocol (see protocol.py, locustfile.py, run.py)."""
