"""Timeline: one entry per dated fact, ordered by the time it describes."""
from __future__ import annotations

from storyledger.ledger.join import day
from storyledger.model import Fact, TimelineEntry


def build_timeline(facts: list[Fact]) -> list[TimelineEntry]:
    out = [TimelineEntry.model_construct(id="t-" + f.id.removeprefix("f-"), start=f.as_of.start, end=f.as_of.end, text=f.label,
                         kind=f.kind, fact=f.id, claims=list(f.claims), sources=[s.name for s in f.sources],
                         first_published=f.first_published)
           for f in facts if f.as_of is not None]
    # by the time described; publication order breaks ties (first_published is there to re-sort by)
    out.sort(key=lambda t: (t.start or "", t.end or "", day(t.first_published) or 10**9, t.id))
    return out
