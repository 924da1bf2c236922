"""Language of a text and of single lines (lingua, built once, a restricted language set for speed)."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Optional

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from storyledger.tables import table

# Languages a news corpus about world events is likely to mix in: enough to tell a portal's
# notice from the article, few enough to keep detection fast.
_LANGS = [
    Language.ENGLISH, Language.KOREAN, Language.JAPANESE, Language.CHINESE, Language.RUSSIAN,
    Language.UKRAINIAN, Language.GERMAN, Language.FRENCH, Language.SPANISH, Language.PORTUGUESE,
    Language.ITALIAN, Language.ARABIC, Language.TURKISH, Language.POLISH, Language.DUTCH,
]


@lru_cache(maxsize=1)
def detector() -> LanguageDetector:
    # trigram ("low accuracy") models: a fifth of a second to load instead of seconds, and
    # plenty for telling whole articles and long lines apart
    return (LanguageDetectorBuilder.from_languages(*_LANGS).with_low_accuracy_mode()
            .with_preloaded_language_models().build())


def iso(lang: Optional[Language]) -> Optional[str]:
    return lang.iso_code_639_1.name.lower() if lang is not None else None


def detect(text: str) -> Optional[str]:
    """ISO 639-1 code of the text's language, or None when lingua cannot tell."""
    sample = text[:1200]
    if not any(c.isalpha() for c in sample):
        return None
    if plainly_english(sample):
        return "en"         # lingua's answer on such samples, at a fraction of its cost
    return iso(detector().detect_language_of(sample))


_ENGLISH_MARKERS = table("language").set("english_markers")


def plainly_english(sample: str) -> bool:
    """At least 20 words, letters (nearly) all ASCII, and English function words 12% or more of the
    words: English prose. Other languages' samples stay far below (at most 6% on the public sets;
    tests/test_fast_paths.py checks the answer against lingua's on every sample we have)."""
    words = _TOKEN.findall(sample.lower())
    if len(words) < 20 or sum(w in _ENGLISH_MARKERS for w in words) < 0.12 * len(words):
        return False
    if sample.isascii():
        return True
    letters = _LETTER.findall(sample)
    return sum(c.isascii() for c in letters) >= 0.98 * len(letters)


_LETTER = re.compile(r"[^\W\d_]")
_ASCII_GONE = dict.fromkeys(range(128))   # str.translate table: what is left are the non-ASCII characters
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_TOKEN = re.compile(r"[^\W\d_]+")


def _script_share(line: str) -> float:
    """Share of letters that are Latin: a cheap first cut before asking lingua."""
    if line.isascii() or not _LETTER.search(line.translate(_ASCII_GONE)):
        return 1.0         # every ASCII letter is Latin (and no letters at all counts as 1.0)
    letters = len(_LETTER.findall(line))
    return len(_LATIN.findall(line)) / letters if letters else 1.0


def common_words(text: str, k: int = 30) -> frozenset[str]:
    """The article's most frequent short words: its own function words, in whatever language."""
    counts = Counter(w for w in _TOKEN.findall(text.lower()) if len(w) <= 4)
    # a word seen once or twice may be the foreign line itself, not the article's habit
    return frozenset(w for w, c in counts.most_common(k) if c >= 3)


def is_foreign_line(line: str, article_lang: Optional[str], common: frozenset[str] = frozenset()) -> bool:
    """True when a line is clearly in another language than the article's.

    Names and loanwords make short Latin-script lines unreliable, so a line must either be
    mostly in another script than the article's or be long enough for lingua to be confident.
    """
    if not article_lang:
        return False
    latin = _script_share(line)
    latin_article = article_lang in {"en", "de", "fr", "es", "pt", "it", "tr", "pl", "nl"}
    if latin_article and latin < 0.5:
        return True            # e.g. a Korean portal notice in an English article
    if not latin_article and latin > 0.9 and len(line.split()) >= 4:
        return True
    # lingua's trigram mode reads short Latin lines full of names as another language ("Detroit's
    # Mezcal restaurant ..." as Spanish at 0.999): in the article's own script only long lines count
    if len(line.split()) < (10 if latin_article == (latin >= 0.5) else 6):
        return False
    if len(common.intersection(_TOKEN.findall(line.lower()))) >= 3:
        return False           # uses the article's own function words: same language, no need to ask
    values = detector().compute_language_confidence_values(line)
    if not values:
        return False
    top = values[0]
    return iso(top.language) != article_lang and top.value > 0.9
