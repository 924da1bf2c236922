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

import bisect
import re
from dataclasses import dataclass, field
from typing import ClassVar, Optional

import numpy
from spacy.attrs import DEP, ENT_TYPE, IS_ALPHA, LEMMA, LOWER, POS, TAG
from spacy.strings import get_string_id
from spacy.symbols import AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from storyledger.extract.entities import is_title_word
from storyledger.extract.extensions import span_text, text_of
from storyledger.extract.lexicon import SPEECH_LEMMAS
from storyledger.extract.spans import dateline_of, ent_at
from storyledger.tables import table
from storyledger.words import singular

_QUOTE_RE = re.compile(r"\u201c([^\u201c\u201d]+)\u201d|\"([^\"\n]+)\"")


@dataclass
class QuoteSpan:
    start: int          # char offset of the opening mark
    end: int            # char offset after the closing mark
    text: str           # the words inside the marks
    verb: Optional[Token] = None
    subject: Optional[Token] = None
    short: bool = False


def find_quotes(doc: Doc, text: Optional[str] = None) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    for m in _QUOTE_RE.finditer(text_of(doc) if text is None else text):
        inner = m.group(1) or m.group(2)
        out.append(QuoteSpan(m.start(), m.end(), inner.strip(), short=len(inner.split()) < 4))
    return out


def doc_quotes(doc: Doc) -> list[QuoteSpan]:
    """The quotes with speech verb and subject: what storyledger_quotes stored, else found now."""
    stored = doc._.quotes
    if stored is None:
        text = text_of(doc)
        out = find_quotes(doc, text)
        for q in out:
            q.verb, q.subject = speech_verb(doc, q, text)
        return out
    return [QuoteSpan(d["start"], d["end"], d["text"], doc[d["verb"]] if d["verb"] is not None else None,
                      doc[d["subject"]] if d["subject"] is not None else None, d["short"]) for d in stored]


def speech_verb(doc: Doc, q: QuoteSpan, text: Optional[str] = None) -> tuple[Optional[Token], Optional[Token]]:
    """(speech verb, its subject) for a quote, looking outside the quote marks (``text``: doc.text, once)."""
    text = text_of(doc) if text is None else text
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
            if (cur.i < inside.start or cur.i >= inside.end) and _speech(cur) and _same_par(text, cur, q) and \
                    (not q.short or r.dep_ in {"dobj", "attr"}):
                return cur, _subject(cur)
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if q.short and _same_par(text, cur, q) and (cur.i < inside.start or cur.i >= inside.end) and _speech(cur) and r.dep_ in {"dobj", "attr"}:
                return cur, _subject(cur)
    if q.short:
        return None, None
    # '"...," according to X.'
    for t in list(first) + (list(last) if last != first else []):
        if t.lower_ == "according" and (t.i < inside.start or t.i >= inside.end) and _same_par(text, t, q):
            pobj = next((o for to in t.children for o in to.children if o.dep_ == "pobj"), None)
            if pobj is not None:
                return t, pobj
    sents_near = [first, last]
    # '"...," Levine said' split by the tagger after the closing mark: the tag opens the next sentence
    # ('"..." The DTM report said.': a short sentence that is only the tag)
    if inside.end < len(doc) and doc[inside.end].is_sent_start and "\n" not in text[q.end:doc[inside.end].idx]:
        nxt = doc[inside.end].sent
        sents_near.append(nxt if len(nxt) <= 6 or _tag_only(nxt) else doc[inside.end:min(inside.end + 3, nxt.end)])
    cands = [t for s in sents_near for t in s if (t.i < inside.start or t.i >= inside.end) and _speech(t)
             and "\n" not in text[min(t.idx, q.end):max(t.idx, q.start)]]
    if not cands:
        return None, None
    best = min(cands, key=lambda t: min(abs(t.i - inside.start), abs(t.i - inside.end)))
    return best, _subject(best)


def _tag_only(sent: Span) -> bool:
    """'?" Michael Every, a strategist at Rabobank, said in a commentary.': a sentence whose verb of
    saying has a subject but says nothing of its own is the tag of the quote before it."""
    root = sent.root
    return _speech(root) and any(c.dep_ in _SUBJ for c in root.children) and \
        not any(c.dep_ in {"ccomp", "dobj", "xcomp", "parataxis"} for c in root.children)


def _same_par(text: str, t: Token, q: QuoteSpan) -> bool:
    return "\n" not in text[min(t.idx, q.end):max(t.idx, q.start)]


# Verbs of saying that tag quotes in feature writing ("quipped Green", "Bardos blurted out").
_MORE_SPEECH = {"quip", "blurt", "repeat", "mention", "remark", "joke", "shout", "yell", "scream",
                "whisper", "muse", "reply", "respond", "answer", "recount", "observe", "exclaim", "concede",
                "counter", "urge", "plead", "promise", "reiterate", "tweet", "text", "email", "wonder",
                "lament", "boast", "emphasize", "emphasise", "recall", "chuckle", "laugh", "sigh", "add",
                "retort", "crow", "scold"}


_ALL_SPEECH = SPEECH_LEMMAS | _MORE_SPEECH


# phrasal verbs of saying: the verb alone says nothing ("points out the laid-back resident")
_PHRASAL_SPEECH = {"point": "out", "chime": "in", "speak": "up", "cut": "in"}


def _speech(t: Token) -> bool:
    if t.pos_ not in {"VERB", "AUX"}:
        return False
    lem = t.lemma_.lower()
    return lem in _ALL_SPEECH or lem in _PHRASAL_SPEECH and any(
        c.dep_ == "prt" and c.lower_ == _PHRASAL_SPEECH[lem] for c in t.children)


