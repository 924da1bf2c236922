"""The local web app through its ASGI interface: pages, JSON API, uploads and their limits."""
from __future__ import annotations

import json
import re
import shutil
import sqlite3

import pytest
from fastapi.testclient import TestClient

from storyledger.extract import ExtractError
from storyledger.store import LedgerStore, StoreError
from storyledger.web import MAX_UPLOAD, create_app, safe_name
from test_report import make_store

STORY = ("Ferry service resumes after the flood\n\n"
         "The harbour authority said on Wednesday that ferries to the two islands would sail again "
         "from Thursday morning.\n\n"
         "About 300 passengers had been waiting in the port town since the weekend, the authority said.\n")


@pytest.fixture(scope="module")
def base_db(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("web") / "l.db")


@pytest.fixture()
def client(base_db, tmp_path):
    """A fresh copy of the fixture ledger per test, so writes do not leak between tests."""
    db = tmp_path / "ledger.db"
    shutil.copy(base_db, db)
    app = create_app(str(db), data_dir=str(tmp_path / "data"), writer="thread")
    # a loopback Host, as a browser on this machine sends; the upload form's CSRF token as a header
    with TestClient(app, base_url="http://127.0.0.1", headers={"x-csrf-token": app.state.csrf}) as c:
        yield c


def eventually(check, seconds: float = 30.0):
    """Poll ``check`` until it is true: the page cache renders a new ledger in the background."""
    import time
    end = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.05)


def job_result(client, location: str) -> dict:
    """Follow a queued write to its end; its result."""
    import time
    end = time.monotonic() + 60
    while True:
        st = client.get("/api/jobs/" + location.rsplit("/", 1)[1]).json()
        if st["state"] in ("done", "failed") or time.monotonic() > end:
            assert st["state"] == "done", st
            return st["result"]
        time.sleep(0.05)


