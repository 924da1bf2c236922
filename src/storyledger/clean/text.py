"""Plain-text page dumps -> title, byline, captions, body without page furniture.

General rules on the shape of lines, never lists of one site's strings: a dump is a run of
lines; widgets and menus are short lines without sentence punctuation, bullet runs, or lines in
another language; legal lines have a small set of telltale words; captions describe a photo or
are printed twice in a row.
"""
from __future__ import annotations

import json
import re
import re._constants as _sre_op
import re._parser as _sre
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Optional
from urllib.parse import unquote, urlparse

from storyledger.clean import dates
from storyledger.clean.language import common_words, detect, is_foreign_line
from storyledger import grids
from storyledger.words import ISSUER_HEADS, LABELLED_NUMBER, REPORT_KIND, institution_name, line_key
from storyledger.tables import table

_LITERAL, _SUBPATTERN, _BRANCH = _sre_op.LITERAL, _sre_op.SUBPATTERN, _sre_op.BRANCH
_REPEATS = (_sre_op.MAX_REPEAT, _sre_op.MIN_REPEAT, _sre_op.POSSESSIVE_REPEAT)

_BULLET = re.compile(r"^\s*(?:[-–—•·▪◦●○■□▶►▸›»*+]|\d{1,2}[.)])\s+")
# full stops of the scripts a world-news corpus mixes in: Latin, CJK, Armenian ։, Devanagari ।, Arabic ؟ and Urdu ۔
_TERMINAL_RX = re.compile(r"[.!?。…։।؟۔][\"'”’)\]]*\s*$|[\"”’]\s*$|\)\s*$")
_CLOSERS = "\"'”’)]"
_COPYRIGHT = re.compile(r"(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*)?(?P<name>[^.|,]+)", re.I)
_ORG_WORDS = re.compile(r"\b(?:news|newswire|wire|desk|staff|agency|press|service|reporters?|editors?|bureau|times|post|daily)\b", re.I)
_WIRE_WORDS = re.compile(r"\b(?:newswire|wire service|news agency|press agency|presse)\b", re.I)
_PLAIN_BYLINE = re.compile(r"^(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})(?:\s*,\s*[A-Z][\w .'-]{1,30}|\s+in\s+[A-Z][\w .'-]{1,30})?$")
_LEAD_CREDIT = re.compile(r"^[A-Z][A-Z .'-]{2,30}(?:,\s*[^()]{1,20})?\s*\((?P<wire>[^()]{2,30})\)\s*(?:--|—|–|-)")
_SOURCE_DOMAIN = re.compile(r"^\s*source\s*:\s*(?:https?://)?(?:www\.)?(?P<dom>[\w-]+(?:\.[\w-]+)+)", re.I)
# the lookbehinds start a match only where a run begins: without them each position of a long
# run of word characters or spaces is tried again (quadratic in line length)
_EMAIL = re.compile(r"(?:[\[(<]\s*)?(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*[\])>]?")
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
# "By Ann Lee." signs with a full stop; "By Monday." / "by then." do not: two capitalised words
_SIGNED = re.compile(r"[A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*\.?)+\s*$")
_BYLINE = re.compile(rf"^\s*(?:[-–—=*]{{2,}}\s*)?by\s+(?P<names>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)\s*[,;]?\s*$", re.I)
_COUNTER = re.compile(r"^[\d\s,.|·•:/kKmM]+$|^\s*\d+\s*(?:min(?:ute)?s?)\.?\s+read\s*$|^\s*\d[\d,.]*\s*(?:views?|comments?|likes?|shares?)\s*$", re.I)
_CAPTION_RX = re.compile(
    r"^\s*(?:(?:this|these|a|an|the)\s+)?(?:\w+\s+){0,2}(?:photo|image|picture|handout|screenshot|screen grab|"
    r"satellite image|file photo|video grab)s?\b.{0,200}?\b(?:shows?|showing|taken|released|provided)\b|"
    r"\bin this (?:\w+\s+)?(?:photo|image|picture|handout|screenshot)\b|"
    r"\bin an? (?:\w+\s+)?(?:photo|image|picture|handout|screenshot)s? (?:released|provided|distributed|carried|taken)\b|"
    r"\b(?:photo|image|picture|foto)s?\s*(?::|by\b|courtesy\b)|^\s*(?:photo|image|picture)\s+caption\s*[,:]|"
    r"\((?:photo|image)s?\b[^)]*\)\s*$|^\s*(?:file|handout)\s+photo\b|"
    # a photo credit closing the line: "(Saul Loeb/AFP/Getty Images)", "[Abdulaziz Almnsori/AP Photo]"
    r"[(\[][^()\[\]]{0,60}\b(?:getty images|ap photo|afp|reuters|epa|shutterstock|[A-Z][\w.-]+/[A-Z][\w.-]+)[^()\[\]]{0,40}[)\]]\s*$",
    re.I)


class Gated:
    """A compiled pattern with a cheap literal gate. The literal strings every match must contain
    are read off the pattern's parse; a line that lacks them (in lower case) cannot match and is
    not searched. Long alternations of phrases behind ``\\b`` are slow in ``re`` (each
    alternative is tried at each position); the gate is a few substring tests. ``search``
    answers exactly as the pattern's own. ``gate``: a simpler pattern every match holds a match
    of, for a pattern whose literals cannot say (``_NAV``: a separator or two spaces)."""

    def __init__(self, rx: re.Pattern, gate: Optional[re.Pattern] = None) -> None:
        self.rx, self.gate = rx, gate
        tree = list(_sre.parse(rx.pattern, rx.flags))
        arms = [list(arm) for arm in tree[0][1][1]] if len(tree) == 1 and tree[0][0] is _BRANCH else [tree]
        need = [_required(arm) for arm in arms]
        # one string of each arm's most selective group: a match of any arm holds one of them
        self.needles: Optional[tuple[str, ...]] = tuple(sorted(
            {n for arm in need for n in max(arm, key=_selective)})) if all(need) else None

    def search(self, s: str) -> Optional[re.Match]:
        if self.gate is not None and not self.gate.search(s):
            return None
        if self.needles is not None and (s.isascii() or not any(c in s for c in _CASE_TRAPS)):
            low = s.lower()
            if not any(n in low for n in self.needles):
                return None
        return self.rx.search(s)


def _required(items: list) -> list[set[str]]:
    """Groups of literal strings (lower case) a match of a parsed sequence contains one of each.

    A run of literal characters is a group; so are the groups of a group or of a repeat made at
    least once; a branch gives one group when every arm has one (each arm's most selective).
    Anything else only ends a run: the gate may let more lines through, never fewer.
    """
    groups: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _LITERAL and _literal_ok(av):
            run.append(chr(av).lower())
            continue
        if run:
            groups.append({"".join(run)})
            run = []
        if op is _SUBPATTERN:
            groups += _required(list(av[-1]))
        elif op in _REPEATS and av[0] >= 1:
            groups += _required(list(av[2]))
        elif op is _BRANCH:
            arms = [_required(list(arm)) for arm in av[1]]
            if all(arms):
                groups.append(set().union(*(max(a, key=_selective) for a in arms)))
    if run:
        groups.append({"".join(run)})
    return groups


# The only characters ``re.I`` takes for an ASCII letter (İ ı ſ K, found by trying every code
# point): a line holding one is searched without the gate. Otherwise a line's ASCII letters
# matched case-blind are its lower-case letters, and a caseless character (©, Hangul) is itself.
_CASE_TRAPS = "\u0130\u0131\u017f\u212a"


def _selective(group: set[str]) -> int:
    """How rarely a line holds one of the group's strings, roughly: the shortest one's letters."""
    return min(len(n.strip()) for n in group)


def _literal_ok(code: int) -> bool:
    """A literal the gate may look for in the lower-cased line: ASCII, or caseless (©, 무)."""
    c = chr(code)
    return code < 128 or (c.lower() == c == c.upper() and c not in _CASE_TRAPS)


# navigation: "World | Asia | Defense", "Site > Section", "News  War  Politics", "[Share] [Post]"
_NAV_RX = re.compile(r"\S\s*(?:\||›|»|>|·)\s*\S|\w\s{2,}\w.*\w\s{2,}\w|^\s*\[[^\]]{1,20}\](?:\s*\[[^\]]{1,20}\])+\s*$")
_NAV = Gated(_NAV_RX, gate=re.compile(r"[|›»>·\[]|\s\s"))
_CAPTION = Gated(_CAPTION_RX)