def _subject(verb: Token) -> Optional[Token]:
    # two subjects on one verb is a misparse ('"... Full panic mode," said Leslie Wimes'): the one
    # next to the verb, not a noun of the quoted words
    subjs = [c for c in verb.children if c.dep_ in _SUBJ]
    subj = min(subjs, key=lambda c: abs(c.i - verb.i), default=None)
    while subj is not None and subj.i >= 2 and subj.doc[subj.i - 1].text == "-" and subj.doc[subj.i - 2] in subjs:
        subj = subj.doc[subj.i - 2]   # (a hyphened name split in two subjects: "Wilson-Raybould")
    if subj is None and verb.dep_ == "xcomp" and verb.head.pos_ == "VERB":
        # "The pressure led Pelosi to announce ...": the object of the verb the report completes
        # reports, not its subject (as attribution._subject_of reads it)
        subj = causee(verb)
    if subj is None and verb.dep_ in {"advcl", "xcomp", "conj"} and verb.head.i != verb.i:
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        subj = next((c for c in verb.children if _inverted_subject(c)), None)
    if subj is None and verb.dep_ == "acl" and verb.head.ent_type_ == "PERSON" and verb.head.i < verb.i:
        subj = verb.head   # '"...," Pierre Gignac, EDC's risk officer, mentioned ...' parsed as "Gignac, mentioned"
    doc = verb.doc
    if subj is None and verb.is_sent_start and verb.i > 0 and doc[verb.i - 1].is_sent_start and \
            doc[verb.i - 1].pos_ == "PROPN":
        subj = doc[verb.i - 1]   # "Vickers | said he's ...": the splitter cut the name off as a sentence
    if subj is None:
        # a misparsed tag ('"...," DeBoer said' with DeBoer as an auxiliary): the name next to the verb
        for k in (verb.i - 1, verb.i + 1):
            # (the tagger may call the name an auxiliary: '"...," DeBoer said of ...')
            if 0 <= k < len(doc) and (doc[k].pos_ in {"PROPN", "PRON"} or _misread_name(doc[k])) and doc[k].dep_ not in {"poss"} and \
                    doc[k].lower_ not in {"it", "that", "this", "what", "which", "who"} and \
                    (doc[k].head.i == verb.i or doc[k].dep_ in {"compound"}):
                t = doc[k]
                while t.dep_ == "compound" and t.head.pos_ == "PROPN" and t.head.i != verb.i:
                    t = t.head
                return t
    return subj


def causee(verb: Token) -> Optional[Token]:
    """The object of the verb a report completes, who reports: "led Pelosi to announce", "asked
    officials to confirm"; not a time or an amount ("spent 45 seconds explaining")."""
    o = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    if o is None or o.ent_type_ in {"DATE", "TIME", "QUANTITY", "MONEY", "PERCENT", "CARDINAL"} or \
            any(c.dep_ == "nummod" for c in o.children):
        return None
    return o


def _inverted_subject(t: Token) -> bool:
    """'"...," points out the resident': after the words said, the verb's object is its subject."""
    v = t.head
    return t.dep_ == "dobj" and t.i > v.i and any(c.dep_ == "ccomp" and c.i < v.i for c in v.children)


def _misread_name(t: Token) -> bool:
    """A capitalised word the tagger named as a person or body but parsed as some other part of speech."""
    return t.ent_type_ in {"PERSON", "ORG"} and t.text[:1].isupper() and t.i > 0 and not t.is_sent_start


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


def person_mentions(doc: Doc, ents: Optional[tuple[Span, ...]] = None) -> tuple[list[Mention], dict[str, str]]:
    """People mentioned in a doc, in order, and the gender ('m'/'f') the article gives them.

    What the storyledger_coref component stored (``doc._.people``), else worked out now (``ents``:
    ``doc.ents`` when the caller has them: it builds every entity span at each call).
    """
    if doc._.people is not None:
        return [Mention(*m) for m in doc._.people["mentions"]], {k: g for k, g in doc._.people["gender"]}
    ents = doc.ents if ents is None else ents
    proper = _proper_nouns(doc)
    mentions = _ner_mentions(ents)
    mentions += _speaker_mentions(doc, mentions, ents, proper)
    mentions += _surname_mentions(doc, mentions, ents, proper)
    mentions.sort(key=lambda m: m.i)
    # the passes above find names out of order: a surname joins a fuller name seen before it in the text
    keys: list[str] = []
    for m in mentions:
        m.key = _mention_key(m.key, keys)
        if m.key not in keys:
            keys.append(m.key)
    votes: dict[str, dict[str, int]] = {}
    for vote_rule in (_vote_words, _vote_self_report, _vote_lone_name):
        for key, g, n in vote_rule(doc, mentions):
            votes.setdefault(key, {"m": 0, "f": 0})[g] += n
    gender = {k: ("m" if v["m"] > v["f"] else "f") for k, v in votes.items() if v["m"] != v["f"]}
    doc._.people = {"mentions": [[m.key, m.i, m.sent, m.subject] for m in mentions],
                    "gender": [[k, g] for k, g in gender.items()]}
    return mentions, gender


def _ner_mentions(ents: tuple[Span, ...]) -> list[Mention]:
    mentions: list[Mention] = []
    keys: list[str] = []
    # a name the text once sets beside a noun of place is a place's wherever else it stands
    places = {e.text for e in ents if e.label_ == "PERSON" and _named_place(e.root)}
    for e in ents:
        if e.label_ != "PERSON" or _names_thing(e.root) or photo_credit(e) or e.text in places:
            continue
        key = _mention_key(e.text, keys)
        if key not in keys:
            keys.append(key)
        root = e.root
        subj = root.dep_ in _SUBJ or root.dep_ == "appos" and root.head.dep_ in _SUBJ
        mentions.append(Mention(key, root.i, e.sent.start, subj))
    return mentions


