"""Article identity (hash of the normalised body) and near-duplicate links (MinHash LSH)."""
from __future__ import annotations

import hashlib
import re

from datasketch import MinHash, MinHashLSH

from storyledger.clean.text import normkey
from storyledger.model import Article

THRESHOLD = 0.8       # estimated Jaccard of word 5-shingles above which two bodies are one story
NUM_PERM = 128
SHINGLE = 5


def article_id(body: str) -> str:
    """First 16 hex digits of sha1 over the body, case/space/quote-folded."""
    return hashlib.sha1(normkey(body).encode("utf-8")).hexdigest()[:16]


def _minhash(body: str) -> MinHash:
    words = re.findall(r"\w+", normkey(body))
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    m = MinHash(num_perm=NUM_PERM, seed=7)
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def duplicate_links(articles: list[Article]) -> dict[str, str | None]:
    """id -> id of the original it near-copies (earliest published, then first seen), or None.

    LSH buckets candidates, so the work grows with the corpus, not with its square.
    """
    order = {a.id: k for k, a in enumerate(articles)}

    def rank(a: Article) -> tuple:
        return (a.published is None, (a.published or "")[:10], order[a.id])

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    hashes: dict[str, MinHash] = {}
    for a in articles:
        if a.id in hashes or not a.body.strip():
            continue
        hashes[a.id] = _minhash(a.body)
        lsh.insert(a.id, hashes[a.id])
    by_id = {a.id: a for a in articles}
    links: dict[str, str | None] = {}
    for a in articles:
        if a.id not in hashes:
            links[a.id] = None
            continue
        group = [by_id[i] for i in lsh.query(hashes[a.id]) if hashes[a.id].jaccard(hashes[i]) >= THRESHOLD]
        group.append(a)
        first = min(group, key=rank)
        links[a.id] = None if first.id == a.id else first.id
    return links
