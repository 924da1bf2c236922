"""Cost of build_ledger on synthetic claims: time and peak memory at 1k, 10k, 50k claims.

    .venv/bin/python bench/ledger_cost.py [--sizes 1000,10000,50000] [--seed 1]

The claims are made up (no article text): many populations, measures, values,
sources and times; about a fifth are retellings of an earlier claim in another
article (same number and source, a nearby date), a few are wire copies
(duplicate articles), a tenth are statements or quotes. Time is measured on a
plain run; peak memory on a second run under tracemalloc. Joining is blocked,
so time should grow about linearly: the script prints the ratio of time per
claim between the largest and smallest size.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
import tracemalloc
from datetime import date

from storyledger.ledger import build_ledger
from storyledger.model import Article, Attribution, Claim, TimeSpan

MEASURES = ["deployed", "planned", "killed", "wounded", "killed_or_wounded", "missing", "captured",
            "displaced", "evacuated", "affected", "other"]
QUALS = ["exact", "exact", "approximately", "at_most", "at_least"]
BASES = ["clause", "explicit", "telling", "published"]


def corpus(n_claims: int, seed: int) -> tuple[list[Article], list[Claim]]:
    rnd = random.Random(seed)
    pops = [f"Group{k} people" for k in range(40)] + [None]
    sources = [f"Source {k}" for k in range(300)] + ["Country7 media", "Country3 officials", None]
    places = [None, None, None] + [f"Place {k}" for k in range(60)]
    values = [rnd.choice([1, 2, 3, 5, 6, 10, 12, 50, 100]) * 10 ** rnd.randint(0, 4) for _ in range(800)]
    day0 = date(2023, 1, 1).toordinal()
    n_articles = max(1, n_claims // 12)
    articles = []
    for k in range(n_articles):
        pub = date.fromordinal(day0 + rnd.randint(0, 730)).isoformat()
        dup = f"a{rnd.randrange(k):07d}" if k > 10 and rnd.random() < 0.03 else None
        articles.append(Article(id=f"a{k:07d}", source=f"s{k}.txt", outlet=f"Outlet {k % 97}",
                                agency=("Wire" if k % 5 == 0 else None), published=pub, duplicate_of=dup))
    claims: list[Claim] = []
    for k in range(n_claims):
        art = articles[rnd.randrange(n_articles)]
        pub = date.fromisoformat(art.published).toordinal()  # type: ignore[arg-type]
        if claims and rnd.random() < 0.2:
            # a retelling of an earlier claim, told by another article
            base = claims[rnd.randrange(len(claims))]
            claims.append(base.model_copy(update={"id": f"c{k:08d}", "article": art.id}))
            continue
        start = pub - rnd.randint(0, 40)
        span = TimeSpan(start=date.fromordinal(start).isoformat(),
                        end=date.fromordinal(start + rnd.choice([0, 0, 1, 6, 30])).isoformat(),
                        basis=rnd.choice(BASES))  # type: ignore[arg-type]
        attr = Attribution(source=rnd.choice(sources), via=(["Wire"] if rnd.random() < 0.2 else []))
        if rnd.random() < 0.1:
            kind = rnd.choice(["statement", "quote"])
            words = " ".join(f"w{rnd.randrange(3000)}" for _ in range(rnd.randint(6, 20)))
            claims.append(Claim(id=f"c{k:08d}", article=art.id, kind=kind, text=words,  # type: ignore[arg-type]
                                quote=words if kind == "quote" else None, as_of=span, attribution=attr))
            continue
        claims.append(Claim(id=f"c{k:08d}", article=art.id, kind="figure", text="synthetic",
                            value=float(rnd.choice(values)), qualifier=rnd.choice(QUALS),  # type: ignore[arg-type]
                            measure=rnd.choice(MEASURES), population=rnd.choice(pops),  # type: ignore[arg-type]
                            counted=rnd.choice(["troops", "soldiers", "people", None]),
                            where=rnd.choice(places), as_of=span, attribution=attr))
    return articles, claims


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    try:
        sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    except ValueError:
        print(f"error: --sizes must be comma-separated integers, got {args.sizes!r}", file=sys.stderr)
        return 2
    print("command: .venv/bin/python bench/ledger_cost.py --sizes " + ",".join(map(str, sizes))
          + f" --seed {args.seed}")
    print(f"{'claims':>8} {'articles':>8} {'facts':>7} {'series':>7} {'disagr':>7} {'seconds':>8} "
          f"{'us/claim':>9} {'peak MiB':>9}")
    per_claim = {}
    build_ledger(*corpus(200, args.seed))  # warm-up: imports (datasketch, numpy) are not ledger cost
    for n in sizes:
        arts, claims = corpus(n, args.seed)
        t0 = time.perf_counter()
        led = build_ledger(arts, claims)
        secs = time.perf_counter() - t0
        tracemalloc.start()
        build_ledger(arts, claims)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        per_claim[n] = secs / n
        print(f"{n:>8} {len(arts):>8} {len(led.facts):>7} {len(led.series):>7} {len(led.disagreements):>7} "
              f"{secs:>8.2f} {secs / n * 1e6:>9.1f} {peak / 2**20:>9.1f}")
    if len(sizes) > 1:
        lo, hi = min(sizes), max(sizes)
        print(f"time per claim at {hi} / at {lo}: {per_claim[hi] / per_claim[lo]:.2f} "
              f"(1.0 = linear; {hi // lo} would be quadratic)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
