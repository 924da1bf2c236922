"""Headline choice on text dumps of layouts met on public pages (issue 9 item 3): crumb trails
ending with the headline, controls read out, menus glued without spaces, labelled headlines.
The pages are written for these tests (no published text)."""
from __future__ import annotations

import pytest

from storyledger.clean.text import Unit, _control_line, _crumb_tails, _ends_naming, _glued_links

from tests.test_unseen_layouts import LAST, LEDE, MORE, _clean


def test_a_crumb_trail_ending_with_the_headline_names_it():
    page = ("Skip to main content\nHarbour Gazette\nNews\nPorts\nWeather\n"
            "Home News Ports North Pier To Stay Shut\n41\nNORTH PIER TO STAY SHUT UNTIL SPRING\n"
            "Divers found cracks in three supporting columns of the old pier.\n"
            f"By Tomas Ek 8 February 2023\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n")
    assert _clean(page).title == "NORTH PIER TO STAY SHUT UNTIL SPRING"


def test_a_glued_crumb_ending_with_the_headline_names_it():
    page = ("Harbour Gazette The Port Town Paper\nNews\nPorts\nWeather\nSport\n"
            "Harbour GazettePortsPier Repairs\nPier Repairs\n\n"
            f"{LEDE}\n\n{MORE}\n\n{LAST}\n")
    assert _clean(page).title == "Pier Repairs"


def test_crumb_tails_need_a_trail_before_them():
    assert _ends_naming("Home Reviews Strategy Through The Darkest Hours", "Through the Darkest Hours review")
    assert _ends_naming("Harbour GazettePortsPier Repairs", "Pier Repairs")
    assert not _ends_naming("Follow The Harbour", "The Harbour")               # one word before it
    assert not _ends_naming("North New Jersey", "New Jersey Harbour News")     # two words of a longer line
    assert not _ends_naming("Walls, ceilings and dry systems", "Dry systems and more")
    assert not _ends_naming("US / English  US / English", "US / English")     # one line printed twice


def test_controls_and_glued_menus_are_not_headlines():
    assert _control_line("Close this search box.") and _control_line("pause play Hide Box Show Box")
    assert not _control_line("Search for missing divers goes on") and not _control_line("Play")
    assert _glued_links("NewsPortsWeatherSportOpinion") and _glued_links("Select a country *NorwaySwedenDenmark")
    assert not _glued_links("JavaScript tips for the McDonald family") and not _glued_links("Ann LeeFebruary 8, 2023")
    page = ("Search\nClose this search box.\nNews\nPorts\nWeather\n"
            f"Harbour pier to stay shut until spring\nBy Tomas Ek\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n")
    assert _clean(page).title == "Harbour pier to stay shut until spring"


def test_a_labelled_headline_over_its_byline_is_the_headline():
    page = (f"News\nPorts\nWeather\nVIDEO: Divers inspect the north pier\nBy Tomas Ek\n"
            f"Published February 8, 2023\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n")
    a = _clean(page)
    assert (a.title, a.published) == ("VIDEO: Divers inspect the north pier", "2023-02-08")


def test_a_byline_glued_to_its_date_without_by_dates_the_article_under_its_headline():
    page = ("Ports\nMore ports news\nFerry fares to rise in March\nJanuary 30, 2023\nNew crane arrives at the south quay\n"
            "February 2, 2023\nWeather\nTomas Ek\nHarbour pier to stay shut until spring\nAnn LeeFebruary 8, 2023\n\n"
            f"{LEDE}\n\n{MORE}\n\n{LAST}\n")
    a = _clean(page)
    assert (a.title, a.published, a.authors) == ("Harbour pier to stay shut until spring", "2023-02-08", ["Ann Lee"])


def test_in_a_page_opening_with_other_stories_the_headline_stands_over_its_own_standfirst_and_byline():
    # a list of other stories with bylines above; the article's Title Case headline ends with a
    # question mark (no sentence of body), its standfirst has the byline right under it
    page = ("POLITICS\nWill the Harbour Board Sell the Old Ferry Terminal This Year?\nBy Bo Park\n"
            "PORTS\nNew crane arrives at the south quay\nBy Ann Lee\n"
            "PORTS\nWill the North Pier Stay Shut Until the Spring Storms Are Over?\n"
            "Divers found cracks in three of the columns that hold up the old pier.\nby Tomas Ek\n"
            f"February 8, 2023\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n")
    a = _clean(page)
    assert (a.title, a.published) == ("Will the North Pier Stay Shut Until the Spring Storms Are Over?", "2023-02-08")


