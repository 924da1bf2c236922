"""Where tellings differ: conflicts, revisions and retellings.

conflict   different sources, different figures, same quantity, overlapping times
revision   one source, a later telling of a different figure for the same quantity (one series)
retelling  one fact told with different counted nouns or hedges across articles
"""
from __future__ import annotations

import heapq
import math
from collections import defaultdict
from typing import NamedTuple, Optional

from storyledger.ledger.join import counted_noun, day, noun_key, place_key, places_compatible, pop_key, \
    short_hash
from storyledger.ledger.places import within
from storyledger.ledger.series import containers, scope_words, _GENERIC
from storyledger.ledger.sources import name_key
from storyledger.model import Claim, Disagreement, Fact, Series
from storyledger.tables import table
from storyledger.wording import fmt_amount, fmt_number

# A later telling counts as a revision only when published at least this much later.
REVISION_MIN_DAYS = 3
# Two sources "at the same time": times this many days apart still meet (a figure said on the
# 17th and another said on the 18th describe the same moment of a developing story).
CONFLICT_DAYS = 7
# Running counts (the casualty family): a later, different figure from the same source updates the earlier one.
RUNNING = table("measures").set("casualty")
# A count of people sent, told again by its source within this many days, is a revision of it.
RECOUNT_DAYS = 31
# Each revision looks back over at most this many earlier facts of its source and quantity.
REVISION_WINDOW = 200


def _span(f: Fact) -> Optional[tuple[int, int]]:
    if f.as_of is None:
        return None
    s, e = day(f.as_of.start), day(f.as_of.end)
    if s is None:
        return None
    return s, (e if e is not None else s)


def _interval(f: Fact) -> Optional[tuple[float, float]]:
    return f.amount.interval()


def _disjoint(a: Optional[tuple[float, float]], b: Optional[tuple[float, float]]) -> bool:
    return a is not None and b is not None and (a[1] < b[0] or b[1] < a[0])


def _num(f: Fact) -> str:
    return fmt_amount(f.amount)


def _when(f: Fact) -> str:
    if f.as_of is None:
        return "an unknown time"
    return f.as_of.start if f.as_of.start == f.as_of.end else f"{f.as_of.start} to {f.as_of.end}"


def _src_keys(f: Fact) -> set[str]:
    return {name_key(s.name) for s in f.sources}


def _part_of(a: Fact, b: Fact, inside: dict[str, set[str]]) -> Optional[bool]:
    """None when a and b name the same place (or one names none); else True if a's place lies in b's
    (by the articles' words or data/places.json: "Russia's Far East" lies in "Russia")."""
    if within(place_key(a.where), place_key(b.where)):
        return True
    if within(place_key(b.where), place_key(a.where)):
        return False
    ka = set(scope_words(a.where, inside).split()) - _GENERIC
    kb = set(scope_words(b.where, inside).split()) - _GENERIC
    if not ka or not kb or ka == kb or not places_compatible(" ".join(sorted(ka)), " ".join(sorted(kb))):
        return None
    return len(ka) > len(kb)


def _too_many_for_whole(part: Fact, whole: Fact) -> bool:
    """A part's count contradicts the whole's only when it is surely larger."""
    ip, iw = _interval(part), _interval(whole)
    return ip is not None and iw is not None and ip[0] > iw[1]


def _apart(a: Fact, b: Fact) -> tuple[Optional[int], Optional[float]]:
    """Days between the two times described (0 when they meet) and how far apart the figures are
    (the larger over the smaller of the nearest ends the hedges allow)."""
    sa, sb = _span(a), _span(b)
    days = max(0, sa[0] - sb[1], sb[0] - sa[1]) if sa and sb else None
    ia, ib = _interval(a), _interval(b)
    ratio = None
    if ia and ib:
        lo_hi, hi_lo = (ia[1], ib[0]) if ia[1] < ib[0] else (ib[1], ia[0])
        if lo_hi > 0 and hi_lo != float("inf"):
            ratio = round(hi_lo / lo_hi, 2)
    return days, ratio


class _Told(NamedTuple):
    """What a conflict check reads of a fact, worked out once per fact (not once per pair)."""
    fact: Fact
    span: tuple[int, int]
    interval: Optional[tuple[float, float]]
    sources: frozenset
    place: str


def _contradicts(a: _Told, b: _Told, start: int, point: bool, inside: dict[str, set[str]]) -> bool:
    """Can a (told earlier in the sweep) and b not both be right: other sources, figures apart, times
    that meet, places that fit (a part against its whole only when surely larger)?"""
    if a.sources & b.sources or not _disjoint(a.interval, b.interval):
        return False
    sa = a.span
    if sa[1] < start and not (point and sa[0] == sa[1]):
        return False  # a week's slack only between figures each told for one day
    part = _part_of(a.fact, b.fact, inside)
    if part is None and not places_compatible(a.place, b.place):
        return False
    # 1,500 in the Far East does not contradict 3,000 in Russia
    return part is None or (_too_many_for_whole(a.fact, b.fact) if part else _too_many_for_whole(b.fact, a.fact))


