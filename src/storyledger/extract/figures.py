"""Figures: a number, its hedge, what it counts, whose people, what happened to them, where.

The measure comes from the words that govern the counted noun in the dependency parse
(its own clause: "who were killed", "decided to send", "projected to reach"), not from
keywords anywhere in the sentence.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional

import numpy
from spacy.attrs import ORTH, TAG
from spacy.tokens import Span, Token

from storyledger.extract.lexicon import (
    BOUND_VERBS, CALENDAR_WORDS, CURRENCY_PREFIXES, DOLLAR_COUNTRIES, HEDGES, LETTER_CURRENCIES, MEASURE_CUES, MODALS,
    NOT_PEOPLE_HEADS, PEOPLE, PLAN_LEMMAS, REPORT_LEMMAS, SCALE_SUFFIXES, SCALES, UNITS, VAGUE, number_token, parse_number,
)
from storyledger.extract.spans import ent_at
from storyledger.tables import table
from storyledger.words import MONTHS, singular

_SKIP_ENTS = {"DATE", "TIME", "ORDINAL"}
_OTHER_ENTS = {"PERCENT", "MONEY", "QUANTITY"}
_NUMWORDS = set(UNITS) | set(SCALES) | VAGUE
_NUMWORDS_DASH = frozenset(_NUMWORDS | {"-"})
_FIG = table("figures")  # word families of the figure rules (data/figures.json)
_ANAPHORA = _FIG.set("anaphora_words")
_PLACE_PREPS = _FIG.set("where_preps")
_TOTAL_NOUNS = _FIG.set("total_nouns")


@dataclass
class Figure:
    start: int                    # token index of the first number token (hedge excluded)
    end: int                      # token index after the number
    value: Optional[float]
    low: Optional[float] = None
    high: Optional[float] = None
    qualifier: str = "exact"
    hedge_start: Optional[int] = None
    counted: Optional[str] = None
    population: Optional[str] = None
    measure: Optional[str] = None
    where: Optional[str] = None
    anchor: Optional[Token] = None   # counted noun, or the number when it stands alone
    anaphoric: bool = False          # "of them", "this number", "more": points back
    part: bool = False               # a share of a group ("a third of", "one of the"): not a count of it
    restated: bool = False           # the same amount in other units, in brackets after a bounded one
    continues: bool = False          # "three more": same event as the previous figure
    change_to: Optional[float] = None  # "raised from 1,200 to 1,500": a change, and the level it reached
    path: list[Token] = field(default_factory=list)


_DATA_FIELDS = ("start", "end", "value", "low", "high", "qualifier", "hedge_start", "counted", "population",
                "measure", "where", "anaphoric", "part", "restated", "continues", "change_to")


def figure_data(fig: Figure) -> dict:
    """The figure as plain data for ``doc._.figures``: tokens by index (anchor, path)."""
    d = {k: getattr(fig, k) for k in _DATA_FIELDS}
    d["anchor"] = fig.anchor.i if fig.anchor is not None else None
    d["path"] = [t.i for t in fig.path]
    return d


def figure_from_data(doc, d: dict) -> Figure:
    """A ``Figure`` again from ``figure_data`` on the same Doc."""
    fig = Figure(**{k: d[k] for k in _DATA_FIELDS})
    fig.anchor = doc[d["anchor"]] if d.get("anchor") is not None else None
    fig.path = [doc[i] for i in d.get("path") or []]
    return fig


def figures_by_sentence(doc, demonym) -> list[list[dict]]:
    """Every sentence's figures (in sentence order) as plain data: what the figures component writes."""
    starts = may_start(doc)
    return [[figure_data(f) for f in find_figures(sent, demonym, starts)] for sent in doc.sents]


_LEX_START: dict[int, bool] = {}    # orth -> may its word start a figure (a property of the word alone)


def _word_may_start(lex) -> bool:
    """The word-level tests of ``_fraction`` and ``_is_num`` loosened to their necessary part:
    when False, neither can hold for a token of this word unless the tagger calls it CD."""
    low, text = lex.lower_, lex.orth_
    return low in UNITS or low in _NUMWORDS or low in {"half", "a"} or "-" in low or "/" in low or \
        "\u2044" in low or lex.like_num or low.endswith("fold") or text.startswith(DOLLAR_COUNTRIES) or \
        number_token(text) is not None or _LETTER_AMOUNT.fullmatch(text) is not None


# "N5" of "N5m", which the tokenizer splits from its scale letter (_glued reads the two as one)
_LETTER_AMOUNT = re.compile("(?:" + "|".join(LETTER_CURRENCIES) + r")\d+(?:\.\d+)?")


def may_start(doc) -> numpy.ndarray:
    """Per token of ``doc``: may a figure or a share start here (``find_figures`` reads no other token
    as a start). One array per Doc, so the rule passes skip the words that can start nothing
    without making a Token object for each (tests/test_fast_paths.py checks it against every token)."""
    orths = doc.to_array([ORTH, TAG])
    vocab = doc.vocab
    ids = orths[:, 0].tolist()
    known = list(map(_LEX_START.get, ids))    # (a map over the cache; a word seen first is worked out)
    if None in known:
        known = [_LEX_START.setdefault(o, _word_may_start(vocab[o])) if k is None else k for o, k in zip(ids, known)]
    word = numpy.array(known, dtype=bool)
    return word | (orths[:, 1] == vocab.strings["CD"]) if len(doc) else word


_DURATION = _FIG.set("duration_words")


def _glued(t: Token) -> Optional[tuple[float, bool, str]]:
    """The token as a written amount, with a "$" written against it ("$" "US113")."""
    tok = number_token(t.text)
    if tok is None and t.i > 0 and t.text.startswith(DOLLAR_COUNTRIES) and \
            not t.doc[t.i - 1].whitespace_ and t.doc[t.i - 1].text in {"$", "US$"}:
        tok = number_token("$" + t.text[len(next(c for c in DOLLAR_COUNTRIES if t.text.startswith(c))):])
    if tok is None and _LETTER_AMOUNT.fullmatch(t.text) and t.i + 1 < len(t.doc) and not t.whitespace_:
        tok = number_token(t.text + _scale_text(t.doc[t.i + 1]))   # "N5" "m": naira, with its scale letter
    if tok is None and _letter_then_scale(t):
        tok = number_token("$" + t.text[1:])   # "P312.6 million": pesos, with a scale word
    return tok


def _letter_then_scale(t: Token) -> bool:
    """A one-letter currency on a bare number, then a scale word ("P312.6 million", "K2 billion"):
    the scale word makes it an amount ("N95 masks", "the P5 model" stay no figure)."""
    return _LETTER_AMOUNT.fullmatch(t.text) is not None and t.i + 1 < len(t.doc) and bool(t.whitespace_) and \
        t.doc[t.i + 1].lower_ in SCALES and t.doc[t.i + 1].lower_ not in {"hundred", "dozen"}


def _currency_before(t: Token) -> bool:
    return t.i > 0 and (t.doc[t.i - 1].tag_ == "$" or t.doc[t.i - 1].text in CURRENCY_PREFIXES)


def _is_num(t: Token) -> bool:
    tok = _glued(t)
    if tok is not None and (tok[1] or tok[2] and tok[2] not in SCALE_SUFFIXES and not tok[2].startswith("-")):
        return True  # a currency or unit written on the number: an amount whatever the tagger says ("15kHz")
    if t.ent_type_ in {"DATE", "TIME"} and not _calendar_number(t):
        return t.tag_ == "CD" or t.like_num or tok is not None  # a tagger's stray date: "sales of 5835 units"
    if t.ent_type_ in _SKIP_ENTS:
        # dates are not figures, but durations are ("three months", "15 years"): kept, measure other
        nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
        if nxt is not None and nxt.text in {"-", "\u2013"} and t.i + 2 < len(t.doc):
            nxt = t.nbor(2)  # "a 65-year-old"
        if t.ent_type_ == "ORDINAL" or nxt is None or nxt.lower_ not in _DURATION:
            return False
    return t.tag_ == "CD" or t.like_num or t.lower_ in _NUMWORDS or tok is not None or _fold(t.lower_) is not None


def _tens_hyphen(doc, j: int, end: int) -> bool:
    """ "Sixty-two", "twenty-one": the tokenizer splits a written number at its hyphen; a hyphen
    written tight between a tens word and a unit word joins them into one number."""
    if doc[j].text != "-" or j + 1 >= end or doc[j - 1].whitespace_ or doc[j].whitespace_:
        return False
    tens, unit = UNITS.get(doc[j - 1].lower_), UNITS.get(doc[j + 1].lower_)
    return tens in _TENS and unit is not None and 1 <= unit <= 9


_TENS = {20, 30, 40, 50, 60, 70, 80, 90}


def _digits_then_word(doc, j: int) -> bool:
    """ "from more than 5,000 two decades ago": a numeral and a number word after it are two numbers
    (a scale word, "5 million", "3 dozen", still joins)."""
    return doc[j].lower_ in UNITS and doc[j - 1].lower_ not in _NUMWORDS and any(ch.isdigit() for ch in doc[j - 1].text)


def _fold(word: str) -> Optional[float]:
    """ "sixfold", "10-fold": a multiple."""
    if not word.endswith("fold"):
        return None
    head = word[:-4].rstrip("-")
    return float(UNITS[head]) if head in UNITS else float(head) if head.isdigit() else None


def _refers_back(num: Token) -> bool:
    """"as if the two counted the same people": a number after "the" standing as the subject with
    no noun of its own points back to things already named, it counts nothing new."""
    return num.pos_ == "NUM" and num.dep_ in {"nsubj", "nsubjpass"} and not _currency_before(num) and \
        any(c.dep_ == "det" and c.lower_ in _FIG.set("referring_determiners") for c in num.children) and \
        not any(c.dep_ == "prep" for c in num.children)


def _calendar_number(t: Token) -> bool:
    """A number the date or time entity around it makes a date: a year, a day beside a month or weekday,
    an hour, or a count of time units ("three months" is kept as a duration by the caller)."""
    if _currency_before(t):
        return False  # "$2000"
    if re.fullmatch(r"(1\d|20)\d\d", t.text) or not re.fullmatch(r"[\d,.]+", t.text) and t.lower_ not in UNITS:
        return True
    ent = ent_at(t.doc, t.i)
    words = [w.lower_.rstrip(".") for w in (ent if ent is not None else [t])] + \
        [w.lower_.rstrip(".") for w in t.doc[max(0, t.i - 2):t.i + 3]]
    if any(w in CALENDAR_WORDS or w + "." in CALENDAR_WORDS for w in words):
        return True
    nxt = [w for w in t.doc[t.i + 1:t.i + 3] if w.text not in {"-", "\u2013"}]
    return bool(nxt) and (nxt[0].lower_ in _DURATION or nxt[0].lower_ in {"ago", "old", "year-old", "years-old"})


def _day_of_month(doc, start: int, end: int, sent: Span) -> bool:
    """A day number joined to a month name by other day numbers: "September 10-11", "10-11 Sept",
    or written right before a capitalised month name ("between 2 and 8 May 2025", where the tagger
    leaves the 8 out of the date)."""
    if end - start != 1 or not re.fullmatch(r"\d{1,2}", doc[start].text) or not 1 <= int(doc[start].text) <= 31:
        return False
    for step in (-1, 1):
        k = start + step
        while sent.start <= k < sent.end and (re.fullmatch(r"\d{1,2}", doc[k].text) or doc[k].text in {"-", "\u2013", "to", "and"}):
            k += step
        if sent.start <= k < sent.end and (k != start + step or step == 1 and doc[k].text[:1].isupper()) and \
                doc[k].lower_.rstrip(".") in MONTHS:
            return True
    return False


