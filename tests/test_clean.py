"""Clean: furniture, title, byline, outlet, wire credit, captions, identity, near-duplicates.

Fixtures are written by us; the five real seeds are read from ../shared at run time.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from storyledger.clean import CleanError, article_id, clean_document, finalize_corpus
from storyledger.clean.text import parse_text, person_name
from storyledger.words import line_key
from storyledger.ingest import iter_documents
from storyledger.model import RawDocument


PORTAL_DUMP = """Settings

ⓕ font-size

  • -1
  • 0
  • +1

Flood barriers hold as river peaks in the capital

  • Facebook share button
  • Mail share button
      A worker checks a flood gate on the east bank of the river, Oct. 9, in this photo released by the city. Yonhap

A worker checks a flood gate on the east bank of the river, Oct. 9, in this photo released by the city. Yonhap

City engineers said Thursday that the new barriers along the river held through the highest water level in a decade.

The river crested at 9.4 meters late on Wednesday, officials said, about 30 centimeters below the top of the
barriers that were finished last spring.

"The walls did what they were built to do," said Park Min-ji, head of the city's water office.

No homes in the low districts were flooded, the office added. (Yonhap)

X
CLOSE

Most Read

go top
"""

JOONGANG_LIKE = """Ferry service resumes between the islands
본문 보기를 권장합니다: 이 기사는 자동 번역된 요약을 포함합니다.
Passengers lined up before dawn as the first ferry in a week left the harbour on Saturday morning.
The operator said all eight daily crossings would run again from Sunday, weather permitting.
Passengers lined up before dawn as the first ferry in a week left the harbour on Saturday morning.
The coast guard lifted its storm warning late on Friday after winds dropped below the safety limit.
BY KIM SO-YEON [kim.soyeon@example.co.kr]
Copyright © 코리아중앙데일리. 무단전재 및 재배포 금지.
- Actor couple announce surprise wedding
- Ten cafes worth the queue this autumn
- Baseball final goes to a seventh game
"""

AGGREGATOR_LIKE = """Rail strike ends after overnight talks

5 days ago 1204

By Choi Ha-neul

Union leaders and the rail operator reached a wage deal early on Tuesday, ending a strike that had halted commuter trains for four days.

Trains will run on a normal timetable from Wednesday, the operator said.

Source: koreatimes.co.kr
Read Entire Article Source

