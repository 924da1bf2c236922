"""Hostile-input harness: thousands of bad files of every kind mixed with good articles.

Each batch is one folder: hostile files (huge lines, huge or deeply nested HTML, binary junk,
gzip bombs, broken/odd JSON Lines, lone surrogates, 5,000-digit numbers, bad URLs, UTF-16 and
CR-only feeds, hidden and VCS folders, documentation names, names with newlines and escapes,
symlinks out of the folder and symlink loops) plus ``--good`` good articles we write ourselves,
each carrying a unique case number. Every batch is built (read, clean, store, extract, ledger)
in its own process; the harness then checks:

  crashes   an exception escaped the build's own handling, or the process died / printed a traceback
  hangs     one file or one article's extraction passed ``--per-file`` seconds (or a batch ``--timeout``)
  lost      a good article's case number is missing from the ledger's articles
  memory    the build's peak resident memory (max over batches)
  slowest   the slowest single input of the whole run (read + clean, from the worker's timings)

Every file's read+clean and every article's extraction runs under a watchdog (``--per-file``
seconds, SIGALRM): one that passes it counts as a hang and the build goes on with the next file.
Batches run ``--jobs`` at a time; a batch that passed leaves nothing on disk (``--keep`` keeps it).

Usage (numbers in docs/BENCHMARKS.md):
  nice -n 10 .venv/bin/python bench/fuzz_ingest.py --files 10000 --per-batch 250 --jobs 2 --out /tmp/fuzz
  .venv/bin/python bench/fuzz_ingest.py --files 200 --per-batch 100 --good 5     (a quick check)
Exits 1 when any crash, hang or lost article is found.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
TOWNS = ["Alder Bay", "Port Wren", "Kestrel Falls", "Millbrook", "Stonehaven", "Larkspur"]


def good_article(batch: int, i: int) -> tuple[str, str]:
    """(case number, text) of a good article we wrote; every one differs in its numbers."""
    rnd = random.Random(batch * 1000 + i)
    town, day = rnd.choice(TOWNS), rnd.choice(WEEKDAYS)
    case = f"QX{batch}Z{i}W"
    n, m = rnd.randint(20, 900), rnd.randint(2, 60)
    text = (f"Storm floods {town} as river breaks its banks\n\n"
            f"Officials in {town} said on {day} that {n} residents were evacuated after the river rose "
            f"overnight. The mayor said {m} homes were damaged and crews were still pumping water from "
            f"the lower streets. The emergency office gave the operation the case number {case}.\n\n"
            f"\"We expect the water to fall by the weekend,\" the mayor said. A regional spokesperson said "
            f"{rnd.randint(3, 30)} schools would stay closed until {rnd.choice(WEEKDAYS)}.\n")
    return case, text


# -- hostile kinds: each writes one or more entries under ``d`` -------------------------------------

def _w(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    path.write_bytes(data)


def k_long_line(d, k, rnd):
    unit = rnd.choice(["a.", "_", "word ", "x@y.", "1, ", "a | ", "(", "Ab ", "\t", "—"])
    _w(d / f"long{k}.txt", "Headline of a long line\n\n" + unit * (rnd.randint(50_000, 1_500_000) // len(unit)))


def k_huge_text(d, k, rnd):
    para = "The council said the bridge would reopen. " * 20 + "\n\n"
    _w(d / f"huge{k}.txt", "A very long report\n\n" + para * rnd.randint(500, 4000))


def k_html_nested(d, k, rnd):
    n = rnd.randint(2000, 50_000)
    _w(d / f"nested{k}.html", "<html><body>" + "<div>" * n + "deep text here" + "</div>" * n + "</body></html>")


def k_html_wide(d, k, rnd):
    rows = "".join(f"<div class='c{i % 7}'><p>cell {i} text &amp; more</p></div>" for i in range(rnd.randint(20_000, 90_000)))
    _w(d / f"wide{k}.html", f"<!doctype html><html><head><title>Wide</title></head><body>{rows}</body></html>")


def k_html_script(d, k, rnd):
    js = "var a=" + "[" * 5000 + "]" * 5000 + ";" + "x=1;" * rnd.randint(10_000, 200_000)
    _w(d / f"script{k}.html", f"<html><head><script>{js}</script></head><body><p>short body text only</p></body></html>")


def k_binary(d, k, rnd):
    _w(d / f"blob{k}.txt", bytes(rnd.getrandbits(8) for _ in range(rnd.randint(10, 20_000))))


def k_empty(d, k, rnd):
    _w(d / f"empty{k}.txt", rnd.choice(["", "   \n\n\t", "\ufeff", "\n" * 1000]))


def k_jsonl_bad(d, k, rnd):
    lines = [
        '{"text": "x", "n": ' + "9" * rnd.randint(4400, 20_000) + "}",
        '{"text": "lone \\ud800 surrogate in a record with enough words to keep", "title": "\\udfff"}',
        json.dumps({"text": "A record with a broken link and enough words to be kept as an article.",
                    "url": rnd.choice(["http://[::1", "http://a b", "ht\ttp://x\n", "http://[zz]"])}),
        "[" * 100_000, '{"text": ' + "[" * 3000 + "]" * 3000 + "}", "[1, 2, 3]", '"just a string"',
        '{"title": "no text"}', '{"text": 12}', "{not json", '{"text": "' + "y" * 200_000 + '"}',
        json.dumps({"text": "Dates of every kind, said the office on Monday.", "published": "99999-99-99",
                    "fetched_at": "\ud800"}, ensure_ascii=False),
        '{"text": "1e999 people", "published": 1e999}', '{"text": null, "html": {"a": 1}}',
    ]
    rnd.shuffle(lines)
    _w(d / f"feed{k}.jsonl", "\n".join(lines[:rnd.randint(3, len(lines))]) + "\n")


def k_jsonl_encodings(d, k, rnd):
    rec = json.dumps({"text": f"Feed record {k} in an odd encoding says the office counted 12 boats on Monday."})
    kind = rnd.choice(["cr", "utf16", "utf32", "crlf"])
    if kind == "cr":
        _w(d / f"cr{k}.jsonl", (rec + "\r") * 3)
    elif kind == "crlf":
        _w(d / f"crlf{k}.jsonl", (rec + "\r\n") * 3)
    else:
        _w(d / f"{kind}{k}.jsonl", ((rec + "\n") * 3).encode("utf-16" if kind == "utf16" else "utf-32"))


def k_gzip(d, k, rnd):
    if rnd.random() < 0.5:
        _w(d / f"bomb{k}.txt.gz", gzip.compress(b"\0" * (30 * 1024 * 1024), compresslevel=9))
    else:
        _w(d / f"cut{k}.jsonl.gz", gzip.compress(b'{"text": "a truncated gzip file"}\n' * 100)[:50])


def k_names(d, k, rnd):
    name = rnd.choice([f"new\nline{k}.txt", f"esc\x1b[8m{k}.txt", f"bell\x07{k}.txt", f"tab\t{k}.txt",
                       f"rtl\u202e{k}txt.exe", f"  spaces {k} .txt"])
    _w(d / name, "A short note with a strange file name.\n")


def k_hidden(d, k, rnd):
    _w(d / f".hidden{k}.txt", "hidden file text that is not an article at all")
    _w(d / ".git" / f"objects{k}" / "pack.txt", "version control data, never an article")
    _w(d / ".svn" / f"entries{k}", "more version control data")


def k_docs(d, k, rnd):
    _w(d / f"docs{k}" / "README.md", "# About this folder\n\nThese files were saved by a crawler.\n")
    _w(d / f"docs{k}" / "source.txt", "https://example.org/feed\n")
    _w(d / f"docs{k}" / "copying", "Permission is granted to copy these notes.\n")


def k_links(d, k, rnd):
    link = d / f"link{k}.txt"
    if not link.exists() and not link.is_symlink():
        link.symlink_to(rnd.choice(["/etc/passwd", "/etc/hostname", "/proc/self/environ"]))
    loop = d / f"loop{k}"
    if not loop.exists() and not loop.is_symlink():
        loop.symlink_to(".")
    out = d / f"outside{k}"
    if not out.exists() and not out.is_symlink():
        out.symlink_to("/usr/share/doc")


def k_odd_text(d, k, rnd):
    body = rnd.choice([
        "Ünïcödé headline\n\n" + "Zeichen und Wörter, sagte der Sprecher am Montag. " * 30,
        "\u202eReversed text\n\n" + "The office said 1" + "0" * 500 + " people were counted. " * 5,
        "Control \x1b[31mred\x1b[0m headline\n\nThe council said on Monday that \x1b]0;title\x07 it met. " * 3,
        "Dates\n\nOn 31/31/2099, 00:99, and 99 years ago, the office said 12 boats sank on Feb. 30. " * 5,
    ])
    enc = rnd.choice(["utf-8", "latin-1", "utf-16", "cp1252"])
    _w(d / f"odd{k}.txt", body.encode(enc, "replace"))


KINDS = [k_long_line, k_huge_text, k_html_nested, k_html_wide, k_html_script, k_binary, k_empty,
         k_jsonl_bad, k_jsonl_encodings, k_gzip, k_names, k_hidden, k_docs, k_links, k_odd_text]
HEAVY = [k_long_line, k_huge_text, k_html_nested, k_html_wide, k_html_script, k_gzip]
LIGHT = [k for k in KINDS if k not in HEAVY]


def _entries(d: Path) -> int:
    """Files, folders' entries and symlinks under ``d`` (symlinks not followed)."""
    return sum(len(files) + sum(1 for x in dirs if (Path(root) / x).is_symlink())
               for root, dirs, files in os.walk(d, followlinks=False))


