"""The attribution component's reading of one text: every figure, quote and reported statement
with its source, relay chain, modality and the time it describes.

Sentences are read in order because sources carry: a pronoun or "the report" points back,
"a news report" points forward to the outlet named next, an unattributed sentence goes on
with its paragraph's source, and "Two of them" inherits from the figure before. That memory is
one explicit object, ``Discourse``, made afresh for each text. Who a source phrase names is
decided by the rules of ``extract/attribution.py`` (``NAME_RULES``, ``SourceFinder.chain``).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Optional

from spacy.tokens import Doc, Span, Token

from storyledger.extract.attribution import (
    REPORT_NOUNS,
    SourceFinder, Teller, _is_report, _level_host, modality_of, says_any, to_attribution,
)
from storyledger.extract.components import text_acronyms, paragraph_starts
from storyledger.extract.entities import AliasTable, ArticleEntities, is_title_word
from storyledger.extract.extensions import span_text, text_of
from storyledger.extract.figures import (
    Figure, _measure, _money_or_share, _pop_of, changed_level_noun, figure_from_data, find_figures, is_people,
)
from storyledger.extract.lexicon import (
    BELIEF_LEMMAS, EVENT_COUNTS, EVENT_NOUNS, MEASURE_CUES, QUESTIONER_LABELS, TALLY_NOUNS,
)
from storyledger.extract.quotes import QuoteSpan, Reported, doc_quotes, photo_credit, reported_speech, speech_marks
from storyledger.extract.spans import dateline_of, ent_at
from storyledger.extract.times import doc_times, parse_anchor, published_span
from storyledger.model import Attribution, Claim, TimeSpan
from storyledger.tables import table
from storyledger.words import LABELLED_NUMBER, MONTHS, institution_name, singular

_DENIAL_LEMMAS = {"release", "issue", "acknowledge", "confirm", "comment", "disclose", "react", "respond",
                  "announce", "publish", "report", "reveal", "make"}


def read_claims(doc: Doc, table: AliasTable) -> list[dict[str, Any]]:
    """``doc._.claims``: the text's claims as plain data (``Claim`` fields; ``id`` is
    "kind:start:end", the span the article stage hashes into the claim id; ``article`` blank)."""
    return [c.model_dump(mode="json") for c in TextReader(doc, table).read()]


def text_context(doc: Doc) -> dict[str, Any]:
    """What a text read alone offers as its article (see ``doc._.article``): its own names and acronyms."""
    return {"outlet": None, "opening": text_of(doc).lstrip()[:200] if (doc._.field or "body") == "body" else "",
            "names": [name for _s, _e, name in doc._.gazetteer or []],
            "acronyms": doc._.acronyms if doc._.acronyms is not None else text_acronyms(text_of(doc))}


def _key(kind: str, start: int, end: int) -> str:
    return f"{kind}:{start}:{end}"


@dataclass
class _Prev:
    claim: Claim
    fig: Figure
    sent_i: int
    para: int


@dataclass
class Discourse:
    """The attribution component's memory while it reads one text, sentence by sentence."""

    doc: Doc
    fld: str                                   # "body", "title" or "caption"
    ents: ArticleEntities                      # names learned: people and roles, acronyms, the story's bodies
    finder: SourceFinder                       # tellers: who was last named, the last chains, bodies mentioned
    quotes: list[QuoteSpan]
    sent_times: list[list[TimeSpan]]           # per sentence (doc._.times)
    para_starts: list[int]                     # doc._.paragraphs
    quote_speaker: dict[int, list[Teller]] = field(default_factory=dict)   # quote start -> its tellers
    last_quote_tellers: list[Teller] = field(default_factory=list)         # a bare quote goes on with them
    last_quote_end: int = -10**9
    prev_fig: Optional[_Prev] = None           # the last count of people ("Two of them" points back)
    para_tellers: dict[int, list[Teller]] = field(default_factory=dict)   # paragraph -> its source chain
    pending: list[tuple[int, list[Claim]]] = field(default_factory=list)  # "a news report" awaiting its outlet
    caption_time: Optional[TimeSpan] = None
    caption_place: Optional[str] = None
    speech_marks: Optional[tuple[list[int], list[int]]] = None   # quotes.speech_marks(doc), taken once
    posts: list[tuple[int, int, str]] = field(default_factory=list)   # embedded posts: (start, end, author)
    # a transcript's speaker of each paragraph ("WROBEL: ..."): paragraph -> (name, role); None for a question
    speakers: dict[int, Optional[tuple[str, Optional[str]]]] = field(default_factory=dict)
    filed: int = 0                             # where the dateline ends (spans.dateline_of): no teller before
    # a lead-in line ending in a colon and its tellers ("Resources assigned, according to DNR:"): the
    # list of "Label: N" lines right under it is theirs (paragraph of the last line, tellers)
    list_lead: Optional[tuple[int, list[Teller]]] = None


@dataclass
class _Sent:
    i: int
    span: Span
    para: int
    times: list[TimeSpan]
    quotes: list[QuoteSpan]                    # quotes that open in this sentence
    tagged: list[QuoteSpan] = field(default_factory=list)   # quotes that close right before it


