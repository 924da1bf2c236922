"""Run every quality evaluation in eval/ one after another and print their result lines.

    .venv/bin/python eval/run_all.py            # all of them (a few minutes)
    .venv/bin/python eval/run_all.py tempeval   # only those whose name contains a word

Each script reads public data from ../shared/datasets; when that is absent the run says so
and stops. The numbers go into docs/BENCHMARKS.md with the command that produced them.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[0].parent / "shared" / "datasets"

SCRIPTS = ["eval_extraction.py", "eval_htmldate.py", "eval_newsquant.py", "eval_polnear.py", "eval_quotes.py",
           "eval_tempeval.py", "eval_textdumps.py"]


def main(argv: list[str]) -> int:
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} not present (the evaluations read public data from there)")
        return 0
    wanted = [s for s in SCRIPTS if not argv or any(w in s for w in argv)]
    failed = 0
    for script in wanted:
        cmd = [sys.executable, str(HERE / script)]
        print(f"$ {' '.join(Path(c).name if i == 0 else str(Path(c).relative_to(HERE.parent)) for i, c in enumerate(cmd))}", flush=True)
        t0 = time.perf_counter()
        res = subprocess.run(cmd, cwd=HERE.parent)
        print(f"({time.perf_counter() - t0:.0f} s, exit {res.returncode})\n", flush=True)
        failed += res.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