def test_a_site_tagline_opening_the_run_over_the_byline_yields_to_the_headline():
    # tagline and headline both over the byline: the tagline shares no word with the lead
    page = ("Art\nTravel\nFood\nCoastal Daily – Art, Design, Travel, Food and Culture !\n"
            "Harbour pier to stay shut until spring\nBy\nTomas Ek\nFebruary 8, 2023\n\n"
            f"{LEDE}\n\n{MORE}\n\n{LAST}\n")
    assert _clean(page).title == "Harbour pier to stay shut until spring"


def test_a_headline_sharing_no_word_with_the_lead_keeps_its_standfirst_below_it():
    page = ("News\nPorts\nWhy the old piers of our coast crack\n"
            "The harbour board said the north pier will stay shut until the spring after divers found cracks\n"
            f"By Tomas Ek\nFebruary 8, 2023\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n")
    assert _clean(page).title == "Why the old piers of our coast crack"


def test_prose_of_a_script_without_full_stops_is_an_article():
    # Thai ends a sentence with a space: a page of it is read, not skipped as "no article"
    one = ("ฝนตกหนักในเมืองท่าเมื่อวันอังคาร ทำให้ถนนหลายสายมีน้ำท่วมขัง และการจราจรติดขัดเป็นเวลาหลายชั่วโมง "
           "เจ้าหน้าที่ท่าเรือกล่าวว่าท่าเทียบเรือด้านเหนือจะปิดซ่อมจนถึงฤดูใบไม้ผลิ")
    two = ("เรือข้ามฟากจะใช้ท่าเรือด้านใต้แทนในระหว่างนี้ และคาดว่าการเดินทางจะใช้เวลานานขึ้นประมาณสิบนาที "
           "วิศวกรจะเปลี่ยนเสาทีละต้นเพื่อให้เรือประมงยังใช้ท่าได้บางส่วน")
    page = f"Home\nContact\nเรือข้ามฟากหยุดวิ่งชั่วคราว\n\n{one}\n\n{two}\n"
    a = _clean(page)
    assert (a.title, a.body) == ("เรือข้ามฟากหยุดวิ่งชั่วคราว", f"{one}\n\n{two}")


def test_the_article_is_the_main_prose_under_its_byline_not_a_short_promo_run_above_it():
    # a newsletter box of two sentences with no byline, a menu, then the article under its byline
    page = ("Home\nNews\nFerries\nHarbour Gazette Daily Briefing\n"
            "Every morning we gather the most important stories from the coast and send them to readers.\n"
            "Nothing else lands in your mail, and you can leave the list whenever you want to leave it.\n"
            "Weather\nSport\nOpinion\nHarbour pier to stay shut until spring\nBy Tomas Ek\nFebruary 8, 2023\n\n"
            f"{LEDE}\n\n{MORE}\n\n{LAST}\n\n{LEDE.replace('north', 'east')}\n\n{MORE.replace('south', 'west')}\n")
    a = _clean(page)
    assert (a.title, a.published) == ("Harbour pier to stay shut until spring", "2023-02-08")
    assert a.body.startswith("The harbour board said")


def test_a_headline_ending_with_a_full_stop_stands_over_its_standfirst():
    page = ("NEWS\nPORTS\nDivers found the old pier cracked. Now it must close.\n"
            "The north pier, patched after every storm for forty years, will stay shut until the spring while "
            "engineers replace three of its columns one by one?\nMonday, 6 February 2023\nBy Tomas Ek\n\n"
            f"{LEDE}\n\n{MORE}\n\n{LAST}\n")
    assert _clean(page).title == "Divers found the old pier cracked. Now it must close."


def test_a_kicker_over_a_long_headline_is_no_headline():
    page = ("NEWS\nPORTS\nPIER CRACKS FOUND\nHarbour pier to stay shut until spring after divers find cracks in three "
            f"of the columns that hold it up\nMonday, 6 February 2023\nBy Tomas Ek\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n")
    assert _clean(page).title == ("Harbour pier to stay shut until spring after divers find cracks in three "
                                  "of the columns that hold it up")


