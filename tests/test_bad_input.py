"""Bad input: one clear line naming the file and the reason, and the batch goes on."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storyledger.ingest import iter_documents
from storyledger.model import RawDocument, SkippedInput

GOOD = "A harbour reopens after the storm\n\nThe port authority said on Tuesday that ships may dock again after three days of closure.\n"


def _run(tmp_path: Path, bad_name: str, make) -> tuple[list[SkippedInput], list[RawDocument]]:
    bad = tmp_path / bad_name
    make(bad)
    (tmp_path / "zz_good.txt").write_text(GOOD, encoding="utf-8")
    items = list(iter_documents([bad, tmp_path / "zz_good.txt"]))
    skipped = [i for i in items if isinstance(i, SkippedInput)]
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert len(docs) == 1 and docs[0].source.endswith("zz_good.txt")   # the batch went on
    for s in skipped:
        assert "\n" not in s.reason and bad_name in s.reason
    return skipped, docs


def test_empty_file(tmp_path):
    skipped, _ = _run(tmp_path, "empty.txt", lambda p: p.write_bytes(b""))
    assert [s.reason for s in skipped] == [f"{tmp_path / 'empty.txt'}: empty file"]


def test_binary_file(tmp_path):
    skipped, _ = _run(tmp_path, "photo.txt", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50))
    assert len(skipped) == 1 and "binary file" in skipped[0].reason


def test_truncated_gzip(tmp_path):
    data = gzip.compress(GOOD.encode() * 200)
    skipped, _ = _run(tmp_path, "cut.txt.gz", lambda p: p.write_bytes(data[: len(data) // 2]))
    assert len(skipped) == 1 and "truncated or invalid gzip" in skipped[0].reason


def test_undecodable_bytes(tmp_path):
    # random high bytes and control bytes: no text encoding fits
    junk = bytes((i * 37 + 11) % 256 for i in range(4000)).replace(b"\x00", b"\x01")
    skipped, _ = _run(tmp_path, "junk.txt", lambda p: p.write_bytes(junk))
    assert len(skipped) == 1
    assert "undecodable" in skipped[0].reason or "binary file" in skipped[0].reason


def test_huge_file_refused_unread(tmp_path):
    def sparse(p: Path) -> None:
        with open(p, "wb") as fh:
            fh.truncate(21 * 1024 * 1024)      # sparse: costs no disk, and must not be read
    skipped, _ = _run(tmp_path, "huge.txt", sparse)
    assert len(skipped) == 1 and "21.0 MB, over the 20 MB limit" in skipped[0].reason


def test_malformed_jsonl_line_skips_that_line_only(tmp_path):
    lines = [json.dumps({"text": "First record about the bridge repairs that began this week in town."}),
             "{not json at all",
             json.dumps({"url": "https://example.org/x", "note": "ours"}),
             json.dumps({"html": "<html><body><p>Third record.</p></body></html>", "url": "https://example.org/3"})]
    p = tmp_path / "feed.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_documents([p]))
    assert [type(i).__name__ for i in items] == ["RawDocument", "SkippedInput", "SkippedInput", "RawDocument"]
    assert items[0].source == f"{p}#L1" and items[3].source == f"{p}#L4"
    assert items[1].reason.startswith(f"{p} line 2: malformed JSON")
    assert items[2].reason == f"{p} line 3: record has neither 'text' nor 'html'; skipped"


def test_missing_path_and_empty_directory(tmp_path):
    (tmp_path / "nothing").mkdir()
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    items = list(iter_documents([tmp_path / "absent.txt", tmp_path / "nothing", tmp_path / "ok.txt"]))
    assert [i.reason for i in items if isinstance(i, SkippedInput)] == [
        f"{tmp_path / 'absent.txt'}: no such file or directory",
        f"{tmp_path / 'nothing'}: directory has no readable files",
    ]
    assert sum(isinstance(i, RawDocument) for i in items) == 1


def test_document_with_no_article_is_one_line_clean_error():
    from storyledger.clean import CleanError, clean_document
    raw = RawDocument(source="menu.txt", kind="text", text="Home\n\nNews\n\nSports\n\nLog in\n")
    try:
        clean_document(raw)
    except CleanError as exc:
        assert str(exc) == "menu.txt: no article text found (only page furniture or a few words)"
    else:
        raise AssertionError("expected CleanError")


@pytest.mark.parametrize("html", ["<html></html>", "<html><body><nav>Home | News</nav></body></html>", "<<<>>>\x0c"])
def test_empty_or_broken_html_is_clean_error(html):
    from storyledger.clean import CleanError, clean_document
    with pytest.raises(CleanError) as info:
        clean_document(RawDocument(source="p.html", kind="html", html=html))
    assert str(info.value).startswith("p.html: ") and "\n" not in str(info.value)


def test_pipeline_reports_skips_and_goes_on(tmp_path):
    from storyledger import pipeline
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    (src / "ok.txt").write_text(GOOD, encoding="utf-8")
    report = pipeline.build([src], tmp_path / "l.db")
    assert report.new == 1
    assert [s.reason for s in report.skipped] == [f"{src / 'empty.txt'}: empty file"]
