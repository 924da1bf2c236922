"""Ledger: claims across articles -> facts, series, disagreements, timeline.

STUB — owned by the ledger work; replace with the real joiner.
"""
from __future__ import annotations

from typing import Optional

from storyledger.model import Article, Claim, Fact, Ledger


def build_ledger(articles: list[Article], claims: list[Claim], previous: Optional[Ledger] = None) -> Ledger:
    facts = [Fact(id="f-" + c.id, kind=c.kind, claims=[c.id]) for c in claims]
    return Ledger(facts=facts)
