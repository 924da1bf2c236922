"""Who says so: the source of a clause and the chain of relays that passed it on.

Walking up the dependency tree from a claim's words, every reporting verb whose *content*
holds the claim (its ccomp/xcomp/parataxis/object) adds one teller: the innermost teller is
the source, the outer ones are relays ("The NIS said ..., Yonhap said"). "citing X" on a
reporting verb puts X inside its teller; "according to X" names a teller for its clause.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Span, Token

from storyledger.extract.entities import ArticleEntities, is_title_word
from storyledger.extract.quotes import description_referent, pronoun_referent
from storyledger.extract.lexicon import (
    ESTIMATE_CUES, GENERIC_REPORT_NOUNS, PLAN_CUES, PROJECTION_CUES, REPORT_LEMMAS,
    UNCONFIRMED_CUES,
)
from storyledger.model import Attribution

CONTENT_DEPS = {"ccomp", "xcomp", "parataxis", "dobj", "conj", "advcl_content"}
_PRONOUNS_PERSON = {"he", "she", "him", "her"}
_PRONOUNS_BODY = {"it", "they", "we"}
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

    def mention(self, text: str, pos: int) -> None:
        """A known body named anywhere in the text (a later "the newspaper" may mean it)."""
        name, typ = self.ents.canonical(text)
        if typ not in {"other", "person"}:
            self.mentioned.append((name, typ, pos))

    # -- naming a source phrase ----------------------------------------------
    def name(self, tok: Token, cue: str, verb: Optional[Token] = None) -> Teller:
        pos = tok.idx
        words = _core_tokens(tok)
        text = " ".join(t.text for t in words).replace(" 's", "'s").replace(" ’s", "’s")
        low = tok.lower_
        if tok.pos_ == "PRON" or low in _PRONOUNS_PERSON | _PRONOUNS_BODY:
            ref = pronoun_referent(tok) if low in _PRONOUNS_PERSON else None
            if ref is not None:  # the nearest person of the pronoun's gender, subjects first
                p = self.ents.people.get(ref) or (self.ents.person_by_part(ref, pos) if " " not in ref else None)
                self.last_person = p.name if p else ref
                return Teller(self.last_person, "person", p.role if p else None, tok.text, cue, verb=verb)
            if low in _PRONOUNS_PERSON and self.last_person:
                p = self.ents.people.get(self.last_person)
                return Teller(self.last_person, "person", p.role if p else None, tok.text, cue, verb=verb)
            if self.chains and low in _PRONOUNS_BODY:
                prev = self.chains[-1][-1]
                return Teller(prev.source, prev.source_type, prev.role, tok.text, cue, verb=verb)
            if self.history:
                prev = self.history[-1]
                return Teller(prev.source, prev.source_type, prev.role, tok.text, cue, verb=verb)
            return Teller(tok.text, "other", None, tok.text, cue, verb=verb)
        # "his intelligence services", "its spy agency": the services of whoever the pronoun means
        poss = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in _POSS_PRONOUNS), None)
        if poss is not None and tok.pos_ == "NOUN":
            # the person named last before this phrase (names in the sentence are learned first)
            named = [p for p in self.ents.people.values() if p.last_seen <= pos]
            person = max(named, key=lambda p: p.last_seen).name if named else self.last_person
            if poss.lower_ in {"his", "her"} and person:
                p = self.ents.people.get(person)
                return Teller(person, "person", p.role if p else None, text, cue, verb=verb)
            if poss.lower_ in {"its", "their"} and self.history:
                prev = self.history[-1]
                return Teller(prev.source, prev.source_type, prev.role, text, cue, verb=verb)
        # "a report in The New York Times", "a statement by the ministry": the publisher is the source
        if tok.lemma_.lower() in REPORT_NOUNS | GENERIC_REPORT_NOUNS:
            for c in tok.children:
                if c.dep_ in {"prep", "agent"} and c.lower_ in {"in", "by", "from"}:
                    pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                    if pobj is not None:
                        inner = self.name(pobj, cue, verb)
                        if inner.source_type != "other" or pobj.ent_type_ in {"ORG", "PERSON"}:
                            return inner
        # a person named in the phrase: "Defense Minister Kim Yong-hyun", "Hong Min, a fellow ..."
        person = [e for e in tok.doc.ents if e.label_ == "PERSON"
                  and e.start >= words[0].i and e.end <= words[-1].i + 1] if words else []
        if person:
            ent = person[-1]
            name = re.sub(r"['’]s$", "", ent.text).strip()
            role_toks = [t for t in words if t.i < ent.start and t.dep_ != "det" and t.pos_ != "DET"]
            role = " ".join(t.text for t in role_toks).replace(" 's", "'s") or None
            appos = [c for c in tok.children if c.dep_ == "appos"]
            if appos:
                a = appos[0]
                role = _strip_det(tok.doc[a.left_edge.i:a.right_edge.i + 1].text) or role
            known = self.ents.person_by_part(name, pos) if len(name.split()) == 1 else None
            if known is not None:
                name = known.name
                role = role or known.role
            p = self.ents.learn_person(name, role, pos)
            self.last_person = p.name
            return Teller(p.name, "person", p.role, text, cue, verb=verb)
        # "Ukrainian news outlet The Kyiv Post": the apposed name is the name
        for a in tok.children:
            if a.dep_ == "appos" and a.ent_type_ in {"ORG", "WORK_OF_ART", "GPE", "NORP", "PERSON"} or \
                    a.dep_ == "compound" and a.ent_type_ == "ORG" and a.i > words[0].i:
                n2, t2 = self.ents.canonical(tok.doc[a.left_edge.i:a.right_edge.i + 1].text)
                if t2 != "other":
                    return Teller(n2, t2, None, text, cue, verb=verb)
        # a bare surname seen before ("Jeon said")
        if len(words) == 1 and tok.pos_ == "PROPN":
            known = self.ents.person_by_part(tok.text, pos)
            if known is not None:
                self.last_person = known.name
                known.last_seen = pos
                return Teller(known.name, "person", known.role, text, cue, verb=verb)
        det = next((t.lower_ for t in words if t.dep_ == "det"), "")
        head = tok.lemma_.lower()
        content = [t for t in words if t.dep_ != "det"]
        # "a news report", "media reports": a placeholder for an outlet named nearby
        if head in GENERIC_REPORT_NOUNS and not any(t.ent_type_ in {"NORP", "ORG", "GPE"} for t in content):
            kind = "definite" if det in {"the", "this", "that"} else "indefinite"
            return Teller(text, "other", None, text, cue, generic=kind, verb=verb)
        # "the minister", "the official", "the spokesperson": someone described before
        if det == "the" and len(content) <= 2 and is_title_word(tok.text):
            known = self.ents.by_descriptor(tok.text, pos)
            if known is not None:
                p = self.ents.people.get(known)
                if p is not None:
                    self.last_person = p.name
                    return Teller(p.name, "person", p.role, text, cue, verb=verb)
                kname, ktyp = self.ents.canonical(known)
                return Teller(kname, ktyp, tok.text, text, cue, verb=verb)
        # "a foreign ministry official": the body, with the person's role
        if head in {"official", "spokesperson", "spokesman", "spokeswoman", "source", "officer"} and len(content) > 1:
            body_words = " ".join(t.text for t in content if t.i != tok.i)
            name, typ = self.ents.canonical(body_words)
            if typ != "other":
                self.ents.described.append((tok.lower_, name, pos))
                return Teller(name, typ, tok.text, text, cue, verb=verb)
            self.ents.described.append((tok.lower_, f"{body_words} {tok.text}", pos))
        name, typ = self.ents.canonical(text)
        if typ == "other":
            # "Ukrainian news outlet The Kyiv Post": the longest known name inside the phrase
            ws = [t.text for t in content]
            for k in range(1, len(ws)):
                for part in (" ".join(ws[k:]), " ".join(ws[:len(ws) - k])):
                    n2, t2 = self.ents.canonical(part.replace(" 's", "'s"), bare=False)
                    if t2 != "other":
                        name, typ = n2, t2
                        break
                if typ != "other":
                    break
        if typ == "other" and det == "the" and len(content) <= 2:
            # "the agency said": the body last named by that kind of noun
            for prev in reversed(self.history):
                if prev.source_type in {"agency", "government", "wire", "outlet", "group"} and \
                        (tok.lower_ in prev.source.lower() or tok.lower_ in {"agency", "ministry", "service", "paper", "outlet"}):
                    return Teller(prev.source, prev.source_type, prev.role, text, cue, verb=verb)
        if typ == "other" and det == "the" and tok.lemma_.lower() in _BODY_NOUNS:
            # "the newspaper", "the South Korean agency": the latest body of that kind (and country)
            # named in the article, as a source or anywhere in the text
            country = " ".join(t.text for t in content if t.i != tok.i and t.ent_type_ in {"NORP", "GPE"})
            if len(content) - 1 == len(country.split()):
                for prev in reversed(self.mentioned):
                    if prev[1] in _BODY_NOUNS[tok.lemma_.lower()] and prev[2] <= tok.idx and \
                            (not country or self.ents.same_country(prev[0], country)):
                        return Teller(prev[0], prev[1], None, text, cue, verb=verb)
        if typ == "other":
            # "the company", "the rookie defenceman": whom the article's own memory says it means
            ref = description_referent(tok)
            if ref is not None and ref[1] == "person":
                p = self.ents.people.get(ref[0])
                self.last_person = ref[0]
                return Teller(ref[0], "person", p.role if p else text, text, cue, verb=verb)
            if ref is not None:
                name, typ = self.ents.canonical(ref[0])
        if typ != "person":
            self.last_body = name
        return Teller(name, typ, None, text, cue, verb=verb)

    # -- the chain above a token ---------------------------------------------
    def chain(self, tok: Token, sent: Span) -> list[Teller]:
        """Tellers from innermost (the source) to outermost relay, for the clause of ``tok``."""
        out: list[Teller] = []
        cur = tok
        seen = 0
        while seen < 40:
            seen += 1
            for t in self._according(cur):
                out.append(t)
            if cur.dep_ == "advcl" and any(c.dep_ == "mark" for c in cur.children):
                break  # "after Ukrainian media reported ...": the outer speaker does not relay it
            head = cur.head
            if head.i == cur.i:
                break
            if head.pos_ == "NOUN" and head.lemma_.lower() in REPORT_NOUNS and cur.dep_ == "prep" and \
                    cur.lower_ in {"on", "about", "of"}:
                mods = [c for c in head.children if c.dep_ in {"compound", "amod", "poss"} and c.i < head.i]
                if mods:
                    words = head.doc[min(m.left_edge.i for m in mods):head.i + 1].text
                    out.append(self.name_text(words, head.lemma_.lower()))
            if _is_report(head) and (cur.dep_ in CONTENT_DEPS or _content_advcl(cur, head)):
                out.extend(self._tellers_of(head))
                if head.dep_ == "conj" and any(c.dep_ == "nsubj" for c in head.children):
                    # "X said A, and Y said B": Y's report is coordinated with X's, not told by X
                    break
            elif head.pos_ == "NOUN" and head.lemma_.lower() in REPORT_NOUNS and cur.dep_ in {"acl", "ccomp", "relcl"} \
                    and any(c.lower_ == "that" and c.dep_ == "mark" for c in cur.children):
                by = next((c for c in head.children if c.dep_ in {"prep", "agent"} and c.lower_ in {"by", "from", "in"}), None)
                pobj = next((p for p in by.children if p.dep_ == "pobj"), None) if by is not None else None
                if pobj is not None:
                    out.append(self.name(pobj, head.lemma_.lower()))
            elif cur.dep_ == "pobj" and head.lower_ == "at" and head.head.lemma_.lower() in {"put", "place", "peg"}:
                out.extend(self._tellers_of(head.head))  # "Zelensky put the number at 11,000"
            for c in head.children:
                # "..., Yonhap reported on Friday": a reporting clause hung after the content
                if c.i > tok.i and c.i != cur.i and c.dep_ in {"advcl", "parataxis", "conj"} and _is_report(c) and \
                        not any(m.dep_ == "mark" for m in c.children) and _comma_between(tok, c) and \
                        (any(m.dep_ == "nsubj" for m in c.children) or _left_subject(c) is not None) and \
                        not (c.dep_ == "conj" and _is_report(head) and cur.dep_ in CONTENT_DEPS) and \
                        not any(m.dep_ in {"ccomp", "xcomp"} for m in c.children):
                    # a tag ("..., Yonhap reported"), not a second report with its own content
                    out.extend(self._tellers_of(c))
            cur = head
        return out

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

    def _according(self, tok: Token) -> list[Teller]:
        res = []
        for c in tok.children:
            if c.lower_ == "according" and c.dep_ == "prep":
                for to in c.children:
                    for pobj in to.children:
                        if pobj.dep_ == "pobj":
                            # "according to X, citing Y": Y is the source and X relays it; the parser
                            # hangs "citing" on the clause or on X
                            res.extend(self.name_phrase(o, "citing") for h in (tok, pobj) for v in h.children
                                       if v.dep_ in {"advcl", "xcomp", "conj", "acl"} and v.lemma_ in {"cite", "quote"}
                                       for o in v.children if o.dep_ in {"dobj", "pobj"})
                            res.append(self.name(pobj, "according to"))
        return res

    def _tellers_of(self, verb: Token) -> list[Teller]:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        # "a man said by Ukrainian authorities to be ...": the agent tells, not the subject
        subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        subj = subj or next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None and verb.dep_ == "conj":
            subj = _left_subject(verb)
        if subj is None and verb.dep_ in {"xcomp", "conj"} and verb.head.pos_ in {"VERB", "AUX"}:
            subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subj is None:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        tellers: list[Teller] = []
        hosts = [verb] + ([subj] if subj is not None else [])
        cited = [self.name_phrase(o, "citing") for h in hosts for c in h.children
                 if c.dep_ in {"advcl", "xcomp", "conj", "acl"} and c.lemma_ in {"cite", "quote"}
                 for o in c.children if o.dep_ in {"dobj", "pobj"}]
        tellers.extend(cited)
        if subj is not None:
            tellers.append(self.name(subj, verb.lemma_.lower(), verb))
        return tellers


def _is_report(tok: Token) -> bool:
    return tok.pos_ in {"VERB", "AUX"} and tok.lemma_.lower() in REPORT_LEMMAS


REPORT_NOUNS = {"report", "statement", "assessment", "estimate", "announcement", "briefing", "claim", "analysis",
                "disclosure", "finding", "revelation"}


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
    """The naming words of a phrase: its subtree without clauses, appositions and punctuation."""
    drop: set[int] = set()
    for c in tok.children:
        if c.dep_ in {"appos", "relcl", "acl", "punct", "advmod", "cc", "conj", "preconj", "npadvmod"} or \
                c.ent_type_ in {"DATE", "TIME"} or \
                (c.dep_ == "prep" and c.lower_ not in {"of", "for"}):
            drop.update(range(c.left_edge.i, c.right_edge.i + 1))
    toks = [t for t in tok.subtree if t.i not in drop and not t.is_punct or t.text in {"'s", "’s", "."} and t.i not in drop]
    toks = [t for t in toks if t.text not in {"(", ")"} and not t.is_space]
    return toks or [tok]


def modality_of(tok: Token, sent: Span, tellers: list[Teller]) -> str:
    """asserted/estimate/projection/plan/denial/unconfirmed from cues on the way up and in the sentence."""
    words = {t.lower_ for t in sent}
    path = []
    cur = tok
    while True:
        path.append(cur)
        path.extend(c for c in cur.children if c.dep_ in {"aux", "neg", "advmod", "amod"})
        if cur.head.i == cur.i:
            break
        cur = cur.head
    lemmas = {t.lemma_.lower() for t in path} | {t.lower_ for t in path}
    if any(t.dep_ == "neg" for t in path if t.head.lemma_.lower() in REPORT_LEMMAS | {"confirm", "acknowledge"}) or "deny" in lemmas:
        return "denial"
    if words & UNCONFIRMED_CUES:
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


def to_attribution(tellers: list[Teller], agency: Optional[str], modality: str) -> Attribution:
    # unnamed officials cited by a named outlet or body: the outlet is the source we can check
    while len(tellers) > 1 and _anonymous(tellers[0]) and tellers[1].source_type != "other":
        tellers = tellers[1:]
    via: list[str] = []
    src = tellers[0] if tellers else None
    for t in reversed(tellers[1:]):
        if t.source not in via and (src is None or t.source != src.source):
            via.append(t.source)
    if agency and agency not in via and (src is None or src.source != agency):
        via.insert(0, agency)
    if src is None:
        return Attribution(via=via, modality=modality)
    return Attribution(source=src.source, source_type=src.source_type, role=src.role, via=via,
                       cue=src.cue, modality=modality, source_text=src.text)
