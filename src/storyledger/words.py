"""One place for the small word helpers every stage shares (clean, extract, ledger, views).

The tables behind them are data (``data/calendar.json``, ``data/numbers.json``); this module only
adds the functions: a month/weekday lookup, number words, one singulariser, one name key and one
ISO-date parser. Nothing here imports a stage, so any stage can import it.
"""
from __future__ import annotations

import datetime as dt
import re
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


def month_number(word: str) -> Optional[int]:
    """1-12 for a month name or abbreviation ("Sept.", "october"), else None."""
    return MONTHS.get(word.lower().rstrip("."))


def singular(word: str) -> str:
    """The one singulariser: "casualties" -> "casualty", "troops" -> "troop"; "press" stays."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@lru_cache(maxsize=65536)
def name_key(name: Optional[str]) -> str:
    """The one name key: lowercase words, no leading article ("The Kyiv Post" -> "kyiv post")."""
    if not name:
        return ""
    words = _WORD.findall(name.lower())
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def parse_iso_date(text: Optional[str]) -> Optional[dt.date]:
    """The date of an ISO string ("2024-10-18", "2024-10-18T09:00:00+09:00"); None when absent or bad."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None
