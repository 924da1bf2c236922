"""Same-fact joins that survive real reporting: aliases, relays, roles, pronouns, slips.

Hand-built claims (our own sentences) shaped like the tellings real outlets give of one
figure; each test pins which tellings join, which stay apart and the recorded reasons.
"""
from __future__ import annotations

from storyledger.ledger import build_ledger
from storyledger.ledger.evidence import related
from storyledger.model import Article, Attribution, Claim, TimeSpan


def art(aid: str, published: str | None, outlet: str | None = None) -> Article:
    return Article(id=aid, source=f"{aid}.txt", outlet=outlet, published=published, body="Body.")


def fig(cid: str, article: str, value: float, measure: str = "killed", *, source: str | None = None,
        source_text: str | None = None, role: str | None = None, via: tuple[str, ...] = (),
        qualifier: str = "exact", text: str = "A sentence.", start: str | None = None,
        basis: str = "clause", counted: str | None = "people", low: float | None = None,
        high: float | None = None, population: str | None = None, field_title: bool = False) -> Claim:
    return Claim(id=cid, article=article, kind="figure", text=text, field="title" if field_title else "body", value=value, low=low, high=high,
                 qualifier=qualifier, measure=measure, counted=counted, population=population,
                 as_of=TimeSpan(start=start, end=start, basis=basis) if start else None,
                 attribution=Attribution(source=source, source_text=source_text or source, role=role,
                                         via=list(via)))


def groups(arts, claims):
    led = build_ledger(arts, claims)
    return sorted(sorted(f.claims) for f in led.facts), led


def test_names_of_one_body():
    assert related("iom", "international organization for migration") == "alias"
    assert related("red cross", "international federation of red cross and red crescent societies") == "alias"
    assert related("un", "un office for the coordination of humanitarian affairs") == "alias"
    assert related("red cross", "united nations") is None


def test_alias_pronoun_role_and_unattributed_slips_join():
    arts = [art("A", "2023-09-13"), art("B", "2023-09-15"), art("C", "2023-09-14"), art("D", "2023-09-14")]
    claims = [
        # "the Red Cross" and the federation's full name, two days apart
        fig("a1", "A", 10000, "missing", source="Red Cross", start="2023-09-12"),
        fig("b1", "B", 10000, "missing", source="International Federation of Red Cross and Red Crescent Societies",
            basis="published", start="2023-09-15"),
        # "he added" in an article that names the mayor; "the mayor" elsewhere
        fig("c0", "C", 5, "other", source="Abdel Salam", role="Derna Mayor", counted="days"),
        fig("c1", "C", 20000, source="He", basis="published", start="2023-09-14"),
        fig("d1", "D", 20000, source="mayor", basis="published", start="2023-09-14"),
    ]
    got, led = groups(arts, claims)
    assert got == [["a1", "b1"], ["c0"], ["c1", "d1"]]
    why = {tuple(sorted((j.a, j.b))): j.why for f in led.facts for j in f.joins}
    assert why[("a1", "b1")] == ["alias", "publication_window", "same_measure"]
    assert why[("c1", "d1")] == ["pronoun_in_article", "publication_window", "same_measure"]


def test_unattributed_joins_only_the_source_its_sentence_names():
    arts = [art("A", "2021-12-04"), art("B", "2021-12-25"), art("C", "2021-12-20")]
    claims = [
        fig("a1", "A", 175000, "planned", source="intelligence document", start="2021-12-03",
            counted="troops", population="Russian"),
        fig("b1", "B", 175000, "other", text="One intelligence document suggests the number could reach 175,000.",
            basis="published", start="2021-12-25", counted="troops", population="Russian"),
        # an unattributed figure whose sentence names nobody: the outlet's own
        fig("c1", "C", 175000, "other", text="Some 175,000 could gather.", basis="published",
            start="2021-12-20", counted="troops", population="Russian"),
    ]
    got, _ = groups(arts, claims[:2])
    assert got == [["a1", "b1"]]
    got, _ = groups(arts, [claims[0], claims[2]])
    assert got == [["a1"], ["c1"]]


