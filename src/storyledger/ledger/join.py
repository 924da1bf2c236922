"""Same fact, many tellings: join claims that state one thing into a Fact.

Figures are blocked by (measure, number) — "around 12,000" and "12,000" share a
block, 12,000 and 11,000 never meet — and within a block compared only while
their time windows can overlap (a sweep over start dates), so the work grows
with the block sizes, not with the square of all claims. Quotes and statements
are blocked by their normalised words (exact) plus MinHash LSH for light edits.

Two claims in a block are one fact when population, place, time and source are
compatible (see ``compatible``). Clusters grow by union-find; a merge is refused
when it would put two incompatible places, peoples or disjoint times into one
fact, so a vague claim cannot chain two different facts together.
"""
from __future__ import annotations

import bisect
import hashlib
import heapq
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from datetime import date
from typing import Iterator, NamedTuple, Optional

from storyledger.ledger.evidence import Corpus, Evidence, Side, agrees_by_names, canon, named_key, is_pronoun, mention_probes, related, \
    source_evidence, unnamed_source
from storyledger.ledger.places import distinct, within
from storyledger.ledger.sources import Chain, chain_of, chains_compatible, name_key, originator, \
    reporter, _covers, _MEDIA_TYPES
from storyledger.model import Amount, Article, Claim, Fact, FactSource, Join, Ledger, TimeSpan
from storyledger.tables import table
from storyledger.wording import fmt_amount, fmt_number

# A figure dated only by its telling or its publication ("said on Friday") may
# describe anything up to a month before that: its window reaches back this far.
SOFT_DAYS = 31
# Headline, caption and body of one article tell one story: allow small date slips.
SAME_ARTICLE_DAYS = 7
# Two outlets' dates for one figure may slip by this much when their sources agree outright.
NEAR_DAYS = 3
# Evidence a cross-article join needs (see ``judge``): sources that agree, or weaker source
# evidence backed by the same measure, a shared precise time or a precise number.
JOIN_SCORE = 2
_SOFT_BASES = {"published", "telling"}
# Counts of what has happened to people so far (the casualty family of data/measures.json):
# "six were killed", told on the 21st, fits six killed on the 4th. Their windows reach back like soft times.
CUMULATIVE = table("measures").set("casualty")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@lru_cache(maxsize=65536)
def day(s: Optional[str]) -> Optional[int]:
    """Ordinal day of an ISO date or datetime string; None if absent or unreadable."""
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10]).toordinal()
    except ValueError:
        return None


def short_hash(*parts: str, n: int = 12) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:n]


def _depl(w: str) -> str:
    if len(w) > 3 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


@lru_cache(maxsize=65536)
def pop_key(pop: Optional[str]) -> str:
    """"North Koreans" -> "north korean"."""
    return " ".join(_depl(w) for w in name_key(pop).split())


def noun_key(noun: Optional[str]) -> str:
    return pop_key(noun)


def pops_compatible(a: str, b: str) -> bool:
    """Equal, or equal up to initials ("n korean" ~ "north korean")."""
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    if not wa or not wb or len(wa) != len(wb):
        return False
    return all(x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))
               for x, y in zip(wa, wb))


# Words that say what kind of place, not which place: sharing one proves nothing.
_PLACE_GENERIC = {"s", "the", "of", "in", "on", "at", "to", "a", "an", "region", "regions", "province",
                  "area", "areas", "part", "parts", "border", "city", "town", "village", "country",
                  "north", "south", "east", "west", "northern", "southern", "eastern", "western",
                  "far", "near", "territory", "front", "line", "and",
                  # deictic: "our border" is the speaker's, whichever that is
                  "our", "their", "its", "this", "that", "here", "there"}


def places_compatible(a: str, b: str) -> bool:
    """None fits anything; else one place's words contain the other's ("Kursk" ~ "Kursk region"),
    one lies in the other by data/places.json ("Vladivostok" ~ "Russia's Far East"), or two longer
    descriptions share a word that names something ("occupied").

    "Khabarovsk" and "Vladivostok" both lie in Russia, neither in the other: they do not fit; nor do
    "Russia's Far East" and "Russia's Kursk region", two known places though their words nest.
    """
    if not a or not b or a == b:
        return True
    sa, sb = set(a.split()) - _PLACE_GENERIC, set(b.split()) - _PLACE_GENERIC
    if not sa or not sb:
        return True
    if within(a, b) or within(b, a):
        return True
    if distinct(a, b):
        return False  # "North Korea" and "South Korea" share "korea"; the table knows them apart
    if sa <= sb or sb <= sa:
        return True
    # "Russian-occupied areas" ~ "Russia": words of one stem
    return any(_stem_eq(x, y) for x in sa for y in sb if len(x) >= 4 and len(y) >= 4)


def place_key(where: Optional[str]) -> str:
    """Place words that name something; "" for none or a bare "the area"."""
    words = name_key(where).split()
    return " ".join(words) if set(words) - _PLACE_GENERIC else ""


def counted_noun(c: Claim) -> Optional[str]:
    """What a figure counts, lowercased; None when it only repeats the people ("six North Koreans")."""
    if not c.counted:
        return None
    key = noun_key(c.counted)
    if set(key.split()) <= set(pop_key(c.population).split()):
        return None
    return c.counted.lower().strip()


def _stem_eq(x: str, y: str) -> bool:
    if x == y:
        return True
    n = 0
    while n < min(len(x), len(y)) and x[n] == y[n]:
        n += 1
    return n >= 5 and len(x) - n <= 3 and len(y) - n <= 3


@dataclass
class Telling:
    """A claim with what the joiner needs worked out once."""

    claim: Claim
    article: Optional[Article]
    root: str                       # article id after following duplicate_of
    pub: Optional[int]
    start: Optional[int]            # matching window (soft times reach back)
    end: Optional[int]
    hard: bool                      # time from the claim's own words
    chain: Chain
    pop: str
    where: str
    side: Optional[Side] = None

    @property
    def id(self) -> str:
        return self.claim.id


def _roots(articles: dict[str, Article]) -> dict[str, str]:
    out = {}
    for aid in articles:
        seen, cur = {aid}, aid
        while articles.get(cur) and articles[cur].duplicate_of and articles[cur].duplicate_of in articles \
                and articles[cur].duplicate_of not in seen:
            cur = articles[cur].duplicate_of  # type: ignore[assignment]
            seen.add(cur)
        out[aid] = cur
    return out


