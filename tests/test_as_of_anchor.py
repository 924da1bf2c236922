"""Which time a figure describes, on sentences written for this test: a year on the verb, a running
count since an event, and times that belong to another noun's clause (extract/reader.py _as_of)."""
from __future__ import annotations

from storyledger import extract
from storyledger.model import Article


def _times(text: str, published: str = "2025-05-20") -> list[tuple]:
    art = Article(id="t", source="t", body=text, published=published)
    [(_, claims)] = list(extract.extract_claims([art], nlp=extract.load_nlp()))
    return sorted((c.value, c.measure, c.as_of.start, c.as_of.end) for c in claims
                  if c.kind == "figure" and c.value is not None)


def test_a_year_on_the_verb_dates_the_count():
    # the year is a number too, but not another count's: it is the toll's own time
    assert _times("Landslides killed more than 210 people across the province in 2023, the agency said.") == [
        (210.0, "killed", "2023-01-01", "2023-12-31")]
    assert _times("Police arrested 45 protesters in March, officials said.") == [
        (45.0, "captured", "2025-03-01", "2025-03-31")]


def test_a_count_since_an_event_runs_from_it():
    assert _times("More than 3,000 residents have fled since the dam burst on May 9, the governor said.") == [
        (3000.0, "displaced", "2025-05-09", "2025-05-20")]
    # told on a day of its own: from the event to that day
    assert _times("At least 75 people have died since the outbreak began on April 30, the ministry said on Monday.") == [
        (75.0, "killed", "2025-04-30", "2025-05-19")]


def test_after_an_event_is_no_start_of_the_count():
    # "after" names what came before the count, not the count's time: the telling's day stands
    assert _times("About 500 people remained in shelters after the storm made landfall on May 2, "
                  "the Red Cross said on Sunday.") == [(500.0, "displaced", "2025-05-18", "2025-05-18")]


def test_a_time_in_another_nouns_relative_clause_is_not_the_counts():
    # "Crimea, which Russia annexed in 2014": that year dates the annexation, not the drills' troops
    assert _times("About 8,000 troops joined drills in Crimea, which Russia annexed in 2014, the ministry said.") == [
        (8000.0, "deployed", "2025-05-20", "2025-05-20")]
    # the subject's own clause does tell the event's time
    assert _times("The storm that hit the coast on Sunday killed 14 people, officials said.") == [
        (14.0, "killed", "2025-05-18", "2025-05-18")]
