"""Publication dates: printed datelines, metadata, "3 months ago", and weekday reasoning.

Every function returns ``(iso, basis, evidence)`` or None; nothing here guesses a date that
the text does not support.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from collections.abc import Iterator
from typing import Optional

from dateutil import parser as dateparser
from dateutil.relativedelta import relativedelta

from storyledger.clean.html import _parse_dt
from storyledger.tables import table
from storyledger.words import MONTHS, WEEKDAYS, month_number

_CAL = table("calendar")
# months as pages in other languages print them ("5 juin 2018", "30 Ekim 2020"): read here only
_PRINTED_MONTHS: dict[str, int] = _CAL.map("printed_months")
# the month names of data/calendar.json, longest first (English, and German as German datelines print them)
_MONTH_FORMS = [m.capitalize() for m in sorted(MONTHS, key=len, reverse=True)]
# title case as printed in prose, or shouted in capitals as stamps often are ("NOVEMBER 8, 2023");
# other languages print their months in lower case as well ("26 mars 2020")
# ("9 oktober 2020", "10. september 2020" in Dutch and Danish too; not "march", "may": English words)
_OTHER_FORMS = [f for m in sorted(_PRINTED_MONTHS, key=len, reverse=True) for f in (m.capitalize(), m)] \
    + [m for m in MONTHS if len(m) >= 4 and m != "march" or m == "mai"]
_MON = "(?P<mon>" + "|".join(sorted(_MONTH_FORMS + [f.upper() for f in _MONTH_FORMS] + _OTHER_FORMS
                                    + [m.upper() for m in _PRINTED_MONTHS], key=len, reverse=True)) + r")\.?"
# "Oct. 16, 2024", "October 16 2024", "Oct. 18" (month first) and "16 October 2024", "4 October"
_MDY_RX = re.compile(rf"(?:\b|(?<=[a-z])){_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d,]*\d{{3}})(?:,?\s+(?P<year>(?:19|20)\d\d))?\b")


class _AtMonths:
    """A pattern every match of which begins with a month form, tried only where one can begin: at
    a word that is a month form (case aside), or at a capital glued to a lower-case letter ("Ann
    LeeDecember 22, 2021"). (``finditer``/``search`` answer as the pattern's own.) _MDY's zero-width
    start keeps ``re`` from skipping ahead: it tried the month alternation at every character, and
    with the lower-case month forms of other languages at nearly every letter."""

    _WORDS = re.compile(r"[^\W\d_]+")
    _GLUED = re.compile(r"(?<=[a-z])[A-Z]")

    def __init__(self, rx: re.Pattern, forms: list[str]) -> None:
        self.rx, self.forms = rx, frozenset(f.lower() for f in forms)

    def finditer(self, text: str) -> Iterator[re.Match]:
        forms = self.forms
        starts = [w.start() for w in self._WORDS.finditer(text) if w.group().lower() in forms]
        glued = [g.start() for g in self._GLUED.finditer(text)]
        end = 0
        for at in sorted(starts + glued) if glued else starts:
            if at >= end and (m := self.rx.match(text, at)) is not None:
                yield m
                end = m.end()

    def search(self, text: str) -> Optional[re.Match]:
        return next(self.finditer(text), None)


# every month form, as _MON spells them
_MDY = _AtMonths(_MDY_RX, _MONTH_FORMS + _OTHER_FORMS + list(_PRINTED_MONTHS))
# "18. September 2019": a day with a full stop, as German prints it; "4 de junio de 2020"
_DMY = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:de\s+)?{_MON}(?:,?\s+(?:de\s+)?(?P<year>(?:19|20)\d\d))?\b")
# an ISO 8601 stamp may carry its time ("2025-03-04T10:12:00Z"): the date ends at the "T"
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)[-./](?P<m>\d{1,2})[-./](?P<day>\d{1,2})"
                  r"(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?\b")
_DOTTED = re.compile(r"\b(?P<day>\d{1,2})\.(?P<m>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b")   # 28.04.2025: day first
_TIME = re.compile(r"\b(?P<h>\d{1,2})[:h](?P<mi>\d\d)(?::\d\d)?\s*(?P<ampm>[ap]\.?m\.?)?", re.I)
# 22/11/2020, 04-06-2025: day or month first by site; read only when one of the two cannot be a
# month or the page settles it (slash_order)
_SLASHED = re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[/-])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d\d)\b")
# the time zones of places that write the day first ("Updated: 04-06-2025 22:15 IST")
_DAY_FIRST_ZONE = re.compile(r"\d\s*(?:[ap]\.?m\.?\s*)?\(?(?:" + "|".join(sorted(_CAL.set("day_first_zones"))) + r")\b\)?")
_DATELINE_WORDS = re.compile(
    r"\b(posted|published|updated|modified|last|date|on|at|by|kst|gmt|utc|am|pm|a\.m\.|p\.m\.|views?|"
    r"mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    # the same words as other languages print them around a date ("Publié le jeudi ... à 07h47")
    + "|".join(re.escape(w) for w in sorted(_CAL.set("printed_weekdays") | _CAL.set("stamp_words"), key=len, reverse=True))
    + r")\b[:.,]?", re.I)
_RELATIVE = re.compile(
    r"\b(?P<n>\d+|an?|one)\s+(?P<unit>second|minute|hour|day|week|month|year)s?\s+ago\b|\b(?P<word>yesterday|today)\b",
    re.I)
# "5000 years ago" is history, not a dateline: no web page is older than ~1990 (as for metadata)
_MAX_AGO = {"day": 40000, "week": 6000, "month": 1300, "year": 110}
_FUTURE = re.compile(r"\b(will|would|expected|plans?|planned|scheduled|set to|due to|is to|are to|to be held)\b", re.I)


@dataclass
class DateHints:
    """What the text says about its own date, kept so that the corpus pass can finish the job."""

    mentions: list[tuple[Optional[int], int, int, str]] = field(default_factory=list)  # (year, month, day, words)
    body_years: list[int] = field(default_factory=list)  # years printed in the body (not in photo captions)
    report_days: list[tuple[int, str]] = field(default_factory=list)  # (weekday, words) said as today/past
    future_days: list[tuple[int, str]] = field(default_factory=list)  # "by Monday", "will ... on Monday"
    # the paragraph of each mention and of each report day, in the same order (captions: none):
    # a weekday anchors a date only when the two are told together
    mention_paras: list[Optional[int]] = field(default_factory=list)
    report_paras: list[Optional[int]] = field(default_factory=list)
    # the body's own month-day mentions as found, captions aside (published.latest_reported)
    body_mentions: list[tuple[Optional[int], int, int, str]] = field(default_factory=list)


def _month(name: str) -> int:
    return month_number(name) or _PRINTED_MONTHS.get(name.lower().rstrip(".")) or month_number(name[:3])


def _has_year(words: str) -> bool:
    return bool(re.search(r"(?:19|20)\d\d", words))


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
        return True
    except ValueError:
        return False


def dateline(line: str, order: Optional[str] = None) -> Optional[tuple[str, str]]:
    """A line that is a printed date (plus time, "By ..." and labels): (iso, evidence). A meta line
    of parts ("Ann Lee | TNN | Apr 7, 2020, 15:43 IST") is a dateline when one part is. ``order``
    ("dmy" or "mdy", from ``slash_order``) reads a slashed date either way could read ("03/08/2025")."""
    if not _YEAR_RUN.search(line):
        return None         # every date read below has its year: most lines of a page have none
    got = _dateline(line, order)
    if got or not _META_PARTS.search(line):
        return got
    for part in _META_PARTS.split(line):
        got = _dateline(part, order)
        if got:
            return got[0], line.strip()
    return None


_YEAR_RUN = re.compile(r"(?:19|20)\d\d")   # what the year group of _MDY, _DMY, _ISO, _DOTTED, _SLASHED needs
_META_PARTS = re.compile(r"(?<!\s)\s+[|·•—]\s+|(?<!\s)\s+/\s+")  # starts only where a run of spaces begins: linear


def _find_date(line: str, order: Optional[str] = None) -> Optional[tuple[int, int, int, tuple[int, int]]]:
    m = _MDY.search(line) or _DMY.search(line)
    if m and m.group("year"):
        return int(m.group("year")), _month(m.group("mon")), int(m.group("day")), m.span()
    iso_m = _ISO.search(line) or _DOTTED.search(line)
    if iso_m:
        return int(iso_m.group("year")), int(iso_m.group("m")), int(iso_m.group("day")), iso_m.span()
    sl = _SLASHED.search(line)
    if sl:
        a, b = int(sl.group("a")), int(sl.group("b"))
        if a > 12 >= b or a == b or order == "dmy" and max(a, b) <= 12:
            return int(sl.group("year")), b, a, sl.span()
        if b > 12 >= a or order == "mdy" and max(a, b) <= 12:
            return int(sl.group("year")), a, b, sl.span()
    return None


def slash_order(text: str, language: Optional[str] = None) -> Optional[str]:
    """How a page writes its slashed dates, "dmy" or "mdy", when the page itself settles it: its
    slashed (or dashed) dates that read only one way ("19/11/2020") all read that way; else, the text
    is in a language other than English or gives a time in a zone of a country that writes the day
    first ("22:15 IST"): day first; else, a weekday the text reports on
    ("on Sunday") is the weekday of one reading of its first ambiguous date and not of the other
    ("03/08/2025": 3 August a Sunday, 8 March a Saturday). None otherwise."""
    if "/" not in text and "-" not in text:
        return None
    seen, ambiguous = set(), None
    for m in _SLASHED.finditer(text):
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("year"))
        if a > 12 >= b >= 1:
            seen.add("dmy")
        elif b > 12 >= a >= 1:
            seen.add("mdy")
        elif a != b and ambiguous is None and _valid(y, b, a) and _valid(y, a, b):
            ambiguous = (y, a, b)
    if len(seen) == 1:
        return seen.pop()
    if seen or ambiguous is None:
        return None
    if language and language != "en" or _DAY_FIRST_ZONE.search(text):
        return "dmy"        # only English as the US writes it puts the month first before the year
    y, a, b = ambiguous
    said = {d for d, _ in collect_hints(text).report_days}
    dmy, mdy = dt.date(y, b, a).weekday() in said, dt.date(y, a, b).weekday() in said
    return "dmy" if dmy and not mdy else "mdy" if mdy and not dmy else None


def _dateline(line: str, order: Optional[str] = None) -> Optional[tuple[str, str]]:
    found = _find_date(line, order)
    if not found:
        return None
    y, mo, d, span = found
    if not _valid(y, mo, d):
        return None
    rest = line[:span[0]] + " " + line[span[1]:]
    rest = re.sub(r"\bby\b.*$", " ", rest, flags=re.I)       # "By Yonhap", "By Lee Hyo-jin"
    tm = _TIME.search(rest)
    rest = _TIME.sub(" ", rest)
    rest = _DATELINE_WORDS.sub(" ", rest)
    # a sentence that contains a date; a clock time beside it makes a stamp that may name its
    # place and desk ("Alwasat - Cairo Fri 06 Oct 2023, 12:36 AM")
    if len(re.findall(r"[^\W\d_]{2,}", rest)) > (3 if tm else 1):
        return None
    iso = dt.date(y, mo, d).isoformat()
    if tm and re.search(r"\bKST\b", line):
        h, mi = int(tm.group("h")), int(tm.group("mi"))
        ampm = (tm.group("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and h < 12:
            h += 12
        if ampm == "am" and h == 12:
            h = 0
        if h < 24:
            iso = f"{iso}T{h:02d}:{mi:02d}:00+09:00"
    return iso, line.strip()


_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
# a stamp glued to the end of a line: "... borders Wednesday, November 3, 2021 12:00:00 PM"
_STAMP_TAIL = re.compile(
    r"\s(?P<stamp>(?:" + _WEEKDAY + r",?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2}"
    r"(?:st|nd|rd|th)?),?\s+(?:19|20)\d\d(?:,?\s+\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?)?)\s*$", re.I)
_SCRAPER_STAMP = re.compile(r"^\s*date\s+(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b\s*")


def scraper_stamp(text: str) -> Optional[tuple[str, str, str]]:
    """A saved copy opening with the store's " date 2023-02-08": (iso, the words, text after it)."""
    m = _SCRAPER_STAMP.match(text)
    if not m:
        return None
    try:
        dt.date.fromisoformat(m.group("iso"))
    except ValueError:
        return None
    return m.group("iso"), m.group(0).strip(), text[m.end():]


def trailing_stamp(line: str) -> Optional[tuple[str, tuple[str, str]]]:
    """A headline with its date stamp glued on: (the headline, (iso, stamp)). Only a full date with
    a weekday before it or a clock time after it counts, so "Vote set for Nov. 5, 2024" stays whole."""
    if not _YEAR_RUN.search(line):
        return None         # the stamp's year
    m = _STAMP_TAIL.search(line)
    if not m or m.group("stamp")[:1].isdigit() and ":" not in m.group("stamp"):
        return None
    stamp = m.group("stamp")
    if not (re.match(_WEEKDAY, stamp, re.I) or re.search(r"\d:\d\d", stamp)):
        return None
    dl = dateline(stamp)
    head = line[:m.start()].strip()
    if not dl or len(head.split()) < 3:
        return None
    return head, dl


def first_date(text: str) -> Optional[int]:
    """Where the first month-name date in ``text`` starts, or None."""
    found = [m.start() for m in (_MDY.search(text), _DMY.search(text)) if m]
    return min(found) if found else None


def metadata_date(value: Optional[str]) -> Optional[str]:
    """A date given in metadata (JSONL ``published``, HTML meta) -> ISO, or None when unreadable.

    Same parser and plausible-year window as HTML metadata (``html._parse_dt``): a far-future
    or pre-web year is a broken field, and would overflow date arithmetic further on.
    """
    d = _parse_dt(value)
    if d is None:
        return None
    if d.tzinfo is not None or (d.hour, d.minute, d.second) != (0, 0, 0):
        return d.isoformat() if d.tzinfo is not None else d.date().isoformat()
    return d.date().isoformat()


def relative_date(text: str, fetched_at: Optional[str]) -> Optional[tuple[str, str]]:
    """"3 months ago" / "yesterday" against the fetch time; None without a fetch time."""
    if not fetched_at:
        return None
    try:
        fetched = dateparser.parse(fetched_at)
        base = fetched.date()
    except (ValueError, OverflowError, TypeError):
        return None
    m = _RELATIVE.search(text)
    if not m:
        return None
    if m.group("word"):
        delta = relativedelta(days=1 if m.group("word").lower() == "yesterday" else 0)
    else:
        n = m.group("n").lower()
        k = 1 if n in ("a", "an", "one") else int(n)
        unit = m.group("unit").lower()
        if unit in ("second", "minute", "hour"):
            # hours count back from the fetch time, not from its midnight ("3 hours ago" at 10:00 is today)
            day = (fetched - relativedelta(hours=k if unit == "hour" else 0)).date()
            return (day.isoformat(), m.group(0)) if day.year >= 1990 else None
        else:
            if k > _MAX_AGO[unit]:
                return None
            delta = relativedelta(**{unit + "s": k})
    try:
        day = base - delta
    except (ValueError, OverflowError):       # a fetch time near the calendar's ends
        return None
    return (day.isoformat(), m.group(0)) if day.year >= 1990 else None


def relative_phrase(line: str) -> bool:
    # every match holds "ago", "today" or "yesterday" (case-blind: a line with a character that
    # folds onto an ASCII letter, as "ſ" onto "s", is searched whatever it holds)
    low = line.lower()
    if "ago" not in low and "today" not in low and "yesterday" not in low and \
            (line.isascii() or not any(c in line for c in "\u0130\u0131\u017f\u212a")):
        return False
    return bool(_RELATIVE.search(line))


def collect_hints(text: str, captions: tuple[str, ...] | list[str] = ()) -> DateHints:
    """Month-day mentions and weekday mentions, sentence by sentence.

    Captions count for dates ("a satellite image taken Oct. 18") but not for years: file photos
    carry old years.
    """
    hints = DateHints()
    hints.body_mentions = _collect(text, hints)
    for y, *_ in hints.body_mentions:
        if y:
            hints.body_years.append(y)
    for cap in captions:
        found = _collect(cap, hints, in_body=False)
        # a caption date with a year is a file photo's: it says nothing of the article's day
        keep = [k for k, m in enumerate(hints.mentions) if not (m in found and m[0])]
        hints.mentions = [hints.mentions[k] for k in keep]
        hints.mention_paras = [hints.mention_paras[k] for k in keep]
    return hints


# How far back _before looks for its words: past any real sentence's few words, short enough that
# a line of thousands of dates costs linear time.
_BEFORE_MAX = 4096


def _before(text: str, pos: int, words: int = 9) -> str:
    """The few words before ``pos`` in the same paragraph (abbreviations make sentence splits unsafe).

    Reads back from ``pos`` in a growing window (not from the line's start: one long line with many
    dates would be read again for each), stopping at the line's start or past ``words`` words."""
    k = 256
    while True:
        lo = max(0, pos - k)
        nl = text.rfind("\n", lo, pos)
        start = nl + 1 if nl >= 0 else lo
        toks = text[start:pos].split()
        # more than ``words`` words: the first, maybe cut by the window, is not among those kept
        if nl >= 0 or lo == 0 or len(toks) > words or k >= _BEFORE_MAX:
            return " ".join(toks[-words:])
        k *= 4


def _collect(text: str, hints: DateHints, in_body: bool = True) -> list[tuple[Optional[int], int, int, str]]:
    before = len(hints.mentions)
    breaks = [m.end() for m in re.finditer("\n\n", text)] if in_body else []

    def para(pos: int) -> Optional[int]:
        # paragraph breaks wholly before pos (str.count's non-overlapping left-to-right count)
        return bisect.bisect_right(breaks, pos) if in_body else None

    for rx in (_MDY, _DMY):
        for m in rx.finditer(text):
            mo, d = _month(m.group("mon")), int(m.group("day"))
            y = int(m.group("year")) if m.group("year") else None
            if not _valid(y or 2000, mo, d) or _FUTURE.search(_before(text, m.start(), 6)):
                continue               # "will be held on Nov. 5" is no lower bound for today
            if y is None and m.group("mon").lower().rstrip(".") not in MONTHS:
                continue               # another language's month with no year: "Mars 2", "mart 3" in English prose
            hints.mentions.append((y, mo, d, m.group(0)))
            hints.mention_paras.append(para(m.start()))
    for m in _weekday_mentions(text):
        pre = (m.group("pre") or "").strip().lower()
        wd = WEEKDAYS[m.group("wd").lower()]
        words = m.group(0).strip()
        if pre in ("last", "previous", "past"):
            continue                        # a day of the week before: says nothing of today
        # a future verb close before the day ("will visit ... on Monday") makes it a coming day
        near = _before(text, m.start("wd"))
        if pre in ("by", "until", "till", "next", "coming", "before") or (pre != "later" and _FUTURE.search(near)):
            hints.future_days.append((wd, words))
        else:
            hints.report_days.append((wd, words))
            hints.report_paras.append(para(m.start()))
    return hints.mentions[before:]


_WEEKDAY_MENTION = re.compile(r"\b(?P<pre>\w+\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_WEEKDAY_NAME = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_WORD_CHAR = re.compile(r"\w")


def _weekday_mentions(text: str) -> Iterator[re.Match]:
    """``_WEEKDAY_MENTION.finditer(text)``, searched from the word before each weekday name (a match
    is the name, or one word and white space before it) instead of trying every word of the text."""
    end = 0
    for w in _WEEKDAY_NAME.finditer(text):
        if w.start() < end:
            continue
        lo = w.start()
        while lo > end and text[lo - 1].isspace():      # str.isspace is re's \s
            lo -= 1
        if lo < w.start():
            while lo > end and _WORD_CHAR.match(text, lo - 1):
                lo -= 1
        m = _WEEKDAY_MENTION.search(text, lo)
        if m is not None:
            yield m
            end = m.end()


def guess_date(hints: DateHints) -> Optional[tuple[str, str]]:
    """The first reporting weekday on or after the latest year-date in the text: a hint kept for
    the reader when nothing settles the week, never a publication date. (iso, evidence)"""
    wd = publication_weekday(hints)
    dated = [dt.date(y, mo, d) for y, mo, d, _ in hints.mentions if y and _valid(y, mo, d)]
    if wd is None or not dated:
        return None
    latest = max(dated)
    day = latest + dt.timedelta(days=(wd[0] - latest.weekday()) % 7)
    words = ", ".join(sorted({w for _, w in hints.report_days}))
    return day.isoformat(), f"{words}; on or after {latest.isoformat()}, the latest date in the text"


def publication_weekday(hints: DateHints) -> Optional[tuple[int, int]]:
    """(weekday of the report, days after it that the article was written) from the weekday mentions.

    The report day is the mentioned weekday that has all other mentioned days within the six days
    before it ("On Friday ... announced" + "Later Monday" -> Monday). When the text also names a
    coming weekday after it ("by Monday"), the article is from a day in between.
    """
    days = sorted({d for d, _ in hints.report_days})
    if not days:
        return None
    best = min(days, key=lambda w: (max((w - o) % 7 for o in days), -w))
    after = 0
    fut = {d for d, _ in hints.future_days}
    if fut and best not in fut and min((f - best) % 7 for f in fut) >= 2:
        after = 1
    return best, after


# An undated article of the story is taken to lie within this many days of its dated siblings:
# enough for the slow tail of a story, short enough that a year-less "4 October" fits one year only.
WINDOW_MARGIN_DAYS = 60


@dataclass(frozen=True)
class CorpusDates:
    """Publication dates of sibling articles, summarised once per run (not once per article)."""

    center: dt.date            # middle of the densest group of dates
    newest: dt.date            # newest date of that group
    years: frozenset[int]
    first: Optional[dt.date] = None    # oldest and newest of all sibling dates
    last: Optional[dt.date] = None

    @classmethod
    def of(cls, refs: list[dt.date]) -> Optional["CorpusDates"]:
        if not refs:
            return None
        days = sorted(r.toordinal() for r in refs)
        # densest 61-day window (two-pointer sweep): one far-off article cannot pull the centre
        best, lo_best, hi_best, lo = 0, 0, 0, 0
        for hi in range(len(days)):
            while days[hi] - days[lo] > 60:
                lo += 1
            if hi - lo + 1 > best:
                best, lo_best, hi_best = hi - lo + 1, lo, hi
        group = days[lo_best:hi_best + 1]
        return cls(center=dt.date.fromordinal(group[(len(group) - 1) // 2]),
                   newest=dt.date.fromordinal(group[-1]), years=frozenset(r.year for r in refs),
                   first=dt.date.fromordinal(days[0]), last=dt.date.fromordinal(days[-1]))

    def window(self, margin: int = WINDOW_MARGIN_DAYS) -> tuple[dt.date, dt.date]:
        """Where an undated sibling's publication plausibly lies: the siblings' span, widened."""
        first, last = self.first or self.center, self.last or self.newest
        # (clamped: a stored date near the calendar's ends must not overflow)
        return (first - dt.timedelta(days=min(margin, (first - dt.date.min).days)),
                last + dt.timedelta(days=min(margin, (dt.date.max - last).days)))


def _resolve_year(mo: int, d: int, corpus: Optional[CorpusDates], text_years: list[int]) -> Optional[int]:
    if corpus:
        # the plausible window of page dates (as for metadata): a broken sibling date near the
        # calendar's end gives no year
        years = {y + k for y in corpus.years for k in (-1, 0, 1)
                 if 1990 <= y + k <= dt.date.today().year + 1 and _valid(y + k, mo, d)}
        return min(years, key=lambda y: (abs((dt.date(y, mo, d) - corpus.center).days), -y)) if years else None
    return max(text_years) if text_years else None


def infer_date(hints: DateHints, refs: "Optional[list[dt.date] | CorpusDates]" = None) -> Optional[tuple[str, str, str]]:
    """Work out the publication day from weekdays and dates in the text.

    ``refs`` are publication dates of sibling articles of the same run: they supply a year the
    text does not print (basis "corpus") and choose the week when the text alone leaves it open.
    Returns (iso date, basis, evidence) or None.
    """
    try:
        return _infer_date(hints, refs)
    except (OverflowError, ValueError):
        # a reference date near the calendar's ends (a ledger stored before dates were capped)
        return None


def _infer_date(hints: DateHints, refs: "Optional[list[dt.date] | CorpusDates]") -> Optional[tuple[str, str, str]]:
    """A day only when the text's own calendar settles it: a printed date whose weekday the text
    also names as a day of reporting ("On Friday ... Oct. 18", Oct. 18 a Friday) anchors the week,
    and the report day is the latest reporting weekday within six days after it. Siblings may give
    the year of a month-day (the weekday then confirms it); they never choose a week."""
    corpus = refs if isinstance(refs, CorpusDates) else CorpusDates.of(list(refs or []))
    wd = publication_weekday(hints)
    if wd is None:
        return None
    weekday, after = wd
    used_corpus = False
    dates: list[tuple[dt.date, str, Optional[int]]] = []
    for (y, mo, d, words), where in zip(hints.mentions, hints.mention_paras):
        if y is None:
            y = _resolve_year(mo, d, corpus, hints.body_years)
            if y is None:
                return None         # a date we cannot place may be the latest: wait for the corpus
            used_corpus = used_corpus or corpus is not None
        dates.append((dt.date(y, mo, d), words, where))
    told = {(w, p) for (w, _), p in zip(hints.report_days, hints.report_paras) if p is not None}
    days = {w for w, _ in hints.report_days}
    # a weekday anchors a date told in its paragraph, or a news photo's day (a caption date
    # without a year: file photos print theirs) that the body names as a day of reporting
    anchored = [(d, w) for d, w, p in dates if (d.weekday(), p) in told or (p is None and d.weekday() in days
                                                                           and not _has_year(w))]
    if not anchored:
        return None
    anchor, anchor_words = max(anchored)
    day = anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)
    if max(d for d, _, _ in dates) > day:
        return None                 # the text reports a later day than its report day: unsettled
    day += dt.timedelta(days=after)
    wd_words = ", ".join(sorted({w for _, w in hints.report_days}))
    basis = "corpus" if used_corpus else "inferred"
    return day.isoformat(), basis, f"{wd_words}; latest date in text: {anchor_words}"


def _mon(name: str) -> str:
    return _MON.replace("(?P<mon>", f"(?P<{name}>")


_TO = r"\s*(?:-|\u2013|\u2014|to|until|through)\s*"
_YR = r"(?:19|20)\d\d"
# a span of days: "27-31 July 2025", "27 July - 2 August 2025", "28 December 2024 - 3 January 2025",
# "July 27-31, 2025", "July 27 - August 2, 2025"
_SPAN_DMY = re.compile(rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+{_mon('m1')}(?:,?\s+(?P<y1>{_YR}))?)?{_TO}"
                       rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_mon('m2')},?\s+(?P<y2>{_YR})\b", re.I)
_SPAN_MDY = re.compile(rf"\b{_mon('m1')}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>{_YR}))?{_TO}"
                       rf"(?:{_mon('m2')}\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>{_YR})\b", re.I)


def period(line: str) -> Optional[tuple[str, str]]:
    """The span of days a report's header line names ("Reporting period: 27-31 July 2025",
    "Epidemiological week 7 (10-16 February 2025)", "Data as of 16 February 2025"): (first, last)
    ISO days; one printed date is a span of one day. None when the line prints no dated day."""
    for rx in (_SPAN_DMY, _SPAN_MDY):
        m = rx.search(line)
        if not m:
            continue
        y2, m2, d2 = int(m.group("y2")), _month(m.group("m2") or m.group("m1") or ""), int(m.group("d2"))
        m1 = _month(m.group("m1")) if m.group("m1") else m2
        y1 = int(m.group("y1")) if m.group("y1") else (y2 - 1 if m1 > m2 else y2)
        d1 = int(m.group("d1"))
        if m1 and m2 and _valid(y1, m1, d1) and _valid(y2, m2, d2) and dt.date(y1, m1, d1) <= dt.date(y2, m2, d2):
            return dt.date(y1, m1, d1).isoformat(), dt.date(y2, m2, d2).isoformat()
    found = _find_date(line)
    if not found or not _valid(*found[:3]):
        return None
    day = dt.date(*found[:3]).isoformat()
    return day, day
