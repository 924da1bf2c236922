"""The app's lists come a page at a time (keyset cursors), on both ledger backends."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from test_report import make_store

from storyledger.store import LedgerStore
from storyledger.web import create_app


@pytest.fixture
def client(ledger_db):
    make_store(ledger_db)
    return TestClient(create_app(str(ledger_db)) if not isinstance(ledger_db, str) else create_app(ledger_db))


def _walk(client, path: str, limit: int, **params) -> tuple[list, list[str]]:
    rows, cursors, after = [], [], None
    while True:
        r = client.get(path, params={**params, "limit": limit, **({"after": after} if after else {})})
        assert r.status_code == 200
        rows += r.json()
        after = r.headers.get("x-next-after")
        if not after:
            return rows, cursors
        cursors.append(after)


def test_every_list_pages_to_the_whole(client):
    for path, params in (("/api/articles", {}), ("/api/claims", {}), ("/api/claims", {"source": "Wire Agency"}),
                         ("/api/claims", {"measure": "displaced"}), ("/api/facts", {}), ("/api/timeline", {})):
        whole = client.get(path, params=params).json()
        assert whole
        for limit in (1, 2):
            rows, cursors = _walk(client, path, limit, **params)
            assert rows == whole, (path, params, limit)
            assert len(cursors) == (len(whole) - 1) // limit + (1 if len(whole) % limit == 0 else 0)


def test_cursor_is_a_key_not_an_offset(client):
    first = client.get("/api/claims", params={"limit": 2})
    after = first.headers["x-next-after"]
    assert after.count(".") == 1 and all(p.isdigit() for p in after.split("."))
    assert client.get("/api/claims", params={"after": "1; DROP TABLE claims"}).status_code == 422


def test_store_pages_in_ledger_order(ledger_db):
    make_store(ledger_db)
    with LedgerStore(ledger_db, readonly=True) as st:
        assert [c.id for _, c in st.page_claims((0, 0), 100)] == [c.id for c in st.claims()]
        assert [a.id for _, a in st.page_articles(0, 100)] == [a.id for a in st.articles()]
        assert [r["id"] for _, r in st.page_ledger("facts")] == [f.id for f in st.ledger().facts]
