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


@pytest.mark.parametrize("name", ["_NAV", "_CAPTION", "_TERMINAL"])
def test_line_patterns_answer_as_the_pattern(name):
    """``_NAV`` behind its separator gate, ``_CAPTION`` behind its literals, ``_TERMINAL`` searched
    from where a match can start."""
    fast = getattr(T, name)
    ends = ["a.  ", "x )", "“quoted”  \n", "end.”)] \t", "no end", ")", "  ", ". ", "a\u3000。\u3000", "hi!\n",
            "a  b  c  d", "x | y", "a\t\tb x\u00a0\u2009y", "[Share] [Post]", "Photo: Reuters", "(AP Photo/John Doe)"]
    for s in _lines() + ends:
        a, b = fast.search(s), fast.rx.search(s)
        assert (a and a.span()) == (b and b.span()), (name, s)


def test_line_key_ascii_shortcut():
    import unicodedata

    from storyledger.words import line_key
    slow = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "—": "-", "–": "-", "\u00a0": " "})
    for s in _lines() + ["  Two\tWORDS  ", "‘Quote’ — “dash” –\u00a0x", "ﬁve"]:
        assert line_key(s) == " ".join(unicodedata.normalize("NFKC", s).translate(slow).split()).casefold(), s


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


# Words of our own that start (or nearly start) figures and shares, beside words that start nothing.
FIGURE_LINES = [
    "About 1,200 troops and a third of the crew left; two-thirds of them, one in five, half the town.",
    "The ministry put the toll at US$3.5m (HK$27m), up sixfold, with 10-fold growth and 1/2 of the rest.",
    "Hundreds were missing, dozens hurt, a dozen dead and 3bn spent in the 1990s; 5pm; 3rd place; 2/3.",
    "Nobody said anything about it at all, and the rest of the sentence holds no number whatsoever.",
]


def _parsed_texts() -> list:
    from storyledger import extract
    nlp = extract.load_nlp()
    files = sorted(DEVSET.glob("*/articles/*"))[::3] if DEVSET.is_dir() else []
    return list(nlp.pipe(FIGURE_LINES + [f.read_text(encoding="utf-8")[:6000] for f in files]))


def test_figure_starts_hold_every_start():
    """``figures.may_start`` is True wherever ``_fraction`` or ``_is_num`` can hold, and find_figures
    with it finds what the token-by-token walk finds."""
    from storyledger import extract
    from storyledger.extract import figures as F
    demonym = extract.gazetteer(extract.load_nlp()).demonym
    for doc in _parsed_texts():
        starts = F.may_start(doc)
        for sent in doc.sents:
            for t in sent:
                if F._fraction(doc, t.i, sent) is not None or F._is_num(t):
                    assert starts[t.i], (t.text, sent.text)
            every = np.ones(len(doc), dtype=bool)
            fast = [F.figure_data(f) for f in F.find_figures(sent, demonym, starts)]
            assert fast == [F.figure_data(f) for f in F.find_figures(sent, demonym, every)], sent.text