def conflicts(series: list[Series], facts: dict[str, Fact], inside: dict[str, set[str]],
              attributed: set[str]) -> list[Disagreement]:
    """Sources whose figures cannot both be right, one series (one quantity), times that meet.

    One record per fact and series: a figure against what the other sources gave for its time
    (each other source's latest contradicting fact), not one per pair -- a dense story tells
    one quantity hundreds of times a week and the pairs grow with the square. An outlet's own
    unattributed figure is no source's; a part against its whole, a plan against a projection
    and a total against an increment sit in different series and never meet here."""
    out, seen = [], set()
    told: dict[str, _Told] = {}
    for s in series:
        items = []
        for p in s.points:
            f = facts[p.fact]
            if f.id not in attributed:
                continue
            span = _span(f)
            if span is not None:
                items.append((span[0], span[1], f.id))
                if f.id not in told:
                    told[f.id] = _Told(f, span, _interval(f), frozenset(_src_keys(f)), name_key(f.where))
        items.sort()
        active: list[tuple[int, str]] = []
        for start, end, fid in items:
            while active and active[0][0] < start:
                heapq.heappop(active)
            b = told[fid]
            latest: dict[str, Fact] = {}
            for _, aid in sorted(active, key=lambda x: x[1]):
                a = told[aid]
                if not _contradicts(a, b, start, start == end, inside):
                    continue
                pair = tuple(sorted((a.fact, b.fact), key=lambda f: (f.as_of.start if f.as_of else "", f.id)))
                if (pair[0].id, pair[1].id) in seen:
                    continue  # two facts that meet in two series (a scope and its parent) are one conflict
                seen.add((pair[0].id, pair[1].id))
                k = name_key(a.fact.origin)
                if k not in latest or _conflict_order(a.fact) > _conflict_order(latest[k]):
                    latest[k] = a.fact
            if latest:
                out.append(_conflict(s, b.fact, sorted(latest.values(), key=_conflict_order)))
            heapq.heappush(active, (end + CONFLICT_DAYS, fid))
    return out


def _conflict_order(f: Fact) -> tuple:
    return (f.as_of.start if f.as_of else "", f.id)


def _conflict(s: Series, b: Fact, others: list[Fact]) -> Disagreement:
    """One fact against the others' contradicting figures; two facts read as the pair they are
    (the earlier-described first)."""
    if len(others) == 1:
        a, b = sorted((others[0], b), key=_conflict_order)
        days, ratio = _apart(a, b)
        return Disagreement(
            id="d-" + short_hash("conflict", a.id, b.id), kind="conflict", series=s.id,
            fact_a=a.id, fact_b=b.id, reason="incompatible_figures", days_apart=days, ratio=ratio,
            description=(f"{a.origin} gives {_num(a)} and {b.origin} gives {_num(b)} for "
                         f"{s.label} at overlapping times ({_when(a)}; {_when(b)})."),
            side_a=list(a.claims), side_b=list(b.claims),
            sources_a=[x.name for x in a.sources], sources_b=[x.name for x in b.sources])
    aparts = [_apart(a, b) for a in others]
    days = [d for d, _ in aparts if d is not None]
    ratios = [r for _, r in aparts if r is not None]
    gave = "; ".join(f"{a.origin} gives {_num(a)} ({_when(a)})" for a in others)
    sources_a: list[str] = []
    for a in others:
        sources_a += [x.name for x in a.sources if x.name not in sources_a]
    return Disagreement(
        id="d-" + short_hash("conflict", b.id, *(a.id for a in others)), kind="conflict", series=s.id,
        fact_a=others[-1].id, fact_b=b.id, others=[a.id for a in others[:-1]], reason="incompatible_figures",
        days_apart=min(days) if days else None, ratio=max(ratios) if ratios else None,
        description=(f"{b.origin} gives {_num(b)} for {s.label} ({_when(b)}), against other sources at "
                     f"overlapping times: {gave}."),
        side_a=[c for a in others for c in a.claims], side_b=list(b.claims),
        sources_a=sources_a, sources_b=[x.name for x in b.sources])