def test_different_sources_revisions_and_far_times_stay_apart():
    arts = [art("A", "2023-09-12"), art("B", "2023-09-17"), art("C", "2023-10-20")]
    claims = [
        fig("a1", "A", 10000, "missing", source="Red Cross", start="2023-09-12"),
        fig("b1", "B", 10000, "missing", source="United Nations", start="2023-09-16"),
        # the same body, the same number a month later: another telling, not this one
        fig("c1", "C", 10000, "missing", source="Red Cross", start="2023-10-19"),
    ]
    got, _ = groups(arts, claims)
    assert got == [["a1"], ["b1"], ["c1"]]


def test_headline_number_joins_the_range_it_ends():
    arts = [art("A", "2022-02-18"), art("B", "2022-02-22")]
    claims = [
        fig("a0", "A", 190000, "deployed", source="US ambassador", basis="published", start="2022-02-18"),
        fig("a1", "A", 190000, "deployed", source="Michael Carpenter", role="U.S. Ambassador to the OSCE",
            qualifier="range", low=169000,
            high=190000, basis="published", start="2022-02-18"),
        fig("b1", "B", 190000, "deployed", source="Michael Carpenter", qualifier="range", low=169000,
            high=190000, basis="published", start="2022-02-22"),
        fig("b2", "B", 190000, "deployed", source="Michael Carpenter", basis="published", start="2022-02-22"),
    ]
    got, _ = groups(arts, claims)
    assert got == [["a0", "a1", "b1", "b2"]]


def test_a_source_carried_over_from_another_sentence_yields_to_the_one_its_sentence_names():
    arts = [art("A", "2023-09-17"), art("B", "2023-09-18")]
    claims = [
        fig("a1", "A", 11300, source="United Nations", text="The toll rises to 11,300, the UN says.",
            basis="published", start="2023-09-17"),
        # credited to the WHO of the sentence before, while this sentence names the UN office
        fig("b1", "B", 11300, source="World Health Organization", qualifier="at_least",
            text="The UN humanitarian office said at least 11,300 people had died.", basis="telling",
            start="2023-09-16"),
        # the WHO named in its own sentence, same number and day: a second body, not a slip
        fig("b2", "B", 11300, source="World Health Organization",
            text="The World Health Organization counted 11,300 dead.", basis="telling", start="2023-09-16"),
    ]
    got, led = groups(arts, claims[:2])
    assert got == [["a1", "b1"]]
    assert led.facts[0].joins[0].why == ["named_in_sentence", "publication_window", "same_measure", "specific_number"]
    got, _ = groups(arts, [claims[0], claims[2]])
    assert got == [["a1"], ["b2"]]


def test_a_body_and_the_ministry_it_belongs_to_join_by_the_alias_table():
    """aliases.json says Ukrainian intelligence is part of the Defence Ministry: two outlets crediting
    one figure to either join (reason part_of); an unrelated body with the same figure does not."""
    arts = [art("a1", "2031-01-19", "Outlet One"), art("a2", "2031-01-19", "Outlet Two"),
            art("a3", "2031-01-19", "Outlet Three")]
    claims = [fig("c1", "a1", 127000, "deployed", source="Ministry of Defence of Ukraine", start="2031-01-19"),
              fig("c2", "a2", 127000, "deployed", source="Ukrainian intelligence", via=("CNN",), start="2031-01-19"),
              fig("c3", "a3", 127000, "deployed", source="Ministry of Defence of Russia", start="2031-01-19")]
    got, led = groups(arts, claims)
    assert ["c1", "c2"] in got and ["c3"] in got
    fact = next(f for f in led.facts if sorted(f.claims) == ["c1", "c2"])
    assert any("part_of" in j.why for j in fact.joins)


