"""Text dumps of layouts the seeds never showed: scraper date lines, stamps glued to headlines,
today-widgets above the headline, pages without a headline, teasers, site prompts. The pages
are written for these tests (no published text)."""
from __future__ import annotations

from storyledger.clean import clean_document, finalize_corpus
from storyledger.clean.text import PASSES, parse_text
from storyledger.model import Article, RawDocument

LEDE = ("The harbour board said on Tuesday that the north pier would stay shut for repairs until the "
        "spring, after divers found cracks in three of its supporting columns.")
MORE = ("Ferry crews will use the south landing in the meantime, and the board expects crossings to take "
        "about ten minutes longer while the work goes on.")
LAST = ("Engineers plan to replace the columns one at a time so that the fishing fleet can keep part of "
        "the pier for unloading through the winter.")


def _clean(text: str, **kw) -> Article:
    return clean_document(RawDocument(source="mem.txt", kind="text", text=text, **kw))


def test_scraper_date_line_is_the_stores_date_and_leaves_the_text():
    a = _clean(f" date 2023-02-08 Harbour pier to stay shut until spring\n{LEDE}\n{MORE}\n{LAST}\n")
    assert (a.published, a.published_basis, a.published_evidence) == ("2023-02-08", "explicit", "date 2023-02-08")
    assert a.title == "Harbour pier to stay shut until spring"
    assert a.body.startswith("The harbour board said")


def test_stamp_glued_to_the_headline_is_cut_off_and_dates_the_page():
    a = _clean(f"Harbour pier to stay shut until spring Wednesday, February 8, 2023 10:15:00 AM\n\n{LEDE}\n\n{MORE}\n")
    assert a.title == "Harbour pier to stay shut until spring"
    assert a.published == "2023-02-08"


def test_todays_date_above_the_headline_yields_to_the_byline_date():
    page = (f"Become a member of the Harbour Gazette today\nMonday, May 6, 2024\n\nHarbour pier to stay shut until spring\n\n"
            f"by Tomas EkFebruary 8, 2023 9:47 pm\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n")
    a = _clean(page)
    assert a.title == "Harbour pier to stay shut until spring"
    assert (a.published, a.authors) == ("2023-02-08", ["Tomas Ek"])
    above = [c for c in a.published_candidates if c.date == "2024-05-06"]
    assert above and not above[0].taken and above[0].why == "printed above the headline"


def test_stamp_with_place_and_desk_is_a_dateline():
    a = _clean(f"Harbour pier to stay shut until spring\n\nGazette - Portside Wed 08 Feb 2023, 12:36 AM\n\n{LEDE}\n\n{MORE}\n")
    assert a.published == "2023-02-08"
    assert "Portside Wed" not in a.body


def test_page_that_begins_with_prose_has_no_headline():
    a = _clean(f"{LEDE}\n{MORE}\n{LAST}\nMore from the coast\nStorm closes ferry route\n")
    assert a.title is None
    assert a.body.startswith("The harbour board said")


def test_caption_above_the_byline_is_not_the_body_start():
    page = (f"Harbour pier to stay shut until spring\nDivers found cracks in three columns\n"
            f"Divers prepare to inspect the north pier's columns from a small boat in the harbour on a grey morning (Ann Berg/Gazette)\n"
            f"By Tomas Ek | tomas@gazette.example\nPUBLISHED: February 8, 2023 at 4:56 p.m.\n\n{LEDE}\n\n{MORE}\n")
    a = _clean(page)
    assert a.title == "Harbour pier to stay shut until spring"
    assert (a.published, a.authors) == ("2023-02-08", ["Tomas Ek"])
    assert "Ann Berg" not in a.body


def test_teaser_repeating_the_body_is_kept_once():
    teaser = LEDE + " " + MORE
    a = _clean(f"Harbour pier to stay shut until spring\n{teaser}\n{LEDE}\n{MORE}\n{LAST}\n")
    assert a.body.count("supporting columns") == 1
    assert a.body.count("south landing") == 1