def make_batch(root: Path, batch: int, n_files: int, n_good: int, seed: int, heavy: float) -> tuple[list[str], int]:
    """One folder of ``n_files`` hostile entries (a share ``heavy`` of them megabyte-sized) and
    ``n_good`` good articles; returns the good articles' case numbers and the hostile entries made."""
    rnd = random.Random(seed * 100_003 + batch)
    d = root / f"batch{batch:04d}"
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    cases = []
    for i in range(n_good):
        case, text = good_article(batch, i)
        _w(d / f"good{i:03d}.txt", text)
        cases.append(case)
    k = 0
    while _entries(d) - n_good < n_files:
        kind = rnd.choice(HEAVY if rnd.random() < heavy else LIGHT)
        kind(d, k, rnd)
        k += 1
    return cases, _entries(d) - n_good


# -- one batch's build, in its own process -----------------------------------------------------

WORKER = r"""
import json, resource, signal, sys, time
from storyledger import ingest, pipeline
from storyledger.model import SkippedInput
from storyledger.store import LedgerStore
folder, db, timings, limit = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])

class Hang(BaseException):      # not an Exception: no handler in storyledger may swallow it
    pass

def alarm(*_):
    raise Hang()

signal.signal(signal.SIGALRM, alarm)
report = pipeline.BuildReport()
slow, hangs, crashes = [], [], []
current = [None, 0]
with LedgerStore(db) as store:
    it = ingest.iter_documents([folder], ledger=db)
    while True:
        t = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, limit)        # the per-file watchdog
        try:
            item = next(it, None)
            if item is None:
                break
            size = len((getattr(item, "text", None) or "") + (getattr(item, "html", None) or ""))
            current[:] = [item.source, size]
            if isinstance(item, SkippedInput):
                pipeline._skip(store, report, item, None)
            else:
                pipeline._store_document(store, item, report, None)
            store.commit()
        except Hang:
            hangs.append(("read+clean", current[0], current[1]))
            store.db.rollback()
            continue
        except Exception as exc:   # a crash: what the build would have died of
            crashes.append(("read+clean", current[0], repr(exc)[:300]))
            continue
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        slow.append((time.perf_counter() - t, current[1], current[0]))
    ticks = [time.perf_counter()]
    def tick(stage, done, total):
        if stage == "extract":
            ticks.append(time.perf_counter())
            signal.setitimer(signal.ITIMER_REAL, limit)    # each article's extraction gets the limit
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        pipeline.finish(store, report, progress=tick)
    except Hang:
        hangs.append(("extract", "article after %d extracted" % (len(ticks) - 1), 0))
    except Exception as exc:
        crashes.append(("finish", "", repr(exc)[:300]))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
slow.sort(reverse=True)
ext = sorted((b - a for a, b in zip(ticks, ticks[1:])), reverse=True)
json.dump({"slowest": slow[:3], "slowest_extract": ext[:1], "read": report.read, "skipped": len(report.skipped),
           "extracted": report.extracted, "hangs": hangs, "crashes": crashes,
           "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}, open(timings, "w"))
"""