def _scale_letters(doc, j: int) -> bool:
    """Scale letters after a number: written against it ("1.2" "m") or a short word ("2.8 bn")."""
    t = doc[j]
    glued = not doc[j - 1].whitespace_ and bool(re.search(r"\d$", doc[j - 1].text))
    return glued and _scale_text(t) in SCALE_SUFFIXES or t.lower_ in {"bn", "mn", "mln", "mil", "trn"}


def _scale_text(t: Token) -> str:
    return t.text[:-1] if t.text.endswith(".") and t.i == len(t.doc) - 1 or t.text.endswith(".") and \
        t.nbor(1).is_sent_start else t.text  # "HK $5.4m." at the end of a sentence


def _identifier(doc, start: int, end: int, sent: Span) -> bool:
    """A number that names rather than counts: "S&P 500", "iPhone 12", "Game 7", "category 4", "No. 1"."""
    t = doc[start]
    if end - start != 1 or not t.text.isdigit() or start == sent.start:
        return False
    prev = doc[start - 1]
    if not prev.whitespace_ or prev.ent_type_ in {"DATE", "TIME"} or prev.like_num:
        return False
    nxt = doc[end] if end < sent.end else None
    if nxt is not None and (nxt.text in {"%", "per"} or nxt.lower_ in SCALES):
        return False
    if prev.pos_ == "PROPN" and (prev.is_title or prev.text[:1].islower() and any(c.isupper() for c in prev.text[1:])
                                 or prev.is_upper and len(prev.text) > 1 or "&" in prev.text):
        return True  # a name's number: "S&P 500", "iPhone 12", "FTSE 100", "Game 7"
    # a singular common noun numbered ("category 4 hurricane", "Unit 3"), not a count of what follows
    return prev.tag_ == "NN" and prev.dep_ != "pobj" and (nxt is None or nxt.tag_ != "NNS") and t.head.i == prev.i


_AGE_AFTER = re.compile(r"[-\u2013 ]{0,2}(?:year|month|week|day)s?[-\u2013 ]{0,2}old\b")   # bounded: linear


def _age(doc, start: int, end: int, sent: Span) -> bool:
    """A person's age: "an 85-year-old woman", "65 years old", "Rahima Begum, 42, a farmer", "Ann
    Lee (42)" (a small whole number set off right after a person's name)."""
    last = doc[end - 1]
    if end < sent.end and _AGE_AFTER.match(doc[end:min(sent.end, end + 4)].text.lower()):
        return True
    k = start - 1
    while k - 1 > sent.start and doc[k].lower_ in {",", "and", "or", "to"} and doc[k - 1].like_num:
        k -= 2      # "aged 30 and 41": each of the ages listed
    if k >= sent.start and doc[k].lower_ in {"aged", "age", "ages"}:
        return True
    if k - 1 >= sent.start and doc[k].lower_ == "of" and doc[k - 1].lower_ in {"age", "ages"}:
        return True     # "died at the age of 56"
    if end - start != 1 or not last.text.isdigit() or not 0 < int(last.text) < 120 or start - 2 < sent.start:
        return False
    opened, name = doc[start - 1].text, doc[start - 2]
    closer = doc[end].text if end < sent.end else "."
    # a name, or one person named by a noun ("the victim, 19,", "his wife (35)"): no count of one
    # (the small model tags a surname alone as a place or an organisation as often as a person)
    person = name.pos_ == "PROPN" or name.tag_ == "NN" and is_people(name.text)
    return person and (opened == "," and closer in {",", ".", ";"} or opened == "(" and closer == ")")


def find_figures(sent: Span, demonym, starts: Optional[numpy.ndarray] = None) -> list[Figure]:
    """The figures of one sentence; ``starts`` is ``may_start(sent.doc)`` when the caller has it."""
    figs: list[Figure] = []
    i = sent.start
    doc = sent.doc
    if starts is None:
        starts = may_start(doc)
    # where a figure may start (a list: numpy per step cost more than the step)
    nexts = (numpy.flatnonzero(starts[sent.start:sent.end]) + sent.start).tolist()
    while i < sent.end:
        k = bisect.bisect_left(nexts, i)
        if k == len(nexts):
            break
        i = nexts[k]       # the tokens skipped can start neither a share nor a number
        t = doc[i]
        frac = _fraction(doc, i, sent)
        if frac is not None:
            fig = _make(doc, frac[0], frac[1], sent, demonym, share=frac[2])
            if fig is not None:
                figs.append(fig)
                i = fig.end
                continue
        if not _is_num(t) or (t.lower_ in {"a"}):
            i += 1
            continue
        j = i + 1
        while j < sent.end and (_is_num(doc[j]) and doc[j].lower_ in _NUMWORDS_DASH and not _digits_then_word(doc, j) or
                                _scale_letters(doc, j) or
                                _tens_hyphen(doc, j, sent.end) or
                                doc[j].lower_ == "of" and t.lower_ in VAGUE and j + 1 < sent.end and doc[j + 1].lower_ in VAGUE):
            j += 1
        start = i
        if i > sent.start and doc[i - 1].lower_ in {"a", "half"} and t.lower_ in {"dozen", "hundred", "thousand", "million"}:
            start = i - 1
        fig = _make(doc, start, j, sent, demonym)
        if fig is not None:
            figs.append(fig)
        i = max(j, fig.end) if fig is not None else j  # a range's upper end is not a figure of its own
    _conversions(doc, figs)
    _compared(figs)
    return figs


_COMPARE_HEADS = _FIG.set("compare_heads")


def _compared(figs: list[Figure]) -> None:
    """A bare number a count is compared with counts the same: "killed 230 people, up from 150",
    "169,000 personnel, compared with about 100,000 on Jan. 30"."""
    for prev, fig in zip(figs, figs[1:]):
        num = fig.anchor or prev.anchor
        prep = num.head if num is not None and num.dep_ == "pobj" and num.head.lower_ in {"from", "with", "to"} else None
        # its own noun, or for an earlier level the one both take from the subject ("the toll had
        # reached 88, up from 61"; "expected the total to rise to 6,000" is no earlier level)
        shared = fig.counted == prev.counted and prep is not None and prep.lower_ != "to"
        if fig.counted is not None and not shared or prev.measure in {None, "other"} or fig.value is None or num is None:
            continue
        if prep is not None and prep.head.lemma_.lower() in _COMPARE_HEADS | _FIG.set("growth_verbs"):
            fig.counted, fig.population, fig.measure = prev.counted, prev.population, prev.measure


def _conversions(doc, figs: list[Figure]) -> None:
    """An amount restated in brackets keeps the bound of the one before it:
    "more than 100 kilometres (62 miles)", "under 300 hp (224 kW / 304 PS)"."""
    for prev, fig in zip(figs, figs[1:]):
        if prev.qualifier not in {"at_least", "at_most"} or fig.qualifier != "exact" or fig.value is None:
            continue
        between = [t.text for t in doc[prev.end:fig.start]]
        if "(" in between and ")" not in between and len(between) <= 4 or \
                "/" in between and len(between) <= 3 and prev.restated:
            fig.qualifier = prev.qualifier
            fig.low, fig.high = (fig.value, None) if fig.qualifier == "at_least" else (None, fig.value)
            fig.restated = True


_DENOMINATORS: dict[str, int] = _FIG.map("denominators")


_SLASHED = re.compile(r"(?<!\d)(\d+)[/\u2044](\d+)")   # (?<!\d): linear on a run of digits


def _fraction(doc, i: int, sent: Span) -> Optional[tuple[int, int, float]]:
    """A share written in words or as n/m at token ``i``: (start, end, value).

    "a third of", "two-thirds of", "half the", "one in five", "two out of three", "1/2 pound".
    """
    t = doc[i]
    low = t.lower_
    if low not in UNITS and low not in {"half", "a"} and "-" not in low and "/" not in low and "\u2044" not in low:
        return None     # no reading below can start here (most tokens): no Token made for the next one
    nxt = doc[i + 1] if i + 1 < sent.end else None
    m = _SLASHED.fullmatch(t.text) if "/" in t.text or "\u2044" in t.text else None
    if m and t.ent_type_ not in {"DATE", "TIME"} and 0 < int(m.group(1)) < int(m.group(2)) <= 1000:
        return i, i + 1, int(m.group(1)) / int(m.group(2))
    if low == "half" and nxt is not None and (nxt.lower_ == "of" or nxt.tag_ in {"DT", "PRP$"}) and \
            not (i > sent.start and doc[i - 1].lower_ in {"a", "an", "the"}):  # "one and a half", "the half"
        return (i - 1 if i > sent.start and doc[i - 1].lower_ == "one" else i), i + 1, 0.5
    # "one in five", "two out of three": numerator, "in"/"out of", denominator
    if low in UNITS and nxt is not None and nxt.lower_ in {"in", "out"}:
        k = i + 2 if nxt.lower_ == "in" else i + 3
        if k < sent.end and (nxt.lower_ == "in" or doc[i + 2].lower_ == "of") and doc[k].lower_ in UNITS and \
                UNITS[low] < UNITS[doc[k].lower_]:
            return i, k + 1, UNITS[low] / UNITS[doc[k].lower_]
    # "a third of", "one-third of", "two - thirds of", "three quarters of"
    parts = low.split("-") if "-" in low and low.count("-") == 1 else None
    if parts and parts[0] in UNITS and parts[1] in _DENOMINATORS:
        num, den, end = UNITS[parts[0]], _DENOMINATORS[parts[1]], i + 1
    elif low in UNITS or low == "a":
        k = i + 1
        if k < sent.end and doc[k].text in {"-", "\u2013"}:
            k += 1
        if k >= sent.end or doc[k].lower_ not in _DENOMINATORS:
            return None
        num, den, end = (1 if low == "a" else UNITS[low]), _DENOMINATORS[doc[k].lower_], k + 1
    else:
        return None
    if end < sent.end and doc[end].lower_ == "of" and num < den:
        return i, end, num / den
    return None


def _m_million(first: Token, nxt: Optional[Token]) -> bool:
    """A lowercase "m" is a million ("PS2.7m", "1.2m tons", "2.7m combined sales") unless a size
    follows ("37m (121ft)-long", "a 10m-high wall")."""
    if _currency_before(first) or nxt is None:
        return True
    return not (nxt.text in {"(", "-", "x", "\u00d7"} or nxt.tag_ in {"JJ", "RB", "RBR"})


def _glued_text(t: Token) -> str:
    """The token's text with a "$" written before it when that "$" carries a country mark ("$US113")."""
    tok = number_token(t.text)
    if tok is None and _letter_then_scale(t):
        return "$" + t.text[1:]
    if tok is None and _glued(t) is not None and not _LETTER_AMOUNT.fullmatch(t.text):
        return "$" + t.text[len(next(c for c in DOLLAR_COUNTRIES if t.text.startswith(c))):]
    return t.text