class _Terminal:
    """``_TERMINAL_RX.search`` from where a match can start: a terminal mark, closing marks, then only
    white space. (Searched from the line's start, every position of a long line was tried.)"""

    rx = _TERMINAL_RX

    def search(self, s: str) -> Optional[re.Match]:
        body = s.rstrip().rstrip(_CLOSERS)       # str.isspace is re's \s, character for character
        return _TERMINAL_RX.search(s, max(len(body) - 1, 0))


_TERMINAL = _Terminal()


@lru_cache(maxsize=1)
def furniture_table() -> dict:
    """Furniture phrases (data/furniture.json), loaded once."""
    return json.loads(resources.files("storyledger").joinpath("data/furniture.json").read_text(encoding="utf-8"))


def _alternation(key: str) -> str:
    return "|".join(furniture_table()[key])


# ordinary page furniture, the whole line: ad slots, share/comment widgets, sign-up boxes, list
# headers; a label with a colon before a teaser ("Watch: ..."); a photo credit line; a wire's
# closing credits ("Reporting by ...; Editing by ...")
_FURNITURE = re.compile(
    rf"^(?:{_alternation('whole_line')})\s*:?\s*$|"
    rf"^(?:{_alternation('label_teaser')})\s*[:|]\s+[^.!?]*$|"
    r"^(?:image|photo|picture)\s+(?:source|credit)s?\s*[,:]|"
    r"^(?:additional\s+)?(?:reporting|writing|editing|compiled|produced)\s+by\b[^.!?]*$",
    re.I)
# prompts of the site inside a short line: donation appeals, newsletter and app prompts, comment
# forms, paywall notices, ad-slot sizes
_APPEAL = Gated(re.compile(_alternation("appeals"), re.I))
_LEGAL = Gated(re.compile(_alternation("legal"), re.I))
_NOT_HEADLINE = Gated(re.compile(_alternation("not_headline"), re.I))
_BANNER = Gated(re.compile(_alternation("banners"), re.I))
_BODY_ONLY = Gated(re.compile(_alternation("body_only"), re.I))
_SUMMARY_LABEL = re.compile(rf"^\s*(?:{_alternation('summary_labels')})\s*:?\s*$", re.I)
_PUBLISHED_LABEL = re.compile(r"\b(?:published|posted|updated|first published|last updated)\b", re.I)
_UPDATED_LABEL = re.compile(r"\b(?:updated|modified)\b", re.I)
_CAPTION_LABEL = re.compile(r"^\s*(?:photo|image|picture)\s+caption\s*[,:]\s*", re.I)
# company words after a masthead in a copyright holder's name
_HOLDER_WORD = re.compile(r"(?<!\s)\s+(?:media|group|holdings|publishing|publications|publishers|company|corporation|"
                          r"limited|plc|gmbh|ag|s\.a\.?)$", re.I)
# a desk or staff credit names the outlet itself: "Kestrel News Desk", "Harbor Ledger Staff"
_DESK = re.compile(r"^(?P<org>.+?)(?<!\s)\s+(?:newsdesk|desk|staff|newsroom|editors)$", re.I)
# parts of a meta line: "3 days ago · Kestrel News Desk · 4 min read"
_META_SEP = re.compile(r"(?<!\s)\s+[·•|]\s+")
_WIRE_TAIL = re.compile(r"\(?\b(?P<wire>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})\)?\s*$")

_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,200})?/?>")
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“A-Z0-9])")

_KOREAN_SYLLABLE = re.compile(
    r"^(?:g|k|kk|n|d|t|tt|r|l|m|b|p|pp|s|ss|j|jj|ch|h)?"
    r"(?:a|ae|ya|yae|eo|e|yeo|ye|o|wa|wae|oe|yo|u|wo|we|wi|yu|eu|ui|i)(?:k|n|t|l|m|p|ng)?$")


@lru_cache(maxsize=1)
def outlet_table() -> dict:
    return json.loads(resources.files("storyledger").joinpath("data/outlets.json").read_text(encoding="utf-8"))


def outlet_for_domain(domain: str) -> str:
    """Canonical outlet for a web domain; unknown domains stand for themselves."""
    dom = domain.lower().removeprefix("www.")
    table = outlet_table()["domains"]
    parts = dom.split(".")
    for i in range(len(parts) - 1):
        cand = ".".join(parts[i:])
        if cand in table:
            return table[cand]
    return dom


def outlet_for_name(name: str, holder: bool = False) -> Optional[str]:
    """Canonical outlet for a printed name (any language); the name itself when unknown.

    ``holder``: the name is a copyright holder, a company ("Meridian Daily Media Ltd"); its
    trailing company words are dropped to leave the masthead ("Meridian Daily").
    """
    key = " ".join(name.replace("Co., Ltd", "").split()).strip(" .,-").casefold()
    key = re.split(r"\s+(?:or|and) its\s", key)[0]
    key = re.sub(r"\s*(?:co\.?,?\s*ltd\.?|ltd\.?|inc\.?|llc|corp\.?|all rights reserved\.?)$", "", key).strip(" .,")
    if not key:
        return None
    names = outlet_table()["names"]
    if key in names:
        return names[key]
    while holder and len(key.split()) > 2 and _HOLDER_WORD.search(key) and key not in names:
        key = _HOLDER_WORD.sub("", key).strip(" .,")
    if key in names:
        return names[key]
    if "." in key and " " not in key:
        return outlet_for_domain(key)
    if len(key.split()) > 6 or not re.search(r"\w", key):
        return None
    words = " ".join(name.split()).strip(" .,").split()[: len(key.split())]
    return " ".join(words)


def wire_name(text: str) -> Optional[str]:
    """Canonical wire for a credit ("Yonhap", "The Associated Press"), else None."""
    t = text.strip(" ()[].,").casefold()
    for canon, aliases in outlet_table()["wires"].items():
        if any(t == a.casefold() for a in aliases):
            return canon
    return None


def abbreviation_fits(short: str, long: str) -> bool:
    """Schwartz & Hearst (2003): the short form's letters occur in order in the long form, read
    right to left, with its first letter starting the long form ("PNW" fits "Pacific Newswire")."""
    letters = [c for c in short.casefold() if c.isalnum()]
    text = long.casefold()
    if len(letters) < 2 or not text or text[0] != letters[0] or len(long.split()) > len(letters) + 2:
        return False
    j = len(text) - 1
    for i in range(len(letters) - 1, -1, -1):
        while j >= 0 and (text[j] != letters[i] or (i == 0 and j > 0 and text[j - 1].isalnum())):
            j -= 1
        if j < 0:
            return False
        j -= 1
    return True


def expand_abbreviation(short: str, text: str, names: tuple[Optional[str], ...] | list[Optional[str]] = ()
                        ) -> Optional[str]:
    """The long form of ``short``: defined in the text as "Name (ABBR)", else a name the same
    document prints elsewhere (its outlet, a byline credit) that the abbreviation fits."""
    short = short.strip()
    if not re.fullmatch(r"[A-Z][A-Za-z0-9&.-]{1,9}", short) or not any(c.isupper() for c in short[1:]):
        return None
    for m in re.finditer(rf"((?:[A-Z][\w'’&.-]*\s+){{1,6}})\({re.escape(short)}\)", text):
        words = m.group(1).split()
        for k in range(1, len(words) + 1):     # the shortest run of capitalised words it fits
            cand = " ".join(words[-k:])
            if abbreviation_fits(short, cand):
                return cand
    for name in names:
        if name and abbreviation_fits(short, name):
            return name
    return None


def person_name(raw: str) -> str:
    """"SEO JI-EUN" -> "Seo Ji-eun"; mixed-case names are kept as printed."""
    raw = " ".join(_EMAIL.sub(" ", raw).split()).strip(" ,;")
    if not raw.isupper():
        return raw
    out = []
    for tok in raw.split():
        parts = tok.lower().split("-")
        if len(parts) > 1 and all(_KOREAN_SYLLABLE.match(p) for p in parts):
            out.append(parts[0].capitalize() + "-" + "-".join(parts[1:]))   # Korean given names
        else:
            out.append("-".join(p.title() for p in parts))
    return " ".join(out)


