"""Word lists as data: every packaged table loads, and a contradiction fails on load."""
import json

import pytest

from storyledger.tables import TableError, load_table, packaged_tables, table
from storyledger.words import month_number, name_key, parse_iso_date, singular


def test_every_packaged_table_loads_and_is_consistent():
    names = packaged_tables()
    assert {"lexicon", "calendar", "numbers", "amounts", "measures"} <= set(names)
    for n in names:
        table(n)  # raises TableError on any overlap or duplicate


def _write(tmp_path, obj, name="t"):
    p = tmp_path / f"{name}.json"
    p.write_text(json.dumps(obj), "utf-8")
    return p


def test_a_word_in_two_exclusive_sets_fails_on_load(tmp_path):
    p = _write(tmp_path, {"sets": {"people_nouns": ["troop", "journalist"], "not_people_heads": ["journalist"]},
                          "exclusive": [["people_nouns", "not_people_heads"]]})
    with pytest.raises(TableError, match="'journalist' is in both t:people_nouns and t:not_people_heads"):
        load_table(p)


def test_a_word_in_two_groups_fails_on_load(tmp_path):
    p = _write(tmp_path, {"groups": {"measure_cues": {"killed": ["die", "casualty"], "killed_or_wounded": ["casualty"]}}})
    with pytest.raises(TableError, match="'casualty' is in both"):
        load_table(p)


def test_a_word_listed_twice_fails_on_load(tmp_path):
    with pytest.raises(TableError, match="listed twice"):
        load_table(_write(tmp_path, {"sets": {"modals": ["may", "may"]}}))


def test_exclusive_reaches_another_table(tmp_path):
    # "killed" is a casualty measure in the packaged measures table
    p = _write(tmp_path, {"sets": {"mine": ["killed"]}, "exclusive": [["mine", "measures:casualty"]]})
    with pytest.raises(TableError, match="'killed' is in both t:mine and measures:casualty"):
        load_table(p)


def test_disjoint_sets_load(tmp_path):
    t = load_table(_write(tmp_path, {"sets": {"a": ["x"], "b": ["y"]}, "exclusive": [["a", "b"]]}))
    assert t.set("a") == frozenset({"x"})


def test_shipped_lexicon_has_no_word_that_both_counts_and_tells():
    lex = table("lexicon")
    assert not lex.set("people_nouns") & lex.set("not_people_heads")
    assert lex.inverse("measure_cues")["casualty"] == "killed_or_wounded"


def test_shared_helpers():
    assert month_number("Sept.") == 9 and month_number("december") == 12 and month_number("Foo") is None
    assert singular("casualties") == "casualty" and singular("troops") == "troop" and singular("press") == "press"
    assert name_key("The Kyiv Post") == "kyiv post"
    assert parse_iso_date("2024-10-18T09:00:00+09:00").isoformat() == "2024-10-18"
    assert parse_iso_date("18 October") is None and parse_iso_date(None) is None
