"""Security settings, encoded: XSRF on, no raw HTML from data, read-only app connections, exact pins."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import duckdb
import pytest

from cyberdiplomacy import db

ROOT = Path(__file__).resolve().parent.parent


def test_streamlit_config_hardening():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableXsrfProtection"] is True
    assert config["client"]["showErrorDetails"] == "none"
    assert config["browser"]["gatherUsageStats"] is False


def test_no_raw_html_in_the_app():
    for path in [ROOT / "dashboard.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "cyberdiplomacy").rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        assert "unsafe_allow_html" not in text, path
        assert "st.html(" not in text and "components.html" not in text, path


def test_app_connections_are_read_only(real_db, monkeypatch):
    monkeypatch.setenv("CYBERDIPLOMACY_DB", str(real_db))
    con = db.connect()
    with pytest.raises(duckdb.Error):
        con.execute("DELETE FROM core.votes")
    con.close()


def test_dependencies_are_pinned_exactly():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            line = line.split("#")[0].strip()
            if line and not line.startswith("-r"):
                assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[A-Za-z0-9_.]+", line), f"{name}: {line} is not pinned"
