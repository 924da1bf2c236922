"""Extract: [Article] -> [Claim] with one spaCy pass per article.

STUB — owned by the extraction work; replace with the real extractor.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from storyledger.model import Article, Claim

VERSION = "0-stub"  # bump when extraction changes: stored articles are extracted again


def extract_claims(articles: Iterable[Article], nlp=None) -> Iterator[tuple[Article, list[Claim]]]:
    for art in articles:
        yield art, []
