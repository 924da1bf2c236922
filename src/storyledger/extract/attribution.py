"""Who says so: the source of a clause and the chain of relays that passed it on.

Walking up the dependency tree from a claim's words, every reporting verb whose *content*
holds the claim (its ccomp/xcomp/parataxis/object) adds one teller: the innermost teller is
the source, the outer ones are relays ("The NIS said ..., Yonhap said"). "citing X" on a
reporting verb puts X inside its teller; "according to X" names a teller for its clause.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

from spacy.tokens import Span, Token

from storyledger.extract.entities import ArticleEntities, is_title_word
from storyledger.extract.figures import gapped_valuation, valuation_verb
from storyledger.extract.quotes import DOCUMENT_NOUNS, ORG_NOUNS, causee, description_referent, pronoun_referent
from storyledger.extract.lexicon import (
    BELIEF_LEMMAS, BRIEFING_LEMMAS, CLAUSE_ONLY_REPORT_LEMMAS, COORDINATE_MARKS, ESTIMATE_CUES, EVIDENCE_NOUNS, GENERIC_REPORT_NOUNS,
    ISSUE_LEMMAS, MASTHEAD_WORDS, NOT_PEOPLE_HEADS, PEOPLE, PLAN_CUES, PROJECTION_CUES, RECORD_NOUNS, RECORD_REPORT_LEMMAS, REPORT_LEMMAS,
    REVISION_LEMMAS, TALLY_NOUNS, UNCONFIRMED_CUES,
)
from storyledger.extract.extensions import text_of
from storyledger.extract.spans import ent_at, ents_in
from storyledger.model import Attribution
from storyledger.tables import table
from storyledger.words import singular


CONTENT_DEPS = {"ccomp", "xcomp", "parataxis", "dobj", "conj", "advcl_content"}
_PRONOUNS_PERSON = {"he", "she", "him", "her"}
_PRONOUNS_BODY = {"it", "they", "we"}
_PRONOUNS_ANY = frozenset(_PRONOUNS_PERSON | _PRONOUNS_BODY)
_POSS_PRONOUNS = {"his", "her", "its", "their"}
# Generic nouns for a kind of body, by the entity types they can stand for ("the newspaper" -> an outlet).
_BODY_NOUNS = {"agency": {"agency", "wire"}, "service": {"agency"}, "ministry": {"government"},
               "newspaper": {"outlet"}, "paper": {"outlet"}, "outlet": {"outlet", "wire"},
               "broadcaster": {"outlet"}, "government": {"government"}, "department": {"government"},
               "office": {"government", "agency"}, "wire": {"wire"}, "daily": {"outlet"}}


@dataclass
class Teller:
    source: str
    source_type: str
    role: Optional[str]
    text: str
    cue: str
    generic: Optional[str] = None     # "indefinite" (a news report) or "definite" (the report)
    verb: Optional[Token] = None


@dataclass
class SourceFinder:
    ents: ArticleEntities
    last_person: Optional[str] = None
    last_body: Optional[str] = None
    history: list[Teller] = field(default_factory=list)
    chains: list[list[Teller]] = field(default_factory=list)
    mentioned: list[tuple[str, str, int]] = field(default_factory=list)  # (name, type, char offset) of known bodies
    # the Doc last asked about "according" and whether its text holds the word at all
    _according_doc: Any = field(default=None, repr=False, compare=False)
    _according_any: bool = field(default=True, repr=False, compare=False)

    def mention(self, text: str, pos: int) -> None:
        """A known body named anywhere in the text (a later "the newspaper" may mean it)."""
        name, typ = self.ents.canonical(text)
        if typ not in {"other", "person"}:
            self.mentioned.append((name, typ, pos))

    # -- naming a source phrase ----------------------------------------------
    def name(self, tok: Token, cue: str, verb: Optional[Token] = None) -> Teller:
        """The teller a source phrase names: the first rule of ``NAME_RULES`` that knows."""
        ph = _Phrase.of(tok, cue, verb)
        for rule in NAME_RULES:
            t = rule(self, ph)
            if t is not None:
                return t
        raise AssertionError("the last naming rule always answers")  # pragma: no cover

    def _teller(self, ph: "_Phrase", name: str, typ: str, role: Optional[str] = None,
                text: Optional[str] = None) -> Teller:
        return Teller(name, typ, role, ph.text if text is None else text, ph.cue, verb=ph.verb)

    def _person(self, ph: "_Phrase", name: str, text: Optional[str] = None) -> Teller:
        """A person teller; remembers them for a later "he said"."""
        p = self.ents.people.get(name)
        self.last_person = name
        return self._teller(ph, name, "person", p.role if p else None, text)

    def by_pronoun(self, ph: "_Phrase") -> Optional[Teller]:
        """"he said": the nearest person of that gender; "it", "they": the body told last."""
        tok, low = ph.tok, ph.tok.lower_
        # a name the tagger calls a pronoun ("Rod Brind'Amour said") is no pronoun
        if not (tok.pos_ == "PRON" or low in _PRONOUNS_ANY) or tok.ent_type_ == "PERSON":
            return None
        ref = pronoun_referent(tok) if low in _PRONOUNS_PERSON else None
        if ref is not None:  # the nearest person of the pronoun's gender, subjects first
            p = self.ents.people.get(ref) or (self.ents.person_by_part(ref, ph.pos) if " " not in ref else None)
            self.last_person = p.name if p else ref
            return self._teller(ph, self.last_person, "person", p.role if p else None, tok.text)
        if low in _PRONOUNS_PERSON and self.last_person:
            return self._person(ph, self.last_person, tok.text)
        prev = self.chains[-1][-1] if self.chains and low in _PRONOUNS_BODY else \
            (self.history[-1] if self.history else None)
        if low in {"they", "we"} and prev is not None and prev.source_type == "person":
            # a plural is no one person told of last ("if they really believed ..."): the body told of last
            prev = next((t for t in reversed(self.history) if t.source_type != "person"), None)
        if prev is not None:
            return self._teller(ph, prev.source, prev.source_type, prev.role, tok.text)
        # a pronoun for no one told of before ("They said ..." opening a text): unknown, not "They"
        return self._teller(ph, "", "other", None, tok.text)

    def by_possessive(self, ph: "_Phrase") -> Optional[Teller]:
        """"his intelligence services", "its spy agency": the services of whoever the pronoun means."""
        tok = ph.tok
        poss = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in _POSS_PRONOUNS), None)
        if poss is None or tok.pos_ != "NOUN":
            return None
        # the person named last before this phrase (names in the sentence are learned first)
        named = [p for p in self.ents.people.values() if p.last_seen <= ph.pos]
        person = max(named, key=lambda p: p.last_seen).name if named else self.last_person
        if poss.lower_ in {"his", "her"} and person:
            p = self.ents.people.get(person)
            return self._teller(ph, person, "person", p.role if p else None)
        if poss.lower_ in {"its", "their"} and self.history:
            prev = self.history[-1]
            return self._teller(ph, prev.source, prev.source_type, prev.role)
        return None

    def by_owner(self, ph: "_Phrase") -> Optional[Teller]:
        """"Infrastructure Canada's database", "the union's release": a document speaks for its owner."""
        if ph.tok.lemma_.lower() not in DOCUMENT_NOUNS:
            return None
        owner = next((c for c in ph.tok.children if c.dep_ == "poss" and c.lower_ not in _POSS_PRONOUNS), None)
        # "DGHS data", "Health Ministry figures": a body's name set before the record owns it
        owner = owner or next((c for c in ph.tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                               and (c.ent_type_ == "ORG" or c.text.isupper())), None)
        if owner is None or owner.pos_ not in {"PROPN", "NOUN"}:
            return None
        return self.name(owner, ph.cue, ph.verb)

    def by_publisher(self, ph: "_Phrase") -> Optional[Teller]:
        """"a report in The New York Times", "a statement by the ministry", "figures from provincial
        governors", "a statement posted on the county's website": the publisher is the source (a
        document tells nothing of its own)."""
        lem = ph.tok.lemma_.lower()
        if lem not in _PUBLISHED_NOUNS:
            return None
        for prep, pobj in _issuer_phrases(ph.tok):
            owner = next((c for c in pobj.children if c.dep_ == "poss" and c.lower_ not in _POSS_PRONOUNS
                          and c.pos_ in {"NOUN", "PROPN"}), None) if pobj.lemma_.lower() in DOCUMENT_NOUNS else None
            inner = self.name(owner or pobj, ph.cue, ph.verb)
            if inner.source_type != "other" or pobj.ent_type_ in {"ORG", "PERSON"} or owner is not None or \
                    (prep.lower_ in {"by", "from"} or prep.dep_ == "relcl") and _may_issue(pobj) or \
                    prep.dep_ == "agent" and prep.head.dep_ == "acl":
                return inner
        return None

    def by_person_named(self, ph: "_Phrase") -> Optional[Teller]:
        """A person named in the phrase: "Defense Minister Kim Yong-hyun", "Hong Min, a fellow ..."."""
        tok, words = ph.tok, ph.words
        if not words or not any(t.ent_type_ == "PERSON" for t in tok.doc[words[0].i:words[-1].i + 1]):
            return None   # no name here (and doc.ents, which builds every entity span, is not asked)
        # a name that only qualifies another noun ("a Biden administration official") names no teller
        person = [e for e in ents_in(tok.doc, words[0].i, words[-1].i + 1) if e.label_ == "PERSON"
                  and (e.start <= tok.i < e.end or e.root.dep_ != "compound")] if words else []
        if not person:
            return None
        ent = person[-1]
        name = re.sub(r"['’]s$", "", ent.text).strip()
        role_toks = [t for t in words if t.i < ent.start and t.dep_ != "det" and t.pos_ != "DET"]
        role = " ".join(t.text for t in role_toks).replace(" 's", "'s") or None
        appos = [c for c in tok.children if c.dep_ == "appos"]
        if appos:
            a = appos[0]
            role = _strip_det(tok.doc[a.left_edge.i:a.right_edge.i + 1].text) or role
        known = self.ents.person_by_part(name, ph.pos) if len(name.split()) == 1 else None
        if known is not None:
            name = known.name
            role = role or known.role
        p = self.ents.learn_person(name, role, ph.pos)
        self.last_person = p.name
        return self._teller(ph, p.name, "person", p.role)

    def by_apposed_name(self, ph: "_Phrase") -> Optional[Teller]:
        """"Ukrainian news outlet The Kyiv Post": the apposed name is the name (not when the whole
        phrase is a known name: "the UN International Organization for Migration" is the IOM)."""
        if self.ents.table.lookup(ph.text) is not None:
            return None
        for a in ph.tok.children:
            if a.dep_ == "appos" and a.ent_type_ in {"ORG", "WORK_OF_ART", "GPE", "NORP", "PERSON"} or \
                    a.dep_ == "compound" and a.ent_type_ == "ORG" and a.i > ph.words[0].i:
                n2, t2 = self.ents.canonical(ph.tok.doc[a.left_edge.i:a.right_edge.i + 1].text)
                if t2 != "other":
                    return self._teller(ph, n2, t2)
        return self._apposed_proper_name(ph)

    def _apposed_proper_name(self, ph: "_Phrase") -> Optional[Teller]:
        """"the tracking website PowerOutage.us", "the agency's director-general, Olufemi
        Oke-Osanyintolu,": a description with a proper name set beside it is that name, though no
        list knows it and the tagger reads it wrong; a role's name is a person."""
        tok = ph.tok
        if not tok.is_lower or not (ph.det == "the" or any(c.dep_ == "poss" for c in tok.children)):
            return None   # (a name beside a name: "the ... Agency, BMKG," is the first one's)
        for a in tok.children:
            if a.dep_ != "appos" or a.i < tok.i:
                continue
            span = tok.doc[a.left_edge.i:a.right_edge.i + 1]
            if not (span[0].text[:1].isupper() and all(w.pos_ == "PROPN" or _in_word(w) or _name_glue(w, span) for w in span)) or \
                    any(w.ent_type_ in {"GPE", "NORP", "DATE", "TIME"} for w in span):
                return None
            name = re.sub(r"['’]s$", "", span.text).strip()
            if is_title_word(tok.text):
                # (not ``last_person``: a name the tagger missed is no one a later "he" was resolved against)
                p = self.ents.learn_person(name, _strip_det(ph.text), ph.pos)
                return self._teller(ph, p.name, "person", p.role)
            return self._body(ph, *self.ents.canonical(name))
        return None

    def by_name_before_verb(self, ph: "_Phrase") -> Optional[Teller]:
        """"The spokesman for the committee ..., Mohammed El Jarih, announced": a role's name set off
        by commas right before the verb, wherever the parser hung it inside the long subject."""
        verb, doc = ph.verb, ph.tok.doc
        if verb is None or not is_title_word(ph.tok.text) or verb.i < 3 or doc[verb.i - 1].text != ",":
            return None
        ent = ent_at(doc, verb.i - 2)
        if ent is None or ent.label_ != "PERSON" or ent.end != verb.i - 1 or ent.start <= ph.tok.i or doc[ent.start - 1].text != "," or \
                not all(ph.tok.i in {a.i for a in t.ancestors} for t in ent):
            return None
        p = self.ents.learn_person(re.sub(r"['’]s$", "", ent.text).strip(), _strip_det(ph.text), ph.pos)
        self.last_person = p.name
        return self._teller(ph, p.name, "person", p.role)

    def by_known_surname(self, ph: "_Phrase") -> Optional[Teller]:
        """A bare surname seen before ("Jeon said")."""
        if len(ph.words) != 1 or not (ph.tok.pos_ == "PROPN" or ph.tok.ent_type_ and ph.tok.text[:1].isupper()):
            return None
        known = self.ents.person_by_part(ph.tok.text, ph.pos)
        if known is None:
            return None
        self.last_person = known.name
        known.last_seen = ph.pos
        return self._teller(ph, known.name, "person", known.role)

    def by_generic_report(self, ph: "_Phrase") -> Optional[Teller]:
        """"a news report", "media reports": a placeholder for an outlet named nearby."""
        if ph.head in GENERIC_REPORT_NOUNS and not any(t.ent_type_ in {"NORP", "ORG", "GPE"} for t in ph.content):
            # "credible reports received by Amnesty": who received them vouches for them (not an outlet
            # named in a later sentence)
            agent = next((o for c in ph.tok.children if c.dep_ == "acl" and c.tag_ == "VBN"
                          for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"), None)
            if agent is not None and _may_issue(agent):
                return self.name(agent, ph.cue, ph.verb)
            kind = "definite" if ph.det in {"the", "this", "that"} else "indefinite"
            return Teller(ph.text, "other", None, ph.text, ph.cue, generic=kind, verb=ph.verb)
        return None

    def by_role_described(self, ph: "_Phrase") -> Optional[Teller]:
        """"the minister", "the official", "the spokesperson": someone described before."""
        if not (ph.det == "the" and len(ph.content) <= 2 and is_title_word(ph.tok.text)):
            return None
        known = self.ents.by_descriptor(ph.tok.text, ph.pos)
        if known is None:
            return None
        if known in self.ents.people:
            return self._person(ph, known)
        kname, ktyp = self.ents.canonical(known)
        return self._teller(ph, kname, ktyp, ph.tok.text)

    def by_body_of_official(self, ph: "_Phrase") -> Optional[Teller]:
        """"a foreign ministry official": the body, with the person's role."""
        tok = ph.tok
        if ph.head not in {"official", "spokesperson", "spokesman", "spokeswoman", "source", "officer"} or len(ph.content) < 2:
            return None
        body_words = " ".join(t.text for t in ph.content if t.i != tok.i)
        name, typ = self.ents.canonical(body_words)
        if typ not in {"other", "person"}:  # a "Biden administration official" speaks for no person
            self.ents.described.append((tok.lower_, name, ph.pos))
            return self._teller(ph, name, typ, tok.text)
        self.ents.described.append((tok.lower_, f"{body_words} {tok.text}", ph.pos))
        return None

    def by_gazetteer(self, ph: "_Phrase") -> Optional[Teller]:
        """A name the gazetteer or the article knows, for the phrase or the longest name inside it
        ("Ukrainian news outlet The Kyiv Post")."""
        name, typ = ph.canon = self.ents.canonical(ph.text)
        ws = [t.text for t in ph.content]
        # "Russia's Interstate Aviation Committee": a body with a name of its own is not its country
        poss = next((i for i, w in enumerate(ws) if w in {"'s", "’s"}), None)
        owner_only = poss + 1 if poss is not None and all(w[:1].isupper() for w in ws[poss + 1:]) else 0
        for k in range(1, len(ws)):
            if typ != "other":
                break
            for part in (" ".join(ws[k:]),) + (() if len(ws) - k <= owner_only else (" ".join(ws[:len(ws) - k]),)):
                name, typ = self.ents.canonical(part.replace(" 's", "'s"), bare=False)
                if typ != "other":
                    break
        if typ == "other":
            return None
        return self._body(ph, name, typ)

    def by_described_name(self, ph: "_Phrase") -> Optional[Teller]:
        """"Turkey's neighbour Syria", "oil giant Shell", "state news agency SANA": a name at the head
        of a phrase that describes it with common nouns is the name (not "Russia's Defence Ministry")."""
        tok, doc = ph.tok, ph.tok.doc
        # the name may be hung as an apposition right after the describing noun ("neighbour Syria")
        named = tok if tok.pos_ == "PROPN" else next((a for a in tok.children if a.dep_ == "appos" and a.i == tok.i + 1
                                                        and a.pos_ == "PROPN"), None)
        ent = ent_at(doc, named.i) if named is not None else None
        if ent is None or ent.label_ not in {"GPE", "ORG", "NORP"} or ent.end != named.i + 1:
            return None
        before = [t for t in ph.content if t.i < ent.start]
        if not any(t.pos_ == "NOUN" and t.is_lower for t in before) or \
                not all(t.is_lower or t.dep_ == "poss" or t.dep_ == "case" for t in before):
            return None
        return self._body(ph, *self.ents.canonical(ent.text))

    def _body(self, ph: "_Phrase", name: str, typ: str) -> Teller:
        if typ != "person":
            self.last_body = name
        return self._teller(ph, name, typ)

    def by_kind_told_last(self, ph: "_Phrase") -> Optional[Teller]:
        """"the agency said": the body last told of by that kind of noun."""
        tok = ph.tok
        if not (ph.det == "the" and len(ph.content) <= 2):
            return None
        # "the health ministry" is no ministry told of before unless that one is the health ministry
        kind = [t.lower_ for t in ph.content if t.i != tok.i and t.is_lower]
        for prev in reversed(self.history):
            if kind and kind[0] not in prev.source.lower():
                continue
            # "the group said" after "Human Rights Watch said": a group told of last
            if tok.lower_ == "group" and prev.source_type == "group" or \
                    prev.source_type in {"agency", "government", "wire", "outlet", "group"} and \
                    (tok.lower_ in prev.source.lower() or tok.lower_ in {"agency", "ministry", "service", "paper", "outlet"}):
                return self._teller(ph, prev.source, prev.source_type, prev.role)
        return None

    def by_kind_mentioned(self, ph: "_Phrase") -> Optional[Teller]:
        """"the newspaper", "the South Korean agency": the latest body of that kind (and country)
        named in the article, as a source or anywhere in the text."""
        tok = ph.tok
        if not (ph.det == "the" and tok.lemma_.lower() in _BODY_NOUNS):
            return None
        country = " ".join(t.text for t in ph.content if t.i != tok.i and t.ent_type_ in {"NORP", "GPE"})
        if len(ph.content) - 1 != len(country.split()):
            return None
        for prev in reversed(self.mentioned):
            if prev[1] in _BODY_NOUNS[tok.lemma_.lower()] and prev[2] <= tok.idx and \
                    (not country or self.ents.same_country(prev[0], country)):
                return self._teller(ph, prev[0], prev[1])
        return None

    def by_description(self, ph: "_Phrase") -> Optional[Teller]:
        """"the company", "the rookie defenceman": whom the article's own memory says it means."""
        ref = description_referent(ph.tok)
        if ref is None:
            return None
        if ref[1] == "person":
            p = self.ents.people.get(ref[0])
            if not _of_the_persons_body(ph.tok, p.role if p else None):
                return None   # "the head of the Red Crescent" is no one the text tied to the Red Crescent
            self.last_person = ref[0]
            return self._teller(ph, ref[0], "person", p.role if p else ph.text)
        return self._body(ph, *self.ents.canonical(ref[0]))

    def as_written(self, ph: "_Phrase") -> Teller:
        """Nobody we know: the phrase's own words."""
        return self._body(ph, *(ph.canon or self.ents.canonical(ph.text)))

    # -- the chain above a token ---------------------------------------------
    def chain(self, tok: Token, sent: Span) -> list[Teller]:
        """Tellers from innermost (the source) to outermost relay, for the clause of ``tok``."""
        out: list[Teller] = self._reported_by(tok)
        cur = _level_host(tok) or tok
        seen = 0
        joined = -1      # first token of a clause set beside the told one ("..., while 230 were hurt")
        while seen < 40:
            seen += 1
            for t in self._according(cur):
                out.append(t)
            out.extend(self._apposed_tag(cur, tok))
            if not _is_report(cur):
                # "... that 40 people died, citing local officials": the parser hangs "citing" on the
                # content clause; the cited source is inside whoever reports it
                out.extend(self._cited(cur, {"advcl"}))
            mark = next((c.lower_ for c in cur.children if c.dep_ == "mark"), None) if cur.dep_ == "advcl" else None
            if mark is not None:
                # "after Ukrainian media reported ...": the outer speaker does not relay it; but a
                # closing "..., while 9,000 were missing, according to X" covers the sentence before it
                closing = [t for h in ([cur.head, *cur.head.ancestors] if not out and cur.head.i != cur.i else [])
                           for t in self._according(h, after=cur.right_edge.i)]
                out.extend(closing)
                if closing or out or mark not in COORDINATE_MARKS:
                    break
                # "the toll rose to 41, police said, while 230 were hurt": a clause set beside the
                # reported one is told by the same teller, wherever the tag sits
                joined = cur.left_edge.i if joined < 0 else min(joined, cur.left_edge.i)
            head = cur.head
            if head.i == cur.i:
                break
            gap = gapped_valuation(head) if cur.dep_ == "pobj" else None
            if gap is not None:
                out.append(self.name(gap[1], gap[0].lemma_.lower()))  # "..., Western intelligence at 130,000"
            if head.pos_ == "NOUN" and head.lemma_.lower() in REPORT_NOUNS and cur.dep_ == "prep" and \
                    cur.lower_ in {"on", "about", "of"}:
                # (a common adjective names no one: "an earlier estimate", "a new report")
                mods = [c for c in head.children if c.i < head.i and (c.dep_ in {"compound", "poss"} or
                                                                      c.dep_ == "amod" and not c.is_lower)]
                own = _own_subject(head, mods)
                if own is not None:
                    out.append(self.name(own, head.lemma_.lower()))
                elif mods:
                    words = head.doc[min(m.left_edge.i for m in mods):head.i + 1].text
                    out.append(self.name_text(words, head.lemma_.lower()))
            if _is_report(head) and (cur.dep_ in CONTENT_DEPS or _content_advcl(cur, head) or cur.left_edge.i == joined
                                     or cur.dep_ == "nsubj" and (_apposed_teller(cur, head) is not None or
                                                                 _tagged_after(cur, head))):
                out.extend(self._tellers_of(head))
                if head.dep_ == "conj" and any(c.dep_ == "nsubj" for c in head.children):
                    # "X said A, and Y said B": Y's report is coordinated with X's, not told by X
                    break
            elif head.pos_ == "NOUN" and head.lemma_.lower() in REPORT_NOUNS and cur.dep_ in {"acl", "ccomp", "relcl"} \
                    and (any(c.lower_ == "that" and c.dep_ == "mark" for c in cur.children) or _is_report(cur)):
                author = _report_author(head)
                if author is not None:
                    out.append(self.name(author, head.lemma_.lower()))
            elif gap is None and cur.dep_ == "pobj" and (valuer := valuation_verb(head)) is not None:
                out.extend(self._tellers_of(valuer))  # "Zelensky put the number at 11,000", "losses above 3,000"
            elif gap is None and cur.dep_ == "pobj" and (reviser := _revision_verb(head)) is not None:
                out.extend(self._tellers_of(reviser))  # "the collector revised the death toll to 14 from nine"
            out.extend(t for c in head.children if self._is_tag(c, cur, tok, joined) for t in self._tellers_of(c))
            cur = head
        if not out and (tail := _record_tail(sent)) is not None and tail[0] > tok.i:
            out.append(self._record_teller(*tail))
        return _own_pronouns(out)

    def _record_teller(self, first: int, rec: Token) -> Teller:
        """Whose record a closing "X data show" is: the body's name the tagger hung beside the record
        ("BNPB data show"), else the words ("official data show")."""
        owner = next((c for c in rec.head.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < rec.i), None)
        return self.name(owner, "show") if owner is not None else self.name_text(rec.doc[first:rec.i + 1].text, "show")

    def _is_tag(self, c: Token, cur: Token, tok: Token, joined: int) -> bool:
        """"..., Yonhap reported on Friday": a reporting clause hung on ``c``'s head after the content
        (or before a clause set beside it: ``joined``), a tag, not a second report with its own content.
        The parser may make it a ccomp of a verb that reports nothing ("Images show 45,000 troops ...,
        an analyst told the Tribune") or a second ccomp beside the content ("Photos suggest ..., an
        analyst said")."""
        head = c.head
        return (c.i > tok.i or c.i < joined) and c.i != cur.i and _is_report(c) and \
            (c.dep_ in {"advcl", "parataxis", "conj"} or c.dep_ == "ccomp" and (not _is_report(head) or cur.dep_ == "ccomp")) and \
            not any(m.dep_ == "mark" for m in c.children) and _comma_between(tok, c) and \
            (any(m.dep_ == "nsubj" for m in c.children) or _left_subject(c) is not None) and \
            not (c.dep_ == "conj" and _is_report(head) and cur.dep_ in CONTENT_DEPS) and \
            not any(m.dep_ in {"ccomp", "xcomp"} and not _second_conjunct(m, c, head) for m in c.children)

    def _apposed_tag(self, host: Token, tok: Token) -> list[Teller]:
        """"Two were detained on Friday, the state news agency TASS reported, citing a source": the
        parser hung the closing tag's subject as an apposition of a noun in the content, its verb as
        a relative clause on it (no relative pronoun, nothing after it but the sentence's end)."""
        out: list[Teller] = []
        for a in host.children:
            if a.dep_ != "appos" or a.i <= tok.i or a.doc[a.left_edge.i - 1].text != "," or \
                    not all(t.is_punct or t.is_space for t in a.doc[a.right_edge.i + 1:a.sent.end]):
                continue
            for v in a.children:
                if v.dep_ != "relcl" or v.i < a.i or not _is_report(v) or \
                        any(c.dep_ in {"ccomp", "xcomp", "mark"} or c.tag_ in {"WDT", "WP"} for c in v.children):
                    continue
                own = any(c.dep_ == "nsubj" for c in v.children)
                out += self._cited(a) + (self._tellers_of(v) if own else [self.name(a, v.lemma_.lower(), v)] + self._told_outlet(v))
        return out

    def _reported_by(self, tok: Token) -> list[Teller]:
        """"the 30,000 estimated by the IOM", "5,000 people reported by the ministry", "7,000 troops the
        official said had joined": the figure's own participle or relative clause names its source."""
        nouns = [tok] + ([tok.head] if tok.dep_ == "nummod" else [])
        for n in nouns:
            for c in n.children:
                agent = next((a for a in c.children if a.dep_ == "agent"), None) if c.dep_ == "acl" else None
                pobj = next((o for o in agent.children if o.dep_ == "pobj"), None) if agent is not None else None
                if pobj is not None and (_is_report(c) or c.lemma_.lower() in ESTIMATE_CUES):
                    return [self.name(pobj, c.lemma_.lower(), c)]
                # "7,000 troops the official said had recently joined": a reporting relative clause
                subj = next((x for x in c.children if x.dep_ == "nsubj" and x.tag_ not in {"WDT", "WP"}), None) \
                    if c.dep_ == "relcl" and _is_report(c) and any(x.dep_ == "ccomp" for x in c.children) else None
                if subj is not None:
                    return [self.name(subj, c.lemma_.lower(), c)]
        return []

    def name_phrase(self, tok: Token, cue: str) -> Teller:
        """A cited phrase kept whole with its coordination ("one Ukrainian and two U.S. officials")."""
        if any(c.dep_ == "conj" for c in tok.children):
            words = tok.doc[tok.left_edge.i:tok.right_edge.i + 1].text
            name, typ = self.ents.canonical(words)
            return Teller(name, typ, None, words, cue)
        return self.name(tok, cue)

    def name_text(self, words: str, cue: str) -> Teller:
        words = re.sub(r"\s+(report|reports|statement|assessment|estimate|announcement)$", "", words.strip())
        name, typ = self.ents.canonical(words)
        return Teller(name, typ, None, words, cue)

    def _according(self, tok: Token, after: int = -1) -> list[Teller]:
        doc = tok.doc
        if self._according_doc is not doc:
            # a token "according" is a piece of the lower-cased text: most texts have none, and
            # the walk up every clause asks here at each step
            self._according_doc, self._according_any = doc, "according" in text_of(doc).lower()
        if not self._according_any:
            return []
        res = []
        for c in tok.children:
            if c.lower_ == "according" and c.dep_ == "prep" and c.i > after:
                for to in c.children:
                    for pobj in to.children:
                        if pobj.dep_ == "pobj":
                            # "according to X, citing Y": Y is the source and X relays it; the parser
                            # hangs "citing" on the clause or on X
                            res.extend(self.name_phrase(o, "citing") for h in (tok, pobj) for v in h.children
                                       if _citing(v, {"advcl", "xcomp", "conj", "acl"})
                                       for o in v.children if o.dep_ in {"dobj", "pobj"} and not _own_count(o)
                                       and _may_cite(o))
                            res.append(self.name(pobj, "according to"))
        return res

    def _tellers_of(self, verb: Token) -> list[Teller]:
        head = verb.head
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.i < verb.i and head.pos_ in {"VERB", "AUX"} and \
                verb.lemma_ not in {"cite", "quote"} and not any(c.dep_ in {"nsubj", "mark"} for c in verb.children):
            # "X told AFP by telephone, adding that ...", "AMI, citing the ministry, put the toll at 31,
            # saying ...": the subject goes on telling (the outlet told, the body cited, go on with it);
            # "citing Y" on the participle names Y inside
            return self._cited(verb) + self._tellers_of(head)
        subj, cite = _subject_of(verb)
        # the cited words up to the comma that sets off the misparsed subject
        tellers: list[Teller] = [self.name_text(o.doc[o.left_edge.i:o.i + 1].text, "citing") for o in cite]
        for h in [verb] + ([subj] if subj is not None else []):
            tellers.extend(self._cited(h))
        # "an official, speaking after a briefing by the agency, said": the official relays the agency
        tellers.extend(self.name(b, "briefed") for b in _briefers(verb, subj))
        if subj is not None:
            tellers.append(self.name(subj, verb.lemma_.lower(), verb))
            tellers.extend(self._told_outlet(verb))
        return tellers

    def _cited(self, host: Token, deps: frozenset[str] | set[str] = frozenset({"advcl", "xcomp", "conj", "acl"})) -> list[Teller]:
        """"X said, citing Y": Y, for a "citing"/"quoting" clause hung on ``host``."""
        return [self.name_phrase(o, "citing") for c in host.children if _citing(c, deps)
                for o in c.children if o.dep_ in {"dobj", "pobj"} and not _own_count(o) and _may_cite(o)]

    def _told_outlet(self, verb: Token) -> list[Teller]:
        """"officials told Reuters that ...": the outlet told is the relay that carried it."""
        if verb.lemma_.lower() != "tell":
            return []
        out = []
        for c in verb.children:
            if c.dep_ in {"dobj", "dative"}:
                t = self.name(c, "told")
                # a paper the gazetteer does not know by its masthead word ("told the Tribune")
                if t.source_type in {"outlet", "wire"} or c.pos_ == "PROPN" and c.lower_ in MASTHEAD_WORDS:
                    out.append(t)
        return out


def _own_pronouns(tellers: list[Teller]) -> list[Teller]:
    """"The UN said it had confirmed 30 dead": a body's "it" ("they", "we") telling inside that body's
    own report is the body, not whoever the text told of before."""
    out = list(tellers)
    for k in range(len(out) - 2, -1, -1):
        t, outer = out[k], out[k + 1]
        if t.text.lower() in _PRONOUNS_BODY and outer.source and outer.generic is None and \
                outer.source_type not in {"person", "other"}:
            out[k] = Teller(outer.source, outer.source_type, outer.role, t.text, t.cue, verb=t.verb)
    return out


@dataclass
class _Phrase:
    """A source phrase as the naming rules see it."""

    tok: Token
    cue: str
    verb: Optional[Token]
    pos: int
    words: list[Token]
    text: str
    det: str
    head: str
    content: list[Token]
    canon: Optional[tuple[str, str]] = None   # the gazetteer's reading, once asked

    @classmethod
    def of(cls, tok: Token, cue: str, verb: Optional[Token]) -> "_Phrase":
        words = _core_tokens(tok)
        text = _words_text(words).replace(" 's", "'s").replace(" ’s", "’s")
        det = next((t.lower_ for t in words if t.dep_ == "det"), "")
        return cls(tok, cue, verb, tok.idx, words, text, det, tok.lemma_.lower(), [t for t in words if t.dep_ != "det"])


# The naming rules in the order they are tried: the first that answers names the teller. Pronouns
# and people first (they carry discourse memory), then names (the gazetteer), then generic nouns
# resolved against what the article said before, and last the words as written.
NAME_RULES: list = [
    SourceFinder.by_pronoun, SourceFinder.by_possessive, SourceFinder.by_owner, SourceFinder.by_publisher,
    SourceFinder.by_person_named, SourceFinder.by_apposed_name, SourceFinder.by_name_before_verb,
    SourceFinder.by_known_surname,
    SourceFinder.by_generic_report, SourceFinder.by_role_described, SourceFinder.by_body_of_official,
    SourceFinder.by_described_name, SourceFinder.by_gazetteer, SourceFinder.by_kind_told_last, SourceFinder.by_kind_mentioned,
    SourceFinder.by_description, SourceFinder.as_written,
]


def _of_a_body(tok: Token) -> list[Token]:
    """The named body of a description's own "of" phrase ("the local head of the Red Crescent")."""
    return [x for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
            for x in c.subtree if x.ent_type_ == "ORG" and not x.is_lower]


def _of_the_persons_body(tok: Token, role: Optional[str]) -> bool:
    """A description that names its body fits a person only when the text tied the person to it."""
    body = _of_a_body(tok)
    return not body or bool(role) and any(x.lower_ in role.lower().split() for x in body)


def _own_subject(report: Token, mods: list[Token]) -> Optional[Token]:
    """ "The United Nations raised its estimate of ...": a possessive pronoun alone on a report noun
    is the subject of the verb that takes the noun."""
    if len(mods) != 1 or mods[0].dep_ != "poss" or mods[0].lower_ not in _POSS_PRONOUNS:
        return None
    verb = report.head if report.dep_ in {"dobj", "nsubjpass"} else None
    if verb is None or verb.pos_ not in {"VERB", "AUX"}:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in {"PROPN", "NOUN"}), None)


