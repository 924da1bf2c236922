"""Write a big synthetic corpus for throughput benchmarks, made from the demo articles and templates.

Each synthetic article has real news length (about 600 words): a few shuffled prose paragraphs taken
from the bundled demo corpus (src/storyledger/data/demo) and several paragraphs filled from
templates (bench/story_templates.txt) whose figures, sources, places and dates vary with the
article's day, so the ledger sees many distinct claims rather than the same few figures repeated,
under a generated headline, outlet, byline and date, written as a
plain-text dump, an HTML page or a JSON Lines record. The output is deterministic for a given seed
and is written as it is generated, so memory stays flat for any N.

    python bench/make_corpus.py OUT_DIR --n 2000 [--kinds text,html,jsonl] [--seed 1]

The text is still ours (the demo corpus is written by the storyledger developers); every output
file carries the same "written by us" note as the demo files.
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import random
import sys
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Optional

KINDS = ("text", "html", "jsonl")
NOTE = "demo article written by the storyledger developers; not a real news report."
TEXT_NOTE = f"storyledger-note: {NOTE}"
HTML_NOTE = "<!-- storyledger demo: written by the storyledger developers; not a real news report. -->"
JSONL_PART_SIZE = 1000  # records per JSON Lines file: big enough to matter, small enough to shard

_PREFIXES = ["Harbor", "Meridian", "Northgate", "Kestrel", "Eastbridge", "Summit", "Riverside",
             "Granite", "Lantern", "Bluewater"]
_SUFFIXES = ["Ledger", "Daily", "Post", "News", "Courier", "Herald", "Gazette", "Review"]
_WIRES = ["Pacific Newswire", "Continental Wire Service", None, None, None]
_REPORTERS = ["Han Seo-yeon", "Claire Ashdown", "Rebecca Thorne", "Tomasz Wierzbicki", "Yuna Park",
              "Andriy Koval", "Kang Min-jun", "Priya Raman", "Choi Jae-min", "Daniel Osei"]
_HEADLINES = [
    "{src} puts North Korean troops in Russia at {n:,}",
    "North Korean soldiers in Kursk: {src} gives new estimate of {n:,}",
    "{src}: up to {n:,} North Korean troops could join Russia's war",
    "North Korea's losses in Russia rise to {n:,}, says {src}",
    "What we know about North Korea's {n:,} soldiers in Russia",
    "{src} revises count of North Korean troops to about {n:,}",
]
_SOURCES = ["Seoul", "Kyiv", "Washington", "Spy agency", "Pentagon", "Zelensky", "NATO"]
_FIGURES = [1500, 3000, 5000, 8000, 10000, 11000, 12000, 4000, 4700]
_TEMPLATES = Path(__file__).resolve().parent / "story_templates.txt"
_PLACES = ["Kursk", "Belgorod", "Bryansk", "Khabarovsk", "Vladivostok", "Primorsky", "Rostov", "Kherson",
           "Zaporizhzhia", "Donetsk", "Luhansk", "Voronezh"]
_OFFICIALS = [("Lee Sung-kwon", "a lawmaker on the parliamentary intelligence committee"),
              ("Oleksandr Marchenko", "a spokesman for Ukraine's military intelligence"),
              ("Sabrina Hollis", "a Pentagon deputy press secretary"),
              ("Mark Rutte", "the NATO secretary general"),
              ("Park Jin-woo", "a defence ministry spokesman"),
              ("Andriy Kovalenko", "head of Ukraine's centre for countering disinformation"),
              ("Jean-Luc Moreau", "a French defence official"),
              ("Helen Carrow", "a State Department spokeswoman")]
_ORGS = ["South Korea's National Intelligence Service", "Ukraine's military intelligence agency",
         "the Pentagon", "NATO", "South Korea's Joint Chiefs of Staff", "the US State Department",
         "Britain's defence ministry", "an independent monitoring group", "Japan's defence ministry",
         "the Institute for the Study of War"]
_START = dt.date(2024, 10, 1)
_DAYS = (dt.date(2025, 5, 31) - _START).days


class _ParagraphParser(HTMLParser):
    """Collects the text of <p> elements inside <article> (the prose, not the furniture)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._in_article = 0
        self._buf: Optional[list[str]] = None

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "article":
            self._in_article += 1
        elif tag == "p" and self._in_article and not attrs:
            self._buf = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._in_article -= 1
        elif tag == "p" and self._buf is not None:
            self.paragraphs.append(" ".join("".join(self._buf).split()))
            self._buf = None

    def handle_data(self, data: str) -> None:
        if self._buf is not None:
            self._buf.append(data)


