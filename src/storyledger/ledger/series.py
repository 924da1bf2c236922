"""Series: the facts about one quantity (whose people, what is counted, where), in time order.

A series is keyed by population and measure. Place splits it only where a fact
names a place other than the series' main one (the place most facts give): the
NIS's 1,500 in the Far East is not a point on the country-wide planned total.
Figures counting "other" things, or with no population, form no series.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Optional

from storyledger.ledger.join import _PLACE_GENERIC as _GENERIC, counted_noun, day, place_key, places_compatible, pop_key, short_hash, _most_common
from storyledger.ledger.sources import name_key
from storyledger.model import Claim, Fact, Series, SeriesPoint

MAX_SCOPE_WORDS = 4
CASUALTY = {"killed", "wounded", "killed_or_wounded", "missing"}
SERIES_MEASURE_WORDS = {
    "deployed": "deployed", "planned": "planned", "killed": "killed", "wounded": "wounded",
    "killed_or_wounded": "killed or wounded", "missing": "missing", "captured": "captured",
    "displaced": "displaced", "evacuated": "evacuated", "affected": "affected",
}


def point_of(f: Fact) -> SeriesPoint:
    return SeriesPoint.model_construct(fact=f.id, source=f.origin, value=f.value, low=f.low, high=f.high,
                       qualifier=f.qualifier, as_of=f.as_of, published=f.first_published, claims=list(f.claims))


def _point_order(p: SeriesPoint) -> tuple:
    return (p.as_of.start if p.as_of else "9999", p.as_of.end if p.as_of else "9999",
            day(p.published) or 10**9, p.fact)


def series_label(population: str, noun: str, scope: Optional[str], measure: str) -> str:
    head = f"{population} {noun}".strip()
    if scope:
        head += f" in {scope}"
    return f"{head} — {SERIES_MEASURE_WORDS.get(measure, measure)}"


def containers(wheres: Iterable[Optional[str]]) -> dict[str, set[str]]:
    """What the corpus says each place word lies in: "Russia's Kursk region" puts "kursk" in "russia"."""
    out: dict[str, set[str]] = defaultdict(set)
    for where in sorted({w for w in wheres if w}):
        words = name_key(where).split()
        if "s" in words[1:]:  # possessive: outer 's inner
            k = words.index("s")
            outer, inner = set(words[:k]) - _GENERIC, set(words[k + 1:]) - _GENERIC
            for w in inner:
                out[w] |= outer
    return out


def scope_words(where: Optional[str], inside: dict[str, set[str]]) -> str:
    """A place's key with the places the corpus says contain it ("kursk region" -> "kursk region russia")."""
    key = place_key(where)
    extra: list[str] = []
    for w in key.split():
        extra += sorted(inside.get(w, set()) - set(key.split()) - set(extra))
    return " ".join(key.split() + extra)


def build_series(facts: list[Fact], claims: dict[str, Claim]) -> list[Series]:
    inside = containers(c.where for c in claims.values())
    groups: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        if f.kind == "figure" and f.measure and f.measure != "other" and pop_key(f.population) \
                and (f.value is not None or f.low is not None or f.high is not None):
            groups[(pop_key(f.population), f.measure)].append(f)
    out: list[Series] = []
    for (pk, measure), fs in sorted(groups.items()):
        # the main scope is a place most facts share (or the only place named); facts naming
        # no place belong to it; other places get series of their own
        # a part of the main place ("Russia's Kursk region", "eastern Russia" in "Russia") stays in its series
        places = Counter(place_key(f.where) for f in fs if place_key(f.where))
        main = min(places, key=lambda k: (-sum(1 for f in fs if places_compatible(scope_words(f.where, inside), k)),
                                          -places[k], len(k.split()), k)) if places else ""
        if len(places) > 1 and places[main] < 2:
            main = ""
        parts: dict[str, list[Fact]] = defaultdict(list)
        for f in fs:
            k = place_key(f.where)
            parts["" if not k or (main and places_compatible(scope_words(f.where, inside), main)) else k].append(f)
        for scope_key, members in sorted(parts.items()):
            scope_key = scope_key or main
            scope = _most_common([f.where for f in members if place_key(f.where) == scope_key]) if scope_key else None
            if scope and len(scope.split()) > MAX_SCOPE_WORDS:
                scope = None  # a described circumstance ("in a strike on ..."), not a place to label by
            population = _most_common([f.population for f in members]) or pk
            if measure in CASUALTY:
                noun = "casualties"
            else:
                noun = _most_common([counted_noun(claims[c]) for f in members for c in f.claims if c in claims]) \
                    or "people"
            points = sorted((point_of(f) for f in members), key=_point_order)
            latest: dict[str, SeriesPoint] = {}
            ranges: dict[str, tuple[float, float]] = {}
            member = {f.id: f for f in members}
            for p in points:
                f = member[p.fact]
                src = p.source or "unattributed"
                cur = latest.get(src)
                if cur is None or _latest_key(p) > _latest_key(cur):
                    latest[src] = p
                lo, hi = f.amount.bounds
                if lo is not None and hi is not None:
                    r = ranges.get(src)
                    ranges[src] = (min(r[0], lo), max(r[1], hi)) if r else (lo, hi)
            out.append(Series(id="s-" + short_hash(pk, measure, scope_key), label=series_label(population, noun, scope, measure),
                              population=population, measure=measure, scope=scope, points=points,
                              latest_by_source=dict(sorted(latest.items())), range_by_source=dict(sorted(ranges.items()))))
    out.sort(key=lambda s: (s.label, s.id))
    return out


def _latest_key(p: SeriesPoint) -> tuple:
    return (p.as_of.end if p.as_of else "", p.as_of.start if p.as_of else "", day(p.published) or 0, p.fact)