def test_site_prompts_are_furniture_and_prose_beside_them_stays():
    page = (f"Harbour pier to stay shut until spring\n{LEDE}\n{MORE}\n"
            "The Harbour Gazette is now on WhatsApp. Click to join.\n"
            "Support independent journalism: make a donation today\n"
            "Please register, subscribe, or log in to comment on this article.\n"
            f"{LAST}\n"
            "Please wait while we load the latest comments...\n")
    a = _clean(page)
    assert a.body.split("\n\n") == [LEDE, MORE, LAST]


def test_stray_markup_in_a_dump_is_dropped_and_the_caption_seen_twice():
    cap = "Divers at the north pier on a grey morning"
    a = _clean(f"Harbour pier to stay shut until spring\n\n<p>{cap}</p>\n\n{cap}\n\n{LEDE}\n\n{MORE}\n")
    assert "<p>" not in a.body and "</p>" not in a.body
    assert cap not in a.body and a.captions == [cap]


def test_weekday_alone_leaves_the_date_unknown_even_with_siblings():
    sib = Article(id="s1", source="s", body="x " * 30, published="2023-02-08", published_basis="explicit")
    a = _clean(f"Harbour pier to stay shut until spring\n\n{LEDE}\n\n{MORE}\n")
    assert a.published is None
    # the siblings give it no date, only the window its own year-less dates are read in
    changed = finalize_corpus([sib, a])
    assert [(c.published, c.date_window) for c in changed] == [(None, ["2022-12-10", "2023-04-09"])]


def test_passes_run_in_their_listed_order():
    names = [p.__name__ for p in PASSES]
    assert names.index("_mark_lines") < names.index("_find_title") < names.index("_join_paragraphs")
    assert parse_text(f"Harbour pier to stay shut until spring\n\n{LEDE}\n").title == "Harbour pier to stay shut until spring"


def test_published_and_updated_on_different_days_gives_the_published_day():
    a = _clean(f"Harbour pier to stay shut until spring\n\nPublished: February 8, 2023 | Updated: February 9, 2023\n\n{LEDE}\n\n{MORE}\n")
    assert a.published == "2023-02-08"


def test_update_stamp_alone_or_disagreeing_dates_settle_nothing():
    a = _clean(f"Harbour pier to stay shut until spring\n\nUpdated February 9, 2023\n\n{LEDE}\n\n{MORE}\n")
    assert (a.published, a.published_basis) == (None, "unknown")
    assert a.published_candidates[0].why.startswith("not settled: an update stamp")
    b = _clean(f"Harbour pier to stay shut until spring\n\nFebruary 8, 2023\n\nMarch 2, 2023\n\n{LEDE}\n\n{MORE}\n")
    assert b.published is None and {c.date for c in b.published_candidates} == {"2023-02-08", "2023-03-02"}


def test_report_shows_the_candidates_of_an_unknown_date(tmp_path):
    from storyledger.report import render_report
    from storyledger.store import LedgerStore

    a = _clean(f"Harbour pier to stay shut until spring\n\nUpdated February 9, 2023\n\n{LEDE}\n\n{MORE}\n")
    with LedgerStore(tmp_path / "l.db") as st:
        st.put_article(a)
        html = render_report(st)
    assert "date unknown" in html and "(candidates: 2023-02-09)" in html
    assert "an update stamp" in html


def test_site_prompts_are_never_the_headline_and_cjk_prose_is_an_article():
    page = f"Sign in to read the Harbour Gazette\nHarbour pier to stay shut until spring\n\nBy Tomas Ek\n\n{LEDE}\n\n{MORE}\n"
    assert _clean(page).title == "Harbour pier to stay shut until spring"
    # Chinese prose has no spaces between words: two characters count as one word
    zh = "港口管理局周二表示，北码头将关闭维修至明年春天，潜水员在三根支撑柱上发现了裂缝。"
    a = _clean(f"北码头关闭至春天\n\n{zh}\n\n{zh[:-1]}，渡轮将改用南码头。\n")
    assert a.body.startswith("港口管理局")