def _make(doc, start: int, end: int, sent: Span, demonym, share: Optional[float] = None) -> Optional[Figure]:
    if share is not None:
        fig = Figure(start=start, end=end, value=share, part=True)
        _hedge(doc, fig, sent)
        _counted(doc, fig, sent, demonym)
        _measure(doc, fig, sent)
        return fig
    toks = doc[start:end]
    last = toks[-1]
    words: list[str] = []
    for t in toks:
        if words and _scale_text(t) in SCALE_SUFFIXES and not doc[t.i - 1].whitespace_:
            words[-1] += _scale_text(t)  # "1.2" "m" -> "1.2m"
        else:
            words.append(_glued_text(t))
    low_words = [w.lower() for w in words]
    # identifiers and years: "Article 4", "in 2024", "No. 1"
    if start > sent.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and last.dep_ not in {"nummod"} \
            and len(toks) == 1 and toks[0].text.isdigit() or _identifier(doc, start, end, sent):
        return None
    if len(toks) == 1 and re.fullmatch(r"(1[89]|20)\d\d", toks[0].text) and last.dep_ != "nummod" and \
            not _currency_before(toks[0]):
        return None
    if len(toks) == 1 and re.fullmatch(r"(1[89]|20)\d\d", toks[0].text) and last.head.pos_ != "NOUN" and \
            not _currency_before(toks[0]):
        return None
    if _day_of_month(doc, start, end, sent):
        return None  # "on the night of September 10-11", "10 to 12 May" when the tagger misses the date
    if re.search(r"\d[:/]\d|\d(st|nd|rd|th)$", toks.text) or last.text.endswith(("s",)) and last.text[:-1].isdigit():
        return None  # times, ordinals, decades ("1990s")
    prev = doc[start - 1] if start > sent.start else None
    one_of = low_words == ["one"] and end < sent.end and doc[end].lower_ == "of" and \
        not (prev is not None and (prev.tag_ in {"DT", "PRP$"} or prev.lower_ in {"no", "any", "every"}))
    if low_words == ["one"] and last.dep_ not in {"nummod"} and not one_of:
        return None  # "the one that", "one side": a pronoun, not a count
    if _refers_back(last):
        return None
    vague = all(w in VAGUE or w == "of" for w in low_words) or \
        start > sent.start and doc[start - 1].lower_ in {"several", "few", "many"} and \
        (low_words[-1] in SCALES or low_words[-1] == "dozen")  # "several hundred", "several dozen"
    nxt = doc[end] if end < sent.end else None
    if vague and len(low_words) == 1 and low_words[0] in _FIG.set("vague_needs_of") and not \
            (nxt is not None and nxt.lower_ == "of" or start == sent.start and nxt is not None and nxt.pos_ in {"AUX", "VERB"}
             and toks[0].text[:1].isupper() and not toks[0].is_upper):
        return None  # "scores twice", "test scores", "SCORES QUARANTINED"; but "scores of people", "Scores were hurt"
    m_million = _m_million(toks[0], nxt)
    value = None if vague else parse_number(words, m_million=m_million) if _fold(low_words[-1]) is None or \
        len(words) > 1 else _fold(low_words[-1])
    if value is None and not vague:
        return None
    if value is not None and value < 0 and start > sent.start and not doc[start - 1].whitespace_:
        value = -value  # "3888-2", "2-1": a hyphen joining two numbers is no minus sign
    if value is not None and start > sent.start and doc[start - 1].lower_ == "minus":
        value, start = -value, start - 1
    fig = Figure(start=start, end=end, value=value, part=one_of)
    if vague:
        fig.qualifier = "vague"
    _hedge(doc, fig, sent)
    if not vague:
        _range(doc, fig, sent)
    _counted(doc, fig, sent, demonym)
    _measure(doc, fig, sent)
    _no_data_point(doc, fig, sent, vague)
    return fig


def _no_data_point(doc, fig: Figure, sent: Span, vague: bool) -> None:
    """An amount with no number is no data point; an age is an amount (quantity benchmarks count
    it) but never a count of people: "a 42-year-old man was killed" counts no one killed, and
    joins no count of 42."""
    if vague:
        fig.measure = None
    elif _age(doc, fig.start, fig.end, sent):
        fig.counted, fig.population, fig.measure, fig.where = "age", None, "other", None
    elif _withdrawn(doc[fig.end - 1]):
        fig.measure = "other"   # a correction's withdrawn figure counts no one (the corrected one does)


