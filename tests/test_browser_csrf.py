"""Another site open in the user's browser cannot write into the running app (Chromium, two origins).

A page served on another port (another origin) tries what a hostile page can do without the
user's help: a no-cors ``fetch`` with a ``text/plain`` JSON body to ``/api/articles``, a no-cors
multipart ``fetch`` with a file to ``/upload``, and a plain form POST to ``/upload`` in a hidden
frame. The app must answer each with a refusal and the ledger must get 0 writes (no article, no
queued job). The app's own upload form, driven the same way, does land: the test can see a write.
"""
from __future__ import annotations

import http.server
import threading
import time

import pytest
from test_browser import Watched, browser, serving  # noqa: F401 - the browser fixture
from test_report import make_store

from storyledger.store import LedgerStore

pytestmark = pytest.mark.browser

STORY = ("Ferry service resumes after the flood\n\nThe harbour authority said on Wednesday that ferries "
         "to the two islands would sail again from Thursday morning, after about 300 passengers waited.\n")

ATTACK = """<!doctype html><title>elsewhere</title>
<iframe name="sink" id="sink"></iframe>
<form id="f" action="{app}/upload" method="post" enctype="multipart/form-data" target="sink">
  <input name="csrf" value="guessed"><textarea name="file">{story}</textarea>
</form>
<script>
window.attempts = (async () => {{
  const out = [];
  const api = await fetch("{app}/api/articles", {{method: "POST", mode: "no-cors",
      headers: {{"Content-Type": "text/plain"}}, body: JSON.stringify({{text: {story_js}}})}});
  out.push(api.type);
  const fd = new FormData();
  fd.append("file", new Blob([{story_js}], {{type: "text/plain"}}), "story.txt");
  const up = await fetch("{app}/upload", {{method: "POST", mode: "no-cors", body: fd}});
  out.push(up.type);
  document.getElementById("f").submit();
  return out;
}})();
</script>"""


def _other_origin(html: str):
    """A server for one page on another port of this machine: another origin."""
    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = html.encode()
            self.send_response(200)
            self.send_header("content-type", "text/html; charset=utf-8")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_a):
            pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _writes(db, state) -> tuple[int, int]:
    with LedgerStore(db, readonly=True) as st:
        articles = st.count("articles")
    return articles, len(list((state / "jobs").glob("*"))) if (state / "jobs").exists() else 0


def test_another_origin_cannot_write(browser, tmp_path):  # noqa: F811
    import json

    db = make_store(tmp_path / "l.db")
    state = tmp_path / "data"
    before = _writes(db, state)
    with serving(db, state) as app:
        other = _other_origin(ATTACK.format(app=app, story=STORY, story_js=json.dumps(STORY)))
        try:
            w = Watched(browser)
            seen: list[tuple[str, str, int]] = []
            w.page.on("response", lambda r: seen.append((r.request.method, r.url, r.status)))
            w.page.goto(f"http://127.0.0.1:{other.server_address[1]}/")
            assert w.page.evaluate("window.attempts") == ["opaque", "opaque"]
            deadline = time.time() + 10
            while sum(1 for m, u, _ in seen if m == "POST" and u.startswith(app)) < 3 and time.time() < deadline:
                w.page.wait_for_timeout(100)
            posts = sorted((u[len(app):], s) for m, u, s in seen if m == "POST" and u.startswith(app))
            assert posts == [("/api/articles", 403), ("/upload", 403), ("/upload", 403)], seen
            time.sleep(0.5)
            assert _writes(db, state) == before            # 0 writes: no article, no job
            # the app's own form does write, so the test would see one
            w.page.goto(app + "/")
            w.page.set_input_files("#file", files=[{"name": "story.txt", "mimeType": "text/plain",
                                                     "buffer": STORY.encode()}])
            w.page.click("#add button[type=submit]")
            w.page.wait_for_url("**/jobs/*")
            w.page.wait_for_selector('#job-state[data-state="done"]', timeout=120_000)
            assert "Added 1 new article." in w.page.text_content("#job-state")
            assert _writes(db, state)[0] == before[0] + 1
            w.close()
        finally:
            other.shutdown()
