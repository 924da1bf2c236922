"""Reads under writes: N concurrent readers of the app while uploads and/or a CLI build write the ledger.

Serves a copy of an existing ledger (``--db``, e.g. the 2,000-article ledger from bench/make_corpus.py
+ storyledger build) with ``storyledger serve`` in its own process, runs ``--clients`` readers over
the ledger page, a search, an article and the figures API, and meanwhile:

- ``--uploads K``: K concurrent ``POST /api/articles`` (new articles), each followed to its job's end;
- ``--cli-build N``: ``storyledger build`` of N new article files into the same ledger file.

Prints read p50/p99 and errors per route, each upload's state and time, the CLI's exit code and time.

    nice -n 10 .venv/bin/python bench/web_load.py --db build/ledger2k.db --clients 50 --uploads 2
    nice -n 10 .venv/bin/python bench/web_load.py --db build/ledger2k.db --clients 50 --cli-build 20
"""
from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from rawhttp import Connection
from web_latency import pct

ROUTES = ["/", "/search?q=troops", "/api/articles/{article}", "/api/facts?kind=figure&limit=100", "/export/figures.csv"]


def new_texts(n: int, tag: str) -> list[str]:
    """N article texts no ledger holds yet: the demo corpus's text articles, each with one sentence added."""
    from storyledger.cli import demo_corpus_files
    texts = [Path(f).read_text(encoding="utf-8") for f in demo_corpus_files() if f.endswith(".txt")]
    return [f"{texts[i % len(texts)].rstrip()}\n\nThis update ({tag} {i}) was added while readers read the ledger.\n"
            for i in range(n)]


def synthetic(db: Path, n: int, settle: bool = True) -> None:
    """A generated ledger, settled as a build leaves one: corpus index made (MinHash signatures,
    sibling years), so an upload's corpus pass looks only at what the new article can change."""
    from report_scale import fill

    from storyledger import pipeline
    from storyledger.store import LedgerStore
    fill(db, n)
    if not settle:          # reads only: nothing will look at the corpus index
        return
    with LedgerStore(db) as store:
        report = pipeline.BuildReport()
        report.new_ids = store.article_ids()
        pipeline.corpus_pass(store, report)


def current_extraction(db: Path) -> None:
    """Mark every article extracted with this code's extraction version, as a build with this code
    would leave it (else the first upload re-extracts the whole ledger made by older code)."""
    from storyledger import extract
    con = sqlite3.connect(db)
    con.execute("INSERT INTO meta (key, value) SELECT 'extracted:' || id, ? FROM articles WHERE true "
                "ON CONFLICT(key) DO UPDATE SET value=excluded.value", (extract.VERSION,))
    con.commit()
    con.close()


def start_server(db: Path, workers: int) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "storyledger.cli", "serve", "--db", str(db), "--port", str(port),
                               "--workers", str(workers)], stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            httpx.get(base + "/api/timeline?limit=1", timeout=5)
            return server, base
        except httpx.TransportError:
            if time.time() > deadline or server.poll() is not None:
                raise SystemExit("the app server did not start")
            time.sleep(0.2)


async def readers(base: str, routes: list[str], clients: int, stop: asyncio.Event) -> dict[str, tuple[list, int]]:
    """``clients`` readers, each on its own keep-alive connection (bench/rawhttp.py: httpx's own
    CPU per request would be what is measured), going round the routes until ``stop``."""
    got: dict[str, tuple[list[float], list[int]]] = {r: ([], [0]) for r in routes}

    async def reader(i: int) -> None:
        conn, k = Connection(base), i
        while not stop.is_set():
            route = routes[k % len(routes)]
            k += 1
            t0 = time.perf_counter()
            try:
                ok = (await conn.get(route))[0] == 200
            except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError):
                ok = False
            got[route][0].append(time.perf_counter() - t0)
            got[route][1][0] += 0 if ok else 1
        await conn.close()

    await asyncio.gather(*(reader(i) for i in range(clients)))
    return {r: (lat, err[0]) for r, (lat, err) in got.items()}


