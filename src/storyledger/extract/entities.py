"""Canonical names for sources: the curated alias table plus what each article teaches.

An article teaches acronyms ("National Intelligence Service (NIS)") and people with their
roles ("Defense Minister Kim Yong-hyun", "Hong Min, a senior research fellow at ..."); later
mentions ("Kim", "the minister", "the spy agency") resolve to them.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Optional

from storyledger.extract import ExtractError
from storyledger.tables import table
from storyledger.model import Entity
from storyledger.words import STRAIGHT_QUOTES, name_key

_TITLE_WORDS = {
    "president", "minister", "secretary", "spokesperson", "spokesman", "spokeswoman", "chief",
    "director", "general", "col.", "colonel", "gen.", "lt.", "maj.", "adviser", "advisor",
    "ambassador", "leader", "dictator", "commander", "deputy", "vice", "prime", "premier",
    "chairman", "chair", "head", "senator", "sen.", "rep.", "governor", "mayor", "dr.", "prof.",
    "professor", "analyst", "official", "envoy", "king", "queen", "foreign", "defense", "defence",
    "national", "security", "first", "senior", "unification", "interior", "finance", "army",
    "navy", "admiral", "adm.", "sgt.", "capt.", "captain", "lieutenant", "major", "expert",
}


class AliasError(ExtractError, ValueError):
    """An alias file is malformed or contradicts itself."""


@dataclass
class AliasTable:
    """The gazetteer: names that identify one source anywhere (``aliases``) and generic
    descriptors ("spy agency", "defence ministry") that name it only with its country's qualifier
    ("South Korea's spy agency", "Seoul's", "South Korean") or after the article has named it."""

    entities: dict[str, Entity]
    index: dict[str, str]            # normalised alias -> canonical name
    demonyms: dict[str, str]
    descriptors: dict[str, list[str]] = field(default_factory=dict)  # normalised descriptor -> names

    def lookup(self, text: str) -> Optional[Entity]:
        name = self.index.get(name_key(text, keep_punct=True))
        return self.entities[name] if name else None

    def demonym(self, place: str) -> str:
        return self.demonyms.get(place.strip(), self.demonyms.get(name_key(place, keep_punct=True).title(), place.strip()))

    def country_key(self, words: str) -> str:
        """One key for a country however it is written: "South Korea", "Seoul", "South Korean"."""
        return name_key(self.demonym(re.sub(r"['’]s$", "", words.strip())), keep_punct=True)

    def qualified(self, descriptor: str, qualifier: str) -> Optional[Entity]:
        """The body a descriptor names for the qualifier's country ("Ukraine's" + "spy agency")."""
        want = self.country_key(qualifier)
        for name in self.descriptors.get(name_key(descriptor, keep_punct=True), []):
            ent = self.entities[name]
            if ent.country and self.country_key(ent.country) == want:
                return ent
        return None


def _entity(e: dict, where: str) -> Entity:
    if not isinstance(e, dict) or not isinstance(e.get("name"), str):
        raise AliasError(f"{where}: every entity needs a \"name\"")
    return Entity(name=e["name"], type=e.get("type", "other"), role=e.get("role"),
                  country=e.get("country"), aliases=e.get("aliases", []))


def build_alias_table(raws: list[tuple[str, dict]]) -> AliasTable:
    """One gazetteer from alias files, first file winning (a user's file goes first).

    Within one file an alias or descriptor may belong to one entity only (checked: a contradiction
    raises ``AliasError``); a later file's entry of the same name is overridden, not merged."""
    ents: dict[str, Entity] = {}
    index: dict[str, str] = {}
    descriptors: dict[str, list[str]] = {}
    demonyms: dict[str, str] = {}
    for where, raw in raws:
        if not isinstance(raw, dict) or not isinstance(raw.get("entities", []), list):
            raise AliasError(f"{where}: expected {{\"entities\": [...], \"demonyms\": {{...}}}}")
        mine: dict[str, str] = {}
        for e in raw.get("entities", []):
            ent = _entity(e, where)
            if ent.name in ents:
                continue
            ents[ent.name] = ent
            for a in [ent.name, *ent.aliases]:
                key = name_key(a, keep_punct=True)
                if mine.get(key, ent.name) != ent.name:
                    raise AliasError(f"{where}: {a!r} names both {mine[key]!r} and {ent.name!r}")
                mine[key] = ent.name
                index.setdefault(key, ent.name)
            for d in e.get("descriptors", []):
                descriptors.setdefault(name_key(d, keep_punct=True), []).append(ent.name)
        for k, v in (raw.get("demonyms") or {}).items():
            demonyms.setdefault(k, v)
    return AliasTable(ents, index, demonyms, descriptors)


