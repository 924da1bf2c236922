"""The ledger on a hand-built story (our own sentences, retelling a troop-deployment story).

Articles: two wire stories (one copied by a second site), a newspaper story, a
later follow-up months on, and a foreign outlet's story. The claims carry what
extraction would give them; the tests pin the joins, series, disagreements,
timeline and id stability exactly.
"""
from __future__ import annotations

import random

import pytest

from storyledger.ledger import build_ledger
from storyledger.ledger.sources import chain_of, chains_compatible, source_info
from storyledger.model import Article, Attribution, Claim, Ledger, TimeSpan

NIS = "National Intelligence Service"


def art(aid: str, published: str, outlet: str | None = None, agency: str | None = None,
        duplicate_of: str | None = None) -> Article:
    return Article(id=aid, source=f"{aid}.txt", title=f"Story {aid}", outlet=outlet, agency=agency,
                   published=published, body="Body text.", duplicate_of=duplicate_of)


def fig(cid: str, article: str, value: float, measure: str, start: str, end: str | None = None, *,
        source: str | None = None, via: tuple[str, ...] = (), qualifier: str = "exact",
        counted: str | None = "troops", population: str | None = "North Korean", where: str | None = None,
        basis: str = "clause", field: str = "body", source_text: str | None = None, high: float | None = None,
        number_text: str | None = None) -> Claim:
    return Claim(id=cid, article=article, kind="figure", text=f"A sentence about {value:g} {counted}.", field=field,
                 value=value, high=high, qualifier=qualifier, counted=counted, population=population,
                 measure=measure, where=where, number_text=number_text,
                 as_of=TimeSpan(start=start, end=end or start, basis=basis),
                 attribution=Attribution(source=source, via=list(via), source_text=source_text or source))


def story() -> tuple[list[Article], list[Claim]]:
    arts = [
        art("A0", "2024-10-21", outlet="Wire Site", agency="Yonhap"),
        art("A1", "2024-10-16", outlet="Wire Site", agency="Yonhap"),
        art("A5", "2024-10-16", outlet="Mirror Site", agency="Yonhap", duplicate_of="A1"),
        art("A2", "2024-10-27", outlet="Seoul Daily"),
        art("A3", "2025-02-27", outlet="Capital Times"),
        art("A4", "2024-10-18", outlet="Foreign Weekly"),
    ]
    claims = [
        fig("c-a", "A0", 240, "deployed", "2024-10-18", source=NIS, qualifier="approximately",
            counted="personnel", where="Khabarovsk"),
        fig("c-b", "A0", 12000, "planned", "2024-10-17", "2024-10-18", source=NIS, qualifier="approximately",
            counted="special forces", number_text="around 12,000"),
        fig("c-c", "A0", 1500, "deployed", "2024-10-17", "2024-10-18", source=NIS, qualifier="approximately",
            where="Russia's Far East"),
        fig("c-d", "A0", 6, "killed", "2024-09-25", "2024-10-21", source="Ukrainian media", counted="soldiers",
            number_text="six"),
        fig("c-e", "A1", 3000, "planned", "2024-10-10", "2024-10-16", source="Ukrainian media",
            qualifier="at_most", counted=None),
        fig("c-f", "A1", 6, "killed", "2024-10-01", "2024-10-16", source="Ukrainian media", counted=None),
        fig("c-f2", "A5", 6, "killed", "2024-10-01", "2024-10-16", source="Ukrainian media", counted=None),
        fig("c-g", "A2", 5000, "deployed", "2024-10-26", "2024-10-28", source="The New York Times",
            qualifier="at_most", where="Kursk"),
        fig("c-h", "A2", 10000, "planned", "2024-11-30", "2024-12-31", source=NIS),
        fig("c-i", "A3", 1000, "deployed", "2025-02-01", "2025-02-27", source=NIS, qualifier="approximately",
            counted="soldiers"),
        fig("c-j", "A3", 11000, "deployed", "2024-10-01", "2024-10-31", source=NIS, qualifier="at_most",
            basis="explicit"),
        fig("c-j2", "A3", 11000, "deployed", "2024-10-01", "2024-10-31", counted="soldiers", basis="explicit"),
        fig("c-k", "A3", 4000, "killed_or_wounded", "2025-01-15", "2025-02-27", source=NIS,
            qualifier="approximately", counted="soldiers"),
        fig("c-l", "A3", 2, "captured", "2025-01-01", "2025-02-27", counted=None),
        fig("c-mt", "A4", 12000, "planned", "2024-10-18", source="South Korean intelligence",
            field="title", basis="published", where="Russia"),
        fig("c-m", "A4", 12000, "planned", "2024-10-18", source=NIS, via=("Yonhap",), basis="telling",
            where="Russia"),
        fig("c-m2", "A4", 12000, "planned", "2024-10-18", source=NIS, via=("Yonhap",), basis="telling",
            counted="soldiers"),
        fig("c-n", "A4", 10000, "planned", "2024-10-17", source="Volodymyr Zelensky"),
        fig("c-o", "A4", 6, "killed", "2024-10-04", source="Ukrainian intelligence", via=("Kyiv Post",),
            counted="officers", number_text="six"),
        fig("c-p", "A4", 3, "wounded", "2024-10-04", source="Kyiv Post", counted="soldiers"),
        Claim(id="c-q", article="A4", kind="quote", text="He said the contingent was being trained.",
              quote="a contingent is being trained for deployment alongside Russian forces",
              as_of=TimeSpan(start="2024-10-17", end="2024-10-17"),
              attribution=Attribution(source="Volodymyr Zelensky", cue="said")),
        Claim(id="c-s1", article="A1", kind="statement",
              text="The defence ministry said it was closely watching whether the North would send soldiers.",
              as_of=TimeSpan(start="2024-10-16", end="2024-10-16", basis="telling"),
              attribution=Attribution(source="Ministry of National Defense", cue="said")),
        Claim(id="c-s2", article="A5", kind="statement",
              text="The defence ministry said it was closely watching whether the North would send soldiers.",
              as_of=TimeSpan(start="2024-10-16", end="2024-10-16", basis="telling"),
              attribution=Attribution(source="Ministry of National Defense", cue="said")),
    ]
    # one more statement, in A4, that the South's agency believed the decision made (no time given)
    claims.append(Claim(id="c-s3", article="A4", kind="statement",
                        text="The agency believes the decision to send the brigades has been made.",
                        attribution=Attribution(source=NIS, cue="believes")))
    return arts, claims


