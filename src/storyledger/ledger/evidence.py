"""Evidence that two tellings of one figure come from the same place.

Real reporting names one source many ways ("the Red Cross", "IFRC"; "UN", "the UN
Office for the Coordination of Humanitarian Affairs"), passes figures through relays
("OCHA, citing the Libyan Red Crescent") and slips ("He said" for the mayor; a
sentence that names the agency the extractor missed). The joiner weighs these
together; this module answers the one question each piece of evidence asks and
names it with a code the views turn into words:

    same_source        one canonical name (or an alias in the shipped table)
    alias              an acronym or a shorter form of the same name ("IOM", "Red Cross")
    relay              one side's source passed on the other's (in the claim or elsewhere in the corpus)
    role               a person whose role names the other side's body ("Derna Mayor" ~ "the mayor")
    descriptor         a generic descriptor that fits ("Ukrainian media" ~ the Kyiv Post)
    named_in_sentence  an unattributed telling's sentence names the other side's source
    pronoun_in_article a "he said" whose article names the other side's source
    part_of            the words naming one source name the other as its body ("X of the Ministry of Defense")
    same_outlet        an outlet's unattributed retelling of a figure it earlier reported with its source
    unattributed       neither names a source, both name the same people counted
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable, Optional

from storyledger.ledger.sources import Chain, SourceInfo, _covers, bodies, demonyms, entity_table, name_key, \
    table_cache

# Words that join a name's parts: not part of an acronym, not evidence by themselves.
_LINK = {"of", "for", "the", "and", "on", "in", "to", "s", "de"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "his", "her", "their", "who", "which", "this", "that"}
MAX_NAME_WORDS = 8


@table_cache(maxsize=65536)
def canon(name: Optional[str]) -> str:
    """The canonical key of a name: the alias table's entity when it knows the name, else its own key."""
    key = name_key(name, spelling=True)
    if not key:
        return ""
    hit = entity_table().get(name_key(name))
    return name_key(hit[2], spelling=True) if hit else key


def is_pronoun(name: Optional[str]) -> bool:
    return name_key(name, spelling=True) in _PRONOUNS


@table_cache(maxsize=65536)
def _content(key: str) -> tuple[str, ...]:
    """Words that name something: links, countries and demonyms dropped ("ministry defense")."""
    dem = demonyms()
    countries = set(dem) | set(dem.values())
    return tuple(w for w in key.split() if w not in _LINK and w not in countries)


@lru_cache(maxsize=65536)
def acronym(key: str) -> str:
    words = [w for w in key.split() if w not in _LINK]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def _contiguous(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


@table_cache(maxsize=65536)
def related(a: str, b: str) -> Optional[str]:
    """How two canonical keys name one body: "same_source", "alias" or None."""
    if not a or not b:
        return None
    if a == b:
        return "same_source"
    if acronym(b) == a or acronym(a) == b:
        return "alias"
    ca, cb = _content(a), _content(b)
    if not ca or not cb or ca == cb:
        return "alias" if ca and ca == cb else None
    short, long = (ca, cb) if len(ca) <= len(cb) else (cb, ca)
    # a shorter form of the name ("red cross" in "international federation of red cross ...");
    # one word only when it is an acronym standing inside the longer name ("un office for ...")
    if len(short) >= 2 and _contiguous(short, long):
        return "alias"
    if len(short) == 1 and len(short[0]) <= 5 and short[0] in long[:1]:
        return "alias"
    if len(short) == 1 and any(acronym(" ".join(long[i:j])) == short[0]
                               for i in range(len(long)) for j in range(i + 2, len(long) + 1)):
        return "alias"
    return None


@dataclass
class Side:
    """One telling's sources, as the evidence needs them."""

    origin: str                       # canonical key of the source, "" when unattributed
    pronoun: bool                     # source given only as "he", "they"
    roles: tuple[str, ...]            # the person's role ("derna mayor"), when given
    via: tuple[str, ...]              # relays the claim itself names ("citing ...", "per CNN")
    named_as: str                     # the words that named the source ("the Main Directorate ... of the Ministry of Defense")
    guessed: bool                     # worked out from "we"/"he": a mismatch is no proof
    unnamed: bool                     # its own sentence does not name it
    relays: tuple[str, ...]           # via, wire credit, outlet
    info: Optional[SourceInfo]
    chain: Chain
    words: str                        # the sentence, as one normalised key
    article_names: tuple[str, ...] = ()   # named sources elsewhere in the article (for a pronoun)


@dataclass
class Corpus:
    """What the whole corpus says about who relays whom."""

    relayed: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, origin: str, relays: Iterable[str]) -> None:
        for r in relays:
            if r and origin and r != origin:
                self.relayed[origin].add(r)
                self.relayed[r].add(origin)

    def linked(self, a: str, b: str) -> bool:
        return any(related(r, b) for r in self.relayed.get(a, ()))


