"""Hostile-input harness: thousands of bad files of every kind mixed with good articles.

Each batch is one folder: hostile files (huge lines, huge or deeply nested HTML, binary junk,
gzip bombs, broken/odd JSON Lines, lone surrogates, 5,000-digit numbers, bad URLs, UTF-16 and
CR-only feeds, hidden and VCS folders, documentation names, names with newlines and escapes,
symlinks out of the folder and symlink loops) plus ``--good`` good articles we write ourselves,
each carrying a unique case number. Every batch is built by ``storyledger build`` in its own
process with a time limit; the harness then checks:

  crashes   the build process died (exit code other than 0/3) or printed a traceback
  hangs     the build passed ``--timeout`` seconds
  lost      a good article's case number is missing from the ledger's articles
  memory    the build's peak resident memory (max over batches)
  slowest   the slowest single input of the whole run (read + clean, from the worker's timings)

Usage (numbers in docs/BENCHMARKS.md):
  .venv/bin/python bench/fuzz_ingest.py --files 10000 --batches 20 --good 20 --out /tmp/fuzz
  .venv/bin/python bench/fuzz_ingest.py --files 300 --batches 3 --good 5     (a quick check)
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
HEAVY = {k_long_line, k_huge_text, k_html_nested, k_html_wide, k_html_script, k_gzip}


def make_batch(root: Path, batch: int, n_files: int, n_good: int, seed: int) -> list[str]:
    rnd = random.Random(seed + batch)
    d = root / f"batch{batch:03d}"
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    cases = []
    for i in range(n_good):
        case, text = good_article(batch, i)
        _w(d / f"good{i:03d}.txt", text)
        cases.append(case)
    made = 0
    while made < n_files:
        kind = rnd.choice(KINDS)
        if kind in HEAVY and rnd.random() < 0.85:     # keep the run's total size reasonable
            kind = rnd.choice([k_binary, k_empty, k_jsonl_bad, k_jsonl_encodings, k_names, k_odd_text])
        kind(d, made, rnd)
        made += 1
    return cases


# -- one batch's build, in its own process -----------------------------------------------------

WORKER = r"""
import json, resource, sys, time
from storyledger import ingest, pipeline
from storyledger.model import SkippedInput
from storyledger.store import LedgerStore
folder, db, timings = sys.argv[1:4]
report = pipeline.BuildReport()
slow = []
with LedgerStore(db) as store:
    it = ingest.iter_documents([folder])
    while True:
        t = time.perf_counter()
        item = next(it, None)
        if item is None:
            break
        size = len((getattr(item, "text", None) or "") + (getattr(item, "html", None) or ""))
        if isinstance(item, SkippedInput):
            pipeline._skip(store, report, item, None)
        else:
            pipeline._store_document(store, item, report, None)
        store.commit()
        slow.append((time.perf_counter() - t, size, item.source))
    ticks = [time.perf_counter()]
    pipeline.finish(store, report, progress=lambda s, d, n: ticks.append(time.perf_counter()) if s == "extract" else None)
slow.sort(reverse=True)
ext = sorted((b - a for a, b in zip(ticks, ticks[1:])), reverse=True)
json.dump({"slowest": slow[:3], "slowest_extract": ext[:1], "read": report.read, "skipped": len(report.skipped),
           "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}, open(timings, "w"))
"""


def run_batch(folder: Path, timeout: float) -> dict:
    db = folder.parent / (folder.name + ".db")
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    timings = folder.parent / (folder.name + ".json")
    t = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-c", WORKER, str(folder), str(db), str(timings)],
                              capture_output=True, text=True, timeout=timeout)
        code, err = proc.returncode, proc.stderr
    except subprocess.TimeoutExpired:
        return {"hang": True, "seconds": timeout, "db": db}
    out = {"hang": False, "code": code, "traceback": "Traceback" in err, "err": err[-2000:],
           "seconds": time.perf_counter() - t, "db": db}
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--files", type=int, default=1000, help="hostile files in all")
    ap.add_argument("--batches", type=int, default=5)
    ap.add_argument("--good", type=int, default=20, help="good articles per batch")
    ap.add_argument("--timeout", type=float, default=900, help="seconds before a batch counts as hung")
    ap.add_argument("--out", default="/tmp/storyledger-fuzz")
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    root = Path(args.out)
    root.mkdir(parents=True, exist_ok=True)
    per = max(1, args.files // args.batches)
    totals = {"files": 0, "good": 0, "crashes": 0, "hangs": 0, "lost": 0, "peak_mb": 0.0, "slowest": (0, 0, "")}
    t0 = time.perf_counter()
    for b in range(args.batches):
        cases = make_batch(root, b, per, args.good, args.seed)
        res = run_batch(root / f"batch{b:03d}", args.timeout)
        lost = landed(res["db"], cases)
        crash = not res["hang"] and (res.get("code") not in (0, 3) or res.get("traceback"))
        totals["files"] += per
        totals["good"] += len(cases)
        totals["crashes"] += bool(crash)
        totals["hangs"] += res["hang"]
        totals["lost"] += len(lost)
        totals["peak_mb"] = max(totals["peak_mb"], res.get("peak_mb", 0.0))
        if res.get("slowest") and res["slowest"][0][0] > totals["slowest"][0]:
            totals["slowest"] = tuple(res["slowest"][0])
        print(f"batch {b}: {res.get('seconds', 0):.0f} s, read {res.get('read')}, skipped {res.get('skipped')}, "
              f"lost {len(lost)}, peak {res.get('peak_mb', 0):.0f} MB" + (" HANG" if res["hang"] else "")
              + (" CRASH " + res.get("err", "")[-300:] if crash else ""), flush=True)
    s = totals["slowest"]
    print(f"hostile files {totals['files']} (+{totals['good']} good) in {time.perf_counter() - t0:.0f} s: "
          f"crashes {totals['crashes']}, hangs {totals['hangs']}, good articles lost {totals['lost']}, "
          f"peak memory {totals['peak_mb']:.0f} MB, slowest single input {s[0]:.2f} s "
          f"({s[1]:,} characters: {s[2]!r:.80})")
    return 1 if totals["crashes"] or totals["hangs"] or totals["lost"] else 0


if __name__ == "__main__":
    sys.exit(main())
