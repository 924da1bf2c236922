"""PolNeAR attributions: content recall, precision and source accuracy of our quote and statement claims.

    .venv/bin/python eval/eval_polnear.py [--split dev|test|both] [--details]

PolNeAR (Newell et al., LREC 2018; ../shared/datasets/polnear, see its SOURCE.md) marks every
attribution of 2015-16 US political news from 7 publishers (direct and indirect speech, reported
beliefs and intentions) as Source / Cue / Content spans. ``dev`` is for tuning; ``test`` is
held out: read its numbers for the report only, never for a rule.

Each article's .txt goes through the text-dump path (``clean_document`` of a plain-text
document: its first line is the title), then ``extract_claims``. Two of the 84 articles of each
split carry six annotators' files: the one whose file name sorts first is taken.

Rules (those of eval/eval_quotes.py, so the two corpora read alike):
  content  our claim's said words (a quote's words, a statement's reported clause) share at least
           half of a gold Content's words both ways (word Jaccard decides among candidates; one
           claim per gold attribution, gold taken in text order);
  recall   gold attributions found / all gold attributions (beliefs and intentions included, so
           recall is bounded well below 100); also over gold Contents that open with a quote mark;
  precision our quote/statement claims used by some gold attribution / our claims with said words.
Source accuracy, over found attributions whose gold has a Source span:
  lenient  our source and the gold Source are the same after normalisation or share their last
           word, or share a capitalised name word ("Trump" in "the Trump campaign"); a gold Source
           with no capitalised word (a pronoun "he", a description "the spokesman") is right when
           our source is a name that stands capitalised in the 1,500 characters before it (someone
           a reader could take it for: PolNeAR does not resolve its Sources);
  strict   (named gold Sources only: without coreference a "he" has no name to be strict about)
           our source equals the gold Source after normalisation, or is the name the span holds,
           roles and appositions aside ("David Perdue" for "Sen. David Perdue (R-Ga.)"; not "New
           York" for "The New York Post", not "Donald Trump" for "Trump's campaign"), or the
           full name of a span that is a bare name ("Donald Trump" for "Trump").
Figures: a figure claim whose number lies inside a gold Content, told by a gold Source: our
source right (lenient rule), wrong, or none.
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

HERE = Path(__file__).resolve()
ROOT = HERE.parents[1]
DATA = ROOT.parent / "shared" / "datasets" / "polnear"
sys.path.insert(0, str(HERE.parent))
from eval_quotes import overlap, said_words, same_speaker, words  # noqa: E402

_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "who", "which", "that"}
_LEAD = {"the", "a", "an", "mr", "mrs", "ms", "dr"}
WINDOW = 1500


@dataclass
class Gold:
    content: str
    start: int                      # first character of the Content (its first piece)
    spans: list[tuple[int, int]]    # the Content's pieces
    source: str = ""
    source_start: int = -1
    cue: str = ""

    @property
    def direct(self) -> bool:
        return self.content.lstrip().startswith(("\"", "\u201c", "'", "\u2018"))


@dataclass
class Page:
    name: str
    publisher: str
    text: str
    gold: list[Gold] = field(default_factory=list)


def _spans(field_: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (p.split() for p in field_.split(";"))]


def read_ann(path: Path, text: str) -> list[Gold]:
    """The attributions (E lines) of one brat file that have a Content, in text order."""
    spans: dict[str, list[tuple[int, int]]] = {}
    rels: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, offs = parts[1].partition(" ")
            spans[parts[0]] = _spans(offs)
        elif line.startswith("E") and len(parts) >= 2:
            rels.append(dict(p.split(":", 1) for p in parts[1].split()))
    out = []
    for r in rels:
        if "Content" not in r or r["Content"] not in spans:
            continue
        cs = spans[r["Content"]]
        g = Gold(" ".join(text[a:b] for a, b in cs), cs[0][0], cs)
        if r.get("Source") in spans:
            ss = spans[r["Source"]]
            g.source, g.source_start = " ".join(text[a:b] for a, b in ss), ss[0][0]
        if r.get("Cue") in spans:
            g.cue = " ".join(text[a:b] for a, b in spans[r["Cue"]])
        out.append(g)
    return sorted(out, key=lambda g: g.start)


def pages(split: str) -> list[Page]:
    d = DATA / split
    out = []
    for txt in sorted((d / "text").glob("*.txt")):
        anns = sorted((d / "attributions").glob(f"{txt.stem}_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        out.append(Page(txt.stem, txt.stem.split("_")[0], text, read_ann(anns[0], text)))
    return out


# -- source rules ----------------------------------------------------------------------------
def _name_words(span: str) -> list[str]:
    """The capitalised words of a span, lower-cased (a leading article or title word aside)."""
    toks = re.findall(r"[\w'’.-]+", span)
    out = [re.sub(r"['’]s$", "", t).strip(".").lower() for t in toks if t[:1].isupper()]
    return [w for w in out if w and w not in _LEAD and w not in _PRONOUNS]


def _words_of(name: Optional[str]) -> list[str]:
    return [re.sub(r"['’]s$", "", w).strip(".") for w in re.findall(r"[\w'’.-]+", (name or "").lower())]


def named_before(ours: Optional[str], text: str, at: int) -> bool:
    """Our source's last word stands capitalised in the text shortly before ``at``."""
    ws = _words_of(ours)
    if not ws or not ws[-1]:
        return False
    last = ws[-1]
    window = text[max(0, at - WINDOW):at]
    return re.search(r"\b" + re.escape(last[:1].upper() + last[1:]) + r"\b", window) is not None