def test_the_official_of_an_unattributed_sentence_is_the_official_another_telling_names():
    """"... troops the official said had joined" with its attribution missed: the definite description
    ("the official") fits a telling credited to "a senior administration official"; a sentence with
    no such words stays the outlet's own. A headline's bare number in the named telling's article does
    not stand in for its body sentence."""
    arts = [art("A", "2031-02-16", "Wire Copy"), art("B", None, "Other Outlet"), art("C", None, "Third Outlet")]
    claims = [
        fig("a0", "A", 7000, "other", source="senior administration official", field_title=True,
            text="Official: 7K more troops at the border", start="2031-02-16", basis="published",
            counted="troops", population="Russian"),
        fig("a1", "A", 7000, "deployed", source="senior administration official", qualifier="at_most",
            source_text="a senior administration official", start="2031-02-16", basis="published",
            counted="troops", population="Russian"),
        fig("b1", "B", 7000, "deployed", qualifier="approximately", counted="troops", population="Russian",
            text="That count included around 7,000 troops the official said had arrived lately."),
        fig("c1", "C", 7000, "deployed", qualifier="approximately", counted="troops",
            text="Around 7,000 troops arrived lately."),
    ]
    got, led = groups(arts, claims)
    assert got == [["a0", "a1", "b1"], ["c1"]]
    fact = next(f for f in led.facts if "b1" in f.claims)
    assert any(j.why[0] == "named_in_sentence" and "b1" in (j.a, j.b) for j in fact.joins)


def test_a_country_named_as_source_speaks_for_its_government_and_officials():
    """"The US alleged ..." and "a senior Biden administration official said" give one figure: the
    alias table names the Biden administration as the United States' government (reason part_of).
    Another country's figure of the same size stays apart."""
    arts = [art("A", "2031-02-16", "Outlet One"), art("B", "2031-02-16", "Outlet Two"),
            art("C", "2031-02-16", "Outlet Three")]
    claims = [fig("c1", "A", 7000, "deployed", source="US", source_text="The US", start="2031-02-16",
                  qualifier="approximately", counted="troops", population="Russian"),
              fig("c2", "B", 7000, "deployed", source="senior Biden administration official",
                  source_text="a senior Biden administration official", start="2031-02-16",
                  qualifier="at_most", counted="troops", population="Russian"),
              fig("c3", "C", 7000, "deployed", source="Ukraine", source_text="Ukraine", start="2031-02-16",
                  qualifier="approximately", counted="troops", population="Russian")]
    got, led = groups(arts, claims)
    assert got == [["c1", "c2"], ["c3"]]
    fact = next(f for f in led.facts if "c1" in f.claims)
    assert [j.why[0] for j in fact.joins] == ["part_of"]


USER_ALIASES = """{"entities": [
  {"name": "Coastal Relief Board", "type": "government", "country": "Veloria",
   "aliases": ["the relief board", "CRB Veloria"]},
  {"name": "Harbour Survey Unit", "type": "agency", "country": "Veloria", "part_of": "Coastal Relief Board"}
]}"""


def test_the_users_alias_file_joins_what_the_packaged_table_cannot():
    """`build --aliases FILE`: a body the user's file puts inside another (part_of), and a second
    name it gives one body, join their tellings; without the file they stay apart."""
    arts = [art("A", "2031-03-02", "Outlet One"), art("B", "2031-03-02", "Outlet Two"),
            art("C", "2031-03-02", "Outlet Three")]
    claims = [fig("c1", "A", 4321, "evacuated", source="Coastal Relief Board", start="2031-03-02"),
              fig("c2", "B", 4321, "evacuated", source="Harbour Survey Unit", start="2031-03-02"),
              fig("c3", "C", 4321, "evacuated", source="CRB Veloria", start="2031-03-02")]
    got, _ = groups(arts, claims)
    assert got == [["c1"], ["c2"], ["c3"]]
    led = build_ledger(arts, claims, aliases=USER_ALIASES)
    assert sorted(sorted(f.claims) for f in led.facts) == [["c1", "c2", "c3"]]
    whys = sorted(j.why[0] for j in led.facts[0].joins)
    assert whys == ["part_of", "same_source"]
    got, _ = groups(arts, claims)   # the next ledger without the file: the packaged table alone again
    assert got == [["c1"], ["c2"], ["c3"]]