@pytest.fixture(scope="module")
def built() -> tuple[list[Article], list[Claim], Ledger]:
    arts, claims = story()
    return arts, claims, build_ledger(arts, claims)


def fact_of(led: Ledger, cid: str):
    return next(f for f in led.facts + led.statements if cid in f.claims)


def test_fact_groupings_exact(built):
    _, claims, led = built
    groups = sorted(sorted(f.claims) for f in led.facts + led.statements)
    expected = sorted(sorted(g) for g in [
        ["c-b", "c-mt", "c-m", "c-m2"],            # 12,000 planned: headline, body, other outlet
        ["c-d", "c-f", "c-f2", "c-o"],             # six killed: media, its wire copy, outlet citing intelligence
        ["c-j", "c-j2"],                           # 11,000 last October, told twice in one article
        ["c-s1", "c-s2"],                          # one statement on two sites
        ["c-a"], ["c-c"], ["c-e"], ["c-g"], ["c-h"], ["c-i"], ["c-k"], ["c-l"], ["c-n"], ["c-p"],
        ["c-q"], ["c-s3"],
    ])
    assert groups == expected
    assert sum(len(f.claims) for f in led.facts + led.statements) == len(claims)
    # statements and quotes are not facts of the figure ledger: they are kept apart
    assert {f.kind for f in led.facts} == {"figure"}
    assert sorted(sorted(f.claims) for f in led.statements) == [["c-q"], ["c-s1", "c-s2"], ["c-s3"]]


def test_coincidences_not_joined(built):
    _, _, led = built
    for x, y in [("c-h", "c-n"), ("c-b", "c-n"), ("c-a", "c-c"), ("c-j", "c-b")]:
        assert fact_of(led, x).id != fact_of(led, y).id, (x, y)