def _credit(names: str, out: "Parsed") -> None:
    """A byline's names: people go to authors; a wire ("Yonhap", "Pacific Newswire") to agency."""
    if REPORT_KIND.fullmatch(names.strip()):
        return      # "FOR IMMEDIATE RELEASE" over a release's date is its kind, not its author
    w = wire_name(names) or (" ".join(names.split()) if _WIRE_WORDS.search(names) else None)
    desk = _DESK.match(" ".join(names.split()))
    if w:
        out.agency = out.agency or w
    elif desk and _words(desk.group("org")) <= 5:
        out.outlet = out.outlet or outlet_for_name(desk.group("org"))
    elif not _ORG_WORDS.search(names) and not out.authors:
        out.authors = _split_names(names)


def _split_names(names: str) -> list[str]:
    return [person_name(n) for n in re.split(r"\s*(?:[,;]|\band\b|&)\s*", names) if n.strip()]


@dataclass
class Unit:
    text: str
    block: int
    indented: bool
    keep: bool = True
    why: str = ""


@dataclass
class Parsed:
    title: Optional[str] = None
    authors: list[str] = field(default_factory=list)
    agency: Optional[str] = None
    outlet: Optional[str] = None
    language: Optional[str] = None
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    dateline: Optional[tuple[str, str]] = None        # (iso, evidence)
    datelines: list[tuple[int, tuple[str, str]]] = field(default_factory=list)   # (line, dateline)
    relative: Optional[str] = None                     # "3 months ago"
    stamp: Optional[tuple[str, str]] = None            # the store's " date 2023-02-08" opening the file
    head_datelines: list[tuple[str, str]] = field(default_factory=list)    # printed under the headline
    above_datelines: list[tuple[str, str]] = field(default_factory=list)   # printed above it
    period: Optional[tuple[str, str, str]] = None      # a report's span: (first, last, the line)


def _units(text: str) -> list[Unit]:
    units, block = [], 0
    for line in text.split("\n"):
        if not line.strip():
            block += 1
            continue
        # a scraper's copy may keep stray markup ("<p>A caption</p>"): the words stay, the tags go
        stripped = _TAG.sub("", line.replace("\u00a0", " ")).strip()
        if not stripped:
            continue
        units.append(Unit(stripped, block, indented=line[:1] in (" ", "\t")))
    return units


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")


@lru_cache(maxsize=4096)
def _words(s: str) -> int:
    """Words; Chinese and Japanese put no spaces between words, so two of their characters count
    as one (as clean._size does), and Korean syllables likewise. (Kept for the page being parsed.)"""
    if s.isascii() or not _CJK.search(s):
        return len(_WORD.findall(s))     # (curly quotes and dashes make most lines non-ASCII)
    cjk = len(_CJK.findall(s))
    return len(_WORD.findall(_CJK.sub(" ", s))) + cjk // 2


def _sentence_like(s: str, min_words: int = 6) -> bool:
    return _words(s) >= min_words and (bool(_TERMINAL.search(s)) or _unmarked_script(s))


# Thai, Lao and Khmer prose ends its sentences with a space, not a mark
_UNMARKED = re.compile(r"[\u0e00-\u0eff\u1780-\u17ff]")


def _unmarked_script(s: str) -> bool:
    """Mostly letters of a script that marks no sentence end (its prose passes for sentences)."""
    if s.isascii():
        return False
    marked = len(_UNMARKED.findall(s))
    return marked >= 20 and 2 * marked >= sum(c.isalpha() for c in s)


def _cut_prose(s: str) -> bool:
    """A paragraph a saved copy cut off mid-word: twenty words or more with a sentence ended inside,
    or one long sentence of running prose (mostly lower-case words, unlike a list of Title Case
    headlines) that stops on a letter."""
    if _words(s) < 20:
        return False
    if re.search(r"[.!?。։][\"”’)]?\s+\S", s):
        return True
    words = re.findall(r"[^\W\d_][\w'’-]*", s)
    lower = sum(1 for w in words if w[0].islower())
    return s.rstrip()[-1:].isalpha() and lower >= 0.6 * max(len(words), 1)


def _headline_like(s: str, first: bool = False) -> bool:
    """Three words or more (two will do for the very first line of the file), not a sentence of body,
    not a control or a glued run of links."""
    n = _words(s)
    if n < (2 if first else 3) or n > 40 or len(s) > 300 or _BULLET.match(s) or _CAPTION.search(s) \
            or _NOT_HEADLINE.search(s) or _control_line(s) or _glued_links(s):
        return False
    return not s.rstrip().endswith(":") and not (n > 20 and s.rstrip().endswith("."))


_LOWER_WORD = re.compile(r"[^\W\d_]+")
# where one link's text runs into the next without a space: "AktuellRezension", "*AlgeriaBahrain"
_GLUE = re.compile(r"(?<=[a-z\u00df-\u00ff]{3})[A-Z\u00c0-\u00de](?=[a-z\u00df-\u00ff]{2})")


def _control_line(s: str) -> bool:
    """A page's controls read out ("Close this search box.", "pause play Hide Box Show Box"): two
    words or more, each a control word of data/furniture.json or one of its small fillers."""
    words = [w.lower() for w in _LOWER_WORD.findall(s)]
    table = furniture_table()
    controls = [w for w in words if w in table["controls"]]
    return len(controls) >= 2 and all(w in table["controls"] or w in table["control_fillers"] for w in words)


def _glued_links(s: str) -> bool:
    """A menu whose links a copy glued together: two joins of a lower-case run and a capitalised
    word (one is a name as "JavaScript" or a byline glued to its date)."""
    return len(_GLUE.findall(s)) >= 2


@dataclass
class _Page:
    """The state the passes of ``parse_text`` share: the lines and what has been read so far."""

    units: list[Unit]
    out: Parsed
    common: object
    title_hint: Optional[str]
    start: int = 0                       # index of the first unit after the headline
    slash_order: Optional[str] = None    # how the page writes "03/08/2025" (dates.slash_order)
    body: list[Unit] = field(default_factory=list)
    grid: Optional[set[int]] = None      # units that are lines of a table of counts (grids.table_lines)


def parse_text(text: str, title_hint: Optional[str] = None) -> Parsed:
    """A text dump -> Parsed, by the passes of ``PASSES`` in their order."""
    out = Parsed()
    _words.cache_clear()     # it holds one page's lines (the passes ask several times per line)
    stamp = dates.scraper_stamp(text)
    if stamp:
        out.stamp, text = (stamp[0], stamp[1]), stamp[2]
    out.language = detect(text)
    page = _Page(units=_units(text), out=out, common=common_words(text), title_hint=title_hint,
                 slash_order=dates.slash_order(text, out.language))
    for step in PASSES:
        step(page)
    return page.out


# -- pass 1: lines that are furniture wherever they stand; some tell the outlet, byline or date --

def _line_furniture(page: _Page, n: int, u: Unit) -> bool:
    if _words(u.text) <= 25 and (_FURNITURE.search(u.text) or _APPEAL.search(u.text)) or _BANNER.search(u.text):
        u.keep, u.why = False, "furniture"
        return True
    return False


def _line_legal(page: _Page, n: int, u: Unit) -> bool:
    s, out = u.text, page.out
    if not _LEGAL.search(s):
        return False
    u.keep, u.why = False, "legal"
    m = _SOURCE_DOMAIN.match(s)
    if m and not out.outlet:
        out.outlet = outlet_for_domain(m.group("dom"))
    m = _COPYRIGHT.search(s)
    if m and re.match(r"\s*(?:copyright|©|\(c\))", s, re.I) and not out.outlet:
        out.outlet = outlet_for_name(m.group("name"), holder=True)
    return True


# names glued to the date after them, without "By" ("Ann LeeNovember 6, 2023")
_NAMES_GLUED_DATE = re.compile(r"^(?P<names>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}?)(?:(?<=[a-z])(?=[A-Z])|\s+(?:on|am)\s+(?=\d))")


