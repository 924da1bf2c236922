"""App latency under a bounded local load: 50 concurrent clients, a fixed number of requests.

Starts uvicorn on 127.0.0.1 on a free port (its own process, so the load generator does not
share its GIL) on the demo ledger, then asyncio +
httpx clients fetch the ledger page and a search; prints p50/p99 per route and stops.

    .venv/bin/python bench/web_latency.py
    .venv/bin/python bench/web_latency.py --clients 50 --requests 1000
    .venv/bin/python bench/web_latency.py --synthetic 2000 --workers 2 --requests 500

``--synthetic N`` serves a ledger of N articles written straight into the store by
bench/report_scale.py (~35 claims an article; no spaCy) and adds the figures table (a page of
/api/claims), one article and the claims of that article to the routes.
"""
from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import sys
import tempfile
import subprocess
import time
from pathlib import Path

import httpx

from storyledger import pipeline
from storyledger.cli import demo_corpus_dir, demo_corpus_files

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rawhttp import Connection  # noqa: E402


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q / 100 * (len(xs) - 1))))]


async def load(base: str, path: str, clients: int, total: int) -> tuple[list[float], int, float]:
    """``total`` GETs of ``path`` by ``clients`` concurrent keep-alive connections (bench/rawhttp.py:
    a client cheap enough not to be what is measured)."""
    lat: list[float] = []
    errors = 0
    left = [total]

    async def worker() -> None:
        nonlocal errors
        conn = Connection(base)
        while left[0] > 0:
            left[0] -= 1
            t0 = time.perf_counter()
            try:
                ok = (await conn.get(path))[0] == 200
            except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError):
                ok = False
            lat.append(time.perf_counter() - t0)
            errors += 0 if ok else 1
        await conn.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    return lat, errors, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=1000, help="requests per route")
    ap.add_argument("--query", default="North Korean troops")
    ap.add_argument("--synthetic", type=int, default=0, help="serve a generated ledger of N articles")
    ap.add_argument("--workers", type=int, default=1, help="server processes (storyledger serve --workers)")
    args = ap.parse_args()
    print("command: " + " ".join([Path(sys.executable).name, *sys.argv]), flush=True)
    src = demo_corpus_files()
    if not src:
        print(f"demo corpus missing in {demo_corpus_dir()}: nothing measured")
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        routes = []
        if args.synthetic:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from report_scale import fill
            fill(db, args.synthetic)
            args.query = "officials revised"
            routes = [("figures table GET /api/claims?measure=deployed&limit=100",
                       "/api/claims?measure=deployed&limit=100"),
                      ("an article  GET /api/articles/a000777", "/api/articles/a000777")]
        else:
            pipeline.build(src, db)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "storyledger.cli", "serve", "--db", str(db),
                                   "--port", str(port), "--workers", str(args.workers)], stdout=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        deadline = time.time() + 30
        while True:
            try:
                httpx.get(base + "/api/timeline", timeout=2)
                break
            except httpx.TransportError:
                if time.time() > deadline or server.poll() is not None:
                    raise SystemExit("the app server did not start")
                time.sleep(0.1)
        try:
            page = httpx.get(base + "/").content
            print(f"{args.synthetic or 'demo'}-article ledger page: {len(page) / 1e3:.0f} kB; "
                  f"{args.workers} uvicorn worker(s), "
                  f"{args.clients} concurrent clients, {args.requests} requests per route")
            q = args.query.replace(" ", "+")
            for name, path in (("ledger page  GET /", "/"), (f"search page  GET /search?q={q}", f"/search?q={q}"),
                               (f"search API   GET /api/search?q={q}", f"/api/search?q={q}"), *routes):
                lat, errors, wall = asyncio.run(load(base, path, args.clients, args.requests))
                print(f"{name}: p50 {1000 * statistics.median(lat):.1f} ms, p99 {1000 * pct(lat, 99):.1f} ms, "
                      f"{len(lat) / wall:.0f} req/s, {errors} errors", flush=True)
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
