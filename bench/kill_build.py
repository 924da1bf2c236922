"""Kill -9 a build at evenly spaced points; the ledger file must stay sound and, after the build
is run again, hold the same ledger as a build that was never interrupted.

    nice -n 10 .venv/bin/python bench/kill_build.py --n 2000 --kills 10 --out /tmp/storyledger-kill

Steps: a corpus of ``--n`` articles (bench/make_corpus.py); one clean ``storyledger build`` (its
time T is the clock for the kill points; kept as OUT/clean.db + OUT/clean.seconds and reused by a
later run, e.g. after ``--clean-only``, and by bench/web_load.py --db); then for k = 1..K a fresh build killed with SIGKILL at
k/(K+1) of T, ``PRAGMA integrity_check`` on the file it left, the same build run again to the end,
and its ledger tables compared row by row with the clean build's. Exits 1 on any difference.
"""
from __future__ import annotations

import argparse
import hashlib
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import make_corpus  # noqa: E402

# what a reader of the ledger sees (meta holds build times and counters, not the ledger)
TABLES = ["articles", "claims", "skipped", "facts", "fact_members", "series", "series_points",
          "disagreements", "timeline"]


def build(corpus: Path, db: Path, kill_after: float | None = None) -> tuple[float, bool]:
    """Run ``storyledger build``; with ``kill_after`` send SIGKILL then. (seconds, was it killed)."""
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "storyledger.cli", "build", str(corpus), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        proc.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return time.perf_counter() - t, True
    if proc.returncode not in (0, 3):
        raise SystemExit(f"build failed ({proc.returncode}): {proc.stderr.read()[-500:]}")
    return time.perf_counter() - t, False


def digest(db: Path) -> dict[str, str]:
    con = sqlite3.connect(db)
    try:
        out = {}
        have = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        for table in TABLES:
            if table not in have:
                continue
            cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})") if r[1] != "seq"]
            h = hashlib.blake2b(digest_size=16)
            for row in con.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {', '.join(cols)}"):
                h.update(repr(row).encode())
            out[table] = h.hexdigest()
        return out
    finally:
        con.close()


def integrity(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        return ", ".join(r[0] for r in con.execute("PRAGMA integrity_check"))
    finally:
        con.close()


def _fresh(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="articles in the corpus")
    ap.add_argument("--kills", type=int, default=10, help="kill points, evenly spaced over a clean build")
    ap.add_argument("--out", default="/tmp/storyledger-kill")
    ap.add_argument("--points", help="run only these kill points, e.g. 6,7,8,9,10 (default: all of 1..K); "
                    "a long run can be split over sessions that reuse OUT/clean.db")
    ap.add_argument("--clean-only", action="store_true",
                    help="make the corpus and the clean build (OUT/clean.db, reused by later runs) and stop")
    args = ap.parse_args()
    out = Path(args.out)
    corpus = out / "corpus"
    if not corpus.exists():
        make_corpus(corpus, args.n, seed=1)
    ref, clock = out / "clean.db", out / "clean.seconds"
    if ref.exists() and clock.exists():     # one clean build serves every later run (and other benches)
        took = float(clock.read_text())
        print(f"clean build of {args.n} articles reused: {ref} ({took:.0f} s when built)", flush=True)
    else:
        _fresh(ref)
        took, _ = build(corpus, ref)
        clock.write_text(f"{took:.1f}\n")
    want = digest(ref)
    print(f"clean build of {args.n} articles: {took:.0f} s; tables {', '.join(want)}", flush=True)
    if args.clean_only:
        return 0
    bad = 0
    points = [int(p) for p in args.points.split(",")] if args.points else list(range(1, args.kills + 1))
    for k in points:
        db = out / f"kill{k}.db"
        _fresh(db)
        at = took * k / (args.kills + 1)
        _, killed = build(corpus, db, kill_after=at)
        ok = integrity(db)
        rerun, _ = build(corpus, db)
        got = digest(db)
        diff = [t for t in want if got.get(t) != want[t]]
        bad += bool(diff) or ok != "ok"
        print(f"kill {k} at {at:.0f} s ({'killed' if killed else 'finished first'}): integrity {ok}; "
              f"re-run {rerun:.0f} s; ledger {'identical' if not diff else 'DIFFERS in ' + ', '.join(diff)}",
              flush=True)
        _fresh(db)
    print(f"{len(points)} kills (points {','.join(map(str, points))} of {args.kills}): "
          f"{len(points) - bad} sound and identical after re-running, {bad} not")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