def test_armenian_full_stop_ends_a_sentence():
    hy = "Նավահանգստի վարչությունը երեքշաբթի հայտնել է, որ հյուսիսային նավամատույցը փակ կմնա մինչև գարուն։"
    hy2 = "Լաստանավերը ժամանակավորապես կօգտվեն հարավային նավամատույցից, և ուղևորությունը կերկարի մոտ տասը րոպեով։"
    a = _clean(f"Նավամատույցը փակ կմնա\n\n{hy}\n\n{hy2}\n")
    assert a.body.split("\n\n") == [hy, hy2]


def test_one_paragraph_cut_off_mid_word_is_still_an_article():
    cut = (LEDE + " " + MORE[:-30]).rstrip()
    a = _clean(f" date 2023-02-08 Harbour pier to stay shut until spring\n{cut}")
    assert a.title == "Harbour pier to stay shut until spring"
    assert a.body == cut and a.published == "2023-02-08"


def test_cookie_banner_at_the_end_of_a_dump_goes_at_any_length():
    banner = ("We use cookies to ensure that we give you the best experience on our website and to show you "
              "offers that may interest you. If you continue to use this site we will assume that you are happy with it.Ok")
    a = _clean(f"Harbour pier to stay shut until spring\n\n{LEDE}\n\n{MORE}\n\n{banner}")
    assert a.body.split("\n\n") == [LEDE, MORE]


def test_slashed_dates_read_only_when_day_and_month_cannot_be_confused():
    from storyledger.clean import dates
    assert dates.dateline("22/11/2020 - 04:30 - Fonte: Agencia") == ("2020-11-22", "22/11/2020 - 04:30 - Fonte: Agencia")
    assert dates.dateline("11/20/2019 01:14 PM")[0] == "2019-11-20"
    assert dates.dateline("05/06/2020") is None            # May 6 or 5 June: unknown beats wrong
    assert dates.dateline("Ann Lee | TNN | Apr 7, 2020, 15:43 IST")[0] == "2020-04-07"


def test_headline_next_to_the_body_beats_a_site_tagline_above_a_menu():
    # no byline or date: the tagline is a headline's shape too, but it stands at the top of a menu
    # and shares no words with the lead; the headline stands over the body and shares "pier"
    page = ("Your guide to every harbour on the coast\nNews\nSport\nWeather\nFerries\nContact\n\n"
            f"Harbour pier to stay shut until spring\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n")
    assert _clean(page).title == "Harbour pier to stay shut until spring"


def test_a_sign_in_notice_above_the_headline_is_not_the_body():
    # the notice is sentences, but a short run of them: the article's prose starts under the headline
    page = ("Thank you for visiting. Your browser is out of date and some parts of this site may not "
            "look right until you update it to a newer version.\nYou can keep reading in the meantime, "
            "but menus and pictures may not work as they should.\n\nNews\n\nHarbour pier to stay shut "
            f"until spring\nHarbour Gazette\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n\n{LEDE.replace('north', 'east')}\n")
    assert _clean(page).title == "Harbour pier to stay shut until spring"


def test_a_headline_may_end_with_an_abbreviation():
    page = f"Your guide to every harbour\nNews\n\nPier shut after cracks found in columns Tues.\n\nby Tomas Ek\n\n{LEDE}\n\n{MORE}\n"
    assert _clean(page).title == "Pier shut after cracks found in columns Tues."


def test_a_two_word_headline_right_over_a_lead_that_names_it():
    page = f"Home\nAbout\nArchive\n\nPier repairs\n\n{LEDE} {MORE}\n\n{LAST}\n"
    assert _clean(page).title == "Pier repairs"


