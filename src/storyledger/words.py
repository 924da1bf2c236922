"""One place for the small word helpers every stage shares (clean, extract, ledger, views).

The tables behind them are data (``data/calendar.json``, ``data/numbers.json``); this module only
adds the functions: a month/weekday lookup, number words, one singulariser, one name key and one
ISO-date parser. Nothing here imports a stage, so any stage can import it.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache
from typing import Optional

from storyledger.tables import table

_CAL = table("calendar")
_NUM = table("numbers")

MONTHS: dict[str, int] = _CAL.map("months")          # "jan", "january" -> 1
WEEKDAYS: dict[str, int] = _CAL.map("weekdays")      # "monday" -> 0 (datetime.weekday())
CLOCK_WORDS: frozenset[str] = _CAL.set("clock_words")
NUMBER_WORDS: dict[str, int] = _NUM.map("units")     # "one" -> 1, "a dozen" -> 12
SCALE_WORDS: dict[str, int] = _NUM.map("scales")     # "thousand" -> 1000, "bn" -> 1e9
VAGUE_WORDS: frozenset[str] = _NUM.set("vague")      # "thousands": an amount without a value
# one line of a list: a label and its number ("Personnel: 640"); clean keeps such lines under a
# lead-in, the reader gives them the lead-in's tellers
LABELLED_NUMBER = re.compile(r"^[^\W\d_][^\W\d_ '’-]*(?:[ '’-][^\W\d_]+){0,3}:\s*[~≈]?\d[\d,.]*$")


def month_number(word: str) -> Optional[int]:
    """1-12 for a month name or abbreviation ("Sept.", "october"), else None."""
    return MONTHS.get(word.lower().rstrip("."))


def singular(word: str) -> str:
    """The one singulariser: "casualties" -> "casualty", "troops" -> "troop"; "press" stays."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


_WORD = re.compile(r"[^\W_]+", re.UNICODE)


_NAMES = table("names")
ABBREVIATIONS: dict[str, str] = _NAMES.map("abbreviations")   # "U.S." -> "US"
SPELLINGS: dict[str, str] = _NAMES.map("spellings")           # "defence" -> "defense"
STRAIGHT_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)


@lru_cache(maxsize=65536)
def name_key(name: Optional[str], *, keep_punct: bool = False, spelling: bool = False) -> str:
    """The one name key, in named variants for their three uses:

    - default: the words, lowercase, without punctuation or a leading "the" ("The Kyiv Post" ->
      "kyiv post"): how the ledger compares names.
    - ``spelling=True``: the default with one spelling per word and "U.S." as "us" (data/names.json):
      "Ministry of Defence" and "Ministry of Defense" meet.
    - ``keep_punct=True``: the alias index's key: punctuation inside the name kept ("U.S." is not
      "US", "Korea's" not "Korea s"), the ends trimmed, curly quotes straightened, a leading
      the/a/an dropped, case folded.
    """
    if not name:
        return ""
    if keep_punct:
        t = " ".join(name.translate(STRAIGHT_QUOTES).strip().strip(",.;:\"'()").strip().split())
        return _LEADING_ARTICLE.sub("", t).casefold()
    if spelling:
        for abbr, short in ABBREVIATIONS.items():
            name = name.replace(abbr, short)
    words = _WORD.findall(name.lower())
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(SPELLINGS.get(w, w) for w in words) if spelling else " ".join(words)


def line_key(text: str) -> str:
    """Not a name key: a line of text as compared for repeats (a title printed again, a caption
    twice, a copied body): NFKC, straight quotes and dashes, folded case and whitespace."""
    if text.isascii():      # NFKC and the quote/dash table change no ASCII character
        return " ".join(text.split()).lower()
    t = unicodedata.normalize("NFKC", text)
    for a, b in _LINE_CHARS:    # str.replace per character: translate() with a table is far slower
        if a in t:
            t = t.replace(a, b)
    return " ".join(t.split()).casefold()


_LINE_CHARS = (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'), ("—", "-"), ("–", "-"), ("\u00a0", " "))


def parse_iso_date(text: Optional[str]) -> Optional[dt.date]:
    """The date of an ISO string ("2024-10-18", "2024-10-18T09:00:00+09:00"); None when absent or bad."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


_REPORTS = table("periods")
ISSUER_HEADS = _REPORTS.set("issuer_heads")
_NEWSROOM = _REPORTS.set("newsroom_words")
_NAME_GLUE = frozenset({"of", "and", "for", "the", "on", "in", "&", "de", "du", "des", "la", "le", "del"})
REPORT_KIND = re.compile(r"\b(?:" + "|".join(sorted((re.escape(w) for w in _REPORTS.set("report_kinds")),
                                                     key=len, reverse=True)) + r")\b", re.I)


def institution_name(text: Optional[str]) -> Optional[str]:
    """The name, when ``text`` is only an institution's name ("Ministry of Health and Social
    Protection", "Coastal Relief Network"): capitalised words of a name, one of them an
    institution's head word, none a newsroom's ("Cable News Network" is an outlet). None for a
    person's name, a sentence or a newsroom."""
    name = " ".join((text or "").split()).strip(" .,;:")
    words = name.split()
    if not 2 <= len(words) <= 12 or any(ch.isdigit() for ch in name):
        return None
    if not all(w[:1].isupper() or w.lower() in _NAME_GLUE for w in words) or words[0].lower() in _NAME_GLUE - {"the"}:
        return None
    low = [w.lower().strip("'’().,") for w in words]
    if not any(w in ISSUER_HEADS for w in low) or any(w in _NEWSROOM for w in low):
        return None
    return name
