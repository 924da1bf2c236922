"""Series: the facts about one quantity (whose people, what is counted, where), in time order.

A series is keyed by population and measure. Place splits it only where a fact
names a place other than the series' main one (the place most facts give): the
NIS's 1,500 in the Far East is not a point on the country-wide planned total.
A figure that names no population counts everyone the story counts ("11,300 people
killed", "the toll") or the group its noun names ("101 health workers"): its own
series. Figures counting "other" things form no series.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Optional

from storyledger.ledger.join import _PLACE_GENERIC as _GENERIC, counted_noun, day, noun_key, place_key, places_compatible, pop_key, short_hash, _most_common
from storyledger.ledger.places import within
from storyledger.ledger.sources import name_key
from storyledger.model import Claim, Fact, Series, SeriesPoint
from storyledger.tables import table

MAX_SCOPE_WORDS = 4
CASUALTY = table("measures").set("casualty")    # one noun, "casualties", for the family
SERIES_KIND_WORDS = {"increment": "additional", "projection": "expected", "unit": "one unit"}
SERIES_MEASURE_WORDS = table("measures").map("series_words")
WHOLE_NOUNS = table("figures").set("whole_people_nouns")
PEOPLE_NOUNS = table("lexicon").set("people_nouns")
EVERYONE = "*"      # the key of a series of everyone the story counts (no population, a general noun)


def population_key(f: Fact) -> Optional[str]:
    """Whose count a figure fact is, as a series key: its population ("north korean"); with none,
    everyone (``EVERYONE``) when its noun counts people in general, else the group its noun names
    ("health worker"); None when it is in no series (no figure, no measure, "other", or a noun
    that counts no people)."""
    if f.kind != "figure" or not f.measure or f.measure == "other":
        return None
    pk = pop_key(f.population)
    if pk:
        return pk
    noun = noun_key(f.counted)
    heads = {noun.split()[-1], (f.counted or "").lower().split()[-1]} if noun else set()
    if not heads or heads & WHOLE_NOUNS:
        return EVERYONE
    return noun if heads & PEOPLE_NOUNS else None


def point_of(f: Fact) -> SeriesPoint:
    return SeriesPoint.model_construct(fact=f.id, source=f.origin, value=f.value, low=f.low, high=f.high,
                       qualifier=f.qualifier, as_of=f.as_of, published=f.first_published, claims=list(f.claims))


def _point_order(p: SeriesPoint) -> tuple:
    return (p.as_of.start if p.as_of else "9999", p.as_of.end if p.as_of else "9999",
            day(p.published) or 10**9, p.fact)


def series_label(population: Optional[str], noun: str, scope: Optional[str], measure: str) -> str:
    head = f"{population or ''} {noun}".strip()
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


# Words beside a number that make it an increment ("1,000 more", "another 1,500", "reinforcements"):
# counts added to a total, their own series linked to the total's.
_INCREMENT_AFTER = re.compile(r"^\s*(?:more|additional|extra|further|new|fresh)\b", re.I)
_INCREMENT_BEFORE = re.compile(r"\b(?:another|further|additional|extra|more|second|new|fresh)\s+(?:group of\s+)?$", re.I)
_INCREMENT_NOUNS = {"reinforcement", "reinforcements", "replacements"}
# A number sizing one formation ("a single battalion of up to 3,000") counts a part of the force.
_UNIT_BEFORE = re.compile(r"\b(?:battalion|brigade|regiment|company|unit|division|detachment|squad)s?\s+of\s+"
                          r"(?:up to |about |around |some |roughly |nearly )?$", re.I)


def _is_increment(c: Claim) -> bool:
    if c.counted and c.counted.lower().split()[-1] in _INCREMENT_NOUNS:
        return True
    if c.number_start is None or c.number_end is None:
        return False
    return bool(_INCREMENT_AFTER.match(c.text[c.number_end:c.number_end + 24])
                or _INCREMENT_BEFORE.search(c.text[max(0, c.number_start - 24):c.number_start]))


def _is_unit(c: Claim) -> bool:
    return c.number_start is not None and bool(_UNIT_BEFORE.search(c.text[max(0, c.number_start - 40):c.number_start]))


def variant(f: Fact, claims: dict[str, Claim]) -> str:
    """What kind of count a fact is within its measure: "" a total, "increment" an addition to it,
    "projection" what a source expects by a later time (never set against a plan or a count),
    "unit" the size of one formation within the force ("a battalion of up to 3,000")."""
    cs = [claims[c] for c in f.claims if c in claims]
    if not cs:
        return ""
    if sum(_is_increment(c) for c in cs) * 2 > len(cs):
        return "increment"
    if any(_is_unit(c) for c in cs):
        return "unit"
    if sum(c.attribution.modality == "projection" for c in cs) * 2 > len(cs):
        return "projection"
    return ""


def _sub_scope(where: Optional[str], main: str, inside: dict[str, set[str]], known: bool = True) -> str:
    """The place words that make a fact's place a part of the main one ("kursk" for "Russia's Kursk
    region" in "Russia"); "" when it is the main place itself. The articles' own words (``inside``)
    place it, and when ``known`` so does data/places.json ("Vladivostok" lies in Russia)."""
    if not main:
        return ""
    words = set(scope_words(where, inside).split()) - _GENERIC
    main_words = set(main.split()) - _GENERIC
    if known and within(place_key(where), main):
        words |= main_words
    extra = words - main_words
    return " ".join(sorted(extra)) if main_words and main_words <= words and extra else ""


def _scopes(fs: list[Fact], inside: dict[str, set[str]]) -> tuple[str, dict[str, list[Fact]]]:
    """The main place of a group of facts, and the facts by scope: "" the main place (or none
    named), a part's words for a part of it, a place's key for an unrelated place."""
    places = Counter(place_key(f.where) for f in fs if place_key(f.where))
    main = min(places, key=lambda k: (-sum(1 for f in fs if places_compatible(scope_words(f.where, inside), k)),
                                      len(k.split()), -places[k], k)) if places else ""
    # a place named once is the main one only when the articles themselves put another inside it: a
    # region the table knows ("Russia's Far East" holds Khabarovsk) would take every unplaced total
    if len(places) > 1 and places[main] < 2 and not any(_sub_scope(f.where, main, inside, known=False) for f in fs):
        main = ""
    parts: dict[str, list[Fact]] = defaultdict(list)
    for f in fs:
        k = place_key(f.where)
        if not k:
            parts[""].append(f)
        elif main and places_compatible(scope_words(f.where, inside), main):
            sub = _sub_scope(f.where, main, inside)
            parts["part:" + sub if sub else ""].append(f)
        else:
            parts[k].append(f)
    return main, parts


def build_series(facts: list[Fact], claims: dict[str, Claim],
                 inside: Optional[dict[str, set[str]]] = None) -> list[Series]:
    """Series of one quantity each: population, measure, total/increment/projection and place scope;
    a part of the main place and an increment or projection are their own series, linked to it.
    ``inside``: ``containers`` of every claim's place when ``claims`` is only some of them."""
    inside = containers(c.where for c in claims.values()) if inside is None else inside
    groups: dict[tuple[str, str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        pk = population_key(f)
        if pk and (f.value is not None or f.low is not None or f.high is not None):
            groups[(pk, f.measure, variant(f, claims))].append(f)
    out: list[Series] = []
    base_id: dict[tuple[str, str, str], str] = {}
    for (pk, measure, kind), fs in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] != "", kv[0])):
        main, parts = _scopes(fs, inside)
        main_id = "s-" + short_hash(pk, measure, main, *([kind] if kind else []))
        for scope_key, members in sorted(parts.items()):
            sub = scope_key.startswith("part:")
            key = scope_key[5:] if sub else (scope_key or main)
            if sub:
                scope = _most_common([f.where for f in members])
            else:
                scope = _most_common([f.where for f in members if place_key(f.where) == key]) if key else None
            if scope and len(scope.split()) > MAX_SCOPE_WORDS:
                scope = None  # a described circumstance ("in a strike on ..."), not a place to label by
            sid = "s-" + short_hash(pk, measure, (main + " > " + key) if sub else key, *([kind] if kind else []))
            if not sub and not kind:
                base_id[(pk, measure, key)] = sid
                base_id.setdefault((pk, measure, "*"), sid)
            parent = main_id if sub else \
                (base_id.get((pk, measure, key)) or base_id.get((pk, measure, "*")) if kind else None)
            relation = "part" if sub or kind == "unit" else (kind or None) if parent else None
            out.append(_series(sid, pk, measure, kind, scope, members, claims, parent, relation))
    ids = {x.id for x in out}
    for x in out:
        if x.parent not in ids:
            x.parent = x.relation = None  # its whole has no facts of its own here
    # parents before their parts (foreign keys in the flat tables), then by label
    order = {s.id: n for n, s in enumerate(sorted(out, key=lambda s: (s.label, s.id)))}
    out.sort(key=lambda s: (s.parent is not None, order[s.id]))
    return out