def revisions(facts: list[Fact], series_of: dict[str, str], attributed: set[str]) -> list[Disagreement]:
    """One source's later, different figure for the same quantity (one series: one measure, one
    place scope, total or increment): drawn as a revision, never as a conflict."""
    groups: dict[tuple, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.id in attributed and f.id in series_of and _span(f) and day(f.first_published) is not None \
                and _interval(f):
            groups[(name_key(f.origin), series_of[f.id])].append(f)
    out = []
    for _, fs in sorted(groups.items()):
        fs.sort(key=lambda f: (day(f.first_published), f.id))
        for n, b in enumerate(fs):
            pb, sb, ib = day(b.first_published), _span(b), _interval(b)
            best = None
            for a in fs[max(0, n - REVISION_WINDOW):n]:
                sa = _span(a)
                pa = day(a.first_published)
                if pa + REVISION_MIN_DAYS > pb:  # type: ignore[operator]
                    continue
                running = a.measure == b.measure and sa[0] <= sb[1] and (  # type: ignore[index]
                    b.measure in RUNNING or b.measure == "deployed" and pb - pa <= RECOUNT_DAYS)  # type: ignore[operator]
                if (sa[1] < sb[0] or sb[1] < sa[0]) and not running:  # type: ignore[index]
                    continue
                if not places_compatible(name_key(a.where), name_key(b.where)) or not _disjoint(_interval(a), ib):
                    continue
                va, vb = (a.value or a.high or a.low or 1.0), (b.value or b.high or b.low or 1.0)
                # the latest earlier telling first (a chain of updates), then the nearest figure
                score = (-(day(a.first_published) or 0), abs(math.log(max(va, 1e-9) / max(vb, 1e-9))), a.id)
                if best is None or score < best[0]:
                    best = (score, a)
            if best is None:
                continue
            a = best[1]
            days, ratio = _apart(a, b)
            out.append(Disagreement(
                id="d-" + short_hash("revision", a.id, b.id), kind="revision", series=series_of.get(b.id),
                fact_a=a.id, fact_b=b.id, reason="same_source_later", days_apart=days, ratio=ratio,
                description=(f"{b.origin} revised its figure for {_when(b)}: {_num(a)} {a.measure} "
                             f"(told {a.first_published[:10]}) became {_num(b)} {b.measure} "  # type: ignore[index]
                             f"(told {b.first_published[:10]})."),  # type: ignore[index]
                side_a=list(a.claims), side_b=list(b.claims),
                sources_a=[x.name for x in a.sources], sources_b=[x.name for x in b.sources]))
    return out


def retellings(facts: list[Fact], claims: dict[str, Claim], root_of: dict[str, str],
               series_of: dict[str, str]) -> list[Disagreement]:
    """One figure told with another counted noun or hedge in another article."""
    out = []
    for f in facts:
        if f.kind != "figure" or len(f.articles) < 2:
            continue
        cs = [claims[c] for c in f.claims if c in claims]
        if not cs:
            continue
        # compare with the first telling that names what it counts
        first = next((c for c in cs if counted_noun(c)), cs[0])

        def differs(c: Claim) -> bool:
            n1, n2 = noun_key(counted_noun(first)), noun_key(counted_noun(c))
            return bool(n1 and n2 and n1 != n2) or (first.qualifier or "exact") != (c.qualifier or "exact")

        side_b = [c for c in cs if differs(c)]
        side_a = [c for c in cs if not differs(c)]
        # told differently by another article, not just headline against body
        if not side_b or len({root_of.get(c.article, c.article) for c in side_a + side_b}) < 2:
            continue
        b0 = side_b[0]
        told_a = " ".join(x for x in (first.number_text, first.counted) if x) or fmt_number(first.value)
        told_b = " ".join(x for x in (b0.number_text, b0.counted) if x) or fmt_number(b0.value)
        src = {cid: s.name for s in f.sources for cid in s.claims}
        out.append(Disagreement(
            id="d-" + short_hash("retelling", f.id), kind="retelling", series=series_of.get(f.id),
            fact_a=f.id, fact_b=f.id, reason="other_words",
            description=f"One fact ({f.label}) is told as “{told_a}” and as “{told_b}”.",
            side_a=[c.id for c in side_a], side_b=[c.id for c in side_b],
            sources_a=sorted({src[c.id] for c in side_a if c.id in src}),
            sources_b=sorted({src[c.id] for c in side_b if c.id in src})))
    return out


def build_disagreements(facts: list[Fact], series: list[Series], claims: dict[str, Claim],
                        root_of: dict[str, str], inside: Optional[dict[str, set[str]]] = None) -> list[Disagreement]:
    by_id = {f.id: f for f in facts}
    series_of = {p.fact: s.id for s in series for p in s.points}
    inside = containers(c.where for c in claims.values()) if inside is None else inside
    # facts some source is named for (not only an outlet's own words)
    attributed = {f.id for f in facts if f.kind == "figure" and f.measure and f.measure != "other"
                  and any(claims[c].attribution.source for c in f.claims if c in claims)}
    out = conflicts(series, by_id, inside, attributed) + revisions(facts, series_of, attributed) \
        + retellings(facts, claims, root_of, series_of)
    order = {"conflict": 0, "revision": 1, "retelling": 2}
    out.sort(key=lambda d: (order[d.kind], d.id))
    return out