def test_home_is_the_report_with_search_and_upload(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert r.text.count('data-point="1"') == 4
    assert 'action="/search"' in r.text and 'action="/upload"' in r.text
    assert "<script>alert" not in r.text
    assert client.get("/").text == r.text  # cached page, same bytes


def test_search_page_and_api(client):
    r = client.get("/search", params={"q": "Red Cross"})
    assert r.status_code == 200
    assert re.search(r'id="search-summary">\d+ articles?, 2 claims\.', r.text)
    assert "<mark>" in r.text
    hostile = client.get("/search", params={"q": '<script>alert("q")</script>'})
    assert hostile.status_code == 200 and "<script>alert" not in hostile.text
    api = client.get("/api/search", params={"q": "evacuated"}).json()
    assert [c["id"] for c in api["claims"]] == ["c6"]
    assert client.get("/api/search").status_code == 422


def test_claims_api_filters(client):
    assert len(client.get("/api/claims").json()) == 6
    assert {c["id"] for c in client.get("/api/claims", params={"measure": "displaced"}).json()} == {"c1", "c3", "c4"}
    assert {c["id"] for c in client.get("/api/claims", params={"source": "Wire Agency"}).json()} == {"c3", "c4"}
    rows = client.get("/api/claims", params={"article": "a1"}).json()
    assert [c["id"] for c in rows] == ["c1", "c2"]
    assert rows[0]["as_of_start"] == "2025-02-24" and rows[0]["source"] == "Regional Emergency Office"


def test_read_api(client):
    assert [a["id"] for a in client.get("/api/articles").json()] == ["a1", "a2", "a3"]
    assert len(client.get("/api/facts").json()) == 4
    series = client.get("/api/series").json()
    assert len(series) == 1 and len(series[0]["points"]) == 4
    assert client.get("/api/disagreements").json()[0]["kind"] == "conflict"
    assert [t["id"] for t in client.get("/api/timeline").json()] == ["t2", "t1"]
    one = client.get("/api/articles/a2").json()
    assert one["article"]["title"] == "Thousands leave flooded towns" and len(one["claims"]) == 2
    missing = client.get("/api/articles/nope")
    assert missing.status_code == 404 and missing.json() == {"detail": "no article 'nope'"}


def test_add_by_json_api_updates_pages(client):
    before = client.get("/").text
    r = client.post("/api/articles", json={"text": STORY, "url": "https://example.org/ferry",
                                            "published": "2025-03-06"})
    assert r.status_code == 202, r.text
    assert r.headers["location"] == r.json()["status_url"] == f"/api/jobs/{r.json()['id']}"
    res = job_result(client, r.json()["status_url"])
    assert res["new"] == 1 and len(res["ids"]) == 1 and res["message"] == "Added 1 new article."
    assert len(client.get("/api/articles").json()) == 4
    eventually(lambda: "4 articles" in client.get("/").text)
    assert client.get("/").text != before
    again = client.post("/api/articles", params={"wait": 60}, json={"text": STORY})
    assert again.status_code == 200 and again.json()["state"] == "done"
    res = again.json()["result"]
    assert res["new"] == 0 and res["unchanged"] == 1 and res["already"] == res["ids"]
    assert res["message"] == "Added 0 new articles, 1 already in the ledger."


@pytest.mark.parametrize("body,status", [
    ({"title": "no text"}, 400),
    ({"text": "x", "evil": 1}, 400),
    ("[1, 2", 400),
])
def test_add_bad_json_is_a_clear_400(client, body, status):
    r = client.post("/api/articles", content=body if isinstance(body, str) else json.dumps(body),
                    headers={"content-type": "application/json"})
    assert r.status_code == status
    assert "\n" not in r.json()["detail"]


def test_upload_never_uses_the_client_name(client, tmp_path):
    r = client.post("/upload", files={"file": ("../../evil.txt", STORY.encode(), "text/plain")},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/jobs/")
    assert job_result(client, r.headers["location"])["new"] == 1
    assert not list(tmp_path.parent.rglob("evil.txt")) and not list(tmp_path.rglob("evil*"))
    kept = list((tmp_path / "data" / "uploads").iterdir())
    assert len(kept) == 1 and re.fullmatch(r"[0-9a-f]{24}\.txt", kept[0].name)
    assert kept[0].read_bytes() == STORY.encode()
    sources = [a["source"] for a in client.get("/api/articles").json()]
    assert "upload/evil.txt" in sources
    page = client.get(r.headers["location"])
    assert "Added 1 new article." in page.text and 'http-equiv="refresh"' not in page.text


def test_upload_jsonl_skips_bad_lines(client):
    lines = [json.dumps({"text": STORY, "title": "Ferries sail"}), "not json", json.dumps({"url": "x"})]
    r = client.post("/upload", files={"file": ("feed.jsonl", "\n".join(lines).encode(), "application/x-ndjson")},
                    follow_redirects=False)
    assert r.status_code == 303
    res = job_result(client, r.headers["location"])
    assert res["new"] == 1 and len(res["skipped"]) == 2


def test_upload_unknown_kind_and_size_limit(client):
    r = client.post("/upload", files={"file": ("tool.exe", b"MZ\x00\x01", "application/octet-stream")})
    assert r.status_code == 400
    assert r.json() == {"detail": "tool.exe: unsupported kind '.exe'; send .txt, .html or .jsonl"}
    page = client.post("/upload", files={"file": ("tool.exe", b"MZ", "application/octet-stream")},
                       headers={"accept": "text/html"})
    assert page.status_code == 400 and "unsupported kind" in page.text and "<!doctype html>" in page.text
    big = b"a" * (MAX_UPLOAD + 100 * 1024)
    r = client.post("/upload", files={"file": ("big.txt", big, "text/plain")})
    assert r.status_code == 413 and r.json() == {"detail": "upload too large: the limit is 5 MB"}
    r = client.post("/api/articles", content=b'{"text": "' + big + b'"}', headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert client.post("/upload", files={"file": ("empty.txt", b"", "text/plain")}).status_code == 400


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/claims", "/api/search", "/api/articles", "/api/series"} <= set(spec["paths"])
    assert client.get("/api/openapi.json").json() == spec
    docs = client.get("/docs").text
    assert "/static/swagger/swagger-ui-bundle.js" in docs and "cdn." not in docs
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static/swagger/../../__init__.py").status_code == 404


@pytest.mark.parametrize("name,expected", [
    ("../../evil.txt", "evil.txt"), ("..\\..\\win.html", "win.html"), ("/etc/passwd", "passwd"),
    (".hidden.txt", "hidden.txt"), ("a b;c.txt", "a_b_c.txt"), (None, "upload"), ("..", "upload"),
])
def test_safe_name(name, expected):
    assert safe_name(name) == expected


def test_serve_refuses_a_missing_or_bad_ledger(tmp_path):
    from storyledger.web import serve

    with pytest.raises(SystemExit, match=r"no such ledger file"):
        serve(str(tmp_path / "nope.db"))
    bad = tmp_path / "bad.db"
    bad.write_text("not sqlite at all " * 100)
    with pytest.raises(SystemExit, match=r"^error: .*not a storyledger database"):
        serve(str(bad))


def test_deeply_nested_json_is_a_400(client):
    deep = "[" * 100_000 + "]" * 100_000
    r = client.post("/api/articles", content=deep, headers={"content-type": "application/json"})
    assert r.status_code == 400
    assert r.json()["detail"].endswith("nested too deeply") and "\n" not in r.json()["detail"]


def _chunks(total: int, size: int = 256 * 1024):
    """A body sent without Content-Length (chunked), so only counting can catch it."""
    sent = 0
    while sent < total:
        n = min(size, total - sent)
        sent += n
        yield b"a" * n


def test_chunked_body_over_the_limit_is_a_413(client):
    r = client.post("/api/articles", content=_chunks(MAX_UPLOAD + 200 * 1024),
                    headers={"content-type": "application/json"})
    assert "content-length" not in r.request.headers
    assert r.status_code == 413 and r.json() == {"detail": "upload too large: the limit is 5 MB"}
    boundary = "b0undary"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
            "Content-Type: text/plain\r\n\r\n").encode()

    def multipart():
        yield head
        yield from _chunks(MAX_UPLOAD + 200 * 1024)
        yield f"\r\n--{boundary}--\r\n".encode()

    r = client.post("/upload", content=multipart(),
                    headers={"content-type": f"multipart/form-data; boundary={boundary}"})
    assert r.status_code == 413 and r.json() == {"detail": "upload too large: the limit is 5 MB"}
    # a small chunked body still goes through
    r = client.post("/api/articles", content=iter([json.dumps({"text": STORY}).encode()]),
                    headers={"content-type": "application/json"}, params={"wait": 60})
    assert r.status_code == 200 and r.json()["result"]["new"] == 1


@pytest.mark.parametrize("exc", [
    ExtractError("spaCy model 'x' is not installed (no module)"),
    StoreError("l.db: not a storyledger database (file is not a database)"),
])
def test_write_errors_end_the_job_with_one_line(client, monkeypatch, exc):
    from storyledger.web import jobs

    def fail(*_a, **_k):
        raise exc
    monkeypatch.setattr(jobs, "write_job", fail)
    r = client.post("/api/articles", json={"text": STORY}, params={"wait": 60})
    assert r.status_code == 200 and r.json()["state"] == "failed"
    assert r.json()["error"] == f"could not write the ledger: {exc}"
    r = client.post("/upload", files={"file": ("story.txt", STORY.encode(), "text/plain")},
                    follow_redirects=False)
    page = r.headers["location"]
    eventually(lambda: "Failed: could not write the ledger" in client.get(page).text)
    assert 'http-equiv="refresh"' not in client.get(page).text


def test_a_lock_held_by_another_writer_is_waited_for(client, monkeypatch):
    """The CLI holding the ledger past the busy timeout: the job waits and retries, then lands."""
    from storyledger.web import jobs

    real_connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: real_connect(*a, **{**k, "timeout": 0.05}))
    monkeypatch.setattr(jobs, "RETRY_SECONDS", (0.1,))
    other = real_connect(client.app.state.ledger.path)
    other.execute("BEGIN EXCLUSIVE")
    try:
        r = client.post("/api/articles", json={"text": STORY})
        assert r.status_code == 202
        eventually(lambda: client.get(r.json()["status_url"]).json()["state"] == "waiting")
        waiting = client.get(r.json()["status_url"]).json()
        assert "the ledger is busy" in waiting["error"] and "\n" not in waiting["error"]
        assert client.get("/api/articles").status_code == 200      # readers go on meanwhile
    finally:
        other.rollback()
        other.close()
    assert job_result(client, r.json()["status_url"])["new"] == 1


def test_read_errors_are_a_503(client, monkeypatch):
    def broken(self, *_a):
        raise sqlite3.DatabaseError("database disk image is malformed")
    monkeypatch.setattr(LedgerStore, "page_articles", broken)   # what /api/articles reads
    r = client.get("/api/articles")
    assert r.status_code == 503
    assert r.json() == {"detail": "ledger unavailable: database disk image is malformed"}
