"""Serve the dashboard as N Streamlit replicas behind nginx, and stop all of it on Ctrl-C.

    python scripts/serve.py --replicas 2 --port 8080 [--listen 127.0.0.1] [--dir build/nginx]

Each replica is `streamlit run dashboard.py` on a free internal port, all reading the same warehouse
(CYBERDIPLOMACY_DB or build/cyberdiplomacy.duckdb; the app opens it read-only, and a rebuild switches the
pointer for every replica at once). nginx's config is rendered from deploy/nginx.conf.template into --dir
and run in the foreground with that prefix, so nothing under /etc/nginx is used. A replica that dies is
started again on its port; if nginx dies, everything stops. `Cluster` is the same thing for scripts/tests.
"""
from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "deploy" / "nginx.conf.template"
DEFAULT_DB = ROOT / "build" / "cyberdiplomacy.duckdb"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _die_with_parent() -> None:
    """Children get SIGTERM if the supervisor is killed outright, so no replica outlives it."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def wait_healthy(url: str, timeout: float = 90, proc: subprocess.Popen | None = None) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process for {url} exited with {proc.returncode}")
        with contextlib.suppress(OSError), urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
            if resp.status == 200:
                return
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not become healthy within {timeout:.0f} s")


def start_app(port: int, db: Path, log: Path) -> subprocess.Popen:
    """One `streamlit run dashboard.py` on 127.0.0.1:port (replicas are reached only through nginx)."""
    env = {**os.environ, "CYBERDIPLOMACY_DB": str(db)}
    with open(log, "a") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, preexec_fn=_die_with_parent)


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not found:
        raise RuntimeError("nginx is not installed: apt-get install nginx (make serve does this as root)")
    return found


def content_security_policy() -> str:
    """The app's Content-Security-Policy; Streamlit's index.html has one inline script, allowed by its hash."""
    import base64
    import hashlib
    import re

    import streamlit

    index = (Path(streamlit.__file__).parent / "static" / "index.html").read_text(encoding="utf-8")
    hashes = " ".join("'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
                      for body in re.findall(r"<script>(.*?)</script>", index, re.S))
    return ("default-src 'self'; "
            f"script-src 'self' 'unsafe-eval' {hashes}; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            "connect-src 'self'; worker-src 'self' blob:; frame-src 'self'; object-src 'none'; base-uri 'self'; "
            "form-action 'self'; frame-ancestors 'self'")


def render_config(directory: Path, listen: str, port: int, replica_ports: list[int]) -> Path:
    servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;" for p in replica_ports)
    names = "\n".join(f"        ~:{p}$ r{i};" for i, p in enumerate(replica_ports, 1))
    user = "user nobody nogroup;" if os.geteuid() == 0 else "# not root: workers run as the current user"
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (directory / "tmp" / sub).mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:  # workers (user nobody) write request bodies and buffered responses here
            shutil.chown(directory / "tmp" / sub, "nobody", "nogroup")
    served_by = ("        add_header X-Served-By $replica_name always;"
                 if os.environ.get("CYBERDIPLOMACY_SERVED_BY") == "1" else "        # X-Served-By: off")
    text = TEMPLATE.read_text(encoding="utf-8")
    for key, value in {"USER": user, "DIR": str(directory), "LISTEN": listen, "PORT": str(port),
                       "SERVERS": servers, "REPLICA_NAMES": names, "SERVED_BY": served_by,
                       "CSP": content_security_policy()}.items():
        text = text.replace(f"@@{key}@@", value)
    conf = directory / "nginx.conf"
    conf.write_text(text, encoding="utf-8")
    return conf


class Cluster:
    """N replicas and nginx; a context manager. `poll()` restarts dead replicas; `stop()` ends everything."""

    def __init__(self, replicas: int, port: int, db: Path, directory: Path, listen: str = "127.0.0.1"):
        self.db, self.dir, self.listen, self.port = Path(db).absolute(), Path(directory).absolute(), listen, port
        self.ports: list[int] = []
        while len(self.ports) < replicas:  # a port just released may be handed out again: keep them distinct
            candidate = free_port()
            if candidate != port and candidate not in self.ports:
                self.ports.append(candidate)
        self.apps: list[subprocess.Popen] = []
        self.nginx: subprocess.Popen | None = None
        self.restarts = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log(self, i: int) -> Path:
        return self.dir / f"replica-{i + 1}.log"

    def start(self) -> Cluster:
        self.dir.mkdir(parents=True, exist_ok=True)
        self.apps = [start_app(p, self.db, self.log(i)) for i, p in enumerate(self.ports)]
        for p, proc in zip(self.ports, self.apps, strict=True):
            wait_healthy(f"http://127.0.0.1:{p}", proc=proc)
        conf = render_config(self.dir, self.listen, self.port, self.ports)
        subprocess.run([nginx_binary(), "-t", "-q", "-c", str(conf), "-p", str(self.dir)], check=True)
        self.nginx = subprocess.Popen([nginx_binary(), "-c", str(conf), "-p", str(self.dir), "-g", "daemon off;"],
                                      preexec_fn=_die_with_parent)
        wait_healthy(self.url, proc=self.nginx)
        self.write_state()
        return self

    def write_state(self) -> None:
        """Who is serving, for operators and tests: replica names as in X-Served-By, ports and pids."""
        state = {"url": self.url, "nginx_pid": self.nginx.pid if self.nginx else None,
                 "replicas": {f"r{i + 1}": {"port": p, "pid": a.pid}
                              for i, (p, a) in enumerate(zip(self.ports, self.apps, strict=True))}}
        (self.dir / "state.json").write_text(json.dumps(state, indent=1), encoding="utf-8")

    def poll(self) -> None:
        """Restart replicas that exited; raise if nginx exited (nothing would be served)."""
        if self.nginx is not None and self.nginx.poll() is not None:
            raise RuntimeError(f"nginx exited with {self.nginx.returncode}; see {self.dir / 'error.log'}")
        for i, proc in enumerate(self.apps):
            if proc.poll() is not None:
                print(f"replica r{i + 1} exited with {proc.returncode}; starting it again", flush=True)
                self.apps[i] = start_app(self.ports[i], self.db, self.log(i))
                self.restarts += 1
                self.write_state()

    def stop(self) -> None:
        procs = [p for p in [self.nginx, *self.apps] if p is not None]
        for proc in procs:
            if proc.poll() is None:
                proc.terminate()  # nginx: fast shutdown; streamlit: closes its sessions
        for proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def __enter__(self) -> Cluster:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc) -> None:
        self.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--listen", default="127.0.0.1", help="address nginx listens on (0.0.0.0: every interface)")
    parser.add_argument("--dir", type=Path, default=ROOT / "build" / "nginx", help="nginx prefix, config and logs")
    args = parser.parse_args()
    db = Path(os.environ.get("CYBERDIPLOMACY_DB") or DEFAULT_DB)
    # SIGTERM (e.g. from a container runtime) stops cleanly like Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    cluster = Cluster(args.replicas, args.port, db, args.dir, args.listen)
    try:
        with cluster:
            print(f"serving on http://{args.listen}:{args.port} with {args.replicas} replica(s) on ports "
                  f"{', '.join(map(str, cluster.ports))}; warehouse {db}; Ctrl-C stops everything", flush=True)
            while True:
                time.sleep(1)
                cluster.poll()
    except KeyboardInterrupt:
        print("stopping nginx and the replicas", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
