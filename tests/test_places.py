"""Places inside places (data/places.json): checked on load, and used by joins, series and conflicts.

The ledger stories here are our own sentences; the claims carry what extraction would give them.
"""
from __future__ import annotations

import json

import pytest

from storyledger.ledger import build_ledger
from storyledger.ledger.places import ancestors, parents, resolve, within
from storyledger.tables import TableError, load_table
from tests.test_ledger import art, fig


def test_the_packaged_table_loads_and_nests():
    assert parents()["vladivostok"] == "primorsky krai"
    assert ancestors("vladivostok") == ("primorsky krai", "russian far east", "russia")
    assert ancestors("derna") == ("cyrenaica", "libya")
    assert ancestors("russia") == ()


@pytest.mark.parametrize("key, place", [
    ("vladivostok", "vladivostok"),
    ("russia s far east", "russian far east"),   # an alias
    ("russia s kursk region", "kursk"),          # the innermost of nested names
    ("destroyed districts in derna", "derna"),
    ("north korea", "north korea"),              # "north" is part of the name here
    ("northern kursk", None),                    # a part of Kursk the table cannot place
    ("russia ukraine border", None),             # two places, neither in the other
    ("the area", None),
])
def test_a_place_key_resolves_to_one_table_place_or_none(key, place):
    assert resolve(key) == place


def test_within_is_strict_and_follows_the_tree():
    assert within("vladivostok", "russia s far east") and within("vladivostok", "russia")
    assert within("russia s far east", "russia") and not within("russia", "russia s far east")
    assert not within("kursk", "russia s far east")      # Kursk lies in Russia, not in its Far East
    assert not within("khabarovsk", "vladivostok") and not within("russia", "russia")
    assert not within("pyongyang", "south korea")


def _tree(tmp_path, parent, roots=("a",)):
    p = tmp_path / "t.json"
    p.write_text(json.dumps({"sets": {"roots": list(roots)}, "trees": {"within": {"roots": "roots", "parent": parent}}}))
    return p


def test_a_bad_tree_fails_on_load(tmp_path):
    assert load_table(_tree(tmp_path, {"b": "a", "c": "b"})).tree("within") == {"b": "a", "c": "b"}
    with pytest.raises(TableError, match="'c' lies in 'x', which is neither in the tree nor a root"):
        load_table(_tree(tmp_path, {"b": "a", "c": "x"}))
    with pytest.raises(TableError, match="lies in itself"):
        load_table(_tree(tmp_path, {"b": "c", "c": "b"}))
    with pytest.raises(TableError, match="'a' is a root"):
        load_table(_tree(tmp_path, {"a": "b", "b": "a"}))


NIS = "National Intelligence Service"


def test_a_figure_in_a_city_joins_the_same_figure_in_the_region_it_lies_in():
    arts = [art("F1", "2024-10-18", outlet="Paper One"), art("F2", "2024-10-21", outlet="Paper Two")]
    claims = [
        fig("v-1", "F1", 1500, "deployed", "2024-10-08", "2024-10-13", source=NIS, qualifier="approximately",
            where="Russia's Far East", basis="explicit"),
        fig("v-2", "F2", 1500, "deployed", "2024-10-21", source=NIS, qualifier="approximately",
            where="Vladivostok", basis="telling"),
        # the same number in a city of another region is another fact
        fig("v-3", "F2", 1500, "deployed", "2024-10-21", source=NIS, qualifier="approximately",
            where="Kursk", basis="telling"),
    ]
    led = build_ledger(arts, claims)
    assert sorted(sorted(f.claims) for f in led.facts) == [["v-1", "v-2"], ["v-3"]]