def _line_dateline(page: _Page, n: int, u: Unit) -> bool:
    dl, named = dates.dateline(u.text, page.slash_order), _NAMES_GLUED_DATE.match(u.text)
    if not dl:
        dl = named and dates.dateline(u.text[named.end():], page.slash_order)
        if not dl:
            glued = dates.trailing_stamp(u.text)
            if glued:           # a headline with its date stamp glued on: the stamp goes, the line stays
                u.text, dl = glued[0], glued[1]
                page.out.datelines.append((n, dl))
            return False
        dl = (dl[0], u.text.strip())
        _credit(named.group("names"), page.out)
    u.keep, u.why = False, "dateline"
    page.out.datelines.append((n, dl))
    by = re.search(r"\bby\s+(.+)$", u.text, re.I)
    if by:
        # a byline glued to its date ("by Ann LeeDecember 22, 2021"): the names end at the date, and
        # at a meta part or label ("By Ann Lee | Updated 9:40 AM EDT, Thu June 12, 2025")
        names = _STAMP_LABEL.split(_META_SEP.split(by.group(1))[0])[0]
        m = dates.first_date(names)
        _credit(names[:m] if m is not None else names, page.out)
    return True


# the label a date stamp opens with: what follows it is no name
_STAMP_LABEL = re.compile(r"(?<![\w-])(?:last updated|updated|published|posted|modified)\b", re.I)


def _line_byline(page: _Page, n: int, u: Unit) -> bool:
    s = _META_SEP.split(u.text)[0]          # "By Ann Lee | ann@paper.example"
    m = _BYLINE.match(_EMAIL.sub(" ", s)) if _words(s) <= 14 else None
    if m and (not _TERMINAL.search(_EMAIL.sub("", s).strip()) or _EMAIL.search(s) or _SIGNED.match(m.group("names"))):
        u.keep, u.why = False, "byline"
        names = m.group("names")
        _credit(names[:-1] if _SIGNED.match(names) and names.endswith(".") else names, page.out)
        return True
    return False


def _menu_row(s: str) -> bool:
    """A menu set out in one line at any length: four links or more between separators, each of a
    few words ("DEPORTE Béisbol | Baloncesto | Voleibol | … | La Pizarra", "About us | Contact Us |
    … | Careers")."""
    parts = _MENU_SEP.split(s) if _MENU_SEP.search(s) else ()
    return len(parts) >= 4 and all(0 < _words(p) <= 4 for p in parts) and not _TERMINAL.search(s)


_MENU_SEP = re.compile(r"[|·•]")       # (no \s* around it: a long run of spaces would be read again at each start)


def _line_table(page: _Page, n: int, u: Unit) -> bool:
    """A line of a table of counts ("Region | Cases | Deaths", "Khatlon | 1,406 | 9"): body, though
    its cells between separators look like a menu."""
    if page.grid is None:
        page.grid = grids.table_lines([x.text for x in page.units])
    if n not in page.grid:
        return False
    u.why = "table"
    return True


def _line_nav(page: _Page, n: int, u: Unit) -> bool:
    s, out = u.text, page.out
    if not (_NAV.search(s) and _words(s) <= 12 and not _TERMINAL.search(s) or _menu_row(s)):
        return False
    u.keep, u.why = False, "nav"
    # a meta line ("3 days ago · Kestrel News Desk · 4 min read"): its parts may date or credit
    parts = _META_SEP.split(s)
    if len(parts) > 1:
        for part in parts:
            if dates.relative_phrase(part) and _words(re.sub(r"\d+", "", part)) <= 4:
                out.relative = out.relative or part
            elif _DESK.match(part) or _WIRE_WORDS.search(part):
                _credit(part, out)
    return True


# a relative stamp's label and its byline ("Posted 3 days ago by Ann Lee"): the stamp is what is left
_RELATIVE_LABEL = re.compile(r"^\s*(?:posted|published|updated|last updated)\b:?", re.I)


def _stamp_by(s: str) -> tuple[str, Optional[str]]:
    """The stamp and the names after its last " by " (no digits in names); found without a regex
    search, which would try every "by" of a long line against the rest of it."""
    k = s.lower().rfind(" by ")
    names = s[k + 4:].strip() if k >= 0 else ""
    return (s[:k], names) if names and not any(ch.isdigit() for ch in names) else (s, None)


def _line_relative(page: _Page, n: int, u: Unit) -> bool:
    s = u.text
    if not dates.relative_phrase(s) or _TERMINAL.search(s) or _not_a_stamp(page.units, n):
        return False
    stamp, names = _stamp_by(s)
    stamp = _RELATIVE_LABEL.sub("", stamp)
    if _words(re.sub(r"\d+", "", stamp)) > 4 or not dates.relative_phrase(stamp):
        return False
    u.keep, u.why = False, "relative"
    page.out.relative = page.out.relative or s
    if names and _BYLINE.match("By " + names):
        _credit(names, page.out)
    return True


# "Today's Paper", "Yesterday’s Word": a menu's link to a section, not a stamp
_DAY_POSSESSIVE = re.compile(r"\b(?:today|yesterday)['’]s\b", re.I)
_TOMORROW = re.compile(r"^\s*tomorrow\s*$", re.I)


def _not_a_stamp(units: list[Unit], n: int) -> bool:
    """A line with "today" that dates nothing: a section's link ("Today's Paper"), or a date
    picker's choices ("Today" / "Tomorrow": no stamp names a day to come)."""
    if _DAY_POSSESSIVE.search(units[n].text):
        return True
    return any(_TOMORROW.match(units[k].text) for k in (n - 1, n + 1) if 0 <= k < len(units))


def _line_counter(page: _Page, n: int, u: Unit) -> bool:
    if _COUNTER.match(u.text):
        u.keep, u.why = False, "counter"
        return True
    return False


def _line_foreign(page: _Page, n: int, u: Unit) -> bool:
    if is_foreign_line(u.text, page.out.language, page.common):
        u.keep, u.why = False, "foreign"
        return True
    return False


_PERIOD_LABEL = re.compile(r"^\W*(?:" + "|".join(sorted((re.escape(w) for w in table("periods").set("period_labels")),
                                                         key=len, reverse=True)) + r")\b", re.I)


def period_line(s: str) -> Optional[tuple[str, str]]:
    """A report's header line naming the span its figures cover ("Reporting period: 27-31 July 2025",
    "Epidemiological week 7 (10-16 February 2025)"): (first, last) ISO days. A sentence that opens
    with "As of 9 May, at least 115 ..." is no header: the line must be short."""
    if _words(s) > 10 or not _PERIOD_LABEL.match(s):
        return None
    return dates.period(s)


def _line_period(page: _Page, n: int, u: Unit) -> bool:
    """A period line is the report's time, not its publication date: kept aside, out of the body."""
    got = period_line(u.text) if page.out.period is None else None
    if got is None:
        return False
    page.out.period = (got[0], got[1], u.text.strip())
    u.keep, u.why = False, "period"
    return True


# the first rule that claims a line decides it; the order matters (a dateline with "By ..." is a
# dateline, not a byline; a nav line of dates is a dateline)
LINE_RULES = [_line_furniture, _line_legal, _line_period, _line_dateline, _line_byline, _line_table, _line_nav, _line_relative,
              _line_counter, _line_foreign]


def _mark_lines(page: _Page) -> None:
    for n, u in enumerate(page.units):
        for rule in LINE_RULES:
            if rule(page, n, u):
                break
    _names_over_dates(page)
    _labelled_headline(page)


_LABEL_TEASER = re.compile(rf"^(?:{_alternation('label_teaser')})\s*[:|]\s+[^.!?]*$", re.I)


def _labelled_headline(page: _Page) -> None:
    """A labelled teaser ("VIDEO: Voting on ...") right over a byline or date is the page's own
    headline with its label, not a link to another story."""
    units = page.units
    for n, u in enumerate(units[:-1]):
        if u.why == "furniture" and units[n + 1].why in ("byline", "dateline") and _LABEL_TEASER.match(u.text):
            u.keep, u.why = True, ""


# names alone, without "By" ("Ann Lee, Bo Park"): each a run of two to four capitalised words
_NAMES_ONLY = re.compile(r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,3}"
                         r"(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,3})*$")