def test_fact_sources_reporters_relays(built):
    _, _, led = built
    f = fact_of(led, "c-b")
    assert [s.name for s in f.sources] == [NIS]
    assert f.origin == NIS
    assert (f.first_reporter, f.first_published, f.first_article) == ("Foreign Weekly", "2024-10-18", "A4")
    assert f.relays == ["Foreign Weekly", "Yonhap"]
    # the hedged body wording ("around 12,000") over a bare headline number
    assert f.label == "about 12,000 North Korean troops to be sent to Russia (National Intelligence Service)"
    six = fact_of(led, "c-d")
    # "Ukrainian media" is the vague name of the Ukrainian chain; the wire copy is not a second source
    assert [s.name for s in six.sources] == ["Ukrainian intelligence"]
    assert six.origin == "Ukrainian intelligence"
    assert (six.first_reporter, six.first_published) == ("Yonhap", "2024-10-16")
    assert six.as_of is not None and (six.as_of.start, six.as_of.end) == ("2024-10-04", "2024-10-04")
    assert six.relays == ["Ukrainian media", "Yonhap", "Kyiv Post", "Foreign Weekly"]
    stmt = fact_of(led, "c-s1")
    assert [s.name for s in stmt.sources] == ["Ministry of National Defense"]
    assert stmt.articles == ["A1", "A5"]


def test_series_labels_and_points(built):
    _, _, led = built
    by_label = {s.label: s for s in led.series}
    assert sorted(by_label) == [
        "North Korean casualties — captured",   # the casualty family of data/measures.json: one noun
        "North Korean casualties — killed",
        "North Korean casualties — killed or wounded",
        "North Korean casualties — wounded",
        "North Korean personnel in Khabarovsk — deployed",
        "North Korean soldiers — deployed",
        "North Korean troops in Kursk — deployed",
        "North Korean troops in Russia — planned",
        "North Korean troops in Russia's Far East — deployed",
    ]
    planned = by_label["North Korean troops in Russia — planned"]
    pts = [(p.source, p.value, p.as_of.start) for p in planned.points]
    assert pts == [("Ukrainian media", 3000, "2024-10-10"), ("Volodymyr Zelensky", 10000, "2024-10-17"),
                   (NIS, 12000, "2024-10-17"), (NIS, 10000, "2024-11-30")]
    assert planned.latest_by_source[NIS].value == 10000
    assert planned.range_by_source == {NIS: (10000, 12000), "Ukrainian media": (3000, 3000),
                                       "Volodymyr Zelensky": (10000, 10000)}
    deployed = by_label["North Korean soldiers — deployed"]
    assert [(p.value, p.as_of.start) for p in deployed.points] == [(11000, "2024-10-01"), (1000, "2025-02-01")]
    assert deployed.scope is None and planned.scope == "Russia"


def test_disagreements_by_kind(built):
    _, _, led = built
    kinds = sorted(d.kind for d in led.disagreements)
    # 12,000 planned (October) and 11,000 sent (February) count two quantities: no revision across measures
    assert kinds == ["conflict", "retelling", "retelling"]
    conflict = next(d for d in led.disagreements if d.kind == "conflict")
    assert sorted(conflict.side_a + conflict.side_b) == sorted(["c-n", "c-b", "c-mt", "c-m", "c-m2"])
    assert conflict.side_a == ["c-n"]
    assert conflict.sources_a == ["Volodymyr Zelensky"] and conflict.sources_b == [NIS]
    assert (conflict.reason, conflict.days_apart, conflict.ratio) == ("incompatible_figures", 0, 1.14)  # 10,000 against about 12,000 (>= 11,400)
    retold = {tuple(sorted(d.side_a + d.side_b)): d for d in led.disagreements if d.kind == "retelling"}
    six = retold[("c-d", "c-f", "c-f2", "c-o")]
    assert (six.side_a, six.side_b) == (["c-f", "c-f2", "c-o"], ["c-d"])
    assert "six officers" in six.description and "six soldiers" in six.description
    twelve = retold[("c-b", "c-m", "c-m2", "c-mt")]
    assert sorted(twelve.side_b) == ["c-b", "c-m2"]
    for d in led.disagreements:
        assert d.description.endswith(".") and "\n" not in d.description


def test_timeline_order(built):
    _, _, led = built
    order = [t.claims[0] for t in led.timeline]
    assert order == ["c-j", "c-f", "c-p", "c-e", "c-s1", "c-q", "c-n", "c-mt", "c-c", "c-a", "c-g", "c-h",
                     "c-l", "c-k", "c-i"]
    assert all(t.fact in {f.id for f in led.facts + led.statements} for t in led.timeline)
    six = next(t for t in led.timeline if t.claims[0] == "c-f")
    assert (six.start, six.end, six.first_published) == ("2024-10-04", "2024-10-04", "2024-10-16")


