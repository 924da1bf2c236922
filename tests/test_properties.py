"""Property tests (hypothesis) on ingest, cleaning and dates: whatever bytes or text come in,
no traceback, nothing lost in silence, no date outside the plausible window, the same answer
when the same thing is read again.

The example count is bounded for CI (``STORYLEDGER_HYPOTHESIS_EXAMPLES``, default 60 per test);
raise it for a long local run.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import string

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is in the test extra (pip install -e .[test])")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from storyledger import clean, ingest  # noqa: E402
from storyledger.clean import dates  # noqa: E402
from storyledger.model import RawDocument, SkippedInput  # noqa: E402

EXAMPLES = int(os.environ.get("STORYLEDGER_HYPOTHESIS_EXAMPLES", "60"))
bounded = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

YEARS = (1990, dt.date.today().year + 1)        # the plausible window every date reader keeps to
NAMES = st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.json", "a", "a.md", "a.gz"])
# printable text with the odd characters pages carry (no control characters: those are binary)
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="<>")
               | st.sampled_from(list("\n\n\t .,;:!?\"'-") + ["\u00a0", "\u200b", "\u2028", "\ufeff"]),
               max_size=400)
WORD = st.text(string.ascii_letters, min_size=1, max_size=9)
SENTENCE = st.lists(WORD, min_size=4, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
ARTICLE = st.lists(st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=6).map(
    lambda ps: "\n\n".join(ps))


def _one_line(item) -> None:
    assert isinstance(item, (RawDocument, SkippedInput))
    if isinstance(item, SkippedInput):
        assert item.reason.strip() and "\n" not in item.reason and "\r" not in item.reason


def _words(text: str) -> list[str]:
    return text.replace("\ufeff", " ").replace("\u200b", " ").split()


@bounded
@given(data=st.binary(max_size=2000), name=NAMES)
def test_any_bytes_give_documents_or_named_skips(data, name):
    items = list(ingest.iter_bytes(name, data))
    assert items, "every input is read or named"
    for item in items:
        _one_line(item)


@bounded
@given(text=TEXT)
def test_text_is_read_whole(text):
    """A text file's words all reach the document (line endings and encodings aside), but for our
    own demo files' first line (``ingest.NOTE_PREFIX``), which says who wrote the file."""
    items = list(ingest.iter_bytes("a.txt", text.encode("utf-8")))
    head = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if head.startswith(ingest.NOTE_PREFIX):
        text = head.split("\n", 1)[1] if "\n" in head else ""
    if not _words(text):
        assert len(items) == 1
        _one_line(items[0])
        return
    [doc] = items
    assert isinstance(doc, RawDocument), doc
    assert _words(doc.text) == _words(text)


RECORD = st.fixed_dictionaries({"text": TEXT}, optional={
    "title": TEXT, "url": st.one_of(TEXT, st.just("http://[::1"), st.just("https://example.org/a?b=c")),
    "published": st.one_of(TEXT, st.integers(), st.just("2024-02-30"), st.just("99999-01-01")),
    "fetched_at": st.one_of(TEXT, st.datetimes().map(dt.datetime.isoformat))})


@bounded
@given(records=st.lists(RECORD, min_size=1, max_size=5), ascii_only=st.booleans(),
       ending=st.sampled_from(["\n", "\r\n", "\r"]))
def test_json_lines_records_are_each_read_or_named(records, ascii_only, ending):
    data = ending.join(json.dumps(r, ensure_ascii=ascii_only) for r in records) + ending
    items = list(ingest.iter_bytes("a.jsonl", data.encode("utf-8")))
    assert len(items) == len(records), "one document or one named skip per line"
    for rec, item in zip(records, items):
        _one_line(item)
        if isinstance(item, RawDocument):
            assert _words(item.text or "") == _words(rec["text"])