def _subject_of(verb: Token) -> tuple[Optional[Token], list[Token]]:
    """Who a report verb's subject is, and what a misparsed "Citing X," before it cites."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    # "a man said by Ukrainian authorities to be ...": the agent tells, not the subject
    subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    # two subjects on one verb is a misparse ("9 died when the bus overturned, police said", '"... Full
    # panic mode," said Leslie Wimes'): the one next to the verb
    subj = subj or min((c for c in verb.children if c.dep_ == "nsubj"), key=lambda c: abs(c.i - verb.i), default=None)
    if subj is not None and subj.i < verb.i:
        subj = _apposed_teller(subj, verb) or subj
    if subj is None and verb.lemma_.lower() in RECORD_REPORT_LEMMAS:
        subj = _record_subject(verb)
    if subj is None and verb.dep_ == "conj":
        subj = _left_subject(verb)
    if subj is None and verb.dep_ == "xcomp" and verb.head.pos_ == "VERB":
        # "The pressure led the speaker to announce ...", "asked officials to confirm": the object
        # of the verb the report completes is who reports, not its subject
        subj = causee(verb)
    if subj is None and verb.dep_ in {"xcomp", "conj"} and verb.head.pos_ in {"VERB", "AUX"}:
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"} \
            and verb.head.lemma_.lower() not in _REPORTING_NOUNS and agent is None and \
            any(c.dep_ == "ccomp" and any(m.dep_ == "mark" for m in c.children) for c in verb.children):
        # "The spokesman for ..., Name, announced that ...", "with one document suggesting that ...":
        # the noun the verb hangs on is its subject
        subj = verb.head
    if subj is None and verb.i >= 2 and verb.doc[verb.i - 1].text == ",":
        subj = _apposed_before(verb.doc[verb.i - 2])
    cited: list[Token] = []
    csubj = next((c for c in verb.children if c.dep_ == "csubj" and c.lemma_ in {"cite", "quote"}), None)
    obj = next((o for o in csubj.children if o.dep_ == "dobj"), None) if csubj is not None else None
    if subj is None and obj is not None:
        # "Citing the Red Crescent, the UN office added that": the parser makes "Citing" the
        # subject and the real subject an apposition of what is cited
        subj = next((a for a in obj.children if a.dep_ == "appos" and any(t.text == "," for t in verb.doc[obj.i:a.i])), None)
        cited = [obj] if subj is not None else []
    if subj is not None and verb.dep_ == "relcl" and subj.tag_ in {"WDT", "WP"}:
        # "a Ukrainian intelligence report that puts the number at": the report tells; a relative
        # pronoun follows what it stands for ("reports from local leaders who said"), whatever
        # noun the parser hung the clause on
        before = verb.doc[subj.i - 1] if subj.i > 0 else None
        subj = before if before is not None and before.pos_ in {"NOUN", "PROPN"} else verb.head
    return subj, cited


def _revision_verb(prep: Token) -> Optional[Token]:
    """ "X has revised the death toll to 14 from nine", "the utility lowered the number of homes ...
    from 480,000": a verb of revision whose object is a tally, with a subject that can tell (not
    "the quake raised the toll to 41")."""
    verb = prep.head
    if prep.lower_ not in {"to", "from"} or verb.pos_ != "VERB" or verb.lemma_.lower() not in REVISION_LEMMAS or \
            not any(c.dep_ == "dobj" and singular(c.lemma_.lower()) in TALLY_NOUNS for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ == "advcl" and verb.tag_ == "VBG" and _is_report(verb.head):
        return verb   # "..., the unit said this evening, raising the toll from 12": the teller goes on
    return verb if subj is not None and (_may_issue(subj) or subj.pos_ == "PRON") else None


def _second_conjunct(content: Token, verb: Token, first: Token) -> bool:
    """"Two people were found dead and 17 others were treated, the health service said": the parser
    made the tag a conjunct of the first clause and the second clause its content; the content
    right after the first clause's own "and"/"but" is the second of two clauses the tag closes."""
    if verb.dep_ != "conj" or content.i > verb.i or content.left_edge.i == 0:
        return False
    cc = content.doc[content.left_edge.i - 1]
    return cc.dep_ == "cc" and cc.head.i == first.i and first.i < cc.i