def _side(c: Claim, chain: Chain, article_names: dict[str, tuple[str, ...]]) -> Side:
    a = c.attribution
    pronoun = is_pronoun(a.source) or (not a.source and is_pronoun(a.source_text))
    origin = "" if pronoun else canon(a.source)
    relays = tuple(canon(r.key) for r in chain.relays)
    named_as = name_key(a.source_text, spelling=True)
    words = name_key(c.text, spelling=True)
    return Side(origin=origin, pronoun=pronoun, roles=tuple(k for k in (name_key(a.role, spelling=True),) if k), relays=relays,
                via=tuple(canon(v) for v in a.via), named_as="" if named_as == origin else named_as,
                guessed=bool(a.source) and is_pronoun(a.source_text), unnamed=unnamed_source(origin, named_as, words),
                info=chain.origin, chain=chain, words=words,
                article_names=article_names.get(c.article, ()) if pronoun else ())


def article_names(claims: list[Claim]) -> dict[str, tuple[str, ...]]:
    """Named sources (and their roles) of each article: what a "he said" there may stand for."""
    named: dict[str, list[str]] = defaultdict(list)
    for c in claims:
        a = c.attribution
        for n in (canon(a.source) if a.source and not is_pronoun(a.source) else "", name_key(a.role, spelling=True)):
            if n and n not in named[c.article]:
                named[c.article].append(n)
    return {k: tuple(v) for k, v in named.items()}


def make_tellings(articles: list[Article], claims: list[Claim],
                  names: Optional[dict[str, tuple[str, ...]]] = None) -> list[Telling]:
    """``names``: ``article_names`` of all the articles' claims, when ``claims`` is only some of them
    (the incremental ledger update joins one block at a time)."""
    by_id = {a.id: a for a in articles}
    roots = _roots(by_id)
    article_names_ = article_names(claims) if names is None else names
    out = []
    for c in claims:
        art = by_id.get(c.article)
        pub = day(art.published) if art else None
        start = end = None
        hard = False
        if c.as_of is not None:
            start, end = day(c.as_of.start), day(c.as_of.end)
            if start is not None and end is None:
                end = start
            if end is not None and start is None:
                start = end
            hard = start is not None and c.as_of.basis not in _SOFT_BASES
        if start is None and pub is not None:
            start = end = pub
        if start is not None and (not hard or c.measure in CUMULATIVE):
            start -= SOFT_DAYS
        chain = chain_of(c, art)
        out.append(Telling(c, art, roots.get(c.article, c.article), pub, start, end, hard,
                           chain, pop_key(c.population), name_key(c.where), _side(c, chain, article_names_)))
    return out


def relay_of(c: Claim) -> Optional[tuple[str, list[str]]]:
    """(origin, relays) a figure claim adds to its block's ``relay_corpus``; None when it adds nothing."""
    a = c.attribution
    if not a.via or is_pronoun(a.source) or (not a.source and is_pronoun(a.source_text)):
        return None
    origin = canon(a.source)
    return (origin, [canon(v) for v in a.via]) if origin else None


def relay_corpus(tellings: list[Telling], relays: Optional[list[tuple[str, list[str]]]] = None) -> Corpus:
    """Who relays whom among the tellings of one number: "OCHA, citing the Libyan Red Crescent" links
    the two for that figure (not for every figure of the story). ``relays``: the block's ``relay_of``
    pairs instead (the incremental update joins part of a block with the whole block's corpus)."""
    corpus = Corpus()
    for origin, via in (relays if relays is not None else filter(None, (relay_of(t.claim) for t in tellings))):
        corpus.add(origin, via)
    return corpus


def _measure(c: Claim) -> str:
    return c.measure or "other"


def _specific(c: Claim) -> bool:
    """A number precise enough that two outlets giving it is itself evidence (11,300; 43,059; a range)."""
    if c.amount.is_range():
        return True
    v = c.amount.representative
    if v is None or not float(v).is_integer():
        return False
    digits = str(int(abs(v))).rstrip("0")
    return len(digits) >= 3 or (len(digits) == 2 and abs(v) < 1000)


def _counts_people(a: Telling, b: Telling) -> bool:
    """A figure whose measure was not recognised ("other") may still be the other's count of people:
    when it names a people, names nothing counted, or counts the same thing ("two months" never)."""
    if _measure(a.claim) != "other" or _measure(b.claim) == "other" and not a.claim.counted:
        return True
    return bool(a.pop) or not a.claim.counted or noun_key(a.claim.counted) == noun_key(b.claim.counted)


def judge(a: Telling, b: Telling, corpus: Corpus) -> Optional[tuple[str, ...]]:
    """Why two figure tellings of one number are one fact, or None when they are not.

    Vetoes: two different measures, numbers the hedges cannot share, places or peoples that
    differ, named sources known to differ, times apart. Otherwise source agreement, the time,
    the measure and the precision of the number are weighed together (``JOIN_SCORE``).
    """
    if _vetoed(a, b):
        return None
    return _weigh(a, b, source_evidence(a.side, b.side, corpus))  # type: ignore[arg-type]


def _vetoed(a: Telling, b: Telling) -> bool:
    """``judge``'s vetoes on what the two claims count: measure, counted noun, amount, people, place
    (nothing else is read: ``_Judgements`` remembers them by those fields)."""
    ca, cb = a.claim, b.claim
    ma, mb = _measure(ca), _measure(cb)
    if ma != mb and "other" not in (ma, mb):
        return True
    if not (_counts_people(a, b) and _counts_people(b, a)):
        return True
    if ca.amount.interval() is None or cb.amount.interval() is None or ca.amount.disjoint(cb.amount):
        return True
    return not places_compatible(a.where, b.where) or bool(a.pop and b.pop and not pops_compatible(a.pop, b.pop))


class _Trait(NamedTuple):
    """What ``_weigh`` reads of one telling, worked out once per telling (not once per pair)."""
    key: Optional[tuple]        # the amount's key
    measure: str
    specific: bool
    hard: bool
    named: bool                 # its side names an origin
    pronoun: bool
    pop: str
    root: str
    article: str
    start: Optional[int]
    end: Optional[int]


def _trait(t: Telling) -> _Trait:
    c = t.claim
    return _Trait(c.amount.key(), _measure(c), _specific(c), t.hard, bool(t.side.origin),  # type: ignore[union-attr]
                  bool(t.side.pronoun), t.pop, t.root, c.article, t.start, t.end)  # type: ignore[union-attr]


def _weigh(a: Telling, b: Telling, evidence: tuple[int, Optional[str]]) -> Optional[tuple[str, ...]]:
    """``judge`` after the vetoes, with the two sides' ``source_evidence``."""
    return _weigh_traits(_trait(a), _trait(b), evidence)