def _names_over_dates(page: _Page) -> None:
    """A line of names right above the date line is the byline, when a longer headline-like line
    stands above it (a short Title Case headline over its date stays a headline)."""
    live = [i for i, u in enumerate(page.units) if u.keep or u.why == "dateline"]
    for k, i in enumerate(live[1:], 1):
        u = page.units[live[k - 1]]
        if page.units[i].why != "dateline" or not u.keep or not _NAMES_ONLY.match(u.text.strip()):
            continue
        higher = [page.units[j].text for j in live[max(0, k - 7):k - 1] if page.units[j].keep]
        if any(_words(t) >= 5 and _headline_like(t) and not _full_stop(t) for t in higher):
            u.keep, u.why = False, "byline"
            _credit(u.text, page.out)


# -- pass 2: the headline; everything above it is chrome ----------------------------------------

def _find_title(page: _Page) -> None:
    units, out = page.units, page.out
    if page.title_hint:
        out.title = " ".join(page.title_hint.split())
        for i in [i for i, u in enumerate(units) if u.keep][:8]:
            if line_key(units[i].text) == line_key(page.title_hint):
                page.start = i + 1
                units[i].keep, units[i].why = False, "title"
                break
        return
    pick = _quoted_headline(units)
    if pick is None:
        pick = _wiki_heading(units)
    if pick is None:
        pick = _addressed_headline(units)
    if pick is None:
        pick = _headline_index(units)
    if pick is None:
        return
    pick = _whole_copy(units, pick)
    out.title = units[pick].text
    units[pick].keep, units[pick].why = False, "title"
    page.start = pick + 1
    for u in units[:page.start]:
        if u.keep:
            u.keep, u.why = False, "before title"


_OPEN_ENDINGS = frozenset(furniture_table()["open_endings"])


def _whole_copy(units: list[Unit], pick: int) -> int:
    """A headline whose last word dangles ("Roasted Chicken with Oriental Rice with": what followed
    it, a product's logo, is gone) yields to its whole copy, the line without that word printed
    on its own above it."""
    words = units[pick].text.split()
    if len(words) < 3 or words[-1].lower() not in _OPEN_ENDINGS:
        return pick
    key = line_key(" ".join(words[:-1]))
    return next((i for i in range(pick) if units[i].keep and line_key(units[i].text) == key), pick)


def _drop_body_controls(page: _Page) -> None:
    """Under the headline, a control read out ("Skip next section", "Back to top") or a contact
    e-mail line is no body text (above it they are the layout the headline choice reads)."""
    for u in page.units[page.start:]:
        n = _words(u.text) if u.keep else 0
        if n and (n <= 5 and _control_line(u.text) or n <= 25 and _BODY_ONLY.search(u.text)):
            u.keep, u.why = False, "furniture"


# a comments header quoting the page's own headline: "5 thoughts on “…”", "One response to “…”"
_QUOTES_HEADLINE = re.compile(
    rf"^\s*(?:{_alternation('quotes_headline')})\s+[\"“„«](?P<head>.+)[\"”“»]\s*$", re.I)


def _quoted_headline(units: list[Unit]) -> Optional[int]:
    """The page names its headline where its comments begin ("5 thoughts on “…”"): the headline is
    that line printed above the header (a line with a separator, "… | Step-by-Step Guide", too),
    outside a menu or a list of recent posts if it is printed there as well; None when the page
    has no such header or does not print the quoted line on its own."""
    live = [i for i, u in enumerate(units) if u.keep or u.why == "nav"]
    for k, n in enumerate(live):
        m = _QUOTES_HEADLINE.match(units[n].text)
        if not m:
            continue
        key = line_key(m.group("head"))
        hits = [j for j, i in enumerate(live[:k]) if line_key(units[i].text) == key
                and _headline_like(units[i].text, first=True)]
        return live[next((j for j in hits if not _in_menu(units, live, j)), hits[0])] if hits else None
    return None


# the line a wiki prints under the page's heading: "From Wikipedia, the free encyclopedia"
_SITE_SUB = re.compile(rf"^\s*(?:{_alternation('site_sub')})\s*$", re.I)


def _wiki_heading(units: list[Unit]) -> Optional[int]:
    """A wiki names its site right under the page's heading ("Penny" / "From Stardew Valley
    Wiki"): the line above the first such line is the headline, one word or more; None when the
    page prints none, or prose or a prompt stands above it."""
    live = [i for i, u in enumerate(units) if u.keep]
    for k, n in enumerate(live):
        if _SITE_SUB.match(units[n].text):
            units[n].keep, units[n].why = False, "furniture"
            i = live[k - 1] if k else None
            if i is not None and _words(units[i].text) <= 20 and not _TERMINAL.search(units[i].text) \
                    and not _NOT_HEADLINE.search(units[i].text) and not _control_line(units[i].text):
                return i
            return None
    return None


# a web address printed as text; its last path segment, file ending aside, spells the page's name
_URL = re.compile(r"https?://[^\s\"'<>()\[\]]+")
_FILE_ENDING = re.compile(r"\.(?:s?html?|php|aspx?)$", re.I)


def _slug_key(s: str) -> str:
    return " ".join(_LOWER_WORD.findall(s.casefold()))


def _addressed_headline(units: list[Unit]) -> Optional[int]:
    """A page printing its own address ("Retrieved from https://…/wiki/Water-Making_Spell", a
    pingback quoting ".../2015/03/30/piers-stay-shut/"): the line the address's last segment
    spells in its words (numbers aside: an id may open the segment), two words or more, is the
    headline (outside a menu if printed there as well); None when the page prints no address or
    no line it spells."""
    slugs = set()
    for u in units:
        if "://" not in u.text:
            continue
        for m in _URL.finditer(u.text):
            segment = _FILE_ENDING.sub("", unquote(urlparse(m.group(0)).path.rstrip("/").rsplit("/", 1)[-1]))
            words = _LOWER_WORD.findall(segment.casefold().replace("_", " "))
            if len(words) >= 2:
                slugs.add(" ".join(words))
    if not slugs:
        return None
    live = [i for i, u in enumerate(units) if u.keep]
    hits = [k for k, i in enumerate(live) if _headline_like(units[i].text, first=True)
            and _slug_key(units[i].text) in slugs]
    return live[next((k for k in hits if not _in_menu(units, live, k)), hits[0])] if hits else None


def _headline_index(units: list[Unit]) -> Optional[int]:
    """The headline stands before the first sentence of body; when a sign-in notice, an author's
    bio or a promo sentence stands above every headline-like line, before the main prose."""
    live = [i for i, u in enumerate(units) if u.keep]
    first = _body_start(units, live)
    pick = _headline_above(units, live, first)
    main = _main_prose(units, live)
    if pick is None or main > first:
        start = _body_start(units, [i for i in live if i >= main])
        # a short run of prose above the main one (a newsletter box, promo teasers) with no byline
        # or date of its own, while the main prose has them: the article is the main prose's
        # (a page printing the article twice: the first copy stands)
        if pick is None or (not _signed(units, first) and _signed(units, start)
                            and line_key(units[start].text) != line_key(units[first].text)):
            pick = _headline_above(units, live, start) or pick
    return pick


def _signed(units: list[Unit], start: int) -> bool:
    """A byline or date in the few lines above ``start``."""
    return any(u.why in _HEAD_MARKS for u in units[max(0, start - 6):start])


