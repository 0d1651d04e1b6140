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
        con.execute("DELETE FROM record.votes")
    con.close()


def test_dependencies_are_pinned_exactly():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for line in [*project["dependencies"], *project["optional-dependencies"]["dev"]]:
        assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[A-Za-z0-9_.]+", line), f"pyproject.toml: {line} is not pinned"


def test_locks_pin_every_package_with_hashes():
    """make installs the locks with --require-hashes: each package, transitive ones too, pinned and hashed."""
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {}
    for name in ("requirements.txt", "requirements-dev.txt"):
        entries = re.split(r"\n(?=\S)", (ROOT / name).read_text(encoding="utf-8"))
        pins = {}
        for entry in entries:
            if entry.startswith("#") or not entry.strip():
                continue
            match = re.match(r"([A-Za-z0-9_.\-]+)==([A-Za-z0-9_.]+) \\\n", entry)
            assert match, f"{name}: {entry.splitlines()[0]} is not pinned"
            assert "--hash=sha256:" in entry, f"{name}: {match.group(1)} has no hash"
            pins[match.group(1).lower()] = match.group(2)
        wanted = declared["dependencies"] + (declared["optional-dependencies"]["dev"] if "dev" in name else [])
        for line in wanted:
            package, version = line.split("==")
            assert pins.get(package.lower()) == version, f"{name} is stale for {line}: run make lock"
        runtime = runtime or pins
        assert all(pins[p] == v for p, v in runtime.items()), "the dev lock pins other versions than the runtime lock"