def _weigh_traits(a: _Trait, b: _Trait, evidence: tuple[int, Optional[str]]) -> Optional[tuple[str, ...]]:
    weight, code = evidence
    if a.key != b.key and weight < 2:
        return None  # a bare number is a range's end only when the sources agree
    gap = None if a.start is None or b.start is None else max(0, a.start - b.end, b.start - a.end)  # type: ignore[operator]
    if a.root == b.root:
        # one article (or its wire copy) tells one story: only two named, unrelated sources stay apart
        if (gap is not None and gap > SAME_ARTICLE_DAYS) or (weight < 0 and a.named and b.named):
            return None
        return ("same_article",) if a.article == b.article else ("wire_copy",)
    if weight < 0:
        return None
    if code is None and not (a.named or b.named or a.pronoun or b.pronoun) and a.pop and b.pop:
        weight, code = 1, "unattributed"
    why = [code] if code else []
    score = weight
    if a.key != b.key:  # a bare number against a range's end
        why.append("range_end")
    if gap is None:
        why.append("undated")
    elif gap == 0:
        hard = a.hard and b.hard
        score += hard
        why.append("same_time" if hard else "publication_window")
    elif gap <= NEAR_DAYS and weight >= 3:
        score -= 1
        why.append("near_time")
    else:
        return None
    if a.measure == b.measure and a.measure != "other":
        score += 1
        why.append("same_measure")
    if a.specific and b.specific:
        score += 1
        why.append("specific_number")
    return tuple(why) if score >= JOIN_SCORE else None


def compatible(a: Telling, b: Telling) -> bool:
    """Can two tellings in one block be the same fact?"""
    same = a.root == b.root
    if a.start is not None and b.start is not None:
        tol = SAME_ARTICLE_DAYS if same else 0
        if a.start > b.end + tol or b.start > a.end + tol:  # type: ignore[operator]
            return False
    if not places_compatible(a.where, b.where):
        return False
    attributed = a.chain.origin is not None and b.chain.origin is not None
    if attributed and not chains_compatible(a.chain, b.chain):
        return False
    if not attributed and not same:
        # across articles an unattributed telling needs a named people, and either another
        # unattributed telling or one passed on by the same wire or outlet (its own earlier report)
        if not (a.pop and b.pop):
            return False
        if (a.chain.origin is None) != (b.chain.origin is None) \
                and not {r.key for r in a.chain.relays} & {r.key for r in b.chain.relays}:
            return False
    if a.pop and b.pop:
        return pops_compatible(a.pop, b.pop)
    return same or attributed


_NO_CORPUS = Corpus()


