"""A retold figure keeps the time of its first telling (ledger.retold), on claims we write here."""
from __future__ import annotations

from storyledger.ledger.retold import retold_as_of
from storyledger.model import Attribution, Claim, Fact, Join, TimeSpan

DAY = TimeSpan(start="2023-09-21", end="2023-09-21", basis="telling")   # a Thursday


def fig(cid, article, text, as_of=None, measure="displaced", value=43000.0, source="International Organization for Migration"):
    return Claim(id=cid, article=article, kind="figure", text=text, value=value, qualifier="at_least",
                 measure=measure, as_of=as_of, attribution=Attribution(source=source))


def fact(*joins):
    return Fact(id="f", kind="figure", claims=sorted({x for j in joins for x in (j.a, j.b)}), joins=list(joins))


def test_undated_figure_takes_the_first_dated_telling_on_strong_joins():
    dated = fig("d", "A", "On Thursday the agency said 43,000 had fled.", DAY)
    undated = fig("u", "B", "The agency said over 43,000 people had fled their homes.")
    got = retold_as_of([fact(Join(a="d", b="u", why=["alias", "undated", "same_measure"]))], {"d": dated, "u": undated})
    assert {k: (v.start, v.end, v.basis) for k, v in got.items()} == {"u": ("2023-09-21", "2023-09-21", "retold")}


def test_weak_or_conflicting_evidence_leaves_it_undated():
    dated = fig("d", "A", "On Thursday the agency said 43,000 had fled.", DAY)
    claims = {"d": dated,
              "shared": fig("shared", "B", "Over 43,000 had fled, the agency said.", source=None),
              "wed": fig("wed", "C", "43,000 had fled, according to a Wednesday report."),
              "other": fig("other", "D", "The agency counted 43,000 in all.", measure="other")}
    joins = [Join(a="d", b="shared", why=["named_in_sentence", "undated", "same_measure"]),   # no common source
             Join(a="d", b="wed", why=["alias", "undated", "same_measure"]),                # Wednesday is not Thursday
             Join(a="d", b="other", why=["alias", "undated", "same_measure"])]              # not a count of people
    assert retold_as_of([fact(*joins)], claims) == {}
