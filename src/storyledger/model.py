"""The one typed data model every stage reads and writes.

Stages are plain functions between these objects:

    ingest: paths            -> RawDocument
    clean:  RawDocument      -> Article
    extract: [Article]       -> [Claim]
    ledger: [Article],[Claim] -> Ledger (facts, series, disagreements, timeline)

Only ingest, store, report, web and cli touch files, sockets or the terminal.
Dates are ISO strings (``YYYY-MM-DD`` or full datetimes) so that the model
round-trips through SQLite and JSON without custom encoders.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal, Optional
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, model_validator

InputKind = Literal["text", "html", "jsonl"]

# How a publication date was found (see docs/ARCHITECTURE.md):
#   explicit  a date printed on the page or given in metadata
#   relative  "3 months ago" resolved against the fetch time
#   inferred  worked out from weekdays and dates in the text
#   corpus    month/day from the text, year from sibling articles of the same run
#   unknown   nothing to go on; ``published`` stays None
DateBasis = Literal["explicit", "relative", "inferred", "corpus", "unknown"]

ClaimKind = Literal["figure", "quote", "statement"]

Qualifier = Literal["exact", "approximately", "at_most", "at_least", "range", "vague"]

# What a figure counts (contract: ../shared/tools/README.md). ``other`` covers
# every number that is not a count of people (areas, money, ratios, ages ...).
Measure = Literal[
    "deployed", "planned", "killed", "wounded", "killed_or_wounded", "missing",
    "captured", "displaced", "evacuated", "affected", "other",
]

Modality = Literal["asserted", "estimate", "projection", "plan", "denial", "unconfirmed"]

Granularity = Literal["day", "week", "month", "season", "year", "range"]


_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")

# Bounded cost per article (README "Limits"): the longest news articles run to ~60,000 characters.
MAX_TEXT_CHARS = 300_000       # a longer text is cut at a line break before this, with a note
MAX_LINE_CHARS = 50_000        # a longer line is cut to this, with a note
MAX_HTML_CHARS = 1_500_000     # a longer page loses its scripts and styles, then is cut, with a note


def _without_scripts(html: str) -> str:
    """``html`` without <script>/<style> blocks (linear: one find per block; an unclosed one ends it)."""
    low, out, pos = html.lower(), [], 0
    while True:
        starts = [i for i in (low.find("<script", pos), low.find("<style", pos)) if i >= 0]
        if not starts:
            out.append(html[pos:])
            return "".join(out)
        start = min(starts)
        tag = "</script" if low.startswith("<script", start) else "</style"
        out.append(html[pos:start])
        end = low.find(tag, start)
        if end < 0:
            return "".join(out)
        pos = low.find(">", end)
        pos = len(html) if pos < 0 else pos + 1


def _bounded(text: str, field: str, notes: list[str]) -> str:
    """``text`` within the limits above; each cut is one note."""
    if len(text) > MAX_LINE_CHARS and field == "text":
        lines = text.split("\n")
        long = sum(1 for ln in lines if len(ln) > MAX_LINE_CHARS)
        if long:
            text = "\n".join(ln[:MAX_LINE_CHARS] for ln in lines)
            notes.append(f"{long} line(s) over {MAX_LINE_CHARS:,} characters cut to that length")
    limit = MAX_TEXT_CHARS if field == "text" else MAX_HTML_CHARS
    if len(text) > limit and field == "html":
        size, text = len(text), _without_scripts(text)
        notes.append(f"page of {size:,} characters: scripts and styles dropped ({len(text):,} left)")
    if len(text) > limit:
        cut = text.rfind("\n", limit // 2, limit)
        notes.append(f"{field} of {len(text):,} characters cut to the first {cut if cut > 0 else limit:,} "
                     f"(limit {limit:,})")
        text = text[:cut if cut > 0 else limit]
    return text


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Amount(_Model):
    """A reported number with its hedge: the one type every stage compares and every view draws.

    ``value`` is the number as told; ``low``/``high`` bound a range or a bound ("up to 5,000":
    high 5,000); ``qualifier`` is the hedge code (words are chosen by the views alone);
    ``vague`` marks a number word that only sizes ("dozens", "thousands").
    Claim, Fact and SeriesPoint keep the fields flat (the export contract) and give ``.amount``.
    """

    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    qualifier: Optional[Qualifier] = None
    vague: bool = False

    @property
    def representative(self) -> Optional[float]:
        """The one number that stands for the amount (a range's ends only when there is no value)."""
        if self.value is not None:
            return self.value
        return self.high if self.high is not None else self.low

    @property
    def bounds(self) -> tuple[Optional[float], Optional[float]]:
        """(lowest, highest) the words give, None for an open side taken as told ("at least 3,000": 3,000)."""
        lo = self.low if self.low is not None else self.value
        hi = self.high if self.high is not None else self.value
        return (lo if lo is not None else hi), (hi if hi is not None else lo)

    def interval(self) -> Optional[tuple[float, float]]:
        """The numbers the hedge allows: "up to 5,000" -> (0, 5000); "around 12,000" -> ±5%."""
        lo, hi = self.bounds
        if lo is None or hi is None:
            return None
        q = "vague" if self.vague and self.qualifier in (None, "exact") else (self.qualifier or "exact")
        if q == "at_most":
            return (0.0, float(hi))
        if q == "at_least":
            return (float(lo), float("inf"))
        if q in ("approximately", "vague"):
            return (float(lo) * 0.95, float(hi) * 1.05)
        return (float(lo), float(hi))

    def is_range(self) -> bool:
        return self.qualifier == "range" and self.low is not None and self.high is not None and self.low != self.high

    def key(self) -> Optional[tuple]:
        """Amounts that can be one fact share this key: a range by its ends, else its one number."""
        if self.is_range():
            return ("r", round(self.low, 6), round(self.high, 6))  # type: ignore[arg-type]
        rep = self.representative
        return None if rep is None else ("v", round(rep, 6))

    def disjoint(self, other: "Amount") -> bool:
        """True when the two hedged numbers cannot both be right."""
        a, b = self.interval(), other.interval()
        return a is not None and b is not None and (a[1] < b[0] or b[1] < a[0])


class _HasAmount:
    value: Optional[float]
    low: Optional[float]
    high: Optional[float]
    qualifier: Optional[Qualifier]

    @property
    def amount(self) -> Amount:
        return _amount(self.value, self.low, self.high, self.qualifier)


@lru_cache(maxsize=1 << 16)
def _amount(value: Optional[float], low: Optional[float], high: Optional[float],
            qualifier: Optional[Qualifier]) -> Amount:
    """One Amount per distinct number and hedge (read-only value objects): the joiner asks a claim
    for its amount hundreds of thousands of times, and building one is most of a comparison's cost."""
    return Amount.model_construct(value=value, low=low, high=high, qualifier=qualifier, vague=qualifier == "vague")


class RawDocument(_Model):
    """Bytes read from one file (or one JSONL line), decoded, not yet understood."""

    source: str                      # path (plus ``#L<n>`` for a JSONL line) or URL
    kind: InputKind
    text: Optional[str] = None       # plain-text dump, or text given in JSONL
    html: Optional[str] = None       # HTML page, or html given in JSONL
    url: Optional[str] = None
    title: Optional[str] = None      # given by JSONL metadata
    published: Optional[str] = None  # given by JSONL metadata
    fetched_at: Optional[str] = None  # when the page was fetched (anchors "3 months ago")
    encoding: Optional[str] = None
    notes: list[str] = Field(default_factory=list)  # what was changed on the way in (one line each)

    @model_validator(mode="before")
    @classmethod
    def _storable(cls, data):
        """Every field can be stored and printed: a lone surrogate (JSON "\\ud800") cannot be
        encoded as UTF-8, so it becomes U+FFFD; a URL no parser accepts is dropped with a note."""
        if not isinstance(data, dict):
            return data
        data = {k: _LONE_SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in data.items()}
        notes = list(data.get("notes") or [])
        for field in ("text", "html"):
            if isinstance(data.get(field), str):
                data[field] = _bounded(data[field], field, notes)
        data["notes"] = notes
        url = data.get("url")
        if isinstance(url, str):
            try:
                urlsplit(url).hostname
                bad = any(ord(c) < 32 or ord(c) == 127 for c in url)
            except ValueError:
                bad = True
            if bad:
                data["url"] = None
                data["notes"].append(f"url {url[:80]!r} is not a valid URL; kept as none")
        return data


class DateCandidate(_Model):
    """One piece of evidence for an article's publication date, kept whether or not it was taken."""

    date: str                        # ISO date or datetime the evidence points to
    basis: DateBasis                 # how that date was read (explicit, relative, inferred, corpus)
    evidence: str                    # the words it came from
    taken: bool = False              # this candidate is ``Article.published``
    why: str = ""                    # why it was taken or set aside ("printed above the headline")


class Article(_Model):
    """One cleaned article."""

    id: str                          # hash of the normalised body
    source: str
    kind: InputKind = "text"
    url: Optional[str] = None
    title: Optional[str] = None
    outlet: Optional[str] = None     # the publication that printed it (The Korea Times)
    agency: Optional[str] = None     # wire credit (Yonhap), when the story is a wire story
    authors: list[str] = Field(default_factory=list)
    published: Optional[str] = None  # ISO date or datetime
    published_basis: DateBasis = "unknown"
    published_evidence: Optional[str] = None  # the words the date was worked out from
    # the day of the page's update stamp printed under its headline ("Published 7 March | Updated 8
    # March"), when it is after ``published``: the body may tell of days up to it
    updated: Optional[str] = None
    # every date the page offered, taken or not; kept when ``published`` stays unknown
    published_candidates: list[DateCandidate] = Field(default_factory=list)
    # published unknown: [first, last] ISO days its publication plausibly lies in (the story's dated
    # siblings, widened); reads year-less dates ("4 October") only, never weekdays
    date_window: Optional[list[str]] = None
    # a report's span of days from its header ("Reporting period: 27-31 July 2025"): the time of its
    # figures that name none of their own
    period: Optional["TimeSpan"] = None
    fetched_at: Optional[str] = None
    language: Optional[str] = None
    body: str = ""                   # paragraphs separated by blank lines
    captions: list[str] = Field(default_factory=list)
    duplicate_of: Optional[str] = None  # id of the article this one is a near-copy of


class TimeSpan(_Model):
    """The time a claim describes (or a time expression found in text)."""

    start: str                       # ISO date
    end: str                         # ISO date, inclusive; equal to start for one day
    granularity: Granularity = "day"
    text: Optional[str] = None       # the words it came from ("by Monday")
    # retold: the time of the same fact's first dated telling in another article (ledger.retold)
    basis: Literal["explicit", "clause", "telling", "published", "inferred", "retold"] = "explicit"
    char_start: Optional[int] = None  # offsets into Article.body when found in text
    char_end: Optional[int] = None


class Entity(_Model):
    """A canonical source: a person, body, outlet or wire."""

    name: str                        # canonical name ("National Intelligence Service")
    type: Literal["person", "agency", "government", "outlet", "wire", "group", "other"] = "other"
    role: Optional[str] = None       # "Defense Minister", "spokesperson for the ministry"
    country: Optional[str] = None
    aliases: list[str] = Field(default_factory=list)


class Attribution(_Model):
    source: Optional[str] = None     # canonical name; None when unattributed
    source_type: Optional[str] = None
    role: Optional[str] = None       # role of a person source, when the text gives one
    via: list[str] = Field(default_factory=list)  # relays, outermost first ("Yonhap")
    cue: Optional[str] = None        # "said", "estimated", "according to"
    modality: Modality = "asserted"
    source_text: Optional[str] = None  # the words naming the source in the text


class Claim(_HasAmount, _Model):
    id: str                          # hash of (article id, kind, char span)
    article: str
    kind: ClaimKind
    text: str                        # the sentence it comes from
    char_start: int = 0              # sentence span in Article.body (or in the title/caption)
    char_end: int = 0
    field: Literal["body", "title", "caption"] = "body"
    # figures
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    qualifier: Optional[Qualifier] = None
    number_text: Optional[str] = None   # "around 12,000"
    number_start: Optional[int] = None  # span of the figure within ``text``
    number_end: Optional[int] = None
    counted: Optional[str] = None       # head noun counted: "troops", "special forces"
    population: Optional[str] = None    # whose people: "North Korean"
    measure: Optional[Measure] = None
    where: Optional[str] = None
    # quotes
    quote: Optional[str] = None
    content: Optional[str] = None       # statements: the reported clause ("X said CLAUSE"), not verbatim
    # all kinds
    as_of: Optional[TimeSpan] = None
    attribution: Attribution = Field(default_factory=Attribution)

    @property
    def source(self) -> Optional[str]:
        return self.attribution.source


class FactSource(_Model):
    name: str
    first_published: Optional[str] = None
    claims: list[str] = Field(default_factory=list)
    via: list[str] = Field(default_factory=list)


class Join(_Model):
    """Why two claims of a fact were joined: codes the views turn into words.

    same_article, wire_copy, same_source, alias, relay, role, descriptor, named_in_sentence,
    pronoun_in_article (who); same_time, publication_window, near_time, undated (when);
    same_measure, specific_number, range_end (what).
    """

    a: str                           # claim id
    b: str
    why: list[str] = Field(default_factory=list)


class Fact(_HasAmount, _Model):
    """Claims (from one or many articles) that state the same thing."""

    id: str
    kind: ClaimKind
    claims: list[str]
    label: str = ""
    measure: Optional[Measure] = None
    population: Optional[str] = None
    counted: Optional[str] = None              # what its tellings count most often ("health workers")
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    qualifier: Optional[Qualifier] = None
    where: Optional[str] = None
    as_of: Optional[TimeSpan] = None
    origin: Optional[str] = None               # original source (the NIS)
    first_reporter: Optional[str] = None       # outlet/wire that published it first
    first_published: Optional[str] = None
    first_article: Optional[str] = None
    sources: list[FactSource] = Field(default_factory=list)  # distinct originators
    relays: list[str] = Field(default_factory=list)          # outlets/wires that passed it on
    articles: list[str] = Field(default_factory=list)
    joins: list[Join] = Field(default_factory=list)              # one link per merge, with its reasons


class SeriesPoint(_HasAmount, _Model):
    fact: str
    source: Optional[str]
    value: Optional[float]
    low: Optional[float] = None
    high: Optional[float] = None
    qualifier: Optional[Qualifier] = None
    as_of: Optional[TimeSpan] = None
    published: Optional[str] = None
    claims: list[str] = Field(default_factory=list)


class Series(_Model):
    """Facts about one quantity, ordered by the time they describe."""

    id: str
    label: str                       # "North Korean troops in Russia — sent"
    population: Optional[str]
    measure: Measure
    scope: Optional[str] = None      # place scope ("Russia", "Kursk")
    parent: Optional[str] = None     # the series this one is a part or an increment of (Kursk in Russia)
    # how it relates to its parent: a part of its place or one unit of the force, an increment, a projection
    relation: Optional[Literal["part", "increment", "projection"]] = None
    points: list[SeriesPoint] = Field(default_factory=list)
    latest_by_source: dict[str, SeriesPoint] = Field(default_factory=dict)
    range_by_source: dict[str, tuple[float, float]] = Field(default_factory=dict)


class Disagreement(_Model):
    id: str
    kind: Literal["conflict", "revision", "retelling"]
    series: Optional[str] = None
    description: str
    side_a: list[str]                # claim ids
    side_b: list[str]
    sources_a: list[str] = Field(default_factory=list)
    sources_b: list[str] = Field(default_factory=list)
    fact_a: Optional[str] = None
    fact_b: Optional[str] = None
    # a conflict of one figure (fact_b) against several other sources' figures at its time: the
    # facts of side A besides fact_a (their claims are in side_a); empty for a pair
    others: list[str] = Field(default_factory=list)
    # why, as a code the views word: conflict "incompatible_figures"; revision "same_source_later";
    # retelling "other_words"
    reason: Optional[str] = None
    days_apart: Optional[int] = None   # between the two times described (0 when they overlap)
    ratio: Optional[float] = None      # how far apart the figures are: larger / smaller (nearest ends)


class TimelineEntry(_Model):
    id: str
    start: Optional[str]
    end: Optional[str]
    text: str
    kind: ClaimKind
    fact: Optional[str] = None
    claims: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    first_published: Optional[str] = None


class Ledger(_Model):
    facts: list[Fact] = Field(default_factory=list)        # the figure ledger: figures told by one or many
    # quotes and attributed statements joined across articles (same words): not facts of the figure ledger
    statements: list[Fact] = Field(default_factory=list)
    series: list[Series] = Field(default_factory=list)
    disagreements: list[Disagreement] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)


class SkippedInput(_Model):
    """A file or line that could not be read, with a one-line reason."""

    source: str
    reason: str
