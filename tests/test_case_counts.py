"""Counts of epidemic cases and of totals named with what they count, on sentences written for this test
(extract/figures.py: _counted, _subject_counted, _beside). Each wording was read wrong on real health
reporting of several outlets: a number took the state of a noun it only sat beside, or the people of the
figure before it."""
from __future__ import annotations

from storyledger import extract
from storyledger.model import Article


def _figures(text: str) -> list[tuple]:
    art = Article(id="t", source="t", body=text, published="2025-05-20")
    [(_, claims)] = list(extract.extract_claims([art], nlp=extract.load_nlp()))
    return [(c.number_text, c.measure, c.counted) for c in claims if c.kind == "figure"]


def test_a_total_named_with_what_it_counts_is_not_the_people_before():
    assert _figures("The city also accounts for 9 deaths so far, while the number of active cases "
                    "stands at 512.") == [("9", "killed", "deaths"), ("512", "affected", "active cases")]


def test_a_range_takes_its_lower_ends_noun():
    assert _figures("The ministry said the death toll is 11,050 and that it has been adding 2,000-4,000 daily "
                    "cases since mid-September.") == [
        ("11,050", "killed", "death toll"), ("2,000-4,000", "other", "daily cases")]


def test_a_noun_beside_the_count_gives_it_no_state():
    got = _figures("The ministry reported 3,100 new cases on Monday, bringing the total to 210,400, the highest "
                   "toll in the region after India's more than 7.2 million confirmed cases.")
    assert ("more than 7.2 million", "affected", "confirmed cases") in got


def test_a_killing_is_a_death():
    assert _figures("Ankara stepped up its campaign after the killing of 27 of its soldiers in the province.") == [
        ("27", "killed", "soldiers")]


def test_its_tally_points_back_to_no_one():
    # the tally of whatever "its" stands for: unknown, not the passengers of the sentence before
    got = _figures("The bus made three stops to collect more passengers, two in the north.\n\n"
                   "The district, which saw its tally rise by 180 to 1,240, remains under curfew.")
    assert [g for g in got if g[0] in {"180", "1,240"}] == [("180", "other", None), ("1,240", "other", None)]


def test_a_level_of_a_thing_changed_counts_that_thing():
    # not the people of the clause before: the population is what was cut from one level to the other
    got = _figures("Up to 60 million people may have died, cutting the region's population from an estimated "
                   "250 million down to 190 million.")
    assert got == [("Up to 60 million", "killed", "people"), ("an estimated 250 million", "other", "population"),
                   ("190 million", "other", "population")]


def test_scores_is_a_number_word_only_as_scores_of():
    assert _figures("The striker scores twice as the home side wins.") == []
    assert _figures("The model improves the predictive power of standardized test scores.") == []
    assert [g[0] for g in _figures("Scores of people were trapped under the rubble.")] == ["Scores"]
