"""The build's corpus pass, kept up to date in the store instead of redone over every article.

``clean.finalize_corpus`` gives undated articles a year from their siblings and links near-copies
to their original, over a whole list of articles. A build that adds K articles to a ledger of N
must not pay for N: this module keeps what that pass needs in the store (each body's MinHash
signature and LSH band keys; the summary of sibling dates the undated articles were dated with)
and looks only at what the new articles can change:

- undated articles are dated again only when the sibling summary moved (else only the new ones);
- a link can change only for a new or re-dated article and the articles sharing an LSH band
  with one (the candidates relation is symmetric), so only those are linked again.

The answer is the one ``finalize_corpus`` gives on all the articles (tests/test_incremental.py).
"""
from __future__ import annotations

from typing import Optional

from storyledger import clean
from storyledger.clean import dates
from storyledger.clean.dedupe import band_keys, original_of, signature, similar
from storyledger.model import Article

INDEX_KEY = "corpus_index"      # meta: INDEXED once every article's signature is stored
# "1": band keys read the uint32 signature as uint64 (see clean.dedupe._values): indexed again once
INDEXED = "2"
DATES_KEY = "corpus_dates"      # meta: the sibling-date summary the undated articles were dated with


def update(store, new_ids: list[str]) -> list[Article]:
    """Bring dates and near-copy links up to date after ``new_ids`` were added; returns changed articles."""
    indexed = store.get_meta(INDEX_KEY) == INDEXED
    seeds = list(dict.fromkeys(new_ids)) if indexed else store.article_ids()   # an older file: index all once
    corpus = dates.CorpusDates.of(clean.ref_days(store.published_with_basis(clean.REF_BASES)))
    summary = _summary(corpus)
    seed_arts = store.articles_by_id(seeds)
    if not indexed or summary != store.get_meta(DATES_KEY):
        undated = store.articles_with_basis(clean.UNDATED)
    else:
        undated = [a for a in seed_arts if a.published_basis in clean.UNDATED]
    updates = clean.date_updates(undated, corpus)
    # an id is its body's hash, so a signature stored under it (an engine's worker made it while
    # cleaning) is this body's: only the others are computed here
    have = store.signatures(seeds) if indexed else {}
    for a in seed_arts:
        sig = None if a.id in have else signature(a.body)
        if sig is not None:
            store.put_signature(a.id, sig, band_keys(sig))
    links = _links(store, {a.id for a in seed_arts} | set(updates), updates)
    for aid, dup in links.items():
        updates.setdefault(aid, {})["duplicate_of"] = dup
    changed = clean.changed_articles(store.articles_by_id(updates), updates)
    store.set_meta(INDEX_KEY, INDEXED)
    store.set_meta(DATES_KEY, summary)
    return changed


def _links(store, moved: set[str], updates: dict[str, dict]) -> dict[str, Optional[str]]:
    """Links of the moved articles (new or re-dated) and of every article sharing a band with one."""
    mates = store.band_mates(moved)
    affected = moved.union(*mates.values()) if mates else set(moved)
    mates.update(store.band_mates(affected - moved))
    every = affected.union(*mates.values()) if mates else affected
    sigs = store.signatures(every)
    ranks = store.ranks(every)
    for aid, upd in updates.items():
        if "published" in upd and aid in ranks:
            ranks[aid] = (upd["published"], ranks[aid][1])

    def rank(aid: str) -> tuple:
        published, seq = ranks[aid]
        return (published is None, (published or "")[:10], seq)

    out: dict[str, Optional[str]] = {}
    for x in affected:
        if x not in sigs:
            out[x] = None
            continue
        group = [y for y in mates.get(x, ()) if y in sigs and similar(sigs[x], sigs[y])]
        out[x] = original_of(x, group, rank)
    return out


def _summary(corpus: Optional[dates.CorpusDates]) -> str:
    if corpus is None:
        return "none"
    return f"{corpus.center}|{corpus.newest}|{','.join(map(str, sorted(corpus.years)))}|{corpus.first}|{corpus.last}"
