"""The words every view (terminal, report, app, export) and every ledger label uses for an amount.

One table for the hedges, so that no two places word one hedge two ways: an ``at_least`` is
"at least" in the CLI, the report, the app and a figures table alike.
"""
from __future__ import annotations

from typing import Optional

from storyledger.model import Amount, Join

HEDGE_WORDS = {"approximately": "about", "at_most": "up to", "at_least": "at least", "vague": "some"}


def fmt_number(x: Optional[float]) -> str:
    if x is None:
        return "?"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def fmt_amount(a: Amount) -> str:
    """"up to 5,000", "about 12,000", "10,000–12,000", "some 1,000"."""
    if a.is_range() or (a.low is not None and a.high is not None and a.low != a.high and a.value is None):
        return f"{fmt_number(a.low)}–{fmt_number(a.high)}"
    v = a.value if a.value is not None else (a.high if a.qualifier == "at_most" else a.low if a.low is not None else a.high)
    hedge = HEDGE_WORDS.get(a.qualifier or "exact") or ("some" if a.vague else "")
    return f"{hedge} {fmt_number(v)}" if hedge else fmt_number(v)


# Why two tellings were joined into one fact (model.Join.why codes), in the views' words.
JOIN_WORDS = {
    "same_article": "one article", "wire_copy": "a wire copy", "same_source": "same source",
    "alias": "another name of the source", "relay": "relayed by the other's source", "role": "the person's role",
    "part_of": "a body of the other source", "descriptor": "a description that fits the source",
    "named_in_sentence": "the sentence names the source", "pronoun_in_article": "'he said' in an article naming the source",
    "same_outlet": "the outlet's earlier sourced report", "unattributed": "both unattributed, same people",
    "same_time": "the same time", "publication_window": "published in the same window", "near_time": "dates a few days apart",
    "undated": "no date to contradict it", "same_measure": "the same measure", "specific_number": "a precise number",
    "range_end": "a range's end", "same_words": "the same words", "similar_words": "nearly the same words",
}


def fmt_joins(joins: list[Join]) -> str:
    """Every reason a fact's tellings were joined, once each: "same source; the same measure"."""
    codes = list(dict.fromkeys(code for j in joins for code in j.why))
    return "; ".join(JOIN_WORDS.get(c, c.replace("_", " ")) for c in codes)
