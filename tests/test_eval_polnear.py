"""The PolNeAR scorer's source rules (eval/eval_polnear.py) on our own strings."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
import eval_polnear as E  # noqa: E402


def _gold(source: str, at: int = 0) -> E.Gold:
    return E.Gold("the plan was sound", 0, [(0, 18)], source, at)


def test_strict_takes_the_name_the_span_gives():
    assert E.strict("Dana Whitfield", _gold("Whitfield"))
    assert E.strict("Dana Whitfield", _gold("Ms. Whitfield, 61,"))
    assert E.strict("Dana Whitfield", _gold("Sen. Dana Whitfield (D-Ore.)"))
    assert not E.strict("Dana Whitfield", _gold("The Whitfield campaign"))
    assert not E.strict("Dana Whitfield", _gold("Whitfield's aides"))
    assert not E.strict("Lake County", _gold("The Lake County Herald"))


def test_lenient_shares_a_name_or_resolves_a_pronoun_nearby():
    text = "Dana Whitfield spoke on Monday. " + "x " * 10
    assert E.lenient("Dana Whitfield", _gold("The Whitfield campaign"), text)
    assert E.lenient("Dana Whitfield", _gold("she", len(text)), text)
    assert not E.lenient("Omar Reyes", _gold("she", len(text)), text)
    assert not E.lenient(None, _gold("Whitfield"), text)


def test_kind_of_source():
    kinds = [E.kind_of(s) for s in ("", "he", "the spokesman", "Mr. Reyes")]
    assert kinds == ["none", "pronoun", "description", "named"]


def test_read_ann_joins_pieces_and_finds_source(tmp_path):
    text = "Reyes said the plan, which was new, was sound."
    ann = tmp_path / "a_x.ann"
    ann.write_text("T1\tSource 0 5\tReyes\nT2\tCue 6 10\tsaid\nT3\tContent 11 19;36 45\tthe plan was sound\n"
                   "T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n", encoding="utf-8")
    [g] = E.read_ann(ann, text)
    assert (g.content, g.source, g.cue, g.spans) == ("the plan was sound", "Reyes", "said", [(11, 19), (36, 45)])