def test_a_comments_header_quoting_the_headline_names_it_past_a_sidebar_above():
    # a blog's sidebar (an author box, links) stands above every line of the post; where the
    # comments begin, the page quotes its own headline
    page = ("Skip to content\nTomas Ek's notebook\nTomas Ek writes about harbours, ferries and the people who run them.\n"
            "Recent posts\nFerry fares to rise in March\nNew crane arrives at the south quay\n"
            "Ports and piers: what the divers saw\n\n"
            f"{LEDE}\n\n{MORE}\n\n{LAST}\n\n"
            "3 thoughts on “Ports and piers: what the divers saw”\nAnn Lee says:\nGood to read this.\n")
    a = _clean(page)
    assert a.title == "Ports and piers: what the divers saw"
    assert a.body.startswith("The harbour board said") and "Recent posts" not in a.body


def test_a_quoted_headline_with_a_site_suffix_is_the_headline_as_printed():
    page = ("Search for:\nHome Ferries Piers Weather About Contact\n"
            "How to Inspect a Pier Column | Step-by-Step Guide\nRECENT POSTS\nFerry fares to rise in March\n\n"
            f"{LEDE}\n\n{MORE}\n\n{LAST}\n\n"
            "One thought on “How to Inspect a Pier Column | Step-by-Step Guide”\nBo Park says:\nThanks!\n")
    assert _clean(page).title == "How to Inspect a Pier Column | Step-by-Step Guide"


def test_a_quote_the_page_does_not_print_as_a_line_names_nothing():
    # the header's quote is no line of the page: the headline is found as on any page
    page = (f"Harbour pier to stay shut until spring\nBy Tomas Ek\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n\n"
            "2 responses to “Pier closed”\n")
    assert _clean(page).title == "Harbour pier to stay shut until spring"


def test_a_section_heading_printed_twice_is_not_the_headline_the_lead_names():
    # "Our latest picks" heads the list of picks the page prints again lower down; the headline
    # under it names what the lead is about
    page = ("News\nPorts\nWeather\nSport\nOur latest picks from the coast\nNorth pier cracks keep divers busy\n"
            f"Reviews\nBy Tomas Ek\nFebruary 8, 2023\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n\n"
            "Our latest picks from the coast\nFerry fares to rise in March\nNew crane arrives at the south quay\n")
    assert _clean(page).title == "North pier cracks keep divers busy"


def test_a_menu_item_over_a_date_printed_above_the_headline_is_no_headline():
    page = ("Home\nPodcasts\nGreen Room\nMorning Show Now\nEye on Ports\nHarbour Gazette February 8, 2023, 7:57 AM\n"
            f"Harbour pier to stay shut until spring\nShare\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n")
    assert _clean(page).title == "Harbour pier to stay shut until spring"


def test_a_byline_under_a_rule_of_dashes_is_a_byline_not_the_headline():
    page = ("Dictionary\nSearch\nBooks\nPiers and the columns under them\n---- by Tomas Ek\n\n"
            f"{LEDE}\n\n{MORE}\n\n{LAST}\n")
    a = _clean(page)
    assert (a.title, a.authors) == ("Piers and the columns under them", ["Tomas Ek"])


def test_a_blogs_tagline_under_its_name_yields_to_the_posts_headline():
    # the tagline shares a word with the lead (the blog is about harbours); the post's headline,
    # shorter and under it, shares more
    page = ("Harbour Blog\nThe latest news and notes from the board on the harbour and its piers and ferries\n"
            "North pier shut for column repairs\nFebruary 8, 2023\nPosted by Tomas Ek, harbour team\n\n"
            f"{LEDE}\n\n{MORE}\n\n{LAST}\n")
    assert _clean(page).title == "North pier shut for column repairs"


def test_a_headline_over_a_longer_standfirst_at_the_top_of_the_page_stays():
    page = ("North pier shut for repairs\n"
            "The harbour board keeps the north pier shut while divers check the columns and ferries move south\n"
            f"February 8, 2023\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n")
    assert _clean(page).title == "North pier shut for repairs"


def test_a_wiki_page_heading_is_the_line_over_the_wikis_name():
    page = ("Harbour Wiki\nNavigation\nRecent changes\nPiers\nFrom Harbour Wiki\nJump to: navigation, search\n"
            f"Piers\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n")
    a = _clean(page)
    assert a.title == "Piers" and "From Harbour Wiki" not in a.body


def test_a_date_pickers_today_and_a_sections_todays_link_are_no_stamps():
    # "Today" over "Tomorrow" is a picker's choice; "Today's Paper" a menu's link: neither anchors
    # the headline next to it, the headline over the body stands
    for widget in ("Type the name of your station\nToday\nTomorrow\n", "Type the name of your station\nToday's Paper\n"):
        page = (f"Harbour Gazette\n{widget}Home\nPorts\nWeather\nFerries\n"
                f"North pier to stay shut until spring\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n")
        a = _clean(page)
        assert (a.title, a.published) == ("North pier to stay shut until spring", None)
    page = f"Harbour Gazette\nNorth pier to stay shut until spring\nToday 9:40 AM\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n"
    assert _clean(page).title == "North pier to stay shut until spring"