To remove this article - Removal Request
"""


@pytest.fixture(scope="module")
def portal():
    return clean_document(RawDocument(source="portal.txt", kind="text", text=PORTAL_DUMP))


def test_portal_dump_furniture_removed(portal):
    assert portal.title == "Flood barriers hold as river peaks in the capital"
    for junk in ("Settings", "font-size", "share button", "CLOSE", "Most Read", "go top"):
        assert junk not in portal.body
    assert portal.body.split("\n\n")[0] == (
        "City engineers said Thursday that the new barriers along the river held through the highest water level in a decade.")
    # hard-wrapped lines of one paragraph are joined
    assert ("about 30 centimeters below the top of the barriers that were finished last spring." in portal.body)
    assert portal.body.count("\n\n") == 3


def test_caption_printed_twice_goes_to_captions_once(portal):
    assert portal.captions == [
        "A worker checks a flood gate on the east bank of the river, Oct. 9, in this photo released by the city. Yonhap"]
    assert "flood gate" not in portal.body


def test_wire_credit(portal):
    assert portal.agency == "Yonhap"
    assert portal.language == "en"


def test_joongang_like_dump():
    art = clean_document(RawDocument(source="j.txt", kind="text", text=JOONGANG_LIKE))
    assert art.title == "Ferry service resumes between the islands"
    assert art.authors == ["Kim So-yeon"]
    assert art.outlet == "Korea JoongAng Daily"
    assert "본문" not in art.body and "무단전재" not in art.body and "@" not in art.body
    assert "Actor couple" not in art.body and "seventh game" not in art.body
    # a sentence a portal repeats above the body is kept once, in its body position
    paras = art.body.split("\n\n")
    assert paras == [
        "The operator said all eight daily crossings would run again from Sunday, weather permitting.",
        "Passengers lined up before dawn as the first ferry in a week left the harbour on Saturday morning.",
        "The coast guard lifted its storm warning late on Friday after winds dropped below the safety limit.",
    ]


def test_aggregator_like_dump_relative_date_needs_fetch_time():
    art = clean_document(RawDocument(source="a.txt", kind="text", text=AGGREGATOR_LIKE))
    assert art.authors == ["Choi Ha-neul"] and art.outlet == "The Korea Times"
    assert "5 days ago" not in art.body and "Removal Request" not in art.body and "Source:" not in art.body
    assert art.published is None and art.published_basis == "unknown"
    fetched = clean_document(RawDocument(source="a.txt", kind="text", text=AGGREGATOR_LIKE,
                                         fetched_at="2025-03-10T08:00:00+09:00"))
    assert (fetched.published, fetched.published_basis) == ("2025-03-05", "relative")
    assert fetched.published_evidence == "5 days ago (fetched 2025-03-10T08:00:00+09:00)"


def test_person_names():
    assert person_name("SEO JI-EUN") == "Seo Ji-eun"
    assert person_name("JEAN-PAUL MARTIN") == "Jean-Paul Martin"
    assert person_name("Lee Hyo-jin") == "Lee Hyo-jin"


def test_identity_is_normalised_body_hash():
    a = article_id("He said: “Go.”\n\nNext  line")
    assert a == article_id('he said: "go."  next line') and len(a) == 16
    assert line_key("It’s\u00a0“fine”") == "it's \"fine\""


def test_no_article_text_is_clean_error():
    with pytest.raises(CleanError, match=r"^x.txt: no article text found"):
        clean_document(RawDocument(source="x.txt", kind="text", text="Share\n\nX\n"))


def _body(tag: str, extra: str = "") -> str:
    words = " ".join(f"{tag}{(i * 7) % 50}" for i in range(120))
    return f"The wire story begins with the same sentences on every site. {words} {extra}"


def test_near_duplicates_linked_to_earliest_and_idempotent():
    from storyledger.model import Article
    base = _body("alpha")
    a = Article(id="a1", source="a", body=base + " Credit one.", published="2024-03-02", published_basis="explicit")
    b = Article(id="b1", source="b", body=base + " Credit two.", published="2024-03-01", published_basis="explicit")
    c = Article(id="c1", source="c", body=_body("beta", "entirely different"), published="2024-03-01", published_basis="explicit")
    changed = finalize_corpus([a, b, c])
    assert [(x.id, x.duplicate_of) for x in changed] == [("a1", "b1")]
    after = [changed[0], b, c]
    assert finalize_corpus(after) == []


def test_html_page_title_author_outlet_captions():
    html = """<!DOCTYPE html><html lang="en"><head><title>Lighthouse restored | Coast Gazette</title>
    <meta property="og:site_name" content="Coast Gazette">
    <meta name="author" content="Mira Olsen">
    <meta property="article:published_time" content="2023-06-14T09:00:00+00:00"></head>
    <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Lighthouse restored after two years of work</h1>
    <figure><img src="l.jpg"><figcaption>The lighthouse at dusk after its restoration.</figcaption></figure>
    <p>The old lighthouse on the northern cape shone again on Tuesday night after a two-year restoration paid for by local donors.</p>
    <p>Volunteers replaced the lens housing, repainted the tower and rebuilt the keeper's cottage, which will open as a small museum.</p>
    <p>The harbour master said the light would be switched on every evening through the summer season.</p>
    </article><footer>Copyright 2023 Coast Gazette. All rights reserved.</footer></body></html>"""
    art = clean_document(RawDocument(source="l.html", kind="html", html=html, url="https://www.coastgazette.example/news/l"))
    assert art.title == "Lighthouse restored after two years of work"
    assert art.authors == ["Mira Olsen"]
    assert art.outlet == "Coast Gazette"
    assert (art.published, art.published_basis) == ("2023-06-14T09:00:00+00:00", "explicit")
    assert art.published_evidence == "page metadata (meta article:published_time)"
    assert art.captions == ["The lighthouse at dusk after its restoration."]
    assert art.body.startswith("The old lighthouse on the northern cape shone again")
    assert "Home" not in art.body and "All rights reserved" not in art.body


# ---- the five real seeds (../shared), checked against the answer key -------------------------

def test_seed_titles_authors_outlets(cleaned_seeds):
    gold, arts = cleaned_seeds
    for name, g in gold.items():
        a = arts[name]
        assert line_key(a.title) == line_key(g["title"]), name
        if "authors" in g:
            assert a.authors == g["authors"], name
        if "outlet" in g:
            assert a.outlet == g["outlet"], name
        if "agency" in g:
            assert a.agency == g["agency"], name
        assert a.language == g["language"], name


def test_seed_furniture_removed_and_text_kept(cleaned_seeds):
    gold, arts = cleaned_seeds
    for name, g in gold.items():
        a = arts[name]
        body = line_key(a.body)
        whole = line_key("\n".join([a.body, *a.captions]))
        for s in g["must_keep"]:
            assert line_key(s) in body, (name, s)
        for s in g["at_most_once"]:
            assert whole.count(line_key(s)) == 1, (name, s)
        for s in g["must_remove"]:
            if line_key(s) == "close":
                # the answer key's substring test also hits "closely" in the kept text:
                # check the widget line itself is gone
                assert "\nCLOSE\n" not in "\n" + a.body + "\n", name
                continue
            assert line_key(s) not in body, (name, s)


def test_seed_captions_once(cleaned_seeds):
    _, arts = cleaned_seeds
    assert [len(arts[n].captions) for n in sorted(arts)] == [1, 1, 0, 1, 1]


MAGAZINE_DUMP = """Skip to main content
The Lakeside Herald
News | Region | Sport | Opinion

