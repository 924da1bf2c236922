"""Word lists and number parsing shared by the extractors.

Small closed-class lists (hedges, number words, cue lemmas) live here as code; the
open-ended list of named sources lives in ``data/aliases.json``.
"""
from __future__ import annotations

import re
from typing import Optional

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "a dozen": 12, "half a dozen": 6,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "mln": 1_000_000, "bn": 1_000_000_000, "k": 1_000}
# Plural scale words with no number: an amount without a value ("thousands of troops").
VAGUE = {"dozens", "hundreds", "thousands", "millions", "billions", "tens", "scores"}

# Hedges before a number, longest first so "as many as" wins over "as".
HEDGES: list[tuple[tuple[str, ...], str]] = sorted([
    (("around",), "approximately"), (("about",), "approximately"), (("approximately",), "approximately"),
    (("some",), "approximately"), (("an", "estimated"), "approximately"), (("estimated",), "approximately"),
    (("nearly",), "approximately"), (("roughly",), "approximately"), (("almost",), "approximately"),
    (("approx",), "approximately"), (("circa",), "approximately"), (("close", "to"), "approximately"),
    (("up", "to"), "at_most"), (("as", "many", "as"), "at_most"), (("as", "much", "as"), "at_most"),
    (("at", "most"), "at_most"), (("no", "more", "than"), "at_most"), (("fewer", "than"), "at_most"),
    (("less", "than"), "at_most"), (("under",), "at_most"), (("below",), "at_most"),
    (("more", "than"), "at_least"), (("over",), "at_least"), (("at", "least"), "at_least"),
    (("exceeding",), "at_least"), (("in", "excess", "of"), "at_least"), (("upwards", "of"), "at_least"),
    (("above",), "at_least"), (("no", "fewer", "than"), "at_least"), (("no", "less", "than"), "at_least"),
    (("higher", "than"), "at_least"), (("greater", "than"), "at_least"), (("lower", "than"), "at_most"),
], key=lambda h: -len(h[0]))
# Verbs whose object number is a bound ("estimated to exceed 1,000").
BOUND_VERBS = {"exceed": "at_least", "surpass": "at_least", "top": "at_least", "pass": "at_least"}

# Nouns that count people: a figure only gets a people measure when it counts one of these.
PEOPLE = {
    "troop", "troops", "soldier", "personnel", "force", "forces", "officer", "people", "person",
    "civilian", "resident", "man", "men", "woman", "women", "child", "children", "worker",
    "fighter", "mercenary", "conscript", "recruit", "member", "servicemember", "serviceman",
    "sailor", "pilot", "marine", "commando", "unit", "battalion", "contingent", "national",
    "citizen", "refugee", "prisoner", "captive", "hostage", "casualty", "victim", "body",
    "student", "patient", "migrant", "villager", "staff", "employee", "operative", "agent",
    "reinforcement", "infantry", "infantryman", "individual", "adult", "passenger", "defector",
    "laborer", "labourer", "engineer", "specialist", "doctor", "evacuee", "inhabitant", "crew",
    # other groups whose counts news stories track (rescues, protests, disasters, conflicts)
    "medic", "paramedic", "nurse", "firefighter", "rescuer", "volunteer", "peacekeeper", "police",
    "policeman", "guard", "trooper", "militant", "insurgent", "rebel", "combatant", "militiaman",
    "gunman", "protester", "protestor", "demonstrator", "journalist", "miner", "farmer", "tourist",
    "pilgrim", "inmate", "detainee", "survivor", "settler", "displaced", "seeker", "infant",
    "dead", "injured", "wounded",  # "the number of dead rose to 57": adjectives used as nouns for people
    "death", "fatality", "toll",   # "the death toll rose to 300": a count of people killed
}
NOT_PEOPLE_HEADS = {"official", "source", "expert", "analyst", "lawmaker", "diplomat", "reporter",
                    "journalist", "interpreter"}  # people who tell, not people the story counts

# Measure cues, by lemma of a governing verb or noun.
MEASURE_CUES: dict[str, str] = {}
for _m, _words in {
    "killed": "kill die death dead slay fatality perish toll",
    "wounded": "wound injure injury hurt wounded injured",
    "killed_or_wounded": "casualty loss",
    "missing": "missing disappear",
    "captured": "capture detain prisoner seize captive imprison arrest",
    "displaced": "displace flee",
    "evacuated": "evacuate evacuation",
    "affected": "affect",
    "deployed": ("deploy deployment send dispatch gather station arrive assemble present mobilize "
                 "mobilization mobilisation transfer position base reinforce post move enter join "
                 "fight serve stay operate reach"),
}.items():
    for _w in _words.split():
        MEASURE_CUES[_w] = _m
# Cues that turn a deployment into a plan or a projection.
PLAN_LEMMAS = {"form", "decide", "plan", "expect", "due", "train", "prepare", "intend", "project",
               "anticipate", "aim", "agree", "promise", "pledge", "hit", "increase", "rise",
               "grow", "reach", "ready", "scheduled", "set", "likely"}
MODALS = {"will", "would", "could", "may", "might", "shall", "can"}

