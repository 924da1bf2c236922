"""Report size and render time as the ledger grows: 200, 2,000 and 10,000 articles.

The ledgers are written straight into the store (no spaCy: only the view is measured), with the
list lengths a real story of that size gives: ~35 claims an article (what bench/make_corpus.py
articles yield), half as many facts, 12 series whose points grow with the corpus, a disagreement
per 10 articles, a timeline entry per article. Bodies are ~600 words of filler we write here.

    .venv/bin/python bench/report_scale.py [--sizes 200,2000,10000] [--whole-up-to 2000]
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from storyledger.model import (
    Article, Attribution, Claim, Disagreement, Fact, Ledger, Series, SeriesPoint, TimelineEntry, TimeSpan,
)
from storyledger.report import render_report, render_view
from storyledger.report.view import load_view
from storyledger.store import LedgerStore

CLAIMS_PER_ARTICLE = 35
WORDS = "officials said the figure was revised after new reports from the region on the day".split()


def _day(i: int) -> str:
    return (dt.date(2024, 10, 1) + dt.timedelta(days=i % 240)).isoformat()


def fill(db: Path, n: int) -> None:
    facts, points = [], []
    with LedgerStore(db) as st:
        for i in range(n):
            body = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(600)) + "."
            art = Article(id=f"a{i:06d}", source=f"/corpus/{i}.txt", title=f"Report {i} on the deployment",
                          body=body, published=_day(i), published_basis="explicit", outlet=f"Outlet {i % 40}")
            st.put_article(art)
            claims = []
            for j in range(CLAIMS_PER_ARTICLE):
                cid = f"c{i:06d}-{j:02d}"
                claims.append(Claim(id=cid, article=art.id, kind="figure", text=f"About {1000 + j} troops, officials said.",
                                    value=1000 + j, measure="deployed", as_of=TimeSpan(start=_day(i), end=_day(i)),
                                    attribution=Attribution(source=f"Source {j % 60}")))
                if j % 2 == 0:
                    facts.append(Fact(id=f"f{i:06d}-{j:02d}", kind="figure", claims=[cid], value=1000 + j))
                    points.append(SeriesPoint(fact=facts[-1].id, source=f"Source {j % 60}", value=1000 + j + i,
                                              as_of=TimeSpan(start=_day(i), end=_day(i)), published=_day(i),
                                              claims=[cid]))
            st.replace_claims(art.id, claims)
        series = [Series(id=f"s{k}", label=f"Quantity {k}", population="troops", measure="deployed",
                         points=points[k::12]) for k in range(12)]
        dis = [Disagreement(id=f"d{i}", kind="conflict", description=f"Sources differ on report {i}",
                            side_a=[f"c{i:06d}-00"], side_b=[f"c{i:06d}-02"], sources_a=["Source 0"],
                            sources_b=["Source 2"]) for i in range(0, n, 10)]
        timeline = [TimelineEntry(id=f"t{i}", start=_day(i), end=_day(i), text=f"Event {i}", kind="figure")
                    for i in range(n)]
        st.put_ledger(Ledger(facts=facts, series=series, disagreements=dis, timeline=timeline))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="200,2000,10000")
    ap.add_argument("--whole-up-to", type=int, default=2000, help="also render from a whole view up to this size")
    args = ap.parse_args()
    print("command: .venv/bin/python bench/report_scale.py " + " ".join(sys.argv[1:]), flush=True)
    for n in [int(x) for x in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "l.db"
            fill(db, n)
            with LedgerStore(db, readonly=True) as st:
                t0, c0 = time.perf_counter(), time.process_time()
                html = render_report(st)
                secs, cpu = time.perf_counter() - t0, time.process_time() - c0
                line = (f"{n:>6} articles, {n * CLAIMS_PER_ARTICLE} claims: report {len(html.encode()) / 1e6:.2f} MB, "
                        f"render {secs:.1f} s ({cpu:.1f} s CPU)")
                if n <= args.whole_up_to:   # the same page from a view read whole (how it was made before)
                    t0 = time.perf_counter()
                    whole = render_view(load_view(st, whole=True))
                    t_whole = time.perf_counter() - t0
                    same = whole.split("Made by storyledger")[0] == html.split("Made by storyledger")[0]
                    line += f"; read whole {t_whole:.1f} s (ratio {secs / t_whole:.2f}), same page: {same}"
            print(line, flush=True)


if __name__ == "__main__":
    main()
