"""The text-dump path on public pages: each HTML page rendered to text as a browser's "save as
text" gives it, then read by ``clean_document`` as a plain-text dump (not the HTML path).

Pages: trafilatura-eval-en (gold title/date, must-keep / must-remove snippets),
htmldate-mediacloud2020 (gold dates) and article-extraction-benchmark (gold bodies), all in
../shared/datasets. Rendering: headless Debian Chromium through Playwright, JavaScript off,
every request but the page itself blocked, ``document.body.innerText``; cached under
build/textdumps/ so a rerun only reads text.

    .venv/bin/python eval/eval_textdumps.py [--render-only] [--limit N] [--misses]

Scores: title accuracy (normalised exact match, pages with a gold title), dates right /
unknown / wrong (right = same day as gold), body recall of the gold text (4-gram shingles)
and the share of the output that is furniture (shingles of the output not in the gold body);
trafilatura-eval's snippets: share of "with" found and of "without" left.
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve()
ROOT = HERE.parents[1]
DATA = ROOT.parent / "shared" / "datasets"
CACHE = ROOT / "build" / "textdumps"
SETS = {
    "trafilatura-eval-en": DATA / "trafilatura-eval-en",
    "htmldate-mediacloud2020": DATA / "htmldate-mediacloud2020",
    "article-extraction-benchmark": DATA / "article-extraction-benchmark",
}


def pages() -> list[dict]:
    """Every page of the three sets: {set, key, url, html_path, title, date, body, with, without}."""
    out: list[dict] = []
    d = SETS["trafilatura-eval-en"]
    for url, g in json.loads((d / "evaldata_en.json").read_text(encoding="utf-8")).items():
        out.append({"set": "trafilatura-eval-en", "key": g["file"], "url": url, "html": d / "html" / f"{g['file']}.gz",
                    "title": g.get("title") or None, "has_meta": "title" in g, "date": g.get("date") or None,
                    "with": g.get("with", []), "without": g.get("without", [])})
    d = SETS["htmldate-mediacloud2020"]
    for url, g in json.loads((d / "eval_mediacloud_2020.json").read_text(encoding="utf-8")).items():
        date = g.get("date")
        if isinstance(date, float) and math.isnan(date):
            date = None
        out.append({"set": "htmldate-mediacloud2020", "key": g["file"], "url": url,
                    "html": d / "html" / f"{g['file']}.gz", "date": date, "date_gold": True})
    d = SETS["article-extraction-benchmark"]
    for key, g in json.loads((d / "ground-truth.json").read_text(encoding="utf-8")).items():
        out.append({"set": "article-extraction-benchmark", "key": key, "url": g.get("url"),
                    "html": d / "html" / f"{key}.html.gz", "body": g["articleBody"]})
    for p in out:
        # trafilatura-eval's empty date is "not annotated" as often as "absent": scored only when given
        p.setdefault("date_gold", p["set"] == "trafilatura-eval-en" and bool(p.get("date")))
    return out


def cache_path(p: dict) -> Path:
    return CACHE / p["set"] / (re.sub(r"[^\w.-]", "_", p["key"]) + ".txt")


_SHOW_BODY = """() => {
    const s = document.createElement('style');
    s.textContent = 'html, body { visibility: visible !important; opacity: 1 !important; }';
    document.head.appendChild(s);
    return document.body ? document.body.innerText : '';
}"""


def render(todo: list[dict]) -> int:
    """Render pages not yet cached; returns how many were rendered."""
    if not todo:
        return 0
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "src"))
    from storyledger.ingest import decode_bytes

    done = 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        ctx = browser.new_context(java_script_enabled=False)
        page_url = "http://page.invalid/"

        def route(r):
            # the page itself is served from the file; nothing else leaves the machine
            if r.request.url == page_url:
                r.fulfill(status=200, content_type="text/html; charset=utf-8", body=current["html"])
            else:
                r.abort()

        current: dict = {}
        ctx.route("**/*", route)
        for p in todo:
            html = decode_bytes(gzip.decompress(p["html"].read_bytes()))[0]
            current["html"] = html
            page = ctx.new_page()
            try:
                page.goto(page_url, wait_until="domcontentloaded", timeout=30000)
                text = page.evaluate("document.body ? document.body.innerText : ''")
                if not text.strip():
                    # an anti-flicker snippet hides the body until its script runs ("body {
                    # visibility: hidden !important}"); with JavaScript on, the script shows it
                    # (add_style_tag waits for a load event the blocked page never sends)
                    text = page.evaluate(_SHOW_BODY)
            except Exception as exc:   # a page Chromium cannot load: an empty dump, said once
                print(f"render failed: {p['key']}: {type(exc).__name__}", file=sys.stderr)
                text = ""
            finally:
                page.close()
            path = cache_path(p)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            done += 1
            if done % 50 == 0:
                print(f"rendered {done}/{len(todo)}", file=sys.stderr, flush=True)
        browser.close()
    return done


def shingles(text: str, n: int = 4) -> Counter:
    toks = re.findall(r"\w+", (text or "").lower())
    return Counter(tuple(toks[i:i + n]) for i in range(max(0, len(toks) - n + 1)))


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    s = s.translate(str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "—": "-", "–": "-"}))
    return " ".join(s.split()).casefold().strip(" .")


def read(p: dict, text: str):
    from storyledger.clean import CleanError, clean_document
    from storyledger.model import RawDocument

    try:
        return clean_document(RawDocument(source=p["key"], kind="text", text=text))
    except CleanError:
        return None


def score(ps: list[dict], show_misses: bool) -> dict:
    tally = Counter()
    body_tp = body_fn = body_out = body_extra = 0
    with_found = with_all = without_left = without_all = 0
    for p in ps:
        text = cache_path(p).read_text(encoding="utf-8")
        a = read(p, text)
        tally["pages"] += 1
        tally["skipped"] += a is None
        body = a.body if a else ""
        if p.get("title") and p["set"] == "trafilatura-eval-en":
            tally["title_n"] += 1
            ok = a is not None and norm(a.title) == norm(p["title"])
            tally["title_ok"] += ok
            if not ok and show_misses:
                print(f"TITLE {p['key']}: got {a.title if a else None!r} want {p['title']!r}")
        if p.get("date_gold"):
            got = (a.published or "")[:10] if a else ""
            tally["date_n"] += 1
            if not got:
                tally["date_unknown"] += 1
            elif p["date"] and got == p["date"]:
                tally["date_right"] += 1
            else:
                tally["date_wrong"] += 1
                if show_misses:
                    print(f"DATE {p['set']} {p['key']}: got {got} ({a.published_basis}: {a.published_evidence!r}) want {p['date']}")
        if p.get("body"):
            want, got = shingles(p["body"]), shingles(body)
            tp = sum((want & got).values())
            body_tp += tp
            body_fn += sum(want.values()) - tp
            body_out += sum(got.values())
            body_extra += sum(got.values()) - tp
        nb = norm(body)
        for s in p.get("with", []):
            with_all += 1
            with_found += norm(s) in nb
        for s in p.get("without", []):
            without_all += 1
            without_left += norm(s) in nb
    tally["body_recall"] = body_tp / (body_tp + body_fn) if body_tp + body_fn else 0
    tally["furniture_share"] = body_extra / body_out if body_out else 0
    tally["with"] = with_found / with_all if with_all else 0
    tally["without_left"] = without_left / without_all if without_all else 0
    return tally


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--render-only", action="store_true")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--misses", action="store_true", help="print every wrong title and date")
    args = ap.parse_args()
    if not all(d.exists() for d in SETS.values()):
        print(f"skipped: datasets not found under {DATA}")
        return 0
    ps = pages()
    if args.limit:
        ps = [p for s in SETS for p in [q for q in ps if q["set"] == s][: args.limit]]
    # empty dumps cached before hidden bodies were shown are rendered once more
    shown = CACHE / ".hidden-bodies-shown"
    rendered = render([p for p in ps if not cache_path(p).exists()
                       or (not shown.exists() and cache_path(p).stat().st_size == 0)])
    if CACHE.exists():
        shown.touch()
    if args.render_only:
        print(f"rendered {rendered}, cached {len(ps)} under {CACHE}")
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    t = score(ps, args.misses)
    given = t["date_right"] + t["date_wrong"]
    print(f"text-dump benchmark: {t['pages']} pages rendered by Chromium innerText (JS off), read as text")
    print(f"  skipped (no article found): {t['skipped']}")
    print(f"  title: {t['title_ok']}/{t['title_n']} = {t['title_ok'] / max(1, t['title_n']):.1%}  (trafilatura-eval-en)")
    print(f"  date: right {t['date_right']}, unknown {t['date_unknown']}, wrong {t['date_wrong']} of {t['date_n']}; "
          f"of dates given {t['date_right'] / max(1, given):.1%} right  (trafilatura-eval-en + htmldate-mediacloud2020)")
    print(f"  body: recall {t['body_recall']:.3f}, furniture share {t['furniture_share']:.3f}  (article-extraction-benchmark, 4-gram shingles)")
    print(f"  snippets: must-keep found {t['with']:.1%}, must-remove left {t['without_left']:.1%}  (trafilatura-eval-en)")
    print("command: .venv/bin/python eval/eval_textdumps.py" + (f" --limit {args.limit}" if args.limit else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