def test_a_build_with_aliases_keeps_them_for_its_ledger(tmp_path):
    """The alias file a build extracts with is kept in the ledger file; every later ledger step
    (a build adding articles, an upload) reads it again, until a build without it re-extracts."""
    from storyledger import extract, pipeline
    from storyledger.store import LedgerStore

    alias_file = tmp_path / "aliases.json"
    alias_file.write_text(USER_ALIASES, encoding="utf-8")
    for name, who, day_ in (("a", "Coastal Relief Board", "4 March 2031"), ("b", "Harbour Survey Unit", "4 March 2031")):
        (tmp_path / f"{name}.txt").write_text(
            f"Evacuees counted\n\n{day_}\n\nThe {who} said on Monday that 4,321 people had been evacuated "
            "from the harbour district.\n", encoding="utf-8")
    db = tmp_path / "ledger.db"
    files = [tmp_path / "a.txt", tmp_path / "b.txt"]

    def joined() -> bool:
        with LedgerStore(db, readonly=True) as st:
            return any(f.value == 4321 and len(f.articles) == 2 for f in st.ledger().facts)

    pipeline.build(files[:1], db, nlp=extract.load_nlp(str(alias_file)))
    with LedgerStore(db, readonly=True) as st:
        assert st.get_meta("aliases") == USER_ALIASES
    pipeline.build(files[1:], db, nlp=extract.load_nlp(str(alias_file)))
    assert joined()
    pipeline.build(files, db)   # without the file: extracted again, the packaged table alone
    with LedgerStore(db, readonly=True) as st:
        assert st.get_meta("aliases") == ""
    assert not joined()


def test_an_office_of_a_body_and_a_person_tied_to_it_are_one_telling_in_one_article():
    arts = [art("A", "2023-09-11"), art("B", "2023-09-11")]
    claims = [
        # "the head of the Blue Shield in Mersa said ... 300" and "the Blue Shield's Ann Lee told ...: 300"
        fig("a1", "A", 300, source="head of the Blue Shield in Mersa", start="2023-09-11"),
        fig("a2", "A", 300, source="Ann Lee", role="Blue Shield's", start="2023-09-11"),
        # a person tied to another body stays apart, in one article too
        fig("b1", "B", 400, source="head of the Port Authority", start="2023-09-11"),
        fig("b2", "B", 400, source="Omar Said", role="Harbour Board's", start="2023-09-11"),
    ]
    got, _ = groups(arts, claims)
    assert got == [["a1", "a2"], ["b1"], ["b2"]]


def test_two_descriptions_of_one_office_join_and_other_offices_stay_apart():
    arts = [art("A", "2023-09-11"), art("B", "2023-09-11"), art("C", "2023-09-11")]
    claims = [
        fig("a1", "A", 250, source="head of the Red Crescent in Benghazi", qualifier="at_least", start="2023-09-11"),
        fig("b1", "B", 250, source="local head of the Red Crescent", qualifier="at_least", start="2023-09-11"),
        # the head of another body is another source
        fig("c1", "C", 250, source="head of the civil defence", qualifier="at_least", start="2023-09-11"),
    ]
    got, led = groups(arts, claims)
    assert got == [["a1", "b1"], ["c1"]]
    why = {tuple(sorted((j.a, j.b))): j.why for f in led.facts for j in f.joins}
    assert why[("a1", "b1")] == ["role", "same_time", "same_measure", "specific_number"]