Home  Region  Weather  Traffic

Lakeside > Region

Ferry operator adds winter crossings after record autumn

Timetable change takes effect next month

Marta Lindqvist, Lakeside
Published 03.11.2023 14:20

[Share] [Post] [Email]

The ferry company said it would add four winter crossings a week after carrying more passengers this autumn than in any year since it was founded.

Managers said the extra sailings would run on weekday mornings, when commuters had complained of full boats.

Related
  › Bridge tolls to stay frozen
  › Harbour cafe wins regional prize

© 2023 Lakeside Herald Media Ltd or its affiliated companies. All rights reserved.
"""

WIRE_DUMP = """Northern Times
Politics | World

Dam inspectors find cracks after spring floods

Apr. 4, 2023 - 08:15 By Harbour Newswire

COASTVILLE, Apr. 4 (HNW) -- Inspectors found new cracks in the old river dam after the spring floods, the regional water board said on Tuesday.

The board said the dam remained safe but that repairs would start before the summer.
"""


def test_site_chrome_title_plain_byline_and_dotted_date():
    art = clean_document(RawDocument(source="m.txt", kind="text", text=MAGAZINE_DUMP))
    assert art.title == "Ferry operator adds winter crossings after record autumn"
    assert art.authors == ["Marta Lindqvist"]
    assert (art.published, art.published_basis) == ("2023-11-03", "explicit")
    assert art.outlet == "Lakeside Herald"          # the masthead, not the holding company
    assert art.body.split("\n\n") == [
        "Timetable change takes effect next month",
        "The ferry company said it would add four winter crossings a week after carrying more passengers this "
        "autumn than in any year since it was founded.",
        "Managers said the extra sailings would run on weekday mornings, when commuters had complained of full boats.",
    ]
    assert art.captions == []


def test_wire_byline_is_agency_not_author():
    art = clean_document(RawDocument(source="w.txt", kind="text", text=WIRE_DUMP))
    assert art.title == "Dam inspectors find cracks after spring floods"
    assert (art.authors, art.agency) == ([], "Harbour Newswire")
    assert art.published == "2023-04-04"
    assert art.body.startswith("COASTVILLE, Apr. 4 (HNW) -- Inspectors found new cracks")


def test_folder_readme_is_not_an_article(tmp_path):
    (tmp_path / "README.md").write_text("# About this corpus\n\nNotes for people.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(WIRE_DUMP, encoding="utf-8")
    items = list(iter_documents([tmp_path]))
    assert [Path(d.source).name for d in items if isinstance(d, RawDocument)] == ["a.txt"]
    # not read, but named (issue 11: nothing skipped in silence)
    assert [Path(d.source).name for d in items if not isinstance(d, RawDocument)] == ["README.md"]


# ---- credits: desk lines, meta lines, abbreviations a document spells out ------------------

AGGREGATOR_DUMP = """Lantern Wire Digest
Home  World  Science  Sport