def _is_prose(par: str) -> bool:
    # Furniture lines are short or unpunctuated; article paragraphs are sentences.
    return len(par.split()) >= 25 and par.rstrip().endswith((".", '"', "”", ")"))


def _paragraphs_of_text(text: str) -> list[str]:
    pars = [" ".join(p.split()) for p in text.split("\n\n")]
    return [p for p in pars if _is_prose(p) and not p.startswith("storyledger-note:")]


def _paragraphs_of_html(page: str) -> list[str]:
    parser = _ParagraphParser()
    parser.feed(page)
    return [p for p in parser.paragraphs if _is_prose(p)]


def demo_dir() -> Path:
    """The bundled demo corpus: the installed package's copy, else the source tree's."""
    try:
        from importlib.resources import files
        found = Path(str(files("storyledger") / "data" / "demo"))
        if found.is_dir():
            return found
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parents[1] / "src" / "storyledger" / "data" / "demo"


def demo_paragraphs(directory: Optional[Path] = None) -> list[str]:
    """Prose paragraphs of every demo article, de-duplicated (the wire copy repeats its original)."""
    directory = directory or demo_dir()
    out: list[str] = []
    for path in sorted(directory.iterdir()):
        suffix = path.suffix.lower()
        raw = path.read_text(encoding="utf-8")
        if suffix == ".txt":
            out += _paragraphs_of_text(raw)
        elif suffix in (".html", ".htm"):
            out += _paragraphs_of_html(raw)
        elif suffix == ".jsonl":
            for line in raw.splitlines():
                if line.strip():
                    rec = json.loads(line)
                    out += _paragraphs_of_html(rec["html"]) if rec.get("html") else _paragraphs_of_text(rec.get("text", ""))
    return list(dict.fromkeys(out))


def story_templates(path: Path = _TEMPLATES) -> list[str]:
    """Paragraph templates, one a line; '#' lines are comments."""
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]


def _figures(day: dt.date, rng: random.Random) -> dict:
    """Figures that grow with the story's day and vary between reports, as real estimates do."""
    t = (day - _START).days
    deployed = 3000 + 40 * t + rng.randrange(-6, 7) * 250
    killed = max(20, 3 * t + rng.randrange(-10, 11) * 10)
    return dict(deployed=deployed, earlier=max(1000, deployed - rng.randrange(4, 20) * 250),
                planned=deployed + rng.randrange(2, 12) * 1000, killed=killed,
                wounded=killed * rng.randint(2, 5) + rng.randrange(0, 90, 10),
                captured=rng.randint(1, 9), missing=rng.randrange(10, 400, 10),
                shells=rng.randrange(2, 90) * 1000, weeks=rng.randint(2, 9), pct=rng.randint(3, 60),
                money=rng.randint(2, 40) * 10)


def _story_paragraphs(day: dt.date, rng: random.Random, templates: list[str], k: int) -> list[str]:
    official, role = rng.choice(_OFFICIALS)
    month = (day - dt.timedelta(days=rng.randint(20, 90))).strftime("%B")
    slots = dict(_figures(day, rng), org=rng.choice(_ORGS), org2=rng.choice(_ORGS), official=official,
                 role=role, place=rng.choice(_PLACES), place2=rng.choice(_PLACES),
                 weekday=day.strftime("%A"), month=month, date=f"{day:%B} {day.day}")
    return [t.format(**slots) for t in rng.sample(templates, k=min(k, len(templates)))]


