"""Writes queued to one writer, pages rendered once per ledger version, filtered lists, downloads."""
from __future__ import annotations

import csv
import io
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_web import STORY, base_db, client, eventually, job_result  # noqa: F401 - fixtures

from storyledger.model import RawDocument
from storyledger.web import create_app, jobs
from storyledger.web.pages_cache import PageCache


def _ids(r) -> list[str]:
    assert r.status_code == 200, r.text
    return [x["id"] for x in r.json()]


def test_facts_and_series_filter_and_page(client):
    assert _ids(client.get("/api/facts", params={"outlet": "Wire Daily"})) == ["f2", "f3"]
    assert _ids(client.get("/api/facts", params={"source": "Red Cross"})) == ["f2", "f5"]
    assert _ids(client.get("/api/facts", params={"article": "a3"})) == ["f5"]
    assert _ids(client.get("/api/facts", params={"kind": "quote"})) == []
    first = client.get("/api/facts", params={"source": "Red Cross", "limit": 1})
    assert _ids(first) == ["f2"]
    rest = client.get("/api/facts", params={"source": "Red Cross", "limit": 1, "after": first.headers["x-next-after"]})
    assert _ids(rest) == ["f5"]
    assert _ids(client.get("/api/series", params={"measure": "displaced"})) == ["s1"]
    assert _ids(client.get("/api/series", params={"relation": "none"})) == ["s1"]
    assert _ids(client.get("/api/series", params={"relation": "part"})) == []
    assert _ids(client.get("/api/series", params={"source": "Red Cross"})) == ["s1"]
    assert len(_ids(client.get("/api/disagreements", params={"kind": "conflict"}))) == 1


@pytest.mark.parametrize("path,params,allowed", [
    ("/api/facts", {"kind": "rumour"}, "figure, quote, statement"),
    ("/api/facts", {"measure": "dead"}, "deployed, planned, killed"),
    ("/api/series", {"relation": "child"}, "part, increment, projection, none"),
    ("/api/claims", {"measure": "dead"}, "deployed, planned, killed"),
    ("/api/disagreements", {"kind": "figure"}, "conflict, revision, retelling"),
])
def test_an_unknown_filter_value_is_a_400_naming_the_allowed(client, path, params, allowed):
    r = client.get(path, params=params)
    name, value = next(iter(params.items()))
    assert r.status_code == 400
    assert r.json()["detail"].startswith(f"unknown {name} {value!r}: allowed values are ")
    assert allowed in r.json()["detail"]


def test_csv_downloads(client):
    home = client.get("/").text
    assert 'href="/export/claims.csv"' in home and 'href="/export/figures.csv"' in home
    r = client.get("/export/claims.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"] == 'attachment; filename="claims.csv"'
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 6 and "outlet" in rows[0]
    series = list(csv.DictReader(io.StringIO(client.get("/export/series.csv").text)))
    assert len(series) == 4                               # one row per point
    assert client.get("/export/nope.csv").status_code == 404


def test_pages_render_once_per_version_and_stale_while_new(tmp_path):
    version = ["1"]
    calls = []
    gate = threading.Event()

    def make() -> bytes:
        calls.append(version[0])
        gate.wait(5)
        return f"page {version[0]}".encode()

    cache = PageCache(tmp_path / "cache", lambda: version[0])
    got = []
    threads = [threading.Thread(target=lambda: got.append(cache.get("home", make))) for _ in range(10)]
    for t in threads:
        t.start()
    time.sleep(0.2)
    gate.set()
    for t in threads:
        t.join()
    assert calls == ["1"] and got == [b"page 1"] * 10          # ten first requests, one render
    other = PageCache(tmp_path / "cache", lambda: version[0])    # another server process
    assert other.get("home", make) == b"page 1" and calls == ["1"]
    version[0] = "2"
    assert cache.get("home", make) == b"page 1"              # the last complete page while v2 renders
    eventually(lambda: cache.get("home", make) == b"page 2")
    assert calls == ["1", "2"]


