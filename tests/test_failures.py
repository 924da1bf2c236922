"""Every failure is one document's failure: whatever one input raises, the rest is kept."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyledger import clean, ingest, pipeline
from storyledger.model import RawDocument, SkippedInput
from storyledger.store import LedgerStore


def _story(i: int) -> str:
    return (f"Bridge {i} reopens after repairs\n\n"
            f"Engineers in the river town said on Monday that bridge number {i} reopened after "
            f"{i + 3} weeks of repairs. The mayor said traffic would return to normal by Friday.")


def _lines(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def _three(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for i in (1, 2, 3):
        (src / f"a{i}.txt").write_text(_story(i), encoding="utf-8")
    return src


def test_one_bad_json_line_skips_that_line_only(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(_lines(
        {"text": _story(1)},
        '{"text": "x", "n": ' + "9" * 5000 + "}",                 # over Python's 4,300-digit limit
        '{"text": ' + json.dumps(_story(2)) + ', "title": "Lone \\ud800 half"}',
        {"text": _story(3), "url": "http://[::1"},                  # no parser accepts it
        {"text": _story(4), "fetched_at": "\ud800"},
    ), encoding="utf-8", errors="surrogatepass")
    items = list(ingest.iter_documents([feed]))
    skipped = [i for i in items if isinstance(i, SkippedInput)]
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert len(docs) == 4 and len(skipped) == 1
    assert skipped[0].reason.startswith(f"{feed} line 2: unreadable JSON (ValueError")
    assert docs[1].title == "Lone \ufffd half"
    assert docs[2].url is None and docs[2].notes == ["url 'http://[::1' is not a valid URL; kept as none"]

    report = pipeline.BuildReport()
    with LedgerStore(tmp_path / "l.db") as store:
        pipeline.ingest_into(store, [feed], report)
        assert store.count("articles") == 4
    assert report.notes == [f"{feed}#L4: url 'http://[::1' is not a valid URL; kept as none"]


def test_any_exception_from_cleaning_is_one_skip(tmp_path, monkeypatch):
    real = clean.clean_document

    def flaky(doc):
        if "bridge number 2 " in (doc.text or ""):
            raise KeyError("boom")
        return real(doc)
    monkeypatch.setattr(clean, "clean_document", flaky)
    src = _three(tmp_path)
    report = pipeline.BuildReport()
    with LedgerStore(tmp_path / "l.db") as store:
        pipeline.ingest_into(store, [src], report)
        assert store.count("articles") == 2
    assert [s.reason for s in report.skipped] == [f"{src / 'a2.txt'}: could not clean (KeyError: 'boom')"]


def test_a_store_failure_leaves_nothing_half_written(tmp_path, monkeypatch):
    real = LedgerStore.put_article

    def half(self, art):
        real(self, art)
        if "bridge number 2 " in art.body:
            raise OverflowError("too big")       # after the row, before the caller is done
        return True
    monkeypatch.setattr(LedgerStore, "put_article", half)
    src = _three(tmp_path)
    report = pipeline.BuildReport()
    with LedgerStore(tmp_path / "l.db") as store:
        pipeline.ingest_into(store, [src], report)
        titles = sorted(a.title for a in store.articles())
        fts = store.db.execute("SELECT COUNT(*) FROM articles_fts").fetchone()[0]
    assert titles == ["Bridge 1 reopens after repairs", "Bridge 3 reopens after repairs"] and fts == 2
    assert "could not store (OverflowError: too big)" in report.skipped[0].reason


def test_articles_read_before_an_interruption_are_committed(tmp_path, monkeypatch):
    real = clean.clean_document

    def interrupted(doc):
        if "bridge number 3 " in (doc.text or ""):
            raise KeyboardInterrupt      # as a kill: nothing after this runs
        return real(doc)
    monkeypatch.setattr(clean, "clean_document", interrupted)
    src = _three(tmp_path)
    with pytest.raises(KeyboardInterrupt):
        pipeline.build([src], tmp_path / "l.db")
    with LedgerStore(tmp_path / "l.db", readonly=True) as store:
        assert store.count("articles") == 2


def test_the_app_answers_bad_records_with_4xx_never_500(tmp_path):
    from fastapi.testclient import TestClient

    from storyledger.web import create_app

    app = create_app(str(tmp_path / "l.db"))
    client = TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False,
                        headers={"x-csrf-token": app.state.csrf})
    body = '{"text": ' + json.dumps(_story(5)) + ', "title": "half \\udc00", "url": "http://[::1"}'
    r = client.post("/api/articles", content=body, headers={"content-type": "application/json"})
    assert r.status_code in (201, 202), r.text
    r = client.post("/api/articles", content='{"text": ' + "7" * 5000 + "}",
                    headers={"content-type": "application/json"})
    assert r.status_code == 400 and "4300" in r.json()["detail"]
    feed = _lines('{"text": ' + "7" * 5000 + "}", '{"text": ' + json.dumps(_story(6)) + ', "title": "\\ud800"}')
    r = client.post("/upload", files={"file": ("feed.jsonl", feed.encode(), "application/jsonl")},
                    follow_redirects=False)
    assert r.status_code in (202, 303), r.text


def test_limits_cut_long_input_with_a_note():
    from storyledger import model

    doc = RawDocument(source="long", kind="text", text=("word " * 12_000 + "\n") * 6)
    assert len(doc.text) <= model.MAX_TEXT_CHARS and max(map(len, doc.text.split("\n"))) <= model.MAX_LINE_CHARS
    assert doc.notes == ["6 line(s) over 50,000 characters cut to that length",
                         "text of 300,006 characters cut to the first 250,004 (limit 300,000)"]
    page = "<html><head><script>" + "x=1;" * 500_000 + "</script></head><body><p>Short text.</p></body></html>"
    doc = RawDocument(source="page", kind="html", html=page)
    assert doc.html == "<html><head></head><body><p>Short text.</p></body></html>"
    assert doc.notes == ["page of 2,000,074 characters: scripts and styles dropped (57 left)"]
