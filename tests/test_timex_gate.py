"""The time-expression gate skips only rules that cannot match a sentence (so claims stay the same).

Each rule runs only where a word family it needs is present (``timex._NEEDS``, ``timex._ALSO``); a rule that would
have matched a sentence must never be skipped there.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyledger.extract import timex

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "devset"
OURS = ("Troops arrived daily. The ministry said so. Officials met at noon. It rained on Christmas Eve. "
        "Numbers rose in 2024. The second quarter was calm. Three weeks ago it began. He spoke at 5 p.m. GMT. "
        "The alliance met in mid-January. Nobody knows. A spokesman declined to comment. Figures came annually. "
        "In the past they differed. Right now it is quiet. The the weekend was long. Forces moved on Sunday. "
        "A monthlong lull ended in the last decade. Since December it was calm. The first half ended.")


def _sentences(text: str):
    for m in re.finditer(r"[^.!?\n]+[.!?\n]", text):
        yield m.start(), m.end()


def _check(text: str) -> list[str]:
    """Sentences with no family at all; asserts no rule is skipped where it matches."""
    empty = []
    for lo, hi in _sentences(text):
        present = timex.families(text, lo, hi)
        if not present:
            empty.append(text[lo:hi].strip())
        for rx, fn in timex._RULES:
            if not timex.runs_here(fn.__name__, present):
                assert not rx.search(text, lo, hi), (fn.__name__, text[lo:hi])
    return empty


def test_every_rule_has_its_families():
    assert {fn.__name__ for _, fn in timex._RULES} == set(timex._NEEDS)


def test_gate_on_our_sentences():
    assert _check(OURS) == ["The ministry said so.", "m.", "GMT.", "Nobody knows."]
    assert timex.families("A monthlong lull") == {"unit", "wd"}      # "mon" never hides "month"


def test_gate_on_dev_set_pages():
    files = [f for f in SHARED.glob("*/articles/*") if f.is_file()] if SHARED.is_dir() else []
    if not files:
        pytest.skip("../shared/devset not present")
    empty = sum(len(_check(re.sub(r"<[^>]+>", " ", f.read_text(encoding="utf-8", errors="ignore"))))
                for f in files)
    assert empty > 0