class TextReader:
    """Reads one text (body, title or caption) sentence by sentence: quotes, figures, statements,
    each with its source chain, modality and time; what carries between sentences is ``self.d``."""

    def __init__(self, doc: Doc, table: AliasTable) -> None:
        ctx = doc._.article or text_context(doc)
        ents = ArticleEntities(table)
        ents.set_home(doc._.agency, ctx.get("outlet"), ctx.get("opening") or "")
        for long, short in ctx.get("acronyms") or []:
            # the text's own definitions ("National Intelligence Service (NIS)") win over the gazetteer
            tail = re.split(r"['’]s\s+", long)[-1]
            ents.learn_acronym(long if table.lookup(long) else tail, short)
        ents.story = list(ctx.get("names") or [])
        self.agency: Optional[str] = doc._.agency
        self.anchor = parse_anchor(doc._.published)
        # a report's span from its header: its figures with no time of their own describe it
        self.period = TimeSpan(**{**ctx["period"], "basis": "published"}) if ctx.get("period") else None
        self.issuer = _issuer(ents, ctx.get("authors") or [])
        self.claims: list[Claim] = []
        self.sents: list[Span] = []
        self.d = self._discourse(doc, doc._.field or "body", ents)

    def read(self) -> list[Claim]:
        """The text's claims (ids and article left blank: the article stage sets them)."""
        d, doc = self.d, self.d.doc
        sents = self.sents = list(doc.sents)   # (doc.sents walks the whole doc each time it is asked)
        stored = doc._.figures
        for si, (sent, ents) in enumerate(zip(sents, _ents_by_sentence(doc, sents))):
            s = _Sent(si, sent, bisect.bisect_right(d.para_starts, sent.start_char) - 1, d.sent_times[si],
                      [q for q in d.quotes if sent.start_char <= q.start < sent.end_char],
                      [q for q in d.quotes if sent.start_char - 3 <= q.end <= sent.start_char])
            self._learn_people(sent, ents)
            if d.speakers.get(s.para) and s.para not in d.para_tellers:
                name, role = d.speakers[s.para]
                d.ents.learn_person(name, role, sent.start_char)
                d.para_tellers[s.para] = [Teller(name, "person", role, name, "transcript")]
            if d.list_lead and s.para == d.list_lead[0] + 1 and LABELLED_NUMBER.match(sent.text.strip()):
                d.para_tellers.setdefault(s.para, d.list_lead[1])
                d.list_lead = (s.para, d.list_lead[1])
            quote_tellers = self._read_quotes(d, s)
            figs = [figure_from_data(doc, f) for f in stored[si]] if stored is not None \
                else find_figures(sent, self.d.ents.table.demonym)  # a Doc made without the figures component
            sent_claims: list[Claim] = []
            own_any: list[Teller] = []
            for fig in figs:
                c, tellers = self._read_figure(d, s, fig)
                sent_claims.append(c)
                own_any = tellers or own_any
            own_any = self._read_statements(d, s, bool(figs), sent_claims, own_any)
            self._carry(d, s, own_any or quote_tellers or d.finder.chain(sent.root, sent), sent_claims)
            if sent.text.rstrip().endswith(":") and not figs:
                lead = d.finder.chain(sent.root, sent)
                d.list_lead = (s.para, lead) if lead else None
        return self.claims

    def _discourse(self, doc: Doc, fld: str, ents: ArticleEntities) -> "Discourse":
        d = Discourse(doc, fld, ents, SourceFinder(ents), doc_quotes(doc), doc_times(doc, self.anchor),
                      doc._.paragraphs if doc._.paragraphs is not None else paragraph_starts(text_of(doc)))
        d.posts = embedded_posts(text_of(doc), d.para_starts)
        d.speakers = transcript_speakers(text_of(doc), d.para_starts)
        d.filed = dateline_of(doc)
        if fld == "caption":
            # a caption's figures happen at its date and place ("..., March 2. 90 soldiers were gathered there")
            ts = [t for st in d.sent_times for t in st]
            d.caption_time = ts[0].model_copy(update={"basis": "inferred"}) if ts else None
            place = next((e for e in doc.ents if e.label_ in {"GPE", "LOC", "FAC"}), None)
            d.caption_place = place.text if place is not None else None
        return d

    def _read_quotes(self, d: "Discourse", s: "_Sent") -> list[Teller]:
        """Quotes that open in this sentence, with their speakers; returns the last speaker chain."""
        quote_tellers: list[Teller] = []
        for q in s.quotes:
            verb, subj = q.verb, q.subject
            tellers: list[Teller] = []
            if subj is not None:
                tellers = [self.d.finder.name(subj, verb.lemma_.lower(), verb)]
                tellers += self._outer(verb)
            elif verb is None and not q.short and (lead := self._lead_in_subject(d, s, q)) is not None:
                tellers = [self.d.finder.name(lead, lead.head.lemma_.lower(), lead.head)]
            elif verb is None and not q.short and d.last_quote_tellers and q.start - d.last_quote_end < 400:
                tellers = d.last_quote_tellers   # a quote with no verb goes on with the last speaker
            if tellers and not q.short or verb is not None and tellers:
                d.quote_speaker[q.start] = tellers
                quote_tellers = tellers
                d.last_quote_tellers, d.last_quote_end = tellers, q.end
                self._add_quote(d.doc, d.fld, q, tellers, verb, d.sent_times)
            elif not q.short:
                self._add_quote(d.doc, d.fld, q, [], verb, d.sent_times)
        return quote_tellers

    def _lead_in_subject(self, d: "Discourse", s: "_Sent", q: QuoteSpan) -> Optional[Token]:
        """'Durning did not need much coaxing. "I'm thankful ..."': a quote with no verb that opens its
        sentence right after a sentence of its paragraph whose subject is a person is that person's."""
        if s.i == 0 or text_of(d.doc)[s.span.start_char:q.start].strip():
            return None
        prev = self.sents[s.i - 1]
        # (a scare quote in the sentence before is no quote of its own: 'became "acutely aware" of ...')
        if "\n" in text_of(d.doc)[prev.end_char:q.start] or \
                any(p.start < prev.end_char and p.end > prev.start_char and not p.short for p in d.quotes):
            return None
        subj = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)
        if subj is None or not (subj.lower_ in {"he", "she"} or any(t.ent_type_ == "PERSON" for t in subj.subtree)):
            return None
        return subj

    def _read_figure(self, d: "Discourse", s: "_Sent", fig: Figure) -> tuple[Claim, list[Teller]]:
        """One figure's claim: what it counts, its source chain, modality, time and place."""
        doc, sent = d.doc, s.span
        tok = fig.anchor or doc[fig.end - 1]
        inq = next((q for q in d.quotes if q.start <= tok.idx < q.end and q.start in d.quote_speaker), None)
        tellers = self.d.finder.chain(tok, sent) or _post_author(d.posts, tok.idx)
        if inq is not None and not tellers:
            tellers = d.quote_speaker[inq.start]   # a number inside a quote is its speaker's
        antecedent = d.prev_fig if d.prev_fig and s.i - d.prev_fig.sent_i <= 2 else None
        self._fill_counted(d, s, fig, antecedent)
        if is_people(fig.counted) and fig.population is None:
            fig.population = self._sender(fig) or (antecedent.fig.population if antecedent and (fig.anaphoric or fig.continues) else None)
        if not tellers and d.fld == "title":
            tellers = self._headline_teller(doc)
        attr = self._figure_attribution(d, s, fig, tellers, antecedent)
        as_of = self._figure_as_of(d, s, fig, tok, tellers, antecedent)
        where = fig.where or (d.caption_place if d.fld == "caption" and is_people(fig.counted) else None)
        c = self._figure_claim(doc, d.fld, sent, fig, attr, as_of, where)
        # a share ("one of the soldiers") is no count for later "of them" figures to point back to
        if fig.qualifier != "vague" and not fig.part and is_people(fig.counted):
            d.prev_fig = _Prev(c, fig, s.i, s.para)
        if tellers and tellers[0].generic == "indefinite" and not any(t.generic is None and t.source for t in tellers[1:]):
            # "a news report": the outlet may be named next (not when a teller here carries the reports:
            # "The group believes ..., with some reports suggesting 90")
            d.pending.append((s.i, [c]))
        return c, tellers

    def _fill_counted(self, d: "Discourse", s: "_Sent", fig: Figure, antecedent: Optional[_Prev]) -> None:
        """A number with no noun of its own counts the people named before it."""
        doc, sent = d.doc, s.span
        elliptic = _elliptic(fig, doc)
        # the old level of a revision counts what the verb of change acts on ("raising the toll from 12"),
        # not the people counted just before it
        level = changed_level_noun(doc, fig) if fig.counted is None else None
        if level is None and (fig.anaphoric and antecedent and fig.counted is None or elliptic and antecedent and
                              antecedent.para == s.para):
            # "about 3,000 were in Russia, with around 10,000 expected": the number stands for
            # the people counted just before; "at least 100 dead" names only what happened
            own = fig.measure if fig.counted is not None else None
            fig.counted, fig.population = antecedent.fig.counted, antecedent.fig.population
            fig.path = []
            _measure(doc, fig, sent)
            if fig.measure in {None, "other"} and own not in {None, "other"}:
                fig.measure = own   # "Officials put the number of dead at 41": its own state word says what happened
            if fig.anaphoric and not fig.part and fig.measure in {None, "other"} and \
                    antecedent.fig.measure not in {None, "other"}:
                # "2,300 people were treated, and 140 of them were admitted": a part of a group is in
                # the state the group is in, unless its own words say otherwise
                fig.measure = antecedent.fig.measure
        elif fig.counted is None:
            # "cut deaths from 5,000 two decades ago to 245": what the verb of change acts on;
            # "soldiers have begun arriving ..., and as many as 5,000 may be there": the people
            # noun named earlier in the sentence
            noun = level or (_people_named_before(sent, fig) if elliptic else None)
            if noun is not None:
                fig.counted, fig.population = noun.text, _pop_of(noun, self.d.ents.table.demonym)
                fig.path = []
                _measure(doc, fig, sent)

    def _figure_attribution(self, d: "Discourse", s: "_Sent", fig: Figure, tellers: list[Teller],
                            antecedent: Optional[_Prev]) -> Attribution:
        """Its own tellers, else the figure it continues, else its paragraph's source."""
        inherited = False
        if not tellers and antecedent and (fig.anaphoric or fig.continues) and antecedent.claim.attribution.source:
            attr = antecedent.claim.attribution.model_copy(deep=True)
            inherited = True
        elif not tellers and s.para in d.para_tellers:
            attr = to_attribution(d.para_tellers[s.para], self.agency, "asserted")
            inherited = True
        elif not tellers and antecedent and antecedent.claim.attribution.source and _same_group(s.span, antecedent.fig):
            # "According to X, 101 nurses died. ... The nurses are among the 4,333 dead": the account goes on
            attr = antecedent.claim.attribution.model_copy(deep=True)
            inherited = True
            d.para_tellers.setdefault(s.para, [Teller(attr.source or "", attr.source_type or "other", attr.role,
                                                      attr.source_text or "", attr.cue or "")])
        else:
            # a bulletin's or release's own lines ("4 new deaths were reported during the week") are its issuer's
            attr = to_attribution(tellers or self.issuer, self.agency, "asserted")
        if not inherited or attr.modality == "asserted":
            attr.modality = modality_of(d.doc[fig.end - 1], s.span, tellers)
        if fig.hedge_start is not None and d.doc[fig.hedge_start].lower_ in {"an", "estimated"} and attr.modality == "asserted":
            attr.modality = "estimate"
        return attr

    def _figure_as_of(self, d: "Discourse", s: "_Sent", fig: Figure, tok: Token, tellers: list[Teller],
                      antecedent: Optional[_Prev]) -> Optional[TimeSpan]:
        """The clause's time, else the caption's, else the figure it continues, else publication."""
        as_of = self._as_of(tok, s.span, s.times, tellers)
        if as_of is None and d.fld == "caption" and d.caption_time is not None:
            as_of = d.caption_time
        if as_of is None and antecedent and (fig.continues or _another(d.doc, fig)) and antecedent.claim.as_of:
            as_of = antecedent.claim.as_of
        if as_of is None and _among_them(s.span, fig):
            # "Among the wounded were four children": the wounded counted just before, at their time
            prev = next((c for c in reversed(self.claims) if c.kind == "figure" and c.field == d.fld and
                         c.measure == fig.measure and c.char_end >= s.span.start_char - _NEAR_CHARS), None)
            as_of = prev.as_of if prev is not None else None
        if as_of is None and antecedent and fig.anaphoric and antecedent.claim.as_of and self.anchor and \
                _perfect(fig):
            as_of = TimeSpan(start=antecedent.claim.as_of.start, end=self.anchor.isoformat(),
                             granularity="range", text=None, basis="inferred")
        if as_of is None:
            as_of = self._part_of_before(d, s) or (self._same_event_before(d, s, tok) if _event_count(fig) else None)
        if as_of is None:
            as_of = self.period or published_span(self.anchor)
        since = self._since(tok, s.span, s.times)
        if since is not None and as_of is not None and since.start <= as_of.start:
            # a running count since an event: from that day to the figure's own time
            as_of = TimeSpan(start=since.start, end=as_of.end, granularity="range",
                             text=since.text, basis="clause", char_start=since.char_start, char_end=since.char_end)
        return as_of

    def _part_of_before(self, d: "Discourse", s: "_Sent") -> Optional[TimeSpan]:
        """ "19 boats arrived on Saturday ... One of the boats carried 231 people": a sentence in the past
        about a part of what a figure just before counted, with no time of its own, tells of then."""
        root = s.span.root
        subj = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is None or root.tag_ != "VBD":
            return None
        whole = next((p for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"), None)
        if whole is None or not any(c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in whole.children):
            return None
        key = singular(whole.lower_)
        for c in reversed(self.claims):
            if c.kind != "figure" or c.field != d.fld or c.char_end > s.span.start_char:
                continue
            if c.char_end < s.span.start_char - _NEAR_CHARS:
                break
            if c.counted and singular(c.counted.split()[-1].lower()) == key:
                return c.as_of.model_copy(update={"basis": "inferred"}) if c.as_of and c.as_of.basis == "clause" else None
        return None

    def _same_event_before(self, d: "Discourse", s: "_Sent", tok: Token) -> Optional[TimeSpan]:
        """ "Tornadoes tore through Missouri late on Friday, killing five people, officials said. More
        than 120,000 customers were without power at the peak of the storms": a sentence in the past
        with no time of its own, right after a sentence of its paragraph that dated its count by its
        own clause, goes on telling that event, of that time (asked for counts of people, homes,
        customers only: on the 543 text dumps, points, prices and durations so dated were often wrong)."""
        verb = next((n for n in [tok, *tok.ancestors] if n.pos_ in {"VERB", "AUX"}), None)
        # (undated, the sentence's own weekday is unread: "said on Wednesday that 500 had arrived"; a
        # teller before the figure opens a telling of its own: "The spy agency said about 1,500 had ...")
        if s.i == 0 or s.times or self.anchor is None or verb is None or not _past(verb) or \
                any(_is_report(n) and n.i < tok.i for n in tok.ancestors) or \
                bisect.bisect_right(d.para_starts, self.sents[s.i - 1].start_char) - 1 != s.para:
            return None
        prev = self.sents[s.i - 1]
        before = [c for c in self.claims if c.kind == "figure" and c.field == d.fld and
                  prev.start_char <= c.char_start < prev.end_char and c.as_of is not None]
        dated = next((c.as_of for c in reversed(before) if c.as_of.basis == "clause"), None)
        return dated.model_copy(update={"basis": "inferred"}) if dated is not None else None

    def _read_statements(self, d: "Discourse", s: "_Sent", has_figures: bool, sent_claims: list[Claim],
                         own_any: list[Teller]) -> list[Teller]:
        """Attributed sentences with nothing else to show, denials, and reported clauses."""
        doc, sent = d.doc, s.span
        # (a sentence that only tags the quote before it says nothing of its own)
        if not has_figures and not s.quotes and not any(q.verb is not None and q.verb.i == sent.root.i for q in s.tagged):
            st = self._statement(doc, d.fld, sent, s.times)
            if st is not None:
                sent_claims.append(st)
                own_any = own_any or [Teller(st.attribution.source or "", st.attribution.source_type or "other",
                                             st.attribution.role, st.attribution.source_text or "",
                                             st.attribution.cue or "")]
        # reported speech ("X said CLAUSE"): the clause is a statement's content
        st_here = next((c for c in sent_claims if c.kind == "statement"), None)
        if d.speech_marks is None:
            d.speech_marks = speech_marks(doc)
        for rep in reported_speech(sent, d.quotes, d.speech_marks):
            if st_here is not None and st_here.content is None:
                st_here.content = rep.text
            else:
                told = len(self.claims)
                self._reported(doc, d.fld, sent, rep, s.times)
                if not own_any and len(self.claims) > told:
                    # 'Human Rights Watch said forces had used "lethal force."': a sentence the quote in
                    # it kept from being a statement still names its teller ("the group" later means it)
                    a = self.claims[-1].attribution
                    own_any = [Teller(a.source or "", a.source_type or "other", a.role, a.source_text or "", a.cue or "")]
            # a quote with no speech verb after "X said CLAUSE" goes on with X
            src = st_here if st_here is not None and st_here.content == rep.text else \
                next((c for c in reversed(self.claims) if c.content == rep.text), None)
            if src is not None and _speaker_like(src.attribution):
                a = src.attribution
                d.last_quote_tellers = [Teller(a.source or "", "person", a.role, a.source_text or "", a.cue or "")]
                d.last_quote_end = rep.end
        return own_any

    def _carry(self, d: "Discourse", s: "_Sent", own_any: list[Teller], sent_claims: list[Claim]) -> None:
        """What this sentence's source means for others: "the report" takes the last chain; a named
        outlet completes "a news report" of the sentences before; the paragraph goes on with it."""
        if not own_any:
            return
        inner = own_any[0]
        prev_chain = (self.d.finder.chains[-1] if self.d.finder.chains else self._last_report(sent_claims)) \
            if inner.generic == "definite" else None
        if inner.generic == "definite" and prev_chain:
            for c in sent_claims:
                if c.attribution.source == inner.source:
                    self._patch(c, prev_chain[0], prev_chain + own_any[1:])
        elif inner.generic is None and inner.source:
            for (pi, pcs) in d.pending:
                if 0 < s.i - pi <= 2 and inner.source_type in {"outlet", "wire", "other", "agency", "government", "group"}:
                    for c in pcs:
                        self._patch(c, inner, own_any)
            d.pending = [(pi, pcs) for (pi, pcs) in d.pending if s.i - pi <= 0]
            self.d.finder.history.append(inner)
            self.d.finder.chains.append(own_any)
            d.para_tellers[s.para] = own_any

    def _last_report(self, exclude: list[Claim]) -> list[Teller]:
        """ "according to a Ukrainian intelligence report ..." then "the report says": the teller of the
        last report the text named (a reported clause leaves no chain behind), relays included."""
        for c in reversed(self.claims):
            a = c.attribution
            words = (a.source_text or "").lower().split()
            if c in exclude or not a.source or not words or words[-1].rstrip("'s") not in REPORT_NOUNS:
                continue
            return [Teller(a.source, a.source_type or "other", a.role, a.source_text or "", a.cue or "")] + \
                [Teller(v, "other", None, v, "") for v in reversed(a.via)]
        return []

    # ------------------------------------------------------------------
    def _patch(self, c: Claim, t: Teller, chain: Optional[list[Teller]] = None) -> None:
        new = to_attribution(chain or [t], self.agency, c.attribution.modality)
        new.cue = c.attribution.cue
        c.attribution = new

    def _headline_teller(self, doc: Doc) -> list[Teller]:
        """Headlines credit a source after (or before) a colon: "... to Russia: spy agency"."""
        parts = text_of(doc).split(":")
        if len(parts) != 2:
            return []
        for piece in (parts[1], parts[0]):
            words = piece.strip()
            if 0 < len(words.split()) <= 5:
                name, typ = self.d.ents.canonical(words)
                if typ != "other":
                    return [Teller(name, typ, None, words, "headline")]
        return []

    def _outer(self, verb: Token) -> list[Teller]:
        """Relays above a speech verb ("..., the official said, Yonhap reported")."""
        return self.d.finder.chain(verb, verb.sent)

    def _sender(self, fig: Figure) -> Optional[str]:
        for n in fig.path:
            if n.pos_ in {"VERB", "AUX"} and n.lemma_.lower() not in {"say", "report", "announce", "tell"}:
                # the subject nearest the verb ("SEOUL, Oct. 18 -- North Korea has decided": not the dateline)
                subjs = [c for c in n.children if c.dep_ in {"nsubj", "nsubjpass"}]
                subj = max(subjs, key=lambda c: (c.i < n.i, c.i if c.i < n.i else -c.i)) if subjs else None
                if subj is None:
                    continue
                ent = ent_at(subj.doc, subj.i)
                words = ent.text if ent is not None else " ".join(t.text for t in subj.subtree if t.dep_ != "punct")
                dem = self.d.ents.table.demonyms.get(words) or self.d.ents.table.demonyms.get(re.sub(r"^the\s+", "", words, flags=re.I).title())
                if subj.ent_type_ in {"GPE", "NORP"}:
                    return self.d.ents.table.demonym(words)
                if dem:
                    return dem  # "the North" in the alias table's demonyms
        return None

    def _learn_people(self, sent: Span, ents: list[Span]) -> None:
        for e in ents:
            if e.label_ != "PERSON" and not _office_apposed(e):
                if e.label_ in {"ORG", "WORK_OF_ART", "GPE", "NORP"} and e.start_char >= self.d.filed:
                    self.d.finder.mention(e.text, e.start_char)
                continue
            if photo_credit(e):
                continue
            name = re.sub(r"['’]s$", "", e.text).strip()
            role_toks = []
            k = e.start - 1
            while k >= sent.start and (e.doc[k].dep_ in {"compound", "amod", "poss", "case"} or
                                       is_title_word(e.doc[k].text)) and e.doc[k].head.i >= e.start - 1 and \
                    e.doc[k].ent_type_ != "PERSON":
                role_toks.insert(0, e.doc[k].text)
                k -= 1
            role = " ".join(role_toks).replace(" 's", "'s") or None
            root = e.root
            appos = next((c for c in root.children if c.dep_ == "appos" and c.i >= e.end), None)
            if role is None and appos is not None:
                role = re.sub(r"^(a|an|the)\s+", "", e.doc[appos.left_edge.i:appos.right_edge.i + 1].text)
            if len(name.split()) == 1 and self.d.ents.person_by_part(name, e.start_char):
                continue
            self.d.ents.learn_person(name, role, e.start_char)

    def _as_of(self, tok: Token, sent: Span, times: list[TimeSpan], tellers: list[Teller]) -> Optional[TimeSpan]:
        """The time nearest the figure's own clause; ``basis`` says whether it sits on the clause
        or on the telling ("said on Monday")."""
        chain = _figure_chain(tok)
        report_at = next((k for k, n in enumerate(chain) if k > 0 and _is_report(n) and
                          chain[k - 1].dep_ in {"ccomp", "parataxis", "xcomp", "advcl", "conj"}), len(chain))
        # a figure in the present ("but 25 others remain in captivity") is as of the telling
        verb = next((n for n in chain if n.pos_ in {"VERB", "AUX"}), None)
        present = verb is not None and verb.tag_ in {"VBZ", "VBP"} and \
            not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
        best: Optional[tuple[int, int, TimeSpan]] = None
        for k, ts, below, span in _time_paths(tok, chain, sent, times):
            if _not_its_time(tok, below, span) or _start_clause(below, span) is not None or \
                    _other_noun_clause(below, chain):
                continue
            if below and below[-1].dep_ == "ccomp" and 0 < k and chain[k - 1].dep_ == "advcl" and _is_report(chain[k]):
                # "... died on Monday night has risen to 19, the unit said, raising the toll from 12": the
                # time of what the teller said, not of the figure beside it
                continue
            if (ts.text or "").lower() in {"currently", "now", "at present", "presently"}:
                k += len(chain)  # "now" is the time of the telling: prefer any other time
            # of two times that meet the chain at one word, for a figure in the present the one hung on
            # it ("..., a spokesman said Thursday, but 25 others remain") before one deep in a phrase
            # below it ("abducted from a school in Kebbi last week"); else the first
            if best is None or (k, len(below) if present else 0) < best[:2]:
                best = (k, len(below) if present else 0, ts)
        if best is None:
            return None
        basis = "clause" if best[0] < report_at else "telling"
        if best[0] >= len(chain):
            basis = "telling"
        return best[2].model_copy(update={"basis": basis})

    def _since(self, tok: Token, sent: Span, times: list[TimeSpan]) -> Optional[TimeSpan]:
        """ "displaced since the ceasefire began on April 2": the day a running count starts from,
        told by a time inside a "since" clause on the figure's own chain."""
        chain = _figure_chain(tok)
        for _k, ts, below, span in _time_paths(tok, chain, sent, times):
            # (not the start of a running tally set beside the figure: "40 died on Monday, raising the
            # toll since the outbreak began in May to 1,230" dates the 1,230 from May, not the 40)
            if not _not_its_time(tok, below, span) and _start_clause(below, span) == "since" and \
                    not any(a.dep_ == "advcl" and _level_host_of(a) for a in below[1:]):
                return ts
        return None

    def _figure_claim(self, doc, fld, sent: Span, fig: Figure, attr: Attribution,
                      as_of: Optional[TimeSpan], where: Optional[str]) -> Claim:
        first = fig.hedge_start if fig.hedge_start is not None else fig.start
        ns, ne = doc[first].idx, doc[fig.end - 1].idx + len(doc[fig.end - 1].text)
        text = span_text(sent)
        c = Claim(
            id=_key("figure", ns, ne), article="", kind="figure",
            text=text, char_start=sent.start_char, char_end=sent.end_char, field=fld,
            value=fig.value, low=fig.low, high=fig.high, qualifier=fig.qualifier,
            number_text=text[ns - sent.start_char:ne - sent.start_char], number_start=ns - sent.start_char, number_end=ne - sent.start_char,
            counted=fig.counted, population=fig.population, measure=fig.measure, where=where,
            as_of=as_of, attribution=attr)
        self.claims.append(c)
        return c

    def _add_quote(self, doc: Doc, fld: str, q: QuoteSpan, tellers: list[Teller],
                   verb: Optional[Token], sent_times: list[list[TimeSpan]]) -> None:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            return
        s0, s1 = span[0].sent, span[-1].sent
        if verb is not None:
            s0 = min(s0, verb.sent, key=lambda s: s.start)
            s1 = max(s1, verb.sent, key=lambda s: s.end)
        text = span_text(doc[s0.start:s1.end])
        tok = verb if verb is not None else span.root
        times = [t for k, s in enumerate(self.sents) if s0.start <= s.start and s.end <= s1.end for t in sent_times[k]]
        as_of = self._as_of(tok, tok.sent, times, tellers) or published_span(self.anchor)
        attr = to_attribution(tellers, self.agency, "asserted")
        if tellers:
            attr.cue = tellers[0].cue
        self.claims.append(Claim(
            id=_key("quote", q.start, q.end), article="", kind="quote",
            text=text, char_start=s0.start_char, char_end=s1.end_char, field=fld, quote=q.text,
            as_of=as_of, attribution=attr))

    def _reported(self, doc: Doc, fld: str, sent: Span, rep: Reported, times: list[TimeSpan]) -> None:
        tellers = [self.d.finder.name(rep.subject, rep.verb.lemma_.lower(), rep.verb)] + self._outer(rep.verb)
        if not tellers[0].source or tellers[0].generic:
            return
        attr = to_attribution(tellers, self.agency, modality_of(rep.verb, sent, tellers))
        as_of = self._as_of(rep.verb, sent, times, tellers) or published_span(self.anchor)
        self.claims.append(Claim(
            id=_key("statement", rep.start, rep.end), article="",
            kind="statement", text=span_text(sent), char_start=sent.start_char, char_end=sent.end_char, field=fld,
            content=rep.text, as_of=as_of, attribution=attr))

    def _statement(self, doc: Doc, fld: str, sent: Span, times: list[TimeSpan]) -> Optional[Claim]:
        root = sent.root
        modality = None
        tellers: list[Teller] = []
        neg = next((c for c in root.children if c.dep_ == "neg"), None)
        # (of two subjects, a misparse, the one next to the verb: not a noun of the quoted words before it)
        subj = min((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), key=lambda c: abs(c.i - root.i), default=None)
        if subj is not None and (root.lemma_.lower() in _DENIAL_LEMMAS and (neg is not None or says_any(sent, _NEITHER))
                                 or root.lemma_.lower() in {"deny", "decline", "refuse"}
                                 or root.lemma_.lower() == "remain" and any(c.lower_ == "silent" for c in root.children)):
            tellers = [self.d.finder.name(subj, root.lemma_.lower(), root)]
            modality = "denial"
        elif _is_report(root) and subj is not None and not (fld == "title" and _agentless(root, subj)):
            tellers = self.d.finder.chain(next((c for c in root.children if c.dep_ in {"ccomp", "dobj", "xcomp"}), root), sent) \
                or ([] if _told_about(root, subj) else [self.d.finder.name(subj, root.lemma_.lower(), root)])
        else:
            tellers = self.d.finder._according(root)
        if not tellers or not tellers[0].source or tellers[0].generic or tellers[0].cue in BELIEF_LEMMAS:
            return None  # a belief ("he thinks ...") names whose figure it is, but is no statement
        attr = to_attribution(tellers, self.agency, modality or modality_of(root, sent, tellers))
        as_of = self._as_of(root, sent, times, tellers) or published_span(self.anchor)
        c = Claim(id=_key("statement", sent.start_char, sent.end_char),
                  article="", kind="statement", text=span_text(sent), char_start=sent.start_char,
                  char_end=sent.end_char, field=fld, as_of=as_of, attribution=attr)
        self.claims.append(c)
        return c


_NEITHER = frozenset({"neither"})


def _agentless(verb: Token, subj: Token) -> bool:
    """ "Cholera outbreak confirmed in northern district": a headline's passive with its "is" left out;
    a common noun before a report verb in the past with nothing told after it is what was confirmed."""
    return verb.tag_ in {"VBD", "VBN"} and subj.pos_ not in {"PROPN", "PRON"} and subj.i < verb.i and \
        not any(c.dep_ in {"ccomp", "dobj", "xcomp", "dative"} for c in verb.children)


def _told_about(verb: Token, subj: Token) -> bool:
    """ "Most of the dead are believed to ...", "Others are thought to be ...": the subject of a
    passive report verb is what is told about, not who tells ("was quoted as saying" aside)."""
    return subj.dep_ == "nsubjpass" and verb.lemma_.lower() not in {"quote", "cite"}

# Subordinators whose clause gives the start of what a count describes, not its time.
_START_MARKS = {"since", "after"}


def _figure_chain(tok: Token) -> list[Token]:
    """The figure and the words it hangs from; a tally's new level the parser hung on the "since"
    clause before it ("bringing the number ... since the rains began in March to 64") hangs from the
    tally verb."""
    host = _level_host(tok)
    return [tok] + ([host] + list(host.ancestors) if host is not None else list(tok.ancestors))


def _level_host_of(verb: Token) -> bool:
    """A verb that brings a tally to a new level ("raising the death toll ... to 1,230")."""
    return verb.pos_ == "VERB" and any(c.dep_ == "dobj" and singular(c.lemma_.lower()) in TALLY_NOUNS
                                       for c in verb.children)


def _time_paths(tok: Token, chain: list[Token], sent: Span, times: list[TimeSpan]):
    """Each time of the sentence that meets the figure's chain ``chain``: (k, time, below, span) with
    k the chain index where it meets and ``below`` the path from the time up to (not including) it."""
    for ts in times:
        span = sent.doc.char_span(ts.char_start, ts.char_end, alignment_mode="expand") \
            if ts.char_start is not None else None
        if span is None:
            continue
        up = {span.root.i} | {a.i for a in span.root.ancestors}
        k = next((k for k, n in enumerate(chain) if n.i in up), None)
        if k is None:
            continue
        meet = chain[k].i
        below = [span.root] + list(span.root.ancestors)
        yield k, ts, below[:next((n for n, a in enumerate(below) if a.i == meet), len(below))], span


def _not_its_time(tok: Token, below: list[Token], span: Span) -> bool:
    """ "about 3,000 were in Russia, with around 10,000 expected by December": the time of another
    number's clause (a year is a number too, but not another one), or of the number compared with."""
    return any(a.pos_ == "NUM" and a.i != tok.i and not span.start <= a.i < span.end or
               a.dep_ == "conj" and a.pos_ == "VERB" and not _trailing_shared(a, span)
               for a in below) or _earlier_value(below, span)


def _trailing_shared(verb: Token, span: Span) -> bool:
    """ "the attack killed 13 civilians and injured 29 others on Saturday": a time after the last of
    verbs that share one subject closes them all; a verb with its own subject ("..., and 500 died
    on Monday") keeps its time."""
    return span.start > verb.i and not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)


def _start_clause(below: list[Token], span: Span) -> Optional[str]:
    """ "since they entered combat in early December", "remained displaced after the storm made
    landfall on 11 September", "since the start of the war in 2022": the time sits in a clause or
    phrase that starts what the count describes ("since Friday" itself is read by timex)."""
    for a in below:
        if a.dep_ == "advcl":
            mark = next((m.lower_ for m in a.children if m.dep_ == "mark" and m.lower_ in _START_MARKS), None)
            if mark:
                return mark
        if a.dep_ == "prep" and a.lower_ in _START_MARKS and a is not below[0].head and not span.start <= a.i < span.end:
            return a.lower_
        if a.dep_ == "relcl" and a.lemma_.lower() in table("figures").set("start_verbs"):
            return "since"   # "killed in protests that began on Sunday": the count runs from then
    return None


def _other_noun_clause(below: list[Token], chain: list[Token]) -> bool:
    """ "drills in Crimea, which Russia annexed in 2014": the time of a relative clause that
    describes another noun, not the figure's own counted noun."""
    own = {chain[0].i, chain[0].head.i}
    own |= {c.i for n in chain[:2] for c in n.children if c.dep_ == "appos"}   # "$200 million, a sum that ..."
    # "18 percent of the households they surveyed last month": the whole the share is of
    own |= {p.i for n in chain[:2] for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj"}
    # the subject's clause tells the event's time ("the storm that hit on Sunday killed 150")
    # (the clause of the event the people were counted in tells its time: "killed in violence that
    # marred Saturday's elections")
    return any(a.dep_ == "relcl" and a.head.pos_ in {"NOUN", "PROPN"} and a.head.i not in own
               and a.head.dep_ not in {"nsubj", "nsubjpass"} and not _event_of(a.head) for a in below)


def _event_of(noun: Token) -> bool:
    """An event in which the people were counted ("killed in violence", "hurt during the riot")."""
    return noun.lower_ in EVENT_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ in {"in", "during", "amid"}

# Words that say what happened to people without naming them: "100 dead and 1,000 wounded".
_STATE_NOUNS = {"dead", "wounded", "injured", "killed", "missing", "captured", "deaths", "fatalities"}


def _issuer(ents: ArticleEntities, authors: list[str]) -> list[Teller]:
    """The institution a page is by (a bulletin's ministry, a situation report's agency: clean credits
    it as the author), as the teller of the page's figures that name none; [] for a newsroom's page
    or a person's byline."""
    for a in authors:
        ent = ents.table.lookup(a)
        if institution_name(a) or ent is not None and ent.type in {"government", "group", "agency"}:
            name, typ = ents.canonical(a)
            return [Teller(name, typ, None, a, "issued")]
    return []


def _office_apposed(e: Span) -> bool:
    """ "Oleksiy Danilov, Ukraine's National Security and Defense Council secretary": a name the
    tagger took for a body, set off by an office title, is a person."""
    if e.label_ != "ORG" or len(e) < 2 or not all(t.pos_ == "PROPN" for t in e):
        return False
    appos = next((c for c in e.root.children if c.dep_ == "appos" and c.i >= e.end), None)
    return appos is not None and appos.pos_ == "NOUN" and appos.lemma_.lower() in table("lexicon").set("office_titles")


def _ents_by_sentence(doc: Doc, sents: list[Span]) -> list[list[Span]]:
    """``sent.ents`` of every sentence in one walk (each ``sent.ents`` builds all the doc's entity spans)."""
    ents, k, out = list(doc.ents), 0, []
    for s in sents:
        while k < len(ents) and ents[k].start < s.start:
            k += 1
        j, here = k, []
        while j < len(ents) and ents[j].start < s.end:
            if ents[j].end <= s.end:
                here.append(ents[j])
            j += 1
        out.append(here)
    return out


# "... https://t.co/x — Ann Lee (@annlee) May 2, 2024": the signature under an embedded post (its
# date too: a byline "— Ann Lee (@annlee)" closing an article is no post)
_POST_SIGNATURE = re.compile(r"[\u2014\u2013] ?([^\s\u2014\u2013()@][^\n\u2014\u2013()@]{0,60}?) ?\(@\w{1,30}\) ?(?:"
                             + "|".join(sorted((m for m in MONTHS if len(m) > 2), key=len, reverse=True))
                             + r")\.? \d{1,2}, \d{4}", re.I)
_POST_CHARS = 320   # a post of 280 characters, spaced as a page prints it
_POST_MARK = re.compile(r"[#@]\w")


def embedded_posts(text: str, para_starts: list[int]) -> list[tuple[int, int, str]]:
    """(start, end, author) of each embedded post: the paragraph its signature closes, and the
    paragraphs right before it that carry a post's marks (#tag, @name) while it stays post-sized."""
    if "(@" not in text:
        return []
    out = []
    for m in _POST_SIGNATURE.finditer(text):
        i = bisect.bisect_right(para_starts, m.start()) - 1
        start = para_starts[i] if i >= 0 else 0
        if not text[start:m.start()].strip() and i > 0:   # the signature on a line of its own
            i -= 1
            start = para_starts[i]
        while i > 0 and m.start() - para_starts[i - 1] <= _POST_CHARS and \
                _POST_MARK.search(text, para_starts[i - 1], para_starts[i]):
            i -= 1
            start = para_starts[i]
        out.append((start, m.start(), m.group(1).strip()))
    return out


# "TOMASZ WROBEL (Regional emergency co-ordinator): Good morning ...", "WROBEL: The air is good.": a
# transcript's speaker label opening a paragraph (a name in capitals, a role in brackets at first)
_SPEAKER_LABEL = re.compile(r"(?P<name>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})(?: \((?P<role>[^()\n]{2,80})\))?:[ \t]+\S")


def transcript_speakers(text: str, para_starts: list[int]) -> dict[int, Optional[tuple[str, Optional[str]]]]:
    """Paragraph -> (speaker, role) in a transcript; None for a reporter's question ("QUESTION: ...").
    A text is a transcript when a label names a speaker with a role in brackets and a question label
    follows: a label then speaks for its paragraph and the unlabelled ones after it; a bare label is
    the speaker whose surname it is ("WROBEL:"). Labels on a news page ("BREAKING: ...") name no one."""
    found = []
    for k, start in enumerate(para_starts):
        m = _SPEAKER_LABEL.match(text, start)
        if m:
            found.append((k, m.group("name"), m.group("role")))
    people = {name.split()[-1]: (" ".join(w.capitalize() for w in name.split()), role)
              for _k, name, role in found if role and len(name.split()) > 1}
    if not people or not any(name.lower() in QUESTIONER_LABELS for _k, name, _r in found):
        return {}
    out: dict[int, Optional[tuple[str, Optional[str]]]] = {}
    labels = {k: (name, role) for k, name, role in found}
    cur: Optional[tuple[str, Optional[str]]] = None
    first = min(labels)
    for k in range(first, len(para_starts)):
        if k in labels:
            name, role = labels[k]
            cur = None if name.lower() in QUESTIONER_LABELS else people.get(name.split()[-1])
        out[k] = cur
    return out


def _post_author(posts: list[tuple[int, int, str]], at: int) -> list[Teller]:
    """A number in an embedded post is its author's."""
    return next(([Teller(who, "person", None, who, "post")] for start, end, who in posts if start <= at < end), [])


def _another(doc: Doc, fig: Figure) -> bool:
    """ "Storms killed 19 people on Saturday ... Another 86 people were injured": a count set beside
    the one just told, of the same event (and so of its time)."""
    words = [t.lower_ for t in doc[max(0, fig.start - 2):fig.start]]
    return words[-1:] == ["another"] or words[-2:] in (["a", "further"], ["an", "additional"])


def _among_them(sent: Span, fig: Figure) -> bool:
    """ "Among the wounded were four children", "Of the dead, 12 were children": a share of the
    people counted just before, named by their state; told at the same time as they were."""
    return fig.measure in _SHARED_STATES and any(
        t.dep_ == "prep" and t.lower_ in {"among", "of"} and any(
            p.dep_ == "pobj" and MEASURE_CUES.get(p.lower_) == fig.measure and
            any(c.dep_ == "det" and c.lower_ == "the" for c in p.children) for p in t.children)
        for t in sent)


_SHARED_STATES = {"killed", "wounded", "missing", "captured", "displaced"}
_NEAR_CHARS = 400   # "just before": within a couple of sentences


def _same_group(sent: Span, prev: Figure) -> bool:
    """The sentence's subject is a definite description of the people the figure before counted
    ("the deceased nurses" after "101 nurses"): it goes on about them."""
    head = (prev.counted or "").split()[-1:]
    subj = next((c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return bool(head) and subj is not None and subj.pos_ == "NOUN" and \
        singular(subj.lower_) == singular(head[0].lower()) and \
        any(c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in subj.children)


def _speaker_like(a) -> bool:
    """A person, or a name the tagger did not call one ("Will Young, a mechanic, said ..."):
    a verbless quote after their reported speech goes on with them."""
    if a.source_type == "person":
        return True
    words = (a.source or "").split()
    return a.source_type == "other" and 1 < len(words) < 5 and all(w[:1].isupper() for w in words)


def _people_named_before(sent: Span, fig: Figure) -> Optional[Token]:
    """The people noun of the sentence before the figure: the subject the clause is about
    ("soldiers have begun arriving"), else the nearest."""
    nouns = [t for t in reversed(sent.doc[sent.start:fig.start]) if t.pos_ == "NOUN" and is_people(t.text)]
    subjects = [t for t in nouns if t.dep_ in {"nsubj", "nsubjpass"}]
    return min(subjects, key=lambda t: len(list(t.ancestors))) if subjects else (nouns[0] if nouns else None)


def _elliptic(fig: Figure, doc: Doc) -> bool:
    """A count with no noun of its own (or only a state word) that stands for people counted before."""
    if fig.value is None or fig.anaphoric or fig.qualifier == "vague":
        return False
    if fig.counted is None and _money_or_share(doc, fig):
        return False  # "Police seized $5 million": money stands for no one named before
    if fig.counted is None:
        nxt = doc[fig.end] if fig.end < len(doc) else None
        # "10,000 expected", "3,000 were", "1,000 wounded"; not "2024," or "one of"
        if doc[fig.end - 1].lower_ == "one" or nxt is not None and nxt.ent_type_ in {"NORP", "GPE"}:
            return False  # "one of", "one Ukrainian and two U.S. officials"
        return nxt is None or nxt.pos_ in {"VERB", "AUX", "ADV", "ADJ", "PUNCT", "CCONJ", "ADP"} and nxt.lower_ != "of" \
            or nxt.lower_ in {"who", "whom"}  # "including some 600 who died"
    return fig.counted.lower() in _STATE_NOUNS


def _earlier_value(below: list[Token], span: Span) -> bool:
    """ "about 750 soldiers each, up from 60 two weeks ago": the time of the number compared with."""
    return any(a.lower_ == "from" and any(t.pos_ == "NUM" and not span.start <= t.i < span.end for t in a.subtree)
               for a in below)


def _event_count(fig: Figure) -> bool:
    """A count an event's time dates: of people, or of homes, customers, flights (data/lexicon.json
    event_counts); not points, prices, shares or durations."""
    return is_people(fig.counted) or bool(fig.counted) and singular(fig.counted.split()[-1].lower()) in EVENT_COUNTS


def _past(verb: Token) -> bool:
    """The clause tells of the past: a past verb ("were", "killed"), or a participle after a past
    auxiliary ("had been displaced", "were killed"); not the present perfect ("have died")."""
    if verb.tag_ == "VBD":
        return True
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return verb.tag_ == "VBN" and bool(auxes) and all(a.tag_ in {"VBD", "VBN"} for a in auxes)


def _perfect(fig: Figure) -> bool:
    for n in fig.path[:4]:
        if n.pos_ in {"VERB", "AUX"}:
            return any(c.dep_ in {"aux"} and c.lemma_ == "have" for c in n.children)
    return False