def test_one_writer_whatever_the_number_of_starters(tmp_path, monkeypatch):
    queue = jobs.Queue(tmp_path / "state")
    active, most, order = [0], [0], []
    lock = threading.Lock()

    def fake_write(db, docs, skipped, progress):
        with lock:
            active[0] += 1
            most[0] = max(most[0], active[0])
        time.sleep(0.05)
        order.append(docs[0].title)
        with lock:
            active[0] -= 1
        return {"new": 1}
    monkeypatch.setattr(jobs, "write_job", fake_write)
    ids = [queue.submit([RawDocument(source=f"s{i}", kind="text", text="x", title=str(i))], []) for i in range(6)]
    starters = [threading.Thread(target=jobs.drain, args=(tmp_path / "state", str(tmp_path / "db")), kwargs={"idle": 0.3})
                for _ in range(5)]
    for t in starters:
        t.start()
    for t in starters:
        t.join(30)
    assert most[0] == 1 and order == [str(i) for i in range(6)]   # one at a time, in the order sent
    assert all(queue.status(i)["state"] == "done" for i in ids) and queue.pending() == []


def test_a_job_left_by_a_stopped_writer_is_done_when_the_app_starts(base_db, tmp_path):
    db = tmp_path / "ledger.db"
    shutil.copy(base_db, db)
    queue = jobs.Queue(tmp_path / "ledger.db.app")
    job = queue.submit([RawDocument(source="left", kind="text", text=STORY)], [])
    queue.set_status(job, "running", stage="extract", done=0, total=1)     # the writer was killed here
    app = create_app(str(db), writer="thread")
    with TestClient(app, base_url="http://127.0.0.1") as c:
        assert job_result(c, f"/jobs/{job}")["new"] == 1
        assert c.get(f"/jobs/{job}").text.count("Added 1 new article.") == 1
        assert c.get("/api/jobs/nope").status_code == 404
        assert c.get("/api/jobs/../../etc").status_code == 404


def test_a_busy_port_is_one_line_and_exit_code_4(base_db, tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        r = subprocess.run([sys.executable, "-m", "storyledger.cli", "serve", "--db", str(base_db),
                            "--port", str(port)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 4, r.stderr
    assert r.stderr == f"error: port {port} on 127.0.0.1 is already in use (another server?): stop it or " \
                       "give another --port\n"


def test_the_writer_is_a_process_of_its_own(base_db, tmp_path):
    """The default writer: a separate process (extraction never holds the server's GIL), niced."""
    db = tmp_path / "ledger.db"
    shutil.copy(base_db, db)
    app = create_app(str(db))
    with TestClient(app, base_url="http://127.0.0.1") as c:
        r = c.post("/api/articles", json={"text": STORY}, params={"wait": 180})
        assert r.status_code == 200 and r.json()["state"] == "done", r.text
        assert r.json()["result"]["new"] == 1
    assert (tmp_path / "ledger.db.app" / "writer.log").exists()


def test_a_job_that_ends_between_two_reads_of_its_status_is_done_not_unknown(tmp_path, monkeypatch):
    # A POST with ?wait=0 asks for the status right after submitting; under load the writer can
    # finish the job (final status written, body removed) between the reader's two file reads.
    queue = jobs.Queue(tmp_path / "state")
    job = queue.submit([RawDocument(source="s", kind="text", text="x")], [])
    real, raced = Path.read_text, []

    def racing(self, *args, **kwargs):
        if self.suffix == ".status" and not raced:
            raced.append(self)
            queue.set_status(job, "done", result={"new": 1})    # the writer finishes just now
            raise FileNotFoundError(self)
        return real(self, *args, **kwargs)
    monkeypatch.setattr(Path, "read_text", racing)
    st = queue.status(job)
    assert raced and st is not None and st["state"] == "done" and st["result"] == {"new": 1}
