"""A Streamlit client at the websocket level: what the browser sends, and what it receives, without a browser.

The browser opens ws://HOST/_stcore/stream with subprotocol "streamlit", sends a BackMsg `rerun_script`
(ClientState: query string, page_script_hash, the hashes of messages it has cached) and draws the
ForwardMsgs until `script_finished`. This module does the same, synchronously (websocket-client, so it
runs cooperatively under Locust's gevent and plainly in pytest), and keeps what a page run produced:
the final element at each delta path, errors (exception elements, st.error alerts), and timing.
"""
from __future__ import annotations

import json
import re
import time
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlparse

import websocket
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FINISHED = ForwardMsg.ScriptFinishedStatus
ALERT_ERROR = 1  # streamlit.proto.Alert_pb2.Alert.Format.ERROR
STICKY_COOKIE = "cd_replica"  # set by deploy/nginx.conf.template; pins a browser to one replica
TAGS = re.compile(r"<[^>]+>")


class ProtocolError(Exception):
    """A page run that a user would see as broken: disconnect, timeout, page not found, compile error."""


@dataclass
class PageRun:
    """What one rerun_script produced, as the browser would finally show it."""
    seconds: float = 0.0
    messages: int = 0
    bytes: int = 0
    elements: dict[tuple, object] = field(default_factory=dict)  # delta path -> Element proto (last one wins)
    errors: list[str] = field(default_factory=list)  # exception elements and st.error alerts

    def of_type(self, kind: str) -> list:
        return [getattr(e, kind) for _, e in sorted(self.elements.items()) if e.WhichOneof("type") == kind]

    def headings(self) -> list[str]:
        return [h.body for h in self.of_type("heading")]

    def chart_titles(self) -> list[str]:
        """Each plotly chart's title (layout.meta.title; a page prints it above the chart), as the figure JSON sent
        to the browser carries it."""
        return [(json.loads(chart.spec).get("layout", {}).get("meta") or {}).get("title", "")
                for chart in self.of_type("plotly_chart")]

    def metric_labels(self) -> list[str]:
        return [m.label for m in self.of_type("metric")]