def test_a_date_above_the_headline_beats_a_promo_past_the_menu():
    page = ("Learn to sail with our free courses\nCourses\nEvents\nBlog\nSupport\n\n8 February 2023\n"
            f"Harbour pier to stay shut until spring\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n")
    assert _clean(page).title == "Harbour pier to stay shut until spring"


def test_copy_cut_mid_word_keeps_its_last_sentence_but_not_a_headline_list():
    cut = ("The board said on Wednesday evening that the cracks found in the columns along the north side "
           "have spread by approximately 30 centimetres in recent days, with a senior enginee")
    a = _clean(f"Harbour pier to stay shut until spring\n\n{LEDE}\n\n{MORE}\n\n{cut}\n")
    assert a.body.endswith("with a senior enginee")
    teasers = ("Why The New Ferry Timetable Will Change Every Crossing On The North Side Of The Bay And "
               "What It Means For Commuters Who Use The Early Boats Every Morni")
    b = _clean(f"Harbour pier to stay shut until spring\n\n{LEDE}\n\n{MORE}\n\n{teasers}\n")
    assert b.body.endswith(MORE)


STANDFIRST = "With the north pier closed, ferries move to the south landing for the winter."


def test_names_over_the_date_are_the_byline_not_the_headline():
    # headline printed twice around a photo credit, a standfirst, then names without "By" over the date
    page = (f"Menu\nHarbour pier to stay shut until spring\nDivers at the north pier. Photo: Ida Holm/Gazette\n"
            f"Harbour pier to stay shut until spring\n\n{STANDFIRST}\n\nTomas Ek, Ida Holm\nFebruary 8 2023, 3:18 p.m.\n\n"
            f"{LEDE}\n\n{MORE}\n\n{LAST}\n")
    a = _clean(page)
    assert (a.title, a.published) == ("Harbour pier to stay shut until spring", "2023-02-08")
    assert "Tomas Ek" in a.authors


def test_a_short_title_case_headline_over_its_date_stays_the_headline():
    a = _clean(f"Menu\nPier Stays Shut\nFebruary 8, 2023\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n")
    assert (a.title, a.published) == ("Pier Stays Shut", "2023-02-08")


def test_byline_signed_with_a_full_stop_and_reading_time_and_crumbs_are_furniture():
    page = (f"You are here: Home / Local / Harbour / Harbour pier to stay shut until spring\n"
            f"Harbour pier to stay shut until spring\nBy Tomas Ek.\nReading Time: 3 mins read\n\n"
            f"{LEDE}\n\n{MORE}\n\n{LAST}\n")
    a = _clean(page)
    assert a.title == "Harbour pier to stay shut until spring"
    assert a.authors == ["Tomas Ek"]
    assert "Reading" not in a.body and "You are here" not in a.body


def test_by_a_weekday_with_a_full_stop_is_a_sentence_not_a_byline():
    a = _clean(f"Harbour pier to stay shut until spring\n\n{LEDE}\n\nBy Monday.\n\n{MORE}\n")
    assert a.authors == []


def test_short_english_lines_full_of_names_are_not_foreign():
    from storyledger.clean.language import is_foreign_line
    # lingua's fast mode reads this as Spanish; a short line in the article's script stays
    assert not is_foreign_line("Detroit’s Mezcal restaurant goes beyond familiar Mexican fare", "en")
    # a long line in another language, and a line in another script, still go
    assert is_foreign_line("La ciudad celebra su festival anual de música con conciertos gratuitos "
                           "en todas las plazas este fin de semana", "en")
    assert is_foreign_line("이 기사는 회원에게만 제공됩니다", "en")


