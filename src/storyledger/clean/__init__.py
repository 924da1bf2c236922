"""Clean: RawDocument -> Article (furniture removed, title, byline, outlet, date).

STUB — owned by the ingest/clean work; replace with the real cleaner.
"""
from __future__ import annotations

import hashlib

from storyledger.model import Article, RawDocument


class CleanError(Exception):
    """The document has no usable article text; the message is one line for the user."""


def clean_document(raw: RawDocument) -> Article:
    text = raw.text or ""
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    if not lines:
        raise CleanError(f"{raw.source}: no text")
    body = "\n\n".join(lines[1:])
    aid = hashlib.sha1(" ".join(body.split()).lower().encode()).hexdigest()[:16]
    return Article(id=aid, source=raw.source, kind=raw.kind, title=lines[0], body=body)


def finalize_corpus(articles: list[Article]) -> list[Article]:
    """Corpus-level fixes (year from siblings, near-duplicate links); returns changed articles."""
    return []