Glacier retreat measured at record pace in the northern valleys

2 days ago · Lantern Wire Digest Desk · 3 min read

Survey teams measured the glacier's front at its furthest point back since records began, the regional climate office said in its yearly report.

The office said the ice had lost about forty metres of length over the summer, twice the average of the past decade.
"""

ABBREVIATION_DUMP = """River ports reopen after the spring floods

RIVERTON, May 3 (NRS) -- Both river ports reopened to cargo barges on Wednesday after the water fell below the warning mark, port officials said.

The Northern Radio Service (NRS) reported that the first barges left the lower port before dawn.
"""


def test_meta_line_gives_relative_date_and_desk_outlet():
    raw = RawDocument(source="d.txt", kind="text", text=AGGREGATOR_DUMP, fetched_at="2023-09-14T08:00:00Z")
    art = clean_document(raw)
    assert (art.published, art.published_basis) == ("2023-09-12", "relative")
    assert art.published_evidence == "2 days ago (fetched 2023-09-14T08:00:00Z)"
    assert art.outlet == "Lantern Wire Digest"
    assert art.authors == []
    assert "min read" not in art.body
    # without a fetch time the phrase dates nothing
    assert clean_document(raw.model_copy(update={"fetched_at": None})).published_basis == "unknown"


def test_wire_abbreviation_defined_in_the_text():
    art = clean_document(RawDocument(source="r.txt", kind="text", text=ABBREVIATION_DUMP))
    assert art.agency == "Northern Radio Service"


def test_wire_abbreviation_fits_the_pages_own_name():
    html = """<!DOCTYPE html><html><head><title>River ports reopen | Northern Radio Service</title>
    <meta property="og:site_name" content="Northern Radio Service"></head><body><article>
    <h1>River ports reopen</h1>
    <p>RIVERTON, May 3 (NRS) -- Both river ports reopened to cargo barges on Wednesday after the water fell below the warning mark, port officials said.</p>
    <p>The first barges left the lower port before dawn, and the upper port expects its own first departures on Thursday morning.</p>
    </article></body></html>"""
    art = clean_document(RawDocument(source="r.html", kind="html", html=html, url="https://nrs.example/ports"))
    assert (art.outlet, art.agency) == ("Northern Radio Service", "Northern Radio Service")


def test_abbreviation_fits():
    from storyledger.clean.text import abbreviation_fits, expand_abbreviation
    assert abbreviation_fits("PNW", "Pacific Newswire")
    assert abbreviation_fits("KCNA", "Korean Central News Agency")
    assert not abbreviation_fits("AP", "Pacific")
    assert not abbreviation_fits("NRS", "Radio Service")        # the first letter must open the name
    assert expand_abbreviation("NRS", "A report by the Northern Radio Service (NRS) said") == "Northern Radio Service"
    assert expand_abbreviation("XYZ", "nothing here", ("Harbor Ledger",)) is None


def test_a_list_of_labelled_numbers_under_a_lead_in_is_kept():
    # "Label: N" lines a line ending in a colon introduces are data; the same short line alone is a widget
    text = ("Storm response grows as river crests\n\nBy Ana Ruiz\n\nThe river crested overnight at the old bridge, "
            "and crews worked through the night to shore up the levee, the county said on Friday.\n\n"
            "Resources at the levee, according to the county:\nVolunteers: 85\nSandbag trucks: 12\n\n"
            "The county said more help would arrive on Saturday morning from the state capital.\n\nViews: 120\n")
    body = parse_text(text).paragraphs
    assert "Volunteers: 85" in body and "Sandbag trucks: 12" in body
    assert "Views: 120" not in body


def test_an_issuer_line_under_a_short_report_head_is_no_headline():
    # "Ministry of ..." under a short head credits the report; it is not its headline
    page = ("Cholera: weekly bulletin\n\nMinistry of Health and Sanitation\nIssued: 12 June 2025\n\n"
            "152 new cases of cholera were reported during the week, bringing the total since January to 2,310, "
            "the ministry said in its weekly update.\n\nThree deaths were recorded in the northern districts, where "
            "water supplies remain contaminated after the floods.\n")
    parsed = parse_text(page)
    assert parsed.title == "Cholera: weekly bulletin"
    assert parsed.authors == ["Ministry of Health and Sanitation"]