class _Clusters:
    """Union-find whose merges must keep places, peoples and hard times consistent.

    Beside it, ``comp``: a plain union-find over every pair the join finds to be one fact, refused
    merges included (``link``). Its parts ("join parts") never meet: the join of a part's tellings
    alone gives the clusters the whole join gives them (unions, refusals and the once-per-cluster
    judging only ever look at pairs inside one part), which lets ``ledger_update`` join again only
    the parts new claims reach."""

    def __init__(self, tellings: list[Telling]):
        self.parent = list(range(len(tellings)))
        self.comp = list(range(len(tellings)))
        self.places = [{t.where} - {""} for t in tellings]
        self.pops = [{t.pop} - {""} for t in tellings]
        self.win = [(t.start, t.end) if t.hard else (None, None) for t in tellings]
        self.measures = [{_measure(t.claim)} - {"other"} if t.claim.kind == "figure" else set() for t in tellings]
        self.edges: dict[int, list[tuple[int, int, tuple[str, ...]]]] = defaultdict(list)
        # the named sources in each cluster: a chain through an unattributed telling must not join two
        # bodies known to differ
        self.sides: list[dict[str, list[Side]]] = [
            {t.side.origin: [t.side]} if t.side and t.side.origin and not t.side.guessed else {} for t in tellings]
        self.evidence = Evidence(_NO_CORPUS)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def cfind(self, i: int) -> int:
        comp = self.comp
        while comp[i] != i:
            comp[i] = comp[comp[i]]
            i = comp[i]
        return i

    def link(self, i: int, j: int) -> None:
        """i and j were found to be one fact (whether or not their clusters merge)."""
        ri, rj = self.cfind(i), self.cfind(j)
        if ri != rj:
            self.comp[max(ri, rj)] = min(ri, rj)

    def union(self, i: int, j: int, why: tuple[str, ...] = ()) -> bool:
        """Merge the clusters of i and j, a pair found to be one fact (so linked in ``comp`` even when
        the merge is refused); False when refused."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return True
        self.link(i, j)
        if len(self.measures[ri] | self.measures[rj]) > 1:  # "other" may not chain killed to missing
            return False
        si, sj = self.sides[ri], self.sides[rj]
        # a source both clusters hold is agreed on already; the others must not be known to differ
        evidence = self.evidence
        if any(all(evidence(x, y)[0] < 0 for x in xs for y in ys)
               for kx, xs in si.items() if kx not in sj for ky, ys in sj.items() if ky not in si):
            return False
        if not all(places_compatible(x, y) for x in self.places[ri] for y in self.places[rj]):
            return False
        if not all(pops_compatible(x, y) for x in self.pops[ri] for y in self.pops[rj]):
            return False
        (s1, e1), (s2, e2) = self.win[ri], self.win[rj]
        s = max(x for x in (s1, s2) if x is not None) if (s1 is not None or s2 is not None) else None
        e = min(x for x in (e1, e2) if x is not None) if (e1 is not None or e2 is not None) else None
        if s is not None and e is not None and s > e + SAME_ARTICLE_DAYS:
            return False
        lo, hi = sorted((ri, rj))
        self.parent[hi] = lo
        self.places[lo] |= self.places[hi]
        self.pops[lo] |= self.pops[hi]
        self.win[lo] = (s, e)
        self.measures[lo] |= self.measures[hi]
        for k, v in self.sides[hi].items():
            kept = self.sides[lo].setdefault(k, [])
            kept += [x for x in v if x.roles or x.named_as][:3 - len(kept)] if kept else v[:3]
        self.edges[lo] += self.edges.pop(hi, []) + [(i, j, why)]
        return True


def _text_keys(t: Telling) -> list[tuple]:
    """Where ``_TextWindow`` lists a telling: what ``compatible`` needs of two tellings of other
    articles (an attributed pair: ``chains_compatible``; otherwise named peoples, and for an
    attributed and an unattributed one a shared relay)."""
    keys: list[tuple] = [("root", t.root)]
    o, relays = t.chain.origin, [r.key for r in t.chain.relays]
    if o is None:
        return keys + ([("up",)] + [("upr", r) for r in relays] if t.pop else [])
    keys += [("ao", o.key)] + [("ar", r) for r in relays] + [("ac", c) for c in dict.fromkeys(t.chain.all())]
    keys += [("ag", o)] if o.generic else []
    return keys + ([("apr", r) for r in relays] if t.pop else [])


class _Listed:
    """Tellings listed under keys (each list of okeys kept sorted), and how many tellings stand under
    each key of the ``counted`` kinds (what a visit scans rather than looks up)."""

    def __init__(self, keys: dict[int, list[tuple]], counted: tuple[str, ...]):
        self.keys = keys
        self.of: dict[int, int] = {}                        # okey -> telling
        self.lists: dict[tuple, list[int]] = defaultdict(list)
        self.present: dict[str, Counter] = {k: Counter() for k in counted}

    def _count(self, key: tuple, step: int) -> None:
        counter = self.present[key[0]]
        counter[key[1]] += step
        if not counter[key[1]]:
            del counter[key[1]]

    def add(self, k: int, i: int) -> None:
        self.of[k] = i
        for key in self.keys[i]:
            bisect.insort(self.lists[key], k)
            if key[0] in self.present:
                self._count(key, 1)

    def remove(self, k: int, i: int) -> None:
        del self.of[k]
        for key in self.keys[i]:
            lst = self.lists[key]
            del lst[bisect.bisect_left(lst, k)]
            if key[0] in self.present:
                self._count(key, -1)


def _advance(heap: list[tuple[int, int, Iterator[int]]], drop: bool) -> None:
    """Past the first okey of ``streams``' heap: to its stream's next okey, or the whole stream
    dropped (its cluster joined the visiting telling's)."""
    k, r, it = heap[0]
    if not drop:
        for nxt in it:
            if nxt != k:
                heapq.heapreplace(heap, (nxt, r, it))
                return
    heapq.heappop(heap)


class _TextWindow(_Listed):
    """The tellings of one words block a visit can meet, listed by ``_text_keys`` and, under each
    key, by their cluster's root. A visit walks the clusters other than its own telling's, one stream
    each (``streams``), and drops a cluster's stream once it joins it: a block of one paragraph every
    article repeats soon holds one big cluster, whose every member a visit would otherwise meet
    again. Every union made while the window lives is reported (``merged``)."""

    def __init__(self, tellings: list[Telling], idx: list[int], find):
        super().__init__({i: _text_keys(tellings[i]) for i in idx}, ("ac", "ag"))
        self.tellings, self.find = tellings, find
        self.by_root: dict[tuple, dict[int, list[int]]] = defaultdict(dict)
        self.under: dict[int, set[tuple]] = defaultdict(set)   # root -> the keys its tellings stand under

    def add(self, k: int, i: int) -> None:
        self.of[k] = i
        r = self.find(i)
        under = self.under[r]
        for key in self.keys[i]:
            bisect.insort(self.by_root[key].setdefault(r, []), k)
            under.add(key)
            if key[0] in self.present:
                self._count(key, 1)

    def remove(self, k: int, i: int) -> None:
        del self.of[k]
        r = self.find(i)
        for key in self.keys[i]:
            lists = self.by_root[key]
            lst = lists[r]
            del lst[bisect.bisect_left(lst, k)]
            if not lst:
                del lists[r]
                self.under[r].discard(key)
            if key[0] in self.present:
                self._count(key, -1)

    def merged(self, a: int, b: int) -> None:
        """Clusters a and b (roots) became one, rooted at the smaller (``_Clusters.union``)."""
        lo, hi = (a, b) if a < b else (b, a)
        keys = self.under.pop(hi, None)
        if not keys:
            return
        self.under[lo] |= keys
        for key in keys:
            lists = self.by_root[key]
            moved, kept = lists.pop(hi), lists.get(lo)
            if kept is None:
                lists[lo] = moved
            else:
                kept += moved
                kept.sort()   # two sorted runs: merged in linear time

    def streams(self, look: list[tuple], skip: int) -> list[tuple[int, int, Iterator[int]]]:
        """A heap of (next okey, root, the rest) per cluster root but ``skip``: the okeys listed
        under any of the ``look`` keys, in order (an okey listed twice comes twice in a row)."""
        per_root: dict[int, list[list[int]]] = defaultdict(list)
        for key in dict.fromkeys(look):
            for r, lst in self.by_root.get(key, {}).items():
                if r != skip:
                    per_root[r].append(lst)
        heap = []
        for r, lsts in per_root.items():
            it = iter(lsts[0]) if len(lsts) == 1 else heapq.merge(*lsts)
            heap.append((next(it), r, it))
        heapq.heapify(heap)
        return heap

    def look(self, i: int) -> list[tuple]:
        """The keys of the tellings ``compatible`` may accept with ``i``."""
        t = self.tellings[i]
        o, relays = t.chain.origin, [r.key for r in t.chain.relays]
        look: list[tuple] = [("root", t.root)]
        if o is None:
            return look + (([("up",)] + [("apr", r) for r in relays]) if t.pop else [])
        look += [("ao", o.key), ("ar", o.key)] + [("ao", r) for r in relays]
        look += [("upr", r) for r in relays] if t.pop else []
        look += [("ac", c) for c in self.present["ac"] if o.generic and _covers(o, c)]
        return look + [("ag", g) for g in self.present["ag"] if any(_covers(g, c) for c in t.chain.all())]


def _sweep(idx: list[int], tellings: list[Telling], clusters: _Clusters) -> None:
    """Compare tellings of one block whose time windows can overlap (plus the undated), each only
    with the tellings ``_TextWindow`` finds it may be compatible with, in index order."""
    find = clusters.find

    def visit(i: int, win: _TextWindow) -> None:
        # the tellings of i's own cluster are never met: a union would change nothing (compatible is pure)
        ci = find(i)
        heap = win.streams(win.look(i), ci)
        while heap:
            k, r, _ = heap[0]
            j = win.of[k]
            joined = compatible(tellings[j], tellings[i]) and clusters.union(j, i, ("same_words",))
            if joined:
                win.merged(r, ci)
                ci = find(i)
            _advance(heap, joined)

    _sweep_in_time(idx, tellings, dict.fromkeys(idx, 0), lambda: _TextWindow(tellings, idx, find), visit)


def _evidence_key(sd: Optional[Side]) -> Optional[tuple]:
    """What ``source_evidence`` reads of one side: a named side's origin, names, relays and chain (its
    sentence only when the sentence does not name it), a pronoun's article names, an unattributed
    side's sentence and relays. Sides of one key get the same evidence against any other side."""
    if sd is None:
        return None
    if sd.origin:
        return ("n", sd.origin, sd.roles, sd.named_as, sd.relays, sd.info, sd.chain, sd.unnamed,
                sd.words if sd.unnamed else "", sd.guessed, sd.via)
    if sd.pronoun:
        return ("p", sd.article_names)
    return ("u", sd.words, sd.relays)


class _Judgements:
    """``judge`` for the tellings of one block, its pure parts remembered: the vetoes by what the two
    claims count (``_vetoed``), the source evidence by the two sides. A big story repeats its
    figures' sentences across its articles, so each distinct pair is worked out once (same answers)."""

    def __init__(self, tellings: list[Telling], idx: list[int], corpus: Corpus):
        self.tellings, self.corpus = tellings, corpus
        self.evidence_of = Evidence(corpus)
        counts: dict[tuple, int] = {}
        sides: dict[tuple, int] = {}
        self.counts, self.sides = {}, {}
        self.rep: dict[int, int] = {}          # a telling of each count class
        for i in idx:
            t, c, sd = tellings[i], tellings[i].claim, tellings[i].side
            self.counts[i] = counts.setdefault((c.measure, c.counted, c.value, c.low, c.high, c.qualifier,
                                                t.pop, t.where), len(counts))
            self.rep.setdefault(self.counts[i], i)
            self.sides[i] = sides.setdefault(_evidence_key(sd), len(sides))
        self.vetoes: dict[tuple[int, int], bool] = {}
        self.evidence: dict[tuple[int, int], tuple[int, Optional[str]]] = {}
        self.traits = {i: _trait(tellings[i]) for i in idx}

    def vetoed(self, x: int, y: int) -> bool:
        """``_vetoed`` between a telling of count class x and one of class y."""
        got = self.vetoes.get((x, y))
        if got is None:
            got = self.vetoes[(x, y)] = _vetoed(self.tellings[self.rep[x]], self.tellings[self.rep[y]])
        return got

    def __call__(self, j: int, i: int) -> Optional[tuple[str, ...]]:
        a, b = self.tellings[j], self.tellings[i]
        if self.vetoed(self.counts[j], self.counts[i]):
            return None
        sk = (self.sides[j], self.sides[i])
        ev = self.evidence.get(sk)
        if ev is None:
            ev = self.evidence[sk] = self.evidence_of(a.side, b.side)  # type: ignore[arg-type]
        return _weigh_traits(self.traits[j], self.traits[i], ev)


class _Info:
    """What the candidate index (``_Window``) reads of each telling of one block, worked out once.

    A later telling is judged the same fact as an earlier one only when (``_weigh_traits``) they
    share a root article, or their sources are not known to differ (``source_evidence`` >= 0):
    - two unattributed or pronoun sides: always possible;
    - a named side and an unattributed one: the latter's sentence holds one of the former's
      ``mention_probes``, or they share a relay;
    - two named sides: ``agrees_by_names`` of the earlier one's group (origin, naming words,
      roles, descriptor), or the later one's source is one of the earlier one's relays, or a
      generic later one covers a source of the earlier one's chain; a guessed or unnamed earlier
      side is always possible.
    A telling given by a pronoun or a guessed source meets the whole window.
    """

    def __init__(self, tellings: list[Telling], idx: list[int], corpus: Corpus, counts: dict[int, int],
                 evidence: Optional[Evidence] = None):
        self.corpus, self.counts = corpus, counts
        self.evidence = evidence or Evidence(corpus)
        self.side = {i: tellings[i].side for i in idx}
        self.probes: dict[int, frozenset[str]] = {}
        self.me: dict[int, int] = {}            # i -> what ``agrees_by_names`` reads of i's side, as an int
        self.keys: dict[int, list[tuple]] = {}
        self.group: dict[int, int] = {}
        self.every: set[int] = set()
        owns: dict[tuple, int] = {}
        groups: dict[tuple, int] = {}
        self.reps: list[Side] = []              # one side per group
        self.mine: dict[tuple, int] = {}
        for i in idx:
            t, sd = tellings[i], tellings[i].side
            own = owns.setdefault((sd.origin, t.root), len(owns))  # type: ignore[union-attr]
            self.keys[i] = [("own", own), ("root", t.root), ("cls", counts[i])] + self._kind_keys(i, sd, groups)  # type: ignore[arg-type]
        self.memo: dict[tuple[int, int], bool] = {}

    def _kind_keys(self, i: int, sd: Side, groups: dict[tuple, int]) -> list[tuple]:
        relays = sorted(set(sd.relays))
        if sd.pronoun:
            self.every.add(i)
            return [("P",)]
        if not sd.origin:
            return [("U",)] + [("uw", w) for w in sorted(set(sd.words.split()))] + [("ur", r) for r in relays]
        self.probes[i] = mention_probes(sd)
        self.me[i] = self.mine.setdefault(named_key(sd), len(self.mine))
        keys = [("np", w) for w in sorted(self.probes[i])] + [("nr", r) for r in relays] + \
            [("nc", c) for c in dict.fromkeys(sd.chain.all())]
        if sd.guessed:
            self.every.add(i)
        if sd.guessed or sd.unnamed:
            return keys + [("nwild",)]
        g = self.group[i] = groups.setdefault((sd.origin, sd.named_as, sd.roles, sd.info), len(groups))
        if g == len(self.reps):
            self.reps.append(sd)
        return keys + [("g", g), ("go", sd.origin)] + ([("gd", sd.info)] if sd.info is not None and sd.info.generic else [])

    def agrees(self, g: int, i: int) -> bool:
        key = (g, self.me[i])
        got = self.memo.get(key)
        if got is None:
            # ``agrees_by_names``: both sides without relays and chain, as ``Evidence.names`` reads them
            got = self.memo[key] = self.evidence.names(self.reps[g], self.side[i])[0] >= 0  # type: ignore[arg-type]
        return got


_COUNTED = ("cls", "g", "go", "gd", "nr", "nc")   # list kinds a named telling's visit scans (the others it looks up)


class _Window(_Listed):
    """The tellings a visit can meet, each listed (in judging order) under the keys ``_Info`` gives."""

    def __init__(self, info: _Info):
        super().__init__(info.keys, _COUNTED)
        self.info = info
        self.ordered: list[int] = []                        # every okey, sorted

    def add(self, k: int, i: int) -> None:
        super().add(k, i)
        bisect.insort(self.ordered, k)

    def remove(self, k: int, i: int) -> None:
        super().remove(k, i)
        del self.ordered[bisect.bisect_left(self.ordered, k)]

    def candidates(self, i: int) -> list[int]:
        """The okeys of the tellings ``i`` may be judged one fact with, in judging order."""
        nf, lists = self.info, self.lists
        if i in nf.every:
            return self.ordered
        sd = nf.side[i]
        found = set(lists[("P",)]) | set(lists[("root", nf.keys[i][1][1])])
        if not sd.origin:  # type: ignore[union-attr]
            found.update(lists[("U",)])
            for kind, words in (("np", set(sd.words.split())), ("nr", sd.relays)):  # type: ignore[union-attr]
                for w in words:
                    found.update(lists.get((kind, w), ()))
            return sorted(found)
        for kind, words in (("uw", nf.probes[i]), ("ur", sd.relays)):  # type: ignore[union-attr]
            for w in words:
                found.update(lists.get((kind, w), ()))
        found.update(lists[("nwild",)])
        found.update(k for g in self.present["g"] if nf.agrees(g, i) for k in lists[("g", g)])
        # what ``agrees`` leaves out of i's side: its relays naming the group's source, its chain
        # covered by a generic group
        relays = sd.relays  # type: ignore[union-attr]
        found.update(k for o in self.present["go"] if any(related(o, r) for r in relays) for k in lists[("go", o)])
        found.update(k for d in self.present["gd"] if any(_covers(d, c) for c in sd.chain.relays)  # type: ignore[union-attr]
                     for k in lists[("gd", d)])
        found.update(k for r in self.present["nr"] if related(sd.origin, r) for k in lists[("nr", r)])  # type: ignore[union-attr]
        if sd.info is not None and sd.info.generic:  # type: ignore[union-attr]
            found.update(k for c in self.present["nc"] if _covers(sd.info, c) for k in lists[("nc", c)])  # type: ignore[union-attr]
        return sorted(found)

    def unvetoed(self, cands: list[int], i: int, judged_by: _Judgements) -> list[int]:
        """The candidates whose count class ``_vetoed`` does not set apart from i's."""
        ci = self.info.counts[i]
        present = self.present["cls"]
        allowed = {c for c in present if not judged_by.vetoed(c, ci)}
        if len(allowed) == len(present):
            return cands
        counts, of = self.info.counts, self.of
        return [k for k in cands if counts[of[k]] in allowed]

    def shadowed(self, j: int, k: int, cj: int, find) -> bool:
        """Is an earlier telling of j's (cluster, source, article) in the window (judged for it)?"""
        for q in self.lists[self.info.keys[j][0]]:
            if q >= k:
                return False
            if find(self.of[q]) == cj:
                return True
        return False


def _visit_figure(i: int, win: _Window, judged_by: _Judgements, clusters: _Clusters) -> None:
    """Judge i once against each (cluster, source, article) among the tellings it can meet, through
    the first of them in judging order (rank, then index): a body sentence that names the measure
    speaks for a headline's bare "7K more troops". A first member that is no candidate still stands
    for its (cluster, source, article), which is then passed over (``_Window.shadowed``)."""
    find, info = clusters.find, win.info
    ci = find(i)
    judged: set[tuple[int, int]] = set()
    cands = win.unvetoed(win.candidates(i), i, judged_by)
    every = cands is win.ordered
    for k in cands:
        j = win.of[k]
        cj = find(j)
        if cj == ci:
            continue
        key = (cj, info.keys[j][0][1])
        passed = key in judged
        if not passed:
            judged.add(key)
            passed = not every and win.shadowed(j, k, cj, find)
        if passed:
            # not judged for the clusters, but for the join parts (``_Clusters.comp``) all the same
            if clusters.cfind(j) != clusters.cfind(i) and judged_by(j, i) is not None:
                clusters.link(j, i)
            continue
        why = judged_by(j, i)
        if why is not None and clusters.union(j, i, why):
            ci = find(i)


def _sweep_in_time(idx: list[int], tellings: list[Telling], rank: dict[int, int], window, visit) -> None:
    """Visit each telling of one block with a fresh ``window()`` of the tellings it can meet, listed in
    judging order (``rank``, then this order): the dated by start, each with the dated ones whose
    time (plus ``SAME_ARTICLE_DAYS``) it can overlap; then each undated with the earlier undated and
    every dated one."""
    dated = sorted((i for i in idx if tellings[i].start is not None),
                   key=lambda i: (tellings[i].start, tellings[i].claim.id))
    undated = sorted((i for i in idx if tellings[i].start is None), key=lambda i: tellings[i].claim.id)
    n_all = len(tellings)
    win = window()
    active: list[tuple[int, int]] = []   # heap of (end + tolerance, index)
    for i in dated:
        t = tellings[i]
        while active and active[0][0] < t.start:  # type: ignore[operator]
            _, j = heapq.heappop(active)
            win.remove(rank[j] * n_all + j, j)
        visit(i, win)
        heapq.heappush(active, (t.end + SAME_ARTICLE_DAYS, i))  # type: ignore[operator]
        win.add(rank[i] * n_all + i, i)
    if not undated:
        return
    m = len(idx) + 1
    win = window()
    for p, i in enumerate(dated):
        win.add(rank[i] * 2 * m + m + p, i)
    for n, i in enumerate(undated):
        visit(i, win)
        win.add(rank[i] * 2 * m + n, i)


def _sweep_figures(idx: list[int], tellings: list[Telling], clusters: _Clusters, corpus: Corpus) -> None:
    """Join figure tellings of one number block whose windows can meet (plus the undated).

    A telling is judged once against each (cluster, source, article) among the tellings it can
    meet (``_visit_figure``); only the candidates ``_Window`` finds can be judged the same fact.
    The pure parts of a judgement are remembered (``_Judgements``).
    """
    judged_by = _Judgements(tellings, idx, corpus)
    info = _Info(tellings, idx, corpus, judged_by.counts, judged_by.evidence_of)
    rank = {i: 2 * (_measure(tellings[i].claim) == "other") + (tellings[i].claim.field == "title") for i in idx}
    _sweep_in_time(idx, tellings, rank, lambda: _Window(info),
                   lambda i, win: _visit_figure(i, win, judged_by, clusters))


def _text_key(c: Claim) -> str:
    return " ".join(_WORD.findall((c.quote if c.kind == "quote" and c.quote else c.text).lower()))


@lru_cache(maxsize=1)
def _minhash_scheme() -> tuple:
    from datasketch import MinHash
    proto = MinHash(num_perm=64, seed=1)
    return proto.permutations, proto.scheme  # shared: building them per text is costly


@lru_cache(maxsize=65536)
def text_minhash(key: str) -> tuple:
    """(MinHash, shingles) of a text key's word 3-shingles, 64 permutations, seed 1: made once per
    text and shared by the join and the incremental update's LSH band keys (never mutate it)."""
    from datasketch import MinHash
    perms, scheme = _minhash_scheme()
    words = key.split()
    shingles = frozenset(" ".join(words[i:i + 3]).encode("utf-8") for i in range(max(1, len(words) - 2)))
    m = MinHash(num_perm=64, seed=1, permutations=perms, scheme=scheme)
    m.update_batch(sorted(shingles))
    return m, shingles


def _join_texts(idx: list[int], tellings: list[Telling], clusters: _Clusters,
                firsts: Optional[dict[tuple[str, str], str]] = None) -> None:
    """Quotes and statements: same words (exactly, or nearly by MinHash) and compatible sources.
    Nearly the same words join through each words block's first claim; ``firsts``: the first claim
    id of each whole block, when only some of its claims are here (a block without it joins none)."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in idx:
        blocks[(tellings[i].claim.kind, _text_key(tellings[i].claim))].append(i)
    for (_, key), members in sorted(blocks.items()):
        if key and len(members) > 1:
            _sweep(members, tellings, clusters)
    keys = sorted(k for k in blocks if len(k[1].split()) >= 6
                  and (firsts is None or tellings[blocks[k][0]].id == firsts[k]))
    if len(keys) < 2:
        return
    from datasketch import MinHashLSH  # only needed when there are texts to compare

    lsh = MinHashLSH(threshold=0.8, num_perm=64)
    sigs = {}
    for n, k in enumerate(keys):
        sigs[n] = text_minhash(k[1])
        lsh.insert(str(n), sigs[n][0])
    for n, k in enumerate(keys):
        for other in sorted(int(x) for x in lsh.query(sigs[n][0])):
            if other <= n or keys[other][0] != k[0]:
                continue
            a, b = sigs[n][1], sigs[other][1]
            if len(a & b) / max(1, len(a | b)) < 0.8:
                continue
            i, j = blocks[k][0], blocks[keys[other]][0]
            if clusters.find(i) != clusters.find(j) and compatible(tellings[i], tellings[j]):
                clusters.union(i, j, ("similar_words",))


def _number_blocks(c: Claim) -> list[tuple]:
    """The blocks a figure sits in: its number, and for a range also each end ("190,000" in a headline)."""
    nk = c.amount.key()
    if nk is None:
        return []
    if nk[0] == "r":
        return [nk, ("v", nk[1]), ("v", nk[2])]
    return [nk]


def cluster(tellings: list[Telling], corpora: Optional[dict[tuple, list]] = None,
            parts: Optional[dict[str, str]] = None, firsts: Optional[dict[tuple[str, str], str]] = None) \
        -> tuple[list[list[Telling]], dict[str, list[tuple[str, str, tuple[str, ...]]]]]:
    """Groups of tellings that state one fact, each sorted by publication then claim id, and
    for each group (keyed by its smallest claim id) the joins that made it.

    ``corpora``: each number block's ``relay_of`` pairs (when the tellings are only part of the
    blocks) and ``firsts`` each words block's first claim (``_join_texts``); ``parts``: filled with each
    claim's join part (``_Clusters``), named by its smallest claim id."""
    clusters = _Clusters(tellings)
    blocks: dict[tuple, list[int]] = defaultdict(list)
    texts: list[int] = []
    for i, t in enumerate(tellings):
        c = t.claim
        if c.kind == "figure":
            for key in _number_blocks(c):
                blocks[key].append(i)
        else:
            texts.append(i)
    for key in sorted(blocks, key=repr):
        if len(blocks[key]) > 1:
            corpus = relay_corpus([tellings[i] for i in blocks[key]], None if corpora is None else corpora[key])
            _sweep_figures(blocks[key], tellings, clusters, corpus)
    _join_texts(texts, tellings, clusters, firsts)
    if parts is not None:
        first: dict[int, str] = {}
        for i, t in enumerate(tellings):
            r = clusters.cfind(i)
            if r not in first or t.id < first[r]:
                first[r] = t.id
        parts.update((t.id, first[clusters.cfind(i)]) for i, t in enumerate(tellings))
    groups: dict[int, list[Telling]] = defaultdict(list)
    for i, t in enumerate(tellings):
        groups[clusters.find(i)].append(t)
    joins = {min(t.id for t in g): [(tellings[i].id, tellings[j].id, why) for i, j, why in clusters.edges.get(r, [])]
             for r, g in groups.items()}
    out = [sorted(g, key=_tell_order) for g in groups.values()]
    out.sort(key=lambda g: _tell_order(g[0]))
    return out, joins


