"""Ledger: claims across articles -> facts, series, disagreements, timeline.

``build_ledger`` is a pure function, rerun on all claims after every build.
Ids are stable: a fact keeps the id of the previous ledger's fact it shares
most claims with; a new fact's id is a hash of its smallest claim id. Series,
disagreement and timeline ids derive from their keys and fact ids. Every list
is sorted, so the same inputs give byte-identical output.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator, Optional

from storyledger.ledger.disagree import build_disagreements
from storyledger.ledger.join import build_facts, _roots
from storyledger.ledger.series import build_series
from storyledger.ledger.sources import use_aliases
from storyledger.ledger.timeline import build_timeline
from storyledger.model import Article, Claim, Ledger

__all__ = ["build_ledger"]


@contextmanager
def inputs_kept_out_of_gc() -> Iterator[None]:
    """The objects alive now (a big ledger's articles and claims: millions) are left out of the cyclic
    garbage collector's passes until the block ends: each full pass would walk them all again
    (a fifth of the join's time on 2,000 articles). Nothing is kept alive longer than without it."""
    _frozen.append(1)
    gc.freeze()
    try:
        yield
    finally:
        _frozen.pop()
        if not _frozen:   # an inner block (the update's rebuild) leaves the outer one's freeze
            gc.unfreeze()


_frozen: list[int] = []


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block (the state before it comes back after): the ledger
    step makes millions of objects and almost no cyclic garbage (10 objects collected after
    ``build_ledger`` on 2,000 articles), yet each collection walks the objects made so far (a quarter of
    ``build_ledger``'s CPU on 2,000 articles). Not for extraction, whose spaCy objects do make cycles."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def build_ledger(articles: list[Article], claims: list[Claim], previous: Optional[Ledger] = None,
                 aliases: Optional[str] = None, parts: Optional[dict[str, str]] = None) -> Ledger:
    """``aliases``: the JSON text of the user's alias file the claims were extracted with (``build
    --aliases FILE``); its names, part_of and demonyms count in source agreement with the packaged table.
    ``parts``: filled with each claim's join part (``ledger.join.cluster``), kept for the next update."""
    with inputs_kept_out_of_gc(), collector_paused():
        return _build_ledger(articles, claims, previous, aliases, parts)


def _build_ledger(articles: list[Article], claims: list[Claim], previous: Optional[Ledger],
                  aliases: Optional[str], parts: Optional[dict[str, str]] = None) -> Ledger:
    use_aliases(aliases)
    # input order must not matter: sort once here
    articles = sorted(articles, key=lambda a: a.id)
    claims = sorted(claims, key=lambda c: c.id)
    if previous is not None and previous.statements:   # ids stay stable across both lists
        previous = previous.model_copy(update={"facts": previous.facts + previous.statements})
    told, _ = build_facts(articles, claims, previous, parts=parts)
    facts = [f for f in told if f.kind == "figure"]
    by_claim = {c.id: c for c in claims}
    series = build_series(facts, by_claim)
    root_of = _roots({a.id: a for a in articles})
    disagreements = build_disagreements(facts, series, by_claim, root_of)
    return Ledger(facts=facts, statements=[f for f in told if f.kind != "figure"], series=series,
                  disagreements=disagreements, timeline=build_timeline(told))