def _headline_above(units: list[Unit], live: list[int], first_sentence: int) -> Optional[int]:
    """Site names and section crumbs above the body are shorter (or shouted in capitals) than a
    headline, so a line of five words or more wins, unless it ends with a full stop as body
    sentences do."""
    crumbs = _crumb_tails(units, [i for i in live if i < first_sentence])
    if crumbs:          # the headline a crumb trail ends with, nearest the body
        return max(crumbs.values())
    head = [i for i in live if i < first_sentence and _headline_like(units[i].text, first=i == live[0])]
    short = _short_headlines(units, live, first_sentence, head)
    # an issuer's name under a report's head ("Ministry of Health and Sanitation") credits, it heads nothing
    head = sorted(i for i in head + short if not _issuer_line(units[i].text))
    # "Key points" right under a headline-shaped line: the bullets under it sum the story up
    # (not a menu's "In Brief" section link)
    label = next((k for k, i in enumerate(live) if i < first_sentence and _SUMMARY_LABEL.match(units[i].text)), None)
    if label and live[label - 1] in head and _words(units[live[label - 1]].text) >= 5:
        head = [i for i in head if i < live[label]]
    full = [i for i in head if _words(units[i].text) >= 5 and not units[i].text.isupper()
            and not _full_stop(units[i].text)]
    pick = _weigh_headlines(units, live, head, set(full), first_sentence)
    # beside a byline or date, a headline may be set in capitals; a section label is shorter
    near = set(full) | {i for i in head if _words(units[i].text) >= 5 and not _full_stop(units[i].text)}
    # a byline, date or "2 days ago" under the headline: the headline opens the run of
    # headline-like lines just above it (headline, standfirst); a site tagline higher up is
    # cut off from that run by menu lines
    # (the anchor nearest the body: a date higher up is a site's today-widget or a menu's)
    for a in reversed([i for i, u in enumerate(units[:first_sentence]) if u.why in _HEAD_MARKS]):
        above = [i for i in live if i < a]
        skipped = 0
        while above and above[-1] not in near:
            above.pop()
            skipped += 1
        # a date printed above the headline ("24 September 2019" / headline / standfirst); a
        # headline-shaped line above it but past a menu is a promo's
        below = [i for i in live if a < i < first_sentence][:2]
        # (a two-word one naming the lead, when no longer headline follows it: "Axios Future")
        if below and (below[0] in near or below[0] in short and not set(below[1:]) & near) \
                and (not above or skipped > 2 or _masthead_over_date(units, live, above, below[0])):
            return below[0]
        # a short headline alone over its date, a menu above it: every word of it the body repeats
        close = [i for i in live if i < a][-2:]
        if close and skipped > 2 and close[-1] in head and _repeated_in_body(units, live, close[-1], first_sentence):
            return close[-1]
        # a short headline over its standfirst over the date, a menu above them
        if len(close) == 2 and skipped > 2 and _sentence_like(units[close[1]].text, 15) \
                and _headline_like(units[close[0]].text, first=True) and not _TERMINAL.search(units[close[0]].text) \
                and not _in_menu(units, live, live.index(close[0])):
            return close[0]
        if above:
            run = [above.pop()]
            while above and above[-1] in near:
                run.insert(0, above.pop())
            if above and above[-1] in head and _deck(units[above[-1]].text, units[run[0]].text):
                run.insert(0, above.pop())
            return _printed_twice(units, live, run, first_sentence) or _off_topic_opener(units, live, run, first_sentence)
    return pick      # None when nothing above the body reads as a headline: the page prints none


def _issuer_line(s: str) -> bool:
    """A line that is only an institution's name in the form "Ministry of Health", "Office for
    National Statistics" (a head word, then of/for): a title-case headline ending in "Service" or
    naming a county is none."""
    name = institution_name(s) if "," not in s else None   # ("Ann Lee, Staff Attorney, Justice Program" signs)
    words = name.lower().split() if name else []
    return len(words) >= 3 and words[0] in ISSUER_HEADS and words[1] in {"of", "for"}


def _masthead_over_date(units: list[Unit], live: list[int], above: list[int], below: int) -> bool:
    """Only the page's first line or two stand above the date (a blog's name and tagline), naming
    nothing the text under the line below the date talks about, while that line names two words
    of it: the line below is the post's headline ("EMACSPEAK The Complete Audio Desktop" /
    "Wednesday, October 16, 2019" / "Meta-Programming In Emacs Using Defadvice")."""
    if not above or live.index(above[-1]) > 1:
        return False
    key = line_key(units[below].text)
    after = [i for i in live if i > below and line_key(units[i].text) != key][:3]
    lead = set().union(*[_content_words(units[i].text) for i in after]) if after else set()
    return not any(_content_words(units[i].text) & lead for i in above) \
        and len(_content_words(units[below].text) & lead) >= 2


def _repeated_in_body(units: list[Unit], live: list[int], i: int, first_sentence: int) -> bool:
    """Two content words or more, each printed again in two lines of the body or more (a
    byline's name, a place or a car's model is printed once or names one word)."""
    words = _content_words(units[i].text)
    body = [_content_words(units[j].text) for j in live if j >= first_sentence]
    return len(words) >= 2 and all(sum(w in b for b in body) >= 2 for w in words)


def _deck(head: str, deck: str) -> bool:
    """A standfirst (a sentence of fifteen words or more) under a shorter line of five words or
    more: that line is its headline, even one ending with a full stop ("... Now, it's being
    reborn."); a kicker over a long headline ("BLACK DEATH FEARS") is shorter."""
    return _sentence_like(deck, 15) and 5 <= _words(head) < _words(deck) and _words(head) <= 20


def _off_topic_opener(units: list[Unit], live: list[int], run: list[int], first_sentence: int) -> int:
    """The headline opens the run (a standfirst follows it), unless the run opens with a site's
    tagline or a section's promo: a line sharing no word with the lead while the next shares two
    and is no standfirst (a standfirst is longer than its headline by half, twelve words or more)."""
    lead = _lead_words(units, live, first_sentence)
    k = 0
    while k + 1 < len(run):
        here, nxt = (len(_content_words(units[run[j]].text) & lead) for j in (k, k + 1))
        n, m = _words(units[run[k]].text), _words(units[run[k + 1]].text)
        # the masthead's tagline under the site's name, at the top of the page, may share a word
        # or two with the lead (a blog about its topic): the shorter line under it shares more
        masthead = k == 0 and live.index(run[0]) <= 1 and nxt > here and m < n
        if not (here == 0 or masthead) or nxt < 2 or (m >= 12 and 2 * m >= 3 * n):
            break
        k += 1
    return run[k]


_HEAD_MARKS = ("byline", "dateline", "relative")


def _crumb_tails(units: list[Unit], live: list[int]) -> dict[int, int]:
    """A crumb trail ends with the page's own headline, printed again just below it ("Home Reviews
    Strategy Through The Darkest Of Times" over "Through the Darkest of Times review"; links glued
    as "Business JargonsBusinessLeadership Styles" over "Leadership Styles"): crumb -> headline."""
    out: dict[int, int] = {}
    for k, i in enumerate(live):
        if _TERMINAL.search(units[i].text):
            continue
        for d, j in enumerate(live[k + 1:k + 7]):
            # past the next three lines only over a row of tabs ("Overview", "Try Now", "Support")
            if d >= 3 and not all(_words(units[m].text) <= 3 and not _TERMINAL.search(units[m].text)
                                  for m in live[k + 1:k + 1 + d]):
                break
            if (d < 3 or _words(units[j].text) >= 3) and _headline_like(units[j].text, first=True) \
                    and _ends_naming(units[i].text, units[j].text):
                out[i] = j
                break
    return out


def _ends_naming(crumb_line: str, head_line: str) -> bool:
    """The crumb's last words are the headline, or open it (the headline adds a word: "review"),
    after at least two crumbs ("Follow The Sun", "BIKES FOR SALE" over "FOR SALE" are no trail)
    without commas (a menu item over its sub-item: "Walls, ceilings and dry systems")."""
    crumb, head = line_key(crumb_line), line_key(head_line)
    cw, hw = crumb.split(), head.split()
    if len(crumb) > len(head) + 2 and crumb.endswith(head) and len(hw) >= 2:
        before = crumb[:-len(head)]
        glued = not before[-1:].isspace()           # "Business JargonsBusinessLeadership Styles"
        return head not in before and "," not in before and (glued or len(before.split()) >= 2 and len(hw) >= 3)
    # three words of it at least ("North New Jersey" names no "New Jersey Jewish News")
    k = next((k for k in range(min(len(cw) - 2, len(hw)), 2, -1) if cw[-k:] == hw[:k]), 0)
    return k >= 3 and 2 * k >= len(hw) and "," not in " ".join(cw[:-k])