@bounded
@given(records=st.lists(RECORD, min_size=1, max_size=4))
def test_reading_a_document_again_gives_the_same_document(records):
    """A document written back as a JSON Lines record reads as the same document."""
    data = "\n".join(json.dumps(r) for r in records).encode("utf-8")
    first = [i for i in ingest.iter_bytes("a.jsonl", data) if isinstance(i, RawDocument)]
    back = "\n".join(json.dumps({k: v for k, v in d.model_dump(include={"text", "title", "url", "published",
                                                                        "fetched_at"}).items() if v is not None})
                     for d in first).encode("utf-8")
    again = [i for i in ingest.iter_bytes("a.jsonl", back) if isinstance(i, RawDocument)] if first else []
    fields = lambda d: (d.text, d.title, d.url, d.published, d.fetched_at)   # noqa: E731
    assert list(map(fields, again)) == list(map(fields, first))


@bounded
@given(body=ARTICLE, title=st.one_of(st.none(), SENTENCE), html=st.booleans())
def test_cleaning_keeps_only_words_it_was_given_and_is_repeatable(body, title, html):
    if html:
        page = "<html><head><title>t</title></head><body><article>" + \
            "".join(f"<p>{p}</p>" for p in body.split("\n\n")) + "</article></body></html>"
        raw = RawDocument(source="p.html", kind="html", html=page, title=title)
    else:
        raw = RawDocument(source="p.txt", kind="text", text=body, title=title)
    try:
        art = clean.clean_document(raw)
    except clean.CleanError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(raw.source)
        return
    given_words = set(_words(body + " " + (title or "") + " t"))
    assert set(_words(art.body)) <= given_words, "cleaning invents no text"
    assert art.body.strip()
    assert clean.clean_document(raw) == art


def _sane(iso, low: int = YEARS[0], high: int = YEARS[1]) -> None:
    if iso is not None:
        assert low <= int(str(iso)[:4]) <= high, iso


DAY = st.integers(-1, 40)
MONTH = st.integers(-1, 14)
YEAR = st.integers(0, 99999)


@bounded
@given(y=YEAR, m=MONTH, d=DAY, month_name=st.sampled_from(["Jan.", "February", "Sept", "May", "Dec", "Foo"]),
       shape=st.integers(0, 4), value=TEXT)
def test_date_readers_stay_in_the_plausible_window(y, m, d, month_name, shape, value):
    printed = [f"{month_name} {d}, {y}", f"{d} {month_name} {y}", f"{y}-{m:02d}-{d:02d}",
               f"{d}.{m}.{y}", f"{m}/{d}/{y}"][shape]
    got = dates.dateline(printed)
    # a printed date may be an archive's; one after the page was saved is refused by clean.published
    _sane(got and got[0], low=1900, high=2099)
    _sane(dates.metadata_date(printed))
    _sane(dates.metadata_date(value))


@bounded
@given(n=st.one_of(st.integers(0, 10**6), st.sampled_from(["a", "an", "one"])),
       unit=st.sampled_from(["second", "minute", "hour", "day", "week", "month", "year"]),
       fetched=st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30)))
def test_relative_dates_stay_in_the_plausible_window(n, unit, fetched):
    got = dates.relative_date(f"Posted {n} {unit}s ago", fetched.isoformat())
    if got is not None:
        assert 1990 <= int(got[0][:4]) and got[0] <= fetched.date().isoformat()


@bounded
@given(body=ARTICLE, stamp=st.tuples(YEAR, MONTH, DAY), published=st.one_of(st.none(), TEXT),
       fetched=st.one_of(st.none(), st.datetimes().map(dt.datetime.isoformat)))
def test_an_articles_publication_date_is_plausible(body, stamp, published, fetched):
    y, m, d = stamp
    text = f"A report on the harbour\n\nBy Ana Ruiz\n\n{m}/{d}/{y} and {d} May {y}\n\n{body}"
    raw = RawDocument(source="d.txt", kind="text", text=text, published=published, fetched_at=fetched)
    try:
        art = clean.clean_document(raw)
    except clean.CleanError:
        return
    # a date printed on the page may be an archive's (1900 on): never after the page was saved
    _sane(art.published, low=1900)
    if art.published:
        saved = dt.date.fromisoformat(fetched[:10]) if fetched else dt.date.today()
        assert art.published[:10] <= (min(saved, dt.date.today()) + dt.timedelta(days=1)).isoformat()
    for c in art.published_candidates:
        if c.taken:
            assert c.date == art.published