def test_the_headline_is_the_line_of_the_run_printed_twice():
    # kicker quote over the headline; the headline also sits in the site's sticky bar
    page = ("Harbour pier to stay shut until spring\nNews\nSports\nWeather\nOpinion\nSign in\n"
            "'We cannot risk another winter on those columns'\nHarbour pier to stay shut until spring\n"
            "Board says the ferry landing moves south while divers finish their survey\n"
            f"By Tomas Ek 8 February 2023, 3:51 pm\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n")
    a = _clean(page)
    assert (a.title, a.published) == ("Harbour pier to stay shut until spring", "2023-02-08")


def test_controls_contact_lines_and_report_downloads_are_furniture():
    page = (f"Harbour pier to stay shut until spring\n\nFormat: Situation Report\n\nSkip next section\n\n"
            f"Refresh for updates\n\nFollow The Harbour Gazette on Google News\n\n{LEDE}\n\n{MORE}\n\n"
            f"Click here to report a typo.\n\nFor further information, please contact:\n\n"
            f"Press office, Harbour Board, press@harbourboard.example\n\nDownload report (PDF | 1.2 MB)\n\n{LAST}\n")
    a = _clean(page)
    assert a.title == "Harbour pier to stay shut until spring"
    assert a.body == "\n\n".join([LEDE, MORE, LAST])


def test_the_bullets_under_key_points_sum_up_below_the_headline():
    page = (f"Harbour pier to stay shut until spring\n\nKey points\n\nDivers found cracks in three supporting columns\n"
            f"Ferries will use the south landing\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n")
    a = _clean(page)
    assert a.title == "Harbour pier to stay shut until spring"
    assert a.body.startswith("Divers found cracks in three supporting columns")


def test_date_in_another_language_dates_the_page_and_a_foto_credit_is_no_headline():
    # Spanish byline and date; the photo credit over it says "Foto:" as most languages but English do
    page = ("Deportes\n“Seguiremos en el puerto”: the harbour board on the pier repairs\n"
            "Divers found cracks in three of the columns under the north pier last week\n"
            "Ana Ruiz\nFoto: Ana Ruiz / Agencia Sur\nPor: Agencia Sur | 8 de Febrero 2023\n\n"
            f"{LEDE}\n\n{MORE}\n\n{LAST}\n")
    a = _clean(page)
    assert a.title == "“Seguiremos en el puerto”: the harbour board on the pier repairs"
    assert (a.published, a.published_basis) == ("2023-02-08", "explicit")
    assert "Foto:" not in a.body


def test_slashed_date_either_way_is_settled_by_the_weekday_the_story_reports():
    page = ("Harbour pier to stay shut until spring\n\n05/04/2025 - 09:10\n\n"
            f"{LEDE.replace('on Tuesday', 'on Sunday')}\n\n{MORE}\n\n{LAST}\n")
    assert _clean(page).published == "2025-05-04"          # 4 May 2025 a Sunday; 5 April a Saturday
    assert _clean(page.replace("on Sunday", "")).published is None


def test_comment_counts_print_links_author_boxes_and_follow_prompts_are_furniture():
    page = ("Harbour pier to stay shut until spring\n\nShare 12\nComments (5)\nPrint this page\n\n"
            f"{LEDE}\n\n{MORE}\n\n{LAST}\n\n"
            "About the author: Tomas Ek covers the harbour and the ferries for the Gazette.\n\n"
            "Follow the Harbour Board on X and Facebook for updates.\n\nComments(7)\n")
    a = _clean(page)
    assert a.body == "\n\n".join([LEDE, MORE, LAST])


def test_a_long_menu_row_is_no_body():
    # a menu of sections in one line, past the twelve words a short nav line has
    row = "COAST Ferries | Fishing | Boatyards | Tides | Weather | Harbour Board | Letters | Old Photos | Church Events | Sports Clubs"
    a = _clean(f"Harbour pier to stay shut until spring\n\n{LEDE}\n\n{row}\n\n{MORE}\n\n{LAST}\n")
    assert a.title == "Harbour pier to stay shut until spring"
    assert a.body == "\n\n".join([LEDE, MORE, LAST])