def lenient(ours: Optional[str], g: Gold, text: str) -> bool:
    if not ours:
        return False
    if same_speaker(ours, g.source):
        return True
    gold_names = _name_words(g.source)
    if gold_names:
        return bool(set(gold_names) & set(_words_of(ours)))
    return named_before(ours, text, g.source_start)


def strict(ours: Optional[str], g: Gold) -> bool:
    """Our source is the gold Source's name as written, roles and appositions aside: its words all
    stand in the span, and the run of name words there ends where ours ends ("David Perdue" in "Sen.
    David Perdue (R-Ga.)"; not "New York" in "The New York Post", not "Donald Trump" for "Trump's
    campaign"). Asked of named gold Sources only."""
    if not ours:
        return False
    if same_speaker(ours, g.source, strict=True):
        return True
    span = re.findall(r"[\w'’.-]+|[^\w\s]", g.source)
    low = [re.sub(r"['’]s$", "", t).strip(".").lower() for t in span]
    ws = [w for w in _words_of(ours) if w]
    if any(set(run) <= set(ws) and ws[-1] == run[-1] for run in _head_runs(span)):
        return True   # the name the span gives, in full ("Donald Trump" for "Trump", "Mr. Trump")
    if not ws or not all(w in low for w in ws):
        return False
    k = max(i for i, w in enumerate(low) if w == ws[-1])
    nxt = span[k + 1:k + 3]
    # the name goes on past ours: a capitalised word, or "of"/"to"/"for" before one
    goes_on = bool(nxt) and (nxt[0][:1].isupper() or nxt[0].lower() in {"of", "to", "for", "and"} and len(nxt) > 1
                             and nxt[1][:1].isupper()) or span[k].endswith(("'s", "’s"))
    return not goes_on


def _head_runs(span: list[str]) -> list[list[str]]:
    """Runs of capitalised words of a span (titles aside) that name someone rather than qualify a
    noun after them: "Mr. King, 82," gives [king]; "The Trump campaign" and "Trump's aides" none."""
    out, run = [], []
    for k, t in enumerate(span + [""]):
        w = re.sub(r"['’]s$", "", t).strip(".").lower()
        if t[:1].isupper() and not (not run and w in _LEAD):
            run.append(w)
            if t.endswith(("'s", "’s")):
                run = []   # a possessive qualifies what follows
            continue
        if run and not (t[:1].islower() and t.lower() not in {"of", "and", "who", "said"}):
            out.append(run)
        run = []
    return out


def kind_of(source: str) -> str:
    if not source:
        return "none"
    if _name_words(source):
        return "named"
    return "pronoun" if source.strip().lower() in _PRONOUNS else "description"


# -- scoring -----------------------------------------------------------------------------------
def _locate(text: str, sentence: str) -> int:
    """Where a claim's sentence stands in the original text (cleaning may respace it), or -1."""
    k = text.find(sentence)
    if k >= 0:
        return k
    pat = r"\s+".join(re.escape(w) for w in sentence.split())
    m = re.search(pat, text) if pat else None
    return m.start() if m else -1