def _text_page(title: str, outlet: str, byline: str, dateline: Optional[str], pars: list[str],
               rng: random.Random) -> str:
    lines = [TEXT_NOTE, outlet, "Home  World  Asia  Opinion", "", title, ""]
    if dateline:
        lines += [f"{dateline} By {byline}", ""]
    else:
        lines += [f"By {byline}", "", f"{rng.randint(1, 11)} months ago {rng.randint(3, 900)}", ""]
    lines += ["  • Share", "  • Post", "  • Email", ""]
    lines += [p + "\n" for p in pars]
    lines += [f"Copyright (c) {outlet}. All rights reserved.", "", "Top 10 Stories",
              "1  Ferry timetable changes from Monday", "2  Weekend weather: rain clearing by noon"]
    return "\n".join(lines) + "\n"


def _html_page(title: str, outlet: str, byline: str, published: Optional[str], printed: Optional[str],
               pars: list[str]) -> str:
    meta = f'  <meta property="article:published_time" content="{published}">\n' if published else ""
    shown = f'      <p class="date">{html.escape(printed)}</p>\n' if printed else ""
    body = "".join(f"      <p>{html.escape(p, quote=False)}</p>\n" for p in pars)
    return (
        "<!DOCTYPE html>\n" + HTML_NOTE + "\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n"
        f"  <title>{html.escape(title)} | {html.escape(outlet)}</title>\n"
        f"  <meta property=\"og:title\" content=\"{html.escape(title)}\">\n"
        f"  <meta property=\"og:site_name\" content=\"{html.escape(outlet)}\">\n{meta}"
        f"  <meta name=\"author\" content=\"{html.escape(byline)}\">\n</head>\n<body>\n"
        "  <div class=\"cookie\">We use cookies to improve this site. <button>Accept</button></div>\n"
        f"  <nav><a href=\"/\">{html.escape(outlet)}</a> <a href=\"/world\">World</a> <a href=\"/asia\">Asia</a></nav>\n"
        "  <main>\n    <article>\n"
        f"      <h1>{html.escape(title)}</h1>\n      <p class=\"byline\">By {html.escape(byline)}</p>\n{shown}{body}"
        "    </article>\n    <aside><h3>Related</h3><ul><li><a href=\"/r1\">Harbor festival draws record crowds</a></li></ul></aside>\n"
        f"  </main>\n  <footer><p>&copy; {html.escape(outlet)}. All rights reserved.</p></footer>\n</body>\n</html>\n"
    )


def _article(i: int, kind: str, rng: random.Random, paragraphs: list[str], templates: list[str]) -> str:
    """One synthetic article: a file's content, or one JSON line."""
    day = _START + dt.timedelta(days=rng.randrange(_DAYS))
    at = dt.datetime.combine(day, dt.time(rng.randrange(6, 23), rng.randrange(60)),
                             tzinfo=dt.timezone(dt.timedelta(hours=rng.choice([0, 9, 2, -5]))))
    outlet = f"The {rng.choice(_PREFIXES)} {rng.choice(_SUFFIXES)}"
    wire = rng.choice(_WIRES)
    byline = wire or rng.choice(_REPORTERS)
    title = rng.choice(_HEADLINES).format(src=rng.choice(_SOURCES), n=rng.choice(_FIGURES))
    pars = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(3, 4)))
    pars += _story_paragraphs(day, rng, templates, rng.randint(8, 11))
    rng.shuffle(pars)
    # Date styles: printed in three formats, or none (left to inference); JSONL may add relative.
    style = rng.choice(["printed_us", "printed_iso", "printed_day_first", "none"])
    printed = {"printed_us": at.strftime("%b. %d, %Y - %H:%M"), "printed_iso": at.strftime("%Y-%m-%d %H:%M"),
               "printed_day_first": at.strftime("%d.%m.%Y %H:%M"), "none": None}[style]
    if kind == "text":
        return _text_page(title, outlet, byline, printed, pars, rng)
    if kind == "html":
        published = at.isoformat() if rng.random() < 0.5 else None
        return _html_page(title, outlet, byline, published, printed, pars)
    rec: dict = {"url": f"https://synthetic.example/{i:07d}", "title": title, "note": NOTE}
    if rng.random() < 0.5:
        rec["html"] = _html_page(title, outlet, byline, None, printed, pars)
    else:
        ago = rng.randint(1, 6)
        rel = f"{ago} days ago" if style == "none" else printed
        rec["text"] = _text_page(title, outlet, byline, rel, pars, rng)
        if style == "none":
            rec["fetched_at"] = (at + dt.timedelta(days=ago)).isoformat()
    if rng.random() < 0.4:
        rec["published"] = at.isoformat()
    return json.dumps(rec, ensure_ascii=False)


