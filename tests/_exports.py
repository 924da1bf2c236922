"""Two ledgers compared through their exports, row by row (engines and backends must agree)."""
from __future__ import annotations

import json

from storyledger.store import LedgerStore
from storyledger.store.export import rows


def assert_same_exports(a, b) -> None:
    with LedgerStore(a, readonly=True) as s1, LedgerStore(b, readonly=True) as s2:
        r1, r2 = rows(s1), rows(s2)
    assert {k: len(v) for k, v in r1.items()} == {k: len(v) for k, v in r2.items()}
    for name in r1:
        assert [json.dumps(x, sort_keys=True) for x in r1[name]] == \
               [json.dumps(x, sort_keys=True) for x in r2[name]], name