REPORT_LEMMAS = {
    "say", "announce", "estimate", "report", "tell", "state", "add", "claim", "confirm", "deny",
    "note", "assess", "indicate", "reveal", "warn", "argue", "brief", "disclose", "explain",
    "write", "believe", "suggest", "allege", "acknowledge", "insist", "stress", "caution",
    "declare", "inform", "testify", "assert", "conclude", "find", "publish", "quote", "cite",
    "comment", "observe", "predict", "forecast", "express", "mention", "answer",
    "reply", "respond", "urge", "accuse", "describe",
}
SPEECH_LEMMAS = REPORT_LEMMAS | {"ask", "vow", "call", "point", "recall", "admit", "complain"}
ESTIMATE_CUES = {"estimate", "believe", "assess", "estimated", "suspect", "think", "calculate"}
PROJECTION_CUES = {"project", "expect", "could", "forecast", "predict", "likely", "anticipate", "increase", "hit", "reach"}
PLAN_CUES = {"decide", "plan", "intend", "due", "scheduled", "train", "prepare", "to"}
UNCONFIRMED_CUES = {"reportedly", "allegedly", "purportedly", "unconfirmed", "rumored", "rumoured", "supposedly"}
GENERIC_REPORT_NOUNS = {"report", "reports", "news", "media", "outlets", "outlet"}

_NUM_RE = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")

# Currency marks written against the number ("USD10m", "RM3.06mil", "$US113"); "PS" and "Y="
# are how ASCII transliteration writes the pound and yen signs.
CURRENCY_PREFIXES = ("US$", "A$", "C$", "HK$", "S$", "NZ$", "$US", "$A", "$NZ", "$C", "USD", "EUR", "GBP",
                     "AUD", "CAD", "NZD", "HKD", "SGD", "JPY", "CNY", "RMB", "INR", "CHF", "ZAR", "KRW",
                     "RM", "Rs", "PS", "Y=", "$", "\u00a3", "\u20ac", "\u00a5", "\u20b9", "\u20a9")
# A country mark between a separate "$" and the number ("$ US113").
DOLLAR_COUNTRIES = ("US", "HK", "NZ", "A", "C", "S")
# Scale letters written against a number: "25k", "4.3M", "$4.2b", "2.8bn", "1.5mil".
SCALE_SUFFIXES = {"k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "mn": 1e6, "mil": 1e6, "mln": 1e6, "b": 1e9,
                  "B": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12}
# Words that make a date or time of the number beside them ("9 May", "Nov. 21", "10 a.m.").
CALENDAR_WORDS = {
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
    "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "a.m.", "p.m.", "am", "pm",
    "a.m", "p.m", "o'clock", "noon", "midnight", "gmt", "utc", "bst", "edt", "est", "pdt", "pst", "cet",
}
# Suffixes that make a number something other than an amount: clock times, ordinals, decades.
NOT_AMOUNT_SUFFIXES = {"am", "pm", "a.m", "p.m", "st", "nd", "rd", "th", "s", "'s", "\u2019s", "x"}
_TOKEN_RE = re.compile(
    r"^[~\u2248]?(?P<sign>[-+\u2212]|minus-)?(?P<cur>" + "|".join(re.escape(c) for c in CURRENCY_PREFIXES) + r")?"
    r"(?P<sign2>[-\u2212])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<suf>-?[A-Za-z\u00b0%\u2033\u2032\"'/.]+[23]?)?$", re.IGNORECASE)


def number_token(text: str, m_million: bool = True) -> Optional[tuple[float, bool, str]]:
    """A number written as one token, with its glued sign, currency and unit or scale letters.

    Returns (value, has_currency, suffix); None when the token is not an amount ("5pm", "1990s",
    "3rd"). A lowercase "m" is a million only when ``m_million`` (else metres: "37m-long").
    """
    m = _TOKEN_RE.match(text.replace("\u2009", ""))
    if m is None:
        return None
    cur, suf = m.group("cur"), (m.group("suf") or "")
    if cur and cur.isalpha() and cur not in CURRENCY_PREFIXES:
        return None  # only the exact case of letter codes ("rm3" is not ringgit)
    suf = suf[:-1] if suf.endswith(".") and len(suf) > 1 else suf  # sentence-final stop glued on
    if suf.lower() in NOT_AMOUNT_SUFFIXES:
        return None
    value = float(m.group("num").replace(",", ""))
    scale = SCALE_SUFFIXES.get(suf)
    if scale and not (suf == "m" and not (m_million or cur)):
        value *= scale
    if m.group("sign") and m.group("sign") != "+" or m.group("sign2"):  # "-2.5", "$-50.8bn"
        value = -value
    return value, bool(cur), suf


def parse_number(words: list[str], m_million: bool = True) -> Optional[float]:
    """Value of a number phrase given as tokens ("1.5", "million"; "a", "dozen"; "twenty", "-", "five")."""
    ws = [w.replace("\u2009", "") for w in words if w not in {"-", "\u2013", "and"}]
    ws = [w if number_token(w) is not None else w.lower() for w in ws]  # "4.3M" keeps its case
    if not ws:
        return None
    joined = " ".join(ws)
    if joined in UNITS:
        return float(UNITS[joined])
    total = 0.0
    current: Optional[float] = None
    for w in ws:
        if w == "a" and current is None:
            current = 1.0
            continue
        tok = number_token(w, m_million)
        if tok is not None:
            current = (current or 0.0) + tok[0]
        elif "-" in w and all(p in UNITS for p in w.split("-")):
            current = (current or 0.0) + sum(UNITS[p] for p in w.split("-"))
        elif w in UNITS:
            current = (current or 0.0) + UNITS[w]
        elif w in SCALES:
            scale = SCALES[w]
            if current is None:
                current = 1.0
            if scale >= 1000:
                total += current * scale
                current = None
            else:
                current *= scale
        else:
            return None
    total += current or 0.0
    return total