class Session:
    """One browser tab's websocket session. Not thread-safe: one per (green) thread."""

    def __init__(self, base_url: str, timeout: float = 60.0, use_cache: bool = True):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.use_cache = use_cache  # the browser keeps cacheable messages and tells the server their hashes
        self.cache: dict[str, ForwardMsg] = {}
        self.pages: dict[str, str] = {}  # url_pathname ("" = main page) -> page_script_hash
        self.ws: websocket.WebSocket | None = None
        self.replica = ""  # X-Served-By from the proxy, when there is one

    def connect(self) -> None:
        """Load the page's HTML first, as a browser does (it carries the proxy's sticky cookie), then the socket."""
        cookie = ""
        with urllib.request.urlopen(self.base_url + "/", timeout=self.timeout) as resp:
            resp.read()
            for header in resp.headers.get_all("Set-Cookie") or []:
                if header.startswith(STICKY_COOKIE + "="):
                    cookie = header.split(";", 1)[0]
        parsed = urlparse(self.base_url)
        scheme = "wss" if parsed.scheme == "https" else "ws"
        # websocket-client sets no inbound size limit (the `websockets` library's is 1 MiB): map specs are larger.
        self.ws = websocket.create_connection(f"{scheme}://{parsed.netloc}{parsed.path}/_stcore/stream",
                                              subprotocols=["streamlit"], timeout=self.timeout,
                                              cookie=cookie or None, enable_multithread=False)
        self.replica = (self.ws.getheaders() or {}).get("x-served-by", "")

    def close(self) -> None:
        if self.ws is not None:
            try:
                self.ws.close(timeout=1)
            except (OSError, websocket.WebSocketException):
                pass  # the server may already be gone; closing is best effort
            self.ws = None

    def run(self, path: str = "", query: str = "", timeout: float | None = None) -> PageRun:
        """Run page `path` (a url_pathname such as "Resolution_history"; "" = main page) with a query string."""
        if self.ws is None:
            self.connect()
        back = BackMsg()
        state = back.rerun_script
        state.query_string = query
        state.page_script_hash = self.pages.get(path, "")
        state.page_name = "" if path in self.pages else path  # before navigation is known, name the page
        if self.use_cache:
            state.cached_message_hashes.extend(self.cache)
        run, start = PageRun(), time.perf_counter()
        deadline = start + (timeout or self.timeout)
        try:
            self.ws.send_binary(back.SerializeToString())
            while True:
                left = deadline - time.perf_counter()
                if left <= 0:
                    raise ProtocolError(f"run not finished within {timeout or self.timeout:.0f} s")
                self.ws.settimeout(left)
                data = self.ws.recv()
                if isinstance(data, str) or not data:
                    raise ProtocolError("unexpected frame from server")
                run.messages += 1
                run.bytes += len(data)
                if self._handle(data, run):
                    break
        except websocket.WebSocketTimeoutException as exc:
            self.close()
            raise ProtocolError(f"run not finished within {timeout or self.timeout:.0f} s") from exc
        except (OSError, websocket.WebSocketException) as exc:
            self.close()
            raise ProtocolError(f"disconnected: {type(exc).__name__}: {exc}") from exc
        except ProtocolError:
            self.close()  # a half-read run would leak its messages into the next one
            raise
        run.seconds = time.perf_counter() - start
        return run

    def _handle(self, data: bytes, run: PageRun) -> bool:
        """Apply one ForwardMsg; True when the run is over."""
        msg = ForwardMsg()
        msg.ParseFromString(data)
        kind = msg.WhichOneof("type")
        if kind == "ref_hash":  # the server sent only the hash of a message we said we had
            if msg.ref_hash not in self.cache:
                raise ProtocolError(f"server referred to an uncached message {msg.ref_hash}")
            cached = ForwardMsg()
            cached.CopyFrom(self.cache[msg.ref_hash])
            cached.metadata.CopyFrom(msg.metadata)
            msg, kind = cached, cached.WhichOneof("type")
        elif self.use_cache and msg.metadata.cacheable and msg.hash:
            self.cache[msg.hash] = msg
        if kind == "delta":
            self._apply_delta(msg, run)
        elif kind == "navigation":
            self.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
            for page in msg.navigation.app_pages:
                if page.is_default:  # the main page is also reachable as ""
                    self.pages[""] = page.page_script_hash
        elif kind == "page_not_found":
            raise ProtocolError(f"page not found: {msg.page_not_found.page_name!r}")
        elif kind == "script_finished":
            if msg.script_finished == FINISHED.FINISHED_WITH_COMPILE_ERROR:
                raise ProtocolError("script compile error")
            # FINISHED_EARLY_FOR_RERUN: another run follows (e.g. st.rerun); wait for it.
            return msg.script_finished in (FINISHED.FINISHED_SUCCESSFULLY,
                                           FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)
        return False

    @staticmethod
    def _apply_delta(msg: ForwardMsg, run: PageRun) -> None:
        path = tuple(msg.metadata.delta_path)
        kind = msg.delta.WhichOneof("type")
        if kind not in ("new_element", "add_block"):
            return  # transient elements (spinners, toasts) are not part of the page
        for old in [p for p in run.elements if p[:len(path)] == path]:
            del run.elements[old]  # a new element or block at a path replaces everything under it
        if kind == "add_block":
            return
        element = msg.delta.new_element
        run.elements[path] = element
        if element.WhichOneof("type") == "exception":
            run.errors.append(f"exception {element.exception.type}: {element.exception.message[:200]}")
        elif element.WhichOneof("type") == "alert" and element.alert.format == ALERT_ERROR:
            run.errors.append(f"st.error: {TAGS.sub('', element.alert.body)[:200]}")
