"""Who said it: name keys, generic descriptors and source compatibility.

A claim's *chain* is its original source followed by the relays that passed it
on (``Attribution.via``) and the article's own wire credit and outlet. Two
tellings can be the same fact when their chains meet: the same canonical
source, one side's source relaying for the other ("Kyiv Post" vs "Ukrainian
intelligence via Kyiv Post"), or a generic descriptor ("Ukrainian media") that
fits a specific outlet of that country. Entity types and countries come from
the extraction's alias table (``storyledger/data/aliases.json``) when it has
them, else from the words the text used to name the source ("Ukrainian news
outlet The Kyiv Post").
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Optional, TypeVar

from storyledger.model import Article, Claim
from storyledger.words import name_key  # noqa: F401 - the one name key, re-exported for the ledger

# Nouns that make a phrase a generic descriptor rather than a name, by the kind of
# source they describe. A small linguistic table (config over code), not names.
_GENERIC_NOUNS: dict[str, str] = {
    "media": "media", "outlet": "media", "outlets": "media", "press": "media",
    "news": "media", "newspaper": "media", "newspapers": "media", "report": "media",
    "reports": "media", "broadcaster": "media", "broadcasters": "media",
    "intelligence": "agency", "military": "agency", "army": "agency", "forces": "agency",
    "officials": "government", "official": "government", "government": "government",
    "authorities": "government", "sources": "other", "source": "other",
    "lawmakers": "government", "diplomats": "government", "analysts": "other",
}
F = TypeVar("F", bound=Callable)
_MEDIA_TYPES = {"outlet", "wire", "media"}
# Demonym endings: "Ukrainian", "Korean", "Japanese", "British", "Israeli".
_DEMONYM = re.compile(r"^[a-z]+(?:ian|ean|an|ese|ish|i|ch|ic)$")
_COMPASS = {"south", "north", "east", "west"}
@dataclass(frozen=True)
class SourceInfo:
    key: str
    type: Optional[str] = None       # person, agency, government, outlet, wire, media, group ...
    country: Optional[str] = None    # lowercased country or demonym words
    generic: bool = False            # "Ukrainian media": a kind of source, not one source


def _same_country(a: Optional[str], b: Optional[str]) -> bool:
    """"ukrainian" ~ "ukraine", "south korean" ~ "south korea": shared stem."""
    if not a or not b:
        return False
    dem = demonyms()
    a, b = dem.get(a, a), dem.get(b, b)
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return False
    for x, y in zip(wa, wb):
        n = 0
        while n < min(len(x), len(y)) and x[n] == y[n]:
            n += 1
        if x != y and n < max(4, min(len(x), len(y)) - 2):
            return False
    return True


def _descriptor(words: list[str]) -> tuple[Optional[str], Optional[str]]:
    """(country, kind) from words like "ukrainian news outlet"; kind None if not a descriptor."""
    country_words: list[str] = []
    for w in words:
        if w in _GENERIC_NOUNS:
            return (" ".join(country_words) or None), _GENERIC_NOUNS[w]
        if _DEMONYM.match(w) or w in _COMPASS:
            country_words.append(w)
        else:
            country_words = []  # only the words right before the noun describe it
    return None, None


# The user's alias file (``build --aliases FILE``, JSON text) the ledger reads on top of the packaged
# table, and the caches that depend on the table (cleared when it changes).
_USER: list[Optional[str]] = [None]
_TABLE_CACHES: list[Callable[[], None]] = []


def table_cache(maxsize: Optional[int] = 1) -> Callable[[F], F]:
    """lru_cache for what the alias table decides: emptied when ``use_aliases`` switches tables."""
    def wrap(fn: F) -> F:
        cached = lru_cache(maxsize=maxsize)(fn)
        _TABLE_CACHES.append(cached.cache_clear)
        return cached  # type: ignore[return-value]
    return wrap


def use_aliases(text: Optional[str]) -> None:
    """Read the user's alias file (its JSON text; None for the packaged table alone) from now on."""
    if text != _USER[0]:
        _USER[0] = text
        for clear in _TABLE_CACHES:
            clear()


def _load(raw: str) -> dict:
    try:
        data: Any = json.loads(raw)
    except ValueError:
        return {}
    if isinstance(data, list):
        data = {"entities": data}
    if not isinstance(data, dict):
        return {}
    ents = data.get("entities", [])
    return {"entities": list(ents.values()) if isinstance(ents, dict) else ents if isinstance(ents, list) else [],
            "demonyms": data.get("demonyms") if isinstance(data.get("demonyms"), dict) else {}}


@table_cache()
def _alias_data() -> dict:
    """The packaged alias table with the user's file on top (its entities and demonyms win)."""
    try:
        data = _load(resources.files("storyledger").joinpath("data/aliases.json").read_text(encoding="utf-8"))
    except (OSError, ModuleNotFoundError):
        data = {}
    user = _load(_USER[0]) if _USER[0] else {}
    mine = [e for e in user.get("entities", []) if isinstance(e, dict)]
    names = {e.get("name") for e in mine}
    return {"entities": mine + [e for e in data.get("entities", []) if isinstance(e, dict) and e.get("name") not in names],
            "demonyms": {**data.get("demonyms", {}), **user.get("demonyms", {})}}


