"""`make serve REPLICAS=2`: nginx in front of two replicas; sessions on both, a page run over the proxied
websocket, security headers, and Ctrl-C stops everything it started."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from scripts.load.protocol import Session
from scripts.serve import free_port, wait_healthy

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
pytestmark = pytest.mark.skipif(NGINX is None, reason="nginx is not installed (apt-get install nginx; .ci/run does)")


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"


def test_make_serve_two_replicas(real_db, tmp_path):
    port, directory = free_port(), tmp_path / "nginx"
    env = {**os.environ, "CYBERDIPLOMACY_DB": str(real_db), "CYBERDIPLOMACY_SERVED_BY": "1"}  # to see the spread
    # A new process group, so the test can send Ctrl-C to the group as a terminal does.
    make = subprocess.Popen(["make", "--no-print-directory", "serve", "REPLICAS=2", f"PORT={port}",
                             f"NGINX_DIR={directory}"], cwd=ROOT, env=env, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, timeout=120, proc=make)
        deadline = time.time() + 30
        while not (directory / "state.json").exists() and time.time() < deadline:
            time.sleep(0.2)  # written once nginx answers, just after the health check above may pass
        state = json.loads((directory / "state.json").read_text())
        with urllib.request.urlopen(url + "/", timeout=10) as resp:
            headers = resp.headers
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "SAMEORIGIN"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "cd_replica=" in headers["Set-Cookie"]

        replicas, sessions = set(), []
        for _ in range(16):  # random sticky cookies: 16 sessions all on one replica has odds 2 ** -15
            session = Session(url, timeout=60)
            session.connect()
            assert session.ws.getstatus() == 101 and session.ws.getsubprotocol() == "streamlit"
            replicas.add(session.replica)
            sessions.append(session)
        assert replicas == set(state["replicas"]) == {"r1", "r2"}

        run = sessions[0].run("State_explorer", "state=RUS%2CUSA")
        assert run.errors == [] and run.chart_titles(), run.errors
        for session in sessions:
            session.close()
    finally:
        os.killpg(make.pid, signal.SIGINT)
        output = make.communicate(timeout=30)[0]
        print(output)
    pids = [state["nginx_pid"], *(r["pid"] for r in state["replicas"].values())]
    deadline = time.time() + 15
    while any(alive(p) for p in pids) and time.time() < deadline:
        time.sleep(0.2)
    assert not [p for p in pids if alive(p)], "Ctrl-C left processes running"
    assert "stopping nginx and the replicas" in output
