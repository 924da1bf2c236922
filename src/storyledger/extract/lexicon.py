"""Word lists and number parsing shared by the extractors.

The lists are data (``data/lexicon.json``, ``data/amounts.json``, and the shared
``data/numbers.json``/``data/calendar.json`` through ``storyledger.words``), loaded and checked
once by ``storyledger.tables``; this module gives them names and parses numbers with them.
"""
from __future__ import annotations

import re
from typing import Optional

from storyledger.tables import table
from storyledger.words import CLOCK_WORDS, MONTHS, NUMBER_WORDS, SCALE_WORDS, VAGUE_WORDS, WEEKDAYS

_LEX = table("lexicon")
_AMOUNTS = table("amounts")

UNITS = NUMBER_WORDS
SCALES = SCALE_WORDS
# Plural scale words with no number: an amount without a value ("thousands of troops").
VAGUE = VAGUE_WORDS

# Hedges before a number, longest first so "as many as" wins over "as".
HEDGES: list[tuple[tuple[str, ...], str]] = sorted(((tuple(w), k) for w, k in _LEX.list("hedges")),
                                                   key=lambda h: -len(h[0]))
# Verbs whose object number is a bound ("estimated to exceed 1,000").
BOUND_VERBS: dict[str, str] = _LEX.map("bound_verbs")

# Nouns that count people: a figure only gets a people measure when it counts one of these.
PEOPLE = _LEX.set("people_nouns")
NOT_PEOPLE_HEADS = _LEX.set("not_people_heads")  # people who tell, not people the story counts

# Measure cues, by lemma of a governing verb or noun.
MEASURE_CUES: dict[str, str] = _LEX.inverse("measure_cues")
# Cues that turn a deployment into a plan or a projection.
PLAN_LEMMAS = _LEX.set("plan_lemmas")
MODALS = _LEX.set("modals")

REPORT_LEMMAS = _LEX.set("report_lemmas")
# Verbs of belief ("the mayor thinks the toll will pass 3,000"): they tell whose figure it is, but a
# sentence built on one is an opinion, not a statement the ledger records.
BELIEF_LEMMAS = _LEX.set("belief_lemmas")
# verbs that tag a quote or reported speech (a belief does not: "I think ..." stays inside the quote)
SPEECH_LEMMAS = (REPORT_LEMMAS - BELIEF_LEMMAS) | _LEX.set("speech_only_lemmas")
# Report verbs that report only through a clause or quote: with a noun object they do something
# ("Russia has added 7,000 troops"), they do not tell.
CLAUSE_ONLY_REPORT_LEMMAS = _LEX.set("clause_only_report_lemmas")
# Verbs that tell only with a record as their subject ("DGHS data shows ...", "figures show"):
# "the video shows", "she showed" tell nothing of whose figure it is.
RECORD_REPORT_LEMMAS = _LEX.set("record_report_lemmas")
RECORD_NOUNS = _LEX.set("record_nouns")
# "The collector revised the death toll to 14 from nine": who revises a tally tells its levels
REVISION_LEMMAS = _LEX.set("revision_lemmas")
TALLY_NOUNS = _LEX.set("tally_nouns")
# Subordinators of a clause set beside a reported one ("..., police said, while 230 were hurt"):
# the same teller tells both.
COORDINATE_MARKS = _LEX.set("coordinate_marks")
# "after a briefing by the spy agency", "briefed by the Pentagon": who briefed a teller is the source it relays
BRIEFING_LEMMAS = _LEX.set("briefing_lemmas")
# "a statement posted on the county's website", "a notice issued by the council": who issued a document
ISSUE_LEMMAS = _LEX.set("issue_lemmas")
# The head word of a newspaper's name ("the Tribune", "the Daily Herald"): told, it relays
MASTHEAD_WORDS = _LEX.set("masthead_words")
# What a teller looked at, not who tells: "Satellite images suggest ..., an analyst said"
EVIDENCE_NOUNS = _LEX.set("evidence_nouns")
ESTIMATE_CUES = _LEX.set("estimate_cues")
PROJECTION_CUES = _LEX.set("projection_cues")
PLAN_CUES = _LEX.set("plan_cues")
UNCONFIRMED_CUES = _LEX.set("unconfirmed_cues")
GENERIC_REPORT_NOUNS = _LEX.set("generic_report_nouns")
QUESTIONER_LABELS = _LEX.set("questioner_labels")  # "QUESTION:" in a transcript: a reporter asks
EVENT_NOUNS = _LEX.set("event_nouns")   # what happened to the people counted: "killed in violence that ..."
EVENT_COUNTS = _LEX.set("event_counts")  # besides people, what an event's count tallies: homes, customers, flights

_NUM_RE = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")