def _printed_twice(units: list[Unit], live: list[int], run: list[int], first_sentence: int) -> Optional[int]:
    """In a run of kicker, headline and standfirst, the headline is the one the page prints
    twice (again in a sticky bar, a share box or the crumbs); None when none or several are, or
    when the line printed twice names nothing of the lead while another line of the run names two
    words of it (a section's heading, "Discover our latest picks", printed again over its list)."""
    keys = Counter(line_key(u.text) for u in units)
    twice = [i for i in run if keys[line_key(units[i].text)] > 1]
    if len(twice) != 1 or len(run) < 2:
        return None
    lead = _lead_words(units, live, first_sentence)
    if not _content_words(units[twice[0]].text) & lead \
            and any(len(_content_words(units[i].text) & lead) >= 2 for i in run if i != twice[0]):
        return None
    return twice[0]


def _lead_words(units: list[Unit], live: list[int], first_sentence: int) -> set[str]:
    """The content words of the first three lines of the body."""
    lead_lines = [i for i in live if i >= first_sentence][:3]
    return set().union(*[_content_words(units[i].text) for i in lead_lines]) if lead_lines else set()
_ABBREVIATED = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b(?:[A-Za-z]\.)+[A-Za-z])\.\s*$")


def _full_stop(s: str) -> bool:
    """Ends as a body sentence does; a headline may end with an abbreviation ("Tues.", "U.S.")."""
    return s.rstrip().endswith(".") and not _ABBREVIATED.search(s)

_CONTENT = re.compile(r"[^\W\d_]{4,}")


def _content_words(s: str) -> set[str]:
    return {w.lower()[:6] for w in _CONTENT.findall(s)}


def _short_headlines(units: list[Unit], live: list[int], first_sentence: int, head: list[int]) -> list[int]:
    """Two-word headlines ("Performant Python"): only right over the body or right under the date
    or byline above it, naming what the lead talks about, and not inside a menu unless no other
    line above the body reads as a headline."""
    lead = [i for i in live if i >= first_sentence][:2]
    if sum(_words(units[i].text) for i in lead) < 40:       # a form's prompts, not an article's lead
        return []
    words = set().union(*[_content_words(units[i].text) for i in lead])
    close = [i for i in live if i < first_sentence][-2:]
    marks = [i for i in range(first_sentence) if units[i].why in _HEAD_MARKS]
    under = [i for i in live if marks and marks[-1] < i < first_sentence][:1]
    close = sorted(set(close + under))
    # ("Blog" / "Contact" / "CDPATH replacements" / "blog" over a lead on CDPATH, nothing else)
    return [i for i in close if i not in head and _headline_like(units[i].text, first=True)
            and _content_words(units[i].text) & words and (not head or not _in_menu(units, live, live.index(i)))]


def _in_menu(units: list[Unit], live: list[int], k: int) -> bool:
    """Inside a run of short link-like lines (a menu, a list of sections or other stories): at
    least three of the four lines around it are a few words without a sentence's end."""
    around = [units[i].text for i in live[max(0, k - 2):k] + live[k + 1:k + 3]]
    return len(around) >= 3 and sum(_words(t) <= 3 and not _TERMINAL.search(t) for t in around) >= 3


def _weigh_headlines(units: list[Unit], live: list[int], head: list[int], full: set[int],
                     first_sentence: int) -> Optional[int]:
    """With no byline or date to stand by, the headline is the line the evidence favours: a
    headline's shape, near the body, sharing words with the lead, not inside a menu. Ties go to
    the higher line (a headline stands above its standfirst)."""
    if not head:
        return None
    lead_lines = [i for i in live if i >= first_sentence][:3]
    lead = set().union(*[_content_words(units[i].text) for i in lead_lines]) if lead_lines else set()
    pos = {i: k for k, i in enumerate(live)}
    end = pos.get(lead_lines[0], len(live)) if lead_lines else len(live)

    def score(i: int) -> int:
        gap = end - pos[i] - 1
        shared = len(_content_words(units[i].text) & lead)
        return (3 * (i in full) + min(shared, 3) + (2 if gap <= 2 else 1 if gap <= 6 else 0)
                - 2 * _in_menu(units, live, pos[i]))
    best = max(head, key=lambda i: (score(i), -i))
    # a standfirst shares more of the lead than its headline does: the headline is the line above
    k = pos[best]
    if k and best not in full and live[k - 1] in head and score(live[k - 1]) >= score(best) - 2:
        best = live[k - 1]
    # a headline printed twice (a banner above the photo, again above the body): the first copy
    return next(i for i in head if line_key(units[i].text) == line_key(units[best].text))


def _prose_runs(units: list[Unit], live: list[int]) -> list[tuple[int, int]]:
    """Runs of prose lines, (first line, words); a run bridges two other lines (a subhead, a
    byline) but not a menu or a list of other stories."""
    runs: list[tuple[int, int]] = []
    start, words, gap = None, 0, 0
    for i in live:
        if _sentence_like(units[i].text, 8) and not _CAPTION.search(units[i].text):
            start, words, gap = (i, 0, 0) if start is None else (start, words, 0)
            words += _words(units[i].text)
        elif start is not None:
            gap += 1
            if gap > 2:
                runs.append((start, words))
                start = None
    if start is not None:
        runs.append((start, words))
    return runs


def _main_prose(units: list[Unit], live: list[int]) -> int:
    """Where the article's prose begins: the first run of prose half as long as the longest; a
    sign-in notice, an author's bio or a promo sentence above it is too short to be the body."""
    runs = _prose_runs(units, live)
    if not runs:
        return 0
    most = max(w for _, w in runs)
    return next(s for s, w in runs if w * 2 >= most)


def _standfirst(units: list[Unit], i: int) -> bool:
    """A sentence with a byline or date right under it (a standfirst, a caption), and none right
    above it (there, the sentence is the body under its own byline, or a teaser in a list of other
    stories, each with its byline)."""
    if any(u.why in _HEAD_MARKS for u in units[max(0, i - 2):i]):
        return False
    return any(u.why in _HEAD_MARKS for u in units[i + 1:i + 4])


_LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")


def _title_case(s: str) -> bool:
    """A headline set in Title Case ("Will Donald Trump Write His Own Book in Jail?"): nearly
    every word of four letters or more capitalised, as no sentence of body is."""
    long = _LONG_WORD.findall(s)
    return len(long) >= 5 and sum(w[0].isupper() for w in long) >= 0.85 * len(long)


def _body_start(units: list[Unit], live: list[int]) -> int:
    """The first line of the article's prose: a long sentence, or a sentence with another close
    under it (a promo sentence in a menu stands alone)."""
    first = None
    for k, i in enumerate(live):
        if not _sentence_like(units[i].text, 12) or _CAPTION.search(units[i].text) or _title_case(units[i].text):
            continue
        if _words(units[i].text) < 35 and _standfirst(units, i):
            continue            # a standfirst or caption: the byline or date under it comes first
        first = i if first is None else first
        if _words(units[i].text) >= 40 or any(_sentence_like(units[j].text, 8) for j in live[k + 1:k + 4]):
            return i
    return first if first is not None else len(units)


def _place_datelines(page: _Page) -> None:
    """The page's own date is printed under the headline, near it; one above it is the site's
    "today"; one far down the page (a comment, a related story) is not the article's."""
    out = page.out
    body_start = next((i for i, u in enumerate(page.units) if i >= page.start and u.keep
                       and _sentence_like(u.text, 12)), len(page.units))
    for n, dl in out.datelines:
        if n < page.start and page.units[n].why != "title":      # (a stamp glued to the headline is under it)
            out.above_datelines.append(dl)
        elif n <= body_start + 1 or _PUBLISHED_LABEL.search(dl[1]) or _signed_date(page, n):
            out.head_datelines.append(dl)
    # a "last updated" stamp speaks for the publication day only after a published one
    out.head_datelines.sort(key=lambda dl: bool(_UPDATED_LABEL.search(dl[1])))
    if out.datelines:
        out.dateline = (out.head_datelines or out.above_datelines or [None])[0]


def _signed_date(page: _Page, n: int) -> bool:
    """A date right under the byline near the headline is the article's, even below a standfirst."""
    return 0 < n - page.start <= 12 and page.units[n - 1].why == "byline"


# -- passes 3-8 over the body ---------------------------------------------------------------------