def run_batch(folder: Path, per_file: float, timeout: float) -> dict:
    db = folder.parent / (folder.name + ".db")
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    timings = folder.parent / (folder.name + ".json")
    timings.unlink(missing_ok=True)
    t = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-c", WORKER, str(folder), str(db), str(timings), str(per_file)],
                              capture_output=True, text=True, timeout=timeout)
        code, err = proc.returncode, proc.stderr
    except subprocess.TimeoutExpired:
        return {"hang": True, "seconds": timeout, "db": db, "hangs": [("batch", str(folder), 0)], "crashes": []}
    out = {"hang": False, "code": code, "traceback": "Traceback" in err, "err": err[-2000:],
           "seconds": time.perf_counter() - t, "db": db, "hangs": [], "crashes": []}
    if timings.exists():
        out.update(json.loads(timings.read_text()))
    return out


def landed(db: Path, cases: list[str]) -> list[str]:
    """The case numbers of good articles missing from the ledger's articles."""
    import sqlite3
    if not db.exists():
        return cases
    con = sqlite3.connect(db)
    try:
        return [c for c in cases if not con.execute(
            "SELECT 1 FROM articles WHERE data LIKE ?", (f"%{c}%",)).fetchone()]
    finally:
        con.close()


def one_batch(args, b: int) -> dict:
    root = Path(args.out)
    cases, made = make_batch(root, b, args.per_batch, args.good, args.seed, args.heavy)
    res = run_batch(root / f"batch{b:04d}", args.per_file, args.timeout)
    res["lost"] = landed(res["db"], cases)
    res["files"], res["good"], res["batch"] = made, len(cases), b
    res["crash"] = bool(res["crashes"]) or (not res["hang"] and (res.get("code") != 0 or res.get("traceback")))
    res["db"] = str(res["db"])
    if not args.keep and not res["crash"] and not res["hangs"] and not res["lost"]:
        shutil.rmtree(root / f"batch{b:04d}", ignore_errors=True)
        for suffix in ("", "-wal", "-shm"):
            Path(res["db"] + suffix).unlink(missing_ok=True)
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--files", type=int, default=1000, help="hostile entries in all (files, folders' entries, links)")
    ap.add_argument("--per-batch", type=int, default=250, help="hostile entries per batch (one build each)")
    ap.add_argument("--good", type=int, default=20, help="good articles per batch")
    ap.add_argument("--heavy", type=float, default=0.01,
                    help="share of hostile entries that are megabyte-sized (long lines, huge text/HTML, gzip bombs)")
    ap.add_argument("--jobs", type=int, default=2, help="batches built at once")
    ap.add_argument("--per-file", type=float, default=300, help="seconds one file (read+clean) or one "
                    "article's extraction may take before it counts as a hang")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds before a whole batch counts as hung")
    ap.add_argument("--out", default="/tmp/storyledger-fuzz")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--keep", action="store_true", help="keep every batch's folder and ledger (default: only failing ones)")
    args = ap.parse_args()
    Path(args.out).mkdir(parents=True, exist_ok=True)
    batches = max(1, -(-args.files // args.per_batch))
    totals = {"files": 0, "good": 0, "crashes": 0, "hangs": 0, "lost": 0, "peak_mb": 0.0, "slowest": (0, 0, ""),
              "slowest_extract": 0.0, "read": 0, "skipped": 0}
    t0 = time.perf_counter()
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for res in pool.map(lambda b: one_batch(args, b), range(batches)):
            totals["files"] += res["files"]
            totals["good"] += res["good"]
            totals["crashes"] += len(res["crashes"]) or int(res["crash"])
            totals["hangs"] += len(res["hangs"])
            totals["lost"] += len(res["lost"])
            totals["read"] += res.get("read") or 0
            totals["skipped"] += res.get("skipped") or 0
            totals["peak_mb"] = max(totals["peak_mb"], res.get("peak_mb", 0.0))
            totals["slowest_extract"] = max([totals["slowest_extract"]] + res.get("slowest_extract", []))
            if res.get("slowest") and res["slowest"][0][0] > totals["slowest"][0]:
                totals["slowest"] = tuple(res["slowest"][0])
            print(f"batch {res['batch']}: {res['files']} hostile + {res['good']} good, {res.get('seconds', 0):.0f} s, "
                  f"read {res.get('read')}, skipped {res.get('skipped')}, lost {len(res['lost'])}, "
                  f"peak {res.get('peak_mb', 0):.0f} MB"
                  + (f" HANGS {res['hangs']}" if res["hangs"] else "")
                  + (f" CRASH {res['crashes']} {res.get('err', '')[-300:]}" if res["crash"] else ""), flush=True)
    s = totals["slowest"]
    print(f"hostile entries {totals['files']} (+{totals['good']} good articles) in {batches} batches, "
          f"{time.perf_counter() - t0:.0f} s: crashes {totals['crashes']}, hangs {totals['hangs']}, "
          f"good articles lost {totals['lost']}, documents read {totals['read']}, skipped {totals['skipped']}, "
          f"peak memory {totals['peak_mb']:.0f} MB, slowest single input (read+clean) {s[0]:.2f} s "
          f"({s[1]:,} characters: {s[2]!r:.80}), slowest single extraction {totals['slowest_extract']:.2f} s")
    return 1 if totals["crashes"] or totals["hangs"] or totals["lost"] else 0


if __name__ == "__main__":
    sys.exit(main())