def score(page_claims: list[tuple[Page, list]], detail: bool = False) -> dict:
    r: dict = {k: 0 for k in ("articles", "gold", "direct", "found", "found_direct", "pred", "pred_ok", "n_src",
                              "n_named", "len", "str", "unknown", "fig_in", "fig_ok", "fig_wrong", "fig_none")}
    r.update(by_kind={}, lines=[])
    for page, claims in page_claims:
        r["articles"] += 1
        preds = [(words(said_words(c)), c) for c in claims if said_words(c)]
        r["pred"] += len(preds)
        used: set[int] = set()
        for g in page.gold:
            r["gold"] += 1
            r["direct"] += g.direct
            gw = words(g.content)
            best = max(((overlap(gw, pw), k) for k, (pw, _) in enumerate(preds) if k not in used), default=(0.0, -1))
            kind = kind_of(g.source)
            if best[0] > 0:
                used.add(best[1])
                c = preds[best[1]][1]
                r["found"] += 1
                r["found_direct"] += g.direct
                if g.source:
                    ok_l = lenient(c.attribution.source, g, page.text)
                    ok_s = kind == "named" and strict(c.attribution.source, g)
                    r["n_src"] += 1
                    r["len"] += ok_l
                    r["n_named"] += kind == "named"
                    r["str"] += ok_s
                    r["unknown"] += not c.attribution.source
                    k = r["by_kind"].setdefault(kind, [0, 0])
                    k[0] += 1
                    k[1] += ok_l
                    if detail and not ok_l:
                        r["lines"].append(f"WRONG {page.name[:40]} gold={g.source!r} ours={c.attribution.source!r} "
                                          f"from={c.attribution.source_text!r} [{c.kind}] {_short(g.content)}")
            elif detail:
                r["lines"].append(f"MISS  {page.name[:40]} src={g.source!r} cue={g.cue!r} {_short(g.content)}")
        r["pred_ok"] += len(used)
        if detail:
            r["lines"].extend(f"EXTRA {page.name[:40]} ours={c.attribution.source!r} [{c.kind}] {_short(said_words(c))}"
                              for k, (_, c) in enumerate(preds) if k not in used)
        _figures(page, claims, r, detail)
    return r


def _figures(page: Page, claims: list, r: dict, detail: bool) -> None:
    """Figure claims whose number lies inside a gold Content with a Source."""
    for c in claims:
        if c.kind != "figure" or c.number_start is None:
            continue
        at = _locate(page.text, c.text)
        if at < 0:
            continue
        n = at + c.number_start
        g = next((g for g in page.gold if g.source and any(a <= n < b for a, b in g.spans)), None)
        if g is None:
            continue
        r["fig_in"] += 1
        if not c.attribution.source:
            r["fig_none"] += 1
        elif lenient(c.attribution.source, g, page.text):
            r["fig_ok"] += 1
        else:
            r["fig_wrong"] += 1
            if detail:
                r["lines"].append(f"FIG   {page.name[:40]} gold={g.source!r} ours={c.attribution.source!r} "
                                  f"{c.number_text!r} in {_short(c.text)}")


def _short(s: Optional[str], n: int = 100) -> str:
    return re.sub(r"\s+", " ", s or "")[:n]


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}" if b else "-"


def report(split: str, r: dict) -> None:
    p = r["pred_ok"] / r["pred"] if r["pred"] else 0.0
    rec = r["found"] / r["gold"] if r["gold"] else 0.0
    f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
    print(f"[{split}] articles {r['articles']}, gold attributions {r['gold']} ({r['direct']} open with a quote mark), "
          f"our quote/statement claims {r['pred']}")
    print(f"[{split}] content: P {100 * p:.1f}  R {100 * rec:.1f}  F1 {100 * f1:.1f}   "
          f"R on quote-mark contents {_pct(r['found_direct'], r['direct'])}")
    print(f"[{split}] source on {r['n_src']} found with a gold Source: lenient {_pct(r['len'], r['n_src'])}%  "
          f"(ours unknown {r['unknown']});  strict on the {r['n_named']} named: {_pct(r['str'], r['n_named'])}%")
    kinds = ", ".join(f"{k} {v[0]}: {_pct(v[1], v[0])}" for k, v in sorted(r["by_kind"].items()))
    print(f"[{split}] lenient by gold Source kind: {kinds}")
    print(f"[{split}] figures inside a gold Content: {r['fig_in']}, our source right {r['fig_ok']}, "
          f"wrong {r['fig_wrong']}, none {r['fig_none']}")


def run(split: str, detail: bool) -> dict:
    sys.path.insert(0, str(ROOT / "src"))
    from storyledger import extract
    from storyledger.clean import CleanError, clean_document
    from storyledger.model import RawDocument

    ps, arts = [], []
    for p in pages(split):
        try:
            arts.append(clean_document(RawDocument(source=p.name, kind="text", text=p.text)))
            ps.append(p)
        except CleanError as exc:
            print(f"[{split}] skipped {p.name}: {exc}", file=sys.stderr)
    claims = [cl for _a, cl in extract.extract_claims(arts)]
    return score(list(zip(ps, claims)), detail)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=["dev", "test", "both"], default="dev",
                    help="dev (tuning, the default), test (held out: for the report only) or both")
    ap.add_argument("--details", action="store_true",
                    help="print each gold attribution we miss, each found one whose source is wrong (lenient), "
                         "each claim of ours no gold matches, and each figure whose source is wrong")
    args = ap.parse_args()
    if not DATA.is_dir():
        print(f"skipped: ../shared not present ({DATA})")
        return
    splits = ["dev", "test"] if args.split == "both" else [args.split]
    print(f"command: .venv/bin/python eval/eval_polnear.py --split {args.split}{' --details' if args.details else ''}")
    for split in splits:
        r = run(split, args.details)
        for line in r["lines"]:
            print(line)
        report(split, r)


if __name__ == "__main__":
    main()
