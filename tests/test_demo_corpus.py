"""Structural checks on the bundled demo corpus and the benchmark corpus generator.

The demo corpus is written by us; these tests keep it that way (a note in every file, no 8-word run
shared with the real seed articles) and keep README.md's file table honest, because that table is
the expected answer the CLI output is checked against.
"""
from __future__ import annotations

import importlib.util
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "src" / "storyledger" / "data" / "demo"
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "devset" / "seeds" / "articles"
TEXT_NOTE = "storyledger-note: demo article written by the storyledger developers; not a real news report."
HTML_NOTE = "<!-- storyledger demo: written by the storyledger developers; not a real news report. -->"
ARTICLE_SUFFIXES = {".txt", ".html", ".jsonl"}
# Real people may be reported in indirect speech only; direct quotes belong to made-up people.
REAL_PEOPLE = ["Zelensky", "Singh", "Kirby", "Rutte", "Austin", "Umerov", "Gerasimov", "Kim Jong-un",
               "Putin", "Kim Hong-kyun", "Zinoviev", "Lavrov", "Choe Son-hui"]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _shingles(text: str, n: int = 8) -> set[str]:
    w = _words(text)
    return {" ".join(w[i:i + n]) for i in range(len(w) - n + 1)}


class _Prose(HTMLParser):
    """Text of <p> elements inside <article>: the prose a reader sees."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.depth = 0
        self.in_p = False

    def handle_starttag(self, tag, attrs):
        self.depth += tag == "article"
        self.in_p = self.in_p or (tag == "p" and self.depth > 0 and not attrs)

    def handle_endtag(self, tag):
        self.depth -= tag == "article"
        if tag == "p" and self.in_p:
            self.in_p = False
            self.parts.append("\n\n")

    def handle_data(self, data):
        if self.in_p:
            self.parts.append(data)


def _prose_of_html(page: str) -> str:
    p = _Prose()
    p.feed(page)
    return "".join(p.parts)


def _prose(kind: str, raw: str) -> str:
    """An article's readable text: the <p> prose of HTML, the whole dump for text."""
    if kind == "jsonl":
        rec = json.loads(raw)
        return _prose_of_html(rec["html"]) if "html" in rec else rec["text"]
    return _prose_of_html(raw) if kind == "html" else raw


def _articles() -> dict[str, tuple[str, str]]:
    """name -> (kind, raw content); JSONL lines are named file#L<n> like the ingest stage does."""
    out: dict[str, tuple[str, str]] = {}
    for path in sorted(DEMO.iterdir()):
        if path.suffix == ".txt":
            out[path.name] = ("text", path.read_text(encoding="utf-8"))
        elif path.suffix == ".html":
            out[path.name] = ("html", path.read_text(encoding="utf-8"))
        elif path.suffix == ".jsonl":
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if line.strip():
                    out[f"{path.name}#L{n}"] = ("jsonl", line)
    return out