def test_idempotent_and_order_free(built):
    arts, claims, led = built
    again = build_ledger(arts, claims)
    assert again.model_dump_json() == led.model_dump_json()
    rnd = random.Random(7)
    a2, c2 = arts[:], claims[:]
    rnd.shuffle(a2)
    rnd.shuffle(c2)
    assert build_ledger(a2, c2).model_dump_json() == led.model_dump_json()
    # rebuilding on top of itself changes nothing
    assert build_ledger(arts, claims, previous=led).model_dump_json() == led.model_dump_json()


def test_ids_stable_when_articles_added(built):
    arts, claims, _ = built
    early_arts = [a for a in arts if a.id not in ("A0", "A3")]
    early_claims = [c for c in claims if c.article not in ("A0", "A3")]
    first = build_ledger(early_arts, early_claims)
    # a new claim that sorts before every other id joins an existing fact
    extra = fig("a-first", "A0", 12000, "planned", "2024-10-18", source=NIS, basis="telling")
    full = build_ledger(arts, claims + [extra], previous=first)
    for f in first.facts:
        g = next(x for x in full.facts if f.claims[0] in x.claims)
        assert g.id == f.id
    assert "a-first" in fact_of(full, "c-m").claims
    assert len({f.id for f in full.facts}) == len(full.facts)


def test_source_compatibility_rules():
    kp = source_info("Kyiv Post", None, "Ukrainian news outlet The Kyiv Post")
    assert (kp.type, kp.generic) == ("outlet", False) and kp.country in ("ukraine", "ukrainian")
    media = source_info("Ukrainian media")
    assert media.generic and media.type in ("media", "outlet")
    a0 = art("X", "2024-10-05")
    c_media = fig("x1", "X", 6, "killed", "2024-10-04", source="Ukrainian media")
    c_kp = fig("x2", "X", 6, "killed", "2024-10-04", source="Kyiv Post",
               source_text="Ukrainian news outlet The Kyiv Post")
    c_ru = fig("x3", "X", 6, "killed", "2024-10-04", source="Russian media")
    c_zel = fig("x4", "X", 6, "killed", "2024-10-04", source="Volodymyr Zelensky")
    assert chains_compatible(chain_of(c_media, a0), chain_of(c_kp, a0))
    assert not chains_compatible(chain_of(c_ru, a0), chain_of(c_kp, a0))
    assert not chains_compatible(chain_of(c_media, a0), chain_of(c_zel, a0))


def test_empty_input():
    assert build_ledger([], []) == Ledger()


def test_rules_for_noisy_extraction():
    arts = [art("W1", "2024-10-21", agency="Wire"), art("W2", "2024-10-16", agency="Wire"),
            art("Z", "2024-10-20", outlet="Elsewhere")]
    claims = [
        # told on the 21st without a source, by the wire that earlier credited Ukrainian media
        fig("u1", "W1", 6, "killed", "2024-10-21", counted="North Koreans"),
        fig("u2", "W2", 6, "killed", "2024-10-01", "2024-10-16", source="Ukrainian media",
            where="a strike on occupied territory"),
        fig("u3", "W2", 6, "killed", "2024-10-04", source="Ukrainian intelligence",
            where="the occupied part of the region"),
        # same number and people, no source, another outlet, two months on: another event
        fig("u4", "Z", 6, "killed", "2024-12-20"),
        # a place with no name in it fits anything; a different named place does not
        fig("p1", "W2", 300, "deployed", "2024-10-16", source=NIS, where="the area"),
        fig("p2", "W1", 300, "deployed", "2024-10-16", source=NIS, where="Vladivostok"),
        fig("p3", "Z", 300, "deployed", "2024-10-16", source=NIS, where="Kursk"),
    ]
    led = build_ledger(arts, claims)
    assert sorted(sorted(f.claims) for f in led.facts) == [["p1", "p2"], ["p3"], ["u1", "u2", "u3"], ["u4"]]
    six = fact_of(led, "u1")
    assert six.label.startswith("6 North Korean troops killed")  # "North Koreans" only repeats the people


def test_bad_input_does_not_raise():
    claims = [fig("z1", "missing-article", 5, "killed", "not-a-date"),
              fig("z2", "missing-article", 5, "killed", "2024-13-45"),
              Claim(id="z3", article="nowhere", kind="figure", text="No number here.")]
    led = build_ledger([], claims)
    # unreadable dates count as no date; one article's two tellings of one number stay one fact
    assert sorted(sorted(f.claims) for f in led.facts) == [["z1", "z2"], ["z3"]]


# -- round 2: places inside places, a week's slack, running counts ------------------------------