def _drop_furniture_boxes(page: _Page) -> None:
    """A box of three lines or more that is mostly furniture (a newsletter sign-up) goes whole,
    but for paragraphs of prose (a dump without blank lines is one block)."""
    blocks: dict[int, list[Unit]] = {}
    for u in page.units[page.start:]:
        blocks.setdefault(u.block, []).append(u)
    for lines in blocks.values():
        if len(lines) >= 3 and sum(not u.keep for u in lines) * 2 > len(lines):
            for u in lines:
                if not _sentence_like(u.text, 20):
                    u.keep, u.why = False, u.why or "furniture box"
    page.body = [u for u in page.units[page.start:] if u.keep]


def _plain_byline(page: _Page) -> None:
    """A byline without "By" ("Rebecca Thorne, Washington") stands between headline and body."""
    twice = Counter(line_key(u.text) for u in page.body)
    for u in page.body[:10]:
        if _CAPTION.search(u.text) or u.indented or twice[line_key(u.text)] > 1:
            continue
        if _sentence_like(u.text, 12):
            break
        m = _PLAIN_BYLINE.match(u.text)
        if m and not _TERMINAL.search(u.text):
            u.keep, u.why = False, "byline"
            _credit(m.group("name"), page.out)
    page.body = [u for u in page.body if u.keep]


_SOURCE_LABEL = re.compile(r"^\s*source\s*:\s*(?P<name>[A-Z][^:|/]{1,80})$", re.I)


def _report_issuer(page: _Page) -> None:
    """A report or release names who issues it in its head: its institution's name alone on a line
    under the headline ("Ministry of Health ...") or after "Source:" ("Source: OCHA"). When the page
    calls itself a report (a bulletin, situation report, press release, or a reporting period in
    its head), that institution is its author (the teller of the figures it credits to no one)."""
    out = page.out
    if out.authors or out.agency:
        return
    head = []
    for u in page.units[page.start:page.start + 10]:
        if u.keep and _sentence_like(u.text, 12):
            break
        head.append(u)
    if not (out.period or REPORT_KIND.search(out.title or "") or any(REPORT_KIND.search(u.text) for u in head)):
        return
    for u in head:
        m = _SOURCE_LABEL.match(u.text.strip())
        name = m.group("name").strip() if m else institution_name(u.text)
        if m and (wire_name(name) or name.casefold() in outlet_table()["names"] or "." in name or _words(name) > 8):
            name = None     # "Source: Reuters", "Source: bbc.com" credit a newsroom (the wire and legal rules)
        if name:
            out.authors = [name]
            u.keep, u.why = False, "byline"
            page.body = [b for b in page.body if b.keep]
            return


def _drop_bullet_runs(page: _Page) -> None:
    """Bullet runs (share buttons, font pickers, related headlines) unless they read as sentences."""
    body, i = page.body, 0
    while i < len(body):
        if not _BULLET.match(body[i].text):
            i += 1
            continue
        j = i
        while j < len(body) and _BULLET.match(body[j].text):
            j += 1
        run = body[i:j]
        sentences = sum(1 for u in run if _sentence_like(_BULLET.sub("", u.text), 8))
        if len(run) >= 2 and sentences * 2 <= len(run) or (len(run) == 1 and _words(run[0].text) <= 6):
            for u in run:
                u.keep, u.why = False, "bullets"
        i = j
    page.body = [u for u in body if u.keep]


def _drop_captions(page: _Page) -> None:
    """Captions: described as a photo, or printed twice in a row; a paragraph a portal repeats
    above the body is kept once, where the body has it."""
    body, out = page.body, page.out
    seen: dict[str, list[int]] = {}
    for k, u in enumerate(body):
        seen.setdefault(line_key(u.text), []).append(k)
    caption_keys: list[str] = []
    for key, idx in seen.items():
        if len(idx) < 2:
            continue
        if any(b - a == 1 for a, b in zip(idx, idx[1:])) or any(body[k].indented for k in idx):
            caption_keys.append(key)
            for k in idx:
                body[k].keep, body[k].why = False, "caption"
        else:
            for k in idx[:-1]:
                body[k].keep, body[k].why = False, "repeat"
    for u in body:
        if u.keep and _CAPTION.search(u.text):
            u.keep, u.why = False, "caption"
            caption_keys.append(line_key(u.text))
    by_key = {line_key(u.text): u.text for u in body if u.why == "caption"}
    for key in dict.fromkeys(caption_keys):
        cap = by_key[key]
        out.captions.append(_CAPTION_LABEL.sub("", cap))
        m = _WIRE_TAIL.search(cap)
        # a wire's photo credit marks a wire story only when no reporter or outlet is named
        if m and not out.agency and not out.authors and not out.outlet and wire_name(m.group("wire")):
            out.agency = wire_name(m.group("wire"))
    page.body = [u for u in body if u.keep]


def _drop_teasers(page: _Page) -> None:
    """A teaser that strings together sentences the body prints again further down (a portal's
    summary above the article) is kept once, where the body has it."""
    body = page.body
    later = ""
    for k in range(len(body) - 1, -1, -1):
        key = line_key(body[k].text)
        parts = [line_key(x) for x in _SENTENCE_END.split(body[k].text) if _words(x) >= 5]
        if len(parts) >= 2 and all(p in later for p in parts):
            body[k].keep, body[k].why = False, "repeat"
        else:
            later = key + "\n" + later
    page.body = [u for u in body if u.keep]


def _trim_tail(page: _Page) -> None:
    """The tail after the last sentence is chrome (close buttons, "go top", share widgets);
    inside the body, one- and two-word lines without punctuation are widgets too."""
    body = page.body
    # (a copy that stops mid-word ends with the cut paragraph: the file's last line, kept)
    while body and not _sentence_like(body[-1].text, 5) and not (body[-1] is page.units[-1] and _cut_prose(body[-1].text)):
        body.pop().keep = False
    kept: list[Unit] = []
    for u in body:
        if _words(u.text) > 2 or _TERMINAL.search(u.text) or _listed_figure(u.text, kept):
            kept.append(u)
    page.body = kept


def _listed_figure(text: str, kept: list[Unit]) -> bool:
    """ "Personnel: 640": one line of a list a line ending in a colon introduces ("Resources assigned
    to the fire:"); a counter alone ("Views: 120") has no such lead-in."""
    if not LABELLED_NUMBER.match(text) or not kept:
        return False
    prev = kept[-1].text
    return prev.rstrip().endswith(":") or bool(LABELLED_NUMBER.match(prev))


def _wire_credits(page: _Page) -> None:
    """A wire credit opening the body ("SEOUL, Oct. 18 (PNW) --") or closing it ("... (Yonhap)")."""
    body, out = page.body, page.out
    if not body:
        return
    m = _LEAD_CREDIT.match(body[0].text)
    if m and not out.agency:
        out.agency = _wire_credit(m.group("wire"), "\n".join(u.text for u in body), (out.outlet,))
    m = re.search(r"\((?P<wire>[^()]{2,40})\)\s*$", body[-1].text)
    if m and wire_name(m.group("wire")):
        out.agency = out.agency or wire_name(m.group("wire"))


def _join_paragraphs(page: _Page) -> None:
    """Blank lines separate paragraphs; hard-wrapped lines of one block are joined."""
    paras: list[str] = []
    prev: Optional[Unit] = None
    for u in page.body:
        joins = prev is not None and prev.block == u.block and not _TERMINAL.search(paras[-1]) and (
            u.text[:1].islower() or len(prev.text) >= 50)
        if joins:
            paras[-1] = paras[-1] + " " + u.text
        else:
            paras.append(u.text)
        prev = u
    page.out.paragraphs = [" ".join(p.split()) for p in paras]


# the passes of parse_text, in order: each reads what the ones before it decided
PASSES = [_mark_lines, _find_title, _drop_body_controls, _place_datelines, _drop_furniture_boxes, _plain_byline,
          _report_issuer, _drop_bullet_runs, _drop_captions, _drop_teasers, _trim_tail, _wire_credits, _join_paragraphs]


def _wire_credit(credit: str, text: str, names: tuple[Optional[str], ...]) -> str:
    """A wire credit as the wire's name: known wires, else an abbreviation the document spells out."""
    credit = credit.strip()
    long = expand_abbreviation(credit, text, names)
    return wire_name(credit) or (long and (wire_name(long) or long)) or credit


def domain_of(url: Optional[str]) -> Optional[str]:
    if not url:
        return None
    host = urlparse(url).hostname
    return host.lower().removeprefix("www.") if host else None
