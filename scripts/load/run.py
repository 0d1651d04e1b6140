"""Capacity figures: Locust (scripts/load/locustfile.py) against servers this script starts and stops.

    .venv/bin/python scripts/load/run.py --levels 1,10,20,40 --seconds 30 --think-time 0 [--replicas 2]
        [--rebuild-every 10] [--kill-replica-after 15] [--out build/load]

- Builds a throwaway warehouse (`python -m etl build --db TMP`) unless --db is given, so rebuilds under
  load never touch build/.
- --replicas 1 serves one `streamlit run` directly; --replicas N >= 2 (or --proxy) serves N replicas behind
  nginx exactly as `make serve` does (scripts/serve.py).
- Each level is one headless Locust run (-u N -r N -t SECONDS) with CSV and HTML reports in --out.
- Server CPU seconds per completed page run and peak RSS come from /proc (scripts/load/procstat.py).
- --rebuild-every S runs `python -m etl build` on the served warehouse every S seconds during the load.
- --kill-replica-after S SIGKILLs replica r1 once, S seconds into each level; serve.py's supervisor starts it
  again. Its users' runs fail once and reconnect; errors are reported per replica.
Exit 0 when no page run failed (with --kill-replica-after: none on the surviving replicas, and every
broken session served again within 10 s).
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.load.procstat import Sampler  # noqa: E402
from scripts.serve import Cluster, free_port, start_app, wait_healthy  # noqa: E402

LOCUSTFILE = ROOT / "scripts" / "load" / "locustfile.py"


def build(db: Path) -> tuple[int, float, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "etl", "build", "--db", str(db)], cwd=ROOT,
                          capture_output=True, text=True)
    return done.returncode, time.perf_counter() - start, done.stderr[-500:]


class Direct:
    """One process, no proxy: the baseline."""

    def __init__(self, db: Path, directory: Path):
        self.port, self.db, self.log = free_port(), db, directory / "replica-1.log"
        self.apps: list[subprocess.Popen] = []

    url = property(lambda self: f"http://127.0.0.1:{self.port}")

    def __enter__(self):
        self.apps = [start_app(self.port, self.db, self.log)]
        wait_healthy(self.url, proc=self.apps[0])
        return self

    def __exit__(self, *exc):
        self.apps[0].terminate()
        self.apps[0].wait(timeout=15)

    def poll(self):
        pass


def every(seconds: float, stop: threading.Event, action) -> threading.Thread:
    def loop():
        while not stop.wait(seconds):
            action()
    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    return thread


def level(args, server, users: int, out: Path) -> dict:
    prefix = out / f"{args.stamp}-u{users}-think{args.think_time:g}-r{args.replicas}"
    summary = prefix.with_suffix(".json")
    cmd = [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--host", server.url, "--headless",
           "-u", str(users), "-r", str(args.spawn_rate or users), "-t", f"{args.seconds}s", "--stop-timeout", "5",
           "--think-time", str(args.think_time), "--run-timeout", str(args.run_timeout),
           "--csv", str(prefix), "--html", f"{prefix}.html", "--summary-json", str(summary), "--only-summary",
           "--loglevel", "WARNING"]
    rebuilds, stop = [], threading.Event()
    threads = [every(1.0, stop, server.poll)]  # restart a killed replica, as `make serve` does
    if args.rebuild_every:
        threads.append(every(args.rebuild_every, stop, lambda: rebuilds.append(build(args.db))))
    killed = []
    if args.kill_replica_after:
        def kill():
            if not killed:
                killed.append(server.apps[0].pid)
                os.kill(server.apps[0].pid, signal.SIGKILL)
        threads.append(every(args.kill_replica_after, stop, kill))
    load_before = os.getloadavg()[0]  # the machine may be shared: say how busy it was
    with Sampler(lambda: [a.pid for a in server.apps]) as sampler:
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    stop.set()
    for thread in threads:
        thread.join()
    if not summary.exists():
        raise RuntimeError(f"locust wrote no summary (exit {done.returncode}):\n{done.stderr[-3000:]}")
    result = json.loads(summary.read_text())
    ok = result["runs"] - result["failures"]
    result.update(users=users, think=args.think_time, replicas=args.replicas, runs_per_s=ok / args.seconds,
                  cpu_per_run=sampler.cpu / ok if ok else None, peak_rss_mb=max(sampler.peak_mb.values()),
                  rebuilds=len(rebuilds), rebuilds_failed=sum(1 for r in rebuilds if r[0] != 0),
                  rebuild_errors=[r[2] for r in rebuilds if r[0] != 0][:2], killed_pid=killed[0] if killed else None,
                  load_average=f"{load_before:.1f} -> {os.getloadavg()[0]:.1f}")
    return result


def verdict(args, r: dict) -> list[str]:
    problems = [f"{r['rebuilds_failed']} rebuild(s) failed"] if r["rebuilds_failed"] else []
    if args.kill_replica_after:
        survivors = {k: v for k, v in r["per_replica"].items() if k != "r1"}
        problems += [f"{v['errors']} error(s) on surviving replica {k}" for k, v in survivors.items() if v["errors"]]
        if r["reconnect_max"] > 10:
            problems.append(f"a session took {r['reconnect_max']:.1f} s to be served again")
    elif r["failures"]:
        problems.append(f"{r['failures']} failed page run(s)")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--levels", default="1,10,20,40", help="concurrent sessions, one Locust run each")
    parser.add_argument("--seconds", type=int, default=30, help="duration of each level")
    parser.add_argument("--think-time", type=float, default=0.0)
    parser.add_argument("--spawn-rate", type=float, default=0,
                        help="users started per second (default: all at once, a worst-case burst); analysts "
                             "arriving over a few seconds is e.g. 4")
    parser.add_argument("--run-timeout", type=float, default=60.0)
    parser.add_argument("--replicas", type=int, default=1)
    parser.add_argument("--proxy", action="store_true", help="nginx in front even of one replica")
    parser.add_argument("--rebuild-every", type=float, default=0)
    parser.add_argument("--kill-replica-after", type=float, default=0)
    parser.add_argument("--db", type=Path, help="serve this warehouse pointer instead of a throwaway build")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "load")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = args.stamp = time.strftime("%Y%m%dT%H%M%S")
    with contextlib.ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="load-")))
        if args.db is None:
            args.db = tmp / "w.duckdb"
            code, _, err = build(args.db)
            if code:
                raise SystemExit(f"warehouse build failed: {err}")
        # Keep the servers' logs with the reports: the temp folder goes when the run ends.
        stack.callback(lambda: [shutil.copy(f, args.out / f"{stamp}-{f.name}") for f in tmp.rglob("*.log")])
        proxied = args.replicas > 1 or args.proxy
        os.environ.setdefault("CYBERDIPLOMACY_SERVED_BY", "1")  # the report counts sessions per replica
        server = Cluster(args.replicas, free_port(), args.db, tmp / "nginx") if proxied else Direct(args.db, tmp)
        stack.enter_context(server)
        print("| sessions | think s | replicas | page runs | runs/s | errors | p50 s | p95 s | max s "
              "| server CPU s per run | peak RSS per process |", flush=True)
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        failed = []
        for users in [int(u) for u in args.levels.split(",")]:
            r = level(args, server, users, args.out)
            print(f"| {users} | {args.think_time:g} | {args.replicas} | {r['runs']} | {r['runs_per_s']:.2f} "
                  f"| {r['failures']} | {r['p50']} | {r['p95']} | {r['max']:.1f} | "
                  f"{r['cpu_per_run'] or float('nan'):.2f} | {r['peak_rss_mb']:.0f} MB |", flush=True)
            extra = {k: r[k] for k in ("per_replica", "rebuilds", "rebuilds_failed", "reconnects", "reconnect_max",
                                         "load_average")}
            print(f"    {json.dumps(extra)}", flush=True)
            for message, count in list(r["errors"].items())[:8]:
                print(f"    {count} x {message[:200]}", flush=True)
            failed += verdict(args, r)
    print("OK" if not failed else "FAILED: " + "; ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
