"""The nginx front: a Content-Security-Policy the app works under (every page in Chromium, no violation), and no
replica name in its headers unless the debug switch asks for one."""
from __future__ import annotations

import contextlib
import shutil
import tempfile
import urllib.request
from pathlib import Path

import pytest

from scripts import serve
from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, PAGE_PATHS, wait_for_charts, wait_for_run

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
# Every CSP violation, caught in the page before any of its scripts run.
RECORD_VIOLATIONS = """window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || '(inline)')));"""


def test_the_replica_name_is_sent_only_behind_the_debug_switch(tmp_path, monkeypatch):
    monkeypatch.delenv("CYBERDIPLOMACY_SERVED_BY", raising=False)
    conf = serve.render_config(tmp_path, "127.0.0.1", 8080, [9001, 9002]).read_text(encoding="utf-8")
    assert "add_header X-Served-By" not in conf
    assert f'add_header Content-Security-Policy "{serve.content_security_policy()}" always;' in conf
    monkeypatch.setenv("CYBERDIPLOMACY_SERVED_BY", "1")
    conf = serve.render_config(tmp_path, "127.0.0.1", 8080, [9001, 9002]).read_text(encoding="utf-8")
    assert "add_header X-Served-By $replica_name always;" in conf


@pytest.mark.browser
@pytest.mark.skipif(NGINX is None, reason="nginx is not installed (apt-get install nginx; .ci/run does)")
def test_every_page_works_under_the_content_security_policy(world_db, monkeypatch):
    playwright_api = pytest.importorskip("playwright.sync_api")
    monkeypatch.delenv("CYBERDIPLOMACY_SERVED_BY", raising=False)
    # nginx's workers (user nobody when run as root) buffer large responses under its folder: not in pytest's
    # private tmp_path, or plotly's script fails to load through the proxy.
    folder = Path(tempfile.mkdtemp(prefix="cyberdiplomacy-front-"))
    folder.chmod(0o755)
    with contextlib.ExitStack() as stack:
        stack.callback(shutil.rmtree, folder, True)  # after the cluster has stopped
        cluster = stack.enter_context(serve.Cluster(1, serve.free_port(), world_db, folder))
        with urllib.request.urlopen(cluster.url + "/", timeout=10) as resp:
            headers = resp.headers
        assert headers["Content-Security-Policy"] == serve.content_security_policy()
        assert headers["X-Served-By"] is None
        with playwright_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 2400})
            page.add_init_script(RECORD_VIOLATIONS)
            console = []
            page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
            tour = [*PAGE_PATHS.values(), "/Resolution_history?view=text&resolution=A%2FRES%2F99%2F2"]
            for path in tour:
                page.goto(cluster.url + path)
                wait_for_run(page)
                if not path.startswith("/Texts"):  # the fixture world has no text word for word: a message
                    wait_for_charts(page)
                if "view=text" in path:  # the map draws from the served topojson
                    page.wait_for_selector(".choroplethlocation", state="attached", timeout=30_000)
                assert page.evaluate("window.__csp") == [], path
            browser.close()
        assert console == []