def _apposed_teller(subj: Token, verb: Token) -> Optional[Token]:
    """"... about 5,700 minors, nearly four times their capacity, the regional president, Fernando
    Clavijo, told reporters": the parser took a phrase of the content (which comes first) for the
    subject and hung the teller on it as an apposition, or an apposition of one, closing at the verb;
    the teller is that apposition (a title or a name), not a common noun that could tell nothing."""
    doc = verb.doc
    counted = any(c.dep_ == "nummod" for c in subj.children)   # "at least 11 people" tell nothing
    if subj.pos_ != "NOUN" or subj.ent_type_ and not counted or is_title_word(subj.text) or is_title_word(subj.lemma_) or \
            subj.lemma_.lower() in _BODY_NOUNS.keys() | ORG_NOUNS or subj.lower_ in _ANONYMOUS and not counted or \
            doc[verb.i - 1].text not in {",", ")"} or \
            not any(c.dep_ in {"ccomp", "parataxis"} and c.i < subj.left_edge.i for c in verb.children):
        return None
    cur: Optional[Token] = subj
    while cur is not None:
        # (or a "conjunct" with no "and" before it: an apposition the parser misread)
        cur = next((a for a in cur.children if a.i > cur.i and doc[a.left_edge.i - 1].text == "," and
                    (a.dep_ == "appos" or a.dep_ == "conj" and not any(t.dep_ == "cc" for t in doc[cur.i:a.i]))), None)
        if cur is not None and (is_title_word(cur.text) or cur.ent_type_ in {"PERSON", "ORG"}):
            # (it closes at the comma before the verb, or with its "(BNPB)" right before it)
            return cur if cur.right_edge.i < verb.i and all(t.is_punct for t in doc[cur.right_edge.i + 1:verb.i]) else None
    return None


