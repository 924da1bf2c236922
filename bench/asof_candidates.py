"""How would candidate ways of dating the figures of UNDATED pages score on the dev sets?

Measures, before building any of them, each candidate's rights AND wrongs on the gold figures of
the pages whose publication date we leave unknown (and whose figure has no as_of of its own yet):

- ``weekday>=L``: a weekday in the figure's sentence is the first such day on or after L, the
  latest day the text itself writes (timex.find_times_undated, the reading the build uses);
- ``now=[L,L+k]``: the figure's time is the interval from L to k days later (a bound, not a point);
- ``story window``: the figure's time is the article's ``date_window`` (its dated siblings' span ±60 days);
- ``retold, any source``: the earliest dated telling of the same number and measure in the same
  ledger fact, whoever told it (ledger/retold.py asks for the same source and a fitting weekday).

    python3 ../shared/tools/score_devsets.py --keep build/asof_dev
    .venv/bin/python bench/asof_candidates.py build/asof_dev

Reads the dev sets' keys from ../shared at run time; prints one line per candidate.
"""
from __future__ import annotations

import datetime as dt
import json
import pathlib
import re
import sys

from storyledger import extract
from storyledger.extract import timex
from storyledger.words import WEEKDAYS

DEVSET = pathlib.Path(__file__).resolve().parents[1] / ".." / "shared" / "devset"
SETS = ("derna-floods", "russia-buildup", "seeds")
_WD = re.compile(r"(?i)\b(" + "|".join(WEEKDAYS) + r")s?\b")
D = dt.date.fromisoformat


def _rows(path: pathlib.Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def _undated_misses(kept: pathlib.Path, name: str):
    """(article, gold figure, our claim) for gold figures of undated pages whose claim has no time."""
    gold = json.loads((DEVSET / name / "gold.json").read_text(encoding="utf-8"))
    arts = {a["source"].split("/")[-1]: a for a in _rows(kept / name / "articles.jsonl")}
    claims = [c for c in _rows(kept / name / "claims.jsonl") if c["kind"] == "figure"]
    for g in gold["figures"]:
        art = arts.get(g["article"])
        if art is None or art["published"]:
            continue
        vals = {float(g[k]) for k in ("value", "low", "high") if isinstance(g.get(k), (int, float))}
        mine = [c for c in claims if c["article"] == art["id"] and vals & {c["value"], c["low"], c["high"]}]
        if mine and not mine[0]["as_of_start"]:
            yield art, g, mine[0]


def _latest_written_day(nlp, art: dict):
    win = tuple(D(x) for x in art["date_window"]) if art.get("date_window") else None
    doc = nlp(art["body"])
    days = [D(t.end[:10]) for t in timex.find_times_undated(doc, win, doc.text) if t.granularity == "day"]
    return max(days, default=None)


def _retold_any_source(kept: pathlib.Path, name: str) -> dict[str, tuple]:
    """claim id -> earliest (start, end) of a dated claim of the same fact, number and measure."""
    claims = {c["id"]: c for c in _rows(kept / name / "claims.jsonl")}
    out: dict[str, tuple] = {}
    for f in _rows(kept / name / "facts.jsonl"):
        members = [claims[i] for i in f["claims"] if i in claims]
        for c in members:
            dated = sorted((d["as_of_start"], d["as_of_end"]) for d in members if d["as_of_start"] and
                           d["article"] != c["article"] and d["value"] == c["value"] and d["measure"] == c["measure"])
            if dated and not c["as_of_start"]:
                out[c["id"]] = dated[0]
    return out


def _tally(tot: dict, key: str, span) -> None:
    """span: None (no answer) or (ok: bool)."""
    row = tot.setdefault(key, {"right": 0, "wrong": 0, "unknown": 0})
    row["unknown" if span is None else "right" if span else "wrong"] += 1


def _score(tot: dict, g: dict, c: dict, art: dict, latest, retold: dict) -> None:
    lo, hi = D(g["as_of"][0]), D(g["as_of"][1])
    hit = lambda a, b: a <= hi and b >= lo   # noqa: E731 - the scorer's overlap
    days = [WEEKDAYS[m.group(1).lower()] for m in _WD.finditer(c["text"] or "")]
    first = None if latest is None or not days else latest + dt.timedelta(days=(days[0] - latest.weekday()) % 7)
    _tally(tot, "weekday>=L", None if first is None else hit(first, first))
    for k in (0, 7, 14):
        _tally(tot, f"now=[L,L+{k}]", None if latest is None else hit(latest, latest + dt.timedelta(days=k)))
    win = art.get("date_window")
    _tally(tot, "story window", None if not win else hit(D(win[0]), D(win[1])))
    told = retold.get(c["id"])
    _tally(tot, "retold, any source", None if told is None else hit(D(told[0][:10]), D(told[1][:10])))


def main(kept: pathlib.Path) -> None:
    nlp = extract.load_nlp()
    tot: dict[str, dict] = {}
    n = 0
    for name in SETS:
        retold = _retold_any_source(kept, name)
        latest: dict[str, object] = {}
        for art, g, c in _undated_misses(kept, name):
            if art["id"] not in latest:
                latest[art["id"]] = _latest_written_day(nlp, art)
            _score(tot, g, c, art, latest[art["id"]], retold)
            n += 1
    print(f"{n} gold figures of undated pages with no time of their own")
    for key, row in tot.items():
        print(f"{key:<20} right {row['right']:>3}  wrong {row['wrong']:>3}  no answer {row['unknown']:>3}")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "build/asof_dev"))
