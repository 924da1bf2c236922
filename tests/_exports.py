"""Two ledgers compared through their exports, row by row (engines and backends must agree)."""
from __future__ import annotations

import hashlib
import json

from storyledger.store import LedgerStore
from storyledger.store.export import rows

DERIVED = ("facts", "statements", "series", "disagreements", "timeline")


def assert_same_exports(a, b, *, names_from_history: bool = False) -> None:
    """Every exported row equal. With ``names_from_history`` the ids of derived rows (facts keep
    the id of the previous build's fact they share most claims with) are replaced by names made
    from their content first, and lists inside derived rows (ordered with those ids as the last
    tie-break) are compared as sorted, so two ledgers built in different steps compare on what
    they say."""
    with LedgerStore(a, readonly=True) as s1, LedgerStore(b, readonly=True) as s2:
        r1, r2 = rows(s1), rows(s2)
    if names_from_history:
        r1, r2 = _content_named(r1), _content_named(r2)
    assert {k: len(v) for k, v in r1.items()} == {k: len(v) for k, v in r2.items()}
    for name in r1:
        assert sorted(json.dumps(x, sort_keys=True) for x in r1[name]) == \
               sorted(json.dumps(x, sort_keys=True) for x in r2[name]) if names_from_history else \
               [json.dumps(x, sort_keys=True) for x in r1[name]] == \
               [json.dumps(x, sort_keys=True) for x in r2[name]], name


def _content_named(tables: dict[str, list[dict]]) -> dict[str, list[dict]]:
    names: dict[str, str] = {}
    out = dict(tables)
    for table in DERIVED:
        renamed = [_rename(x, names, sort=True) for x in tables[table]]
        for old, new in zip(tables[table], renamed):
            key = json.dumps({k: v for k, v in new.items() if k != "id"}, sort_keys=True)
            names[old["id"]] = f"{table}:" + hashlib.sha1(key.encode()).hexdigest()[:12]
        out[table] = [_rename(x, names, sort=True) for x in tables[table]]
    return out


def _rename(value, names: dict[str, str], sort: bool = False):
    if isinstance(value, str):
        return names.get(value, value)
    if isinstance(value, list):
        items = [_rename(v, names, sort) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True)) if sort else items
    if isinstance(value, dict):
        return {k: _rename(v, names, sort) for k, v in value.items()}
    return value