def _issuer_phrases(doc_noun: Token) -> list[tuple[Token, Token]]:
    """(preposition, object) that may name who issued a document: "a report in/by/from X", and on
    its participle of issuing: "a statement posted on X's website", "a notice issued by X" (not
    "a document obtained by the Post": who obtained it did not write it)."""
    out = []
    for c in doc_noun.children:
        preps = [c] if c.dep_ in {"prep", "agent"} and c.lower_ in {"in", "by", "from"} else \
            [p for p in c.children if p.dep_ in {"prep", "agent"} and p.lower_ in {"on", "by", "in"}] \
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in ISSUE_LEMMAS else []
        out.extend((p, o) for p in preps for o in p.children if o.dep_ == "pobj")
        if c.dep_ == "relcl" and c.lemma_.lower() in _GIVE_LEMMAS:
            # "figures the correctional service gave to parliament": the relative clause's own subject gave them
            out.extend((c, s) for s in c.children if s.dep_ == "nsubj" and s.tag_ not in {"WDT", "WP", "PRP"})
    head = doc_noun.head
    if doc_noun.dep_ == "dobj" and head.lemma_.lower() in {"cite", "quote"}:
        # "citing accounts from its field observers": the parser hangs the "from" on "citing"
        out.extend((p, o) for p in head.children if p.dep_ == "prep" and p.lower_ in {"from", "by"}
                   for o in p.children if o.dep_ == "pobj")
    return out