def _series(sid: str, pk: str, measure: str, kind: str, scope: Optional[str], members: list[Fact],
            claims: dict[str, Claim], parent: Optional[str], relation: Optional[str]) -> Series:
    population = _most_common([f.population for f in members])   # None for a group its noun names
    if pk == EVERYONE:
        noun = "people"
    elif measure in CASUALTY and population:
        noun = "casualties"
    else:
        noun = _most_common([counted_noun(claims[c]) for f in members for c in f.claims if c in claims]) or "people"
    points = sorted((point_of(f) for f in members), key=_point_order)
    latest: dict[str, SeriesPoint] = {}
    ranges: dict[str, tuple[float, float]] = {}
    member = {f.id: f for f in members}
    for p in points:
        src = p.source or "unattributed"
        cur = latest.get(src)
        if cur is None or _latest_key(p) > _latest_key(cur):
            latest[src] = p
        lo, hi = member[p.fact].amount.bounds
        if lo is not None and hi is not None:
            r = ranges.get(src)
            ranges[src] = (min(r[0], lo), max(r[1], hi)) if r else (lo, hi)
    label = series_label(population, noun, scope, measure) + (f" ({SERIES_KIND_WORDS[kind]})" if kind else "")
    return Series(id=sid, label=label, population=population, measure=measure, scope=scope, points=points,
                  parent=parent, relation=relation,  # type: ignore[arg-type]
                  latest_by_source=dict(sorted(latest.items())), range_by_source=dict(sorted(ranges.items())))


def _latest_key(p: SeriesPoint) -> tuple:
    return (p.as_of.end if p.as_of else "", p.as_of.start if p.as_of else "", day(p.published) or 0, p.fact)

