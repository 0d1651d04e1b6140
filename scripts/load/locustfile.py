"""Locust users that are Streamlit browser tabs at the protocol level (scripts/load/protocol.py).

    .venv/bin/locust -f scripts/load/locustfile.py --host http://127.0.0.1:8501 \
        --headless -u 20 -r 20 -t 60s --think-time 10 --csv build/load/run --html build/load/run.html

Each user holds one websocket session and tours every page with realistic URL filters, one rerun_script
per page, waiting --think-time seconds (±50 %) between page runs (0: back to back). A page run is one
Locust request ("WS", page name); it fails on an exception element, an st.error alert, a disconnect, or
no `script_finished` within --run-timeout. After a failure the user reconnects (the next page run opens a
new socket, through the proxy possibly to another replica) and the time until it is served again is
recorded as a "RECONNECT" request. --summary-json writes page-run figures and errors per replica.
"""
from __future__ import annotations

import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

from locust import User, events, task
from locust.stats import StatsEntry

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # `locust -f` puts only this folder on the path
from scripts.load.protocol import ProtocolError, Session  # noqa: E402
from scripts.load.tour import TOUR  # noqa: E402

PER_REPLICA: dict[str, dict[str, int]] = defaultdict(lambda: {"runs": 0, "errors": 0})


@events.init_command_line_parser.add_listener
def _options(parser) -> None:
    parser.add_argument("--think-time", type=float, default=10.0, help="seconds between page runs (0: back to back)")
    parser.add_argument("--run-timeout", type=float, default=60.0, help="a page run not finished by then is an error")
    parser.add_argument("--summary-json", default="", help="write page-run figures and per-replica errors here")


class StreamlitTab(User):
    """One analyst's browser tab."""

    def wait_time(self) -> float:
        if self.broken_since is not None:
            return 0.0  # the browser reconnects and reruns at once after a lost connection; so do we
        think = self.environment.parsed_options.think_time
        return random.uniform(0.5 * think, 1.5 * think) if think > 0 else 0.0

    def on_start(self) -> None:
        self.session = Session(self.host, timeout=self.environment.parsed_options.run_timeout)
        self.stop_index = random.randrange(len(TOUR))
        self.broken_since: float | None = None

    def on_stop(self) -> None:
        self.session.close()

    @task
    def page_run(self) -> None:
        path, query = TOUR[self.stop_index % len(TOUR)]
        self.stop_index += 1
        name, start, run, error = path or "Overview", time.perf_counter(), None, None
        try:
            run = self.session.run(path, query)
            if run.errors:
                error = ProtocolError("; ".join(sorted(set(run.errors)))[:300])
        except (ProtocolError, OSError) as exc:  # OSError: the proxy or server refused the new connection
            error = exc
        replica = self.session.replica or "direct"
        PER_REPLICA[replica]["runs"] += 1
        if error is not None:
            PER_REPLICA[replica]["errors"] += 1
            error = ProtocolError(f"{error} [replica {replica}]")  # failures are grouped by message
            self.broken_since = self.broken_since or time.perf_counter()
        elif self.broken_since is not None:
            self._fire("RECONNECT", "serving again after a failure", time.perf_counter() - self.broken_since, 0, None)
            self.broken_since = None
        self._fire("WS", name, time.perf_counter() - start, run.bytes if run else 0, error)

    def _fire(self, kind: str, name: str, seconds: float, length: int, error: Exception | None) -> None:
        self.environment.events.request.fire(request_type=kind, name=name, response_time=seconds * 1000,
                                             response_length=length, exception=error, context={})


@events.test_stop.add_listener
def _summary(environment, **_) -> None:
    """Page runs only (RECONNECT rows excluded), merged into one entry for its percentiles."""
    path = environment.parsed_options.summary_json
    if not path:
        return
    stats = environment.stats
    runs = StatsEntry(stats, "page runs", "WS", use_response_times_cache=False)
    reconnect = StatsEntry(stats, "reconnect", "RECONNECT", use_response_times_cache=False)
    for (_, kind), entry in stats.entries.items():
        (runs if kind == "WS" else reconnect).extend(entry)
    seconds = max(runs.last_request_timestamp or 0, runs.start_time) - runs.start_time

    def pct(entry, q):
        return entry.get_response_time_percentile(q) / 1000 if entry.num_requests else None

    errors: dict[str, int] = defaultdict(int)
    for e in stats.errors.values():  # Locust keeps one row per (page, message); sum them per message
        errors[str(e.error)] += e.occurrences
    summary = {"runs": runs.num_requests, "failures": runs.num_failures, "seconds": seconds,
               "p50": pct(runs, 0.5), "p95": pct(runs, 0.95), "max": (runs.max_response_time or 0) / 1000,
               "reconnects": reconnect.num_requests, "reconnect_max": (reconnect.max_response_time or 0) / 1000,
               "per_replica": dict(PER_REPLICA),
               "errors": errors}
    with open(path, "w", encoding="utf-8") as out:
        json.dump(summary, out, indent=1)