def _r2_story() -> tuple[list[Article], list[Claim]]:
    arts = [art("B1", "2024-05-02", outlet="Paper One"), art("B2", "2024-05-06", outlet="Paper Two"),
            art("B3", "2024-05-20", outlet="Paper One"), art("B4", "2024-07-01", outlet="Paper Two")]
    claims = [
        # the corpus says Lakeside is in Ruritania ("Ruritania's Lakeside province")
        fig("r-1", "B1", 800, "deployed", "2024-04-28", source="Agency A", qualifier="approximately",
            where="Ruritania's Lakeside province", basis="telling"),
        fig("r-2", "B2", 2000, "deployed", "2024-05-05", source="Agency A", qualifier="approximately",
            where="Ruritania", basis="telling"),
        fig("r-3", "B2", 6000, "deployed", "2024-05-01", source="Ministry B", qualifier="approximately",
            where="Ruritania", basis="telling"),
        fig("r-4", "B3", 300, "killed_or_wounded", "2024-05-20", source="Agency A", qualifier="approximately",
            counted="soldiers", basis="telling"),
        fig("r-5", "B4", 900, "killed_or_wounded", "2024-07-01", source="Agency A", qualifier="approximately",
            counted="soldiers", basis="telling"),
    ]
    return arts, claims


def test_part_of_a_place_is_its_own_series_linked_to_the_whole_without_false_conflicts():
    led = build_ledger(*_r2_story())
    by_label = {s.label: s for s in led.series if s.measure == "deployed"}
    deployed = by_label["North Korean troops in Ruritania — deployed"]
    assert sorted(p.value for p in deployed.points) == [2000, 6000]
    part = by_label["North Korean troops in Ruritania's Lakeside province — deployed"]
    assert [p.value for p in part.points] == [800]
    assert (part.parent, part.relation, deployed.parent) == (deployed.id, "part", None)
    conflicts = [(d.sources_a, d.sources_b) for d in led.disagreements if d.kind == "conflict"]
    # 6,000 (May 1) and 2,000 (May 5), four days apart: a conflict; 800 in a province is no conflict
    # with 6,000 in the country, and it is smaller, so it contradicts nothing
    assert conflicts == [(["Ministry B"], ["Agency A"])]


def test_revisions_of_a_running_count_and_a_quick_recount():
    led = build_ledger(*_r2_story())
    revs = sorted(d.description for d in led.disagreements if d.kind == "revision")
    # 800 in a province then 2,000 in the country: two quantities, no revision
    assert revs == [
        "Agency A revised its figure for 2024-07-01: about 300 killed_or_wounded (told 2024-05-20) became "
        "about 900 killed_or_wounded (told 2024-07-01).",
    ]


def test_figures_naming_no_population_form_series_of_everyone_and_of_the_group_their_noun_names():
    # a disaster story: no demonym anywhere, as in most floods, quakes and fires
    arts = [art("Q1", "2025-07-08", outlet="Paper One"), art("Q2", "2025-07-10", outlet="Paper Two"),
            art("Q3", "2025-07-14", outlet="Paper One")]
    claims = [
        fig("q-1", "Q1", 34, "killed", "2025-07-08", source="Home Ministry", counted="people", population=None),
        fig("q-2", "Q2", 41, "killed", "2025-07-10", source="Home Ministry", counted="death toll", population=None),
        fig("q-3", "Q3", 38, "killed", "2025-07-14", source="Home Ministry", counted=None, population=None),
        fig("q-4", "Q3", 6, "killed", "2025-07-14", source="Home Ministry", counted="rescue workers",
            population=None),
        fig("q-5", "Q2", 20, "missing", "2025-07-10", source="Police", counted="villagers", population=None),
        fig("q-6", "Q2", 12, "other", "2025-07-10", source="Police", counted="bridges", population=None),
    ]
    led = build_ledger(arts, claims)
    got = {s.label: [p.value for p in s.points] for s in led.series}
    assert got == {"people — killed": [34, 41, 38], "rescue workers — killed": [6],
                   "villagers — missing": [20]}
    assert [s.population for s in led.series] == [None, None, None]
    # the ministry's 41 then 38 for the same quantity, four days apart, is a revision it made
    assert [(led.disagreements[0].kind, led.disagreements[0].description)] == [
        ("revision", "Home Ministry revised its figure for 2025-07-14: 41 killed (told 2025-07-10) became "
                     "38 killed (told 2025-07-14).")]
