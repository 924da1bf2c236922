"""Time expressions: find them in text and normalise them against an anchor date.

Recognition is a small grammar of regular expressions over the text (dates, months, weekdays,
relative words, durations, clock times), gated by spaCy's DATE/TIME entities where a word is
ambiguous ("May", a bare "2009"). Normalisation resolves each expression against the anchor
(publication) date; weekdays and year-less dates look at the tense of the governing verb and at
cue words ("by", "next", "will", "expected to" -> future; "last", past tense -> past).

Two views of one analysis:
  * ``find_timexes`` returns ``Timex`` records with a TimeML type/value for every expression,
    durations and "now" included (used by the TempEval-3 evaluation);
  * ``find_times`` returns model ``TimeSpan`` s only for expressions that name calendar time.
    Durations ("a monthlong lull", "three years") and vague references ("recently", "the past")
    get no TimeSpan: they are not points in time and must not become a claim's ``as_of``.
    Periods that end at the anchor ("since mid-January", "in recent weeks", "the past two years")
    do get one, granularity "range", from their start to the anchor.
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Optional

from spacy.tokens import Doc, Span

from storyledger.extract.extensions import text_of
from storyledger.extract.spans import ents_in
from storyledger.model import TimeSpan
from storyledger.words import MONTHS, NUMBER_WORDS, WEEKDAYS

# --------------------------------------------------------------------------- vocabulary

_MONTHS = MONTHS          # data/calendar.json, shared with clean/ (storyledger.words)
_WEEKDAYS = WEEKDAYS
# number words of durations ("two weeks", "half a year"): the shared table plus the articles
_NUMBERS = {**NUMBER_WORDS, "a": 1, "an": 1, "hundred": 100, "a hundred": 100, "half a": 0.5, "a half": 0.5}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}
_UNIT_CODE = {"minute": "TM", "hour": "TH", "day": "D", "week": "W", "weekend": "WE",
              "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
              "second": "TS", "night": "D", "season": "S"}
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_DAYPARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
# Verbs whose complement is about the future ("expected to arrive Friday").
_FUTURE_HEADS = {"expect", "plan", "schedule", "set", "due", "intend", "aim", "project",
                 "prepare", "hope", "promise", "vow", "threaten", "agree", "seek", "want",
                 "forecast", "predict", "anticipate", "likely", "poise", "go"}
_STATIVE = {"say", "tell", "report", "announce", "be", "have", "include", "remain", "contain",
            "know", "believe", "think", "show", "mean", "seem", "appear", "need", "want", "hold",
            "estimate", "claim", "add", "note", "cite", "quote", "describe", "call"}
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "going"}
_PAST_MODALS = {"would", "could", "might"}

_MON_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MON_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
_MON_DAYABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"  # "Oct 18" also
_MON = f"(?:{_MON_FULL}|{_MON_ABBR})"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_NUMW = (r"(?:\d+(?:\.\d+)?|a hundred|half an?|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
         r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
         r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|a few|few|"
         r"a couple of|couple of|many|some)")
_UNIT = r"(?:second|minute|hour|day|week|month|year|decade|centur(?:y|ie))"
_PART = r"(?:morning|afternoon|evening|night)"


def _ci(s: str) -> str:
    return f"(?i:{s})"


# --------------------------------------------------------------------------- date arithmetic

def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _safe_date(y: int, m: int, d: int) -> Optional[dt.date]:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _week_start(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _season_of(d: dt.date) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA")


def _season_range(year: int, code: str) -> tuple[dt.date, dt.date]:
    # Northern meteorological seasons; winter YYYY runs Dec YYYY .. Feb YYYY+1.
    if code == "SP":
        return dt.date(year, 3, 1), dt.date(year, 5, 31)
    if code == "SU":
        return dt.date(year, 6, 1), dt.date(year, 8, 31)
    if code == "FA":
        return dt.date(year, 9, 1), dt.date(year, 11, 30)
    return dt.date(year, 12, 1), _month_end(year + 1, 2)


# --------------------------------------------------------------------------- results

@dataclass
class Timex:
    """One time expression: TimeML view (type/value) plus the calendar span when it has one."""

    char_start: int                 # extent of the expression proper (TimeML extent)
    char_end: int
    text: str
    type: str = "DATE"              # DATE | TIME | DURATION | SET
    value: str = ""                 # TimeML value: 2024-10-18, 2024-W43, P3M, PRESENT_REF ...
    span: Optional[TimeSpan] = None  # calendar time, with a leading cue ("since", "by") included
    day: Optional[dt.date] = None    # the one day it names, if any (anchors "a day later")


@dataclass
class _Ctx:
    doc: object
    anchor: dt.date
    text: str
    last_day: Optional[dt.date] = None
    ents: list[tuple[int, int]] = field(default_factory=list)
    # publication unknown, somewhere in [lo, hi]: a year-less date takes the one year that fits
    window: Optional[tuple[dt.date, dt.date]] = None
    updated: Optional[dt.date] = None   # the page's update day, after ``anchor`` (Article.updated)


@dataclass
class _Norm:
    """What a rule returns: TimeML type/value and an optional inclusive date range."""

    type: str
    value: str
    start: Optional[dt.date] = None
    end: Optional[dt.date] = None
    gran: str = "day"
    basis: str = "explicit"


# --------------------------------------------------------------------------- tense

def _tense(ctx: _Ctx, s: int, e: int) -> Optional[str]:
    """'future', 'past' or None for the clause around text[s:e], from cue words and the parse."""
    text = ctx.text
    before = text[max(0, s - 40):s].lower()
    if re.search(r"\b(by|until|till|before|starting|from next|as early as)\s+(the\s+)?(end of\s+)?$", before):
        if not re.search(r"\bhad\b[^.]*$", before):
            # "by Monday" is ahead unless its own verb is past: "By Monday evening the toll had risen to 45";
            # what "has been extended until Thursday" or what "you have until Saturday" to do still holds
            if re.search(r"\b(until|till)\s+(the\s+)?$", before) and _holds_now(ctx, s, e):
                return "future"
            return "past" if _parse_tense(ctx, s, e) == "past" else "future"
    if re.search(r"\b(since|ago|last|earlier|previous|past)\s+$", before):
        return "past"
    return _parse_tense(ctx, s, e)


def _holds_now(ctx: _Ctx, s: int, e: int) -> bool:
    """The verb that governs text[s:e] is a present perfect ("has extended the closure until ...") or a
    present "have" ("you have until Saturday"): a state that runs on from now."""
    doc = ctx.doc
    span = doc.char_span(s, e, alignment_mode="expand") if doc is not None else None
    if span is None or len(span) == 0:
        return False
    v = span.root
    for _ in range(8):
        if v.pos_ in ("VERB", "AUX") or v.head is v:
            break
        v = v.head
    if v.pos_ not in ("VERB", "AUX"):
        return False
    if v.lemma_ == "have" and v.tag_ in ("VBZ", "VBP"):
        return True
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in v.children)


def _parse_tense(ctx: _Ctx, s: int, e: int) -> Optional[str]:
    """The tense of the verb that governs text[s:e], read from the parse."""
    doc = ctx.doc
    if doc is None:
        return None
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or tok.lemma_ in ("due", "likely"):
            break
        if tok.head is tok:
            break
        tok = tok.head
    if not (tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or tok.lemma_ in ("due", "likely")):
        return None
    return _verb_tense(tok)


# "as", "when", ... : a clause of time whose verb backshifts to the past under a past-tense forecast
_TIME_CLAUSE_MARKS = {"as", "when", "while", "once", "after", "before", "until", "till"}


_PUT_OFF = {"postpone", "delay", "adjourn"}   # ahead only when put off "to"/"until" a time


def _verb_tense(tok) -> Optional[str]:
    """'future', 'past' or None for the verb ``tok`` and the verbs it complements."""
    # Walk up the verb chain: "expected to assemble", "is to meet", "said it would hold".
    v = tok
    for depth in range(4):
        auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        words = {a.lower_ for a in auxes}
        if words & _FUTURE_AUX:
            return "future"
        if v.lemma_ in _FUTURE_HEADS and depth > 0:
            return "future"
        if v.lemma_ in ("expect", "project", "schedule", "plan", "due", "forecast", "predict") and v.tag_ in ("VBN", "JJ"):
            return "future"
        if v.lemma_ in ("plan", "schedule", "slate", "postpone", "delay", "adjourn", "set") and v.tag_ in ("VBD", "VBN", "VBZ", "VBP") and (v.lemma_ != "set" or v.tag_ == "VBN") \
                and not (v.lemma_ in _PUT_OFF and not any(c.dep_ == "prep" and c.lower_ in ("to", "until", "till") for c in v.children)):
            # (what was put off "on Sunday" was put off then: "62 trains were delayed on Sunday")
            return "future"
        if depth == 0:
            if any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxes) or v.tag_ == "VBD":
                # "was forecast to weaken as it moved north on Monday": a clause of time under a
                # forecast is as far ahead as the forecast (its past tense is the report's backshift)
                if v.dep_ == "advcl" and v.head is not v and v.head.pos_ in ("VERB", "AUX") and \
                        any(c.dep_ == "mark" and c.lower_ in _TIME_CLAUSE_MARKS for c in v.children) and \
                        _verb_tense(v.head) == "future":
                    return "future"
                return "past"
            if v.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes):
                return "future"
            to = any(a.lower_ == "to" for a in auxes)
            if not to:
                # Plain present of an event verb in a main clause is a schedule ("talks start
                # Monday"); in a relative clause or with a state verb it says nothing of time.
                if (v.tag_ in ("VBZ", "VBP") and v.dep_ not in ("relcl", "acl", "amod")
                        and v.lemma_ not in _STATIVE):
                    return "future"
                return None
        # infinitive: look at the verb it complements
        if v.dep_ in ("xcomp", "ccomp", "advcl") and v.head is not v:
            if v.head.lemma_ == "be" and any(a.lower_ == "to" for a in v.children):
                return "future"
            v = v.head
            continue
        break
    return None


# --------------------------------------------------------------------------- resolvers

def _window_year(ctx: "_Ctx", first: Callable[[int], Optional[dt.date]], last: Callable[[int], Optional[dt.date]]) -> Optional[int]:
    """The one year whose reading (from ``first(y)`` to ``last(y)``) meets the publication window."""
    assert ctx.window is not None
    lo, hi = ctx.window
    fits = [y for y in range(lo.year - 1, hi.year + 2)
            if (a := first(y)) is not None and (b := last(y)) is not None and a <= hi and b >= lo]
    return fits[0] if len(fits) == 1 else None


def _printed_or_window_year(m: re.Match, ctx: "_Ctx", mo: int) -> Optional[int]:
    """A month's printed year, else (publication unknown) the one year the window allows."""
    if m["year"]:
        return int(m["year"])
    if ctx.window is not None:
        return _window_year(ctx, lambda y: dt.date(y, mo, 1), lambda y: _month_end(y, mo))
    return None


