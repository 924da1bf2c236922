"""Places inside places: data/places.json says which city or region lies in which larger place.

The articles say it sometimes ("Russia's Kursk region", see ``series.containers``); the table says
it when they do not ("Vladivostok" alone), so a figure there is known to be about a part of Russia.
A place key (``join.place_key``) resolves to one table place when the names it holds nest
("russia s kursk region" -> kursk) and no word the table cannot place narrows it ("eastern" in
"eastern Russia": a part of Russia, but which one is unknown, so nothing is known to lie in it).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from storyledger.tables import TableError, table
from storyledger.words import name_key


@lru_cache(maxsize=None)
def parents() -> dict[str, str]:
    """place -> the place it lies in; checked once: names written as name keys, aliases known."""
    t = table("places")
    tree, aliases = t.tree("within"), t.map("aliases")
    for name in sorted({*tree, *tree.values(), *t.set("countries"), *aliases}):
        if name_key(name) != name:
            raise TableError(f"places: {name!r} is not written as its name key {name_key(name)!r}")
    for alias, place in sorted(aliases.items()):
        if alias in tree or alias in t.set("countries") or (place not in tree and place not in t.set("countries")):
            raise TableError(f"places: alias {alias!r} -> {place!r} must name a listed place by another name")
    return tree


@lru_cache(maxsize=None)
def _known() -> tuple[dict[str, str], int]:
    """name (a place or an alias) -> the place; and the longest name in words."""
    names = {n: n for n in (*parents(), *table("places").set("countries"))}
    names.update(table("places").map("aliases"))
    return names, max(len(n.split()) for n in names)


def ancestors(place: str) -> tuple[str, ...]:
    """The places a table place lies in, nearest first: vladivostok -> primorsky krai, ..., russia."""
    up, out, cur = parents(), [], parents().get(place)
    while cur is not None:
        out.append(cur)
        cur = up.get(cur)
    return tuple(out)


@lru_cache(maxsize=65536)
def resolve(key: str) -> Optional[str]:
    """The one table place a place key names: the innermost of the names it holds when the others
    lie around it; None for no name, unrelated names ("russia ukraine border") or a qualified part."""
    words = key.split()
    names, longest = _known()
    found: list[tuple[int, int, str]] = []
    for n in range(min(longest, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            if names.get(" ".join(words[i:i + n])) and not any(s <= i and i + n <= e for s, e, _ in found):
                found.append((i, i + n, names[" ".join(words[i:i + n])]))
    covered = {i for s, e, _ in found for i in range(s, e)}
    if not found or {w for i, w in enumerate(words) if i not in covered} & table("places").set("qualifiers"):
        return None
    inner = max((p for _, _, p in found), key=lambda p: len(ancestors(p)))
    return inner if all(p == inner or p in ancestors(inner) for _, _, p in found) else None


def within(inner: str, outer: str) -> bool:
    """Does the table put place key ``inner`` inside place key ``outer`` (strictly)?"""
    a, b = resolve(inner), resolve(outer)
    return a is not None and b is not None and a != b and b in ancestors(a)


def distinct(a: str, b: str) -> bool:
    """Do place keys ``a`` and ``b`` name two table places, neither inside the other?"""
    ra, rb = resolve(a), resolve(b)
    return ra is not None and rb is not None and ra != rb and rb not in ancestors(ra) and ra not in ancestors(rb)
