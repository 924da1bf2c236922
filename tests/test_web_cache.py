"""Reads answered once per ledger version (web/read_cache.py) and downloads made table by table."""
from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest

from storyledger.store import LedgerStore
from storyledger.store.export import write_export, write_table_csv
from storyledger.web.pages import DOWNLOADS
from test_web import base_db, client, eventually  # noqa: F401 - fixtures


def _bump(client) -> None:
    """A new ledger version, as a build leaves it."""
    with LedgerStore(client.app.state.ledger.path) as st:
        st.set_meta("generation", str(int(st.get_meta("generation") or 0) + 1))
        st.commit()


def test_a_read_is_answered_once_per_ledger_version(client, monkeypatch):  # noqa: F811
    asked = []
    real = LedgerStore.search

    def counted(self, q, limit=50):
        asked.append(q)
        return real(self, q, limit)
    monkeypatch.setattr(LedgerStore, "search", counted)
    first = client.get("/api/search", params={"q": "Red Cross"})
    assert first.status_code == 200 and first.json()["claims"]
    assert client.get("/api/search", params={"q": "Red Cross"}).json() == first.json()
    assert client.get("/search", params={"q": "Red Cross"}).status_code == 200
    client.get("/search", params={"q": "Red Cross"})
    assert asked == ["Red Cross", "Red Cross"]            # one per URL
    _bump(client)
    assert client.get("/api/search", params={"q": "Red Cross"}).json() == first.json()
    assert asked == ["Red Cross"] * 3   # a new version asks again


def test_concurrent_first_reads_wait_for_one_answer():
    """Eight requests for one URL arrive together: the handler runs once, all get its answer."""
    import asyncio

    from storyledger.web.read_cache import ReadCache
    calls = []

    async def handler(scope, receive, send):
        calls.append(scope["path"])
        await asyncio.sleep(0.2)
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": b"the answer"})

    cache = ReadCache(handler, version=lambda scope: "v1")

    async def one() -> bytes:
        got = []

        async def send(message):
            got.append(message)
        await cache({"type": "http", "method": "GET", "path": "/api/facts", "query_string": b"", "headers": []},
                     None, send)
        return got[-1]["body"]

    async def many():
        return await asyncio.gather(*(one() for _ in range(8)))
    assert asyncio.run(many()) == [b"the answer"] * 8 and calls == ["/api/facts"]


def test_gzip_for_clients_that_accept_it(client):  # noqa: F811
    plain = client.get("/", headers={"accept-encoding": "identity"})
    packed = client.get("/", headers={"accept-encoding": "gzip, deflate"})
    assert "content-encoding" not in plain.headers and plain.headers["vary"] == "Accept-Encoding"
    assert packed.headers["content-encoding"] == "gzip" and packed.text == plain.text
    assert int(packed.headers["content-length"]) < len(plain.content) // 2
    assert plain.headers["content-security-policy"]         # the security headers are still added


def test_errors_and_job_progress_are_not_kept(client, monkeypatch):  # noqa: F811
    assert client.get("/api/articles/nope").status_code == 404
    r = client.post("/api/articles", json={"text": "Boats\n\nThe harbour said 3 boats sank on Monday.\n"})
    status = r.json()["status_url"]
    states = {client.get(status).json()["state"] for _ in range(3)}
    end = time.monotonic() + 60
    while "done" not in states and time.monotonic() < end:
        states.add(client.get(status).json()["state"])
        time.sleep(0.05)
    assert "done" in states


@pytest.mark.parametrize("name", sorted(DOWNLOADS))
def test_one_table_download_is_the_export_file(base_db, tmp_path, name):  # noqa: F811
    with LedgerStore(base_db, readonly=True) as st:
        write_export(st, tmp_path / "all", csv_too=True, figures=("csv",))
        n = write_table_csv(st, name, tmp_path / f"{name}.csv")
    want = (tmp_path / "all" / f"{name}.csv").read_bytes()
    assert (tmp_path / f"{name}.csv").read_bytes() == want and n >= 1


def test_download_is_streamed_from_one_file_per_version(client):  # noqa: F811
    a = client.get("/export/claims.csv", headers={"accept-encoding": "identity"})
    assert a.status_code == 200 and int(a.headers["content-length"]) == len(a.content)
    files = sorted(p.name for p in Path(client.app.state.ledger.state, "cache").glob("csv_claims-*"))
    assert len(files) == 1
    _bump(client)
    assert client.get("/export/claims.csv").content == a.content
    # the new version's file is made in the background (the old one is served meanwhile) and the
    # old file removed right after it: for a moment both exist, then one is left
    def one_new_file() -> bool:
        now = sorted(p.name for p in Path(client.app.state.ledger.state, "cache").glob("csv_claims-*"))
        return len(now) == 1 and now != files
    eventually(one_new_file)


def test_a_download_too_big_to_keep_is_streamed(client, monkeypatch):  # noqa: F811
    from storyledger.web import read_cache
    small = client.get("/export/claims.csv", headers={"accept-encoding": "identity"})
    monkeypatch.setattr(read_cache, "MAX_ENTRY", 100)
    _bump(client)
    big = client.get("/export/claims.csv", headers={"accept-encoding": "identity"})
    assert big.status_code == 200 and big.content == small.content and "vary" not in big.headers
