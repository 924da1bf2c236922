"""Closed word lists as data: ``src/storyledger/data/<name>.json``, loaded once, checked on load.

A table file is JSON with any of these sections (every one optional):

    {"about": "what the table is for",
     "sets":   {"people_nouns": ["troop", ...], ...},         # words, no duplicates
     "groups": {"measure_cues": {"killed": ["kill", ...], ...}},  # a word belongs to ONE group
     "maps":   {"months": {"january": 1, ...}},                # key -> value
     "lists":  {"hedges": [[["around"], "approximately"], ...]},  # ordered data, free shape
     "trees":  {"within": {"roots": "countries", "parent": {"kursk": "russia", ...}}},  # child -> parent
     "exclusive": [["people_nouns", "not_people_heads"], ...]}  # sets no word may share

``exclusive`` names sets of this table, or of another as ``"table:set"``. Loading fails with a
``TableError`` naming the word and both sets when a word sits in two sets that exclude each other,
in two groups of one ``groups`` entry, or twice in one set, so a contradiction cannot ship. A
``trees`` entry fails when a parent is neither a child of the tree nor in its ``roots`` set, when a
root has a parent, or when following parents comes back to where it started.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Union


class TableError(ValueError):
    """A data table is malformed or contradicts itself."""


@dataclass(frozen=True)
class Table:
    name: str
    about: str
    sets: dict[str, frozenset[str]]
    groups: dict[str, dict[str, frozenset[str]]]
    maps: dict[str, dict[str, Any]]
    lists: dict[str, list]
    exclusive: tuple[tuple[str, ...], ...]
    trees: dict[str, dict[str, str]] = field(default_factory=dict)

    def set(self, key: str) -> frozenset[str]:
        return self.sets[key]

    def group(self, key: str) -> dict[str, frozenset[str]]:
        return self.groups[key]

    def inverse(self, key: str) -> dict[str, str]:
        """word -> its group's name, for a ``groups`` entry (each word is in one group)."""
        return {w: g for g, words in self.groups[key].items() for w in words}

    def map(self, key: str) -> dict[str, Any]:
        return self.maps[key]

    def list(self, key: str) -> list:
        return self.lists[key]

    def tree(self, key: str) -> dict[str, str]:
        """child -> parent of a ``trees`` entry (checked: parents known, roots parentless, no cycle)."""
        return self.trees[key]


def _unique(words: list, where: str) -> frozenset[str]:
    seen: set[str] = set()
    for w in words:
        if not isinstance(w, str):
            raise TableError(f"{where}: {w!r} is not a word")
        if w in seen:
            raise TableError(f"{where}: {w!r} is listed twice")
        seen.add(w)
    return frozenset(seen)


def parse_table(name: str, raw: dict) -> Table:
    """Build and check a table from its JSON object (``name`` is used in error messages)."""
    if not isinstance(raw, dict):
        raise TableError(f"table {name}: expected a JSON object")
    sets = {k: _unique(v, f"{name}:{k}") for k, v in raw.get("sets", {}).items()}
    groups: dict[str, dict[str, frozenset[str]]] = {}
    for key, gs in raw.get("groups", {}).items():
        groups[key] = {g: _unique(v, f"{name}:{key}.{g}") for g, v in gs.items()}
        _check_disjoint([(f"{name}:{key}.{g}", ws) for g, ws in groups[key].items()])
    exclusive = tuple(tuple(g) for g in raw.get("exclusive", []))
    trees = {k: _tree(f"{name}:{k}", v, sets) for k, v in raw.get("trees", {}).items()}
    return Table(name, raw.get("about", ""), sets, groups, dict(raw.get("maps", {})),
                 dict(raw.get("lists", {})), exclusive, trees)


def _tree(where: str, raw: dict, sets: dict[str, frozenset[str]]) -> dict[str, str]:
    """A child -> parent map whose every chain of parents ends at one of its roots."""
    if raw.get("roots") not in sets or not isinstance(raw.get("parent"), dict):
        raise TableError(f"{where}: a tree needs \"roots\" (a set of this table) and a \"parent\" map")
    roots, parent = sets[raw["roots"]], raw["parent"]
    for child, up in parent.items():
        if child in roots:
            raise TableError(f"{where}: {child!r} is a root and cannot lie in {up!r}")
        if up not in parent and up not in roots:
            raise TableError(f"{where}: {child!r} lies in {up!r}, which is neither in the tree nor a root")
        seen, cur = {child}, up
        while cur in parent:
            if cur in seen:
                raise TableError(f"{where}: {child!r} lies in itself (through {cur!r})")
            seen.add(cur)
            cur = parent[cur]
    return dict(parent)


def _check_disjoint(named: list[tuple[str, frozenset[str]]]) -> None:
    owner: dict[str, str] = {}
    for label, words in named:
        for w in sorted(words):
            if w in owner and owner[w] != label:
                raise TableError(f"{w!r} is in both {owner[w]} and {label}, which exclude each other")
            owner[w] = label


def check_exclusive(t: Table) -> None:
    """Every ``exclusive`` group of ``t``: no word in two of its sets (``table:set`` reaches other tables)."""
    for group in t.exclusive:
        named = []
        for ref in group:
            tname, _, key = ref.rpartition(":")
            other = t if not tname or tname == t.name else table(tname)
            if key not in other.sets:
                raise TableError(f"table {t.name}: exclusive names unknown set {ref!r}")
            named.append((f"{other.name}:{key}", other.sets[key]))
        _check_disjoint(named)


def load_table(source: Union[str, Path], name: str | None = None) -> Table:
    """A table from a file path (e.g. a user's own list), parsed and checked."""
    path = Path(source)
    try:
        raw = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise TableError(f"cannot read table {path}: {exc}") from None
    t = parse_table(name or path.stem, raw)
    check_exclusive(t)
    return t


@lru_cache(maxsize=None)
def table(name: str) -> Table:
    """The packaged table ``data/<name>.json``, loaded and checked once per process."""
    text = resources.files("storyledger").joinpath(f"data/{name}.json").read_text("utf-8")
    t = parse_table(name, json.loads(text))
    check_exclusive(t)
    return t


def packaged_tables() -> list[str]:
    """Names of every packaged table (``data/*.json`` that has a ``sets``/``groups``/``maps``/``lists`` section)."""
    out = []
    for f in resources.files("storyledger").joinpath("data").iterdir():
        if f.name.endswith(".json"):
            raw = json.loads(f.read_text("utf-8"))
            if isinstance(raw, dict) and {"sets", "groups", "maps", "lists", "trees"} & raw.keys():
                out.append(f.name[:-5])
    return sorted(out)