@table_cache(maxsize=1 << 17)   # pure; a big story asks it of the same names again and again
def _mentions(words: str, key: str) -> bool:
    """Is a source named in a sentence (its full name, its content words or its acronym)?"""
    if not key or not words:
        return False
    padded = f" {words} "
    if f" {key} " in padded:
        return True
    content = _content(key)
    if len(content) >= 2 and _contiguous(content, _content(words)):
        return True
    ac = acronym(key)
    if len(ac) >= 2 and f" {ac} " in padded:
        return True
    # the acronym of a part of a longer naming: "IOM" in "the UN's International Organisation for Migration"
    return any(f" {a} " in padded for a in _part_acronyms(key))


@lru_cache(maxsize=65536)
def _part_acronyms(key: str) -> tuple[str, ...]:
    words = key.split()[:MAX_NAME_WORDS]
    out = {acronym(" ".join(words[i:j])) for i in range(len(words)) for j in range(i + 2, len(words) + 1)}
    return tuple(sorted(a for a in out if len(a) >= 3))


@table_cache(maxsize=1 << 17)   # pure; a big story asks it of the same names again and again
def _role_fits(role: str, name: str) -> bool:
    """"the mayor" fits a person whose role is "Derna Mayor"; "relief committee" a "spokesman for the relief committee"."""
    cr, cn = set(_content(role)), set(_content(name))
    return bool(cn) and cn <= cr


@table_cache()
def _bodies() -> dict[str, str]:
    return {canon(k): canon(v) for k, v in bodies().items()}


def _body_of(origin: str) -> Optional[str]:
    """The body an entity belongs to by the alias table's "part_of", as a canonical key."""
    return _bodies().get(origin) if origin else None


@table_cache()
def _alias_keys() -> dict[str, tuple[str, ...]]:
    """canonical key -> the keys of every name the alias table gives it ("united states": "us", "biden administration", ...)."""
    out: dict[str, list[str]] = defaultdict(list)
    for alias, (_, _, name) in entity_table().items():
        out[name_key(name, spelling=True)].append(name_key(alias, spelling=True))
    return {k: tuple(sorted(set(v))) for k, v in out.items()}


def _is_country(key: str) -> bool:
    dem = demonyms()
    return bool(key) and (key in dem or key in dem.values() or not _content(key))


@table_cache()
def _governments() -> dict[str, str]:
    """A country (as its demonym key) -> the alias table's government named after it ("american" -> "united states")."""
    dem = demonyms()
    out: dict[str, str] = {}
    for typ, _, name in entity_table().values():
        if typ == "government" and _is_country(name):
            out.setdefault(dem.get(name, name), name_key(name, spelling=True))
    return out


@table_cache(maxsize=65536)
def _body_names(origin: str) -> tuple[str, ...]:
    """Every name of a source's body; a country named as a source ("the US alleged") speaks for its
    government, so the government's names count too ("Biden administration")."""
    keys = [origin]
    if _is_country(origin):
        gov = _governments().get(demonyms().get(origin, origin))
        if gov and gov != origin:
            keys.append(gov)
    return tuple(dict.fromkeys(n for k in keys for n in (k, *_alias_keys().get(k, ()))))


@table_cache(maxsize=1 << 17)   # pure; a big story asks it of the same names again and again
def _names_body(named_as: str, origin: str) -> bool:
    """Do the words naming one source name the other's body, by any of its names ("a senior Biden
    administration official" names the United States; "White House spokesman John Kirby" the White House)?"""
    return bool(named_as) and any(_mentions(named_as, k) for k in _body_names(origin))