# Currency marks written against the number ("USD10m", "RM3.06mil", "$US113"); "PS" and "Y="
# are how ASCII transliteration writes the pound and yen signs.
CURRENCY_PREFIXES: tuple[str, ...] = tuple(_AMOUNTS.list("currency_prefixes"))
# One capital that marks a currency only on an amount written as one ("K10,000" kwacha, "N5m" naira,
# "P100,000" pesos): thousands grouped or a scale letter, never "N95", "P7" or "K9".
LETTER_CURRENCIES: tuple[str, ...] = tuple(_AMOUNTS.list("letter_currency_prefixes"))
# A country mark between a separate "$" and the number ("$ US113").
DOLLAR_COUNTRIES: tuple[str, ...] = tuple(_AMOUNTS.list("dollar_countries"))
# Scale letters written against a number: "25k", "4.3M", "$4.2b", "2.8bn", "1.5mil".
SCALE_SUFFIXES: dict[str, float] = _AMOUNTS.map("scale_suffixes")
# Words that make a date or time of the number beside them ("9 May", "Nov. 21", "10 a.m.").
CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS) | CLOCK_WORDS
# Suffixes that make a number something other than an amount: clock times, ordinals, decades.
NOT_AMOUNT_SUFFIXES = _AMOUNTS.set("not_amount_suffixes")
_TOKEN_RE = re.compile(
    r"^[~\u2248]?(?P<sign>[-+\u2212]|minus-)?(?P<cur>" + "|".join(re.escape(c) for c in CURRENCY_PREFIXES + LETTER_CURRENCIES) + r")?"
    r"(?P<sign2>[-\u2212])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<suf>-?[A-Za-z\u00b0%\u2033\u2032\"'/.]+[23]?)?$", re.IGNORECASE)


def number_token(text: str, m_million: bool = True) -> Optional[tuple[float, bool, str]]:
    """A number written as one token, with its glued sign, currency and unit or scale letters.

    Returns (value, has_currency, suffix); None when the token is not an amount ("5pm", "1990s",
    "3rd"). A lowercase "m" is a million only when ``m_million`` (else metres: "37m-long").
    """
    if text.isalpha():
        return None     # a word (most tokens): no digit for the pattern to read
    m = _TOKEN_RE.match(text.replace("\u2009", ""))
    if m is None:
        return None
    cur, suf = m.group("cur"), (m.group("suf") or "")
    if cur and cur.isalpha() and cur not in CURRENCY_PREFIXES + LETTER_CURRENCIES:
        return None  # only the exact case of letter codes ("rm3" is not ringgit)
    if cur in LETTER_CURRENCIES and not ("," in m.group("num") or (m.group("suf") or "").rstrip(".") in SCALE_SUFFIXES):
        return None
    suf = suf[:-1] if suf.endswith(".") and len(suf) > 1 else suf  # sentence-final stop glued on
    if suf.lower() in NOT_AMOUNT_SUFFIXES:
        return None
    value = float(m.group("num").replace(",", ""))
    scale = SCALE_SUFFIXES.get(suf)
    if scale and not (suf == "m" and not (m_million or cur)):
        value *= scale
    if m.group("sign") and m.group("sign") != "+" or m.group("sign2"):  # "-2.5", "$-50.8bn"
        value = -value
    return value, bool(cur), suf


def parse_number(words: list[str], m_million: bool = True) -> Optional[float]:
    """Value of a number phrase given as tokens ("1.5", "million"; "a", "dozen"; "twenty", "-", "five")."""
    ws = [w.replace("\u2009", "") for w in words if w not in {"-", "\u2013", "and"}]
    ws = [w if number_token(w) is not None else w.lower() for w in ws]  # "4.3M" keeps its case
    if not ws:
        return None
    joined = " ".join(ws)
    if joined in UNITS:
        return float(UNITS[joined])
    total = 0.0
    current: Optional[float] = None
    prev_digits: Optional[bool] = None
    for k, w in enumerate(ws):
        if w == "a" and current is None:
            current = 1.0
            continue
        tok = number_token(w, m_million)
        if current is not None and prev_digits is not None and prev_digits != (tok is not None) and w not in SCALES:
            return None   # "60 two weeks ago": a numeral and a number word are never one sum
        prev_digits = tok is not None
        if tok is not None:
            current = (current or 0.0) + tok[0]
        elif "-" in w and all(p in UNITS for p in w.split("-")):
            current = (current or 0.0) + sum(UNITS[p] for p in w.split("-"))
        elif w in UNITS:
            current = (current or 0.0) + UNITS[w]
        elif w in SCALES:
            scale = SCALES[w]
            if current is None and total and k and ws[k - 1] in SCALES:
                total *= scale   # "1.75 lakh crore", "one thousand million": a scale of a scale
                continue
            if current is None:
                current = 1.0
            if scale >= 1000:
                total += current * scale
                current = None
            else:
                current *= scale
        else:
            return None
    total += current or 0.0
    return total