@table_cache()
def demonyms() -> dict[str, str]:
    """country key -> demonym key ("ukraine" -> "ukrainian") from the alias table."""
    raw = _alias_data().get("demonyms")
    return {name_key(k): name_key(v) for k, v in raw.items()} if isinstance(raw, dict) else {}


@table_cache()
def bodies() -> dict[str, str]:
    """canonical key -> key of the body it belongs to ("part_of" in the alias table: a directorate
    of a ministry tells the ministry's figures)."""
    data: Any = _alias_data().get("entities", [])
    rows = data.values() if isinstance(data, dict) else data
    return {name_key(v["name"]): name_key(v["part_of"]) for v in rows
            if isinstance(v, dict) and isinstance(v.get("name"), str) and isinstance(v.get("part_of"), str)}


@table_cache()
def entity_table() -> dict[str, tuple[Optional[str], Optional[str], str]]:
    """name/alias key -> (type, country, canonical key) from the shipped alias table, if present."""
    data: Any = _alias_data().get("entities", {})
    items: list[tuple[str, dict]] = []
    if isinstance(data, dict):
        items = [(k, v) for k, v in data.items() if isinstance(v, dict)]
    elif isinstance(data, list):
        items = [(str(v.get("name", "")), v) for v in data if isinstance(v, dict)]
    table: dict[str, tuple[Optional[str], Optional[str], str]] = {}
    for name, v in items:
        name = str(v.get("name") or name)
        typ, country = v.get("type"), v.get("country")
        info = (str(typ).lower() if typ else None, name_key(country) or None, name_key(name))
        for alias in [name, *(v.get("aliases") or [])]:
            if isinstance(alias, str) and name_key(alias):
                table.setdefault(name_key(alias), info)
    return table


@table_cache(maxsize=65536)
def source_info(name: Optional[str], source_type: Optional[str] = None,
                source_text: Optional[str] = None) -> Optional[SourceInfo]:
    """What we know about a named source: type, country, generic or specific."""
    key = name_key(name)
    if not key:
        return None
    typ, country, canon = entity_table().get(key, (None, None, key))
    key = canon  # an alias names its canonical entity ("South Korean intelligence" -> the NIS)
    words = key.split()
    d_country, d_kind = _descriptor(words)
    # generic: every word is a demonym or a generic noun ("ukrainian media outlets")
    generic = d_kind is not None and all(w in _GENERIC_NOUNS or _DEMONYM.match(w) or w in _COMPASS
                                         for w in words)
    if generic:
        return SourceInfo(key, typ or d_kind, country or d_country, True)
    typ = typ or (source_type.lower() if source_type else None)
    if source_text and (typ is None or country is None):
        # "Ukrainian news outlet The Kyiv Post": the words before the name describe it
        before = name_key(source_text.split(name)[0]) if name and name in source_text else name_key(source_text)
        t_country, t_kind = _descriptor(before.split())
        if t_kind:
            typ = typ or ("outlet" if t_kind == "media" else t_kind)
            country = country or t_country
    return SourceInfo(key, typ, country, False)


def _covers(generic: SourceInfo, other: SourceInfo) -> bool:
    """Does a generic descriptor plausibly name this source?"""
    if not _same_country(generic.country, other.country):
        return False
    if other.generic:
        return True  # "Ukrainian media" ~ "Ukrainian intelligence": both vague, same country
    if generic.type in _MEDIA_TYPES:
        return other.type in _MEDIA_TYPES
    return other.type == generic.type


@dataclass(frozen=True)
class Chain:
    """One claim's sources: the original first, then relays (outermost first)."""

    origin: Optional[SourceInfo]
    relays: tuple[SourceInfo, ...]

    def all(self) -> tuple[SourceInfo, ...]:
        return ((self.origin,) if self.origin else ()) + self.relays


def chain_of(claim: Claim, article: Optional[Article]) -> Chain:
    a = claim.attribution
    origin = source_info(a.source, a.source_type, a.source_text)
    relays: list[SourceInfo] = []
    seen = {origin.key} if origin else set()
    names = list(a.via)
    if article is not None:
        names += [article.agency, article.outlet]
    for n in names:
        info = source_info(n)
        if info and info.key not in seen:
            seen.add(info.key)
            relays.append(info)
    return Chain(origin, tuple(relays))


def chains_compatible(x: Chain, y: Chain) -> bool:
    """Same originator, or one chain's origin relaying the other's, or a generic fit."""
    if x.origin is None or y.origin is None:
        return False  # unattributed tellings join only within one article (caller's rule)
    if x.origin.key == y.origin.key:
        return True
    # one side names the relay as its source: "Kyiv Post reported" vs "... citing intelligence, Kyiv Post said"
    if any(r.key == x.origin.key for r in y.relays) or any(r.key == y.origin.key for r in x.relays):
        return True
    if x.origin.generic and any(_covers(x.origin, s) for s in y.all()):
        return True
    if y.origin.generic and any(_covers(y.origin, s) for s in x.all()):
        return True
    return False


def originator(claim: Claim, article: Optional[Article]) -> str:
    """Who first stated it: the attributed source, else the wire or outlet that printed it."""
    if claim.attribution.source:
        return claim.attribution.source
    if article is not None and (article.agency or article.outlet):
        return str(article.agency or article.outlet)
    return "unattributed"


def reporter(article: Optional[Article]) -> Optional[str]:
    """The publication credited with an article: the wire if any, else the outlet."""
    if article is None:
        return None
    return article.agency or article.outlet or None