_GIVE_LEMMAS = frozenset(ISSUE_LEMMAS | {"give", "provide", "present", "submit", "supply", "compile", "hand"})


def _may_issue(tok: Token) -> bool:
    """A noun that can issue a document: a name, a body, someone with a title ("provincial governors"),
    not a time or a place ("figures from last week", "data from Kherson")."""
    if tok.ent_type_ in {"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "QUANTITY"}:
        return False
    return tok.pos_ == "PROPN" or tok.lemma_.lower() in _BODY_NOUNS.keys() | ORG_NOUNS or is_title_word(tok.text) or \
        is_title_word(tok.lemma_) or tok.lower_ in _ANONYMOUS


def _briefers(verb: Token, subj: Optional[Token]) -> list[Token]:
    """Who briefed the teller before they spoke: "X, speaking after a briefing by the agency, said",
    "X said after being briefed by the agency", "following a briefing from Y, X said" (by/from; a
    briefing *to* lawmakers is the teller's own)."""
    roots = ([subj] if subj is not None else []) + \
        [c for c in verb.children if c.dep_ in {"prep", "advcl"} and c.lower_ not in {"that"}]
    out = []
    for r in roots:
        for t in r.subtree:
            if t.lemma_.lower() in BRIEFING_LEMMAS:
                out.extend(o for p in t.children if p.dep_ in {"agent", "prep"} and p.lower_ in {"by", "from"}
                           for o in p.children if o.dep_ == "pobj")
    return out[:1]


def _citing(v: Token, deps: frozenset[str] | set[str]) -> bool:
    """A clause that cites: "citing Y" hung by ``deps``, or a relative clause on the teller ("according
    to the broadcaster, which cited a government source": the broadcaster relays the source)."""
    if v.lemma_ not in {"cite", "quote"}:
        return False
    return v.dep_ in deps or v.dep_ == "relcl" and any(s.dep_ == "nsubj" and s.tag_ in {"WDT", "WP"} for s in v.children)


def _apposed_before(tok: Token) -> Optional[Token]:
    """"The missing include seven soldiers, its spokesman, Ahmad Mismari, said": the parser hung the
    speaker as an apposition inside the clause; the nearest one set off by a comma (the name, when a
    role and a name are both apposed) is the subject."""
    while tok.dep_ in {"appos", "compound"} and tok.head.i < tok.i:
        if tok.dep_ == "appos" and tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].text == ",":
            return tok
        tok = tok.head
    return None


