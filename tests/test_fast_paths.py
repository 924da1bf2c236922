"""Shortcuts taken for speed answer exactly as the slow way they replace.

Each fast path is checked against the plain computation on lines we write ourselves (with the
characters that trip case-blind matching) and, when ../shared is present, on every line of the
dev-set articles.
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from storyledger.clean import dedupe
from storyledger.clean import text as T
from storyledger.clean.language import _LATIN, _LETTER, _script_share
from storyledger.extract.lexicon import _TOKEN_RE, number_token

DEVSET = Path(__file__).resolve().parents[1].parent / "shared" / "devset"
OURS = [
    "Support our journalism today", "SUPPORT INDEPENDENT REPORTING", "Subſcribe to our newsletter",
    "© 2024 Harbor Ledger Ltd", "Copyright 2023 Kestrel Media", "ALL RIGHTS RESERVED.", "(c) 2020 The Post",
    "İs now on WhatsApp", "Join us on Telegram", "무단 전재 및 재배포 금지", "We use cookies to improve the site",
    "If you continue to use this site we will assume that you are happy with it", "Please log in to comment",
    "Terms of Use | Privacy Policy", "The ministry said 300 people were missing on Monday.",
    "Officials met at noon; “nobody knows,” one said — again.", "Sign up for our newsletter", "KELVIN \u212a test",
    "Read more: the full story", "From the 1990s archives", "Log in", "",
]


def _lines() -> list[str]:
    files = sorted(DEVSET.glob("*/articles/*")) if DEVSET.is_dir() else []
    return OURS + [ln for f in files for ln in f.read_text(encoding="utf-8").split("\n")]


@pytest.mark.parametrize("name", ["_APPEAL", "_LEGAL", "_NOT_HEADLINE", "_BANNER"])
def test_gated_pattern_matches_as_the_pattern(name):
    gated = getattr(T, name)
    assert gated.needles, name      # the gate is on: every alternative has a literal
    for s in _lines():
        a, b = gated.search(s), gated.rx.search(s)
        assert (a and a.span()) == (b and b.span()), (name, s)


def test_gate_reads_required_literals():
    gated = T.Gated(re.compile(r"\bsupport (?:our|independent) (?:reporting|journalism)\b|^\s*(?:©|\(c\)\s*\d{4})", re.I))
    assert set(gated.needles) == {"reporting", "journalism", "©", "(c)"}
    assert T.Gated(re.compile(r"\w+\s{2,}\w+|copyright")).needles is None     # an alternative without a literal
    assert T.Gated(re.compile("x{2,3}y?z")).needles == ("x",)


def test_ascii_shortcuts():
    for s in _lines():
        letters = len(_LETTER.findall(s))
        assert _script_share(s) == (len(_LATIN.findall(s)) / letters if letters else 1.0), s
        cjk = len(T._CJK.findall(s))
        assert T._words(s) == len(T._WORD.findall(T._CJK.sub(" ", s))) + cjk // 2, s
    for word in ("troops", "Ünter", "abc", "x"):
        assert number_token(word) is None and _TOKEN_RE.match(word) is None


def test_minhash_signature_read_whole():
    body = " ".join(f"word{i}" for i in range(60))
    sig = dedupe.signature(body)
    values = dedupe._values(sig)
    assert len(values) == dedupe.NUM_PERM and values.dtype == np.uint32
    keys = dedupe.band_keys(sig)
    # every band holds values: no key is the empty band's, which every article would share
    assert len(set(k.split(":", 1)[1] for k in keys)) == len(keys)
    other = dedupe.signature(body + " and one more word at the end")
    assert dedupe.similar(sig, sig)
    j = dedupe._minhash(body).jaccard(dedupe._minhash(body + " and one more word at the end"))
    assert dedupe.similar(sig, other) == (j >= dedupe.THRESHOLD)


def test_paragraph_breaks_start_sentences():
    from storyledger import extract
    nlp = extract.load_nlp()
    comp = nlp.get_pipe("storyledger_paragraphs")
    texts = ["a\nb", "\n\nx y\n", "x \n\n y", "  \n a", "One line.\nTwo lines here\n\n\nThree."] + \
        [f.read_text(encoding="utf-8") for f in sorted(DEVSET.glob("*/articles/*"))[:6]]
    for text in texts:
        slow, fast = nlp.make_doc(text), nlp.make_doc(text)
        for t in slow[1:]:
            if "\n" in slow[t.i - 1].text or "\n" in slow[t.i - 1].whitespace_:
                t.is_sent_start = True
        comp(fast)
        assert [t.is_sent_start for t in fast] == [t.is_sent_start for t in slow], text[:40]