async def upload(base: str, text: str) -> tuple[str, float, dict]:
    t0 = time.perf_counter()
    async with httpx.AsyncClient(timeout=120) as client:
        r = await client.post(base + "/api/articles", json={"text": text})
        if r.status_code != 202:
            return f"refused {r.status_code}", time.perf_counter() - t0, {}
        url = base + r.json()["status_url"]
        while True:
            try:
                st = (await client.get(url)).json()
            except httpx.TransportError:      # the status is read again; the upload is not resent
                await asyncio.sleep(0.5)
                continue
            if st["state"] in ("done", "failed"):
                return st["state"], time.perf_counter() - t0, st.get("result") or {"error": st.get("error")}
            await asyncio.sleep(0.5)


def cli_build(db: Path, texts: list[str], folder: Path) -> subprocess.Popen:
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"new{i:04d}.txt").write_text(text)
    return subprocess.Popen([sys.executable, "-m", "storyledger.cli", "build", str(folder), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


async def scenario(args, base: str, db: Path, tmp: Path, routes: list[str]) -> None:
    stop = asyncio.Event()
    reading = asyncio.create_task(readers(base, routes, args.clients, stop))
    await asyncio.sleep(args.warm)
    t0 = time.perf_counter()
    cli = cli_build(db, new_texts(args.cli_build, "cli"), tmp / "new") if args.cli_build else None
    ups = await asyncio.gather(*(upload(base, t) for t in new_texts(args.uploads, f"upload-{os.getpid()}")))
    while cli is not None and cli.poll() is None:
        await asyncio.sleep(0.5)
    await asyncio.sleep(args.warm)
    stop.set()
    for route, (lat, errors) in (await reading).items():
        print(f"read {route}: {len(lat)} requests, p50 {1000 * statistics.median(lat):.0f} ms, "
              f"p99 {1000 * pct(lat, 99):.0f} ms, {errors} errors", flush=True)
    every = [x for lat, _ in (await reading).values() for x in lat]
    print(f"read (all routes): {len(every)} requests, p50 {1000 * statistics.median(every):.0f} ms, "
          f"p99 {1000 * pct(every, 99):.0f} ms, {sum(e for _, e in (await reading).values())} errors")
    for i, (state, secs, res) in enumerate(ups):
        print(f"upload {i}: {state} in {secs:.1f} s: {res.get('message') or res}")
    if cli is not None:
        print(f"CLI build of {args.cli_build} files: exit {cli.returncode} in {time.perf_counter() - t0:.1f} s"
              + (f"; stderr: {cli.stderr.read().strip()[:300]}" if cli.returncode else ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="the ledger to serve (a copy is used)")
    ap.add_argument("--synthetic", type=int, default=0, metavar="N",
                    help="serve a generated ledger of N articles instead (bench/report_scale.py; no spaCy)")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--uploads", type=int, default=0)
    ap.add_argument("--cli-build", type=int, default=0, metavar="N")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--warm", type=float, default=5.0,
                    help="seconds of reads before and after the writes (with no writes: the whole run is 2x this)")
    args = ap.parse_args()
    print("command: " + " ".join([Path(sys.executable).name, *sys.argv]), flush=True)
    print("load before: " + os.popen("uptime").read().strip(), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "ledger.db"
        if args.synthetic:
            synthetic(db, args.synthetic, settle=bool(args.uploads or args.cli_build))
        else:
            shutil.copy(args.db, db)
        current_extraction(db)
        con = sqlite3.connect(db)
        article = con.execute("SELECT id FROM articles ORDER BY seq LIMIT 1 OFFSET MIN(777, (SELECT COUNT(*) - 1 FROM articles))").fetchone()[0]
        n = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        con.close()
        routes = [r.format(article=article) for r in ROUTES]
        server, base = start_server(db, args.workers)
        try:
            # the first answer of each route, as after any start or new ledger version (kept per
            # version from then on): timed alone, before the readers start
            for route in routes:
                t0 = time.perf_counter()
                code = httpx.get(base + route, timeout=600).status_code
                print(f"first answer {route}: {code} in {1000 * (time.perf_counter() - t0):.0f} ms", flush=True)
            print(f"{n}-article ledger, {args.workers} server process(es), {args.clients} readers", flush=True)
            asyncio.run(scenario(args, base, db, Path(tmp), routes))
        finally:
            server.terminate()
            server.wait(30)
    print("load after: " + os.popen("uptime").read().strip())


if __name__ == "__main__":
    main()