def test_a_two_word_headline_among_menu_links_when_nothing_else_reads_as_one():
    page = f"Toggle navigation\nBio\nBlog\nContact\nPier repairs\nblog\n\n{LEDE} {MORE}\n\n{LAST}\n"
    assert _clean(page).title == "Pier repairs"
    # another headline-like line above the body wins over a two-word menu item
    page = f"Bio\nBlog\nContact\nThe harbour board and its piers\nPier repairs\nblog\n\n{LEDE} {MORE}\n\n{LAST}\n"
    assert _clean(page).title == "The harbour board and its piers"


def test_a_two_word_headline_under_the_date_when_no_longer_headline_follows():
    # a newsletter's name under its date, the writer's name over the lead
    lead = ("Hello again from Harbour Weekly. Thanks for subscribing.\n\nThe north pier stays shut for repairs "
            "until the spring, after divers found cracks in three of its supporting columns, the harbour board said.")
    page = f"Sections\nSign up\nFebruary 8, 2023\nHarbour Weekly\nSubscribe\nTomas Ek\n\n{lead}\n\n{MORE}\n\n{LAST}\n"
    assert _clean(page).title == "Harbour Weekly"
    # a section's name under the date, over a longer headline: the headline
    page = (f"Sections\nSign up\nFebruary 8, 2023\nHarbour Weekly\nNorth pier shut for the winter\n\n"
            f"{lead}\n\n{MORE}\n\n{LAST}\n")
    assert _clean(page).title == "North pier shut for the winter"


def test_a_crumb_naming_the_headline_past_a_row_of_tabs():
    tabs = "Try Now\nOverview\nSpecs\nSupport\n"
    page = (f"Products\nPartners\nToggle menu Overview Harbour Pier Planner 5 for Ferries\n{tabs}"
            f"Harbour Pier Planner 5 for Ferries\nPlan your berths\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n")
    assert _clean(page).title == "Harbour Pier Planner 5 for Ferries"
    # a sentence between them: no trail ends there
    lines = ["Toggle menu Overview Harbour Pier Planner 5 for Ferries", "Try Now", "Overview",
             "The planner was sold out in a day.", "Harbour Pier Planner 5 for Ferries"]
    units = [Unit(t, 0, False) for t in lines]
    assert _crumb_tails(units, list(range(5))) == {}
    units[3] = Unit("Specs", 0, False)
    assert _crumb_tails(units, list(range(5))) == {0: 4}


def test_a_page_printing_its_own_address_names_its_headline():
    page = ("Harbour Wiki\nHarbour Books and Their Authors\nThe Pier Stories Collection\n"
            "Guide to the Lighthouses of the Coast\nNorth Pier Repairs\nEnglish\nDeutsch\nEdit\n"
            f"Contents\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n\n"
            "Retrieved from \"https://harbour.example/wiki/North_Pier_Repairs?oldid=12\"\n")
    a = _clean(page)
    assert a.title == "North Pier Repairs" and "Guide to the Lighthouses" not in a.body
    # a pingback quoting the post's address, an id before its words; a sidebar's saying above
    page = ("Harbour Notes\nOther posts\nThe ferry timetable for the winter\nFerry fares to rise in March\n\n"
            "Skipper: the sea gives and the sea takes, and a wise crew never forgets which of the two it "
            "is doing today.\n\nJoin our group here: https://social.example/groups/harbour and click Join.\n"
            "Archives\nWordPress\nNorth pier to stay shut until spring\nPosted on Maret 8, 2023 by Admin\n\n"
            f"{LEDE}\n\n{MORE}\n\n{LAST}\n\n"
            "[…] https://harbour.example/2023/02/08/1044-north-pier-to-stay-shut-until-spring/ […]\n")
    assert _clean(page).title == "North pier to stay shut until spring"
    # an address spelling no line of the page says nothing
    page = f"Harbour Notes\nNorth pier to stay shut until spring\n\n{LEDE}\n\nhttps://harbour.example/ferries-south/\n"
    assert _clean(page).title == "North pier to stay shut until spring"


# a reporter's name over the date is printed once: the run over the menu stands
@pytest.mark.parametrize("over_date, title", [("North pier columns", "North pier columns"),
                                              ("by: Tomas Ekberg", "Stories of the Old Town")])