def _withdrawn(tok: Token) -> bool:
    """ "An earlier version of this article said 40 people were injured": the figure a correction
    notice withdraws, told by the page's own earlier version."""
    for v in tok.ancestors:
        if v.pos_ in {"VERB", "AUX"} and any(
                c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in _FIG.set("version_nouns") and
                any(m.lower_ in _FIG.set("withdrawn_version_marks") for m in c.children) and
                all(o.lemma_.lower() in _FIG.set("version_of") for p in c.children if p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj") for c in v.children):
            return True     # (not "an earlier version of the bill would have sent 300 troops")
    return False


def _changed_from(frm: Token) -> bool:
    """ "rose from 31 to 45", "raised its estimate of people displaced from 1,200 to 1,500": the
    "from ... to" hangs below a verb of change (not "estimates vary from 60,000 to 90,000")."""
    for v in frm.ancestors:
        if v.pos_ in {"VERB", "AUX"} and v.lemma_.lower() in _FIG.set("growth_verbs") | _FIG.set("change_verbs"):
            return True
        if v.pos_ in {"VERB", "AUX"} and v.lemma_.lower() in REPORT_LEMMAS:
            return False
    return False


def changed_level_noun(doc, fig: Figure) -> Optional[Token]:
    """ "cut annual deaths from more than 5,000 two decades ago to 245": the earlier level of a change
    (its "from", with a "to" beside it), whatever stands between the two, counts the people the verb
    of change acts on (its object, else its subject)."""
    tok = doc[fig.end - 1]
    for _ in range(3):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.dep_ == "prep" and tok.lower_ == "from":
            verb = tok.head
            # the new level may stand in a clause before: "has risen to 19, …, raising the toll from 12"
            if not _changed_from(tok) or not any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children) and \
                    verb.lemma_.lower() not in _FIG.set("change_verbs"):
                return None
            acted = [c for dep in ("dobj", "nsubj", "nsubjpass") for c in verb.children if c.dep_ == dep and c.pos_ == "NOUN"]
            # people first; else the thing changed ("cutting the region's population from 300 million"):
            # the level counts it, not the people of a clause before
            return next((c for c in acted if is_people(c.text)), acted[0] if acted else None)
    return None


def _reached(fig: Figure) -> None:
    """A count of people that changed is the level it reached: the ledger keeps the new toll, not a
    range from the old one (amounts that are no counts keep both ends, as benchmarks write them)."""
    if fig.change_to is not None and fig.qualifier == "range" and fig.measure not in {None, "other"}:
        fig.value, fig.low, fig.high, fig.qualifier = fig.change_to, None, None, "exact"


def _hedge(doc, fig: Figure, sent: Span) -> None:
    lead = _lead(doc, fig.start, sent)  # the hedge comes before the currency mark: "about $40 million"
    before = [t.lower_ for t in doc[max(sent.start, lead - 3):lead]]
    for words, q in HEDGES:
        n = len(words)
        if tuple(before[-n:]) == words and len(before) >= n:
            if n == 1 and doc[lead - 1].dep_ == "prt":
                break   # "took over two cell blocks": the verb's particle, no bound
            fig.qualifier = q
            fig.hedge_start = lead - n
            break
    if doc[fig.start].text[:1] in {"~", "\u2248"} or lead > sent.start and doc[lead - 1].text in {"~", "\u2248"}:
        fig.qualifier = "approximately"  # "~25 min"
    after = [t.lower_ for t in doc[fig.end:min(sent.end, fig.end + 2)]]
    if after[:2] in (["or", "more"], ["or", "so"], ["or", "above"], ["or", "higher"], ["or", "over"]):
        fig.qualifier = "approximately" if after[1] == "so" else "at_least"
    elif after[:2] in (["or", "fewer"], ["or", "less"], ["or", "below"], ["or", "lower"], ["or", "under"]):
        fig.qualifier = "at_most"
    num = doc[fig.end - 1]
    gov = num.head if num.dep_ in {"nummod", "quantmod"} else num
    for h in (gov.head, gov.head.head):
        if gov.dep_ in {"dobj", "pobj", "attr"} and h.lemma_.lower() in BOUND_VERBS and fig.qualifier == "exact" \
                and h.pos_ == "VERB":  # "topped $5m", not "on top of a $6m fee"
            fig.qualifier = BOUND_VERBS[h.lemma_.lower()]
    if fig.qualifier == "exact" and gov.dep_ == "pobj" and gov.head.lower_ in _FIG.set("beyond_preps") and \
            gov.head.head.pos_ == "VERB":
        fig.qualifier = "at_least"  # "toll climbs past 2,300", "pushed beyond 500" (not "the past 24 hours")
    if fig.qualifier == "exact":
        fig.qualifier = _projected_bound(gov) or _estimated(num) or "exact"
    if fig.value is not None:
        if fig.qualifier == "at_most":
            fig.high = fig.value
        elif fig.qualifier == "at_least":
            fig.low = fig.value


def _projected_bound(gov: Token) -> Optional[str]:
    """A projection's end is a bound: "the death toll could reach 20,000" is up to 20,000."""
    verb = gov.head.head if gov.dep_ == "pobj" else gov.head
    if gov.dep_ not in {"dobj", "pobj"} or verb.pos_ != "VERB" or \
            gov.dep_ == "pobj" and gov.head.lower_ != "to":
        return None
    if any(c.dep_ == "aux" and c.lower_ in _FIG.set("projection_modals") for c in verb.children):
        return _FIG.map("projection_bounds").get(verb.lemma_.lower())
    return None


def _estimated(num: Token) -> Optional[str]:
    """ "the 30,000 estimated by the IOM": an estimate is approximate."""
    return "approximately" if any(c.dep_ == "acl" and c.lemma_.lower() == "estimate" and c.i > num.i
                                  for c in num.children) else None


_PERCENT_WORDS = _FIG.set("percent_words")


def _lead(doc, i: int, sent: Span) -> int:
    """Index of the first token of the amount at ``i``, taking in currency marks before it ("HK $5.4m")."""
    while i > sent.start and (doc[i - 1].tag_ == "$" or doc[i - 1].text in CURRENCY_PREFIXES or
                              doc[i - 1].text in DOLLAR_COUNTRIES and i - 1 > sent.start and doc[i - 2].tag_ == "$" or
                              doc[i - 1].is_upper and len(doc[i - 1].text) <= 3 and doc[i].tag_ == "$"):
        i -= 1
    return i


def _range(doc, fig: Figure, sent: Span) -> None:
    lead = _lead(doc, fig.start, sent)
    frm = doc[lead - 1] if lead > sent.start else None
    if fig.hedge_start is not None and fig.hedge_start > sent.start and not (frm is not None and frm.lower_ in {"from", "between"}):
        frm = doc[fig.hedge_start - 1]  # "from up to 252 miles"
    before = frm.lower_ if frm is not None else ""
    # the first amount's unit may come between it and "to": "5% to 10%", "from 208 pounds to 193"
    k = fig.end
    while k < min(sent.end, fig.end + 3) and (doc[k].lower_ in _PERCENT_WORDS or before in {"from", "between"} and
                                               k == fig.end and doc[k].tag_ in {"NN", "NNS"}):
        k += 1
    m0 = k + 1
    while m0 < sent.end and m0 < k + 4 and not _is_num(doc[m0]) and (doc[m0].tag_ == "$" or doc[m0].text in CURRENCY_PREFIXES or
                                                                   doc[m0].text in DOLLAR_COUNTRIES):
        m0 += 1  # "to $68", "to HK $5m"
    if m0 == k + 1 < sent.end and doc[k].text in {"-", "\u2013"} and not doc[k - 1].whitespace_ and \
            not doc[k].whitespace_ and doc[m0].lower_ in SCALES and fig.value is not None and \
            not (m0 + 1 < sent.end and _is_num(doc[m0 + 1])):
        fig.value, fig.end = fig.value * SCALES[doc[m0].lower_], m0 + 1   # "a 210-million-euro deal": one amount
        return
    if m0 < sent.end and doc[k].lower_ in {"to", "and", "-", "\u2013", "or"} and _is_num(doc[m0]) and \
            (doc[k].lower_ != "and" or before == "between") and \
            (k == fig.end or doc[k].lower_ in {"to", "and"}):
        m = m0
        while m < sent.end and (_is_num(doc[m]) or m > m0 and _scale_letters(doc, m)):
            m += 1
        words: list[str] = []
        for t in doc[m0:m]:
            if words and _scale_text(t) in SCALE_SUFFIXES and not doc[t.i - 1].whitespace_:
                words[-1] += _scale_text(t)
            else:
                words.append(_glued_text(t))
        other = parse_number(words, m_million=_m_million(doc[m0], doc[m] if m < sent.end else None))
        ordered = before == "from"  # "fell from 4.8 to 4.7": both ends, whichever is larger
        # both ends are the same kind of amount: not "rose 6.5% to 164p", "fell 7% to $2.3 billion",
        # "grew by $43.6 billion to $419.2 billion" (a change and the level it reached)
        money_lo = lead < fig.start or bool((_glued(doc[fig.start]) or (0, False))[1])
        money_hi = m0 > k + 1 or bool((_glued(doc[m0]) or (0, False))[1])
        pct_lo = any(t.lower_ in _PERCENT_WORDS for t in doc[fig.end:k])
        pct_hi = m < sent.end and doc[m].lower_ in _PERCENT_WORDS
        glued_or = doc[k].lower_ == "or" and any((_glued(t) or (0, False, ""))[2] for t in (doc[fig.start], doc[m0]))
        same_kind = money_lo == money_hi and (pct_hi or not pct_lo) and before != "by" and not glued_or
        if other is not None and fig.value is not None and (other > fig.value or ordered and other != fig.value) and \
                not (fig.value < 0 and doc[m0].text.startswith("-")) and same_kind:
            # "3,000 to 5,000 troops": scale words may sit only on the upper end ("3 to 5 million")
            lowv = fig.value
            if lowv < 1000 and other >= 1000 and (re.fullmatch(r"\d+(\.\d+)?", doc[fig.start].text) or
                                                  doc[fig.start].lower_ in UNITS) and doc[m - 1].lower_ in SCALES:
                lowv = lowv * SCALES[doc[m - 1].lower_]
            lo, hi = min(lowv, other), max(lowv, other)
            fig.low, fig.high, fig.value = lo, hi, lo
            fig.qualifier = "range"
            fig.end = m
            if ordered and frm is not None and _changed_from(frm):
                fig.change_to = other
    if "-" in doc[fig.start].text and re.fullmatch(r"[\d,.]+[-\u2013][\d,.]+", doc[fig.start].text):
        a, b = re.split(r"[-\u2013]", doc[fig.start].text)
        lo, hi = parse_number([a]), parse_number([b])
        if lo is not None and hi is not None and hi > lo:
            fig.low, fig.high, fig.value, fig.qualifier = lo, hi, lo, "range"


def _pop_of(noun: Token, demonym) -> Optional[str]:
    for c in noun.children:
        if c.ent_type_ == "NORP" and c.dep_ in {"amod", "compound", "nmod"}:
            ent = ent_at(noun.doc, c.i)
            return _singular_demonym(ent.text if ent else c.text)
        if c.dep_ == "poss" and c.ent_type_ in {"GPE", "NORP"}:
            ent = ent_at(noun.doc, c.i)
            return demonym(re.sub(r"['’]s$", "", ent.text if ent else c.text))
        if c.dep_ == "prep" and c.lower_ == "from":
            for p in c.children:
                if p.ent_type_ in {"GPE", "NORP"}:
                    ent = ent_at(noun.doc, p.i)
                    return demonym(ent.text if ent else p.text)
    if noun.ent_type_ == "NORP":
        ent = ent_at(noun.doc, noun.i)
        return _singular_demonym(ent.text if ent else noun.text)
    return None


def _singular_demonym(text: str) -> str:
    text = text.strip()
    return text[:-1] if text.endswith("ns") or text.endswith("is") else text


def _counted(doc, fig: Figure, sent: Span, demonym) -> None:
    num = doc[fig.end - 1]
    while num.head.i < num.i and _is_num(num.head) and \
            (num.dep_ == "conj" or num.dep_ in {"prep", "punct"} and num.head.i >= fig.start):
        num = num.head  # "between 11,000 and 12,000 soldiers", "2,000-4,000 cases": the lower end carries the noun
    noun: Optional[Token] = None
    if num.dep_ in {"nummod", "quantmod", "amod", "compound"} and num.head.pos_ in {"NOUN", "PROPN"} and \
            any(ch.isalpha() for ch in num.head.text) and \
            not any(t.head.i == num.head.i and t.pos_ == "NUM" and t.dep_ == "nummod" or
                    t.text == "(" and not doc[t.i + 1].like_num for t in doc[fig.end:num.head.i]):
        noun = num.head   # (not "5,000 two decades ago": the nearer number counts the decades; nor "17 (case
        # fatality rate 0.5%)": a bracket opens another thing, unless it only restates the number: "four (4) options")
    elif num.pos_ in {"NOUN", "PROPN"} and fig.qualifier == "vague":
        of = next((c for c in num.children if c.lower_ == "of"), None)
        noun = next((p for p in of.children if p.dep_ == "pobj"), None) if of is not None else None
    if noun is None:
        of = next((c for c in num.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((p for p in of.children if p.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None and pobj.lower_ in _ANAPHORA:
            fig.anaphoric = True
        elif pobj is not None:
            noun = pobj
        fig.anchor = num
    if noun is None and fig.start - 2 >= sent.start and doc[fig.start - 1].text == ":" and \
            doc[fig.start - 2].pos_ == "NOUN" and fig.qualifier != "vague" and \
            (fig.end >= sent.end or doc[fig.end].is_punct):
        noun = doc[fig.start - 2]   # "cumulative deaths: 17 (…)": a label counts the number alone after its colon
    made = num.head
    if noun is None and num.dep_ in {"nsubj", "npadvmod"} and made.dep_ == "amod" and made.head.pos_ == "NOUN" and \
            num.i < made.i < made.head.i and all(t.pos_ in {"ADV", "VERB", "ADJ"} for t in doc[num.i + 1:made.head.i]):
        noun = made.head   # "16 locally made guns": the parser makes the number the participle's subject
    if noun is None and not fig.anaphoric and num.dep_ in {"nsubj", "nsubjpass"} and fig.qualifier != "vague":
        # "Of the dead, 12 were children", "Of those, 31 ...": the group set before the number
        front = next((c for c in num.head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i < fig.start), None)
        pobj = next((p for p in front.children if p.dep_ == "pobj"), None) if front is not None else None
        if pobj is not None and pobj.lower_ in _ANAPHORA:
            fig.anaphoric = True
        elif pobj is not None and is_people(pobj.text) and (pobj.pos_ == "NOUN" or any(c.dep_ == "det" for c in pobj.children)):
            noun = pobj
    # "Out of this number, an estimated 4,000 soldiers": a subset of the figure before
    if any(t.lower_ in {"number", "them", "figure", "total", "those", "these", "whom"} and
           doc[t.i - 1].lower_ in {"this", "that", "of"} for t in doc[max(sent.start, fig.start - 8):fig.start]):
        fig.anaphoric = True
    if noun is not None:
        fig.anchor = noun
        mods = [c for c in noun.children if c.dep_ in {"amod", "compound"} and c.ent_type_ != "NORP"
                and c.i > fig.end - 1 and c.lower_ not in {"more", "additional", "other", "further"}]
        first = min([noun.i] + [m.i for m in mods])
        fig.counted = doc[first:noun.i + 1].text
        fig.population = _pop_of(noun, demonym)
        if any(c.lower_ in {"more", "additional", "further"} and c.i >= fig.start for c in noun.children) or \
                (fig.end < sent.end and doc[fig.end].lower_ in {"more", "additional"}):
            fig.continues = True
        # "the total number of North Korean troops ... reach 5,000"
    # money and shares never count the subject's people ("Police seized $5 million")
    if num.dep_ in {"dobj", "pobj", "attr", "npadvmod"} and not _money_or_share(doc, fig):
        _subject_counted(fig, num, demonym)
    elif noun is not None and noun.dep_ == "pobj":
        _subject_counted(fig, noun, demonym)  # "estimated the presence at 100,000 men"


def gapped_valuation(prep: Token) -> Optional[tuple[Token, Token]]:
    """ "the US estimated the presence at 100,000 men, Western intelligence at 130,000", "the ministry
    put the toll at 120, the Red Cross at 150": a second valuation with its verb left out. For the
    second amount's preposition, (the valuation verb, the noun that gives that amount)."""
    preps = _FIG.set("valuation_preps")
    if prep.dep_ != "prep" or prep.lower_ not in preps or not any(c.dep_ == "pobj" for c in prep.children):
        return None
    noun = prep.head if prep.head.pos_ in {"NOUN", "PROPN"} else None
    verb = prep.head if noun is None else noun.head.head if noun.dep_ == "appos" and \
        noun.head.dep_ in {"nsubj", "nsubjpass"} else noun.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _FIG.set("valuation_verbs") or \
            not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    # the first amount, on the verb or on what it values ("estimated the presence at 100,000")
    valued = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
    first = next((c for v in valued for c in v.children if c.dep_ == "prep" and c.lower_ in preps and c.i < prep.i), None)
    if first is None:
        return None
    if noun is None:   # the parser hung both amounts on the verb: the noun between them
        noun = next((c for c in verb.children if c.dep_ in {"dobj", "npadvmod", "appos", "conj"} and
                     c.pos_ in {"NOUN", "PROPN"} and first.i < c.i < prep.i), None)
    elif noun.dep_ not in {"npadvmod", "appos", "conj", "dobj"}:
        return None
    return (verb, noun) if noun is not None and noun.i > first.i else None


def valuation_verb(prep: Token) -> Optional[Token]:
    """The valuation verb an amount's preposition completes: "put the toll at 300"; also where the
    parser hung "at" inside the object valued ("put the number of people affected at 1.3 million")."""
    if prep.lower_ not in _FIG.set("valuation_preps"):
        return None
    verbs = _FIG.set("valuation_verbs")
    if prep.head.lemma_.lower() in verbs:
        return prep.head
    node = prep.head
    for _ in range(6):
        if node.dep_ == "dobj" and node.head.lemma_.lower() in verbs and node.head.pos_ == "VERB":
            return node.head
        if node.dep_ not in {"acl", "xcomp", "prep", "pobj"} or node.head.i == node.i:
            return None
        node = node.head
    return None


def _subject_counted(fig: Figure, num: Token, demonym) -> None:
    """A number standing for what its verb's subject names: "the death toll rose to 300",
    "Russian manpower is estimated at 143,500"; in a valuation the object is what is valued:
    "put the number of Russian troops near the border at 90,000", "estimated the military presence
    at 100,000 men" (the object joins the path, so its words can say what is counted)."""
    verb = num.head.head if num.dep_ == "pobj" else num.head
    gap = gapped_valuation(num.head) if num.dep_ == "pobj" else None
    verb = gap[0] if gap else verb
    valued = next((c for c in verb.children if c.dep_ == "dobj"), None) if num.dep_ == "pobj" and \
        num.head.lower_ in _FIG.set("valuation_preps") and verb.lemma_.lower() in _FIG.set("valuation_verbs") else None
    if fig.counted is not None:
        if valued is not None:
            fig.path.append(valued)
        return
    subj = valued or next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None and verb.dep_ in {"xcomp", "acl", "relcl"}:
        subj = verb.head if verb.dep_ in {"acl", "relcl"} else next(
            (c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return
    target = subj
    if _bare_total(subj):
        # "the number has risen from 30,000": the number counted before; "its tally rose to 1,240" is
        # the total of whatever "its" stands for, which need not be the figure before: unknown
        fig.anaphoric = not any(c.dep_ == "poss" for c in subj.children)
        return
    if subj.lemma_.lower() in _TOTAL_NOUNS:
        of = next((c for c in subj.children if c.lower_ == "of"), None)
        target = next((p for p in of.children if p.dep_ in {"pobj", "pcomp"}), subj) if of is not None else subj
    if valued is not None and not (target.lemma_.lower() in PEOPLE or target.lower_ in PEOPLE):
        fig.counted = target.text  # "estimated the crowd at 50,000": the crowd, not the police who estimated it
        fig.path.append(target)
    elif target.lemma_.lower() in PEOPLE or target.lower_ in PEOPLE or target.lemma_.lower() in MEASURE_CUES:
        comp = [c for c in target.children if c.dep_ == "compound" and c.ent_type_ != "NORP"]
        fig.counted = (comp[0].text + " " if comp and target.lemma_.lower() in MEASURE_CUES else "") + target.text \
            if not (target.lemma_.lower() in MEASURE_CUES and not comp) else target.text
        fig.population = _pop_of(target, demonym)
        fig.path.append(target)
        # "the number of displaced people rose to 20,000", "the number of people displaced": the
        # state is said on the total or on the group
        fig.path.extend(c for n in dict.fromkeys((subj, target)) for c in n.children if c.dep_ in {"amod", "acl"} and
                        (MEASURE_CUES.get(c.lemma_.lower()) or MEASURE_CUES.get(c.lower_)) in _STATES)
    elif target is not subj and target.pos_ == "NOUN":
        # "the number of active cases stands at 512": the total names what it counts, so the number
        # stands for no people named before it
        fig.counted = " ".join([c.text for c in target.children if c.dep_ in {"amod", "compound"} and c.i < target.i]
                               + [target.text])
        fig.path.append(target)


def _bare_total(noun: Token) -> bool:
    """ "the number", "that figure", "the US estimate": one total that names no group of its own
    ("the estimates cluster between ..." are many figures, not the one before)."""
    lem = noun.lemma_.lower()
    return (lem in _TOTAL_NOUNS or lem == "estimate") and noun.tag_ == "NN" and lem not in PEOPLE and \
        lem not in MEASURE_CUES and \
        not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def _money_or_share(doc, fig: Figure) -> bool:
    """The amount carries a currency mark or a percent sign: it counts no one."""
    first, last = doc[fig.start], doc[fig.end - 1]
    glued = _glued(first)
    return _currency_before(first) or bool(glued and glued[1]) or last.text.endswith("%") or \
        (fig.end < len(doc) and doc[fig.end].lower_ in {"%", "percent", "per", "pc"})


_singular = singular  # the one singulariser (storyledger.words)
_CASE_NOUNS = {w for n in _FIG.set("case_nouns") for w in (n, n + "s")}


def is_people(counted: Optional[str]) -> bool:
    if not counted:
        return False
    head = counted.split()[-1].lower()
    if head in NOT_PEOPLE_HEADS or _singular(head) in NOT_PEOPLE_HEADS:
        return False
    if head in PEOPLE or _singular(head) in PEOPLE or head.endswith(("ans", "ese", "ians")):
        return True
    if head in _CASE_NOUNS and set(counted.lower().split()[:-1]) & _FIG.set("case_marks"):
        return True   # "4,310 suspected cases", "486 new suspected measles cases": people ill ("300 court cases" count none)
    return head in _FIG.set("force_size_nouns")  # "the deployment could increase to 10,000", "presence at 6,000"


def _said_object_clause(anchor: Token) -> list[Token]:
    """ "authorities say at least 27 people, most of them elderly, have died": the parser makes the
    people the object of "say" and "most of them" the subject of "died"; the clause is theirs."""
    say = anchor.head
    if anchor.dep_ != "dobj" or say.lemma_.lower() not in REPORT_LEMMAS:
        return []
    return [c for c in say.children if c.dep_ == "ccomp" and c.i > anchor.i and any(
        s.dep_ in {"nsubj", "nsubjpass"} and s.i > anchor.i and any(
            p.lower_ == "of" and any(o.lower_ in {"them", "whom"} for o in p.children) for p in s.children)
        for s in c.children)]


def _measure(doc, fig: Figure, sent: Span) -> None:
    """What the figure counts: a people measure from the words that govern it, else ``other``."""
    if fig.part or _ratio(doc, fig, sent):
        fig.measure = "other"  # a share ("one of the soldiers") or a rate ("per 1,000 people")
        return
    anchor = fig.anchor or doc[fig.end - 1]
    # the object of a verb that makes it act: "forced 6,000 residents to evacuate", "told 300 to flee"
    told_to = [c for c in anchor.head.children if c.dep_ == "xcomp" and c.i > anchor.i] if anchor.dep_ == "dobj" else []
    told_to += _said_object_clause(anchor)
    nodes = _be_to(anchor) + fig.path + _own_clauses([anchor] + fig.path) + _next_participle(anchor) + told_to + \
        _governors(fig, anchor)
    fig.path = nodes
    if _doer(anchor) or _kin(anchor) or _supposed(nodes):
        # who did it ("shot by four officers"), whose children ("a father of seven"), or what would be
        fig.measure = "other"
        return
    measure = _cue(doc, fig, anchor, nodes, sent)
    planned, modal_only = _plan(anchor, nodes)
    held = _held_in(anchor, nodes) if measure in {None, "deployed"} else None
    measure = held or measure  # "31 were still in custody", "taken to hospital"
    if not _counts_people(doc, fig, anchor, measure, told_to, held is not None):
        fig.measure = "other"
        return
    _place(doc, fig, anchor, nodes)
    if measure in {None, "deployed"} and _sheltered(anchor, nodes) and not _responder(fig, anchor):
        measure = "displaced"  # "2,400 people are staying in shelters"
    if measure is None and (_present(nodes) or _force_placed(fig, anchor, nodes) or _responding(fig, anchor)):
        measure = "deployed"  # "11,000 soldiers are now in the Kursk region", "troops near the border"
        planned = planned and not modal_only  # "as many as 5,000 could be in Kursk" is a count of presence
    if measure == "deployed" and planned:
        measure = "planned"
    elif measure is None and planned and not modal_only and _sendable(fig):
        measure = "planned"  # a plan verb ("decided", "expected", "training"); a bare modal ("would be eligible") is not a plan
    fig.measure = measure or "other"
    _reached(fig)


def _doer(anchor: Token) -> bool:
    """The people counted did the harm: the agent of a passive ("shot at by four officers"), or the
    subject of a harm verb whose object is its victims ("three gunmen killed 12 people", "200
    militants, who killed 30 residents")."""
    if anchor.dep_ == "pobj" and anchor.head.dep_ == "agent":
        return True
    verbs = [c for c in anchor.children if c.dep_ == "relcl" and any(
        w.dep_ == "nsubj" and w.tag_ in {"WP", "WDT"} for w in c.children)]
    if anchor.dep_ == "nsubj":
        verbs.append(anchor.head)
    return any(MEASURE_CUES.get(v.lemma_.lower()) in _CASUALTY and v.pos_ == "VERB" and any(
        o.dep_ == "dobj" and (is_people(o.text) or o.like_num) for o in v.children) for v in verbs)


def _kin(anchor: Token) -> bool:
    """ "a father of seven": a person's children, counted to describe the person."""
    return anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and \
        anchor.head.head.lemma_.lower() in _FIG.set("kin_nouns")


def _supposed(nodes: list[Token]) -> bool:
    """The figure's clause is a supposition ("If there is more than one child", "unless 500 more
    are sent"): it tells what would be, not what is."""
    for n in nodes:
        if n.pos_ in {"VERB", "AUX"} and n.lemma_.lower() in REPORT_LEMMAS:
            return False
        if n.pos_ in {"VERB", "AUX"} and any(c.dep_ == "mark" and c.lower_ in _FIG.set("supposing_marks")
                                            for c in n.children):
            return True
    return False


def _sendable(fig: Figure) -> bool:
    """A plan verb alone plans people a side may send, not the people who live, study or travel
    somewhere ("help the state's 7.8 million residents prepare", "expects 200,000 pilgrims"), nor
    the staff a firm plans to dismiss or hire ("plans to lay off 47,000 employees")."""
    anchor = fig.anchor
    staffed = anchor is not None and anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in _FIG.set("staffing_verbs")
    return _counted_head(fig) not in _FIG.set("unsent_people_nouns") and not staffed


def _be_to(anchor: Token) -> list[Token]:
    """ "1,500 staff were to be sent", "troops are to be deployed": the verb after "be to" is what the
    subject's clause says of it (a plan), though the parser hangs it below the "be"."""
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of":
        anchor = anchor.head.head    # "1,500 of its staff were to be sent"
    be = anchor.head
    if anchor.dep_ not in {"nsubj", "nsubjpass"} or be.lemma_ != "be":
        return []
    return [c for c in be.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and
            any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]


def _ratio(doc, fig: Figure, sent: Span) -> bool:
    """ "three officers for every 30 soldiers", "per 1,000 people"; a floating "each" ("swapped 103
    prisoners each") distributes a count, "each day" is a rate."""
    near = list(doc[max(sent.start, fig.start - 2):fig.start]) + list(doc[fig.end:min(sent.end, fig.end + 5)])
    return any(t.lower_ in {"every", "per"} or t.lower_ == "each" and t.dep_ == "det" for t in near)


def _own_clauses(nouns: list[Token]) -> list[Token]:
    """The counted noun's own clauses: "soldiers who were killed", "manpower deployed within 400 km"."""
    out: list[Token] = []
    for noun in nouns:
        for c in noun.children:
            # a clause about the noun itself, not one where the noun is acted on by someone else:
            # "forces on the border, which it could double" says nothing of the forces counted now
            if c.dep_ == "acl" and c.tag_ == "VBN" and any(o.dep_ == "dobj" for o in c.children):
                continue   # "killed one person, injured dozens": a verb with an object of its own, hung on the noun
            if c.dep_ in {"acl", "relcl"} and not (c.dep_ == "relcl" and any(
                    s.dep_ in {"nsubj", "nsubjpass"} and s.tag_ not in {"WDT", "WP"} and s.lower_ != "that"
                    for s in c.children) and any(o.dep_ == "dobj" and o.tag_ in {"WDT", "WP"} for o in c.children)) \
                    and not _nearer_antecedent(noun, c):
                out.append(c)
                # "troops the official said had recently joined": through a reporting clause to its content
                out.extend(x for x in c.children if x.dep_ in {"xcomp", "conj"} or
                           x.dep_ == "ccomp" and c.lemma_.lower() in REPORT_LEMMAS)
    return out


def _next_participle(noun: Token) -> list[Token]:
    """ "(and 800 individuals displaced in total)": a participle right after the counted noun is its
    own clause, even where the parser hung it on an earlier noun."""
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if nxt is not None and nxt.tag_ == "VBN" and nxt.dep_ == "acl" and nxt.head.i != noun.i and nxt.head.pos_ == "NOUN":
        return [nxt]
    return []


def _nearer_antecedent(noun: Token, clause: Token) -> bool:
    """A relative clause the parser hung on a far noun when another people noun stands right before
    it: "200 volunteers working to help people in the city who have been affected" is about the people."""
    return clause.dep_ == "relcl" and any(t.pos_ == "NOUN" and is_people(t.text)
                                          for t in noun.doc[noun.i + 1:clause.left_edge.i])


def _governors(fig: Figure, anchor: Token) -> list[Token]:
    """The words above the counted noun, up to the verb that reports it, with the subjects of verbs
    of size ("the death toll could rise to 20,000", "the missing include seven soldiers")."""
    nodes: list[Token] = []
    cur = anchor
    for _ in range(12):
        if cur.head.i == cur.i:
            break
        if cur.dep_ == "conj" and cur.pos_ in {"VERB", "AUX"} and nodes and \
                any(c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ not in {"WDT", "WP"} for c in cur.children) and \
                any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c.i <= anchor.i <= c.right_edge.i for c in cur.children):
            # the figure's own clause, with a subject of its own: "900 were hospitalised, and 2,950
            # patients have recovered", "it sent supplies and teams would reach 600,000 people" (the
            # verb beside it says nothing of these)
            break
        if cur.dep_ == "conj" and cur.pos_ == "VERB" and nodes and _own_object(cur, anchor) and \
                any(c.dep_ == "dobj" for c in cur.head.children):
            # "killed six children and left 14 others trapped": each verb says what befell its own object
            break
        if cur.dep_ in {"acl", "relcl"} and cur.head.pos_ == "NOUN" and not is_people(cur.head.text) and \
                cur.head.lemma_.lower() not in _TOTAL_NOUNS and nodes and _harm_above(cur.head):
            # "buried … a school attended by 340 pupils": what befell the school did not befall the pupils
            # ("an offensive involving 175,000 troops" that is planned does plan them)
            break
        cur = cur.head
        lem = cur.lemma_.lower()
        if cur.pos_ in {"VERB", "AUX"} and lem in REPORT_LEMMAS and lem != "estimate" and \
                not (lem in {"report", "confirm"} and anchor.dep_ == "dobj") and nodes and nodes[-1].dep_ in {"ccomp", "parataxis"}:
            break
        nodes.append(cur)
        if lem in _FIG.set("size_verbs"):
            subj = [c for c in cur.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if not subj and cur.dep_ == "xcomp":
                subj = [c for c in cur.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subj and subj[0].tag_ in {"WP", "WDT"}:
                # "the missing, who aid groups say may number 10,000": the noun the relative clause is on
                rel = next((a for a in [cur, *cur.ancestors] if a.dep_ == "relcl"), None)
                subj = [rel.head] if rel is not None else subj
            nodes.extend(subj)
            if fig.counted is None and subj and (is_people(subj[0].text) or subj[0].pos_ == "NOUN" and
                                                  subj[0].lower_ in _FIG.set("people_when_counted_by_a_casualty")):
                fig.counted = subj[0].text  # "the death toll could rise to 20,000": the toll is what is counted
    return nodes


def _own_object(verb: Token, anchor: Token) -> bool:
    """The counted words are (in) the verb's direct object."""
    return any(c.dep_ == "dobj" and c.left_edge.i <= anchor.i <= c.right_edge.i for c in verb.children)


def _harm_above(noun: Token) -> bool:
    """The verb a noun hangs from (through conjuncts and prepositions) is one of harm or displacement."""
    for v in noun.ancestors:
        if v.pos_ in {"VERB", "AUX"}:
            return MEASURE_CUES.get(v.lemma_.lower()) in _CASUALTY
    return False


def _cue(doc, fig: Figure, anchor: Token, nodes: list[Token], sent: Span) -> Optional[str]:
    """The first measure word on the counted noun, the word right after a bare number, the governing
    words and their complements; else what the counted noun itself says ("450 bodies")."""
    # the same group named as the subject above it: "Displaced individuals move to ..., including
    # Tobruk (1,320 individuals)" counts displaced people
    same = [s for n in nodes if n.pos_ in {"VERB", "AUX"} for s in n.children
            if s.dep_ in {"nsubj", "nsubjpass"} and s.lemma_ == anchor.lemma_ and s.i != anchor.i and anchor.pos_ == "NOUN"]
    cue_nodes = ([anchor] if anchor.i != fig.end - 1 or anchor.pos_ != "NUM" else []) + \
        [c for noun in [anchor] + same for c in noun.children if c.dep_ in {"amod", "compound"} and  # "30,000 homeless people"
         (MEASURE_CUES.get(c.lower_) or MEASURE_CUES.get(c.lemma_.lower())) in _STATES]
    nxt = doc[fig.end] if fig.end < sent.end else None
    if anchor.i == fig.end - 1 and nxt is not None and nxt.pos_ in {"ADJ", "VERB"} and \
            MEASURE_CUES.get(nxt.lower_) in {"killed", "wounded", "missing", "captured"}:
        cue_nodes.insert(0, nxt)  # "about 1,000 wounded": the word right after a bare number
    # a state told by a complement of the verb, checked right after its own verb, so "630 were
    # injured and 57 remain missing" gives 57 missing
    for n in nodes:
        cue_nodes.append(n)
        if n.pos_ in {"VERB", "AUX"}:
            cue_nodes.extend(_complements(n, [anchor] + nodes))
    for n in cue_nodes:
        if n.pos_ == "NOUN" and n.i != anchor.i and (_beside(n, anchor) or n.lemma_.lower() in _FIG.set("verb_only_cues")):
            continue   # (a "way station", a "base" or a "post" is a place: only the verb stations troops)
        if n.pos_ == "VERB" and n.dep_ == "xcomp" and n.head.lemma_.lower() in _FIG.set("attempt_verbs"):
            continue   # "struggling to evacuate 14 children still trapped": tried, not done
        m = MEASURE_CUES.get(n.lemma_.lower()) or MEASURE_CUES.get(n.lower_) or _idiom(n) or _remains_of(n, anchor) \
            or _undergone(n, anchor) or _among_dead(n)
        if m == "deployed" and n.pos_ == "VERB" and _thing_between(n, anchor):
            continue   # "assembled a DNA map of the 401 children": the verb moved the map, not the children
        if m in {"deployed", "evacuated", "displaced"} and _destination(fig, anchor, n):
            continue   # where something moves to ("would move to the 447 members") is not what moves
        if m == "deployed" and _moved_not_sent(fig, n) and _moved_to(n, anchor):
            return "evacuated"   # "260 residents have been moved to a mosque and a school"
        if m is None or m == "deployed" and (_people_reached(n) or _moved_not_sent(fig, n)):
            continue
        if m in {"killed", "wounded"}:
            others = {MEASURE_CUES.get(c.lemma_.lower()) for c in n.children if c.dep_ == "conj"}
            if others & ({"killed", "wounded"} - {m}) and any(c.lower_ == "or" for c in n.children) or \
                    n.dep_ == "conj" and MEASURE_CUES.get(n.head.lemma_.lower()) in {"killed", "wounded"} - {m} and \
                    any(c.lower_ == "or" for c in n.head.children):
                m = "killed_or_wounded"  # "killed or wounded", reached from either word
        return m
    return _noun_says(fig, anchor, sent)


_STATES = {"killed", "wounded", "missing", "displaced"}


def _destination(fig: Figure, anchor: Token, verb: Token) -> bool:
    """The counted words are where the verb moves something to, by a "to" outside the figure's own
    words (not the "to" of "up to 2,500 troops")."""
    first = fig.start if fig.hedge_start is None else min(fig.start, fig.hedge_start)
    return anchor.dep_ == "pobj" and anchor.head.head.i == verb.i and \
        anchor.head.lower_ in {"to", "toward", "towards"} and anchor.head.i < first


def _thing_between(verb: Token, anchor: Token) -> bool:
    """The counted words hang by "of" on the verb's own subject or object, a thing that is no group
    of people ("a map of the 401 children"; not "a team of 40 rescuers", "a force of 5,000")."""
    arg = next((c for c in verb.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"} and
                c.left_edge.i <= anchor.i <= c.right_edge.i), None)
    if arg is None or arg.i == anchor.i or arg.pos_ != "NOUN" or is_people(arg.text) or \
            arg.lemma_.lower() in _FIG.set("collective_nouns"):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "of" and c.left_edge.i <= anchor.i <= c.right_edge.i for c in arg.children)


def _beside(noun: Token, anchor: Token) -> bool:
    """The counted words hang on a noun through a preposition other than "of": that noun's state is
    not theirs ("the highest toll in the region after India's 7 million confirmed cases"; but "the
    killing of 27 soldiers", "a toll of 300", a valuation: "the presence near the town at 2,000 fighters")."""
    step = anchor
    while step.head.i != noun.i:
        if step.head.i == step.i:
            return False
        step = step.head
    return step.dep_ == "prep" and step.lower_ != "of" and step.lower_ not in _FIG.set("valuation_preps")


def _people_reached(verb: Token) -> bool:
    """ "Rescue teams have reached 9 of the 12 trapped miners": a verb whose subject moves ("troops
    reached Kursk") with people as its object counts no one deployed in the object (not "the number
    reached 11,000 soldiers", a size)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _FIG.set("mover_subject_verbs"):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if subj is None or obj is None or subj.lemma_.lower() in {"number", "total", "toll", "count", "figure"}:
        return False
    of = [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    return any(t.pos_ == "NOUN" and is_people(t.text) for t in [obj, *of])


def _moved_not_sent(fig: Figure, verb: Token) -> bool:
    """ "1,400 migrants arrived", "30,000 people reached the islands": a verb of movement deploys only
    those a side sends (forces, responders, workers); other people who arrive, cross or stay are
    counted, not deployed (a bare number keeps the verb's reading)."""
    if verb.lemma_.lower() not in _FIG.set("movement_cues") or not fig.counted:
        return False
    if any(t.lemma_.lower() in _FIG.set("escape_places") for c in verb.children if c.dep_ in {"dobj", "prep"}
           for t in [c, *c.children] if t.dep_ in {"dobj", "pobj"}):
        return True     # "22 miners reached the surface", "reached safety": they got out, no side sent them
    return not (_counts_forces(fig) or _counted_head(fig) in _FIG.set("responder_nouns") or _agent_noun(fig.counted))


def _moved_to(verb: Token, anchor: Token) -> bool:
    """People who were moved to a place (passive, with "to"): taken away from where they were."""
    return verb.pos_ == "VERB" and anchor.dep_ == "nsubjpass" and anchor.head.i == verb.i and \
        any(c.dep_ == "auxpass" for c in verb.children) and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


def _complements(verb: Token, nodes: list[Token]) -> list[Token]:
    """What a verb says of its subject: "remain missing", "were found dead", "left 30,000 people
    homeless", "registered as deaths", "confirmed to have died", "among the dead were"."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ in {"acomp", "oprd", "ccomp"} and MEASURE_CUES.get(c.lower_) in _STATES:
            out.append(c)
        elif c.dep_ == "advcl" and MEASURE_CUES.get(c.lower_) in _STATES and \
                any(o.dep_ == "dobj" and o.right_edge.i + 1 == c.i for o in verb.children):
            out.append(c)   # "leaving two others missing" where the parser made "missing" a clause of its own
        elif c.dep_ == "prep" and c.lower_ in {"as", "among"}:
            out.extend(p for p in c.children if p.dep_ in {"pobj", "pcomp"} and  # "reported as still missing"
                       (MEASURE_CUES.get(p.lemma_.lower()) or MEASURE_CUES.get(p.lower_)) in _STATES)
        elif c.dep_ == "xcomp" and ((MEASURE_CUES.get(c.lemma_.lower()) or MEASURE_CUES.get(c.lower_)) in _STATES or  # "confirmed to have died", "believed to be missing"
                                    verb.lemma_.lower() in _FIG.set("aspect_verbs")) and \
                any(s.dep_ in {"nsubj", "nsubjpass"} and s in nodes for s in verb.children):
            out.append(c)
    return out


def _remains_of(n: Token, anchor: Token) -> Optional[str]:
    """ "the bodies of 11 people were recovered": what is found of the people counted says they died."""
    if n.pos_ == "NOUN" and n.lemma_.lower() in _FIG.set("dead_nouns") and anchor.dep_ == "pobj" and \
            anchor.head.lower_ == "of" and anchor.head.head.i == n.i:
        return "killed"
    return None


def _among_dead(n: Token) -> Optional[str]:
    """ "the victims included 12 children": a group of the dead, named by a noun of the dead, that
    includes the people counted (as "the dead included ..." does by its state word)."""
    if n.pos_ == "NOUN" and n.dep_ == "nsubj" and n.lemma_.lower() in _FIG.set("dead_nouns") and \
            n.head.lemma_.lower() in {"include", "comprise"}:
        return "killed"
    return None


def _undergone(verb: Token, anchor: Token) -> Optional[str]:
    """What a verb did to the people counted as its object: a nation, town or community that "lost
    9,000 people" in a quake lost them to death (not a team that lost players, a firm that lost
    staff); people who "were treated" were hurt or ill."""
    if verb.pos_ != "VERB" or anchor.head.i != verb.i:
        return None
    lem = verb.lemma_.lower()
    lost, treated = _FIG.map("people_loss_verbs").get(lem), _FIG.map("patient_verbs").get(lem)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if anchor.dep_ == "dobj" and lost:
        if subj is not None and (subj.ent_type_ in {"GPE", "NORP", "LOC"} or subj.lemma_.lower() in _FIG.set("community_nouns")):
            return lost
    if anchor.dep_ == "dobj" and treated and (anchor.lemma_.lower() == "patient" or subj is not None and (
            subj.lemma_.lower() in _FIG.set("care_nouns") or _names_care(subj))):
        return treated   # "hospitals had admitted 146 people", "our clinics treated 530 patients"
    if anchor.dep_ == "nsubjpass" or anchor.dep_ == "nsubj" and verb.tag_ == "VBN" and verb.dep_ == "conj":
        # "seven have been charged", "63 were arrested and 41 charged" (the parser makes the elided
        # passive's subject a plain one): what the law did to its subject ("charged 300 customers" is a price)
        return _FIG.map("passive_subject_states").get(lem) or (treated if lem == "treat" else None)
    return None


def _names_care(noun: Token) -> bool:
    """A named place of care: "Romblon Provincial Hospital", "Mugda Medical College Hospital"."""
    return noun.pos_ == "PROPN" and noun.lemma_.lower() in _FIG.set("care_nouns") and \
        any(c.dep_ == "compound" for c in noun.children)


def _idiom(n: Token) -> Optional[str]:
    """A verb and its object that together say what happened: "lost their lives", "claimed 300
    lives", "lost contact with at least one aid worker"; a verb with an agent ("held by")."""
    if n.pos_ != "VERB":
        return None
    states = _FIG.map("verb_object_states")
    if any(c.dep_ == "agent" for c in n.children):   # "soldiers still being held by the rebels"
        return _FIG.map("verb_by_agent_states").get(n.lemma_.lower())
    return next((states[f"{n.lemma_.lower()} {c.lemma_.lower()}"] for c in n.children
                 if c.dep_ in {"dobj", "oprd"} and f"{n.lemma_.lower()} {c.lemma_.lower()}" in states), None) \
        or _from_home(n) or _scope_of(n) or _ordered_out(n)


def _ordered_out(verb: Token) -> Optional[str]:
    """ "6,500 residents were ordered to leave their homes", "told to vacate": an order to leave is an
    evacuation (people who fled on their own are displaced: "flee" says so itself)."""
    return "evacuated" if verb.lemma_.lower() in _FIG.set("order_verbs") and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in _FIG.set("leave_verbs") for c in verb.children) else None


def _from_home(verb: Token) -> Optional[str]:
    """ "a blaze that has forced 30,000 residents from their homes", "driven out of their villages":
    people moved out of where they live are displaced, whatever moved them."""
    homes = _FIG.set("home_nouns")
    return "displaced" if any(c.dep_ == "prep" and c.lower_ in {"from", "out"} and   # "out of their homes"
                              any(p.dep_ == "pobj" and p.lemma_.lower() in homes for p in c.subtree)
                              for c in verb.children) else None


def _scope_of(verb: Token) -> Optional[str]:
    """ "Evacuation orders covered 12,000 people": what a measure a verb of scope's subject names
    (on its head or as its kind word) says of the people it covers."""
    if verb.lemma_.lower() not in _FIG.set("scope_verbs"):
        return None
    subj = [s for s in verb.children if s.dep_ == "nsubj"]
    words = [w for s in subj for w in [s, *(c for c in s.children if c.dep_ in {"compound", "amod"})]]
    return next((m for w in words if (m := MEASURE_CUES.get(w.lemma_.lower()) or MEASURE_CUES.get(w.lower_))
                 in _STATES | {"evacuated"}), None)


def _noun_says(fig: Figure, anchor: Token, sent: Span) -> Optional[str]:
    """With no governing cue, a noun that is itself a state: "450 bodies", "300 victims", and the
    noun taken over from an earlier figure of the same sentence ("450 bodies ..., including 10")."""
    heads = [anchor.lemma_.lower()] if anchor.pos_ in {"NOUN", "PROPN"} else []
    if fig.counted and any(t.text == fig.counted.split()[-1] for t in sent.doc[sent.start:fig.start]):
        heads.append(singular(fig.counted.split()[-1].lower()))
    if heads and heads[0] in _FIG.set("case_nouns") and (
            is_people(fig.counted) or any(c.dep_ == "amod" and c.lower_ in _FIG.set("case_marks") for c in anchor.children)):
        return "affected"   # "suspected cases", "confirmed cases": the people an outbreak reached
    for h in heads:
        if h in _FIG.set("dead_nouns") and not _acts_alive(anchor):
            return "killed"
        if MEASURE_CUES.get(h) in _STATES | {"killed_or_wounded"}:
            return MEASURE_CUES[h]
    return None


def _acts_alive(noun: Token) -> bool:
    """ "the two victims no longer wanted to pursue the charges", "victims told the court": people
    who speak or want are alive, whatever the noun says."""
    v = noun.head
    return noun.dep_ == "nsubj" and v.pos_ == "VERB" and \
        (v.lemma_.lower() in REPORT_LEMMAS or v.lemma_.lower() in _FIG.set("living_acts"))


def _plan(anchor: Token, nodes: list[Token]) -> tuple[bool, bool]:
    """(planned, by a modal only): a plan verb, "to be sent", or a modal ("could be in Kursk" is
    still a presence, hedged). The figure's own clause ends at its own measure verb."""
    planned, modal_only = False, True
    for n in nodes:
        lem = n.lemma_.lower()
        growth = lem in _FIG.set("growth_verbs")
        # a verb of growth plans only when not yet happened ("expected to reach", "could rise");
        # "troops rose to 12,000", "had increased to", "rises to" report what happened
        if (lem in PLAN_LEMMAS or growth or n.lower_ in {"due", "plans"}) and not _people_reached(n) and not (
                growth and any(c.i == anchor.i and c.dep_ in {"nsubj", "nsubjpass"} for c in n.children)) \
                and not (growth and _grows_other(n, anchor)) \
                and not (growth and n.tag_ != "VB" and not any(c.dep_ == "aux" and c.lower_ in MODALS for c in n.children)):
            planned, modal_only = True, False
        if n.pos_ in {"VERB", "AUX"} and any(c.dep_ == "aux" and c.lower_ in MODALS for c in n.children):
            planned = True
        if n.pos_ == "VERB" and MEASURE_CUES.get(lem) == "deployed" and \
                (n.dep_ in {"xcomp", "ccomp", "ROOT", "acl", "relcl"} or
                 n.dep_ == "advcl" and n.head.lemma_.lower() in REPORT_LEMMAS) and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in n.children) and \
                not (n.dep_ == "xcomp" and n.head.lemma_.lower() in _FIG.set("aspect_verbs")):
            planned, modal_only = True, False  # "decided to send", "3,000 deminers to be sent"; not "continue to move"
        if n.pos_ in {"VERB", "AUX"} and lem in REPORT_LEMMAS:
            break
        if n.pos_ == "VERB" and MEASURE_CUES.get(lem) and (
                any(c.dep_ in {"nsubj", "nsubjpass"} for c in n.children) or
                n.dep_ in {"acl", "relcl", "pcomp", "advcl"} and not any(c.lower_ == "to" for c in n.children)):
            break  # the figure's own clause ends here: "1,500 of them already deployed", not "decided"
    return planned, modal_only


def _grows_other(verb: Token, anchor: Token) -> bool:
    """A verb of growth whose object is something else, the figure not its size: "two children at
    once will increase your chances" (not "increase its forces to 150,000 troops")."""
    sized = any(c.dep_ in {"prep", "dative"} and c.lower_ in {"to", "by", "from"} and
                c.left_edge.i <= anchor.i <= c.right_edge.i for c in verb.children)
    return not sized and any(c.dep_ == "dobj" and not c.left_edge.i <= anchor.i <= c.right_edge.i
                             for c in verb.children)


def _counts_people(doc, fig: Figure, anchor: Token, measure: Optional[str], told_to: list[Token],
                   held: bool = False) -> bool:
    """The figure counts people: a people noun; a noun naming someone who does something
    (-er, -ist) or "others" when a casualty verb acts on it; a bare number a casualty verb acts on
    ("the blast killed 12", headline "Quake kills at least 142"); a bare number held where only
    people are held ("31 were still in custody")."""
    head = fig.counted.split()[-1].lower() if fig.counted else ""
    if is_people(fig.counted) or measure in _CASUALTY and (
            _agent_noun(fig.counted) or head in _FIG.set("people_when_counted_by_a_casualty")):
        return True
    if held and fig.counted is None and anchor.pos_ == "NUM" and anchor.dep_ in {"nsubj", "nsubjpass"} and \
            not _money_or_share(doc, fig):
        return True
    if fig.counted is None and anchor.pos_ == "NUM" and anchor.i == fig.end - 1 and fig.end < len(doc) and \
            measure in _STATES | {"captured"} and MEASURE_CUES.get(doc[fig.end].lower_) == measure and \
            not _money_or_share(doc, fig):
        return True   # headline "At least 11 dead and dozens missing", "flood leaves 9 dead"
    return fig.counted is None and anchor.pos_ == "NUM" and measure in _CASUALTY and \
        anchor.dep_ in {"dobj", "nsubjpass"} and \
        measure in {MEASURE_CUES.get(v.lemma_.lower()) for v in [anchor.head] + told_to} and \
        not _money_or_share(doc, fig)


def _place(doc, fig: Figure, anchor: Token, nodes: list[Token]) -> None:
    """Where: a place phrase on the counted noun or its governing verbs, up to the reporting verb
    (the place of the telling, "told lawmakers in Seoul", is not where the people are)."""
    listed = _listed_place(doc, anchor)
    if listed:
        fig.where = listed
        return
    for n in [anchor] + nodes:
        if n.pos_ in {"VERB", "AUX"} and n.lemma_.lower() in REPORT_LEMMAS:
            return
        for c in n.children:
            cands = [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS else \
                [c] if c.dep_ == "dobj" and n.lemma_.lower() in _ARRIVE and c.pos_ == "PROPN" and c.ent_type_ != "PERSON" else []
            for p in cands:
                sub = _place_words(p)
                # a named place (not a demonym: "in Ukrainian custody"); small models tag some
                # places oddly ("Kursk" as PRODUCT), so a bare proper noun after a place preposition counts
                if any(t.ent_type_ in {"GPE", "LOC", "FAC"} and t.pos_ == "PROPN" for t in sub) or c.dep_ == "dobj" or \
                        p.lemma_ in {"region", "front", "area", "border"} or \
                        p.pos_ == "PROPN" and p.ent_type_ in {"", "PRODUCT"} and c.dep_ == "prep" and p.is_title:
                    # "our border" names no place of its own: the pronoun goes, the joiner sees a bare "border"
                    fig.where = re.sub(r"^(the|our|their|its|his|her|my|your|this|that)\s+", "",
                                       doc[sub[0].i:sub[-1].i + 1].text, flags=re.I)
                    return


def _listed_place(doc, anchor: Token) -> Optional[str]:
    """ "to Tobruk (1,320 people) and Benghazi (730 people)": a count in brackets after a named place
    counts that place. A bare number after a person is an age ("Ann Lee (45)"); a count of people is
    not (the small model tags unknown towns as people)."""
    head = anchor.head
    if anchor.dep_ != "appos" or head.pos_ != "PROPN" or head.ent_type_ in {"NORP", "DATE"} or \
            head.ent_type_ == "PERSON" and anchor.pos_ == "NUM" or \
            head.i > anchor.i or not any(doc[i].text == "(" for i in range(head.i + 1, anchor.i)):
        return None
    sub = _place_words(head)
    return doc[sub[0].i:sub[-1].i + 1].text


def _sheltered(anchor: Token, nodes: list[Token]) -> bool:
    """People counted in shelters or camps, on the counted noun or its verbs before the telling
    ("2,400 people are staying in shelters"), or hosted by them ("shelters are hosting 12,000 people")."""
    shelters, homes = _FIG.set("shelter_nouns"), _FIG.set("home_nouns")
    for n in [anchor] + nodes:
        if n.pos_ in {"VERB", "AUX"} and n.lemma_.lower() in REPORT_LEMMAS:
            return False
        # "12,000 people were sheltering in schools", "the number of people sheltering in sites"
        if any(_sheltering(v) and (v.i == n.i or v.dep_ == "acl")
               for v in [n, *n.children, *(p for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
                                            for q in c.children if q.dep_ == "pobj" for p in q.children)]):
            return True
        if n.pos_ == "VERB" and anchor.dep_ == "dobj" and anchor.head == n and \
                any(c.dep_ == "nsubj" and c.lemma_.lower() in shelters for c in n.children):
            return True  # the people are what the shelter holds, not its size ("built for 10,000 people")
        if n.pos_ == "VERB" and n.dep_ == "relcl" and any(c.lower_ == "where" for c in n.children) and \
                _shelter_named(n.head, shelters):
            return True  # "opened two shelters, at a school and the fairgrounds, where 410 people spent the night"
        if any(c.dep_ == "prep" and c.lower_ in {"in", "at", "into", "to"} and
               any(p.dep_ == "pobj" and _shelter_noun(p, shelters) for p in c.children)
               for c in n.children):
            return True
        if n.pos_ == "VERB" and anchor.dep_ == "dobj" and anchor.head == n and any(
                c.dep_ == "prep" and c.lower_ == "without" and
                any(p.dep_ == "pobj" and p.lemma_.lower() in shelters | homes for p in c.children)
                for c in n.children):
            return True  # "leaving 35,000 people without shelter": what the event left them without
    return False


def _shelter_noun(p: Token, shelters: set) -> bool:
    """A shelter by name, or a place named for its evacuees ("staying in 389 evacuation centers", "spent
    the night at evacuation sites"): a centre alone may be a shop or a clinic."""
    return p.lemma_.lower() in shelters or p.lemma_.lower() in _FIG.set("shelter_compound_heads") and any(
        c.dep_ in {"compound", "amod"} and c.lemma_.lower() in _FIG.set("shelter_compounds") for c in p.children)


def _shelter_named(place: Token, shelters: set) -> bool:
    """The place a "where" clause hangs on is a shelter, or is where a verb set a shelter up."""
    while place.lemma_.lower() not in shelters and place.dep_ in {"conj", "pobj", "prep", "appos"}:
        place = place.head
    return place.lemma_.lower() in shelters or place.pos_ == "VERB" and any(
        c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in shelters for c in place.children)


def _sheltering(v: Token) -> bool:
    """A verb of taking shelter away from home ("sheltering in schools"), not the order to stay at home
    ("to shelter in place")."""
    return v.pos_ == "VERB" and v.lemma_.lower() in _FIG.set("shelter_verbs") and not any(
        c.dep_ == "prep" and c.lower_ == "in" and any(p.lower_ == "place" for p in c.children) for c in v.children)


def _held_in(anchor: Token, nodes: list[Token]) -> Optional[str]:
    """A state the people are held in, said by a preposition on the counted noun or its verbs before
    the telling: "31 remain in custody", "25 others still in captivity", "were taken to hospital" (a
    place without an article that names a state: "in the hospital" may be where doctors work), "in
    (a) critical condition" (a patient's)."""
    states = _FIG.map("held_in_states")
    for n in [anchor] + nodes:
        if n.pos_ in {"VERB", "AUX"} and n.lemma_.lower() in REPORT_LEMMAS:
            return None
        for c in n.children:
            # "remain at Gweru Provincial Hospital": where a patient stays, not where staff work
            at = c.lower_ == "at" and n.lemma_.lower() in _FIG.set("stay_verbs")
            if c.dep_ == "prep" and (c.lower_ in {"in", "into", "to"} or at):
                for p in c.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() in states and \
                            not any(d.dep_ in {"det", "poss"} for d in p.children) and not at:
                        return states[p.lemma_.lower()]
                    if p.dep_ == "pobj" and _names_care(p) and p.lemma_.lower() in states:
                        return states[p.lemma_.lower()]   # "brought to the Romblon Provincial Hospital"
                    if p.dep_ == "pobj" and p.lemma_.lower() == "condition" and c.lower_ == "in" and \
                            any(a.dep_ == "amod" and a.lower_ in _FIG.set("patient_condition_marks") for a in p.children):
                        return "wounded"    # "three remain in critical condition", "six were in a serious condition"
    return None


def _force_placed(fig: Figure, anchor: Token, nodes: list[Token]) -> bool:
    """Forces counted where they stand or as what a side adds: "100,000 troops near the border",
    "there are 160,000 troops around Ukraine", "Russia added 7,000 troops". Only forces: "300
    residents in Derna" live there, nobody sent them."""
    if not _counts_forces(fig):
        return False
    if anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in _FIG.set("deploy_object_verbs"):
        return True
    if _grown_by(anchor):
        return True
    for n in [anchor] + nodes:
        if n.pos_ in {"VERB", "AUX"} and n.lemma_.lower() in REPORT_LEMMAS:
            return False
        for c in n.children:
            if c.dep_ in {"prep", "advmod"} and c.lower_ in _FIG.set("place_preps") and \
                    any(p.dep_ == "pobj" and (p.ent_type_ in {"GPE", "LOC", "FAC"} or
                                              p.pos_ == "PROPN" and p.ent_type_ not in {"PERSON", "ORG", "NORP"} or
                                              p.lemma_ in {"border", "ground", "frontier", "front", "frontline", "region", "area"})
                        for p in c.subtree):
                return True
    return False


def _responding(fig: Figure, anchor: Token) -> bool:
    """Responders counted at their work: "1,500 rescuers were working through the night", "200
    volunteers working in shifts", "300 firefighters battling the blaze", "aid workers helping".
    Only people whose job is to be sent ("400 of them work night shifts" is a workforce)."""
    head = _counted_head(fig)
    if not head:
        return False
    if not _responder(fig, anchor):
        # a workforce is sent only to mend what the event broke: "1,800 staff and contractors are
        # working to restore supply" (not "400 staff work at the plant")
        return head in _FIG.set("crew_nouns") and anchor.dep_ == "nsubj" and \
            anchor.head.lemma_.lower() in _FIG.set("responder_verbs") and \
            any(c.dep_ in {"xcomp", "advcl"} and c.lemma_.lower() in _FIG.set("repair_verbs") for c in anchor.head.children)
    verbs = _FIG.set("responder_verbs")
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.lemma_.lower() in _FIG.set("group_nouns"):
        anchor = anchor.head.head   # "a joint team of 412 rescuers was searching": the team acts
    if anchor.dep_ in {"nsubj", "nsubjpass"} and _responder_verb(anchor.head, verbs):
        return True
    return any(c.dep_ in {"acl", "relcl"} and _responder_verb(c, verbs) for c in anchor.children)


def _responder(fig: Figure, anchor: Token) -> bool:
    """What the figure counts are people sent to an event ("rescuers", "troops", "aid workers"): "five
    aid workers in the camp" work there, they did not shelter there."""
    head = _counted_head(fig)
    return bool(head) and (head in _FIG.set("responder_nouns") or head in _FIG.set("force_nouns") or any(
        c.dep_ == "compound" and c.lemma_.lower() in _FIG.set("responder_compounds") for c in anchor.children))


def _responder_verb(v: Token, verbs: set) -> bool:
    """A verb of responders at work, or a verb and object that say it ("120 officers took part in the raids")."""
    return v.lemma_.lower() in verbs or any(
        c.dep_ == "dobj" and f"{v.lemma_.lower()} {c.lemma_.lower()}" in _FIG.set("responder_verb_objects")
        for c in v.children)


def _counted_head(fig: Figure) -> str:
    """The head word of what a figure counts, singular and lower case ("" when it counts nothing named)."""
    words = (fig.counted or "").split()
    return singular(words[-1].lower()) if words else ""


def _counts_forces(fig: Figure) -> bool:
    """What the figure counts is a force ("troops", "soldiers", "personnel")."""
    return _counted_head(fig) in _FIG.set("force_nouns") or (fig.counted or "").split()[-1:] == ["troops"]


def _grown_by(anchor: Token) -> bool:
    """ "the forces have grown by 3,000 soldiers": the amount a force grew by is what a side added
    (the intransitive "Russia added 7,000 troops"); "could grow by" is then a plan (``_plan``)."""
    by = anchor.head
    return anchor.dep_ == "pobj" and by.lower_ == "by" and by.dep_ == "prep" and \
        by.head.pos_ == "VERB" and by.head.lemma_.lower() in _FIG.set("growth_verbs")


# what happens to people (the casualty and displacement families of data/measures.json, shared with the ledger)
_CASUALTY = table("measures").set("casualty") | table("measures").set("displacement")
_NOT_AGENTS = _FIG.set("not_agent_nouns")


def _agent_noun(counted: Optional[str]) -> bool:
    head = (counted or "").split()[-1].lower() if counted else ""
    # (units of length are no agents: "135 kilometers", "40 metres")
    return head.endswith(("ers", "ors", "ists", "men")) and head not in _NOT_AGENTS and not head.endswith(("meters", "metres"))


_ARRIVE = _FIG.set("arrive_verbs")


def _place_words(p: Token) -> list[Token]:
    """The words naming a place: "Vladivostok aboard Russian vessels" -> Vladivostok; keeps "Russia's Kursk region"."""
    # keep a phrase that places it further ("Vladivostok, in Russia's Far East"), not "aboard Russian vessels"
    drop = {i for c in p.children if c.dep_ in {"prep", "relcl", "acl", "appos", "punct", "cc", "conj"}
            and not (c.dep_ == "prep" and c.lower_ == "in" and any(t.ent_type_ in {"GPE", "LOC"} and t.pos_ == "PROPN"
                                                                  for t in c.subtree))
            for i in range(c.left_edge.i, c.right_edge.i + 1)}
    drop -= {i for i in drop if p.doc[i].text == "," and i + 1 < len(p.doc) and p.doc[i + 1].lower_ == "in" and i + 1 not in drop}
    toks = [t for t in p.subtree if t.i not in drop]
    # contiguous run around the head only
    lo = hi = toks.index(p)
    while lo > 0 and toks[lo - 1].i == toks[lo].i - 1:
        lo -= 1
    while hi + 1 < len(toks) and toks[hi + 1].i == toks[hi].i + 1:
        hi += 1
    return toks[lo:hi + 1]


def _present(nodes: list[Token]) -> bool:
    """Being somewhere: a copula with a place ("are in Kursk") or "there", before any reporting verb."""
    for n in nodes:
        if n.pos_ in {"VERB", "AUX"} and n.lemma_.lower() in REPORT_LEMMAS:
            return False
        if n.lemma_.lower() in {"be", "have", "remain"}:
            for c in n.children:
                if c.dep_ == "advmod" and c.lower_ == "there":
                    return True
                if c.dep_ == "prep" and c.lower_ in {"in", "inside"} and any(
                        p.dep_ == "pobj" and (p.ent_type_ in {"GPE", "LOC"} or p.lemma_ in {"region", "area", "front", "zone", "field", "theatre", "theater"})
                        for p in c.children):
                    return True
                # "800 soldiers are already on the ground", "another 800 were on their way": the stock
                # phrases for being deployed
                if c.dep_ == "prep" and c.lower_ == "on" and any(
                        p.dep_ == "pobj" and p.lemma_ in _FIG.set("present_on_nouns") for p in c.children):
                    return True
    return False