def _report_author(report: Token) -> Optional[Token]:
    """Who a report noun is by: "a report by/from/in X", else "X released a report stating ..."."""
    by = next((c for c in report.children if c.dep_ in {"prep", "agent"} and c.lower_ in {"by", "from", "in"}), None)
    pobj = next((p for p in by.children if p.dep_ == "pobj"), None) if by is not None else None
    if pobj is None and report.dep_ == "dobj":
        pobj = next((c for c in report.head.children if c.dep_ == "nsubj"), None)
    return pobj


def _record_subject(verb: Token) -> Optional[Token]:
    """The subject of a verb, or the noun right before it that a misparse hung on it as a
    compound ("..., DGHS data shows": a compound on a verb is always a misparse)."""
    return next((c for c in verb.children if c.dep_ == "nsubj"), None) or \
        next((c for c in verb.children if c.dep_ == "compound" and c.i == verb.i - 1 and c.pos_ in {"NOUN", "PROPN"}), None)


def _record_tail(sent: Span) -> Optional[tuple[int, Token]]:
    """ "..., BNPB data show.": a closing tag the tagger read as one noun compound ("data show"):
    (where its words start, the record noun) when the sentence ends with a record noun and "show(s)"
    tagged a noun, set off by a comma; else None."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    tok = words[-1] if words else None
    if tok is None or tok.pos_ != "NOUN" or tok.lemma_.lower() not in RECORD_REPORT_LEMMAS or \
            tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}:
        return None
    rec = tok.doc[tok.i - 1]
    if rec.head.i != tok.i or rec.dep_ != "compound" or \
            not {singular(rec.lemma_.lower()), singular(rec.lower_)} & RECORD_NOUNS:   # ("data": lemma "datum")
        return None
    first = rec.i   # the tag's words: the modifiers right before the record ("official", "BNPB")
    while first - 1 > sent.start and tok.doc[first - 1].dep_ in {"compound", "amod", "det", "poss"} and \
            first <= tok.doc[first - 1].head.i <= tok.i:
        first -= 1
    return (first, rec) if first > sent.start and tok.doc[first - 1].text == "," else None


def _is_report(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    if lemma in RECORD_REPORT_LEMMAS:
        subj = _record_subject(tok)
        return subj is not None and singular(subj.lemma_.lower()) in RECORD_NOUNS
    if lemma not in REPORT_LEMMAS:
        return False
    if lemma in BELIEF_LEMMAS and any(c.dep_ == "nsubj" and c.lower_ in {"i", "we"} for c in tok.children):
        return False  # "I think ...": the speaker's own hedge, not a second teller
    return lemma not in CLAUSE_ONLY_REPORT_LEMMAS or not any(c.dep_ == "dobj" for c in tok.children)


REPORT_NOUNS = {"report", "statement", "assessment", "estimate", "announcement", "briefing", "claim", "analysis",
                "disclosure", "finding", "revelation"}
# unions the rules ask per token, made once (the word lists do not change while reading)
_REPORTING_NOUNS = frozenset(REPORT_NOUNS | GENERIC_REPORT_NOUNS)
_PUBLISHED_NOUNS = frozenset(_REPORTING_NOUNS | DOCUMENT_NOUNS)
_DENIABLE = frozenset(REPORT_LEMMAS | {"confirm", "acknowledge"})
_CITED_PEOPLE = frozenset(PEOPLE | NOT_PEOPLE_HEADS | table("lexicon").set("cited_tellers")
                          | table("lexicon").set("state_heads") | table("lexicon").set("remit_heads"))


def _left_subject(verb: Token) -> Optional[Token]:
    """The noun phrase right before a subjectless reporting verb (", the NIS (NIS) told ..."), when a
    poor parse hung it elsewhere."""
    k = verb.i - 1
    doc = verb.doc
    if k >= 0 and doc[k].text == ")":
        while k >= 0 and doc[k].text != "(":
            k -= 1
        k -= 1
    if k < 0 or doc[k].pos_ not in {"PROPN", "NOUN"} or doc[k].dep_ in {"nsubj", "dobj", "pobj"}:
        return None
    t = doc[k]
    # the head of the phrase ending at k
    while t.head.i != t.i and t.dep_ in {"compound", "amod", "poss", "flat"} and t.head.i <= k:
        t = t.head
    if t.ent_type_ not in {"ORG", "PERSON", "GPE", "NORP"} and t.lemma_.lower() not in _BODY_NOUNS:
        return None
    return t


def _content_advcl(cur: Token, head: Token) -> bool:
    """An advcl that is what was said: "X confirms North to send ...", "..., X said" with no "after/when"."""
    if cur.dep_ != "advcl" or any(c.dep_ == "mark" for c in cur.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children) and cur.i > head.i:
        return True
    return cur.i < head.i and _comma_between(cur, head)


def _comma_between(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any(t.text == "," for t in a.doc[lo:hi])


def _strip_det(text: str) -> str:
    return re.sub(r"^(a|an|the)\s+", "", text.strip(), flags=re.I).strip(" ,")


def _core_tokens(tok: Token) -> list[Token]:
    """The naming words of a phrase: its subtree without clauses, appositions and punctuation; a
    body's own name stays whole ("the National Institute on Drug Abuse"), and so does a hyphened
    word ("al-Shabaab", "my two-year-old")."""
    ent = ent_at(tok.doc, tok.i) if tok.ent_iob_ != "O" and tok.ent_type_ in {"ORG", "FAC"} else None
    drop: set[int] = set()
    for c in tok.children:
        if ent is not None and c.dep_ == "prep" and c.right_edge.i < ent.end or _hyphened(c, tok):
            continue
        if c.dep_ in {"appos", "relcl", "acl", "advcl", "punct", "advmod", "cc", "conj", "preconj", "npadvmod"} or \
                c.ent_type_ in {"DATE", "TIME"} or \
                (c.dep_ == "prep" and c.lower_ not in {"of", "for"}):
            drop.update(range(c.left_edge.i, c.right_edge.i + 1))
    toks = [t for t in tok.subtree if t.i not in drop and (not t.is_punct or t.text in {"'s", "’s", "."})]
    toks = [t for t in toks if t.text not in {"(", ")"} and not t.is_space]
    kept = {t.i for t in toks}
    # a hyphen inside a word whose both sides are kept ("al-Shabaab")
    joins = [t for t in tok.subtree if _in_word(t) and t.i - 1 in kept and t.i + 1 in kept]
    return sorted(toks + joins, key=lambda t: t.i) or [tok]


def _level_host(tok: Token) -> Optional[Token]:
    """ "..., bringing the number of deaths since the rains began in March to 64": the parser hangs
    "to 64" on the verb of the "since" clause; the new level is the tally verb's ("bringing")."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "to" or prep.head.dep_ != "advcl" or \
            not any(m.dep_ == "mark" and m.lower_ in {"since", "after"} for m in prep.head.children):
        return None
    host = prep.head.head     # the clause hangs on the tally verb or on the tally's noun phrase
    while host.pos_ not in {"VERB", "AUX"} and host.head.i != host.i:
        host = host.head
    tally = any(c.dep_ == "dobj" and singular(c.lemma_.lower()) in TALLY_NOUNS for c in host.children)
    return host if tally and host.pos_ == "VERB" else None


