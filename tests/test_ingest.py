"""Ingest: files, folders, globs, kinds sniffed from content, encodings, JSONL, gzip."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from storyledger.ingest import iter_documents
from storyledger.model import RawDocument, SkippedInput

TEXT = "Council approves new tram line\n\nThe city council voted on Monday to build a tram line across the river.\n"
HTML = ("<!DOCTYPE html><html><head><title>Tram line</title></head><body><article><h1>Tram line</h1>"
        "<p>The city council voted on Monday to build a tram line across the river.</p></article></body></html>")


def docs(paths) -> list[RawDocument]:
    items = list(iter_documents(paths))
    assert all(isinstance(i, RawDocument) for i in items), [i for i in items if isinstance(i, SkippedInput)]
    return items


def test_folder_is_read_recursively_in_order(tmp_path):
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b" / "c" / "d.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / ".hidden").write_text(TEXT, encoding="utf-8")
    items = list(iter_documents([tmp_path]))
    got = [i for i in items if isinstance(i, RawDocument)]
    assert [Path(d.source).relative_to(tmp_path).as_posix() for d in got] == ["a.txt", "b/c/d.txt"]
    # the hidden file is not read, and says so (issue 11: nothing skipped in silence)
    assert [i.reason for i in items if isinstance(i, SkippedInput)] == [f"{tmp_path / '.hidden'}: hidden file; skipped"]


def test_globs_are_expanded_when_the_shell_did_not(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "one.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "pages" / "two.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "pages" / "skip.txt").write_text(TEXT, encoding="utf-8")
    got = docs([str(tmp_path / "pages" / "*.html")])
    assert [Path(d.source).name for d in got] == ["one.html", "two.html"]
    assert {d.kind for d in got} == {"html"}
    got = docs([str(tmp_path / "**" / "*.txt")])
    assert [Path(d.source).name for d in got] == ["skip.txt"]
    [miss] = list(iter_documents([str(tmp_path / "*.pdf")]))
    assert miss.reason == f"{tmp_path / '*.pdf'}: no file matches this pattern"


def test_kind_is_sniffed_from_content_not_extension(tmp_path):
    (tmp_path / "page.dat").write_text(HTML, encoding="utf-8")
    (tmp_path / "dump.html.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "feed.dat").write_text(json.dumps({"text": "Body text here."}) + "\n", encoding="utf-8")
    (tmp_path / "bracket.txt").write_text("[Exclusive] A headline in brackets\n\nBody.\n", encoding="utf-8")
    kinds = {Path(d.source.split("#")[0]).name: d.kind for d in docs([tmp_path])}
    assert kinds == {"page.dat": "html", "dump.html.txt": "text", "feed.dat": "jsonl", "bracket.txt": "text"}


def test_encodings_bom_and_newlines(tmp_path):
    (tmp_path / "latin.txt").write_bytes("Café owners protest\r\n\r\nThe café owners of the old town marched on Sunday against the new rents, which they called ruinous.\r\n".encode("cp1252"))
    (tmp_path / "bom.txt").write_bytes("\ufeffTitle line\rSecond line\r".encode("utf-8"))
    (tmp_path / "korean.txt").write_bytes("서울 시내 버스 요금이 다음 달부터 오른다고 시가 밝혔다. 시민들은 반대 의견을 냈다.\n".encode("euc-kr") * 3)
    got = {Path(d.source).name: d for d in docs([tmp_path])}
    assert got["latin.txt"].text.startswith("Café owners protest\n\nThe café")
    assert got["bom.txt"].text == "Title line\nSecond line\n"
    assert got["korean.txt"].text.startswith("서울 시내 버스")
    assert got["bom.txt"].encoding == "utf-8"


def test_note_line_is_dropped(tmp_path):
    (tmp_path / "demo.txt").write_text("storyledger-note: written by the storyledger developers\n" + TEXT, encoding="utf-8")
    [d] = docs([tmp_path / "demo.txt"])
    assert d.text == TEXT


def test_jsonl_records_fields_and_sources(tmp_path):
    p = tmp_path / "feed.jsonl"
    recs = [{"text": "storyledger-note: ours\nBody one.", "url": "https://example.org/1", "title": "One",
             "published": "2024-05-02", "fetched_at": "2024-05-03T10:00:00Z", "note": "ignored"},
            {"html": HTML, "url": "https://example.org/2"}]
    p.write_text("\n".join(json.dumps(r) for r in recs) + "\n\n", encoding="utf-8")
    a, b = docs([p])
    assert (a.source, a.kind, a.text, a.url, a.title, a.published, a.fetched_at) == (
        f"{p}#L1", "jsonl", "Body one.", "https://example.org/1", "One", "2024-05-02", "2024-05-03T10:00:00Z")
    assert (b.source, b.text, b.html) == (f"{p}#L2", None, HTML)


def test_json_array_file(tmp_path):
    p = tmp_path / "items.json"
    p.write_text(json.dumps([{"text": "First."}, {"text": "Second."}]), encoding="utf-8")
    assert [(d.source, d.text) for d in docs([p])] == [(f"{p}#1", "First."), (f"{p}#2", "Second.")]


def test_gzip_text_and_gzip_jsonl(tmp_path):
    (tmp_path / "page.txt.gz").write_bytes(gzip.compress(TEXT.encode("utf-8")))
    (tmp_path / "feed.jsonl.gz").write_bytes(gzip.compress((json.dumps({"text": "Zipped line."}) + "\n").encode()))
    got = docs([tmp_path])
    assert [(Path(d.source).name, d.kind) for d in got] == [("feed.jsonl.gz#L1", "jsonl"), ("page.txt.gz", "text")]
    assert got[1].text == TEXT


def test_jsonl_is_streamed_line_by_line(tmp_path):
    p = tmp_path / "big.jsonl"
    with open(p, "w", encoding="utf-8") as fh:
        for k in range(3000):
            fh.write(json.dumps({"text": f"Record {k} about the ferry timetable."}) + "\n")
    it = iter_documents([p])
    first = next(it)                 # a generator: nothing beyond the first line is needed yet
    assert first.source == f"{p}#L1"
    assert sum(1 for _ in it) == 2999


def test_fetch_time_given_by_the_caller(tmp_path):
    (tmp_path / "a.txt").write_text("Ferry resumes crossings\n\n3 months ago\n\nThe ferry sailed again this week.\n")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"text": "The ferry sailed.", "fetched_at": "2024-01-05"}) + "\n"
        + json.dumps({"text": "The ferry sailed again."}) + "\n")
    docs = list(iter_documents([tmp_path], fetched_at="2025-05-27"))
    assert [(Path(d.source).name, d.fetched_at) for d in docs] == [
        ("a.txt", "2025-05-27"), ("b.jsonl#L1", "2024-01-05"), ("b.jsonl#L2", "2025-05-27")]
    assert all(d.fetched_at is None for d in iter_documents([tmp_path / "a.txt"]))