def _speaker_mentions(doc: Doc, mentions: list[Mention], ents: tuple[Span, ...], proper: list[Token]) -> list[Mention]:
    """A proper-noun subject of a speech verb the tagger did not call a person ("Jhony said"), or
    called a body though a title stands right before it ("Hereditary Chief Na'moks said" as an ORG).
    ``proper``: the Doc's PROPN tokens (``_proper_nouns``)."""
    keys = list(dict.fromkeys(m.key for m in mentions))
    ent_toks = {i for e in ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
    other_toks = {i for e in ents if e.label_ != "PERSON" for i in range(e.start, e.end)}
    out = []
    for t in proper:
        if t.dep_ != "nsubj" or t.i in ent_toks or not _speech(t.head):
            continue
        titled = t.i > 0 and is_title_word(doc[t.i - 1].text)
        if t.i in other_toks and not titled:
            continue
        first = t.i if titled else min([t.i] + [c.i for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN"])
        out.append(Mention(_mention_key(doc[first:t.i + 1].text, keys), t.i, t.sent.start, True))
    return out


# "— Michelle Rempel (@MichelleRempel) December 18, 2018": the signature line of an embedded post
_EMBED_SIGNATURE = re.compile(r" ?\(@\w+\)")   # (one space at most: a run of \s* would scan quadratically)


def photo_credit(e: Span) -> bool:
    """"(Lauren Pelley / CBC News)", "REUTERS/Chris Helgren": a photographer's credit, no person of the
    story; likewise the signature under an embedded post (its words are the post's, not the story's)."""
    text = text_of(e.doc)   # Doc.text joins every token: per entity it was quadratic
    return "/" in e.text or "/" in text[max(e.start_char - 2, 0):e.start_char] or "/" in text[e.end_char:e.end_char + 2] \
        or _EMBED_SIGNATURE.match(text, e.end_char) is not None


_PLACE_TITLES = table("lexicon").set("place_title_nouns")


def _named_place(t: Token) -> bool:
    """A name set beside a noun of place ("the provincial capital Banda Aceh", "the town of X") is a
    place's, whatever the tagger called it."""
    if t.dep_ in {"appos", "compound"} and t.head.pos_ == "NOUN" and t.head.lemma_.lower() in _PLACE_TITLES:
        return True
    return t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in _PLACE_TITLES


def _names_thing(t: Token) -> bool:
    """A surname naming a thing ("the Closs residence", "the Smith family"): no mention of the person."""
    return t.dep_ == "compound" and t.head.pos_ == "NOUN"


# what the small model calls a lone surname it has seen in a person's full name ("Schuh" as NORP,
# "Bardos" as GPE, "However, Wojtaszek said" as ORG)
_SURNAME_MISLABELS = {"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"}
_NAME_PARTICLES = {"de", "van", "von", "der", "den", "al", "el", "bin", "ibn", "da", "del", "la", "le", "du", "dos"}


def _full_name(key: str) -> bool:
    """Two or more capitalised words (particles aside): "Guenther Schuh", not "the Birth of Modern Canada"."""
    words = key.split()
    return len(words) > 1 and all(w[:1].isupper() or w.casefold() in _NAME_PARTICLES for w in words)


def _lone_surname(ent: Span, full: set[str]) -> bool:
    # (a lone word the tagger once called a person, "Facebook", is no surname to find elsewhere)
    return len(ent) == 1 and ent.label_ in _SURNAME_MISLABELS and ent.text.casefold() in full


def _surname_mentions(doc: Doc, mentions: list[Mention], ents: tuple[Span, ...], proper: list[Token]) -> list[Mention]:
    """A surname the tagger missed ("Lonechild and others are planning ...") or filed as a place
    or body ("Nino Niederreiter scored" as a GPE), where the article names that person elsewhere."""
    seen = {m.i for m in mentions}
    ent_of = {i: e for e in ents for i in range(e.start, e.end)}
    surnames = {m.key.split()[-1].casefold() for m in mentions if m.key.split()}
    full = {m.key.split()[-1].casefold() for m in mentions if _full_name(m.key)}
    out: list[Mention] = []
    for t in proper:
        if t.i in seen or not t.text[:1].isupper() or t.ent_type_ == "PERSON":
            continue
        if _names_thing(t) or t.text.casefold() not in surnames and \
                not any(t.text.casefold() in m.key.casefold().split() for m in mentions + out if m.i < t.i):
            continue
        # the tagger calls a lone surname an organisation at times ("However, Wojtaszek said");
        # a longer organisation name that holds it ("Vickers Inc.") is not the person
        ent = ent_of.get(t.i)
        if ent is not None and not (_lone_surname(ent, full) or _misfiled_name(ent, surnames) and t.i == ent.end - 1):
            continue
        key = ent.text if ent is not None and len(ent) > 1 else t.text
        first = next((m for m in mentions + out if t.text.casefold() in m.key.casefold().split() and m.i < t.i), None)
        subj = t.dep_ in _SUBJ or t.dep_ == "compound" and t.head.dep_ in _SUBJ and t.head.pos_ == "PROPN"
        out.append(Mention(first.key if first is not None and len(key.split()) == 1 else key, t.i, t.sent.start, subj))
    return out


def _proper_nouns(doc: Doc) -> list[Token]:
    """The tokens tagged PROPN, in order (found in the POS array: no Token made for the others)."""
    return [doc[i] for i in numpy.flatnonzero(doc.to_array(POS) == PROPN).tolist()]


def _misfiled_name(ent: Span, surnames: set[str]) -> bool:
    """"Nino Niederreiter" tagged GPE: a run of capitalised proper nouns ending in a surname the
    article gives a person (the person's own name, not "Vickers Inc." or "Jones Avenue")."""
    return ent.label_ in {"GPE", "NORP", "LOC", "ORG"} and 1 < len(ent) <= 3 and \
        all(x.pos_ == "PROPN" and x.text[:1].isupper() for x in ent) and \
        ent[-1].text.casefold() in surnames and ent.root.i == ent[-1].i


def _vote_words(doc: Doc, mentions: list[Mention]):
    """"Ms. Doe" (5 votes); "his wife Jane Doe", "Doe, a mother of three" (3): words naming the person."""
    for m in mentions:
        head = doc[m.i]
        ent = None if head.ent_iob_ == "O" else ent_at(doc, m.i)
        span_start = ent.start if ent is not None else m.i
        before = doc[span_start - 1].lower_ if span_start > 0 else ""
        if before in _HONORIFIC:
            yield m.key, _HONORIFIC[before], 5
        for c in list(head.children) + ([head.head] if head.dep_ == "appos" else []):
            if c.dep_ in {"appos", "compound"} or c is head.head:
                lem = c.lemma_.lower()
                for g, nouns in _GENDER_NOUNS.items():
                    if lem in nouns:
                        yield m.key, g, 3


def _vote_self_report(doc: Doc, mentions: list[Mention]):
    """"X said she would ...": the subject of what a person says about themself is that person
    (not a pronoun inside quote marks: the quoted speaker talks of someone else there)."""
    quoted = _long_quotes(doc)
    for m in mentions:
        head = doc[m.i]
        if head.dep_ not in _SUBJ or not _speech(head.head):
            continue
        for comp in head.head.children:
            if comp.dep_ in {"ccomp", "xcomp"}:
                pron = next((c for c in comp.children if c.dep_ in _SUBJ and c.lower_ in {"he", "she"}), None)
                if pron is not None and not _in_quote(doc, pron.i, quoted):
                    yield m.key, "m" if pron.lower_ == "he" else "f", 3


def _vote_lone_name(doc: Doc, mentions: list[Mention]):
    """Pronouns in a sentence that names one person only (and in the next sentence when it names
    nobody). '"Kim Reyes trained us all," she said': a name inside quote marks is not the one the
    narrator's pronoun is about, so quoted names and quoted pronouns are left out."""
    quoted = _long_quotes(doc)
    # a line of punctuation between paragraphs (" ." in some dumps) is no sentence of the story
    alpha = _alpha_before(doc.to_array(IS_ALPHA))
    sents = [s for s in doc.sents if alpha[s.end] > alpha[s.start]]
    by_sent: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sent.setdefault(m.sent, []).append(m)
    pronouns = numpy.flatnonzero(_among(doc.to_array(LOWER), _PRONOUN_IDS)).tolist()
    for k, s in enumerate(sents):
        names = {m.key for m in by_sent.get(s.start, ()) if not _in_quote(doc, m.i, quoted)}
        if len(names) != 1:
            continue
        (key,) = names
        end = sents[k + 1].end if k + 1 < len(sents) and sents[k + 1].start not in by_sent else s.end
        # the sentence's (and the next one's) pronouns outside quote marks
        toks = [t for t in (doc[i] for i in pronouns[bisect.bisect_left(pronouns, s.start):bisect.bisect_left(pronouns, end)])
                if not _in_quote(doc, t.i, quoted)]
        male = sum(t.lower_ in _MALE for t in toks)
        female = sum(t.lower_ in _FEMALE for t in toks)
        if male and not female:
            yield key, "m", 1
        elif female and not male:
            yield key, "f", 1


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
# a person just named as the subject of a speech verb ("Klisch said ...") is the likeliest
# "he" of the next quote: reporters name a new speaker, then go on with a pronoun
_W_SPEAKER = 150.0
_W_LAST_SPEAKER = 300.0   # a "he said" tag prefers the person last told as saying something
# a person named for the first time is who the next sentences are about: reporters introduce a new
# speaker by full name and role ("Liberal MP Marco Mendicino ... went on CBC"), then quote "he said"
_W_NEW = 150.0


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
    "church", "diocese", "charity", "regulator", "authority", "airline", "carrier", "retailer", "railway",
    "chain", "brand", "startup", "automaker", "carmaker", "manufacturer", "insurer", "lender",
    "operator", "provider", "platform", "giant", "maker", "developer", "publisher", "restaurant",
    "store", "district", "detachment", "office", "lab", "laboratory", "museum", "library", "program",
    "military", "army", "navy", "police", "administration", "legislature", "parliament", "senate",
    "coastguard",
}
ORG_NOUNS = frozenset(_ORG_NOUNS)   # (read by attribution: who may issue a document)
_REMIT_HEADS = table("lexicon").set("remit_heads")   # public bodies named by their remit
# Things that speak for someone ("the lawsuit says", "the white paper notes"): not a person.
DOCUMENT_NOUNS = {
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
# Words for a person the article need not have described before (an official, a source): left alone;
# "the man", "the resident" too, unless more words describe them ("the self-taught Cambridge resident").
_ANONYMOUS = {"person", "source", "official", "officer", "spokesperson", "spokesman", "spokeswoman",
              "representative"}
_UNSPECIFIC = _ANONYMOUS | {"witness", "victim", "suspect", "driver", "resident", "man", "woman"}
# People a story sets beside the one it is about ("the Nova Scotia judge" in a story about an
# offender): the most salient person is not them; only a name the text gives them will do.
_ROLES_APART = table("lexicon").set("roles_apart")
_FIRM_NOUNS = table("lexicon").set("firm_nouns")
_CHARITY_NOUNS = table("lexicon").set("charity_nouns")
_STATE_HEADS = table("lexicon").set("state_heads")
_BUSINESS_KINDS = table("lexicon").set("business_kinds")
# What tells that a name the tagger calls an organisation is a place ("the small island of El Hierro",
# "the U.S. Gulf", "Mozambique's government"): a place is no "group", "ministry" or "regulator".
_PLACE_OF_NOUNS = table("lexicon").set("place_of_nouns")
_PLACE_NAME_HEADS = table("lexicon").set("place_name_heads")
_STATE_POSSESSIONS = table("lexicon").set("state_possessions")


def _description(t: Token) -> Optional[str]:
    """'person' or 'org' for a definite description with no name in it ("the rookie defenceman" even
    when the tagger calls it a body, "the company", "the Republican"), else None."""
    party = t.tag_ in {"NNP", "NNPS"} and t.ent_type_ == "NORP"
    if not (t.pos_ == "NOUN" and t.tag_ == "NN" and (not t.ent_type_ or t.is_lower) or party):
        return None     # (``_may_describe`` is the part of this test the coref gate reads off arrays)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
        return None
    named = {x.ent_type_ for x in t.doc[t.left_edge.i:t.i] if x.ent_type_ and not x.is_lower}
    lem = t.lemma_.lower()
    body = not party and (lem in _ORG_NOUNS or lem in _PLACE_NOUNS)
    # a name in it makes it a name ("the Boeing company"); a place only says where a person is
    # from ("the Kentucky Republican", "the Ontario premier")
    if named & {"PERSON", "ORG", "FAC"} or named & {"GPE", "NORP"} and body:
        return None
    if body:
        return "org"
    described = any(c.dep_ in {"amod", "compound", "nmod"} for c in t.children)
    if lem in _ANONYMOUS or lem in _UNSPECIFIC and not described or lem in DOCUMENT_NOUNS or lem in _ROLES_APART:
        return None
    return "person"


def _fits_qualifiers(t: Token, key: str, kinds: set[str]) -> bool:
    """"the disaster management ministry", "the city council": a public body described by its remit
    means a body whose name or kind words hold it (not "the Red Crescent"); a firm's sector ("the
    security firm") is seldom in its name, and is not asked."""
    if t.lemma_.lower() not in _REMIT_HEADS:
        return True
    own = {singular(c.lower_) for c in t.children if c.dep_ == "compound" and c.pos_ in {"NOUN", "PROPN"}}
    return own <= {singular(w) for w in key.lower().split()} | kinds


def _kinds_of(key: str, body_kind: dict[str, set[str]]) -> set[str]:
    """Kind nouns of a named body: those the text tied to it, or its own head noun ("Health Ministry")."""
    head = key.lower().split()[-1] if key.split() else ""
    return (body_kind.get(key, set()) | {head}) & _ORG_NOUNS


_ORG_KEY_TRIM = re.compile(r"^the\s+|['\u2019]s$", flags=re.I)


def _org_key(e: Span) -> str:
    return _ORG_KEY_TRIM.sub("", span_text(e).strip(" \n([")).strip()


def _called_a_place(e: Span) -> Optional[str]:
    """The text says the name is a place: "geo" for "the island of X", "the X Gulf" (no body at all),
    "state" for "X's government" (a country, which its ministry or army may speak for), else None."""
    r = e.root
    words = span_text(e).strip(" \n([").lower().split()
    if words and words[-1] in _PLACE_NAME_HEADS or \
            r.dep_ == "pobj" and r.head.lower_ == "of" and r.head.head.lemma_.lower() in _PLACE_OF_NOUNS:
        return "geo"
    return "state" if r.dep_ == "poss" and r.head.lemma_.lower() in _STATE_POSSESSIONS else None


def _org_nouns(e: Span) -> set[str]:
    """Kind nouns the text ties to a named body: "Cisco Talos, the security firm", "media company GroupM"."""
    r = e.root
    near = [c for c in r.children if c.dep_ in {"appos", "compound"} and c.pos_ == "NOUN"]
    if r.dep_ in {"appos", "compound"} and r.head.pos_ == "NOUN":
        near.append(r.head)
    near += [t for t in e.doc[max(e.start - 3, 0):e.start] if t.pos_ == "NOUN" and t.head.i in range(e.start, e.end)]
    return {t.lemma_.lower() for t in near}


def _names_speaker(t: Token) -> bool:
    """The name is (part of) the subject of a speech verb: "Hiram Macharia, an executive, said"."""
    while t.dep_ in {"compound", "flat"} and t.head.i != t.i:
        t = t.head
    return t.dep_ == "nsubj" and _speech(t.head)


def _long_quotes(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of the quotes of four words or more: what storyledger_quotes stored, else found now."""
    if doc._.quotes is not None:
        return [(d["start"], d["end"]) for d in doc._.quotes if not d["short"]]
    return [(q.start, q.end) for q in find_quotes(doc) if not q.short]


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
    What the storyledger_coref component stored (``doc._.referents``), else worked out now.
    """
    if doc._.referents is not None:
        return {i: name for i, name in doc._.referents}
    ents = doc.ents     # (built once: each doc.ents builds every entity span again)
    mentions, gender = person_mentions(doc, ents)
    filed = dateline_of(doc)    # "DHAKA, Bangladesh (AP) —": where it was filed, no body it goes on about
    mem = _Salience(doc, {m.i: m for m in mentions}, gender, _long_quotes(doc),
                    {e.root.i: e for e in ents if e.label_ in {"ORG", "GPE"} and e.end_char - e.start_char > 1
                     and e.start_char >= filed and not e.root.is_lower   # "the rookie defenceman" is no body
                     and not _model_name(e)})
    takes, alpha = _may_take_all(doc, mem)
    # (per sentence: a count of alphabetic tokens and a cut of the taken ones; numpy per sentence cost more)
    alpha = _alpha_before(alpha)
    takes = numpy.flatnonzero(takes).tolist()
    for sent in doc.sents:
        if alpha[sent.end] > alpha[sent.start]:
            mem.decay()
        for i in takes[bisect.bisect_left(takes, sent.start):bisect.bisect_left(takes, sent.end)]:
            # the first step that takes the token ends its turn (rule order as data: _STEPS)
            t = doc[i]
            any(step(mem, t) for step in _Salience.STEPS)
    doc._.referents = [[i, name] for i, name in mem.out.items()]
    return mem.out


def _alpha_before(alpha: numpy.ndarray) -> numpy.ndarray:
    """Alphabetic tokens before each token index (and before the end): a span holds one when
    ``out[end] > out[start]``."""
    out = numpy.zeros(len(alpha) + 1, dtype=numpy.int64)
    numpy.cumsum(alpha, out=out[1:])
    return out


def _model_name(e: Span) -> bool:
    """ "The Superjet 100 skidded", "a Boeing 737": a maker's name with a model number names a
    thing, not a body that acts or speaks ("the airline said" is not the jet)."""
    nxt = e.doc[e.end] if e.end < len(e.doc) else None
    return e.label_ == "ORG" and nxt is not None and nxt.like_num and nxt.dep_ == "nummod" and nxt.head.i == e.root.i


def _among(values: numpy.ndarray, ids: list[int]) -> numpy.ndarray:
    """``numpy.isin`` for a few ids (a comparison per id: isin sorts, slower on a text's tokens)."""
    out = numpy.zeros(len(values), dtype=bool)
    for x in ids:
        out |= values == x
    return out


def _may_take_all(doc: Doc, mem: "_Salience") -> tuple[numpy.ndarray, numpy.ndarray]:
    """``mem.may_take(t)`` and ``t.is_alpha`` for every token at once, from the Doc's arrays (no
    Token object for the tokens no step can take; tests/test_fast_paths.py checks it token by token)."""
    arr = doc.to_array([DEP, LOWER, IS_ALPHA, POS, TAG, ENT_TYPE]).reshape(len(doc), 6)
    tag, ent = arr[:, 4], arr[:, 5]
    # what _description needs of a token (the description steps take no other)
    described = (arr[:, 3] == NOUN) & (tag == _NN) | _among(tag, _NNP_IDS) & (ent == _NORP)
    takes = _among(arr[:, 0], _STEP_DEP_IDS) & described | _among(arr[:, 1], _PRONOUN_IDS)
    marked = [i for i in (*mem.bodies, *mem.at) if 0 <= i < len(doc)]
    takes[marked] = True
    return takes, arr[:, 2].astype(bool)


@dataclass
class _Salience:
    """Who the text is about while it is read: salience of people and of bodies (organisations,
    places, kept apart), and what each pronoun or description was resolved to."""

    doc: Doc
    at: dict[int, Mention]
    gender: dict[str, str]
    quoted: list[tuple[int, int]]
    bodies: dict[int, Span]
    salience: dict[str, float] = field(default_factory=dict)
    last_subject: dict[str, bool] = field(default_factory=dict)
    out: dict[int, str] = field(default_factory=dict)
    body_sal: dict[str, float] = field(default_factory=dict)
    body_label: dict[str, set[str]] = field(default_factory=dict)
    body_kind: dict[str, set[str]] = field(default_factory=dict)
    placed: dict[str, str] = field(default_factory=dict)     # names the text calls places (``_called_a_place``)
    last_speaker: Optional[str] = None   # the person last named or resolved as subject of a speech verb
    speaker_sal: float = 0.0              # their pull on the next "he said", halved at each sentence

    def decay(self) -> None:
        for k in self.salience:
            self.salience[k] /= 2
        for k in self.body_sal:
            self.body_sal[k] /= 2
        self.speaker_sal /= 2

    def body(self, t: Token) -> bool:
        e = self.bodies.get(t.i)
        if e is None or t.i in self.at:
            return False
        key = _org_key(e)
        self.body_sal[key] = self.body_sal.get(key, 0.0) + _weight(t)
        self.body_label.setdefault(key, set()).add(e.label_)
        self.body_kind.setdefault(key, set()).update(_org_nouns(e))
        place = _called_a_place(e)
        if place and self.placed.get(key) != "geo":
            self.placed[key] = place
        return True

    def org_description(self, t: Token) -> bool:
        """"the company", "the city": the salient body of that kind."""
        if not (t.dep_ in _SUBJ | {"pobj"} and _description(t) == "org"):
            return False
        lem = t.lemma_.lower()
        want_l = "GPE" if lem in _PLACE_NOUNS else "ORG"
        kinds = self.body_kind
        cands = [(v + (_W_TIED if lem in kinds.get(k, ()) or lem in k.lower().split() else 0.0), k)
                 for k, v in self.body_sal.items()
                 if v >= _MIN_SALIENCE and (want_l in self.body_label[k] or lem in kinds.get(k, ())
                                            or lem in k.lower().split())
                 # "the army" is not the body the text called an agency: a body tied to
                 # another kind noun is only meant by that noun or a word of its name ("the company"
                 # may mean any business: "Crest maker Procter & Gamble")
                 and not (_kinds_of(k, kinds) and lem not in _kinds_of(k, kinds) and lem not in k.lower().split()
                          and not (lem in _FIRM_NOUNS and _kinds_of(k, kinds) <= _BUSINESS_KINDS))
                 and _fits_qualifiers(t, k, kinds.get(k, set()))
                 # a name the text calls a place is meant by a place noun, a word of its own, or (a
                 # country) a state's body: "the group" is no Mozambique, "the ministry" no island
                 and not (want_l == "ORG" and k in self.placed and lem not in kinds.get(k, ()) and lem not in k.lower().split()
                          and (self.placed[k] == "geo" or lem not in _STATE_HEADS))
                 # "the charity" is no coastguard, police or ministry
                 and not (lem in _CHARITY_NOUNS and k.lower().split()[-1:] and k.lower().split()[-1] in _STATE_HEADS)]
        if cands:
            key = max(cands)[1]
            self.out[t.i] = key
            self.body_sal[key] += _weight(t)
        return True

    def person(self, t: Token) -> bool:
        m = self.at.get(t.i)
        if m is None:
            return False
        # a name inside quote marks is someone the speaker talks about, seldom the next speaker
        quoted = _in_quote(self.doc, t.i, self.quoted)
        w = _weight(t) * (_QUOTED if quoted else 1.0) + (_W_SPEAKER if _names_speaker(t) and not quoted else 0.0)
        if m.key not in self.salience and not quoted:
            w += _W_NEW
            if m.subject and m.key != self.last_speaker:
                self.speaker_sal = 0.0   # the story has moved on to someone new
        self.salience[m.key] = self.salience.get(m.key, 0.0) + w
        self.last_subject[m.key] = m.subject
        if _names_speaker(t) and not quoted:
            self.last_speaker, self.speaker_sal = m.key, _W_LAST_SPEAKER
        return True

    def person_description(self, t: Token) -> bool:
        """"the rookie defenceman said": an apt description of the person the story is about."""
        if not ((t.dep_ in _SUBJ or _inverted_subject(t)) and _speech(t.head) and _description(t) == "person"
                and not _in_quote(self.doc, t.i, self.quoted)):
            return False
        want = next((g for g, nouns in _GENDER_NOUNS.items() if t.lemma_.lower() in nouns), None)
        cands = [(v, k) for k, v in self.salience.items()
                 if v >= _MIN_SALIENCE and (want is None or self.gender.get(k, want) == want)]
        if cands:
            key = max(cands)[1]
            self.out[t.i] = key
            self.salience[key] += _weight(t)
            self.last_subject[key] = True
        return True

    def pronoun(self, t: Token) -> bool:
        low = t.lower_
        if low not in _PRONOUNS or t.pos_ not in {"PRON", "DET"}:
            return False
        want = "m" if low in _MALE else "f"
        # "X told him": not the clause's own subject (a reflexive would be)
        bound = {c.i for c in t.head.children if c.dep_ in _SUBJ} if t.dep_ in {"dobj", "dative", "pobj"} and \
            not low.endswith("self") else set()
        bound_keys = {self.out.get(b) or (self.at[b].key if b in self.at else None) for b in bound}
        subj = t.dep_ in _SUBJ
        # "he said" goes on with the person last told as saying something (reporters name a speaker,
        # then tag the next quotes with a pronoun)
        tag = subj and _speech(t.head) and not _in_quote(self.doc, t.i, self.quoted)
        cands = [((v + (_W_PARALLEL if subj and self.last_subject.get(k) else 0.0)) * (1.0 if k in self.gender else _UNGENDERED)
                  + (self.speaker_sal if tag and k == self.last_speaker else 0.0), k)
                 for k, v in self.salience.items()
                 if v >= _MIN_SALIENCE and self.gender.get(k, want) == want and k not in bound_keys]
        if cands:
            key = max(cands)[1]
            self.out[t.i] = key
            if not _in_quote(self.doc, t.i, self.quoted):
                self.salience[key] += _weight(t)
                self.last_subject[key] = subj
                if tag:
                    self.last_speaker, self.speaker_sal = key, _W_LAST_SPEAKER
        return True

    def may_take(self, t: Token) -> bool:
        """The first test of every step, or'ed: a cheap gate before the steps (most tokens pass none)."""
        return t.i in self.bodies or t.i in self.at or t.dep_ in _STEP_DEPS and _may_describe(t) or t.lower_ in _PRONOUNS

    STEPS: ClassVar[list] = []


# body and person need a marked token (``may_take``); the description steps a subject, an object (an
# inverted speaker: "..., points out the resident") or an object
# of a preposition that may be a description (``_may_describe``), the pronoun step a pronoun
_STEP_DEPS = _SUBJ | {"pobj", "dobj"}


_STEP_DEP_IDS = [get_string_id(d) for d in sorted(_STEP_DEPS)]     # label ids as Doc arrays hold them
_PRONOUN_IDS = [get_string_id(w) for w in sorted(_PRONOUNS)]
_NN, _NNP_IDS, _NORP = get_string_id("NN"), [get_string_id("NNP"), get_string_id("NNPS")], get_string_id("NORP")


def _may_describe(t: Token) -> bool:
    """A common noun or a party's name: what ``_description`` asks first (the description steps
    take nothing else, so the gate passes no other subject or object)."""
    return t.pos_ == "NOUN" and t.tag_ == "NN" or t.tag_ in {"NNP", "NNPS"} and t.ent_type_ == "NORP"

_Salience.STEPS = [_Salience.body, _Salience.org_description, _Salience.person, _Salience.person_description,
                   _Salience.pronoun]


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


def speech_marks(doc: Doc) -> tuple[list[int], list[int]]:
    """Indices of the tokens ``_speech`` holds for, and of the tokens "according": the only places
    ``reported_speech`` reads a clause from. Found from the Doc's arrays once per text (a Token
    object per word of every sentence cost more than the rules)."""
    arr = doc.to_array([POS, LEMMA, LOWER]).reshape(len(doc), 3)
    verbs = numpy.flatnonzero(_among(arr[:, 0], _VERB_POS)).tolist()
    strings = doc.vocab.strings
    speech = [i for i in verbs if _speech_lemma(strings, int(arr[i, 1])) and _speech(doc[i])]
    return speech, numpy.flatnonzero(arr[:, 2] == _ACCORDING).tolist()


_VERB_POS = [VERB, AUX]
_ACCORDING = get_string_id("according")
_SPEECH_LEMMA: dict[int, bool] = {}


def _speech_lemma(strings, lemma: int) -> bool:
    if lemma not in _SPEECH_LEMMA:
        low = strings[lemma].lower()   # a lemma ``_speech`` may take (a phrasal one if its particle is there)
        _SPEECH_LEMMA[lemma] = low in _ALL_SPEECH or low in _PHRASAL_SPEECH
    return _SPEECH_LEMMA[lemma]


def _tokens_within(doc: Doc, indices: list[int], sent: Span) -> list[Token]:
    return [doc[i] for i in indices[bisect.bisect_left(indices, sent.start):bisect.bisect_left(indices, sent.end)]]


def reported_speech(sent: Span, quotes: list[QuoteSpan],
                    marks: Optional[tuple[list[int], list[int]]] = None) -> list[Reported]:
    """Clauses a speech verb reports: "X said (that) CLAUSE", "CLAUSE, X said", "X told Y CLAUSE".

    A clause mostly inside quote marks is left to the direct quote; a clause of a few words
    ("he said so") is not a statement. ``marks``: ``speech_marks(sent.doc)`` when the caller has it.
    """
    doc = sent.doc
    speech, according = marks if marks is not None else speech_marks(doc)
    out: list[Reported] = []
    for v in _tokens_within(doc, speech, sent):
        comp = next((c for c in v.children if c.dep_ in {"ccomp", "parataxis"} and _clause_head(c)), None)
        subj = _subject(v)
        if comp is None and subj is not None and _inner_tag(v):
            # "The plant was idle, the mayor said, until May": the clause around the tag is what was said
            rep = _around_tag(sent, v, subj, quotes)
            if rep is not None:
                out.append(rep)
            continue
        if comp is None or subj is None or subj.i >= comp.left_edge.i and subj.i <= comp.right_edge.i:
            continue
        span = _clause_span(list(doc[comp.left_edge.i:comp.right_edge.i + 1]), quotes, drop_that=True)
        if span is not None:
            out.append(Reported(v, subj, span[0], span[1], _chars(sent, span)))
    # "According to X, CLAUSE" / "CLAUSE, according to X": the rest of the sentence is the content
    for acc in _tokens_within(doc, according, sent):
        if acc.dep_ != "prep":
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
            out.append(Reported(acc, pobj, span[0], span[1], _chars(sent, span)))
    return out


def _inner_tag(v: Token) -> bool:
    """A speech verb the parser hung on the clause it tags ("..., Clarke said, ..."): a parataxis of the
    sentence's main verb, with its own subject before it, nothing said of its own, set off by a comma."""
    h, doc = v.head, v.doc
    lo = v.left_edge.i
    return v.dep_ == "parataxis" and h.dep_ == "ROOT" and h.pos_ in {"VERB", "AUX"} and \
        any(c.dep_ in _SUBJ and c.i < v.i for c in v.children) and \
        not any(c.dep_ in {"ccomp", "xcomp", "dobj", "parataxis", "advcl"} for c in v.children) and \
        (doc[lo].text == "," or lo > 0 and doc[lo - 1].text == ",") and h.left_edge.i < lo


def _around_tag(sent: Span, v: Token, subj: Token, quotes: list[QuoteSpan]) -> Optional[Reported]:
    """The tagged clause without its tag: the words before it and, when it sits inside, after it."""
    doc, h = sent.doc, v.head
    lo, hi = v.left_edge.i, v.right_edge.i
    lo, hi = (lo - 1 if doc[lo].text != "," else lo), (hi + 1 if hi + 1 < len(doc) and doc[hi + 1].text == "," else hi)
    toks = [t for t in doc[h.left_edge.i:h.right_edge.i + 1] if not lo <= t.i <= hi]
    span = _clause_span(toks, quotes)
    if span is None:
        return None
    text = text_of(doc)
    cut, resume = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
    words = text[span[0]:span[1]] if span[1] <= cut else \
        (text[span[0]:cut].rstrip() + " " + text[resume:span[1]].lstrip()).strip()
    return Reported(v, subj, span[0], span[1], words)


def _clause_head(c: Token) -> bool:
    """A verb, or a predicate the parser made the head of its clause ("said the plan was 'reckless'":
    the adjective, with the clause's subject and "was" hung on it)."""
    return c.pos_ in {"VERB", "AUX"} or c.pos_ in {"ADJ", "NOUN"} and c.dep_ == "ccomp" and \
        any(x.dep_ in _SUBJ for x in c.children) and any(x.dep_ in {"aux", "auxpass", "cop"} for x in c.children)


def _chars(sent: Span, span: tuple[int, int]) -> str:
    """Characters ``span`` (doc offsets) of a clause inside ``sent``, cut from the Doc's text (the
    sentence's Span.text would join its tokens)."""
    return text_of(sent.doc)[span[0]:span[1]]


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
    if any(q.start <= start <= q.start + 1 for q in quotes if not q.short):
        return None   # 'retorted, "I'm a good swimmer" and then ...': the clause opens with the quote's words
    quoted = sum(max(0, min(end, q.end) - max(start, q.start)) for q in quotes if not q.short)
    return None if quoted > (end - start) / 2 else (start, end)