def _named_pair(a: Side, b: Side, corpus: Corpus) -> tuple[int, Optional[str]]:
    code = related(a.origin, b.origin)
    if code:
        return 3, code
    if any(_role_fits(r, b.origin) for r in a.roles) or any(_role_fits(r, a.origin) for r in b.roles):
        return 2, "role"
    if _same_office(a.origin, b.origin):
        return 2, "role"
    # a body of the other, by the words that named it ("the intelligence directorate of the Ministry of
    # Defense"; "White House spokesman John Kirby")
    if any(_names_body(n, y.origin) for x, y in ((a, b), (b, a)) for n in (x.named_as, *x.roles)) or \
            _body_of(a.origin) == b.origin or _body_of(b.origin) == a.origin:
        return 2, "part_of"
    if any(related(a.origin, r) for r in b.relays) or any(related(b.origin, r) for r in a.relays) \
            or corpus.linked(a.origin, b.origin):
        return 3, "relay"
    if a.info and b.info and ((a.info.generic and any(_covers(a.info, s) for s in b.chain.all()))
                              or (b.info.generic and any(_covers(b.info, s) for s in a.chain.all()))):
        return 2, "descriptor"
    for g, o in ((a, b), (b, a)):
        # a source its own sentence never names, in a sentence that names the other's source:
        # the attribution was carried over from elsewhere ("The UN office ... citing the Red Crescent"
        # credited to the WHO of the paragraph before)
        if g.unnamed and (_mentions(g.words, o.origin) or _mentions(g.words, o.named_as)):
            # a "we"/"he" the extractor resolved, in a sentence that names the other: the name wins
            return (2 if g.guessed else 1), "named_in_sentence"
    if a.guessed or b.guessed:
        # "we assess ...": the extractor's guess at who "we" is proves nothing; a relay both name does
        if set(a.via) & set(b.via):
            return 2, "relay"
        return 0, None
    if any(_office_of_body(x.named_as or x.origin, y.roles) for x, y in ((a, b), (b, a))):
        return 0, None   # "the head of the Red Crescent" and "the Red Crescent's Kais Fhakeri": maybe one person
    # two named bodies that are not one: a sentence naming the other ("confirming the NIS figure")
    # is a second source agreeing, not the same telling
    return -1, None


@table_cache(maxsize=65536)
def _same_office(a: str, b: str) -> bool:
    """Two descriptions of one office of one body: "local head of the red crescent" and "head of the
    red crescent in benghazi" (same head noun, one body's words inside the other's)."""
    if head_noun(a) != head_noun(b) or not head_noun(a):
        return False
    body_a, body_b = _office_body(a), _office_body(b)
    return bool(body_a and body_b) and (body_a <= body_b or body_b <= body_a)


def _office_body(desc: str) -> frozenset[str]:
    """The words of the body an office description names: "head of the red crescent in benghazi" ->
    {red, crescent, benghazi}; empty without "of"."""
    return frozenset(_content(desc.partition(" of ")[2]))


@table_cache(maxsize=65536)
def _office_of_body(desc: str, roles: tuple[str, ...]) -> bool:
    """ "head of the red crescent in benghazi" and a person whose role is "red crescent s": the
    description names an office of the very body the text tied the person to."""
    body = _office_body(desc)
    return bool(body) and any(set(_content(r)) and set(_content(r)) <= body for r in roles)


@table_cache(maxsize=65536)
def head_noun(key: str) -> str:
    """The word a name is about: the last word before "of"/"for" ("ministry" of "ministry of defense"),
    else the last ("official" of "senior biden administration official"); "" for a country alone."""
    words = key.split()
    cut = next((i for i, w in enumerate(words) if w in ("of", "for") and i), len(words))
    content = _content(" ".join(words[:cut]))
    return content[-1] if content else ""


def _refers_back(words: str, named: Side) -> bool:
    """An unattributed sentence that speaks of "the official" when the other telling's source is
    "a senior administration official": a definite description of that source, the attribution missed."""
    heads = {head_noun(k) for k in (named.origin, named.named_as) if k}
    return any(len(h) >= 4 and f" the {h} " in f" {words} " for h in heads)


def unnamed_source(origin: str, named_as: str, words: str) -> bool:
    """A source its own sentence never names (carried over from an earlier sentence)."""
    return bool(origin) and not any(_mentions(words, k) for k in (origin, named_as) if k)


def agrees_by_names(a: Side, b: Side, corpus: Corpus) -> bool:
    """``_named_pair(a, b) >= 0`` for a named side ``a`` neither guessed nor unnamed in its sentence,
    read by its origin, roles, naming words and descriptor only: a's relays and chain left out
    (``related(b.origin, r)`` for r in a.relays, and a generic b covering a source of a's chain, are
    what the join's candidate index looks up instead). Given ``b`` without relays and chain too, it
    also leaves out ``related(a.origin, r)`` for r in b.relays and a generic a covering one of b's
    relays (looked up likewise)."""
    return _named_pair(replace(a, relays=(), chain=Chain(a.info, ())), b, corpus)[0] >= 0


