"""Regression tests: odd dates, huge or deeply nested input, and one bad article never stop a build."""
from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from storyledger import extract, ingest, pipeline
from storyledger.clean import dates
from storyledger.extract.timex import find_times
from storyledger.model import RawDocument, SkippedInput
from storyledger.store import LedgerStore

# Our own made-up story, told in two reports.
STORM = ("Officials in the harbour town said on Monday that 12 boats were damaged by the storm. "
         "The mayor said repairs would take three weeks. Crews counted 40 homes without power.")
STORM2 = ("Crews in the harbour town said on Tuesday that 15 boats were now damaged, after the storm of Dec. 28. "
          "The port will reopen next week, the mayor said.")


@pytest.fixture(scope="module")
def nlp():
    pytest.importorskip("spacy")
    return extract.load_nlp()


def _jsonl(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# -- 1. far-future metadata dates ---------------------------------------------------------

def test_metadata_date_rejects_years_outside_the_web_era():
    assert dates.metadata_date("9999-12-29") is None
    assert dates.metadata_date("1985-06-01") is None
    assert dates.metadata_date(f"{dt.date.today().year + 2}-01-01") is None
    assert dates.metadata_date("2024-10-16T20:30:00+09:00") == "2024-10-16T20:30:00+09:00"
    assert dates.metadata_date("Wed, 16 Oct 2024") == "2024-10-16"


def test_infer_date_with_reference_at_calendar_end_gives_none():
    hints = dates.collect_hints(STORM2)
    assert dates.infer_date(hints, [dt.date(9999, 12, 29)]) is None


def test_timex_anchor_near_calendar_end_gives_no_span_for_overflow(nlp):
    doc = nlp("The port will reopen next week and the vote is next year.")
    assert find_times(doc, dt.date(9999, 12, 29)) == []
    got = find_times(doc, dt.date(2024, 3, 6))
    assert [(t.text, t.start) for t in got] == [("next week", "2024-03-11"), ("next year", "2025-01-01")]


def test_far_future_published_date_builds_twice(tmp_path, nlp):
    src = _jsonl(tmp_path / "storm.jsonl",
                 {"title": "Storm damages boats", "text": STORM, "published": "9999-12-29"},
                 {"title": "More boats damaged", "text": STORM2})
    db = tmp_path / "l.db"
    first = pipeline.build([src], db, nlp=nlp)
    assert (first.new, first.skipped, first.extracted) == (2, [], 2)
    second = pipeline.build([src], db, nlp=nlp)
    assert (second.unchanged, second.skipped, second.extracted) == (2, [], 0)
    with LedgerStore(db) as store:
        assert all(a.published is None or a.published < "9999" for a in store.articles())


def test_ledger_stored_with_far_future_date_still_builds(tmp_path, nlp):
    """A ledger written before the cap holds a 9999 date: later builds must not crash on it."""
    src = _jsonl(tmp_path / "storm.jsonl", {"title": "Storm damages boats", "text": STORM, "published": "2025-01-06"})
    db = tmp_path / "l.db"
    pipeline.build([src], db, nlp=nlp)
    with LedgerStore(db) as store:
        (art,) = store.articles()
        store.put_article(art.model_copy(update={"published": "9999-12-29"}))
        store.db.execute("DELETE FROM meta WHERE key LIKE 'extracted:%'")
        store.commit()
    more = _jsonl(tmp_path / "more.jsonl", {"title": "More boats damaged", "text": STORM2})
    report = pipeline.build([more], db, nlp=nlp)
    assert report.skipped == [] and report.extracted == 2


# -- 2. "5000 years ago" --------------------------------------------------------------------

def test_relative_date_far_in_the_past_is_none():
    assert dates.relative_date("5000 years ago", "2024-03-02") is None
    assert dates.relative_date("99999999999999 days ago", "2024-03-02") is None
    assert dates.relative_date("3 days ago", "0001-01-02") is None
    assert dates.relative_date("40 years ago", "2024-03-02") is None        # before 1990
    assert dates.relative_date("2 years ago", "2024-03-02") == ("2022-03-02", "2 years ago")


def test_relative_line_far_in_the_past_cleans(tmp_path, nlp):
    src = _jsonl(tmp_path / "ruins.jsonl",
                 {"title": "Old ruins found", "text": "5000 years ago\n\n" + STORM, "fetched_at": "2024-03-02"})
    report = pipeline.build([src], tmp_path / "l.db", nlp=nlp)
    assert (report.new, report.skipped) == (1, [])


# -- 3. one article never breaks the build --------------------------------------------------

def test_extraction_error_in_one_article_is_a_skip(tmp_path, nlp, monkeypatch):
    import storyledger.extract.pipeline as xp

    real = xp.extract_article

    def flaky(art, *a, **k):
        if "Tuesday" in art.body:
            raise ZeroDivisionError("boom\nsecond line")
        return real(art, *a, **k)

    monkeypatch.setattr(xp, "extract_article", flaky)
    src = _jsonl(tmp_path / "storm.jsonl",
                 {"title": "Storm damages boats", "text": STORM, "published": "2025-01-06"},
                 {"title": "More boats damaged", "text": STORM2, "published": "2025-01-07"})
    db = tmp_path / "l.db"
    report = pipeline.build([src], db, nlp=nlp)
    assert [s.reason for s in report.skipped] == [
        f"{src}#L2: could not extract claims (ZeroDivisionError: boom second line)"]
    assert report.extracted == 2 and report.claims > 0 and report.facts > 0
    again = pipeline.build([src], db, nlp=nlp)       # marked extracted: not retried forever
    assert (again.extracted, again.skipped) == (0, [])


def test_extract_claims_without_on_error_raises(nlp, monkeypatch):
    import storyledger.extract.pipeline as xp
    from storyledger.clean import clean_document

    monkeypatch.setattr(xp, "extract_article", lambda *a, **k: 1 / 0)
    art = clean_document(RawDocument(source="x.txt", kind="text", text="Storm damages boats\n\n" + STORM))
    with pytest.raises(ZeroDivisionError):
        list(extract.extract_claims([art], nlp=nlp))
    errors: list[str] = []
    got = list(extract.extract_claims([art], nlp=nlp, on_error=lambda a, e: errors.append(type(e).__name__)))
    assert [(a.id, c) for a, c in got] == [(art.id, [])] and errors == ["ZeroDivisionError"]


def test_cleaner_value_error_is_a_skip(tmp_path, monkeypatch):
    from storyledger import clean

    def broken(doc):
        raise OverflowError("date value out of range")

    monkeypatch.setattr(clean, "clean_document", broken)
    report = pipeline.BuildReport()
    with LedgerStore(tmp_path / "l.db") as store:
        doc = RawDocument(source="a.txt", kind="text", text=STORM)
        assert pipeline.ingest_documents(store, [doc], report) == []
    assert [s.reason for s in report.skipped] == ["a.txt: could not clean (OverflowError: date value out of range)"]


# -- 4. ingest limits ----------------------------------------------------------------------

def test_gzip_jsonl_huge_line_is_capped(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_BYTES", 2000)
    path = tmp_path / "big.jsonl.gz"
    good = json.dumps({"title": "Storm", "text": STORM}) + "\n"
    path.write_bytes(gzip.compress((good + json.dumps({"text": "x" * 50000}) + "\n").encode()))
    items = list(ingest.iter_documents([path]))
    assert [type(i).__name__ for i in items] == ["RawDocument", "SkippedInput"]
    assert items[1].reason == f"{path}: decompresses to over 0 MB; the rest is skipped"


def test_deeply_nested_jsonl_line_is_skipped(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text(json.dumps({"title": "Storm", "text": STORM}) + "\n" + "[" * 200000 + "\n", encoding="utf-8")
    items = list(ingest.iter_documents([path]))
    assert isinstance(items[0], RawDocument)
    assert [(i.source, i.reason) for i in items[1:]] == [
        (f"{path}#L2", f"{path} line 2: JSON nested too deeply to read; line skipped")]


def test_deeply_nested_json_array_and_upload_are_skipped(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('[{"text": ' + "[" * 200000, encoding="utf-8")
    assert [i.reason for i in ingest.iter_documents([path])] == [f"{path}: JSON nested too deeply to read"]
    up = list(ingest.iter_bytes("up.jsonl", b'{"text": ' + b"[" * 200000 + b"\n"))
    assert [(type(i).__name__, i.reason) for i in up] == [
        ("SkippedInput", "up.jsonl line 1: JSON nested too deeply to read; line skipped")]
    assert all(isinstance(i, SkippedInput) for i in up)