def _tell_order(t: Telling) -> tuple:
    return (t.pub if t.pub is not None else 10**9, t.claim.field != "title", t.claim.id)


# -- facts -------------------------------------------------------------------

def _fold_origins(group: list[Telling], roots: dict[str, Article]) -> dict[str, str]:
    """Originator of each claim, with relays and vague descriptors folded into who they relay.

    "Kyiv Post" (source) folds into "Ukrainian intelligence" when another telling
    says the Kyiv Post was citing Ukrainian intelligence; "Ukrainian media" folds
    into the Ukrainian outlet or source it describes. Returns claim id -> name.
    """
    # an unattributed wire copy is told by the wire of the article it duplicates
    names = {t.id: originator(t.claim, roots.get(t.root) or t.article) for t in group}
    if len(group) == 1:
        return names        # nothing to fold into (most facts have one telling)
    keys = {t.id: t.chain.origin.key if t.chain.origin else name_key(names[t.id]) for t in group}
    display: dict[str, str] = {}
    for t in sorted(group, key=lambda t: name_key(names[t.id]) != keys[t.id]):  # the canonical spelling first
        display.setdefault(keys[t.id], names[t.id])
    target: dict[str, str] = {}
    tried: set[tuple] = set()
    for t in group:
        k = keys[t.id]
        # a key, source and "via" tried once stay unfolded: the candidates below only shrink as
        # ``target`` grows (a big fact's tellings share a few keys: not once per telling)
        probe = (k, t.chain.origin, bool(t.claim.attribution.via))
        if k in target or probe in tried:
            continue
        tried.add(probe)
        for u in group:
            ku = keys[u.id]
            if ku == k or u.chain.origin is None:
                continue
            if any(r.key == k for r in u.chain.relays):
                target[k] = ku
                break
        else:
            info = t.chain.origin
            if info is not None and info.generic:
                for u in group:
                    ku, uo = keys[u.id], u.chain.origin
                    # fold into a specific source, or into a vague one that tells the path it took
                    if ku == k or uo is None or target.get(ku) == k:
                        continue
                    if uo.generic and not (u.claim.attribution.via and not t.claim.attribution.via):
                        continue
                    if any(_covers(info, s) for s in u.chain.all()):
                        target[k] = ku
                        break

    # an unattributed telling joined to attributed ones (its sentence named the source, or its
    # outlet reported the figure with its source before) is theirs, not the outlet's own figure
    named = _most_common([keys[t.id] for t in group if t.claim.attribution.source])
    if named:
        for t in group:
            if not t.claim.attribution.source and keys[t.id] != named:
                target.setdefault(keys[t.id], named)

    def resolve(k: str) -> str:
        seen = {k}
        while k in target and target[k] not in seen:
            k = target[k]
            seen.add(k)
        return k

    return {t.id: display[resolve(keys[t.id])] for t in group}