def _pick_year_day(m: int, d: int, anchor: dt.date, tense: Optional[str]) -> Optional[dt.date]:
    cands = [x for x in (_safe_date(anchor.year + k, m, d) for k in (-1, 0, 1)) if x]
    if not cands:
        return None
    if tense == "future":
        after = [x for x in cands if x >= anchor]
        return min(after) if after else max(cands)
    if tense is None:
        # No tense to go on: the nearest reading ("a ceremony on March 12" in mid-February).
        return min(cands, key=lambda x: abs((x - anchor).days))
    before = [x for x in cands if x <= anchor]
    return max(before) if before else min(cands)


def _pick_year_month(m: int, anchor: dt.date, tense: Optional[str], strict: bool = False) -> int:
    if tense == "future":
        if m > anchor.month or (m == anchor.month and not strict):
            return anchor.year
        return anchor.year + 1
    if tense is None and not strict:
        # Nearest month, ties to the past: "the summit in April" written in December.
        fwd = (m - anchor.month) % 12
        return anchor.year + (1 if m < anchor.month else 0) if 0 < fwd < 6 else (
            anchor.year if m <= anchor.month else anchor.year - 1)
    if m < anchor.month or (m == anchor.month and not strict):
        return anchor.year
    return anchor.year - 1


def _future_in_past(ctx: _Ctx, s: int, e: int) -> bool:
    """ "a report last week said 5,000 could be there by Monday": a future told in the past tense
    (a past modal under a past reporting verb) is future from the report, not from the article."""
    doc = ctx.doc
    span = doc.char_span(s, e, alignment_mode="expand") if doc is not None else None
    if span is None or len(span) == 0:
        return False
    v = next((t for t in [span.root, *span.root.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if v is None or not any(c.dep_ == "aux" and c.lower_ in _PAST_MODALS for c in v.children):
        return False
    return v.dep_ == "ccomp" and v.head.tag_ == "VBD" and v.head.lemma_ in _STATIVE


def _pick_weekday(wd: int, anchor: dt.date, tense: Optional[str], strict: bool) -> dt.date:
    if tense == "nearest":
        back = (anchor.weekday() - wd) % 7
        return anchor - dt.timedelta(days=back) if back <= 3 else anchor + dt.timedelta(days=7 - back)
    if tense == "future":
        k = (wd - anchor.weekday()) % 7
        if k == 0 and strict:
            k = 7
        return anchor + dt.timedelta(days=k)
    k = (anchor.weekday() - wd) % 7
    if k == 0 and strict:
        k = 7
    return anchor - dt.timedelta(days=k)


def _weekday_day(ctx: _Ctx, wd: int, tense: Optional[str], strict: bool) -> dt.date:
    """A weekday's day; on a page updated within the week after its publication ("Published 7 March
    | Updated 8 March"), a weekday of no future tense that falls after the publication day and by
    the update ("31 were still in custody on Wednesday morning") is that day, not the week before."""
    d = _pick_weekday(wd, ctx.anchor, tense, strict)
    if ctx.updated is not None and tense != "future" and not strict and 0 < (ctx.updated - ctx.anchor).days < 7:
        late = _pick_weekday(wd, ctx.updated, tense, strict)
        if late > ctx.anchor:
            return late
    return d


def _num(word: str) -> Optional[float]:
    w = word.lower().strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    return _NUMBERS.get(w)


def _dur_value(n: Optional[float], unit: str) -> str:
    unit = unit.lower().rstrip("s")
    if unit.startswith("centur"):
        unit = "century"
    code = _UNIT_CODE.get(unit, "D")
    if n is None:
        q = "X"
    elif n == int(n):
        q = str(int(n))
    else:
        q = str(n)
    if code in ("DE", "CE") and n is not None:
        k = n * (10 if code == "DE" else 100)
        return f"P{int(k) if k == int(k) else k}Y"
    if code.startswith("T"):
        return f"PT{q}{code[1:]}"
    return f"P{q}{code}"


def _day(d: dt.date, basis: str = "explicit") -> _Norm:
    return _Norm("DATE", d.isoformat(), d, d, "day", basis)


def _month(y: int, m: int, basis: str = "explicit") -> _Norm:
    return _Norm("DATE", f"{y:04d}-{m:02d}", dt.date(y, m, 1), _month_end(y, m), "month", basis)


def _year(y: int, basis: str = "explicit") -> _Norm:
    return _Norm("DATE", f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31), "year", basis)


def _week(d: dt.date, basis: str = "explicit") -> _Norm:
    s = _week_start(d)
    return _Norm("DATE", _iso_week(s), s, s + dt.timedelta(days=6), "week", basis)


def _shift_unit(anchor: dt.date, unit: str, k: int) -> _Norm:
    """The calendar unit (week/month/year/...) k steps from the anchor's own."""
    if unit == "day":
        return _day(anchor + dt.timedelta(days=k))
    if unit == "week":
        return _week(anchor + dt.timedelta(weeks=k))
    if unit == "weekend":
        sat = _week_start(anchor + dt.timedelta(weeks=k)) + dt.timedelta(days=5)
        return _Norm("DATE", _iso_week(sat) + "-WE", sat, sat + dt.timedelta(days=1), "range")
    if unit == "month":
        y, m = _add_months(anchor.year, anchor.month, k)
        return _month(y, m)
    if unit == "quarter":
        q = (anchor.month - 1) // 3 + k
        y = anchor.year + q // 4
        q = q % 4
        return _Norm("DATE", f"{y}-Q{q + 1}", dt.date(y, 3 * q + 1, 1), _month_end(y, 3 * q + 3), "range")
    if unit == "decade":
        d0 = (anchor.year // 10 + k) * 10
        return _Norm("DATE", f"{d0 // 10}", dt.date(d0, 1, 1), dt.date(d0 + 9, 12, 31), "range")
    if unit == "season":
        code = _season_of(anchor)
        y = anchor.year - (1 if anchor.month <= 2 else 0)
        order = ["WI", "SP", "SU", "FA"]
        i = order.index(code) + k if code != "WI" else 0 + k
        y += i // 4 if code != "WI" else 0
        code = order[i % 4]
        s, e = _season_range(y, code)
        return _Norm("DATE", f"{y}-{code}", s, e, "season")
    return _year(anchor.year + k)


def _back(anchor: dt.date, n: Optional[float], unit: str) -> dt.date:
    n = 1 if n is None else n
    days = {"minute": 0, "hour": 0, "day": 1, "night": 1, "week": 7, "month": 30.4,
            "year": 365.25, "decade": 3652.5, "century": 36525, "weekend": 7, "quarter": 91.3}.get(unit, 1)
    return anchor - dt.timedelta(days=round(n * days))


# --------------------------------------------------------------------------- rules

Rule = Callable[[re.Match, _Ctx, int, int], Optional[_Norm]]
_RULES: list[tuple[re.Pattern, Rule]] = []


def _rule(pattern: str) -> Callable[[Rule], Rule]:
    def deco(fn: Rule) -> Rule:
        _RULES.append((re.compile(pattern), fn))
        return fn
    return deco


def _mnum(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")]


@_rule(rf"\b(?:(?P<wd>{_WD}),?\s+)?(?P<mon>{_MON_FULL}|{_MON_DAYABBR})\s+(?P<day>{_DAY})\b(?!\s*(?:%|,\d|\d|-(?:year|month|day)))(?:,?\s+(?P<year>{_YEAR})\b)?")
def _r_mon_day(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    mo, d = _mnum(m["mon"]), int(re.sub(r"\D", "", m["day"]))
    if m["year"]:
        x = _safe_date(int(m["year"]), mo, d)
        return _day(x) if x else None
    if ctx.window is not None:
        y = _window_year(ctx, lambda y: _safe_date(y, mo, d), lambda y: _safe_date(y, mo, d))
        x = _safe_date(y, mo, d) if y is not None else None
        return _day(x, "inferred") if x else None
    if m["wd"]:
        # "Monday, Oct. 26": the year whose Oct. 26 is a Monday, nearest the anchor.
        wd = _WEEKDAYS[m["wd"].lower()]
        fits = [x for x in (_safe_date(ctx.anchor.year + k, mo, d) for k in (0, -1, 1)) if x and x.weekday() == wd]
        if fits:
            return _day(fits[0])
    x = _pick_year_day(mo, d, ctx.anchor, _tense(ctx, s, e))
    return _day(x) if x else None


@_rule(rf"\b(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?(?P<day>{_DAY})(?:\s+of)?\s+(?P<mon>{_MON_FULL}|{_MON_DAYABBR})(?:,?\s+(?P<year>{_YEAR})\b)?")
def _r_day_mon(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    return _r_mon_day(m, ctx, s, e)


@_rule(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
def _r_iso(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    x = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _day(x) if x else None


@_rule(r"\b(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)\d\d|\d\d)\b")
def _r_us_numeric(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    y = int(m["y"])
    y = y + (2000 if y < 50 else 1900) if y < 100 else y
    x = _safe_date(y, int(m["m"]), int(m["d"]))
    return _day(x) if x else None


@_rule(rf"\b(?:(?P<part>{_ci('early|mid|late')})[- ]|(?P<the>{_ci('the (?:end|beginning|start|middle) of')})\s+)?(?P<mon>{_MON})(?:,?\s+(?:of\s+)?(?P<year>{_YEAR})\b)?(?!\s*\d)")
def _r_month(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    mo = _mnum(m["mon"])
    if not m["year"] and not m["part"] and not m["the"] and m["mon"] in ("May", "March"):
        # Modal "May" / verb "March": only as a date with a cue before it or spaCy's word.
        before = ctx.text[max(0, s - 12):s].lower()
        if not (re.search(r"\b(in|since|by|until|of|last|next|this|early|late|mid|from|through|to|and)\s+$", before)
                or any(a <= s and e <= b for a, b in ctx.ents)):
            return None
    y = _printed_or_window_year(m, ctx, mo)
    if y is None and ctx.window is not None:
        return None
    if y is None:
        before = ctx.text[max(0, s - 6):s].lower()
        k = re.search(r"\b(last|next|this)\s+$", before)
        if k and k[1] == "this":
            y = ctx.anchor.year
        elif k:
            y = _pick_year_month(mo, ctx.anchor, "future" if k[1] == "next" else "past", strict=True)
        else:
            y = _pick_year_month(mo, ctx.anchor, _tense(ctx, s, e))
    n = _month(y, mo)
    part = (m["part"] or m["the"] or "").lower()
    last = n.end.day
    if part in ("early", "the beginning of", "the start of"):
        n.start, n.end, n.gran = dt.date(y, mo, 1), dt.date(y, mo, 10), "range"
    elif part in ("mid", "the middle of"):
        n.start, n.end, n.gran = dt.date(y, mo, 11), dt.date(y, mo, 20), "range"
    elif part in ("late", "the end of"):
        n.start, n.end, n.gran = dt.date(y, mo, 21), dt.date(y, mo, last), "range"
    return n


@_rule(rf"\b(?P<mod>{_ci('last|next|this')})\s+(?P<mon>{_MON})(?!\s*\d)")
def _r_last_month_name(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    mo = _mnum(m["mon"])
    mod = m["mod"].lower()
    if mod == "this":
        y = ctx.anchor.year
    else:
        y = _pick_year_month(mo, ctx.anchor, "future" if mod == "next" else "past", strict=True)
    return _month(y, mo)


_WEEK_OF = _ci(r"(?:the\s+)?(?P<ord>first|second|third|fourth|last|final) week of")


@_rule(rf"\b{_WEEK_OF}\s+(?P<mon>{_MON})(?:,?\s+(?P<year>{_YEAR}))?")
def _r_week_of_month(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    mo = _mnum(m["mon"])
    y = _printed_or_window_year(m, ctx, mo)
    if y is None and ctx.window is not None:
        return None
    if y is None:
        y = _pick_year_month(mo, ctx.anchor, _tense(ctx, s, e))
    k = _ORDINALS[m["ord"].lower()]
    if k > 0:
        st = dt.date(y, mo, 1 + 7 * (k - 1))
        en = min(st + dt.timedelta(days=6), _month_end(y, mo))
    else:
        en = _month_end(y, mo)
        st = en - dt.timedelta(days=6)
    return _Norm("DATE", f"{y:04d}-{mo:02d}", st, en, "week")


@_rule(_ci(r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|last|final)[\s-]+(?P<u>quarter|half)(?:\s+of\s+(?P<year>" + _YEAR + r"|this year|last year|next year))?\b"))
def _r_quarter(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    k = _ORDINALS[m["ord"].lower()]
    yr = (m["year"] or "").lower()
    if yr.isdigit():
        y = int(yr)
    elif yr:
        y = ctx.anchor.year + {"this year": 0, "last year": -1, "next year": 1}[yr]
    else:
        y = ctx.anchor.year
    if m["u"].lower() == "half":
        k = 2 if k < 0 else k
        if k > 2:
            return None
        st = dt.date(y, 6 * (k - 1) + 1, 1)
        return _Norm("DATE", f"{y}-H{k}", st, _month_end(y, 6 * k), "range")
    k = 4 if k < 0 else k
    if not yr:
        # "the third quarter" in news is the latest such quarter (or the next one if future).
        cur = (ctx.anchor.month - 1) // 3 + 1
        if _tense(ctx, s, e) == "future":
            y = y if k >= cur else y + 1
        else:
            y = y if k <= cur else y - 1
    return _Norm("DATE", f"{y}-Q{k}", dt.date(y, 3 * k - 2, 1), _month_end(y, 3 * k), "range")


@_rule(_ci(r"\b(?:the\s+)?first\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01])\s+months\s+of\s+(?:(?P<year>"
           + _YEAR + r")|(?P<rel>the year|this year|last year))\b"))
def _r_first_months(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    """ "in the first eight months of the year": from 1 January to the end of the eighth month."""
    n = int(_num(m["n"]) or 0)
    rel = (m["rel"] or "").lower()
    y = int(m["year"]) if m["year"] else ctx.anchor.year - (1 if rel == "last year" else 0)
    if not 1 < n < 12:
        return None
    return _Norm("DATE", f"{y}", dt.date(y, 1, 1), _month_end(y, n), "range")


_FISCAL = _ci(r"(?P<fiscal>fiscal|calendar)\s+(?:year\s+)?")


@_rule(rf"(?<![\d,.$£€#-])\b(?:{_FISCAL}|{_ci('(?P<part>early|mid|late)')}[- ])?(?P<year>{_YEAR})\b(?!\s*(?:%|,\d|\.\d|percent|-year|-month))")
def _r_year(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    y = int(m["year"])
    before = ctx.text[max(0, s - 16):s].lower()
    after = ctx.text[e:e + 12].lower()
    in_ent = any(a <= s and e <= b for a, b in ctx.ents)
    cue = re.search(r"\b(in|since|by|until|of|from|through|to|and|year|before|after|during|early|late|mid|between|fiscal|the|for)\s+$", before)
    if not (m["fiscal"] or m["part"] or in_ent or cue or re.match(r"\s*[-–]", after)
            or re.search(r"[-–]\s*$", before) or re.match(r"\s*(and|or|to)\s+(19|20)\d\d", after)):
        return None
    if re.search(r"\b(article|no\.|number|route|model|flight|section|chapter|page|highway)\s+$", before):
        return None
    n = _year(y)
    part = (m["part"] or "").lower()
    if part == "early":
        n.end, n.gran = dt.date(y, 4, 30), "range"
    elif part == "mid":
        n.start, n.end, n.gran = dt.date(y, 5, 1), dt.date(y, 8, 31), "range"
    elif part == "late":
        n.start, n.gran = dt.date(y, 9, 1), "range"
    return n


@_rule(_ci(r"\b(?:the\s+)?(?:(?:early|mid|late)[- ])?(?P<dec>(?:19|20)\d0)'?s\b"))
def _r_decade(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    d0 = int(m["dec"])
    return _Norm("DATE", str(d0 // 10), dt.date(d0, 1, 1), dt.date(d0 + 9, 12, 31), "range")


_CENTURY_WORDS = {w: k + 1 for k, w in enumerate(
    ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
     "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first").split())}


@_rule(_ci(r"\b(?:the\s+)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>" + "|".join(sorted(_CENTURY_WORDS, key=len, reverse=True))
           + r"))\s+century\b"))
def _r_century(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    """ "the 14th century", "during the fourteenth century"."""
    c = (int(m["n"]) if m["n"] else _CENTURY_WORDS[m["w"].lower()]) - 1
    return _Norm("DATE", f"{c:02d}", dt.date(max(1, c * 100), 1, 1), dt.date(c * 100 + 99, 12, 31), "range")


@_rule(r"\b(?:(?P<mod>" + _ci("last|next|this|early|late|the") + r")\s+)?(?P<season>" + _ci("spring|summer|autumn|fall|winter") + r")(?:\s+(?:of\s+)?(?P<year>" + _YEAR + r"))?\b")
def _r_season(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    code = _SEASONS[m["season"].lower()]
    mod = (m["mod"] or "").lower()
    if m["season"].lower() in ("spring", "fall") and not (mod or m["year"]):
        return None  # verbs and nouns more often than seasons
    if m["year"]:
        y = int(m["year"])
    else:
        a = ctx.anchor
        cur = _season_of(a)
        cur_y = a.year - (1 if a.month <= 2 else 0)
        order = ["SP", "SU", "FA", "WI"]
        ci, ti = order.index(cur), order.index(code)
        tense = _tense(ctx, s, e)
        if mod == "this":
            y = cur_y if code != "WI" or cur == "WI" else a.year
        elif mod == "next" or (mod != "last" and tense == "future"):
            y = cur_y if ti > ci or (ti == ci and mod != "next") else cur_y + 1
        elif mod == "last":
            y = cur_y if ti < ci else cur_y - 1
        else:
            y = cur_y if ti <= ci else cur_y - 1
    st, en = _season_range(y, code)
    return _Norm("DATE", f"{y}-{code}", st, en, "season")


@_rule(rf"\b(?:(?P<mod>{_ci('last|next|this|coming|past')})\s+)?(?P<wd>{_WD})(?:\s+(?P<part>{_ci(_PART)}))?\b(?!,?\s+(?:{_MON_FULL}|{_MON_DAYABBR})\s+\d|,?\s+\d{{1,2}}\s+{_MON})")
def _r_weekday(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    wd = _WEEKDAYS[m["wd"].lower()]
    mod = (m["mod"] or "").lower()
    if mod in ("last", "past"):
        tense, strict = "past", True
    elif mod in ("next", "coming"):
        tense, strict = "future", True
    elif re.search(r"(?i)\bsince\s+$", ctx.text[max(0, s - 8):s]):
        # "since Friday" written on a Friday means a week before: a span from today to today says nothing
        tense, strict = "past", True
    else:
        tense, strict = _tense(ctx, s, e), False
        if tense == "future" and _future_in_past(ctx, s, e):
            tense = "nearest"  # the report's week is unknown: the weekday nearest the article
    d = _pick_weekday(wd, ctx.anchor, tense, strict) if tense == "nearest" else _weekday_day(ctx, wd, tense, strict)
    n = _day(d, "explicit" if d == ctx.anchor else "inferred")
    if m["part"]:
        n.type = "TIME"  # value stays the date, as most TimeBank annotators wrote it
    return n


@_rule(_ci(r"\b(?P<w>today|tonight|yesterday|tomorrow)(?:\s+(?P<part>morning|afternoon|evening|night))?\b"))
def _r_deictic_day(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    w = m["w"].lower()
    d = ctx.anchor + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(w, 0))
    n = _day(d)
    part = (m["part"] or ("night" if w == "tonight" else "")).lower()
    if part:
        n.type, n.value = "TIME", f"{d.isoformat()}T{_DAYPARTS[part]}"
    return n


@_rule(_ci(r"\b(?:this|last|early this|late this)\s+(?P<part>morning|afternoon|evening|night)\b"))
def _r_daypart(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    d = ctx.anchor - dt.timedelta(days=1 if m[0].lower().startswith("last") else 0)
    n = _day(d)
    n.type, n.value = "TIME", f"{d.isoformat()}T{_DAYPARTS[m['part'].lower()]}"
    return n


@_rule(_ci(r"\b(?P<the>the\s+)?(?P<mod>last|next|this|coming|past|previous|following|current|same)\s+(?P<unit>week|weekend|month|year|quarter|decade|season)\b"))
def _r_rel_unit(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    mod, unit = m["mod"].lower(), m["unit"].lower()
    if mod in ("same", "following", "previous") and not m["the"]:
        return None
    if mod == "same":
        return None
    k = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(mod, 0)
    if m["the"] and mod in ("past", "last", "coming", "next") and unit not in ("weekend",):
        # "the past year", "the next decade": a stretch of time reaching the anchor.
        if mod == "last" and unit == "week":
            return _shift_unit(ctx.anchor, unit, -1)
        st = _back(ctx.anchor, 1, unit) if k < 0 else ctx.anchor
        en = ctx.anchor if k < 0 else ctx.anchor + (ctx.anchor - _back(ctx.anchor, 1, unit))
        return _Norm("DURATION", _dur_value(1, unit), st, en, "range")
    return _shift_unit(ctx.anchor, unit, k)


@_rule(_ci(r"\b(?P<mod>earlier|later|early|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)\s+(?:in\s+)?(?P<rel>this|last|next|the)\s+(?P<unit>week|month|year)\b"))
def _r_part_rel_unit(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    mod, rel, unit = m["mod"].lower(), m["rel"].lower(), m["unit"].lower()
    k = {"last": -1, "next": 1}.get(rel, 0)
    base = _shift_unit(ctx.anchor, unit, k)
    a = ctx.anchor
    if k == 0 and mod == "earlier":
        base.start, base.end = base.start, a
    elif k == 0 and mod == "later":
        base.start = a
    elif mod in ("early", "the start of", "the beginning of"):
        base.end = base.start + (base.end - base.start) / 3
    elif mod in ("late", "the end of"):
        base.start = base.end - (base.end - base.start) / 3
    base.gran = "range"
    return base


@_rule(_ci(r"\b(?:since\s+)?(?:the\s+)?(?P<n>" + _NUMW + r")\s+(?P<unit>" + _UNIT + r")s?\s+(?P<dir>ago|earlier|later|before|after)\b"))
def _r_ago(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    n, unit, d = _num(m["n"]), m["unit"].lower(), m["dir"].lower()
    if unit.startswith("centur"):
        unit = "century"
    if d == "ago":
        base = ctx.anchor
        sign = -1
    else:
        if ctx.last_day is None or unit not in ("day", "week"):
            return _Norm("DURATION", _dur_value(n, unit))
        base = ctx.last_day
        sign = -1 if d in ("earlier", "before") else 1
    if n is None:
        return _Norm("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if unit in ("day",):
        return _day(base + dt.timedelta(days=sign * n), "inferred")
    if unit == "week":
        return _week(base + dt.timedelta(weeks=sign * n), "inferred")
    if unit == "month":
        y, mo = _add_months(base.year, base.month, int(sign * n))
        return _month(y, mo, "inferred")
    if unit == "year":
        return _year(base.year + int(sign * n), "inferred")
    if unit == "decade":
        return _year(base.year + int(sign * n * 10), "inferred")
    return None


@_rule(_ci(r"\b(?:the\s+)?(?P<w>next|following|previous)\s+day\b|\bthe\s+day\s+(?P<w2>before|after)\b"))
def _r_next_day(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    if ctx.last_day is None:
        return None
    w = (m["w"] or m["w2"]).lower()
    sign = -1 if w in ("previous", "before") else 1
    return _day(ctx.last_day + dt.timedelta(days=sign), "inferred")


@_rule(_ci(r"\b(?:(?P<the>the)\s+)?(?:(?P<mod>past|last|next|coming|previous|first|final|recent)\s+)?(?P<n>" + _NUMW + r")[- ](?P<unit>" + _UNIT + r")s?(?:[- ]long)?\b"))
def _r_duration(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    after = ctx.text[e:e + 12].lower()
    if re.match(r"[- ]old\b|-olds?\b", after):
        return None  # an age, not a time
    unit = m["unit"].lower()
    if unit.startswith("centur"):
        unit = "century"
    n = _num(m["n"])
    if m["n"].lower() in ("a", "an") and unit in ("second", "minute") and not m["mod"]:
        return None
    if m["n"].lower() == "some" and not m["mod"]:
        return None
    norm = _Norm("DURATION", _dur_value(n, unit))
    mod = (m["mod"] or "").lower()
    if mod in ("past", "last", "previous", "recent"):
        norm.start, norm.end, norm.gran = _back(ctx.anchor, n, unit), ctx.anchor, "range"
    return norm


@_rule(_ci(r"\b(?P<unit>day|week|month|year|decade)-?long\b"))
def _r_long(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    return _Norm("DURATION", _dur_value(1, m["unit"]))


@_rule(_ci(r"\b(?P<the>the\s+)?(?P<mod>recent|coming|next|past|last)\s+(?:few\s+|several\s+)?(?P<unit>day|week|month|year|decade)s\b"))
def _r_vague_plural(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    unit, mod = m["unit"].lower(), m["mod"].lower()
    norm = _Norm("DURATION", _dur_value(None, unit))
    if mod in ("recent", "past", "last"):
        back = {"day": 7, "week": 21, "month": 91, "year": 3 * 365, "decade": 30 * 365}[unit]
        norm.start, norm.end, norm.gran = ctx.anchor - dt.timedelta(days=back), ctx.anchor, "range"
    return norm


@_rule(_ci(r"\b(?P<unit>minute|hour|day|week|month|year|decade)s\b(?!\s+(?:of|ago|earlier|later))"))
def _r_bare_plural(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    # Only after a preposition or verb of taking time: "for years", "took months".
    if not re.search(r"(?i)\b(for|over|within|in|after|take|takes|took)\s+$", ctx.text[max(0, s - 8):s]):
        return None
    return _Norm("DURATION", _dur_value(None, m["unit"]))


@_rule(_ci(r"\b(?:now|currently|at present|presently|nowadays|right now|at the moment)\b"))
def _r_now(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    return _Norm("DATE", "PRESENT_REF", ctx.anchor, ctx.anchor, "day")


@_rule(_ci(r"\b(?:recently|the past|in the future|the future|previously|formerly|once|earlier|soon)\b"))
def _r_vague_ref(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    w = m[0].lower()
    if w in ("once", "earlier", "previously", "formerly", "soon"):
        return None  # too often not a time expression in TimeML terms
    if w in ("in the future", "the future"):
        return _Norm("DATE", "FUTURE_REF")
    return _Norm("DATE", "PAST_REF")


@_rule(_ci(r"\b(?:every|each)\s+(?P<unit>day|week|month|year|season|morning|night|evening|afternoon|weekend)\b|\b(?P<adv>annually|daily|weekly|monthly|yearly)\b"))
def _r_set(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    if m["adv"]:
        if m["adv"].lower() in ("daily", "weekly", "monthly") and re.match(r"\s+[a-z]", ctx.text[e:e + 3]):
            return None  # "daily newspaper": an adjective
        u = {"annually": "year", "yearly": "year", "daily": "day", "weekly": "week", "monthly": "month"}[m["adv"].lower()]
        return _Norm("SET", _dur_value(1, u))
    u = m["unit"].lower()
    if u in _DAYPARTS:
        return _Norm("SET", f"XXXX-XX-XXT{_DAYPARTS[u]}")
    if u == "season":
        return _Norm("SET", "XXXX-XX")
    return _Norm("SET", _dur_value(1, u))


@_rule(r"\b(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>" + _ci(r"a\.m\.|p\.m\.|am\b|pm\b") + r")(?:\s+(?P<tz>[A-Z]{2,4}T?)\b)?(?:,?\s+(?:on\s+)?(?P<wd>" + _WD + r"))?|\b(?P<h24>[01]\d|2[0-3]):(?P<mi24>[0-5]\d)\s+(?:GMT|UTC|local time)(?:\s+(?P<wd2>" + _WD + r"))?|\b" + _ci(r"(?P<noon>noon|midnight)"))
def _r_clock(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    d = ctx.anchor
    wd = m["wd"] or m["wd2"]
    if wd:
        d = _weekday_day(ctx, _WEEKDAYS[wd.lower()], _tense(ctx, s, e), False)
    if m["noon"]:
        hh, mi = (12 if m["noon"].lower() == "noon" else 24), 0
    elif m["h24"]:
        hh, mi = int(m["h24"]), int(m["mi24"])
    else:
        hh, mi = int(m["h"]) % 12, int(m["mi"] or 0)
        if m["ap"].lower().startswith("p"):
            hh += 12
    n = _day(d, "inferred" if wd else "explicit")
    n.type, n.value = "TIME", f"{d.isoformat()}T{hh:02d}:{mi:02d}"
    return n


def _holiday_date(name: str, y: int) -> dt.date:
    if name.startswith("thanksgiving"):
        first = dt.date(y, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)  # 4th Thursday (US)
    if name.startswith("christmas eve"):
        return dt.date(y, 12, 24)
    if name.startswith("christmas"):
        return dt.date(y, 12, 25)
    if name.startswith("new year's eve"):
        return dt.date(y, 12, 31)
    return dt.date(y, 1, 1)


@_rule(r"\b(?:(?P<mod>" + _ci("last|next|this") + r")\s+)?(?P<h>Thanksgiving(?: Day)?|Christmas(?: Eve| Day)?|New Year's(?: Eve| Day)?)(?:\s+(?P<year>" + _YEAR + r"))?")
def _r_holiday(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    name, mod = m["h"].lower(), (m["mod"] or "").lower()
    if m["year"]:
        return _day(_holiday_date(name, int(m["year"])))
    a = ctx.anchor
    cands = [_holiday_date(name, a.year + k) for k in (-1, 0, 1)]
    tense = {"last": "past", "next": "future"}.get(mod) or _tense(ctx, s, e)
    if tense == "future":
        return _day(min(x for x in cands if x >= a))
    if tense == "past":
        return _day(max(x for x in cands if x <= a))
    return _day(min(cands, key=lambda x: abs((x - a).days)))


@_rule(_ci(r"\bthe\s+weekend\b"))
def _r_the_weekend(m: re.Match, ctx: _Ctx, s: int, e: int) -> Optional[_Norm]:
    # The weekend nearest the anchor in the direction of the clause (past by default).
    k = 0 if _tense(ctx, s, e) == "future" else -1
    if ctx.anchor.weekday() >= 5:
        k = 0
    return _shift_unit(ctx.anchor, "weekend", k)


# --------------------------------------------------------------------------- driver

_CUE = re.compile(r"(?i)\b(since|by|until|till|through|from)\s+(?:the\s+)?$")


def _to_span(n: _Norm, ctx: _Ctx, s: int, e: int) -> Optional[TimeSpan]:
    if n.start is None or n.end is None:
        return None
    start, end, gran, basis, cs = n.start, n.end, n.gran, n.basis, s
    cue = _CUE.search(ctx.text[max(0, s - 12):s])
    if cue:
        word = cue[1].lower()
        cs = s - len(cue[0])
        if word in ("since", "from") and start <= ctx.anchor and n.type != "DURATION":
            end, gran = max(ctx.anchor, start), "range"
    return TimeSpan(start=start.isoformat(), end=end.isoformat(), granularity=gran,  # type: ignore[arg-type]
                    text=ctx.text[cs:e], basis=basis,  # type: ignore[arg-type]
                    char_start=cs, char_end=e)


# Every rule above needs a digit or a word of one of these families (each word start after a
# word boundary; a prefix also stands for its longer forms: "week" for "weekly", "weekend").
# One cheap search over a sentence names the families present, and only the rules that can match
# there run: most sentences of a news story name no time, and few name a weekday or a season.
# The words of each family, matched case-blind at a word start (a prefix of a longer word counts).
_FAMILY_WORDS = {
    "mon": ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    "wd": ("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
    "unit": ("second", "minute", "hour", "day", "week", "month", "year", "quarter", "decade", "centur", "season"),
    "half": ("half",),
    "season": ("spring", "summer", "autumn", "fall", "winter"),
    "deictic": ("today", "tonight", "yesterday", "tomorrow"),
    "daypart": ("morning", "afternoon", "evening", "night"),
    "now": ("now", "current", "present", "moment", "right now"),
    "vague": ("recent", "past", "future", "previous", "former", "once", "earlier", "soon"),
    "adverb": ("annual", "daily"),
    "noon": ("noon", "midnight"),
    "holiday": ("thanksgiving", "christmas", "new year"),
}
# Words matched as written (capitalised) at a word start: the month and weekday names the rules read.
_CASED_WORDS = {
    "Mon": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "Wd": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
# Strings matched case-blind anywhere: a literal part some rules cannot match without.
_MARKS = {
    "slash": ("/",), "clock": ("am", "pm", "a.m", "p.m", ":"), "decade": ("0s", "0's"),
    "century": ("century",), "ago": ("ago", "earlier", "later", "before", "after"),
}
_FAMILIES = {"digit": r"\d", **{k: r"(?i)\b(?:" + "|".join(ws) + ")" for k, ws in _FAMILY_WORDS.items()},
             **{k: r"\b(?:" + "|".join(ws) + ")" for k, ws in _CASED_WORDS.items()},
             **{k: "(?i)" + "|".join(re.escape(w) for w in ws) for k, ws in _MARKS.items()}}
_FAMILY_RX = {k: re.compile(v) for k, v in _FAMILIES.items()}   # apart: "mon" must not hide "month"
# The families each rule needs one of (a rule not listed always runs).
_NEEDS = {
    "_r_mon_day": {"mon"}, "_r_day_mon": {"mon"}, "_r_iso": {"digit"}, "_r_us_numeric": {"digit"},
    "_r_month": {"mon"}, "_r_last_month_name": {"mon"}, "_r_week_of_month": {"mon"},
    "_r_quarter": {"unit", "half"}, "_r_first_months": {"unit"}, "_r_year": {"digit"}, "_r_decade": {"digit"}, "_r_century": {"digit", "century"},
    "_r_season": {"season"}, "_r_weekday": {"wd"}, "_r_deictic_day": {"deictic"}, "_r_daypart": {"daypart"},
    "_r_rel_unit": {"unit"}, "_r_part_rel_unit": {"unit"}, "_r_ago": {"unit"}, "_r_next_day": {"unit"},
    "_r_duration": {"unit"}, "_r_long": {"unit"}, "_r_vague_plural": {"unit"}, "_r_bare_plural": {"unit"},
    "_r_now": {"now"}, "_r_vague_ref": {"vague"}, "_r_set": {"unit", "daypart", "season", "adverb"},
    "_r_clock": {"digit", "noon"}, "_r_holiday": {"holiday"}, "_r_the_weekend": {"unit"},
}
# Further families a rule needs one of each (read off its pattern: the month and weekday names are
# capitalised there; "May" the modal or "sat" wakes no date rule).
_ALSO = {
    "_r_mon_day": ({"Mon"}, {"digit"}), "_r_day_mon": ({"Mon"}, {"digit"}), "_r_month": ({"Mon"},),
    "_r_last_month_name": ({"Mon"},), "_r_week_of_month": ({"Mon"},), "_r_weekday": ({"Wd"},),
    "_r_us_numeric": ({"slash"},), "_r_clock": ({"clock", "noon"},), "_r_decade": ({"decade"},),
    "_r_century": ({"century"},), "_r_ago": ({"ago"},),
}


def runs_here(rule: str, present: set[str]) -> bool:
    """Whether ``rule`` can match where the families ``present`` are found (``families``)."""
    needs = _NEEDS.get(rule)
    return (needs is None or not present.isdisjoint(needs)) and \
        not any(present.isdisjoint(also) for also in _ALSO.get(rule, ()))


def families(text: str, lo: int = 0, hi: Optional[int] = None) -> set[str]:
    """The word families of ``_FAMILIES`` in ``text[lo:hi]``."""
    hi = len(text) if hi is None else hi
    hits = _family_hits(text)
    if hits is None:
        return {k for k, rx in _FAMILY_RX.items() if rx.search(text, lo, hi)}
    out = {"digit"} if _FAMILY_RX["digit"].search(text, lo, hi) else set()
    part = text[lo:hi]
    if part.isascii() or not any(c in part for c in _CASE_TRAPS):
        low = part.lower()
        out.update(k for k, ws in _MARKS.items() if any(w in low for w in ws))
    else:
        out.update(k for k in _MARKS if _FAMILY_RX[k].search(text, lo, hi))
    for fam, (starts, ends) in hits.items():
        k = bisect.bisect_left(starts, lo)
        while k < len(starts) and starts[k] < hi:
            if ends[k] <= hi:
                out.add(fam)
                break
            k += 1
    return out


@lru_cache(maxsize=4)
def _family_hits(text: str) -> Optional[dict[str, tuple[list[int], list[int]]]]:
    """(starts, ends) of each family's words at a word start in ``text``, found once per text with
    ``str.find`` on its lower case (a regex per sentence scanned the text once per family, slowly);
    None when a character of the text folds otherwise under case-blind matching than ``str.lower``
    gives ("ſ" matches "s"), and the regexes answer. Each sentence of a Doc asks with the same text."""
    if not _lowers_plainly(text):
        return None
    low = text.lower()
    out = {}
    for fam, words in _FAMILY_WORDS.items():
        hits = []
        for w in words:
            p = low.find(w)
            while p != -1:
                if p == 0 or not _WORD_CHAR.match(text, p - 1):     # "\b" before a letter
                    hits.append((p, p + len(w)))
                p = low.find(w, p + 1)
        hits.sort()
        out[fam] = ([a for a, _ in hits], [b for _, b in hits])
    for fam, words in _CASED_WORDS.items():
        hits = [(p, p + len(w)) for w in words for p in _finds(text, w)
                if p == 0 or not _WORD_CHAR.match(text, p - 1)]
        hits.sort()
        out[fam] = ([a for a, _ in hits], [b for _, b in hits])
    return out


def _finds(text: str, word: str) -> list[int]:
    out, p = [], text.find(word)
    while p != -1:
        out.append(p)
        p = text.find(word, p + 1)
    return out


# The only characters a case-blind regex takes for an ASCII letter besides its two cases (as
# clean/text.py's gate): a part holding one is searched with the regexes.
_CASE_TRAPS = "\u0130\u0131\u017f\u212a"


_WORD_CHAR = re.compile(r"\w")
_PLAIN_LOWER: dict[str, bool] = {}


def _lowers_plainly(text: str) -> bool:
    """Every character lowers to one character, and none but ASCII letters lowers or folds to one:
    then ``text.lower()`` finds an ASCII word exactly where a case-blind regex does."""
    if text.isascii():
        return True
    for ch in set(text):
        if ch not in _PLAIN_LOWER:
            low = ch.lower()
            _PLAIN_LOWER[ch] = ch.isascii() or len(low) == 1 and not low.isascii() and \
                _ASCII_FOLD.match(ch) is None
        if not _PLAIN_LOWER[ch]:
            return False
    return True


_ASCII_FOLD = re.compile(r"(?i)[a-z]")


def _candidates(text: str, lo: int, hi: int) -> list[tuple[int, int, int, re.Match]]:
    present = frozenset(families(text, lo, hi))
    if not present:
        return []
    out = []
    for pri in _runnable(present):
        for m in _RULES[pri][0].finditer(text, lo, hi):
            if m.end() > m.start():
                out.append((m.start(), m.end(), pri, m))
    return out


_RUNNABLE: dict[frozenset[str], list[int]] = {}


def _runnable(present: frozenset[str]) -> list[int]:
    """Indices into ``_RULES`` of the rules that run where the families ``present`` are found
    (``runs_here``), kept per set of families (a few hundred sets cover a corpus)."""
    rules = _RUNNABLE.get(present)
    if rules is None:
        if len(_RUNNABLE) > 4096:
            _RUNNABLE.clear()
        rules = _RUNNABLE[present] = [pri for pri, (_rx, fn) in enumerate(_RULES) if runs_here(fn.__name__, present)]
    return rules


class TimexError(ValueError):
    """Bad input to the time-expression finder (the message is one line)."""


def _as_date(anchor: object) -> dt.date:
    # A datetime would not compare with the dates built here; an ISO string is accepted too.
    if isinstance(anchor, dt.datetime):
        return anchor.date()
    if isinstance(anchor, dt.date):
        return anchor
    if isinstance(anchor, str):
        try:
            return dt.date.fromisoformat(anchor.strip()[:10])
        except ValueError:
            pass
    raise TimexError(f"anchor must be a date or an ISO date string, got {anchor!r}")


def find_timexes(doc, anchor: dt.date, window: Optional[tuple[dt.date, dt.date]] = None,
                 text: Optional[str] = None, updated: Optional[dt.date] = None) -> list[Timex]:
    """Every time expression in a spaCy Doc or Span as TimeML-style ``Timex`` records.

    ``window``: the publication date is unknown but lies in it (``anchor`` is then one end of it);
    year-less dates take the one year that fits the window. ``text``: the whole Doc's text when
    the caller has it (building it per sentence is quadratic). ``updated``: the page's update day
    (weekdays up to it, see ``_weekday_day``)."""
    anchor = _as_date(anchor)
    if not isinstance(doc, (Doc, Span)):   # (hasattr(doc, "ents") would build every entity span)
        raise TimexError(f"expected a spaCy Doc or Span, got {type(doc).__name__}")
    full = doc.doc if hasattr(doc, "doc") else doc
    text = text_of(full) if text is None else text
    lo = getattr(doc, "start_char", 0)
    hi = getattr(doc, "end_char", len(text))
    cands = _candidates(text, lo, hi)
    if not cands:
        return []   # most sentences: no need to build their entity spans
    # a sentence's entities from its own tokens (Span.ents walks every entity of the Doc before it)
    ents = [(ent.start_char, ent.end_char) for ent in (doc.ents if doc is full else ents_in(full, doc.start, doc.end))
            if ent.label_ in ("DATE", "TIME")]
    ctx = _Ctx(doc=full, anchor=anchor, text=text, ents=ents, window=window, updated=updated)
    # Longest match wins; among equals the earlier rule. Normalise left to right so that
    # "a day later" can see the day named before it.
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int, int, re.Match]] = []
    for c in cands:
        if all(c[1] <= t[0] or c[0] >= t[1] for t in taken):
            taken.append(c)
    taken.sort(key=lambda c: c[0])
    out: list[Timex] = []
    for s, e, pri, m in taken:
        # Re-try shorter readings when the longest one does not normalise ("May 2" as a modal).
        try:
            n = _RULES[pri][1](m, ctx, s, e)
            span = _to_span(n, ctx, s, e) if n is not None else None
        except (OverflowError, ValueError):
            continue        # date arithmetic past year 1 or 9999 (an anchor near the calendar's ends)
        if n is None:
            continue
        if n.start is not None and n.start == n.end:
            ctx.last_day = n.start
        out.append(Timex(char_start=s, char_end=e, text=text[s:e], type=n.type, value=n.value,
                         span=span, day=n.start if n.start is not None and n.start == n.end else None))
    return out


def find_times(doc, anchor: dt.date, window: Optional[tuple[dt.date, dt.date]] = None,
               text: Optional[str] = None, updated: Optional[dt.date] = None) -> list[TimeSpan]:
    """Every time expression in a spaCy Doc or Span, normalised against ``anchor``.

    ``char_start``/``char_end`` of each TimeSpan are offsets into ``doc.doc.text`` (the whole
    Doc's text, also when a Span is given). Weekdays resolve to the past or the future from
    the tense and cue words around them ("last Wednesday", "by Monday", "on Friday ... said").
    Durations and vague references ("recently") are left out: they name no calendar time.
    """
    out = [t.span for t in find_timexes(doc, anchor, window, text, updated) if t.span is not None]
    out.sort(key=lambda sp: sp.char_start or 0)
    full = doc.doc if hasattr(doc, "doc") else doc
    return _join_ranges(out, full.text if text is None else text)


_RANGE_OPEN = re.compile(r"(?i)\b(between|from)\s+$")
_RANGE_JOIN = re.compile(r"(?i)^\s*(?:and|to|until|till|through|[-\u2013])\s*$")


def _join_ranges(spans: list[TimeSpan], text: str) -> list[TimeSpan]:
    """ "between January and March", "from 2019 to 2022": one span from the first to the second
    (TimeML keeps them apart; a claim's time is the whole stretch)."""
    out: list[TimeSpan] = []
    for sp in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.char_end is not None and sp.char_start is not None and prev.char_start is not None \
                and _RANGE_JOIN.match(text[prev.char_end:sp.char_start]) and prev.start <= sp.end:
            opener = _RANGE_OPEN.search(text[max(0, prev.char_start - 9):prev.char_start])
            head = prev.text or ""
            if opener or head.lower().startswith(("between", "from")):
                start = prev.char_start - (len(opener[0]) if opener else 0)
                out[-1] = TimeSpan(start=prev.start, end=sp.end, granularity="range", text=text[start:sp.char_end],
                                   basis=sp.basis, char_start=start, char_end=sp.char_end)
                continue
        out.append(sp)
    return out


# With no publication date and no sibling dates, the window is all of news time: only expressions
# that name their own year (and ranges between two of them) survive.
_OPEN_WINDOW = (dt.date(1900, 1, 1), dt.date(2100, 12, 31))


def find_times_undated(doc, window: Optional[tuple[dt.date, dt.date]] = None,
                       text: Optional[str] = None) -> list[TimeSpan]:
    """Time expressions of a text whose publication date is unknown but lies in ``window``.

    Only what does not hang on the day of publication is kept: every expression is read from
    both ends of the window and kept when the two readings agree ("11 September 2023"; a
    year-less "4 October" when one year fits the window), never a weekday or "last week"."""
    lo, hi = window or _OPEN_WINDOW
    early = {(t.char_start, t.start, t.end): t for t in find_times(doc, lo, (lo, hi), text)}
    return [t for t in find_times(doc, hi, (lo, hi), text) if (t.char_start, t.start, t.end) in early]


def find_times_text(text: str, anchor: dt.date, nlp=None) -> list[TimeSpan]:
    """Same as ``find_times`` for plain text (loads/uses ``nlp`` to parse it)."""
    if not isinstance(text, str):
        raise TimexError(f"expected text, got {type(text).__name__}")
    if nlp is None:
        from storyledger.extract import load_nlp   # one cached model for the whole process
        nlp = load_nlp()
    return find_times(nlp(text), anchor)


def to_timeml_value(span: TimeSpan) -> str:
    """A TimeML ``value`` for a TimeSpan (day -> 2024-10-18, week -> 2024-W43, month -> 2024-10 ...)."""
    if span.text and re.fullmatch(r"(?i)(now|currently|at present|presently|nowadays|right now|at the moment)", span.text.strip()):
        return "PRESENT_REF"
    s, e = dt.date.fromisoformat(span.start[:10]), dt.date.fromisoformat(span.end[:10])
    g = span.granularity
    if g == "day":
        return s.isoformat()
    if g == "week":
        return _iso_week(s)
    if g == "month":
        return s.isoformat()[:7]
    if g == "year":
        return s.isoformat()[:4]
    if g == "season":
        return f"{s.year}-{_season_of(s)}"
    if (s.year, s.month) == (e.year, e.month):
        return s.isoformat()[:7]
    if s.year == e.year:
        return str(s.year)
    return s.isoformat()