def test_a_short_headline_over_its_date_past_a_menu_when_the_body_repeats_its_words(over_date, title):
    menu = "Home\nPoems\nAbout\nDonate\nStories of the Old Town\nBy Ann\nLetters from the Coast\nConnect\nMenu\n"
    body = (f"{LEDE}\n\nThe pier has stood for a century, and the harbour board wants it to stand for another.\n\n"
            f"{MORE}\n\nDivers will go down again in March to look at the columns of the north pier.\n\n{LAST}\n")
    assert _clean(f"{menu}{over_date}\nFebruary 8, 2023\n\n{body}").title == title


def test_a_blogs_name_over_the_post_date_yields_to_the_post_title_under_it():
    page = ("HARBOUR NOTES The Complete Ferry Log\nHere is where I write about boats and the sea.\n"
            "Wednesday, February 8, 2023\nNorth Pier Columns Under Repair\nNorth pier columns under repair\n"
            "1 Introduction\nDivers found cracks in three supporting columns of the north\n"
            "pier this week, and the board closed it.\n")
    assert _clean(page).title == "North Pier Columns Under Repair"
    # a headline opening the page, its date and a caption under it: the headline stays
    page = ("Harbour board shuts the north pier until spring\nDivers found cracks in three columns\n"
            "Tomas Ek\nWednesday 8 February 2023 10:26\nA diver under the north pier on 7 February 2023\n"
            f"A diver under the north pier on 7 February 2023\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n")
    assert _clean(page).title == "Harbour board shuts the north pier until spring"


def test_a_short_headline_over_its_standfirst_over_a_byline_dated_with_am_or_on():
    menu = "Rubriken\nEssay\nLyrik\nSachbuch\nMenü\nAktuellEssayLyrik\n"
    stand = ("In seinem neuen Buch erkundet Tomas Ek die Geschichte der Häfen zwischen Handel und "
             "Fernweh, Arbeit und Abschied.")
    body = ("Das Thema der Häfen beschäftigt den Autor seit vielen Jahren, und er hat darüber schon "
            "zwei Bücher geschrieben, die viel gelesen wurden.\n\nSchon in seiner ersten Studie hatte er "
            "gezeigt, dass die Häfen mehr sind als Orte des Handels, und dass sie Städte formen.\n\n"
            "Nun legt er ein drittes Buch vor, das die Geschichte bis in die Gegenwart erzählt und dabei "
            "viele Stimmen zu Wort kommen lässt.\n")
    a = _clean(f"Magazin für Literatur und Gegenwart\n{menu}Stilles Fernweh\n{stand}\n"
               f"Ann Lee am 8. Februar 2023\n\n{body}")
    assert (a.title, a.published, a.authors) == ("Stilles Fernweh", "2023-02-08", ["Ann Lee"])
    a = _clean(f"Harbour Gazette\n{menu}Pier Repairs\n{LEDE}\nAnn Lee on 8 February 2023\n\n{MORE}\n\n{LAST}\n")
    assert (a.title, a.published, a.authors) == ("Pier Repairs", "2023-02-08", ["Ann Lee"])


# a site's funding line under the date is an appeal; a headline whose last word dangles (a logo
# after it gone) yields to its whole copy printed above it
_FUNDED = ("A non-profit newsroom\nNEWS\nNorth pier to stay shut until spring\nBy\nAnn Lee\nand\nBo Park\n"
           "Published Feb 8, 2023\nHarbour Gazette is funded by sponsors and member donations\n\n"
           f"{LEDE}\n\n{MORE}\n\n{LAST}\n")
_RECIPE = ("Recipes\nMain Course\nGrilled Fish with Lemon Rice\n0:15\n4.7 stars\nINGREDIENTS\n"
           "Grilled Fish with Lemon Rice with\nNUTRITION\nGrilled Fish with Lemon Rice with\n"
           "2 fillets of white fish\n1 lemon\n\n"
           "Grill the fish over a high heat for four minutes on each side, until it is golden and flakes "
           "easily, then rest it for a minute.\n\nMeanwhile, cook the rice in salted water with the lemon zest "
           "for twelve minutes, drain it and stir through the juice of the lemon.\n")


@pytest.mark.parametrize("page, title", [(_FUNDED, "North pier to stay shut until spring"),
                                         (_RECIPE, "Grilled Fish with Lemon Rice")], ids=["funding", "dangling"])
def test_a_funding_line_is_no_headline_and_a_dangling_one_yields_to_its_whole_copy(page, title):
    assert _clean(page).title == title
