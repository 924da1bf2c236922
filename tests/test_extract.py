"""Claim extraction on sentences written for these tests, plus the five real seeds (read at run time)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyledger import extract
from storyledger.extract.lexicon import parse_number
from storyledger.model import Article

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="module")
def nlp():
    return extract.load_nlp()


def claims_of(nlp, body, title=None, captions=(), published="2024-03-15", agency=None):
    art = Article(id="t", source="t.txt", body=body, title=title, captions=list(captions),
                  published=published, agency=agency)
    [(_, claims)] = list(extract.extract_claims([art], nlp=nlp))
    return claims


def figs(claims):
    return [c for c in claims if c.kind == "figure"]


@pytest.mark.parametrize("words,value", [
    (["12,000"], 12000), (["1.5", "million"], 1_500_000), (["six"], 6), (["a", "dozen"], 12),
    (["twenty", "-", "five"], 25), (["3", "thousand"], 3000), (["two", "hundred"], 200),
])
def test_parse_number(words, value):
    assert parse_number(words) == value


def test_hedges_and_measures(nlp):
    cs = figs(claims_of(nlp, "The army said about 300 soldiers were killed in the border town last week. "
                             "Officials said up to 2,000 residents were evacuated from the valley."))
    by = {c.value: c for c in cs}
    assert (by[300].qualifier, by[300].measure, by[300].counted) == ("approximately", "killed", "soldiers")
    assert (by[2000].qualifier, by[2000].high, by[2000].measure) == ("at_most", 2000, "evacuated")
    assert by[300].as_of.start == "2024-03-04" and by[300].as_of.end == "2024-03-10"


def test_plan_versus_deployment(nlp):
    cs = figs(claims_of(nlp, "The ministry said Ruritania had decided to send 4,000 troops to the north, "
                             "with roughly 800 of them already stationed near the capital."))
    by = {c.value: c for c in cs}
    assert by[4000].measure == "planned" and by[800].measure == "deployed"
    assert by[800].counted == "troops" and by[800].qualifier == "approximately"
    assert by[4000].attribution.modality == "plan"


def test_pointing_back_and_killed_or_wounded(nlp):
    cs = figs(claims_of(nlp, "According to the ministry, Ruritania sent more than 9,000 Ruritanian soldiers abroad. "
                             "Out of this number, an estimated 700 soldiers have been killed or wounded. "
                             "Five of them were captured."))
    by = {c.value: c for c in cs}
    assert by[9000].qualifier == "at_least" and by[9000].population == "Ruritanian"
    assert by[700].measure == "killed_or_wounded" and by[700].attribution.modality == "estimate"
    assert by[5].measure == "captured" and by[5].population == "Ruritanian"
    assert by[5].attribution.source == by[9000].attribution.source


def test_not_counts_of_people(nlp):
    cs = figs(claims_of(nlp, "In 2023 the company paid $5 million for 40 hectares, "
                             "and the town marked its 50th anniversary on March 3."))
    assert all(c.measure in (None, "other") for c in cs)
    assert 2023.0 not in {c.value for c in cs}


def test_vague_amounts_have_no_value(nlp):
    cs = figs(claims_of(nlp, "Thousands of people fled the city, the mayor said."))
    assert [(c.value, c.qualifier, c.measure) for c in cs] == [(None, "vague", None)]


def test_relay_chain_and_wire_credit(nlp):
    cs = figs(claims_of(nlp, "Ruritania is to send 600 engineers to the coast, the Daily Planet reported on Tuesday, "
                             "citing the country's Defence Ministry.", agency="Reuters"))
    c = next(c for c in cs if c.value == 600)
    assert c.attribution.source == "Defence Ministry"
    assert c.attribution.via == ["Reuters", "Daily Planet"]
    assert c.measure == "planned" and c.as_of.start == "2024-03-12"


def test_forward_reference_to_outlet(nlp):
    cs = figs(claims_of(nlp, "Up to 900 troops are expected to arrive by Monday, according to a news report. "
                             "The first convoy crossed the river on Thursday, CNN reported."))
    c = next(c for c in cs if c.value == 900)
    assert c.attribution.source == "CNN" and c.measure == "planned" and c.as_of.start == "2024-03-18"


def test_alias_and_acronym(nlp):
    cs = figs(claims_of(nlp, "South Korea's National Intelligence Service (NIS) said 50 soldiers were wounded. "
                             "The spy agency said 20 more soldiers were killed."))
    assert {c.attribution.source for c in cs} == {"National Intelligence Service"}


def test_caption_and_title_figures(nlp):
    cs = figs(claims_of(nlp, "Nothing to count here.", title="Ruritania sending over 300 more troops north: spy agency",
                        captions=["A satellite image of a camp in Ruritania, March 2. The agency says around 90 "
                                  "Ruritanian soldiers were gathered there."]))
    title = next(c for c in cs if c.field == "title")
    assert (title.value, title.qualifier, title.attribution.source) == (300, "at_least", "National Intelligence Service")
    cap = next(c for c in cs if c.field == "caption")
    assert cap.value == 90 and cap.measure == "deployed" and cap.as_of.start == "2024-03-02"


def test_quotes_and_speakers(nlp):
    claims = claims_of(nlp, 'Defence Minister Anna Berg visited the base on Monday.\n\n'
                            '"We will not leave anyone behind," said Paul Okafor, a spokesperson for the navy.\n\n'
                            '"The operation is going well and the crews are safe," Okafor said. '
                            '"We expect more news tomorrow."\n\n'
                            'Berg expressed "deep concern" over the delays.\n\n'
                            'The plan was described as "closely" watched.')
    qs = [(c.quote, c.attribution.source) for c in claims if c.kind == "quote"]
    assert qs == [
        ("We will not leave anyone behind,", "Paul Okafor"),
        ("The operation is going well and the crews are safe,", "Paul Okafor"),
        ("We expect more news tomorrow.", "Paul Okafor"),
        ("deep concern", "Anna Berg"),
    ]
    role = next(c.attribution.role for c in claims if c.kind == "quote")
    assert role == "spokesperson for the navy"


def test_denial_statement(nlp):
    claims = claims_of(nlp, "Ruritania has not released any official statement on the deployment.")
    st = [c for c in claims if c.kind == "statement"]
    assert [(c.attribution.source, c.attribution.modality) for c in st] == [("Ruritania", "denial")]


def test_claim_ids_are_stable(nlp):
    a = [c.id for c in claims_of(nlp, "The agency said 40 soldiers were killed.")]
    b = [c.id for c in claims_of(nlp, "The agency said 40 soldiers were killed.")]
    assert a == b and len(set(a)) == len(a)


# --- the real seeds, read from ../shared at run time ---------------------------------------

SEED_QUOTES = {  # article -> speakers of its direct quotes, in order (our own list)
    "000": ["Hong Min", "Koo Byoung-sam", "Jeon Ha-kyou", "Jeon Ha-kyou", "Kim Yong-hyun"],
    "003": ["National Intelligence Service", "Lee Sung-joon", "military source", "Lee Jae-woong"],
}


@pytest.fixture(scope="module")
def seed_articles():
    root = SHARED / "devset" / "seeds" / "articles"
    if not root.is_dir():
        pytest.skip(f"../shared not present: {root}")
    from storyledger import clean, ingest
    arts = {}
    for item in ingest.iter_documents([root]):
        art = clean.clean_document(item)
        arts[Path(art.source).name[:3]] = art
    return arts


def test_seed_figures_match_gold(nlp, seed_articles):
    gold = json.loads((SHARED / "devset" / "seeds" / "gold.json").read_text())
    found = 0
    for g in gold["figures"]:
        art = seed_articles[g["article"][:3]]
        [(_, claims)] = list(extract.extract_claims([art], nlp=nlp))
        measures = g["measure"] if isinstance(g["measure"], list) else [g["measure"]]
        ok = [c for c in figs(claims) if g["value"] in (c.value, c.low, c.high) and c.measure in measures
              and c.qualifier in g["qualifier"]]
        found += bool(ok)
    assert found == len(gold["figures"])


def test_seed_quote_speakers(nlp, seed_articles):
    for key, speakers in SEED_QUOTES.items():
        [(_, claims)] = list(extract.extract_claims([seed_articles[key]], nlp=nlp))
        got = [c.attribution.source for c in claims if c.kind == "quote"]
        assert got == speakers, key