def _tagged_after(subj: Token, verb: Token) -> bool:
    """ "Storms killed at least 19 people ..., the disaster authority said.": the parser made the
    content's subject a second subject of the closing tag's verb; the tag's own subject stands
    after it, set off by a comma."""
    if any(c.i > verb.i and c.dep_ not in {"punct", "prep", "npadvmod", "advmod"} for c in verb.children):
        return False     # a tag closes the sentence: "..., the authority said (on Sunday)."
    return any(c.dep_ == "nsubj" and c.i > subj.right_edge.i and c.right_edge.i == verb.i - 1 and
               c.doc[c.left_edge.i - 1].text == "," for c in verb.children)


def _may_cite(o: Token) -> bool:
    """What "citing" names may tell: a name, someone (a title, people, sources), a body, a document or
    a report; not the reason given ("citing his health", "citing the strategic importance of ...")."""
    if o.pos_ == "PROPN" or o.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or _may_issue(o):
        return True
    lem = o.lemma_.lower()
    return lem in DOCUMENT_NOUNS or lem in _REPORTING_NOUNS or singular(lem) in _CITED_PEOPLE or \
        singular(lem) in RECORD_NOUNS or o.pos_ == "PRON"


def _own_count(o: Token) -> bool:
    """ "an administrator who cited the number of funerals": a count with no one's name on it (no
    owner, no "from"/"by") is what the teller counted, not a second teller; "citing accounts from its
    600 field observers": what the teller's own people gave it."""
    if o.lemma_.lower() in DOCUMENT_NOUNS and any(c.dep_ == "poss" and c.lower_ in {"its", "their"}
                                                  for _p, x in _issuer_phrases(o) for c in x.children):
        return True
    return singular(o.lemma_.lower()) in TALLY_NOUNS and not any(
        c.dep_ in {"poss", "compound"} or c.dep_ == "prep" and c.lower_ != "of" for c in o.children)