def _country_story():
    arts = [art("C1", "2024-05-02", outlet="Paper One"), art("C2", "2024-05-03", outlet="Paper Two")]
    claims = [
        fig("k-1", "C1", 6000, "deployed", "2024-05-01", source="Ministry B", qualifier="approximately",
            where="Russia", basis="telling"),
        fig("k-2", "C2", 5000, "deployed", "2024-05-02", source="Agency A", qualifier="approximately",
            where="Russia", basis="telling"),
        # no article says where Vladivostok lies: the table does
        fig("k-3", "C2", 800, "deployed", "2024-05-02", source="Agency C", qualifier="approximately",
            where="Vladivostok", basis="telling"),
        # "Russia's Far East" reads as Russia for the series; the table still knows it is a part of it
        fig("k-4", "C2", 1200, "deployed", "2024-05-02", source="Agency D", qualifier="approximately",
            where="Russia's Far East", basis="telling"),
    ]
    return arts, claims


def test_a_city_the_table_places_in_the_country_is_a_part_series_and_no_conflict():
    led = build_ledger(*_country_story())
    by_label = {s.label: s for s in led.series}
    whole = by_label["North Korean troops in Russia — deployed"]
    part = by_label["North Korean troops in Vladivostok — deployed"]
    assert sorted(p.value for p in whole.points) == [1200, 5000, 6000]
    assert [p.value for p in part.points] == [800] and (part.parent, part.relation) == (whole.id, "part")
    # 6,000 against about 5,000 is a conflict; 800 in Vladivostok and 1,200 in the Far East are parts
    # of Russia and smaller than its figures: no conflict with them
    conflicts = sorted((d.sources_a[0], d.sources_b[0]) for d in led.disagreements if d.kind == "conflict")
    assert conflicts == [("Ministry B", "Agency A")]


def test_a_part_surely_larger_than_its_whole_is_still_a_conflict():
    arts, claims = _country_story()
    claims[3] = fig("k-4", "C2", 9000, "deployed", "2024-05-02", source="Agency D", qualifier="exact",
                    where="Russia's Far East", basis="telling")
    led = build_ledger(arts, claims)
    # a conflict record sets one figure against each other source's (side A may hold several)
    conflicts = {frozenset((a, d.sources_b[0])) for d in led.disagreements if d.kind == "conflict" for a in d.sources_a}
    assert frozenset(("Agency D", "Agency A")) in conflicts   # 9,000 in a part of Russia, about 5,000 in all


def test_a_figure_against_several_sources_is_one_conflict_record():
    """Conflicts are listed per figure, not per pair: 9,000 told on May 2 against about 6,000 and
    about 5,000 from two other sources at that time is one record naming both (a dense story tells
    a quantity hundreds of times a week; pairs would grow with the square)."""
    arts, claims = _country_story()
    claims[3] = fig("k-4", "C2", 9000, "deployed", "2024-05-02", source="Agency D", qualifier="exact",
                    where="Russia's Far East", basis="telling")
    led = build_ledger(arts, claims)
    facts = {f.id: f for f in led.facts}
    conflicts = [d for d in led.disagreements if d.kind == "conflict"]
    assert len(conflicts) == 2
    pair, group = sorted(conflicts, key=lambda d: len(d.side_a))
    assert (pair.sources_a, pair.sources_b, pair.others) == (["Ministry B"], ["Agency A"], [])
    assert (group.sources_a, group.sources_b, group.side_a, group.side_b) == \
        (["Ministry B", "Agency A"], ["Agency D"], ["k-1", "k-2"], ["k-4"])
    assert [facts[x].value for x in group.others + [group.fact_a]] == [6000, 5000]
    assert facts[group.fact_b].value == 9000 and (group.days_apart, group.ratio) == (0, 1.71)
    assert group.description == ("Agency D gives 9,000 for North Korean troops in Russia — deployed (2024-05-02), "
                                 "against other sources at overlapping times: Ministry B gives about 6,000 "
                                 "(2024-05-01); Agency A gives about 5,000 (2024-05-02).")


def test_two_known_places_whose_words_nest_do_not_fit():
    from storyledger.ledger.join import places_compatible
    assert not places_compatible("north korea", "south korea")                   # both "korea" by their words
    assert not places_compatible("russia s far east", "russia s kursk region")   # both "russia ..."
    assert places_compatible("kursk region", "kursk") and places_compatible("russia s far east", "russia")
    assert places_compatible("destroyed districts in derna", "libya s derna")
    assert places_compatible("russian occupied areas", "russia")                 # unknown to the table: words decide
