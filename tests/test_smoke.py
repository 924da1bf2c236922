from pathlib import Path

from storyledger import pipeline
from storyledger.store import LedgerStore


def test_build_is_idempotent(tmp_path: Path):
    src = tmp_path / "a.txt"
    src.write_text("A title\n\nSome body text written for this test.\n", encoding="utf-8")
    db = tmp_path / "l.db"
    r1 = pipeline.build([src], db)
    r2 = pipeline.build([src], db)
    assert (r1.new, r2.new, r2.unchanged) == (1, 0, 1)
    with LedgerStore(db, readonly=True) as s:
        assert s.count("articles") == 1