def packaged_aliases() -> dict:
    return json.loads(resources.files("storyledger").joinpath("data/aliases.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def alias_table() -> AliasTable:
    """The packaged gazetteer (data/aliases.json), loaded and checked once."""
    return build_alias_table([("data/aliases.json", packaged_aliases())])


def user_alias_table(path: str) -> AliasTable:
    """The packaged gazetteer with a user's alias file on top (its entries win)."""
    try:
        raw = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise AliasError(f"cannot read alias file {path}: {exc}") from None
    return build_alias_table([(str(path), raw), ("data/aliases.json", packaged_aliases())])


@dataclass
class Person:
    name: str
    role: Optional[str] = None
    last_seen: int = 0


def without_paren_tail(text: str) -> str:
    """``text`` without a closing parenthesised part and the spaces before it: "NIS (spy agency)".

    What ``re.sub(r"\\s*\\([^)]*\\)\\s*$", "", text)`` gives, in linear time: that pattern
    retries from every "(" of a run of them, quadratic on a long one."""
    end = text.rstrip()
    if not end.endswith(")"):
        return text
    opening = end.find("(", end.rfind(")", 0, len(end) - 1) + 1, len(end) - 1)
    if opening < 0:
        return text
    while opening and text[opening - 1].isspace():
        opening -= 1
    return text[:opening]


# the phrase shapes ``canonical`` and ``described_body`` take apart (compiled once: they run per mention)
_POSSESSIVE_END = re.compile(r"'s$")
_GENERIC_POSSESSOR = re.compile(r"^(?:the\s+)?(?:country|nation|state|region|island|kingdom)'s\s+", re.I)
_NAMED_POSSESSOR = re.compile(r"^(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*'s\s+(.+)$")
_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)
_POSSESSED = re.compile(r"^(?:the\s+)?(.+?)'s\s+(.+)$")


@dataclass
class ArticleEntities:
    """What one article teaches about names; resolution falls back to the curated table."""

    table: AliasTable = field(default_factory=alias_table)
    acronyms: dict[str, str] = field(default_factory=dict)     # "nis" -> canonical name
    people: dict[str, Person] = field(default_factory=dict)    # full name -> person
    described: list[tuple[str, str, int]] = field(default_factory=list)  # (descriptor words, name, pos)
    named: list[str] = field(default_factory=list)   # gazetteer bodies resolved so far, in order
    story: list[str] = field(default_factory=list)   # bodies the whole article names (doc._.gazetteer)
    home: Optional[str] = None   # country key of the article's wire, outlet or dateline ("the government")

    def learn_acronym(self, long: str, short: str) -> None:
        ent = self.table.lookup(long)
        self.acronyms[short.casefold()] = ent.name if ent else re.sub(r"^(the)\s+", "", long.strip(), flags=re.I)

    def learn_person(self, name: str, role: Optional[str], pos: int) -> Person:
        ent = self.table.lookup(name)
        if ent is not None and ent.type == "person":
            name = ent.name
            role = role or ent.role
        p = self.people.get(name)
        if p is None:
            p = self.people[name] = Person(name, role, pos)
        else:
            p.role = p.role or role
            p.last_seen = max(p.last_seen, pos)
        if role:
            self.described.append((role.casefold(), name, pos))
        return p

    def person_by_part(self, word: str, pos: int) -> Optional[Person]:
        """'Jeon' -> Jeon Ha-kyou; the most recently seen person whose name has that part."""
        w = word.casefold()
        best = None
        for p in self.people.values():
            parts = re.split(r"[\s]+", p.name.casefold())
            if w == p.name.casefold() or w in parts or any(w == x.split("-")[0] for x in parts[1:]):
                if p.last_seen <= pos and (best is None or p.last_seen > best.last_seen):
                    best = p
        return best

    def by_descriptor(self, words: str, pos: int) -> Optional[str]:
        """'the minister', 'the official', 'the spokesperson' -> latest person whose role says so."""
        head = words.casefold().split()[-1] if words.split() else ""
        # "the minister" is not the prime minister, "the president" not the vice-president
        other = table("lexicon").set("other_office_words")
        best = None
        for role, name, at in self.described:
            m = re.search(rf"\b(?:([\w]+)[\s-]+)?{re.escape(head)}", role) if at <= pos and head else None
            if m and m.group(1) not in other:
                if best is None or at > best[1]:
                    best = (name, at)
        if best is None and head == "official":
            # "the official" after "Oleksiy Danilov, Ukraine's National Security and Defense Council
            # secretary": any person named with an office is an official
            offices = table("lexicon").set("office_titles")
            for role, name, at in self.described:
                if at <= pos and name in self.people and offices & set(re.findall(r"[\w-]+", role)):
                    if best is None or at > best[1]:
                        best = (name, at)
        return best[0] if best else None

    def same_country(self, name: str, words: str) -> bool:
        """Is the body ``name`` of the country ``words`` names ("South Korean", "South Korea's")?"""
        ent = self.table.entities.get(name)
        if ent is None or not ent.country:
            return False
        w = name_key(re.sub(r"['’]s$", "", words), keep_punct=True)
        return w in {name_key(ent.country, keep_punct=True), name_key(self.table.demonym(ent.country), keep_punct=True)}

    def canonical(self, text: str, bare: bool = True) -> tuple[str, str]:
        """(canonical name, type) for a source phrase; unknown phrases keep their own words.

        Order: the text's own definitions ("X (NIS)"), the gazetteer's names, then a descriptor
        with its country ("Ukraine's spy agency") or, bare ("the spy agency"), the body of that
        kind this article named last (not when ``bare`` is False: a piece of a longer phrase);
        otherwise the phrase itself, type "other"."""
        key = name_key(text, keep_punct=True)
        if key in self.acronyms:
            name = self.acronyms[key]
            ent = self.table.entities.get(name)
            self.named.append(name)
            return name, ent.type if ent else "agency"
        ent = self.table.lookup(text)
        if ent is not None:
            return self._named(ent)
        # "South Korea's National Intelligence Service (NIS)", "NIS's": strip and retry
        stripped = without_paren_tail(text.translate(STRAIGHT_QUOTES)).strip()
        stripped = _POSSESSIVE_END.sub("", stripped)
        # "the country's Defence Ministry": a generic possessor adds nothing to the name
        stripped = _GENERIC_POSSESSOR.sub("", stripped)
        if stripped != text:
            return self.canonical(stripped, bare)
        m = _NAMED_POSSESSOR.match(stripped)
        if m:
            inner = self.table.lookup(m.group(1))
            if inner is not None or name_key(m.group(1), keep_punct=True) in self.acronyms:
                return self.canonical(m.group(1), bare)
        ent = self.described_body(stripped, bare)
        if ent is not None:
            return self._named(ent)
        for p in self.people.values():
            if key == p.name.casefold():
                return p.name, "person"
        return _ARTICLE.sub("", text.strip()), "other"

    def _named(self, ent: Entity) -> tuple[str, str]:
        self.named.append(ent.name)
        return ent.name, ent.type

    def described_body(self, text: str, bare: bool = True) -> Optional[Entity]:
        """A gazetteer descriptor: "South Korea's spy agency", "South Korean spy agency" (the body
        of that country, or none); "the spy agency": the one this article named last, else the one
        it names anywhere, else the one of the article's home country (a Seoul wire's "the
        defense ministry"), else none."""
        table = self.table
        m = _POSSESSED.match(text)
        if m and name_key(m.group(2), keep_punct=True) in table.descriptors:
            return table.qualified(m.group(2), m.group(1))
        words = name_key(text, keep_punct=True).split()
        for k in (1, 2, 3):
            if len(words) > k and " ".join(words[k:]) in table.descriptors:
                return table.qualified(" ".join(words[k:]), " ".join(words[:k]))
        cands = table.descriptors.get(" ".join(words), []) if bare else []
        name = next((n for n in reversed(self.named) if n in cands), None) or \
            next((n for n in self.story if n in cands), None)
        if name is None and self.home:
            name = next((n for n in cands if table.entities[n].country
                         and table.country_key(table.entities[n].country) == self.home), None)
        return table.entities[name] if name else None

    def set_home(self, agency: Optional[str], outlet: Optional[str], body: str) -> None:
        """The article's home country: its wire's or outlet's, else its dateline city's ("SEOUL, Oct. 4")."""
        for credit in (agency, outlet):
            ent = self.table.lookup(credit) if credit else None
            if ent is not None and ent.country:
                self.home = self.table.country_key(ent.country)
                return
        m = re.match(r"\s*([A-Z][A-Za-z.\- ]{2,30}?)\s*(?:,|\(|\u2014|--)", body)
        city = m.group(1).strip().title() if m else None
        if city and city in self.table.demonyms:
            self.home = self.table.country_key(city)


def is_title_word(word: str) -> bool:
    return word.casefold() in _TITLE_WORDS
