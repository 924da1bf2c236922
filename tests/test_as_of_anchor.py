"""Which time a figure describes (and who tells it), on sentences written for this test: a year on the verb, a running
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


def test_by_a_weekday_with_a_past_verb_looks_back():
    # "by Monday" is ahead only when its verb is: a toll that "had risen" by then is past
    assert _times("By Monday evening, the death toll had risen to 45, the ministry said.") == [
        (45.0, "killed", "2025-05-19", "2025-05-19")]
    assert _times("Up to 800 soldiers are expected to arrive by Monday, the army said.") == [
        (800.0, "planned", "2025-05-26", "2025-05-26")]


def test_a_stretch_between_two_times_is_one_span():
    assert _times("The UN said 300 people were killed between Friday and Sunday.") == [
        (300.0, "killed", "2025-05-16", "2025-05-18")]
    assert _times("From 2019 to 2022, some 4,000 people were killed in the region, the report said.") == [
        (4000.0, "killed", "2019-01-01", "2022-12-31")]


def test_the_state_of_a_counted_total():
    # "the number of displaced people rose to": the state is told on the group the total counts
    assert _times("The number of displaced people rose to 20,000, the UN said.") == [
        (20000.0, "displaced", "2025-05-20", "2025-05-20")]


def test_the_subject_next_to_the_report_verb_tells():
    # the parser gives "said" two subjects ("the bus" of the when-clause, and "police")
    art = Article(id="t", source="t", published="2025-05-21",
                  body="At least 9 people died when the bus overturned on Monday, police said on Tuesday.")
    [(_, claims)] = list(extract.extract_claims([art], nlp=extract.load_nlp()))
    assert [(c.value, c.attribution.source, c.as_of.start) for c in claims if c.kind == "figure"] == [
        (9.0, "police", "2025-05-19")]


def test_a_count_in_something_that_began_runs_from_then():
    assert _times("At least 40 people have been killed in protests that began on Sunday, according to Amnesty.") == [
        (40.0, "killed", "2025-05-18", "2025-05-20")]


def test_a_valuation_above_a_number_names_who_put_it():
    art = Article(id="t", source="t", published="2025-05-21",
                  body="Ukraine's count runs ahead: President Olena Varga put the number of dead above 2,000 in April.")
    [(_, claims)] = list(extract.extract_claims([art], nlp=extract.load_nlp()))
    assert [(c.value, c.attribution.source, c.as_of.start, c.as_of.end) for c in claims if c.kind == "figure"] == [
        (2000.0, "Olena Varga", "2025-04-01", "2025-04-30")]


def test_a_name_tagged_as_a_body_with_an_office_is_the_official():
    art = Article(id="t", source="t", published="2025-05-21", body=(
        "About 9,000 troops are near the border, according to Ivo Brandt, Estonia's Defence Forces commander."
        "\n\nSome 14,500 are within 300 kilometres, the official said."))   # the tagger calls "Ivo Brandt" an ORG
    [(_, claims)] = list(extract.extract_claims([art], nlp=extract.load_nlp()))
    assert {(c.value, c.attribution.source) for c in claims if c.kind == "figure" and c.value > 1000} == {
        (9000.0, "Ivo Brandt"), (14500.0, "Ivo Brandt")}


def test_a_second_valuation_with_its_verb_left_out():
    # "X put the toll at A, Y at B": B is Y's, and counts what A counts (two parses of the gap)
    arts = [Article(id="t1", source="t1", published="2025-05-21",
                    body="The health ministry put the death toll at 120, the Red Cross at 150."),
            Article(id="t2", source="t2", published="2025-05-21", body="So far the army has estimated the rebel "
                    "presence near the town at 2,000 fighters, local officials at 3,500.")]
    claims = [c for _, cs in extract.extract_claims(arts, nlp=extract.load_nlp()) for c in cs]
    assert sorted((c.value, c.measure, c.attribution.source) for c in claims if c.kind == "figure") == [
        (120.0, "killed", "health ministry"), (150.0, "killed", "Red Cross"),
        (2000.0, "deployed", "army"), (3500.0, "deployed", "local officials")]


def test_a_toll_compared_with_its_earlier_level():
    # "reached" is also an arrival word: the earlier level counts what the toll counts, on its own day
    assert _times("On Sunday, officials said the toll had reached 88, up from 61 on Saturday.") == [
        (61.0, "killed", "2025-05-17", "2025-05-17"), (88.0, "killed", "2025-05-18", "2025-05-18")]


def test_the_clause_of_the_event_the_people_were_counted_in_dates_them():
    # "violence that marred Sunday's vote": the event's own clause tells when they were killed
    assert _times("At least 9 people were killed and about 20 others injured in violence that marred Sunday's "
                  "council elections in the district.") == [
        (9.0, "killed", "2025-05-18", "2025-05-18"), (20.0, "wounded", "2025-05-18", "2025-05-18")]
    # a place's clause still tells nothing of the count ("the region, which ... annexed in 2014")
    assert _times("About 8,000 troops joined drills in the region, which the army seized in 2014.") == [
        (8000.0, "deployed", "2025-05-20", "2025-05-20")]


def test_a_tallys_new_level_hung_on_its_since_clause():
    # the parser hangs "to 1,230" on "began": the level is the tally verb's, told by the officials, and
    # runs from May; the 40 who died on Monday are of Monday, not of the tally's start
    art = Article(id="t", source="t", body="Officials said 40 more patients died on Monday, raising the death toll "
                  "since the outbreak began in March to 1,230.", published="2025-05-20")
    [(_, claims)] = list(extract.extract_claims([art], nlp=extract.load_nlp()))
    assert sorted((c.value, c.attribution.source, c.as_of.start, c.as_of.end) for c in claims if c.kind == "figure") == [
        (40.0, "Officials", "2025-05-19", "2025-05-19"), (1230.0, "Officials", "2025-03-01", "2025-05-19")]


def test_a_past_sentence_with_no_time_goes_on_with_the_event_before_it():
    # the second sentence tells the same night's storms: Friday, not the publication day
    assert _times("Tornadoes tore through the valley late on Friday, killing four people, officials said. More "
                  "than 80,000 customers were without power at the peak of the storms.") == [
        (4.0, "killed", "2025-05-16", "2025-05-16"), (80000.0, "other", "2025-05-16", "2025-05-16")]
    # in the present, or in another paragraph, it does not
    assert _times("Tornadoes tore through the valley late on Friday, killing four people, officials said. More "
                  "than 80,000 customers are without power.") == [
        (4.0, "killed", "2025-05-16", "2025-05-16"), (80000.0, "other", "2025-05-20", "2025-05-20")]
    assert _times("Tornadoes tore through the valley late on Friday, killing four people, officials said.\n\n"
                  "More than 80,000 customers were without power at the peak of the storms.") == [
        (4.0, "killed", "2025-05-16", "2025-05-16"), (80000.0, "other", "2025-05-20", "2025-05-20")]


def test_a_revision_participle_after_the_tag_is_the_tellers_and_not_of_the_contents_time():
    # "raising the toll from 12": the teller of "said" goes on; the old level is not of Monday night,
    # the time inside what was said, but of the telling ("this evening")
    art = Article(id="t", source="t", body="The number of people killed when a dam burst near the town on Monday "
                  "night has risen to 19, the civil protection unit said this evening, raising the toll from 12.",
                  published="2025-05-20")
    [(_, claims)] = list(extract.extract_claims([art], nlp=extract.load_nlp()))
    got = {c.value: (c.attribution.source, c.as_of.start) for c in claims if c.kind == "figure"}
    assert got[12.0] == ("civil protection unit", "2025-05-20")