MEASURE_WORDS = table("measures").map("words")


def _most_common(values: list[Optional[str]]) -> Optional[str]:
    """The most frequent value (ties: the one seen first); None when there is none."""
    vals = [v for v in values if v]
    if len(vals) <= 1:
        return vals[0] if vals else None     # most facts have one telling
    counts = Counter(vals)      # in order of first appearance: max keeps the first of the most frequent
    return max(counts, key=counts.__getitem__)


def _pick_as_of(group: list[Telling]) -> Optional[TimeSpan]:
    """The most precise time any telling gives (its own words over the publication date)."""
    cands = [t for t in group if t.claim.as_of is not None and day(t.claim.as_of.start) is not None]
    if not cands:
        return None
    # a telling that names the source dates the figure before an outlet's own retelling of it
    best = min(cands, key=lambda t: (not t.claim.attribution.source, not t.hard,
                                     (day(t.claim.as_of.end) or 0) - (day(t.claim.as_of.start) or 0),
                                     t.claim.as_of.start, t.claim.id))
    return best.claim.as_of


def fact_label(kind: str, value: Optional[float], low: Optional[float], high: Optional[float],
               qualifier: Optional[str], population: Optional[str], counted: Optional[str],
               measure: Optional[str], where: Optional[str], origin: Optional[str], text: str = "") -> str:
    if kind != "figure":
        words = text.strip()
        words = words if len(words) <= 160 else words[:157].rstrip() + "..."
        return f"{origin}: {words}" if origin else words
    num = fmt_amount(Amount.model_construct(value=value, low=low, high=high, qualifier=qualifier,
                                            vague=qualifier == "vague"))
    parts = [num, population or "", counted or ("people" if measure and measure != "other" else ""),
             MEASURE_WORDS.get(measure or "", "")]
    label = " ".join(p for p in parts if p)
    if where and len(where.split()) <= 4:  # a place, not a described circumstance
        label += f" {'to' if measure == 'planned' else 'in'} {where}"
    if origin:
        label += f" ({origin})"
    return label


