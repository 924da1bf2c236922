"""Article identity (hash of the normalised body) and near-duplicate links (MinHash LSH)."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from storyledger.words import line_key
from storyledger.model import Article

THRESHOLD = 0.8       # estimated Jaccard of word 5-shingles above which two bodies are one story
NUM_PERM = 128
SHINGLE = 5


def article_id(body: str) -> str:
    """First 16 hex digits of sha1 over the body, case/space/quote-folded."""
    return hashlib.sha1(line_key(body).encode("utf-8")).hexdigest()[:16]


def _minhash(body: str) -> MinHash:
    words = re.findall(r"\w+", line_key(body))
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    perms, scheme = _permutations()
    m = MinHash(num_perm=NUM_PERM, seed=7, permutations=perms, scheme=scheme)
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


@lru_cache(maxsize=1)
def _permutations() -> tuple:
    """The seed's permutations and hashing scheme, drawn once (each MinHash drew them again)."""
    proto = MinHash(num_perm=NUM_PERM, seed=7)
    return proto.permutations, proto.scheme


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
        group = [i for i in lsh.query(hashes[a.id]) if hashes[a.id].jaccard(hashes[i]) >= THRESHOLD]
        links[a.id] = original_of(a.id, group, lambda i: rank(by_id[i]))
    return links


def original_of(aid: str, group: Iterable[str], rank) -> str | None:
    """The id ``aid`` copies: the best-ranked of its group (itself included), None when it is that."""
    first = min({aid, *group}, key=rank)
    return None if first == aid else first


# -- the same links kept up to date in a store, for incremental builds --------------------------
# A body's signature and its LSH band keys are stored once; a new article is compared with the
# articles that share a band with it, so adding K articles costs K queries, not a pass over all.

_BANDS = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)


def signature(body: str) -> bytes | None:
    """The body's MinHash values as bytes (None for an empty body: it links to nothing)."""
    return _minhash(body).hashvalues.tobytes() if body.strip() else None


def _values(sig: bytes) -> np.ndarray:
    """A stored signature's NUM_PERM hash values. datasketch keeps them as uint32: read as uint64
    they were half as many, the last four bands empty (one key every article shared, so every
    article was a candidate of every other) and two permutations compared as one."""
    return np.frombuffer(sig, dtype=np.uint32 if len(sig) == NUM_PERM * 4 else np.uint64)


def band_keys(sig: bytes) -> list[str]:
    """The LSH bands of a signature as text keys: two bodies are candidates when one key is shared."""
    hv = _values(sig)
    return [f"{b}:" + hashlib.sha1(hv[lo:hi].tobytes()).hexdigest()[:20]
            for b, (lo, hi) in enumerate(_BANDS.hashranges)]


def similar(a: bytes, b: bytes) -> bool:
    """Estimated Jaccard at or above THRESHOLD, computed as MinHash.jaccard does."""
    x, y = _values(a), _values(b)
    return float(np.count_nonzero(x == y)) / float(len(x)) >= THRESHOLD