def iter_corpus(out_dir: str | Path, n: int, kinds: tuple[str, ...] | list[str] = KINDS,
                seed: int = 1) -> Iterator[Path]:
    """Write N articles under OUT_DIR as they are made; yield each file when it is first created."""
    bad = [k for k in kinds if k not in KINDS]
    if bad or not kinds:
        raise ValueError(f"unknown kind(s) {', '.join(bad) or '(none given)'}; choose from {', '.join(KINDS)}")
    if n < 0:
        raise ValueError("--n must be zero or more")
    paragraphs = demo_paragraphs()
    if len(paragraphs) < 10:
        raise ValueError(f"too few demo paragraphs found in {demo_dir()}")
    templates = story_templates()
    rng = random.Random(seed)
    out = Path(out_dir)
    jsonl: Optional[IO[str]] = None
    in_part = part = 0
    try:
        for i in range(n):
            kind = rng.choice(list(kinds))
            payload = _article(i, kind, rng, paragraphs, templates)
            if kind == "jsonl":
                if jsonl is None or in_part >= JSONL_PART_SIZE:
                    if jsonl:
                        jsonl.close()
                    path = out / "jsonl" / f"part-{part:04d}.jsonl"
                    path.parent.mkdir(parents=True, exist_ok=True)
                    jsonl = path.open("w", encoding="utf-8")
                    part += 1
                    in_part = 0
                    yield path
                jsonl.write(payload + "\n")
                in_part += 1
            else:
                path = out / kind / f"{i:07d}.{'txt' if kind == 'text' else 'html'}"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(payload, encoding="utf-8")
                yield path
    finally:
        if jsonl:
            jsonl.close()


def make_corpus(out_dir: str | Path, n: int, kinds: tuple[str, ...] | list[str] = KINDS,
                seed: int = 1) -> list[Path]:
    """Write a synthetic corpus of N articles; return the files written (JSONL parts once each)."""
    return list(iter_corpus(out_dir, n, kinds, seed))


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="example: python bench/make_corpus.py build/bench --n 2000 --seed 1")
    ap.add_argument("out_dir", help="directory to write into (created if missing)")
    ap.add_argument("--n", type=int, default=2000, help="number of articles (default 2000)")
    ap.add_argument("--kinds", default=",".join(KINDS), help="comma-separated: text,html,jsonl")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = ap.parse_args(argv)
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    t0 = time.perf_counter()
    try:
        files = make_corpus(args.out_dir, args.n, kinds, args.seed)
    except (ValueError, OSError) as exc:
        print(f"make_corpus: error: {exc}", file=sys.stderr)
        return 2
    secs = time.perf_counter() - t0
    size = sum(f.stat().st_size for f in files)
    print(f"wrote {args.n} article(s) in {len(files)} file(s), {size / 1e6:.1f} MB, to {args.out_dir} "
          f"in {secs:.2f} s (kinds {','.join(kinds)}, seed {args.seed})")
    print("command: python bench/make_corpus.py " + " ".join(sys.argv[1:] if argv is None else argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