def make_fact(group: list[Telling], roots: dict[str, Article]) -> Fact:
    """A fact (id filled in later) from its tellings, earliest first."""
    first = group[0]
    claims = [t.claim for t in group]
    origins = _fold_origins(group, roots)
    # sources: distinct originators; duplicates of one article and relays are not new sources
    by_src: dict[str, list[Telling]] = {}
    for t in group:
        by_src.setdefault(origins[t.id], []).append(t)
    sources = []
    relays: list[str] = []
    origin_names = set(by_src)
    for name, ts in by_src.items():
        via: list[str] = []
        for t in ts:
            own = t.claim.attribution.source
            info = t.chain.origin
            # a folded source relayed the story, unless it was only a vague name for the originator
            relayed = bool(own) and info is not None and info.key != name_key(name) \
                and (not info.generic or info.type in _MEDIA_TYPES)
            names = ([own] if relayed else []) + list(t.claim.attribution.via)
            rart = roots.get(t.root) or t.article
            names += [n for n in (reporter(t.article), reporter(rart)) if n]
            for n in names:
                if n and n not in via and n != name:
                    via.append(n)
        pubs = [t.article.published for t in ts if t.article and t.article.published]
        sources.append(FactSource.model_construct(name=name, first_published=min(pubs, key=lambda p: (day(p), p)) if pubs else None,
                                  claims=[t.id for t in ts], via=via))
        relays += [v for v in via if v not in relays and v not in origin_names]
    sources.sort(key=lambda s: (day(s.first_published) or 10**9, s.first_published or "", s.name))
    # the most tellings; ties: the source told first (by_src is in the order of first telling)
    origin = max(by_src, key=lambda n: len(by_src[n]))
    first_art = next((t.article for t in group if t.article and t.article.published), first.article)
    # the body's careful wording over a headline's or standfirst's shorthand ("around 10,000" over "10,000")
    c0 = next((t.claim for t in sorted(group, key=lambda t: (t.claim.field == "title", (t.claim.qualifier or "exact") == "exact"))
               if t.claim.value is not None or t.claim.high is not None), first.claim)
    where = _most_common([t.claim.where for t in group])
    counted = _most_common([counted_noun(t.claim) for t in group])
    population = _most_common([t.claim.population for t in group])
    # a telling whose measure went unrecognised ("other") does not outvote the ones that name it
    measure = _most_common([t.claim.measure for t in group if t.claim.measure != "other"]) \
        or _most_common([t.claim.measure for t in group])
    label = fact_label(first.claim.kind, c0.value, c0.low, c0.high, c0.qualifier, population, counted,
                       measure, where, origin, (first.claim.quote and f"“{first.claim.quote}”") or first.claim.text)
    articles = list(dict.fromkeys(t.claim.article for t in group))   # in order, each once
    # inputs are validated model objects already: skip re-validation (a third of the cost)
    return Fact.model_construct(
        id="", kind=first.claim.kind, claims=[c.id for c in claims], label=label,
        measure=measure, population=population, counted=counted,
        value=c0.value, low=c0.low, high=c0.high, qualifier=c0.qualifier, where=where,
        as_of=_pick_as_of(group), origin=origin,
        first_reporter=reporter(first_art) if first_art else None,
        first_published=first_art.published if first_art else None,
        first_article=first_art.id if first_art else None,
        sources=sources, relays=relays, articles=articles,
        joins=[])   # given: pydantic's default_factory check inspects a signature on every call


