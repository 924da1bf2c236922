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
from typing import Optional

from storyledger.model import Entity

_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_TITLE_WORDS = {
    "president", "minister", "secretary", "spokesperson", "spokesman", "spokeswoman", "chief",
    "director", "general", "col.", "colonel", "gen.", "lt.", "maj.", "adviser", "advisor",
    "ambassador", "leader", "dictator", "commander", "deputy", "vice", "prime", "premier",
    "chairman", "chair", "head", "senator", "sen.", "rep.", "governor", "mayor", "dr.", "prof.",
    "professor", "analyst", "official", "envoy", "king", "queen", "foreign", "defense", "defence",
    "national", "security", "first", "senior", "unification", "interior", "finance", "army",
    "navy", "admiral", "adm.", "sgt.", "capt.", "captain", "lieutenant", "major", "expert",
}


def norm_key(text: str) -> str:
    t = text.translate(_APOS).strip().strip(",.;:\"'()").strip()
    t = re.sub(r"\s+", " ", t)
    t = re.sub(r"^(the|a|an)\s+", "", t, flags=re.I)
    return t.casefold()


@dataclass
class AliasTable:
    entities: dict[str, Entity]
    index: dict[str, str]            # normalised alias -> canonical name
    demonyms: dict[str, str]

    def lookup(self, text: str) -> Optional[Entity]:
        name = self.index.get(norm_key(text))
        return self.entities[name] if name else None

    def demonym(self, place: str) -> str:
        return self.demonyms.get(place.strip(), self.demonyms.get(norm_key(place).title(), place.strip()))


@lru_cache(maxsize=1)
def alias_table() -> AliasTable:
    raw = json.loads(resources.files("storyledger").joinpath("data/aliases.json").read_text("utf-8"))
    ents: dict[str, Entity] = {}
    index: dict[str, str] = {}
    for e in raw["entities"]:
        ent = Entity(name=e["name"], type=e.get("type", "other"), role=e.get("role"),
                     country=e.get("country"), aliases=e.get("aliases", []))
        ents[ent.name] = ent
        for a in [ent.name, *ent.aliases]:
            index.setdefault(norm_key(a), ent.name)
    return AliasTable(ents, index, raw.get("demonyms", {}))


@dataclass
class Person:
    name: str
    role: Optional[str] = None
    last_seen: int = 0


@dataclass
class ArticleEntities:
    """What one article teaches about names; resolution falls back to the curated table."""

    table: AliasTable = field(default_factory=alias_table)
    acronyms: dict[str, str] = field(default_factory=dict)     # "nis" -> canonical name
    people: dict[str, Person] = field(default_factory=dict)    # full name -> person
    described: list[tuple[str, str, int]] = field(default_factory=list)  # (descriptor words, name, pos)

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
        best = None
        for role, name, at in self.described:
            if at <= pos and head and re.search(rf"\b{re.escape(head)}", role):
                if best is None or at > best[1]:
                    best = (name, at)
        return best[0] if best else None

    def same_country(self, name: str, words: str) -> bool:
        """Is the body ``name`` of the country ``words`` names ("South Korean", "South Korea's")?"""
        ent = self.table.entities.get(name)
        if ent is None or not ent.country:
            return False
        w = norm_key(re.sub(r"['’]s$", "", words))
        return w in {norm_key(ent.country), norm_key(self.table.demonym(ent.country))}

    def canonical(self, text: str) -> tuple[str, str]:
        """(canonical name, type) for a source phrase; unknown phrases keep their own words."""
        key = norm_key(text)
        if key in self.acronyms:
            name = self.acronyms[key]
            ent = self.table.entities.get(name)
            return name, ent.type if ent else "agency"
        ent = self.table.lookup(text)
        if ent is not None:
            return ent.name, ent.type
        # "South Korea's National Intelligence Service (NIS)", "NIS's": strip and retry
        stripped = re.sub(r"\s*\([^)]*\)\s*$", "", text.translate(_APOS)).strip()
        stripped = re.sub(r"'s$", "", stripped)
        # "the country's Defence Ministry": a generic possessor adds nothing to the name
        stripped = re.sub(r"^(?:the\s+)?(?:country|nation|state|region|island|kingdom)'s\s+", "", stripped, flags=re.I)
        if stripped != text:
            return self.canonical(stripped)
        m = re.match(r"^(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*'s\s+(.+)$", stripped)
        if m:
            inner = self.table.lookup(m.group(1))
            if inner is not None or norm_key(m.group(1)) in self.acronyms:
                return self.canonical(m.group(1))
        for p in self.people.values():
            if key == p.name.casefold():
                return p.name, "person"
        return re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I), "other"


def is_title_word(word: str) -> bool:
    return word.casefold() in _TITLE_WORDS
