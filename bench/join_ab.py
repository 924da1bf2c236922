"""The figure join of two source trees on one ledger file, alternated in one process (both meet the
same load), CPU seconds and a digest of the groups and joins each gives.

    .venv/bin/python bench/join_ab.py BEFORE_SRC AFTER_SRC LEDGER.db [ROUNDS]

BEFORE_SRC and AFTER_SRC hold a ``storyledger`` package each (e.g. ``git archive main src | tar -x
-C /tmp/before``, then ``/tmp/before/src``); each is copied under its own package name so both
load side by side. Each builds its own tellings from the file's articles and claims (read-only) and
times ``ledger.join.cluster`` over the figure tellings with the GC off, as the ledger step runs.
"""
import gc
import hashlib
import importlib
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path


def _copy(src: str, name: str, into: Path) -> None:
    dst = into / name
    shutil.copytree(Path(src) / "storyledger", dst)
    for p in dst.rglob("*.py"):
        text = p.read_text()
        text = re.sub(r"\bstoryledger\.(?=[a-z_])", f"{name}.", text)
        text = re.sub(r"\bfrom storyledger import\b", f"from {name} import", text)
        p.write_text(text)


def main(before: str, after: str, db: str, rounds: int = 3) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="join_ab"))
    sys.path.insert(0, str(tmp))
    runs = {}
    for name, src in (("sl_before", before), ("sl_after", after)):
        _copy(src, name, tmp)
        join = importlib.import_module(f"{name}.ledger.join")
        store = importlib.import_module(f"{name}.store")
        sources = importlib.import_module(f"{name}.ledger.sources")
        with store.LedgerStore(db, readonly=True) as st:
            sources.use_aliases(st.get_meta("aliases") or None)
            arts, claims = st.articles(), st.claims()
        runs[name] = (join, [t for t in join.make_tellings(arts, claims) if t.claim.kind == "figure"])
    times: dict[str, list[float]] = {n: [] for n in runs}
    for r in range(rounds):
        for name, (join, figs) in runs.items():
            gc.collect()
            gc.disable()
            c0 = time.process_time()
            groups, joins = join.cluster(figs)
            times[name].append(time.process_time() - c0)
            gc.enable()
            digest = hashlib.sha1(repr(sorted(sorted(t.id for t in g) for g in groups)).encode()
                                  + repr(sorted(joins.items())).encode()).hexdigest()[:12]
            print(f"{name} round {r}: {times[name][-1]:.2f} CPU-s, {len(figs)} figure tellings, "
                  f"{len(groups)} groups, digest {digest}", flush=True)
    for name, ts in times.items():
        print(f"{name}: min {min(ts):.2f} mean {sum(ts) / len(ts):.2f} CPU-s")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 3)
