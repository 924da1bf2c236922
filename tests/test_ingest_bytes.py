"""In-memory input (web uploads) follows the same rules as files on disk."""
from storyledger import ingest
from storyledger.model import RawDocument, SkippedInput


def test_jsonl_bytes_keep_good_lines_and_name_the_bad_one():
    data = b'{"text": "Ferry resumes\\n\\nThe ferry ran again on Sunday.", "fetched_at": "2025-01-02"}\n{oops\n'
    items = list(ingest.iter_bytes("upload/feed.jsonl", data, fetched_at="2030-01-01"))
    assert isinstance(items[0], RawDocument) and items[0].kind == "jsonl"
    assert items[0].fetched_at == "2025-01-02"          # the record's own fetch time wins
    assert isinstance(items[1], SkippedInput)
    assert items[1].reason.startswith("upload/feed.jsonl line 2: malformed JSON")


def test_text_bytes_in_another_encoding_with_bom_and_crlf():
    data = "\ufeffHeadline here\r\n\r\nCaf\u00e9 owners reopened on Monday.\r\n".encode("utf-16")
    (doc,) = ingest.iter_bytes("upload/page.txt", data, fetched_at="2025-03-01")
    assert doc.kind == "text" and doc.fetched_at == "2025-03-01"
    assert doc.text == "Headline here\n\nCaf\u00e9 owners reopened on Monday.\n"


def test_html_bytes_and_empty_upload():
    (doc,) = ingest.iter_bytes("upload/p.html", b"<html><body><p>Hello there.</p></body></html>")
    assert doc.kind == "html"
    (skip,) = ingest.iter_bytes("upload/blank.txt", b"  \n")
    assert skip.reason == "upload/blank.txt: empty file"


def test_binary_upload_is_refused_with_a_reason():
    (skip,) = ingest.iter_bytes("upload/photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert isinstance(skip, SkippedInput) and "binary" in skip.reason