def _name_glue(t: Token, span: Span) -> bool:
    """A small word inside a name ("Democratic Voice of Burma", "Committee for ... and ...")."""
    return t.lower_ in {"of", "and", "for", "the", "de", "du", "des", "la", "al"} and span.start < t.i < span.end - 1


def _in_word(t: Token) -> bool:
    """A hyphen with no space either side: part of a word ("al-Shabaab")."""
    return t.text in {"-", "\u2010", "\u2011"} and 0 < t.i < len(t.doc) - 1 and not t.doc[t.i - 1].whitespace_ and not t.whitespace_


def _hyphened(c: Token, head: Token) -> bool:
    """The child is hyphened onto its head ("two-year" onto "old")."""
    doc = c.doc
    k = c.right_edge.i + 1 if c.i < head.i else c.left_edge.i - 1
    return 0 < k < len(doc) - 1 and _in_word(doc[k]) and head.i == (k + 1 if c.i < head.i else k - 1)


def _words_text(words: list[Token]) -> str:
    """The words as the text writes them: their own spacing between neighbours, one space across a gap."""
    out = []
    for a, b in zip(words, words[1:] + [None]):
        out.append(a.text + ("" if b is None else a.whitespace_ if b.i == a.i + 1 else " "))
    return "".join(out).strip()


def says_any(sent: Span, words: frozenset[str]) -> bool:
    """Whether a token of ``sent`` is one of ``words`` (lower-case ASCII words) in lower case. A
    token that is one is a piece of the sentence's lower-cased text, so a sentence whose text holds
    none is passed without a Token object per word."""
    low = text_of(sent.doc)[sent.start_char:sent.end_char].lower()
    return any(w in low for w in words) and any(t.lower_ in words for t in sent)


def modality_of(tok: Token, sent: Span, tellers: list[Teller]) -> str:
    """asserted/estimate/projection/plan/denial/unconfirmed from cues on the way up and in the sentence."""
    path = []
    cur = tok
    while True:
        path.append(cur)
        path.extend(c for c in cur.children if c.dep_ in {"aux", "neg", "advmod", "amod"})
        if cur.head.i == cur.i:
            break
        cur = cur.head
    lemmas = {t.lemma_.lower() for t in path} | {t.lower_ for t in path}
    if any(t.dep_ == "neg" for t in path if t.head.lemma_.lower() in _DENIABLE) or "deny" in lemmas:
        return "denial"
    if says_any(sent, UNCONFIRMED_CUES):
        return "unconfirmed"
    if lemmas & (PROJECTION_CUES - {"increase", "hit", "reach"}) or ("could" in lemmas or "would" in lemmas):
        return "projection"
    if lemmas & (PLAN_CUES - {"to"}) or any(t.lower_ == "to" and t.dep_ == "aux" and t.head.head.lemma_ == "be" for t in path):
        return "plan"
    if lemmas & ESTIMATE_CUES or any(t.cue in ESTIMATE_CUES for t in tellers):
        return "estimate"
    return "asserted"


# Heads of phrases that name unnamed people ("officials", "two U.S. officials", "sources").
_ANONYMOUS = {"official", "officials", "source", "sources", "people", "person", "officer", "officers"}


def _anonymous(t: Teller) -> bool:
    words = t.text.lower().replace(",", " ").split()
    return t.source_type == "other" and bool(words) and words[-1] in _ANONYMOUS and t.generic is None


def _named(t: Teller) -> bool:
    """A body the gazetteer does not know but the text names, citing unnamed people ("The Varnok
    Monitor, citing sources on the ground, said"): capitalised words past the article."""
    words = [w for w in t.text.split() if w.lower() not in {"the", "a", "an"}]
    return bool(words) and not _anonymous(t) and t.generic is None and all(w[:1].isupper() or w.islower() and w in {"of", "for", "and", "on"} for w in words)


def _evidence(t: Teller) -> bool:
    words = t.text.lower().split()
    return t.source_type == "other" and bool(words) and singular(words[-1]) in EVIDENCE_NOUNS


def to_attribution(tellers: list[Teller], agency: Optional[str], modality: str) -> Attribution:
    # unnamed officials cited by a named outlet or body: the outlet is the source we can check
    # ("health officials told Reuters": the outlet told only carried it, the officials stay the source)
    while len(tellers) > 1 and _anonymous(tellers[0]) and tellers[1].cue != "told" and \
            (tellers[1].source_type != "other" or tellers[0].cue == "citing" and _named(tellers[1])):
        tellers = tellers[1:]
    # "Photos suggest 900 soldiers gathered ..., an analyst said": the pictures are what the teller read
    while len(tellers) > 1 and _evidence(tellers[0]):
        tellers = tellers[1:]
    via: list[str] = []
    src = tellers[0] if tellers else None
    for t in reversed(tellers[1:]):
        if t.source not in via and (src is None or t.source != src.source):
            via.append(t.source)
    if agency and agency not in via and (src is None or src.source != agency):
        via.insert(0, agency)
    if src is None or not src.source:
        return Attribution(via=via, modality=modality)
    return Attribution(source=src.source, source_type=src.source_type, role=src.role, via=via,
                       cue=src.cue, modality=modality, source_text=src.text)