def mention_probes(side: Side) -> frozenset[str]:
    """Words one of which a sentence must hold to name this side's source (``_mentions`` of its
    origin, naming words or roles, ``_refers_back`` to it): an unattributed telling can agree with a
    named one only through them or a shared relay (``source_evidence``)."""
    out: set[str] = set()
    for key in (side.origin, side.named_as, *side.roles):
        if not key:
            continue
        out.add(key.split()[0])                      # the name itself
        content = _content(key)
        if len(content) >= 2:
            out.add(content[0])                      # its content words, in a row
        out.update(a for a in (acronym(key), *_part_acronyms(key)) if len(a) >= 2)
    out.update(h for h in (head_noun(k) for k in (side.origin, side.named_as) if k) if len(h) >= 4)
    return frozenset(out)


def named_key(s: Side) -> tuple:
    """What ``_named_pair`` reads of a named side but its relays and chain (its sentence only when the
    sentence does not name it)."""
    return (s.origin, s.roles, s.named_as, s.info, s.unnamed, s.words if s.unnamed else "", s.guessed, s.via)


# ``_named_pair``'s answers decided before it reads the relays and chains
_BY_NAMES = {(3, "same_source"), (3, "alias"), (2, "role"), (2, "part_of"), (3, "relay")}


class Evidence:
    """``source_evidence`` over one corpus, two named sides worked out by their ``named_key``s once:
    an outlet's and a wire's credits (the relays) make nearly every telling's side its own, while
    what their names say of each other is shared by thousands of tellings in a big story.

    ``_named_pair`` of the two sides without relays and chains (``names``) decides its answer when
    it is one of ``_BY_NAMES``; otherwise the relays (one side's source relayed by the other) and
    the generic descriptor covering the other's chain are tried as ``_named_pair`` tries them, and
    the answer without them stands when neither fits (the checks after them read no relays)."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.pairs: dict[tuple[int, int], tuple[int, Optional[str]]] = {}
        self.keys: dict[tuple, tuple[int, Side]] = {}
        # id(side) -> (the side, kept so that its id is not reused; its key's number; its stripped side)
        self.of: dict[int, tuple[Side, int, Side]] = {}

    def _strip(self, s: Side) -> tuple[Side, int, Side]:
        got = self.of.get(id(s))
        if got is None:
            key = named_key(s)
            n = self.keys.get(key)
            if n is None:
                n = self.keys[key] = (len(self.keys), replace(s, relays=(), chain=Chain(s.info, ())))
            got = self.of[id(s)] = (s, *n)
        return got

    def names(self, a: Side, b: Side) -> tuple[int, Optional[str]]:
        """``_named_pair`` of two named sides with their relays and chains left out."""
        (_, ka, sa), (_, kb, sb) = self._strip(a), self._strip(b)
        got = self.pairs.get((ka, kb))
        if got is None:
            got = self.pairs[(ka, kb)] = _named_pair(sa, sb, self.corpus)
        return got

    def __call__(self, a: Side, b: Side) -> tuple[int, Optional[str]]:
        if not (a.origin and b.origin):
            return source_evidence(a, b, self.corpus)
        got = self.names(a, b)
        if got in _BY_NAMES:
            return got
        if any(related(a.origin, r) for r in b.relays) or any(related(b.origin, r) for r in a.relays):
            return 3, "relay"
        if a.info and b.info and ((a.info.generic and any(_covers(a.info, s) for s in b.chain.all()))
                                  or (b.info.generic and any(_covers(b.info, s) for s in a.chain.all()))):
            return 2, "descriptor"
        return got


def source_evidence(a: Side, b: Side, corpus: Corpus) -> tuple[int, Optional[str]]:
    """(weight, code): -1 means the sources are known to differ; 0 means nothing either way."""
    if a.origin and b.origin:
        return _named_pair(a, b, corpus)
    if a.pronoun or b.pronoun:
        p, o = (a, b) if a.pronoun else (b, a)
        if o.origin and any(related(n, o.origin) or _role_fits(n, o.origin) for n in p.article_names):
            return 1, "pronoun_in_article"
        return (0, None) if not o.origin else (-1, None)
    if a.origin or b.origin:
        named, bare = (a, b) if a.origin else (b, a)
        # an unattributed telling is the outlet's own; it joins a named source only when its
        # sentence names that source (an attribution the extraction missed)
        if _mentions(bare.words, named.origin) or _mentions(bare.words, named.named_as):
            return 2, "named_in_sentence"  # "the 30,000 estimated by the IOM": the source, missed
        if any(_mentions(bare.words, r) for r in named.roles) or _refers_back(bare.words, named):
            return 1, "named_in_sentence"  # "the local head of the Red Crescent" for its head by name
        if set(bare.relays) & set(named.relays):
            return 1, "same_outlet"  # the outlet retelling, unattributed, what it reported with a source
        return -1, None
    return 0, None

