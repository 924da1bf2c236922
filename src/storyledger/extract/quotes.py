"""Direct quotations: the quoted words and who said them.

Quote marks are paired per paragraph (curly or straight). The speaker is the subject of the
speech verb outside the quote marks that governs the quoted words (or the nearest one in the
same sentence); a quote with no speech verb continues the previous quote's speaker.
Short scare quotes ("closely") are kept only when they are the object of a speech verb
("expressed 'serious concern'"), not a naming complement ("called it a 'pause'").
A speaker given as "he"/"she" or as a description ("the rookie defenceman", "the company") is
resolved by one salience pass over the article (``resolve_pronouns``): the people and bodies it
has named, weighted by grammatical role and halved at each sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span, Token

from storyledger.extract.lexicon import SPEECH_LEMMAS

_QUOTE_RE = re.compile(r"\u201c([^\u201c\u201d]+)\u201d|\"([^\"\n]+)\"")


@dataclass
class QuoteSpan:
    start: int          # char offset of the opening mark
    end: int            # char offset after the closing mark
    text: str           # the words inside the marks
    verb: Optional[Token] = None
    subject: Optional[Token] = None
    short: bool = False


def find_quotes(doc: Doc) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    for m in _QUOTE_RE.finditer(doc.text):
        inner = m.group(1) or m.group(2)
        out.append(QuoteSpan(m.start(), m.end(), inner.strip(), short=len(inner.split()) < 4))
    return out


def doc_quotes(doc: Doc) -> list[QuoteSpan]:
    """The quotes with speech verb and subject: what storyledger_quotes stored, else found now."""
    stored = doc._.quotes
    if stored is None:
        out = find_quotes(doc)
        for q in out:
            q.verb, q.subject = speech_verb(doc, q)
        return out
    return [QuoteSpan(d["start"], d["end"], d["text"], doc[d["verb"]] if d["verb"] is not None else None,
                      doc[d["subject"]] if d["subject"] is not None else None, d["short"]) for d in stored]


def speech_verb(doc: Doc, q: QuoteSpan) -> tuple[Optional[Token], Optional[Token]]:
    """(speech verb, its subject) for a quote, looking outside the quote marks."""
    inside = doc.char_span(q.start, q.end, alignment_mode="expand")
    if inside is None:
        return None, None
    first, last = inside[0].sent, inside[-1].sent
    # the quoted words' own root, then up to a speech verb outside the quote
    roots = [t for t in inside if t.head.i < inside.start or t.head.i >= inside.end or t.head.i == t.i]
    for r in roots:
        cur = r
        # a scare quote counts only as the direct object of a speech verb ("expressed 'grave concern'")
        for _ in range(1 if q.short else 6):
            if (cur.i < inside.start or cur.i >= inside.end) and _speech(cur) and _same_par(doc, cur, q) and \
                    (not q.short or r.dep_ in {"dobj", "attr"}):
                return cur, _subject(cur)
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if q.short and _same_par(doc, cur, q) and (cur.i < inside.start or cur.i >= inside.end) and _speech(cur) and r.dep_ in {"dobj", "attr"}:
                return cur, _subject(cur)
    if q.short:
        return None, None
    # '"...," according to X.'
    for t in list(first) + (list(last) if last != first else []):
        if t.lower_ == "according" and (t.i < inside.start or t.i >= inside.end) and _same_par(doc, t, q):
            pobj = next((o for to in t.children for o in to.children if o.dep_ == "pobj"), None)
            if pobj is not None:
                return t, pobj
    sents_near = [first, last]
    # '"...," Levine said' split by the tagger after the closing mark: the tag opens the next sentence
    if inside.end < len(doc) and doc[inside.end].is_sent_start and "\n" not in doc.text[q.end:doc[inside.end].idx]:
        sents_near.append(doc[inside.end:min(inside.end + 3, doc[inside.end].sent.end)])
    cands = [t for s in sents_near for t in s if (t.i < inside.start or t.i >= inside.end) and _speech(t)
             and "\n" not in doc.text[min(t.idx, q.end):max(t.idx, q.start)]]
    if not cands:
        return None, None
    best = min(cands, key=lambda t: min(abs(t.i - inside.start), abs(t.i - inside.end)))
    return best, _subject(best)


def _same_par(doc: Doc, t: Token, q: QuoteSpan) -> bool:
    return "\n" not in doc.text[min(t.idx, q.end):max(t.idx, q.start)]


# Verbs of saying that tag quotes in feature writing ("quipped Green", "Bardos blurted out").
_MORE_SPEECH = {"quip", "blurt", "repeat", "mention", "remark", "joke", "shout", "yell", "scream",
                "whisper", "muse", "reply", "respond", "answer", "recount", "observe", "exclaim", "concede",
                "counter", "urge", "plead", "promise", "reiterate", "tweet", "text", "email", "wonder",
                "lament", "boast", "emphasize", "emphasise", "recall", "chuckle", "laugh", "sigh", "add"}


def _speech(t: Token) -> bool:
    return t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in SPEECH_LEMMAS | _MORE_SPEECH


def _subject(verb: Token) -> Optional[Token]:
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None and verb.dep_ in {"advcl", "xcomp", "conj"} and verb.head.i != verb.i:
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        # a misparsed tag ('"...," DeBoer said' with DeBoer as an auxiliary): the name next to the verb
        doc = verb.doc
        for k in (verb.i - 1, verb.i + 1):
            if 0 <= k < len(doc) and doc[k].pos_ in {"PROPN", "PRON"} and doc[k].dep_ not in {"poss"} and \
                    doc[k].lower_ not in {"it", "that", "this", "what", "which", "who"} and \
                    (doc[k].head.i == verb.i or doc[k].dep_ in {"compound"}):
                t = doc[k]
                while t.dep_ == "compound" and t.head.pos_ == "PROPN" and t.head.i != verb.i:
                    t = t.head
                return t
    return subj


# -- who "he" / "she" is ------------------------------------------------------------------
# Grammatical gender is read from the article itself (honorifics, gendered role nouns, and the
# pronouns used next to a lone named person), never from a list of first names.
_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
_HONORIFIC = {"mr": "m", "mr.": "m", "ms": "f", "ms.": "f", "mrs": "f", "mrs.": "f", "miss": "f",
              "sir": "m", "dame": "f", "lady": "f", "lord": "m"}
_GENDER_NOUNS = {
    "m": {"man", "father", "dad", "son", "husband", "brother", "boy", "grandfather", "uncle", "nephew",
          "king", "prince", "spokesman", "chairman", "businessman", "congressman", "boyfriend",
          "stepfather", "grandson", "fiance", "widower", "councilman", "actor"},
    "f": {"woman", "mother", "mom", "mum", "daughter", "wife", "sister", "girl", "grandmother", "aunt",
          "niece", "queen", "princess", "spokeswoman", "chairwoman", "businesswoman", "congresswoman",
          "girlfriend", "stepmother", "granddaughter", "fiancee", "widow", "councilwoman", "actress"},
}
_SUBJ = {"nsubj", "nsubjpass"}


@dataclass
class Mention:
    key: str            # the words naming the person as first seen in full ("Erik Karlsson")
    i: int              # token index of the mention's head
    sent: int           # sentence start token
    subject: bool       # subject of its clause: the likeliest referent of a later "he"


def _mention_key(words: str, keys: list[str]) -> str:
    """A one-word mention joins the latest fuller name that contains it ("Karlsson")."""
    words = re.sub(r"['\u2019]s$", "", words).strip()
    if " " not in words:
        low = words.casefold()
        for k in reversed(keys):
            if low in k.casefold().split():
                return k
    return words


def person_mentions(doc: Doc) -> tuple[list[Mention], dict[str, str]]:
    """People mentioned in a doc, in order, and the gender ('m'/'f') the article gives them.

    Cached on the doc: the extractor asks once per pronoun.
    """
    cached = doc.user_data.get("storyledger_people")
    if cached is not None:
        return cached
    mentions: list[Mention] = []
    keys: list[str] = []
    for e in doc.ents:
        if e.label_ != "PERSON":
            continue
        key = _mention_key(e.text, keys)
        if key not in keys:
            keys.append(key)
        root = e.root
        subj = root.dep_ in _SUBJ or root.dep_ == "appos" and root.head.dep_ in _SUBJ
        mentions.append(Mention(key, root.i, e.sent.start, subj))
    # a proper-noun subject of a speech verb the tagger did not call a person ("Chief Na'moks said")
    ent_toks = {t.i for e in doc.ents for t in e}
    for t in doc:
        if t.dep_ == "nsubj" and t.pos_ == "PROPN" and t.i not in ent_toks and _speech(t.head):
            span = doc[min([t.i] + [c.i for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN"]):t.i + 1]
            key = _mention_key(span.text, keys)
            mentions.append(Mention(key, t.i, t.sent.start, True))
    # a later surname the tagger missed ("Lonechild and others are planning ...")
    seen = {m.i for m in mentions}
    for t in doc:
        if t.i in seen or t.pos_ != "PROPN" or not t.text[:1].isupper() or t.ent_type_ == "PERSON":
            continue
        # the tagger calls a lone surname an organisation at times ("However, Wojtaszek said");
        # a longer organisation name that holds it ("Vickers Inc.") is not the person
        ent = next((e for e in doc.ents if e.start <= t.i < e.end), None)
        if ent is not None and (len(ent) > 1 or ent.label_ != "ORG"):
            continue
        first = next((m for m in mentions if t.text.casefold() in m.key.casefold().split() and m.i < t.i), None)
        if first is not None:
            subj = t.dep_ in _SUBJ or t.dep_ == "compound" and t.head.dep_ in _SUBJ and t.head.pos_ == "PROPN"
            mentions.append(Mention(first.key, t.i, t.sent.start, subj))
    mentions.sort(key=lambda m: m.i)
    # the passes above find names out of order: a surname joins a fuller name seen before it in the text
    keys = []
    for m in mentions:
        m.key = _mention_key(m.key, keys)
        if m.key not in keys:
            keys.append(m.key)
    votes: dict[str, dict[str, int]] = {}

    def vote(key: str, g: str, n: int = 1) -> None:
        votes.setdefault(key, {"m": 0, "f": 0})[g] += n

    for m in mentions:
        head = doc[m.i]
        span_start = next((e.start for e in doc.ents if e.start <= m.i < e.end), m.i)
        before = doc[span_start - 1].lower_ if span_start > 0 else ""
        if before in _HONORIFIC:
            vote(m.key, _HONORIFIC[before], 5)
        # "his wife Jane Doe", "Doe, a mother of three": a gendered noun naming the person
        for c in list(head.children) + ([head.head] if head.dep_ == "appos" else []):
            if c.dep_ in {"appos", "compound"} or c is head.head:
                lem = c.lemma_.lower()
                for g, nouns in _GENDER_NOUNS.items():
                    if lem in nouns:
                        vote(m.key, g, 3)
    # "X said she would ...": the subject of what a person says about themself is that person
    for m in mentions:
        head = doc[m.i]
        if head.dep_ not in _SUBJ or not _speech(head.head):
            continue
        for comp in head.head.children:
            if comp.dep_ in {"ccomp", "xcomp"}:
                pron = next((c for c in comp.children if c.dep_ in _SUBJ and c.lower_ in {"he", "she"}), None)
                if pron is not None:
                    vote(m.key, "m" if pron.lower_ == "he" else "f", 3)
    # pronouns in a sentence that names one person only (and in the next sentence when it names nobody)
    # ('"Kim Reyes trained us all," she said': a name inside quote marks is not the one the
    # narrator's pronoun is about, so quoted names and quoted pronouns are left out)
    quoted = [(q.start, q.end) for q in find_quotes(doc) if not q.short]
    sents = list(doc.sents)
    by_sent: dict[int, set[str]] = {}
    for m in mentions:
        by_sent.setdefault(m.sent, set()).add(m.key)
    for k, s in enumerate(sents):
        names = {m.key for m in mentions if m.sent == s.start and not _in_quote(doc, m.i, quoted)}
        if len(names) != 1:
            continue
        (key,) = names
        toks = list(s)
        if k + 1 < len(sents) and sents[k + 1].start not in by_sent:
            toks += list(sents[k + 1])
        toks = [t for t in toks if not _in_quote(doc, t.i, quoted)]
        male = sum(t.lower_ in _MALE for t in toks)
        female = sum(t.lower_ in _FEMALE for t in toks)
        if male and not female:
            vote(key, "m")
        elif female and not male:
            vote(key, "f")
    gender = {k: ("m" if v["m"] > v["f"] else "f") for k, v in votes.items() if v["m"] != v["f"]}
    doc.user_data["storyledger_people"] = (mentions, gender)
    return mentions, gender


_PRONOUNS = _MALE | _FEMALE
# Salience weights after Lappin & Leass (1994): a mention's grammatical role makes its person
# more or less likely to be the one a later pronoun means; all salience halves at each sentence.
_W_RECENT, _W_SUBJ, _W_OBJ, _W_OBL, _W_HEAD, _W_ARG = 100.0, 80.0, 50.0, 40.0, 80.0, 50.0
_W_PARALLEL = 35.0   # a subject pronoun prefers a person last seen as a subject
_MIN_SALIENCE = 2.0  # below this a person has dropped out of the discourse
# a name the article never genders is often not a person at all ("Stella's", a town, a firm)
_UNGENDERED = 0.5
_QUOTED = 0.3        # share of a mention's weight when it sits inside quote marks
_W_TIED = 300.0      # "the firm" prefers the body the text called a firm


def _weight(t: Token) -> float:
    """Salience one mention adds, by its role: subjects over objects over obliques; a name
    inside another noun phrase ("his father's friend, X") or an adverbial phrase adds less."""
    while t.dep_ in {"appos", "compound", "flat", "conj"} and t.head.i != t.i and t.head.pos_ in {"PROPN", "NOUN", "PRON"}:
        t = t.head
    w = _W_RECENT
    if t.dep_ in _SUBJ:
        w += _W_SUBJ
    elif t.dep_ in {"dobj", "attr", "oprd"}:
        w += _W_OBJ
    elif t.dep_ in {"dative", "pobj", "agent"}:
        w += _W_OBL
    prep_head = t.head.head if t.dep_ == "pobj" else None
    if t.dep_ != "poss" and not (prep_head is not None and prep_head.pos_ in {"NOUN", "PROPN"}):
        w += _W_HEAD
    if not (prep_head is not None and prep_head.pos_ in {"VERB", "AUX"}):
        w += _W_ARG
    return w


# Nouns that name a kind of organisation or place: "the company said" means the firm named before.
_ORG_NOUNS = {
    "company", "firm", "corporation", "business", "agency", "department", "ministry", "government",
    "utility", "group", "union", "association", "organization", "organisation", "board", "council",
    "committee", "commission", "band", "club", "team", "league", "school", "university", "college",
    "hospital", "party", "bank", "fund", "foundation", "institute", "centre", "center", "society",
    "coalition", "network", "service", "force", "court", "tribunal", "station", "broadcaster",
    "church", "diocese", "charity", "regulator", "authority", "airline", "carrier", "retailer",
    "chain", "brand", "startup", "automaker", "carmaker", "manufacturer", "insurer", "lender",
    "operator", "provider", "platform", "giant", "maker", "developer", "publisher", "restaurant",
    "store", "district", "detachment", "office", "lab", "laboratory", "museum", "library", "program",
    "military", "army", "navy", "police", "administration", "legislature", "parliament", "senate",
}
# Things that speak for someone ("the lawsuit says", "the white paper notes"): not a person.
_DOCUMENT_NOUNS = {
    "report", "statement", "release", "suit", "lawsuit", "claim", "complaint", "document", "paper",
    "study", "memo", "post", "letter", "email", "e-mail", "website", "site", "ruling", "decision",
    "filing", "survey", "poll", "data", "database", "analysis", "review", "audit", "notice", "message",
    "tweet", "video", "book", "article", "story", "order", "judgment", "judgement", "policy", "plan",
    "bill", "law", "rule", "proposal", "agreement", "deal", "budget", "guide", "guideline", "petition",
    "application", "motion", "warrant", "indictment", "affidavit", "transcript", "record", "summary",
    "page", "blog", "account", "feed", "assessment", "estimate", "figure", "number", "chart", "map",
    "note", "briefing", "announcement", "update", "advisory", "bulletin", "campaign", "ad", "sign",
    "investigation", "inquiry", "probe", "research", "evidence", "testimony", "verdict", "finding",
}
_PLACE_NOUNS = {"city", "town", "province", "state", "county", "municipality", "village", "country",
                "region", "territory", "township", "nation"}
# Words for a person the article need not have described before (an official, a source): left alone.
_UNSPECIFIC = {"person", "source", "official", "officer", "spokesperson", "spokesman", "spokeswoman",
               "representative", "witness", "victim", "suspect", "driver", "resident", "man", "woman"}


def _description(t: Token) -> Optional[str]:
    """'person' or 'org' for a definite description with no name in it ("the rookie defenceman",
    "the company"), else None."""
    if t.pos_ != "NOUN" or t.tag_ != "NN" or t.ent_type_:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
        return None
    if any(x.ent_type_ in {"PERSON", "ORG", "GPE", "NORP", "FAC"} for x in t.doc[t.left_edge.i:t.i]):
        return None
    lem = t.lemma_.lower()
    if lem in _ORG_NOUNS or lem in _PLACE_NOUNS:
        return "org"
    if lem in _UNSPECIFIC or lem in _DOCUMENT_NOUNS:
        return None
    return "person"


def _kinds_of(key: str, body_kind: dict[str, set[str]]) -> set[str]:
    """Kind nouns of a named body: those the text tied to it, or its own head noun ("Health Ministry")."""
    head = key.lower().split()[-1] if key.split() else ""
    return (body_kind.get(key, set()) | {head}) & _ORG_NOUNS


def _org_key(e: Span) -> str:
    return re.sub(r"^the\s+|['\u2019]s$", "", e.text, flags=re.I).strip()


def _org_nouns(e: Span) -> set[str]:
    """Kind nouns the text ties to a named body: "Cisco Talos, the security firm", "media company GroupM"."""
    r = e.root
    near = [c for c in r.children if c.dep_ in {"appos", "compound"} and c.pos_ == "NOUN"]
    if r.dep_ in {"appos", "compound"} and r.head.pos_ == "NOUN":
        near.append(r.head)
    near += [t for t in e.doc[max(e.start - 3, 0):e.start] if t.pos_ == "NOUN" and t.head.i in range(e.start, e.end)]
    return {t.lemma_.lower() for t in near}


def _in_quote(doc: Doc, i: int, spans: list[tuple[int, int]]) -> bool:
    idx = doc[i].idx
    return any(a <= idx < b for a, b in spans)


def resolve_pronouns(doc: Doc) -> dict[int, str]:
    """Token index of each third-person "he"/"she"/"him"/"her"/"his" -> the person it stands for.

    One pass over the sentences keeps a salience score per person (see ``_weight``): a pronoun
    goes to the most salient person of its gender (a person the article has not gendered fits
    either), and then counts as a mention of that person, so "He said ... He added ... he said"
    stays with one person through names mentioned in passing. Pronouns inside quote marks
    speak of someone from the quoted speaker's point of view and do not add salience.
    Cached on the doc.
    """
    cached = doc.user_data.get("storyledger_pronouns")
    if cached is not None:
        return cached
    mentions, gender = person_mentions(doc)
    at = {m.i: m for m in mentions}
    quoted = [(q.start, q.end) for q in find_quotes(doc) if not q.short]
    salience: dict[str, float] = {}
    last_subject: dict[str, bool] = {}
    out: dict[int, str] = {}
    # organisations and places too, for "the company" / "the city" (kept apart from people)
    bodies = {e.root.i: e for e in doc.ents if e.label_ in {"ORG", "GPE"} and len(e.text) > 1}
    body_sal: dict[str, float] = {}
    body_label: dict[str, set[str]] = {}
    body_kind: dict[str, set[str]] = {}
    for sent in doc.sents:
        if any(t.is_alpha for t in sent):
            for k in salience:
                salience[k] /= 2
            for k in body_sal:
                body_sal[k] /= 2
        for t in sent:
            e = bodies.get(t.i)
            if e is not None and t.i not in at:
                key = _org_key(e)
                body_sal[key] = body_sal.get(key, 0.0) + _weight(t)
                body_label.setdefault(key, set()).add(e.label_)
                body_kind.setdefault(key, set()).update(_org_nouns(e))
                continue
            if t.dep_ in _SUBJ | {"pobj"} and _description(t) == "org":
                lem = t.lemma_.lower()
                want_l = "GPE" if lem in _PLACE_NOUNS else "ORG"
                cands_o = [(v + (_W_TIED if lem in body_kind.get(k, ()) or lem in k.lower().split() else 0.0), k)
                           for k, v in body_sal.items()
                           if v >= _MIN_SALIENCE and (want_l in body_label[k] or lem in body_kind.get(k, ())
                                                      or lem in k.lower().split())
                           # "the army" is not the body the text called an agency: a body tied to
                           # another kind noun is only meant by that noun or a word of its name
                           and not (_kinds_of(k, body_kind) and lem not in _kinds_of(k, body_kind)
                                    and lem not in k.lower().split())]
                if cands_o:
                    key = max(cands_o)[1]
                    out[t.i] = key
                    body_sal[key] += _weight(t)
                continue
            m = at.get(t.i)
            if m is not None:
                # a name inside quote marks is someone the speaker talks about, seldom the next speaker
                w = _weight(t) * (_QUOTED if _in_quote(doc, t.i, quoted) else 1.0)
                salience[m.key] = salience.get(m.key, 0.0) + w
                last_subject[m.key] = m.subject
                continue
            low = t.lower_
            if t.dep_ in _SUBJ and _speech(t.head) and _description(t) == "person" and not _in_quote(doc, t.i, quoted):
                # "the rookie defenceman said": an apt description of the person the story is about
                want_d = next((g for g, nouns in _GENDER_NOUNS.items() if t.lemma_.lower() in nouns), None)
                cands_d = [(v, k) for k, v in salience.items()
                           if v >= _MIN_SALIENCE and (want_d is None or gender.get(k, want_d) == want_d)]
                if cands_d:
                    key = max(cands_d)[1]
                    out[t.i] = key
                    salience[key] += _weight(t)
                    last_subject[key] = True
                continue
            if low not in _PRONOUNS or t.pos_ not in {"PRON", "DET"}:
                continue
            want = "m" if low in _MALE else "f"
            # "X told him": not the clause's own subject (a reflexive would be)
            bound = {c.i for c in t.head.children if c.dep_ in _SUBJ} if t.dep_ in {"dobj", "dative", "pobj"} and \
                not low.endswith("self") else set()
            bound_keys = {out.get(b) or (at[b].key if b in at else None) for b in bound}
            subj = t.dep_ in _SUBJ
            cands = [((v + (_W_PARALLEL if subj and last_subject.get(k) else 0.0)) * (1.0 if k in gender else _UNGENDERED), k)
                     for k, v in salience.items() if v >= _MIN_SALIENCE and gender.get(k, want) == want and k not in bound_keys]
            if not cands:
                continue
            key = max(cands)[1]
            out[t.i] = key
            if not _in_quote(doc, t.i, quoted):
                salience[key] += _weight(t)
                last_subject[key] = subj
    doc.user_data["storyledger_pronouns"] = out
    return out


def pronoun_referent(tok: Token) -> Optional[str]:
    """The person a "he"/"she" stands for (see ``resolve_pronouns``), or None."""
    if tok.lower_ not in _PRONOUNS:
        return None
    return resolve_pronouns(tok.doc).get(tok.i)


def description_referent(tok: Token) -> Optional[tuple[str, str]]:
    """(name, "person" | "org") a definite description stands for ("the company" -> the firm
    named before; "the 26-year-old winger said" -> the person the story is about), or None."""
    kind = _description(tok)
    key = resolve_pronouns(tok.doc).get(tok.i) if kind else None
    return (key, kind) if key else None


# -- reported (indirect) speech ------------------------------------------------------------
@dataclass
class Reported:
    verb: Token
    subject: Token                # who is said to have said it ("Smith", "she", "the ministry")
    start: int                    # char span of the reported clause
    end: int
    text: str


def reported_speech(sent: Span, quotes: list[QuoteSpan]) -> list[Reported]:
    """Clauses a speech verb reports: "X said (that) CLAUSE", "CLAUSE, X said", "X told Y CLAUSE".

    A clause mostly inside quote marks is left to the direct quote; a clause of a few words
    ("he said so") is not a statement.
    """
    doc = sent.doc
    out: list[Reported] = []
    for v in sent:
        if not _speech(v):
            continue
        comp = next((c for c in v.children if c.dep_ in {"ccomp", "parataxis"} and c.pos_ in {"VERB", "AUX"}), None)
        subj = _subject(v)
        if comp is None or subj is None or subj.i >= comp.left_edge.i and subj.i <= comp.right_edge.i:
            continue
        span = _clause_span(list(doc[comp.left_edge.i:comp.right_edge.i + 1]), quotes, drop_that=True)
        if span is not None:
            out.append(Reported(v, subj, span[0], span[1], doc.text[span[0]:span[1]]))
    # "According to X, CLAUSE" / "CLAUSE, according to X": the rest of the sentence is the content
    for acc in sent:
        if acc.lower_ != "according" or acc.dep_ != "prep":
            continue
        pobj = next((o for to in acc.children for o in to.children if o.dep_ == "pobj"), None)
        if pobj is None:
            continue
        # the "according to X[, a role]" phrase runs to the sentence's end, or to the comma that closes it
        if acc.i > sent.start + 2:
            toks = [t for t in sent if t.i < acc.i]
        else:
            comma = next((t.i for t in sent if t.i > pobj.i and t.text == ","), pobj.i)
            toks = [t for t in sent if t.i > comma]
        span = _clause_span(toks, quotes)
        if span is not None:
            out.append(Reported(acc, pobj, span[0], span[1], doc.text[span[0]:span[1]]))
    return out


def _clause_span(toks: list[Token], quotes, drop_that: bool = False) -> Optional[tuple[int, int]]:
    """Character span of a reported clause, trimmed; None when it is too short or mostly a direct quote
    (the quote claim covers it then)."""
    while toks and (toks[0].is_punct or drop_that and toks[0].dep_ == "mark" and toks[0].lower_ == "that"):
        toks.pop(0)
    while toks and toks[-1].is_punct:
        toks.pop()
    if len([t for t in toks if not t.is_punct]) < 4:
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    quoted = sum(max(0, min(end, q.end) - max(start, q.start)) for q in quotes if not q.short)
    return None if quoted > (end - start) / 2 else (start, end)