def _readme_rows() -> dict[str, dict[str, str]]:
    """The file table of README.md: file -> {kind, outlet, published, exercises}."""
    rows: dict[str, dict[str, str]] = {}
    text = (DEMO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Files", 1)[1].split("\n## ", 1)[0]
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and re.search(r"\.(txt|html|jsonl)(#L\d+)?$", cells[0]):
            rows[cells[0]] = dict(zip(["kind", "outlet", "published", "exercises"], cells[1:]))
    return rows


def _outlet_name(cell: str) -> str:
    return re.sub(r"\s*\(.*\)$", "", cell).strip()


@pytest.fixture(scope="module")
def articles() -> dict[str, tuple[str, str]]:
    return _articles()


def test_only_articles_and_readme_in_demo_dir() -> None:
    names = {p.name for p in DEMO.iterdir()}
    assert "README.txt" not in names
    assert "README.md" in names
    assert {p.suffix for p in DEMO.iterdir() if p.name != "README.md"} == ARTICLE_SUFFIXES


def test_fifteen_articles_in_three_kinds(articles) -> None:
    kinds = [k for k, _ in articles.values()]
    assert len(articles) == 15
    assert kinds.count("text") == 7 and kinds.count("html") == 4 and kinds.count("jsonl") == 4


def test_readme_table_lists_exactly_the_articles(articles) -> None:
    rows = _readme_rows()
    assert sorted(rows) == sorted(articles)
    for name, row in rows.items():
        assert row["kind"].split()[0] == articles[name][0], name


def test_each_article_names_its_outlet_and_five_or_more_outlets(articles) -> None:
    rows = _readme_rows()
    outlets = set()
    for name, row in rows.items():
        outlet = _outlet_name(row["outlet"])
        assert outlet in articles[name][1], f"{name} does not name {outlet}"
        outlets.add(outlet)
    assert len(outlets) >= 5
    assert len(outlets) == 8


def test_every_file_carries_the_written_by_us_note() -> None:
    for path in sorted(DEMO.iterdir()):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".txt":
            assert text.splitlines()[0] == TEXT_NOTE, path.name
        elif path.suffix == ".html":
            lines = text.splitlines()
            assert lines[0].lower().startswith("<!doctype html") and lines[1] == HTML_NOTE, path.name
        elif path.suffix == ".jsonl":
            for line in text.splitlines():
                assert "written by the storyledger developers" in json.loads(line)["note"], path.name


def test_jsonl_records_have_the_contract_fields(articles) -> None:
    recs = [json.loads(raw) for kind, raw in articles.values() if kind == "jsonl"]
    assert all(("text" in r) != ("html" in r) for r in recs)
    assert all(r["url"].startswith("https://") and r["title"] for r in recs)
    assert sum("published" in r for r in recs) == 2
    # one record can only be dated by "N days ago" against its fetch time
    relative = [r for r in recs if "published" not in r and "text" in r]
    assert len(relative) == 1 and relative[0]["fetched_at"] and "3 days ago" in relative[0]["text"]


def test_article_lengths_are_news_sized(articles) -> None:
    for name, (kind, raw) in articles.items():
        n = len(_prose(kind, raw).split())
        assert 250 <= n <= 650, f"{name}: {n} words"


def test_wire_copy_is_a_near_duplicate_of_its_original() -> None:
    original = _shingles((DEMO / "03_harbor-ledger_pnw-nis-12000.txt").read_text(encoding="utf-8"), 5)
    copy = _shingles(_prose_of_html((DEMO / "04_northgate-post_pnw-copy.html").read_text(encoding="utf-8")), 5)
    assert len(copy & original) / len(copy) > 0.95
    others = _shingles((DEMO / "05_seoul-evening-wire_envoy-summoned.txt").read_text(encoding="utf-8"), 5)
    assert len(copy & others) / len(copy) < 0.1


def test_direct_quotes_belong_to_made_up_people(articles) -> None:
    for name, (kind, raw) in articles.items():
        for para in re.split(r"\n\s*\n", _prose(kind, raw)):
            quoted = re.findall(r'"([^"]+)"', para)
            if any(len(q.split()) >= 4 for q in quoted):
                assert not any(p in para for p in REAL_PEOPLE), f"{name}: {para[:80]}"


def test_no_eight_word_run_copied_from_the_seed_articles() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared not present: {SEEDS} is missing")
    seed = set()
    for path in SEEDS.glob("*.txt"):
        seed |= _shingles(path.read_text(encoding="utf-8", errors="replace"))
    assert seed, "no seed articles read"
    for path in sorted(DEMO.iterdir()):
        common = _shingles(path.read_text(encoding="utf-8")) & seed
        assert not common, f"{path.name} shares text with a seed article: {sorted(common)[:3]}"


# --- bench/make_corpus.py ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def make_corpus_module():
    spec = importlib.util.spec_from_file_location("make_corpus", REPO / "bench" / "make_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _read_all(paths: list[Path]) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in paths]


def test_make_corpus_is_deterministic_and_counts_articles(make_corpus_module, tmp_path) -> None:
    a = make_corpus_module.make_corpus(tmp_path / "a", 60, ["text", "html", "jsonl"], 7)
    b = make_corpus_module.make_corpus(tmp_path / "b", 60, ["text", "html", "jsonl"], 7)
    c = make_corpus_module.make_corpus(tmp_path / "c", 60, ["text", "html", "jsonl"], 8)
    assert [p.relative_to(tmp_path / "a") for p in a] == [p.relative_to(tmp_path / "b") for p in b]
    assert _read_all(a) == _read_all(b)
    assert _read_all(a) != _read_all(c)
    n_text = sum(p.suffix == ".txt" for p in a)
    n_html = sum(p.suffix == ".html" for p in a)
    lines = [ln for p in a if p.suffix == ".jsonl" for ln in p.read_text(encoding="utf-8").splitlines()]
    assert n_text + n_html + len(lines) == 60
    assert n_text and n_html and lines


def test_make_corpus_output_carries_notes_and_demo_prose(make_corpus_module, tmp_path) -> None:
    paths = make_corpus_module.make_corpus(tmp_path, 30, ["text", "html", "jsonl"], 1)
    demo_pars = set(make_corpus_module.demo_paragraphs())
    assert len(demo_pars) >= 80
    for p in paths:
        body = p.read_text(encoding="utf-8")
        if p.suffix == ".txt":
            assert body.splitlines()[0] == TEXT_NOTE
            assert any(par in body for par in demo_pars)
        elif p.suffix == ".html":
            assert body.splitlines()[1] == HTML_NOTE
        else:
            for line in body.splitlines():
                rec = json.loads(line)
                assert "written by the storyledger developers" in rec["note"] and ("text" in rec or "html" in rec)


def test_make_corpus_single_kind_and_bad_kind(make_corpus_module, tmp_path, capsys) -> None:
    paths = make_corpus_module.make_corpus(tmp_path, 25, ["jsonl"], 3)
    assert [p.name for p in paths] == ["part-0000.jsonl"]
    assert len(paths[0].read_text(encoding="utf-8").splitlines()) == 25
    assert make_corpus_module.main([str(tmp_path / "x"), "--n", "5", "--kinds", "text,pdf"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "make_corpus: error: unknown kind(s) pdf; choose from text, html, jsonl"