def test_time_families_found_as_the_regexes_find_them():
    """``timex.families`` (words found once per text with str.find on its lower case) answers as the
    case-blind family regexes do, for every window of lines and of whole texts."""
    import random

    from storyledger.extract import timex
    files = sorted(DEVSET.glob("*/articles/*")) if DEVSET.is_dir() else []
    texts = OURS + FIGURE_LINES + ["Right\nnow, on MONDAY (ſunday) the NEW YEAR; Mid-January: 5 p.m.",
                                   "İstanbul said on Kelvin \u212a day in Decembers", "xmas todayness Yesterday"] + \
        [f.read_text(encoding="utf-8") for f in files]
    rng = random.Random(5)
    for text in texts:
        bounds = [(0, len(text))] + [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+", text)] + \
            [tuple(sorted((rng.randrange(len(text) + 1), rng.randrange(len(text) + 1)))) for _ in range(20)]
        for lo, hi in bounds:
            slow = {k for k, rx in timex._FAMILY_RX.items() if rx.search(text, lo, hi)}
            assert timex.families(text, lo, hi) == slow, (text[lo:hi], lo, hi)
    assert timex._family_hits("on ſunday") is None and timex._family_hits("on “Sunday”") is not None


def test_plainly_english_is_what_lingua_says():
    """A sample ``language.plainly_english`` takes for English without asking lingua is one lingua
    calls English: windows of the dev-set articles and of the text dumps (build/textdumps, when
    rendered), and lines of our own in other languages that it must leave to lingua."""
    from storyledger.clean import language as L
    ours = ["Die Regierung hat am Montag mitgeteilt, dass die Truppen der Armee an der Grenze mit den "
            "Verbündeten von der Stadt aus in die Region verlegt werden, sagte ein Sprecher der Behörde.",
            "El gobierno dijo el lunes que las tropas del ejército de la frontera con los aliados de la "
            "ciudad fueron enviadas a la región, según un portavoz de la autoridad en la capital del país.",
            "De regering heeft maandag gezegd dat de troepen van het leger aan de grens met de bondgenoten "
            "van de stad naar de regio zijn gestuurd, aldus een woordvoerder van de autoriteit in de hoofdstad.",
            "The the the of and", "Officials said the toll rose to 300 on Monday, and that more than 1,200 "
            "people were missing after the floods, which had been the worst in the region for decades."]
    assert [L.plainly_english(s) for s in ours] == [False, False, False, False, True]
    dumps = Path(__file__).resolve().parents[1] / "build" / "textdumps"
    files = sorted(DEVSET.glob("*/articles/*")) + sorted(dumps.glob("*/*.txt"))
    asked = 0
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        for k in range(0, min(len(text), 6000), 1200):
            sample = text[k:k + 1200]
            if L.plainly_english(sample):
                asked += 1
                assert L.iso(L.detector().detect_language_of(sample)) == "en", (f.name, sample[:80])
    assert asked > 0 or not files


def test_coref_reads_the_tokens_it_used_to_walk():
    """The coref component's array gates (``_may_take_all``, ``_proper_nouns``, the pronouns of
    ``_vote_lone_name``) pick out exactly the tokens the token-by-token walks acted on."""
    from storyledger.extract import quotes as Q
    for doc in _parsed_texts():
        doc._.people = doc._.referents = None
        mentions, gender = Q.person_mentions(doc)
        mem = Q._Salience(doc, {m.i: m for m in mentions}, gender, Q._long_quotes(doc),
                          {e.root.i: e for e in doc.ents if e.label_ in {"ORG", "GPE"}})
        takes, alpha = Q._may_take_all(doc, mem)
        assert takes.tolist() == [mem.may_take(t) for t in doc]
        assert alpha.tolist() == [t.is_alpha for t in doc]
        assert [t.i for t in Q._proper_nouns(doc)] == [t.i for t in doc if t.pos_ == "PROPN"]
        assert list(Q._vote_lone_name(doc, mentions)) == list(_vote_lone_name_slow(doc, mentions))


def test_sentence_alpha_counts_are_the_token_walk():
    """``quotes._alpha_before``: a sentence holds an alphabetic token exactly when the count
    before its end exceeds the count before its start (coref's decay and lone-name votes read it)."""
    from spacy.attrs import IS_ALPHA

    from storyledger.extract import quotes as Q
    for doc in _parsed_texts():
        before = Q._alpha_before(doc.to_array(IS_ALPHA))
        assert [bool(before[s.end] > before[s.start]) for s in doc.sents] == \
            [any(t.is_alpha for t in s) for s in doc.sents]


def test_acronyms_set_with_the_docs_are_the_component_s():
    """extract._docs gives each text its acronyms for the article's context; storyledger_acronyms
    keeps them: the same lists as the component finds on a Doc made without them."""
    from storyledger import extract
    from storyledger.extract.components import text_acronyms
    from storyledger.model import Article
    nlp = extract.load_nlp()
    body = ("The National Intelligence Service (NIS) said 300 troops moved. Immigration, Refugees and "
            "Citizenship Canada said on Monday that IRCC had no record.\n\nNIS officials declined to comment.")
    art = Article(id="a1", source="x", body=body, title="Agency for Nuclear Energy (ANE) warns",
                  captions=["World Health Organization staff at the WHO office"])
    docs = [d for d, _ in extract._docs(nlp, 0, art)]
    assert [d._.acronyms for d in docs] == [text_acronyms(d.text) for d in docs]
    assert docs[0]._.acronyms == [["The National Intelligence Service", "NIS"],
                                  ["Immigration, Refugees and Citizenship Canada", "IRCC"]]
    assert [d._.acronyms for d in nlp.pipe(docs)] == [d._.acronyms for d in nlp.pipe(d.text for d in docs)]


def _vote_lone_name_slow(doc, mentions):
    from storyledger.extract import quotes as Q
    quoted = Q._long_quotes(doc)
    sents = [s for s in doc.sents if any(t.is_alpha for t in s)]
    by_sent: dict = {}
    for m in mentions:
        by_sent.setdefault(m.sent, []).append(m)
    for k, s in enumerate(sents):
        names = {m.key for m in by_sent.get(s.start, ()) if not Q._in_quote(doc, m.i, quoted)}
        if len(names) != 1:
            continue
        toks = list(s) + (list(sents[k + 1]) if k + 1 < len(sents) and sents[k + 1].start not in by_sent else [])
        toks = [t for t in toks if not Q._in_quote(doc, t.i, quoted)]
        male, female = sum(t.lower_ in Q._MALE for t in toks), sum(t.lower_ in Q._FEMALE for t in toks)
        if male and not female:
            yield next(iter(names)), "m", 1
        elif female and not male:
            yield next(iter(names)), "f", 1


def test_speech_marks_are_the_speech_verbs():
    from storyledger import extract
    from storyledger.extract import quotes as Q
    ours = list(extract.load_nlp().pipe(['"It will pass," points out the laid-back resident.',
                                         'She chimed in that the vote had been moved, according to aides.']))
    for doc in ours + _parsed_texts():
        speech, according = Q.speech_marks(doc)
        assert speech == [t.i for t in doc if Q._speech(t)]
        assert according == [t.i for t in doc if t.lower_ == "according"]


def test_dateline_year_gate():
    """``dates.dateline`` and ``trailing_stamp`` answer without reading a line that has no year run
    ("19xx"/"20xx"): every date they read carries one (here: the patterns read such lines to None)."""
    from storyledger.clean import dates as D
    lines = _lines() + ["Posted Mon, Oct. 7 ٢٠٢٤ at 5 p.m.", "Apr 7, 2020, 15:43 IST", "By Ann Lee | 28.04.2025",
                        "Talks resume Monday, March 3, 2025 10:15 AM", "22/11/1999", "Updated: 5 Jan"]
    for line in lines:
        if D._YEAR_RUN.search(line):
            continue
        assert D._dateline(line) is None and D._STAMP_TAIL.search(line) is None, line
        assert all(D._dateline(p) is None for p in D._META_PARTS.split(line)), line


def test_says_any_is_the_sentence_word_set():
    from storyledger import extract
    from storyledger.extract.attribution import says_any
    from storyledger.extract.lexicon import UNCONFIRMED_CUES
    ours = list(extract.load_nlp().pipe([
        "Neither side confirmed it; the troops were reportedly moved, ALLEGEDLY at night.",
        "The unconfirmed-looking report was supposedly leaked. NEITHER of them spoke."]))
    for doc in ours + _parsed_texts():
        for sent in doc.sents:
            words = {t.lower_ for t in sent}
            for cues in (UNCONFIRMED_CUES, frozenset({"neither"})):
                assert says_any(sent, cues) == bool(words & cues), sent.text


def test_according_gate():
    """``SourceFinder._according`` answers [] for a text without the word "according" in any case,
    and as the walk over the children does otherwise."""
    from storyledger.extract import entities, extract_text
    from storyledger.extract.attribution import SourceFinder
    for doc in _parsed_texts():
        finder = SourceFinder(entities.ArticleEntities(entities.alias_table()))
        has = any(t.lower_ == "according" for t in doc)
        assert finder._according_any is True and (has or all(finder._according(t) == [] for t in doc))
        assert finder._according_any == ("according" in doc.text.lower())
    claims = extract_text("Some 1,200 troops crossed on Monday, ACCORDING to the ministry.", "2024-10-07")
    assert [c.attribution.source for c in claims if c.kind == "figure"] == ["ministry"]


def test_span_text_is_the_span_text():
    """``extensions.span_text`` (cut from the Doc's text) is ``Span.text`` for sentences and any span."""
    from storyledger.extract.extensions import span_text
    for doc in _parsed_texts():
        doc._.text = doc.text
        spans = list(doc.sents) + [doc[i:i + 9] for i in range(0, len(doc), 5)] + [doc[3:3], doc[:]]
        assert [span_text(s) for s in spans] == [s.text for s in spans]


def test_control_share_counts_as_the_character_walk():
    from storyledger.ingest import _control_share
    for s in _lines() + ["a\x00b\rc\x1fd\te\nf\x0bg\x0ch\x7f", "\x01" * 5000]:
        sample = s[:4096]
        slow = sum(1 for c in sample if ord(c) < 32 and c not in "\n\t\f\v") / len(sample) if sample else 0.0
        assert _control_share(s) == slow, s[:40]


def test_date_mentions_found_as_the_patterns_find_them():
    """``dates._MDY`` tried at capitals only and ``_weekday_mentions`` searched from the word before
    each weekday find what the plain patterns find, on whole dev-set texts, pieces of them and ours."""
    import random

    from storyledger.clean import dates as D
    files = sorted(DEVSET.glob("*/articles/*")) if DEVSET.is_dir() else []
    texts = OURS + ["Monday Tuesday", "xMonday", "on  Monday", "Mondays", "last\tFriday said", "Oct. 16, 2024",
                    "October 16 2024 and OCTOBER 3", "theMarch 3", "Mar 3 and March 4, 2020", "x Sunday Sunday",
                    "a\u00a0\u2009Monday", "on 3 Monday", "was March 12th, 2021", "Sept. 9 Sep 9 Septem 9", "_x Monday"] + \
        [f.read_text(encoding="utf-8", errors="replace") for f in files]
    rng = random.Random(3)
    joined = " ".join(texts)
    texts += [joined[a:a + rng.randrange(1, 400)] for a in (rng.randrange(len(joined)) for _ in range(300))]

    def found(matches):
        return [(m.span(), m.groupdict()) for m in matches]
    for t in texts:
        assert found(D._MDY.finditer(t)) == found(D._MDY_RX.finditer(t)), t[:80]
        a, b = D._MDY.search(t), D._MDY_RX.search(t)
        assert (a and a.span()) == (b and b.span()), t[:80]
        assert found(D._weekday_mentions(t)) == found(D._WEEKDAY_MENTION.finditer(t)), t[:80]
    for line in _lines() + ["3 DAYS AGO", "yeſterday", "Today", "an hour ago.", "agog"]:
        assert D.relative_phrase(line) == bool(D._RELATIVE.search(line)), line


def test_iso_day_read_as_dateutil_reads_it():
    """``html._parse_dt``'s shortcut for "YYYY-MM-DD" gives what dateutil's parse gives."""
    import datetime as dt
    import warnings

    from dateutil import parser as dateparser

    from storyledger.clean import html as H

    def slow(value):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                d = dateparser.parse(value.strip(), default=dt.datetime(1900, 1, 1))
        except (ValueError, OverflowError, TypeError):
            return None
        return d if 1990 <= d.year <= dt.date.today().year + 1 else None

    day, values = dt.date(1988, 1, 1), []
    while day.year <= dt.date.today().year + 2:
        values.append(day.isoformat())
        day += dt.timedelta(days=1)
    values += ["2024-02-30", "2023-02-29", "2024-13-05", "2024-00-10", "2024-10-00", "0000-01-01", "9999-12-31",
               " 2024-10-05\n", "\t2024-10-05 ", "2024-10-05T00:00:00", "2024-10-5", "２０２４-10-05", "2024-10-05 EDT"]
    for v in values:
        assert H._parse_dt(v) == slow(v), v