def assign_ids(facts: list[Fact], previous: Optional[Ledger]) -> None:
    """Stable fact ids.

    A fact keeps the id of the previous ledger's fact it shares most claims with
    (each previous id used once), so adding articles never renames a fact. A new
    fact is named by a hash of its smallest claim id, which depends only on the
    claims, so the same inputs always give the same ids.
    """
    taken: set[str] = set()
    if previous is not None and previous.facts:
        prev_of: dict[str, str] = {}
        for pf in previous.facts:
            for cid in pf.claims:
                prev_of.setdefault(cid, pf.id)
        pairs = []
        for n, f in enumerate(facts):
            overlap = Counter(prev_of[c] for c in f.claims if c in prev_of)
            pairs += [(-k, pid, min(f.claims), n) for pid, k in overlap.items()]
        for _, pid, _, n in sorted(pairs):
            if not facts[n].id and pid not in taken:
                facts[n].id = pid
                taken.add(pid)
        taken |= {pf.id for pf in previous.facts}  # never hand a retired id to another fact
    for f in sorted((f for f in facts if not f.id), key=lambda f: min(f.claims)):
        for cid in sorted(f.claims):
            cand = "f-" + short_hash(cid)
            if cand not in taken:
                break
        else:
            base, k = "f-" + short_hash(min(f.claims)), 2
            while f"{base}-{k}" in taken:
                k += 1
            cand = f"{base}-{k}"
        f.id = cand
        taken.add(cand)


def build_facts(articles: list[Article], claims: list[Claim], previous: Optional[Ledger],
                names: Optional[dict[str, tuple[str, ...]]] = None, corpora: Optional[dict[tuple, list]] = None,
                parts: Optional[dict[str, str]] = None, firsts: Optional[dict[tuple[str, str], str]] = None) \
        -> tuple[list[Fact], list[Telling]]:
    """``corpora``, ``parts`` and ``firsts``: as ``cluster`` reads and fills them."""
    tellings = make_tellings(articles, claims, names)
    by_id = {a.id: a for a in articles}
    groups, joins = cluster(tellings, corpora, parts, firsts)
    facts = []
    for g in groups:
        f = make_fact(g, by_id)
        f.joins = [Join.model_construct(a=x, b=y, why=list(why)) for x, y, why in joins.get(min(t.id for t in g), [])]
        facts.append(f)
    assign_ids(facts, previous)
    facts.sort(key=lambda f: (day(f.first_published) or 10**9, f.first_published or "", f.id))
    return facts, tellings
