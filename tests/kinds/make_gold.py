"""Writes gold.json for the story-kind pages (our own texts, issue 9 round 8). Run: python3 make_gold.py"""
import json, pathlib

F = []
def f(art, value, measure, qual, source, as_of, **kw):
    d = {"id": f"{art[:2]}_{len(F)}", "article": art, "qualifier": qual if isinstance(qual, list) else [qual],
         "measure": measure, "source": source, "as_of": as_of}
    if isinstance(value, tuple):
        d["low"], d["high"] = value
    else:
        d["value"] = value
    d.update(kw)
    F.append(d)

A = {}
def art(name, title, published, note="", must_remove=(), must_keep=()):
    A[name] = {"title": title, "published": published, "published_tolerance_days": 1,
               "published_accept_null": False, "published_note": note, "language": "en",
               "must_remove": list(must_remove), "must_keep": list(must_keep), "at_most_once": []}

EX, AL, AP, AM = "exact", "at_least", "approximately", "at_most"

a = "01_outbreak_cholera.txt"
art(a, "Cholera toll climbs to 112 as outbreak reaches three more districts", "2025-03-14",
    must_remove=["Share on Facebook", "Sign up for our newsletter", "Read more: Floods leave thousands"],
    must_keep=["The death toll from a cholera outbreak in central Malawi climbed to 112 on Thursday"])
f(a, 112, "killed", EX, "health ministry", ["2025-03-13", "2025-03-13"])
f(a, 4310, "affected", EX, "health ministry", ["2025-01-20", "2025-03-14"])
f(a, 900, ["wounded", "affected"], [AP, AM], "health ministry", ["2025-03-13", "2025-03-14"])
f(a, 2950, "other", EX, "health ministry", ["2025-03-13", "2025-03-14"])
f(a, 12, "killed", EX, "health officials", ["2025-03-13", "2025-03-14"])
f(a, 40, "other", EX, "World Health Organization", ["2025-03-13", "2025-03-14"])
f(a, 3200000, "other", EX, None, ["2025-03-13", "2025-03-14"])
f(a, 1700, "killed", AL, None, ["2024-01-01", "2024-12-31"])

a = "02_localtv_festival-shooting.txt"
art(a, "Police: 4 dead, 11 wounded in shooting at riverside festival; suspect in custody", "2025-06-08",
    must_remove=["Copy Link", "Copyright 2025 by KHRL", "RELATED: Harlow council"],
    must_keep=["Four people were killed and 11 others wounded when a gunman opened fire"])
f(a, 4, "killed", EX, "police", ["2025-06-07", "2025-06-08"])
f(a, 11, "wounded", EX, "police", ["2025-06-07", "2025-06-08"])
f(a, 24, "other", EX, "Denise Ruiz", ["2025-06-07", "2025-06-08"])
f(a, 60, "other", AL, "Denise Ruiz", ["2025-06-07", "2025-06-08"])
f(a, 3, "wounded", EX, "hospital spokesperson", ["2025-06-07", "2025-06-08"])
f(a, 51, "other", EX, None, ["2025-06-07", "2025-06-08"])
f(a, 17, "other", EX, "Denise Ruiz", ["2025-06-07", "2025-06-08"])

a = "03_wire_quake-toll.txt"
art(a, "Quake death toll passes 300 in mountain districts, thousands homeless", "2023-11-05",
    must_remove=["Share this article", "Aid trucks stuck as landslides cut mountain road"],
    must_keep=["More than 1,200 people were injured"])
f(a, 312, "killed", EX, "officials", ["2023-11-05", "2023-11-05"])
f(a, 300, "killed", AL, None, ["2023-11-05", "2023-11-05"])
f(a, 1200, "wounded", AL, "National Disaster Risk Reduction and Management Authority", ["2023-11-03", "2023-11-05"])
f(a, (40, 60), ["missing", "other"], "range", "police spokesman", ["2023-11-05", "2023-11-05"])
f(a, 85, "other", EX, "defence ministry", ["2023-11-03", "2023-11-05"])
f(a, 8000, "other", AL, None, ["2023-11-03", "2023-11-05"])
f(a, 35000, "displaced", AP, None, ["2023-11-03", "2023-11-05"])
f(a, 500000, "other", EX, None, ["2023-11-04", "2023-11-04"])
f(a, 9000, "killed", [AP, AM], None, ["2015-01-01", "2015-12-31"])

a = "04_liveblog_canyon-fire.txt"
art(a, "Live updates: Canyon Fire grows to 48,000 acres, forcing thousands to flee", "2024-08-12",
    must_remove=["Sign up for our daily newsletter", "Read more: How to pack a go-bag"],
    must_keep=["the Canyon Fire had burned 48,200 acres"])
f(a, 48200, "other", EX, "Cal Fire", ["2024-08-12", "2024-08-12"])
f(a, 2100, "deployed", AL, "Cal Fire", ["2024-08-12", "2024-08-12"])
f(a, 1400, "deployed", AP, "Cal Fire", ["2024-08-10", "2024-08-10"])
f(a, 16000, "evacuated", AP, "Shasta County Sheriff's Office", ["2024-08-12", "2024-08-12"])
f(a, 9000, ["other", "affected"], EX, "Shasta County Sheriff's Office", ["2024-08-12", "2024-08-12"])
f(a, 230, "other", AL, "damage inspection teams", ["2024-08-11", "2024-08-12"])
f(a, 140, "other", EX, "damage inspection teams", ["2024-08-11", "2024-08-12"])
f(a, 2, "wounded", EX, "officials", ["2024-08-11", "2024-08-11"])
f(a, 1, "killed", EX, "Shasta County Sheriff's Office", ["2024-08-11", "2024-08-11"])
f(a, 27000, "other", AP, "PG&E", ["2024-08-10", "2024-08-12"])

a = "05_paper_shipwreck.txt"
art(a, "At least 11 dead and dozens missing after migrant boat sinks off Italian coast", "2024-06-20",
    must_remove=["Explore more on these topics", "Reuse this content"],
    must_keep=["Twelve survivors were rescued by a merchant ship on Monday"])
f(a, 11, "killed", AL, "coastguard", ["2024-06-17", "2024-06-20"])
f(a, 64, "missing", EX, "coastguard", ["2024-06-17", "2024-06-20"])
f(a, 12, "other", EX, None, ["2024-06-17", "2024-06-17"])
f(a, 75, "other", AP, "survivors", ["2024-06-09", "2024-06-20"])
f(a, 26, "missing", AL, "Médecins Sans Frontières", ["2024-06-17", "2024-06-20"])
f(a, 2500, ["killed", "missing"], AL, "International Organization for Migration", ["2024-01-01", "2024-06-20"])

a = "06_wire_mine-flood.txt"
art(a, "Coal mine flood leaves 9 dead, 14 trapped underground", "2024-02-26",
    must_remove=["Share this story", "Related: Gas blast kills 12"],
    must_keep=["Nine miners were killed and 14 remained trapped"])
f(a, 9, "killed", EX, "local emergency management bureau", ["2024-02-26", "2024-02-26"])
f(a, 14, ["missing", "other"], EX, "local emergency management bureau", ["2024-02-26", "2024-02-26"])
f(a, 104, "other", EX, "CCTV", ["2024-02-26", "2024-02-26"])
f(a, 500, "deployed", AL, "provincial government", ["2024-02-26", "2024-02-26"])
f(a, 30, "other", EX, "provincial government", ["2024-02-26", "2024-02-26"])
f(a, 2000, "other", AP, "provincial government", ["2024-02-26", "2024-02-26"])
f(a, 5000, "killed", AL, "official data", ["2000-01-01", "2006-12-31"])
f(a, 245, "killed", EX, "official data", ["2023-01-01", "2023-12-31"])

a = "07_daily_heatwave.txt"
art(a, "Heatwave: 54 deaths in a week as mercury touches 49°C", "2024-06-02",
    must_remove=["Share via WhatsApp", "Also Read | Power demand hits record"],
    must_keep=["At least 54 people have died of suspected heatstroke across the state in the past week"])
f(a, 54, "killed", AL, "officials", ["2024-05-25", "2024-06-01"])
f(a, 49, "other", EX, None, ["2024-05-25", "2024-06-02"])
f(a, 312, ["wounded", "affected"], EX, "state health department", ["2024-05-25", "2024-05-31"])
f(a, 17, "killed", EX, "chief electoral officer", ["2024-05-31", "2024-05-31"])
f(a, 23, ["wounded", "affected"], EX, "chief electoral officer", ["2024-05-31", "2024-06-02"])
f(a, 20, "other", EX, "senior health official", ["2024-06-01", "2024-06-02"])
f(a, 37, "other", EX, None, ["2024-06-01", "2024-06-01"])

a = "08_broadcaster_pension-protests.txt"
art(a, "France: 150 arrested as pension protests turn violent in Paris", "2023-03-07",
    must_remove=["More on this story", "Macron refuses to back down"],
    must_keep=["Police arrested 150 people in Paris on Tuesday evening"])
f(a, 150, "captured", EX, "Gérald Darmanin", ["2023-03-07", "2023-03-07"])
f(a, 42, "wounded", EX, "Gérald Darmanin", ["2023-03-07", "2023-03-07"])
f(a, 1280000, ["deployed", "other"], EX, "interior ministry", ["2023-03-07", "2023-03-07"])
f(a, 3500000, ["deployed", "other"], AL, "CGT", ["2023-03-07", "2023-03-07"])
f(a, 700000, ["deployed", "other"], AP, "CGT", ["2023-03-07", "2023-03-07"])
f(a, 81000, ["deployed", "other"], EX, "police", ["2023-03-07", "2023-03-07"])
f(a, 5600, "other", AP, "City Hall", ["2023-03-07", "2023-03-08"])
f(a, 31, "captured", EX, "Paris prosecutor's office", ["2023-03-08", "2023-03-08"])
f(a, 62, "other", [EX, "range"], None, ["2023-03-07", "2023-03-08"])
f(a, 2, "wounded", EX, "Gérald Darmanin", ["2023-03-07", "2023-03-07"])

a = "09_liveblog_prisoner-swap.txt"
art(a, "Russia-Ukraine war live: 230 prisoners freed in swap; Kyiv says 1,100 Russian troops lost in a day",
    "2025-01-12", must_remove=["Stay connected", "Follow us on Facebook and X"],
    must_keep=["Ukraine and Russia have each released 115 prisoners of war"])
f(a, 115, ["captured", "other"], EX, "Volodymyr Zelenskyy", ["2025-01-12", "2025-01-12"])
f(a, 1120, "killed_or_wounded", EX, "Ukrainian General Staff", ["2025-01-11", "2025-01-12"])
f(a, 812000, "killed_or_wounded", EX, "Ukrainian General Staff", ["2025-01-11", "2025-01-12"])
f(a, 12, "captured", EX, "Russian Defence Ministry", ["2025-01-11", "2025-01-12"])
f(a, 340, "killed", AM, "Russian Defence Ministry", ["2025-01-11", "2025-01-12"])
f(a, 13, "killed", EX, "Ivan Fedorov", ["2025-01-11", "2025-01-11"])
f(a, 29, "wounded", EX, "Ivan Fedorov", ["2025-01-11", "2025-01-11"])
f(a, 4, "wounded", EX, "Ivan Fedorov", ["2025-01-11", "2025-01-11"])
f(a, 230, ["captured", "other"], EX, None, ["2025-01-12", "2025-01-12"])
f(a, 12300, "killed", AL, "United Nations", ["2025-01-01", "2025-01-12"])

a = "10_wire_hostages-freed.txt"
art(a, "Gunmen free 62 schoolchildren abducted in northwest Nigeria, but 25 still held", "2024-11-14",
    must_remove=["Advertisement", "More from AP News"],
    must_keep=["The children, aged between 10 and 16, were released in a forest"])
f(a, 62, "captured", EX, "Yahaya Sarki", ["2024-11-07", "2024-11-14"])
f(a, 25, "captured", EX, "Yahaya Sarki", ["2024-11-14", "2024-11-14"])
f(a, 100000000, "other", EX, "security officials", ["2024-11-14", "2024-11-14"])
f(a, 87, "captured", EX, "police", ["2024-11-08", "2024-11-08"])
f(a, 4, "captured", EX, "police", ["2024-11-08", "2024-11-08"])
f(a, 1500, "captured", AL, "Amnesty International", ["2014-01-01", "2024-11-14"])
f(a, 276, "captured", EX, None, ["2014-01-01", "2014-12-31"])

SOURCES = {
    "health ministry": ["health ministry", "Ministry of Health", "ministry"],
    "health officials": ["health officials"],
    "World Health Organization": ["World Health Organization", "WHO"],
    "police": ["police", "Harlow police", "Denise Ruiz", "Police Chief"],
    "Denise Ruiz": ["Denise Ruiz", "Ruiz", "Police Chief", "chief"],
    "hospital spokesperson": ["hospital spokesperson", "Mercy Regional Medical Center"],
    "officials": ["officials"],
    "National Disaster Risk Reduction and Management Authority": ["National Disaster Risk Reduction and Management Authority"],
    "police spokesman": ["police spokesman"],
    "defence ministry": ["defence ministry", "Ministry of Defence"],
    "Cal Fire": ["Cal Fire"],
    "Shasta County Sheriff's Office": ["Shasta County Sheriff's Office", "sheriff's office", "Shasta County Sheriff"],
    "damage inspection teams": ["damage inspection teams"],
    "PG&E": ["PG&E"],
    "coastguard": ["coastguard", "Italian coastguard", "coast guard"],
    "Médecins Sans Frontières": ["Médecins Sans Frontières", "MSF", "charity"],
    "survivors": ["survivors", "Médecins Sans Frontières", "MSF"],
    "International Organization for Migration": ["International Organization for Migration", "IOM"],
    "local emergency management bureau": ["local emergency management bureau", "emergency management bureau"],
    "CCTV": ["CCTV"],
    "provincial government": ["provincial government"],
    "official data": ["official data"],
    "state health department": ["state health department", "health department"],
    "chief electoral officer": ["chief electoral officer", "chief electoral officer's office"],
    "senior health official": ["senior health official", "health official"],
    "Gérald Darmanin": ["Gérald Darmanin", "Darmanin", "Interior Minister", "interior ministry"],
    "interior ministry": ["interior ministry", "ministry", "Gérald Darmanin", "Darmanin"],
    "CGT": ["CGT", "union"],
    "City Hall": ["City Hall"],
    "Paris prosecutor's office": ["Paris prosecutor's office", "prosecutor's office"],
    "Volodymyr Zelenskyy": ["Volodymyr Zelenskyy", "Zelenskyy", "Volodymyr Zelensky"],
    "Ukrainian General Staff": ["Ukrainian General Staff", "General Staff", "General Staff of the Armed Forces of Ukraine"],
    "Russian Defence Ministry": ["Russian Defence Ministry", "Russian Ministry of Defence", "Russia's defence ministry", "defence ministry"],
    "Ivan Fedorov": ["Ivan Fedorov", "Fedorov"],
    "United Nations": ["United Nations", "UN", "United Nations human rights monitoring mission", "Human Rights Monitoring Mission"],
    "Yahaya Sarki": ["Yahaya Sarki", "Sarki", "state government spokesman", "spokesman"],
    "security officials": ["security officials", "Two security officials"],
    "Amnesty International": ["Amnesty International", "Amnesty"],
}
# added in round 12 (ids above unchanged): the treated are counted as the hospitalised are ("01": 900)
a = "07_daily_heatwave.txt"
f(a, 1890, ["wounded", "affected"], EX, "state health department", ["2024-05-25", "2024-05-31"])

# --- round 12, helper kinds2: ten more story kinds (pages 11-20). Appended: ids are positional.
# Measures where the contract leaves a choice: homes/businesses/customers "without power" count no
# people (other); people "in shelters" are displaced; migrants who arrived, were deported, rescued or
# pulled alive, passengers on board, survivors, discharged patients stay other; arrested/detained are
# captured; "would be sent", "were to be sent" are planned; outbreak hospitalisations are wounded or
# affected (either is fair). Pages 17 and 20 print no date: as_of only from dates the text spells out.
a = "11_wire_hurricane-landfall.txt"
art(a, "Hurricane Dana slams into Louisiana coast, cutting power to more than a million", "2025-09-28",
    must_remove=["Our Standards: The Thomson Reuters Trust Principles", "Read more: Why Gulf storms", "LinkedIn"],
    must_keep=["Hurricane Dana made landfall near Grand Isle, Louisiana, early on Sunday"])
f(a, 1200000, "other", AL, "PowerOutage.us", ["2025-09-28", "2025-09-28"])
f(a, 4, "killed", AL, "state officials", ["2025-09-27", "2025-09-28"])
f(a, 250000, "evacuated", AP, None, ["2025-09-25", "2025-09-28"])
f(a, 9300, "displaced", AP, "American Red Cross", ["2025-09-27", "2025-09-28"])
f(a, 140, "other", EX, "American Red Cross", ["2025-09-27", "2025-09-28"])
f(a, 37, "other", EX, "U.S. Coast Guard", ["2025-09-28", "2025-09-28"])
f(a, 16000, "deployed", [AP, AM], "Entergy", ["2025-09-28", "2025-09-28"])
f(a, 22, "other", EX, "Entergy", ["2025-09-28", "2025-09-28"])
f(a, 120, "other", EX, "National Hurricane Center", ["2025-09-28", "2025-09-28"])
f(a, 15, "other", AM, None, ["2025-09-28", "2025-09-29"])
f(a, 25, "other", EX, None, ["2025-09-28", "2025-09-28"])
f(a, 1500, "planned", EX, "Federal Emergency Management Agency", ["2025-09-28", "2025-09-28"])
f(a, 18, "other", AP, "offshore regulator", ["2025-09-27", "2025-09-27"])

a = "12_paper_canary-arrivals.txt"
art(a, "Canary Islands arrivals surpass 30,000 as Atlantic route heads for record year", "2025-10-06",
    must_remove=["Explore more on these topics", "Reuse this content", "Most viewed"],
    must_keep=["More than 1,400 people arrived on the small island of El Hierro"])
f(a, 30000, "other", AL, "interior ministry", ["2025-01-01", "2025-10-06"])
f(a, 1400, "other", AL, "Salvamento Marítimo", ["2025-10-04", "2025-10-05"])
f(a, 19, "other", EX, "Salvamento Marítimo", ["2025-10-04", "2025-10-05"])
f(a, 231, "other", EX, None, ["2025-10-04", "2025-10-05"])
f(a, 48, "other", EX, None, ["2025-10-04", "2025-10-05"])
f(a, 2, "killed", EX, "regional health service", ["2025-10-04", "2025-10-06"])
f(a, 17, "wounded", EX, "regional health service", ["2025-10-04", "2025-10-06"])
f(a, 60, "killed", AM, "Caminando Fronteras", ["2025-09-27", "2025-10-06"])
f(a, 4800, ["killed", "missing"], [EX, AP], "Caminando Fronteras", ["2025-01-01", "2025-08-31"])
f(a, 5100, ["killed", "missing"], EX, "Caminando Fronteras", ["2025-01-01", "2025-08-31"])
f(a, 1050, "other", EX, "interior ministry", ["2025-01-01", "2025-08-31"])
f(a, 5700, ["displaced", "other"], AP, "Fernando Clavijo", ["2025-10-06", "2025-10-06"])

a = "13_liveblog_building-collapse.txt"
art(a, "Lagos building collapse live: death toll rises to 19 as rescuers search rubble for trapped workers",
    "2025-10-14", must_remove=["Share this post", "Refresh for updates", "Sign up for our Breaking News alerts",
                               "Read more: Why buildings keep falling"],
    must_keep=["Between 30 and 50 workers are still unaccounted for"])
f(a, 19, "killed", EX, "Lagos State Emergency Management Agency", ["2025-10-14", "2025-10-14"])
f(a, 31, "other", EX, "Olufemi Oke-Osanyintolu", ["2025-10-13", "2025-10-14"])
f(a, (30, 50), "missing", "range", "site supervisor", ["2025-10-14", "2025-10-14"])
f(a, 110, "other", AP, "site supervisor", ["2025-10-13", "2025-10-13"])
f(a, 14, "wounded", EX, "Lagos Island General Hospital", ["2025-10-14", "2025-10-14"])
f(a, 2, "wounded", EX, "Lagos Island General Hospital", ["2025-10-14", "2025-10-14"])
f(a, 9, ["wounded", "other"], EX, None, ["2025-10-13", "2025-10-14"])
f(a, 12, "killed", EX, "Benjamin Hundeyin", ["2025-10-13", "2025-10-14"])   # "by midnight" after Monday: the turn of the day
f(a, 25, "other", EX, "Benjamin Hundeyin", ["2025-10-13", "2025-10-14"])
f(a, 3, "captured", EX, "Lagos police", ["2025-10-14", "2025-10-14"])

a = "14_localtv_plant-explosion.txt"
art(a, "2 dead, 9 hurt after explosion at Pasadena chemical plant; shelter-in-place lifted", "2025-03-11",
    must_remove=["Copyright 2025 WKTV", "Click here to report a typo", "Download the WKTV News app",
                 "ADVERTISEMENT", "Copy Link"],
    must_keep=["Two workers were killed and nine others were hurt Monday night"])
f(a, 2, "killed", EX, "Laurie Christensen", ["2025-03-10", "2025-03-11"])
f(a, 9, "wounded", EX, "Laurie Christensen", ["2025-03-10", "2025-03-11"])
f(a, 5, "wounded", EX, "fire marshal's office", ["2025-03-10", "2025-03-11"])
f(a, 3, "wounded", EX, "hospital spokesperson", ["2025-03-11", "2025-03-11"])
f(a, 4000, "other", AP, None, ["2025-03-10", "2025-03-11"])
f(a, 63, "other", EX, "Bayline", ["2025-03-10", "2025-03-10"])
f(a, 6, "other", EX, None, ["2025-03-11", "2025-03-11"])   # the district acts; no one tells it
f(a, 4, "planned", EX, "U.S. Chemical Safety Board", ["2025-03-11", "2025-03-11"])
f(a, 7, "wounded", EX, "federal records", ["2022-01-01", "2022-12-31"])

a = "15_wire_train-derailment.txt"
art(a, "Pakistan train derailment kills at least 30, more than 100 injured", "2025-08-03",
    must_remove=["Read also:", "Pakistan raises fuel prices", "© 2025 AFP"],
    must_keep=["At least 30 people were killed and more than 100 injured on Sunday"])
f(a, 30, "killed", AL, "railway officials", ["2025-08-03", "2025-08-03"])
f(a, 100, "wounded", AL, "railway officials", ["2025-08-03", "2025-08-03"])
f(a, 108, "wounded", EX, "Mohsin Siyal", ["2025-08-03", "2025-08-03"])
f(a, 22, "killed", EX, "police", ["2025-08-03", "2025-08-03"])
f(a, 10, "other", EX, "railway officials", ["2025-08-03", "2025-08-03"])
f(a, 1000, "other", AP, "railway spokesman", ["2025-08-03", "2025-08-03"])
f(a, 200, "deployed", AP, "military's media wing", ["2025-08-03", "2025-08-03"])
f(a, 1500000, "other", EX, "Muhammad Hanif Abbasi", ["2025-08-03", "2025-08-03"])
f(a, 60, "killed", AL, None, ["2021-06-01", "2021-06-30"])

a = "16_daily_dengue-hospitals.txt"
art(a, "Dengue: 11 more deaths, 2,904 hospitalised in 24 hours", "2025-09-18",
    must_remove=["Follow The Daily Star on Google News", "Related topic:"],
    must_keep=["Eleven more people died of dengue in the 24 hours to 8am on Thursday"])
f(a, 11, "killed", EX, "DGHS", ["2025-09-17", "2025-09-18"])
f(a, 287, "killed", EX, "DGHS", ["2025-01-01", "2025-09-18"])
f(a, 2904, ["wounded", "affected"], EX, "DGHS", ["2025-09-17", "2025-09-18"])
f(a, 1122, ["wounded", "affected"], EX, "DGHS", ["2025-09-17", "2025-09-18"])
f(a, 9870, ["wounded", "affected"], EX, None, ["2025-09-18", "2025-09-18"])   # a paragraph with no teller
f(a, 4310, ["wounded", "affected"], EX, None, ["2025-09-18", "2025-09-18"])
f(a, 61455, ["wounded", "affected"], EX, "DGHS", ["2025-01-01", "2025-09-18"])
f(a, 58300, "other", EX, "DGHS", ["2025-01-01", "2025-09-18"])
f(a, 310, ["wounded", "affected"], EX, "Nazmul Karim", ["2025-09-18", "2025-09-18"])
f(a, 150, "other", EX, "Nazmul Karim", ["2025-09-18", "2025-09-18"])
f(a, 18, "other", EX, "IEDCR", ["2025-08-01", "2025-08-31"])
f(a, 1705, "killed", EX, None, ["2023-01-01", "2023-12-31"])
f(a, 321000, ["wounded", "affected"], AL, None, ["2023-01-01", "2023-12-31"])

a = "17_un_displacement-flash-update.txt"
art(a, "Sudan: Displacement from El Fasher and surrounding areas - Flash Update No. 3", None,
    note="the page prints no date of its own; the text's dates are of the events",
    must_remove=["For further information, please contact", "Download report", "ochasudan@un.org",
                 "Format: Situation Report"],
    must_keep=["Fighting in and around El Fasher, the capital of North Darfur State"])
f(a, 42000, "displaced", AL, "International Organization for Migration", ["2025-05-02", "2025-05-08"])
f(a, 115, "killed", AL, "Sudan Doctors Network", ["2025-05-01", "2025-05-09"])
f(a, 380, "wounded", [AL, EX], "Sudan Doctors Network", ["2025-05-01", "2025-05-09"])
f(a, 320000, "displaced", AP, "UNHCR", ["2025-05-08", "2025-05-08"])
f(a, 210000, "displaced", EX, "UNHCR", ["2025-03-25", "2025-03-31"])
f(a, 47000, ["affected", "other"], EX, None, ["2025-05-03", "2025-05-08"])
f(a, 212, "wounded", EX, "Médecins Sans Frontières", ["2025-05-01", "2025-05-08"])
f(a, 64, "wounded", EX, "Médecins Sans Frontières", ["2025-05-01", "2025-05-08"])
f(a, 4200000000, "other", EX, None, ["2025-01-01", "2025-12-31"])

a = "18_broadcaster_election-unrest.txt"
art(a, "Mozambique: Deaths and mass arrests as post-election protests spread", "2024-10-26",
    must_remove=["Skip next section", "DW recommends", "Send us your feedback", "Permalink"],
    must_keep=["At least 21 people have been killed in clashes between police and protesters"])
f(a, 21, "killed", AL, "CDD", ["2024-10-24", "2024-10-26"])
f(a, 163, "captured", EX, "CDD", ["2024-10-24", "2024-10-26"])
f(a, 40, "captured", EX, "CDD", ["2024-10-24", "2024-10-26"])
f(a, 300, "captured", AL, "Orlando Mudumane", ["2024-10-24", "2024-10-26"])
f(a, 57, "wounded", EX, "hospital officials", ["2024-10-26", "2024-10-26"])
f(a, 20, "other", EX, "National Elections Commission", ["2024-10-24", "2024-10-26"])
f(a, 2000, "deployed", EX, "Mozambique government", ["2024-10-24", "2024-10-26"])
f(a, 1500, "planned", EX, "Mozambique government", ["2024-10-26", "2024-10-27"])
f(a, 14, "killed", AL, "Human Rights Watch", ["2024-10-24", "2024-10-26"])
f(a, 70, "other", AL, None, ["2024-10-24", "2024-10-26"])

a = "19_wire_myanmar-airstrike.txt"
art(a, "Myanmar military air strike on village kills at least 27, resistance group says", "2025-11-17",
    must_remove=["Copyright 2025 The Associated Press", "This material may not be published", "Link copied"],
    must_keep=["An air strike by Myanmar's military on a village in the central Sagaing region"])
f(a, 27, "killed", AL, "resistance group", ["2025-11-14", "2025-11-16"])
f(a, 9, "killed", EX, "resistance group", ["2025-11-14", "2025-11-16"])
f(a, 31, "killed", EX, "Democratic Voice of Burma", ["2025-11-15", "2025-11-16"])
f(a, 300, "displaced", AP, "Ko Thura", ["2025-11-14", "2025-11-17"])
f(a, 40, "wounded", AL, "Ko Thura", ["2025-11-14", "2025-11-17"])
f(a, 45, "killed", AP, "MRTV", ["2025-11-15", "2025-11-15"])
f(a, 150, "captured", EX, "Arakan Army", ["2025-11-14", "2025-11-17"])
f(a, 3500000, "displaced", AL, "United Nations", ["2021-02-01", "2025-11-17"])
f(a, 7100, "killed", AL, "Assistance Association for Political Prisoners", ["2021-02-01", "2025-11-17"])
f(a, 29000, "captured", AL, "Assistance Association for Political Prisoners", ["2021-02-01", "2025-11-17"])

a = "20_site_plane-crash.txt"
art(a, "Seven dead as passenger jet breaks apart on landing at snowbound Surgut airport", None,
    note="the page prints no date of its own; the text's dates are of the events",
    must_remove=["Tags: aviation", "Sign up to our newsletter", "Read more: Why Russia's airlines"],
    must_keep=["Seven people were killed when a regional passenger jet skidded off"])
f(a, 7, "killed", EX, "Interstate Aviation Committee", ["2025-02-14", "2025-02-14"])
f(a, 52, "other", EX, "airline", ["2025-02-14", "2025-02-14"])
f(a, 5, "other", EX, "airline", ["2025-02-14", "2025-02-14"])
f(a, 50, "other", EX, "regional health department", ["2025-02-14", "2025-02-14"])
f(a, 23, "wounded", EX, "regional health department", ["2025-02-14", "2025-02-14"])
f(a, 6, "wounded", EX, "regional health department", ["2025-02-14", "2025-02-14"])
f(a, 120, "deployed", EX, "Emergencies Ministry", ["2025-02-14", "2025-02-14"])
f(a, 30, "other", EX, "Emergencies Ministry", ["2025-02-14", "2025-02-14"])
f(a, 2, "captured", EX, "TASS", ["2025-02-15", "2025-02-15"])
f(a, 41, "killed", EX, None, ["2019-05-01", "2019-05-31"])


SOURCES.update({   # round 12, pages 11-20
    "PowerOutage.us": ["PowerOutage.us"],
    "state officials": ["state officials"],
    "American Red Cross": ["American Red Cross", "Red Cross"],
    "U.S. Coast Guard": ["U.S. Coast Guard", "Coast Guard"],
    "Entergy": ["Entergy"],
    "National Hurricane Center": ["National Hurricane Center"],
    "Federal Emergency Management Agency": ["Federal Emergency Management Agency", "FEMA"],
    "offshore regulator": ["offshore regulator"],
    "interior ministry": SOURCES["interior ministry"] + ["ministry", "Spain's interior ministry"],
    "Salvamento Marítimo": ["Salvamento Marítimo", "maritime rescue service"],
    "regional health service": ["regional health service"],
    "Caminando Fronteras": ["Caminando Fronteras", "group"],
    "Fernando Clavijo": ["Fernando Clavijo", "Clavijo", "regional president"],
    "Lagos State Emergency Management Agency": ["Lagos State Emergency Management Agency", "LASEMA",
                                                "Olufemi Oke-Osanyintolu"],
    "Olufemi Oke-Osanyintolu": ["Olufemi Oke-Osanyintolu", "Oke-Osanyintolu", "LASEMA",
                                "Lagos State Emergency Management Agency"],
    "site supervisor": ["site supervisor", "supervisor", "Channels Television"],
    "Lagos Island General Hospital": ["Lagos Island General Hospital"],
    "Benjamin Hundeyin": ["Benjamin Hundeyin", "Hundeyin", "Lagos police"],
    "Lagos police": ["Lagos police", "police", "Benjamin Hundeyin", "Hundeyin"],
    "Laurie Christensen": ["Laurie Christensen", "Christensen", "Harris County Fire Marshal", "fire marshal"],
    "fire marshal's office": ["fire marshal's office", "fire marshal", "Laurie Christensen", "Christensen"],
    "hospital spokesperson": SOURCES["hospital spokesperson"] + ["Memorial Hermann"],
    "Bayline": ["Bayline", "Bayline Chemical", "company"],
    "Pasadena ISD": ["Pasadena ISD"],
    "U.S. Chemical Safety Board": ["U.S. Chemical Safety Board", "Chemical Safety Board"],
    "federal records": ["federal records"],
    "railway officials": ["railway officials", "railways official", "Mohsin Siyal", "Siyal"],
    "Mohsin Siyal": ["Mohsin Siyal", "Siyal"],
    "railway spokesman": ["railway spokesman"],
    "military's media wing": ["military's media wing", "media wing", "Inter-Services Public Relations"],
    "Muhammad Hanif Abbasi": ["Muhammad Hanif Abbasi", "Abbasi", "Railways Minister"],
    "DGHS": ["Directorate General of Health Services", "DGHS"],
    "Nazmul Karim": ["Nazmul Karim", "Karim", "Mugda Medical College Hospital"],
    "IEDCR": ["Institute of Epidemiology, Disease Control and Research", "IEDCR", "Entomologists"],
    "Sudan Doctors Network": ["Sudan Doctors Network"],
    "UNHCR": ["UNHCR", "UN refugee agency"],
    "CDD": ["Centre for Democracy and Human Rights", "CDD"],
    "Orlando Mudumane": ["Orlando Mudumane", "Mudumane", "Police spokesman"],
    "hospital officials": ["hospital officials"],
    "National Elections Commission": ["National Elections Commission", "electoral commission"],
    "Mozambique government": ["Mozambique's government", "government", "Mozambique"],
    "Human Rights Watch": ["Human Rights Watch", "HRW"],
    "resistance group": ["resistance group", "local resistance group"],
    "Democratic Voice of Burma": ["Democratic Voice of Burma", "DVB", "village administrator"],
    "Ko Thura": ["Ko Thura", "Thura", "People's Defense Force"],
    "MRTV": ["MRTV", "State-run MRTV television"],
    "Arakan Army": ["Arakan Army"],
    "Assistance Association for Political Prisoners": ["Assistance Association for Political Prisoners", "AAPP"],
    "Interstate Aviation Committee": ["Interstate Aviation Committee"],
    "airline": ["airline"],
    "regional health department": ["regional health department", "health department"],
    "Emergencies Ministry": ["Emergencies Ministry", "Russia's Emergencies Ministry"],
    "TASS": ["TASS", "law enforcement source"],
})


# --- round 13, helper kinds3: pages 21-30 (ids positional, appended). Same conventions as 11-20;
# also: a table row or a "Label: N" list line is filed as the sentence it stands for; things that are
# not people (engines, dogs, excavators, ships, homes, cattle, samples, trains, hectares, money) are
# other; tellers ("three officials said", "two law enforcement sources") are no figure and not keyed;
# ages, years, phone numbers, "Share 12", "3 min read", "Comments (5)" are not keyed either.
a = "21_agency_wildfire-evacuation.txt"
art(a, "Ridgeback Fire: about 6,500 residents ordered to evacuate as state mobilizes resources", "2025-08-14",
    must_remove=["Media contact: Joint Information Center", "Follow EMD on X and Facebook for updates"],
    must_keep=["The fire had burned an estimated 18,400 acres by 6 a.m. Thursday"])
f(a, 6500, "evacuated", AP, "Washington Emergency Management Division", ["2025-08-13", "2025-08-14"])
f(a, 18400, "other", AP, "DNR", ["2025-08-14", "2025-08-14"])
f(a, 640, "deployed", EX, "DNR", ["2025-08-14", "2025-08-14"])
f(a, 52, "other", EX, "DNR", ["2025-08-14", "2025-08-14"])
f(a, 9, "other", EX, "DNR", ["2025-08-14", "2025-08-14"])
f(a, 14, "other", EX, "DNR", ["2025-08-14", "2025-08-14"])
f(a, 38, "other", EX, "Chelan County Sheriff's Office", ["2025-08-13", "2025-08-14"])
f(a, 61, "other", EX, "Chelan County Sheriff's Office", ["2025-08-13", "2025-08-14"])
f(a, 1, "wounded", EX, None, ["2025-08-13", "2025-08-13"])
f(a, 410, "displaced", EX, "American Red Cross", ["2025-08-13", "2025-08-14"])
f(a, 300, "planned", AM, "governor's office", ["2025-08-13", "2025-08-14"])

a = "22_ministry_measles-bulletin.txt"
art(a, "Measles outbreak: situation bulletin No. 9", "2025-02-18",
    must_remove=["Print this page", "Download PDF (1.2 MB)", "Page 1 of 2"],
    must_keep=["486 new suspected measles cases were notified during week 7"])
MH = "health ministry"
f(a, 486, "affected", EX, MH, ["2025-02-10", "2025-02-16"])
f(a, 3112, "affected", EX, MH, ["2025-01-01", "2025-02-16"])
f(a, 4, "killed", EX, MH, ["2025-02-10", "2025-02-16"])
f(a, 17, "killed", EX, MH, ["2025-01-01", "2025-02-16"])
f(a, 212, ["wounded", "affected"], EX, MH, ["2025-02-16", "2025-02-18"])
f(a, 19, ["wounded", "affected"], EX, MH, ["2025-02-16", "2025-02-18"])
f(a, 1406, "affected", EX, MH, ["2025-01-01", "2025-02-16"])
f(a, 918, "affected", EX, MH, ["2025-01-01", "2025-02-16"])
f(a, 148500, "other", EX, MH, ["2025-01-01", "2025-02-14"])
f(a, 90000, ["other", "planned"], AP, MH, ["2025-02-18", "2025-02-24"])
f(a, 12, ["deployed", "other"], EX, MH, ["2025-02-10", "2025-02-18"])
f(a, 301, "other", EX, MH, ["2025-01-01", "2025-02-18"])

a = "23_regional_dam-collapse.txt"
art(a, "Tailings dam collapse: death toll rises to 19, dozens still missing", "2025-03-04",
    must_remove=["Share 12", "3 min read", "Comments (5)", "Related: Gold rush draws thousands",
                 "About the author: Tendai Moyo"],
    must_keep=["Between 40 and 60 people are still missing"])
f(a, 19, "killed", EX, "Civil Protection Unit", ["2025-03-04", "2025-03-04"])
f(a, 12, "killed", EX, "Civil Protection Unit", ["2025-03-04", "2025-03-04"])
f(a, (40, 60), "missing", "range", "Farai Chikowore", ["2025-03-04", "2025-03-04"])
f(a, 2, "other", EX, None, ["2025-03-04", "2025-03-04"])
f(a, 14, "other", EX, None, ["2025-03-04", "2025-03-04"])
f(a, 9, "wounded", EX, "medical superintendent", ["2025-03-04", "2025-03-04"])
f(a, 23, "other", EX, None, ["2025-03-03", "2025-03-04"])
f(a, 340, "other", EX, None, ["2025-03-03", "2025-03-04"])
f(a, 200, "other", AP, "agricultural extension officer", ["2025-03-03", "2025-03-04"])
f(a, 45, "deployed", EX, "Ministry of Mines", ["2025-03-03", "2025-03-04"])
f(a, 150000, "other", EX, "Ministry of Mines", ["2025-03-04", "2025-03-04"])
f(a, 24, "killed", EX, None, ["2019-01-01", "2019-12-31"])

a = "24_wire_boat-capsize.txt"
art(a, "At least 27 dead after migrant boat capsizes off Mauritania, UN agency says", "2025-07-09",
    must_remove=["Our Standards: The Thomson Reuters Trust Principles"],
    must_keep=["At least 27 people died when a boat carrying migrants"])
f(a, 27, "killed", AL, "International Organization for Migration", ["2025-07-08", "2025-07-09"])
f(a, 103, "other", EX, "International Organization for Migration", ["2025-07-08", "2025-07-09"])
f(a, (40, 60), "missing", "range", "International Organization for Migration", ["2025-07-08", "2025-07-09"])
f(a, 170, "other", AP, "survivors' accounts", ["2025-06-30", "2025-07-09"])
f(a, 31, "killed", EX, "interior ministry", ["2025-07-09", "2025-07-09"])
f(a, 4, "killed", EX, "interior ministry", ["2025-07-08", "2025-07-09"])
f(a, 11, "wounded", EX, "hospital official", ["2025-07-08", "2025-07-09"])
f(a, 2, "wounded", EX, "hospital official", ["2025-07-08", "2025-07-09"])
f(a, 10400, ["killed", "missing"], AL, "Caminando Fronteras", ["2024-01-01", "2024-12-31"])
f(a, 210000000, "other", EX, None, ["2024-01-01", "2024-12-31"])

a = "25_liveblog_temple-stampede.txt"
art(a, "LIVE: Stampede at Kaleshwar temple fair kills 14; toll revised as more die in hospital", "2025-01-27",
    must_remove=["Share 48", "Comments (12)", "Also read: Why crowd crushes", "Sign up for our morning newsletter"],
    must_keep=["has revised the death toll to 14 from nine"])
f(a, 14, "killed", EX, "Priya Deshmukh", ["2025-01-27", "2025-01-27"])
f(a, 9, "killed", EX, "Priya Deshmukh", ["2025-01-27", "2025-01-27"])
f(a, 5, "killed", EX, "Priya Deshmukh", ["2025-01-27", "2025-01-27"])
f(a, 5, "killed", AL, "local news channels", ["2025-01-27", "2025-01-27"])
f(a, 50000, "other", EX, "Prime Minister's Office", ["2025-01-27", "2025-01-27"])
f(a, 30, "wounded", [AP, AM], "police", ["2025-01-27", "2025-01-27"])
f(a, 11, "wounded", EX, "police", ["2025-01-27", "2025-01-27"])
f(a, 200000, "other", AL, "organisers", ["2025-01-27", "2025-01-27"])
f(a, 1200, "deployed", AP, "district police", ["2025-01-27", "2025-01-27"])

a = "26_localtv_prison-standoff.txt"
art(a, "Inmates release 2 of 3 officers held hostage at Redfield prison; standoff enters second day", "2025-04-22",
    must_remove=["Share 12", "3 min read", "Comments (5)", "RELATED: Colorado prisons struggle",
                 "Copyright 2025 KVRT"],
    must_keep=["About 40 inmates are still barricaded inside Unit C"])
CD = "Colorado Department of Corrections"
f(a, 2, "captured", EX, CD, ["2025-04-21", "2025-04-22"])
f(a, 3, "captured", EX, CD, ["2025-04-21", "2025-04-22"])
f(a, 40, "other", AP, "Alicia Moreno", ["2025-04-22", "2025-04-22"])
f(a, 5, "wounded", EX, "Alicia Moreno", ["2025-04-21", "2025-04-22"])
f(a, 100, "deployed", AL, "law enforcement sources", ["2025-04-21", "2025-04-22"])
f(a, 1450, "other", AP, None, ["2025-04-22", "2025-04-22"])
f(a, 87, "other", EX, "union", ["2025-04-22", "2025-04-22"])

a = "27_daily_landslide-search.txt"
art(a, "Landslide buries 30 homes in Central Java village; 11 dead, 17 missing", "2025-11-13",
    must_remove=["Read also: Floods cut off roads", "Topics: landslide", "Log in to comment"],
    must_keep=["A joint team of 412 rescuers"])
f(a, 30, "other", EX, "BNPB", ["2025-11-12", "2025-11-13"])
f(a, 11, "killed", AL, "BNPB", ["2025-11-12", "2025-11-13"])
f(a, 17, "missing", EX, "Abdul Muhari", ["2025-11-13", "2025-11-13"])
f(a, 412, "deployed", EX, "Abdul Muhari", ["2025-11-13", "2025-11-13"])
f(a, 6, "other", EX, "Abdul Muhari", ["2025-11-13", "2025-11-13"])
f(a, 8, "other", EX, "Abdul Muhari", ["2025-11-13", "2025-11-13"])
f(a, 150, "planned", EX, "Abdul Muhari", ["2025-11-13", "2025-11-14"])
f(a, 4, "other", EX, "Budi Santoso", ["2025-11-12", "2025-11-13"])
f(a, 260, ["evacuated", "displaced"], AP, "regency administration", ["2025-11-12", "2025-11-13"])
f(a, 9, "other", AP, None, ["2025-11-12", "2025-11-13"])
f(a, 1052, "other", EX, "BNPB", ["2025-01-01", "2025-10-31"])

a = "28_daily_cold-snap.txt"
art(a, "Cold snap kills 9 in Poland as temperatures plunge to minus 27C", "2025-01-13",
    must_remove=["Get our morning briefing in your inbox", "Most read"],
    must_keep=["Nine people have died of hypothermia in Poland since Friday"])
f(a, 9, "killed", EX, "police", ["2025-01-10", "2025-01-13"])
f(a, 146, ["wounded", "affected"], EX, "Government Security Centre", ["2025-01-11", "2025-01-13"])
f(a, 23, ["wounded", "affected"], EX, "Government Security Centre", ["2025-01-11", "2025-01-13"])
f(a, 41, "killed", EX, "Katarzyna Nowicka", ["2024-11-01", "2025-01-13"])
f(a, 1100, ["other", "displaced"], AP, "social services department", ["2025-01-12", "2025-01-13"])
f(a, 800, ["other", "displaced"], EX, "social services department", ["2025-01-05", "2025-01-06"])
f(a, 380000, ["other", "affected"], AP, "education ministry", ["2025-01-13", "2025-01-13"])
f(a, 62, "other", EX, "PKP Intercity", ["2025-01-12", "2025-01-12"])
f(a, 30, "other", AM, "IMGW", ["2025-01-13", "2025-01-16"])

a = "29_broadcaster_ferry-fire.txt"
art(a, "Ferry fire off Romblon: 8 dead, 5 missing as rescuers pull 266 from the sea", "2025-06-02",
    must_remove=["RELATED: Coast guard tightens rules", "Follow DZRN News on Facebook and YouTube"],
    must_keep=["A total of 266 people were rescued by coast guard vessels"])
f(a, 8, "killed", EX, "Philippine Coast Guard", ["2025-06-02", "2025-06-02"])
f(a, 5, "missing", EX, "Philippine Coast Guard", ["2025-06-02", "2025-06-02"])
f(a, 241, "other", EX, "Lito Ramirez", ["2025-06-02", "2025-06-02"])
f(a, 38, "other", EX, "Lito Ramirez", ["2025-06-02", "2025-06-02"])
f(a, 266, "other", EX, "Lito Ramirez", ["2025-06-02", "2025-06-02"])
f(a, 24, "wounded", EX, "Lito Ramirez", ["2025-06-02", "2025-06-02"])
f(a, 13, "missing", EX, "Philippine Coast Guard", ["2025-06-02", "2025-06-02"])
f(a, 4, "other", EX, None, ["2025-06-02", "2025-06-02"])
f(a, 3, "other", EX, "MARINA", ["2025-06-02", "2025-06-02"])
f(a, 100000, "other", EX, "Department of Transportation", ["2025-06-02", "2025-06-02"])

a = "30_ngo_camp-flood-sitrep.txt"
art(a, "Bangladesh: Monsoon floods and landslides in Cox's Bazar camps - Situation Report No. 2", "2025-08-01",
    must_remove=["Contact: Emergency Coordinator", "Donate now", "Share this report"],
    must_keep=["Six refugees, including three children, were killed when landslides hit shelters"])
f(a, 400, "other", AL, "ISCG", ["2025-07-27", "2025-07-30"])
f(a, 20, "other", AL, "ISCG", ["2025-07-27", "2025-07-31"])
f(a, 6, "killed", EX, "RRRC", ["2025-07-27", "2025-07-31"])
f(a, 3, "killed", EX, "RRRC", ["2025-07-27", "2025-07-31"])
f(a, 14, "wounded", EX, "RRRC", ["2025-07-27", "2025-07-31"])
f(a, 31000, "affected", AP, "ISCG", ["2025-07-27", "2025-07-31"])
f(a, 8400, "other", [AP, EX], "ISCG", ["2025-07-27", "2025-07-31"])
f(a, 2150, ["displaced", "evacuated", "other"], AP, "ISCG", ["2025-07-27", "2025-07-31"])
f(a, 9700, ["displaced", "evacuated"], AP, "ISCG", ["2025-07-27", "2025-07-31"])
f(a, 3600, "other", EX, None, ["2025-07-27", "2025-07-31"])
f(a, 530, ["wounded", "affected"], EX, None, ["2025-07-27", "2025-07-31"])
f(a, 41, ["affected", "wounded"], EX, None, ["2025-07-27", "2025-07-31"])
f(a, 934000000, "other", EX, None, ["2025-01-01", "2025-12-31"])

SOURCES.update({   # round 13, pages 21-30
    "Washington Emergency Management Division": ["Washington Emergency Management Division", "EMD",
                                                 "Emergency Management Division"],
    "DNR": ["Washington State Department of Natural Resources", "DNR", "Department of Natural Resources"],
    "Chelan County Sheriff's Office": ["Chelan County Sheriff's Office", "sheriff's office"],
    "governor's office": ["governor's office", "Dana Whitfield", "Whitfield", "Governor"],
    "health ministry": SOURCES["health ministry"] + ["Ministry of Health and Social Protection of Population",
                                                     "Ministry of Health and Social Protection"],
    "Civil Protection Unit": ["Civil Protection Unit"],
    "Farai Chikowore": ["Farai Chikowore", "Chikowore", "district administrator"],
    "medical superintendent": ["medical superintendent", "Gweru Provincial Hospital"],
    "agricultural extension officer": ["agricultural extension officer", "extension officer"],
    "Ministry of Mines": ["Ministry of Mines"],
    "International Organization for Migration": SOURCES["International Organization for Migration"]
        + ["U.N. migration agency", "UN migration agency"],
    "survivors' accounts": ["survivors' accounts", "survivors", "IOM", "International Organization for Migration"],
    "interior ministry": SOURCES["interior ministry"] + ["AMI"],
    "hospital official": ["hospital official"],
    "Priya Deshmukh": ["Priya Deshmukh", "Deshmukh", "collector", "district collector"],
    "local news channels": ["local news channels", "news channels"],
    "Prime Minister's Office": ["Prime Minister's Office"],
    "organisers": ["organisers", "Organisers"],
    "district police": ["district police", "police"],
    "Colorado Department of Corrections": ["Colorado Department of Corrections", "Department of Corrections",
                                           "Alicia Moreno", "Moreno"],
    "Alicia Moreno": ["Alicia Moreno", "Moreno", "Colorado Department of Corrections"],
    "law enforcement sources": ["law enforcement sources", "KVRT"],
    "union": ["union"],
    "BNPB": ["National Disaster Mitigation Agency", "BNPB", "Abdul Muhari", "Muhari", "BNPB data"],
    "Abdul Muhari": ["Abdul Muhari", "Muhari", "BNPB"],
    "Budi Santoso": ["Budi Santoso", "Santoso", "police chief"],
    "regency administration": ["regency administration"],
    "Government Security Centre": ["Government Security Centre", "RCB"],
    "Katarzyna Nowicka": ["Katarzyna Nowicka", "Nowicka", "TVN24"],
    "social services department": ["social services department", "city's social services department"],
    "education ministry": ["education ministry"],
    "PKP Intercity": ["PKP Intercity"],
    "IMGW": ["Institute of Meteorology and Water Management", "IMGW", "Forecasters"],
    "Philippine Coast Guard": ["Philippine Coast Guard", "PCG", "Lito Ramirez", "Ramirez"],
    "Lito Ramirez": ["Lito Ramirez", "Ramirez", "PCG", "Philippine Coast Guard"],
    "MARINA": ["Maritime Industry Authority", "MARINA"],
    "Department of Transportation": ["Department of Transportation"],
    "ISCG": ["Inter Sector Coordination Group", "ISCG"],
    "RRRC": ["Refugee Relief and Repatriation Commissioner's office", "RRRC",
             "Refugee Relief and Repatriation Commissioner"],
})


# --- round 14, helper kinds4: pages 31-40 (a chemical leak, refugees crossing a border per day, an aid convoy,
# a correction notice, a court sentence, a wire roundup of several countries, an FAQ explainer, a briefing
# transcript with Q&A, a Nigerian and an Indian daily). Keys written before the tool was run on the pages.
a = "31_localtv_ammonia-leak.txt"
art(a, "Ammonia leak at Millbrook cold-storage plant sends 23 workers to hospitals; shelter-in-place order lifted",
    "2025-07-17",
    must_remove=["Copy Link", "RELATED: Harmon Foods fined", "Copyright 2025 WDXN", "Report a typo"],
    must_keep=["Twenty-three workers were taken to hospitals after anhydrous ammonia escaped"])
f(a, 23, "wounded", EX, "Millbrook Fire Department", ["2025-07-16", "2025-07-17"])
f(a, 4, "wounded", EX, "Leon Baptiste", ["2025-07-17", "2025-07-17"])
f(a, 140, "other", AP, "Leon Baptiste", ["2025-07-16", "2025-07-16"])
f(a, 3, "other", EX, None, ["2025-07-16", "2025-07-17"])
f(a, 60, "deployed", AP, "Millbrook Fire Department", ["2025-07-16", "2025-07-17"])
f(a, 1800, "other", AP, "Parrish County Office of Emergency Management", ["2025-07-16", "2025-07-17"])
f(a, 2500, "other", AP, "Harmon Foods", ["2025-07-16", "2025-07-17"])
f(a, 600, "other", AP, "Harmon Foods", ["2025-07-17", "2025-07-17"])
f(a, 2, "planned", EX, "U.S. Chemical Safety Board", ["2025-07-17", "2025-07-18"])
f(a, 11, "wounded", EX, "state records", ["2019-01-01", "2019-12-31"])

a = "32_wire_border-crossings.txt"
art(a, "Refugees cross into eastern Cameroon at nearly 2,000 a day, UN agency says", "2025-09-23",
    must_remove=["Updated 2 hours ago", "Our Standards: The Meridian Trust Principles", "Read Next",
                 "Cameroon opens second transit site as arrivals rise"],
    must_keep=["More than 18,000 refugees had registered at the Garoua-Boulai crossing point"])
REF = ["other", "displaced"]   # refugees who crossed: people who fled (the arrivals of page 12 are `other`)
f(a, 2000, REF, [AP, AM], "UNHCR", ["2025-09-14", "2025-09-23"])
f(a, 18000, REF, AL, "Olga Sarrazin", ["2025-09-22", "2025-09-22"])
f(a, 21500, REF, EX, "Ministry of Territorial Administration", ["2025-09-22", "2025-09-23"])
f(a, 5000, "other", EX, "Ministry of Territorial Administration", ["2025-09-22", "2025-09-23"])
f(a, 12400, "other", EX, "World Food Programme", ["2025-09-19", "2025-09-23"])
f(a, 300, "other", AM, "Aid workers", ["2025-09-14", "2025-09-23"])
f(a, 95, "wounded", EX, "Medecins Sans Frontieres", ["2025-09-17", "2025-09-21"])
f(a, 350000, REF, AP, "UNHCR", ["2025-08-01", "2025-09-23"])
f(a, 40, "killed", AL, "Local officials", ["2025-09-14", "2025-09-23"])

a = "33_ngo_aid-convoy.txt"
art(a, "Convoy of 48 trucks reaches besieged town of Kafr Salim after five-week blockade", "2025-08-20",
    must_remove=["Home | News | Press releases", "Media contacts", "Follow us on X and LinkedIn",
                 "Share: Facebook | X | Email"],
    must_keep=["A joint convoy of 48 trucks carrying 620 tonnes of food"])
f(a, 48, "other", EX, "JHOC", ["2025-08-19", "2025-08-20"])
f(a, 620, "other", EX, "JHOC", ["2025-08-19", "2025-08-20"])
f(a, 60, "other", EX, "Miriam Haddad", ["2025-08-19", "2025-08-20"])
f(a, 12, "other", EX, "Miriam Haddad", ["2025-08-19", "2025-08-20"])
f(a, 410, "other", EX, "World Food Programme", ["2025-08-19", "2025-08-20"])
f(a, 35000, "other", AP, "World Food Programme", ["2025-08-19", "2025-08-20"])
f(a, 2000, "other", AM, None, ["2025-08-19", "2025-08-20"])
f(a, 27, "killed", AL, "Local health authorities", ["2025-07-12", "2025-08-20"])
f(a, 4500, ["other", "affected"], AP, "Local health authorities", ["2025-07-12", "2025-08-20"])
f(a, 90000, "other", AP, None, ["2024-01-01", "2025-07-12"])     # "before the fighting": no date in the text
f(a, 60000, "other", [AP, EX], "Aid agencies", ["2025-08-20", "2025-08-20"])
f(a, 30, "other", EX, None, ["2025-08-20", "2025-08-31"])         # trucks planned: `planned` counts people sent

a = "34_paper_coach-crash-correction.txt"
art(a, "Fourteen injured as coach carrying students overturns on N5 near Castlebar", "2025-10-14",
    must_remove=["Skip to main content", "News | Ireland | World", "More on this story",
                 "Castlebar bypass works delayed again", "Sign up to our daily news briefing",
                 "(c) 2025 The Western Courier"],
    must_keep=["Fourteen people were injured, two of them seriously",
               "The correct figure, as confirmed by the HSE, is 14"])
f(a, 14, "wounded", EX, "HSE", ["2025-10-14", "2025-10-14"])
f(a, 2, "wounded", EX, "HSE", ["2025-10-14", "2025-10-14"])
f(a, 31, "other", EX, "Gardai", ["2025-10-14", "2025-10-14"])
f(a, 3, "other", EX, "Gardai", ["2025-10-14", "2025-10-14"])
f(a, 540, "other", EX, "Declan Moran", ["2025-10-14", "2025-10-14"])
f(a, 174, "killed", EX, "Road Safety Authority", ["2025-01-01", "2025-10-14"])
f(a, 141, "killed", EX, "Road Safety Authority", ["2024-01-01", "2024-10-14"])
f(a, 40, "other", EX, None, ["2025-10-14", "2025-10-14"])   # the figure a correction withdrew: no count of the hurt

a = "35_au_balcony-verdict.txt"
art(a, "Builder jailed over Wollongong balcony collapse that killed three", "2025-11-06",
    must_remove=["Share this article", "Related stories", "Balcony owners urged to check for rust",
                 "Topics: courts"],
    must_keep=["Two of the injured still use wheelchairs"])
f(a, 3, "killed", EX, None, ["2022-03-19", "2022-03-19"])
f(a, 11, "wounded", EX, None, ["2022-03-19", "2022-03-19"])
f(a, 16, "other", EX, "Helen Marsh", ["2022-03-19", "2022-03-19"])
f(a, 9, "other", AP, None, ["2022-03-19", "2022-03-19"])
f(a, 2, "wounded", EX, "Amir Rahimi", ["2025-10-01", "2025-11-06"])
f(a, 1200000, "other", EX, None, ["2025-11-06", "2025-11-06"])
f(a, 2340, "other", EX, "SafeWork NSW", ["2022-03-19", "2025-11-06"])
f(a, 187, "other", EX, "SafeWork NSW", ["2022-03-19", "2025-11-06"])

a = "36_wire_weather-roundup.txt"
art(a, "Storms, floods and heat: the weekend's weather disasters at a glance", "2025-05-12",
    must_remove=["Sign up for the Morning Briefing newsletter", "Most read"],
    must_keep=["Pre-monsoon storms killed at least 19 people in Punjab province"])
f(a, 19, "killed", AL, "Provincial Disaster Management Authority", ["2025-05-10", "2025-05-11"])
f(a, 86, "wounded", EX, "Provincial Disaster Management Authority", ["2025-05-10", "2025-05-11"])
f(a, 7200, "displaced", AP, "state civil defence agency", ["2025-05-08", "2025-05-11"])
f(a, 2, "missing", EX, "state civil defence agency", ["2025-05-08", "2025-05-11"])
f(a, 11, "killed", EX, "Kenya Red Cross", ["2025-05-04", "2025-05-11"])
f(a, 64, "killed", EX, "Kenya Red Cross", ["2025-03-01", "2025-05-11"])
f(a, 3900, ["displaced", "other"], AP, "Kenya Red Cross", ["2025-05-04", "2025-05-11"])
f(a, 43.1, "other", EX, "national weather service", ["2025-05-10", "2025-05-10"])
f(a, 44.2, "other", EX, "national weather service", ["2023-01-01", "2023-12-31"])
f(a, 5, "killed", EX, "state officials", ["2025-05-09", "2025-05-09"])
f(a, 120000, "other", AL, "PowerOutage.us", ["2025-05-09", "2025-05-10"])
f(a, 9, "killed", EX, "disaster management ministry", ["2025-05-11", "2025-05-11"])
f(a, 7, "killed", EX, "disaster management ministry", ["2025-05-11", "2025-05-11"])
f(a, 4, "other", EX, "disaster management ministry", ["2025-05-11", "2025-05-11"])
f(a, 58, "killed", EX, "Officials", ["2025-01-01", "2025-05-11"])
f(a, 71, "killed", EX, "Officials", ["2024-01-01", "2024-12-31"])
f(a, 200, "other", AL, "airport officials", ["2025-05-09", "2025-05-09"])
f(a, 17, "other", EX, "airport officials", ["2025-05-09", "2025-05-09"])
f(a, 2, "killed", EX, "police", ["2025-05-09", "2025-05-09"])

a = "37_explainer_prison-riot.txt"
art(a, "Kambele prison riot: what we know so far", "2025-03-18",
    must_remove=["5 min read", "Related: Zambia's prisons hold twice their capacity", "Share this explainer"],
    must_keep=["At least 16 people have been killed, according to the Zambia Correctional Service",
               "How many were hurt?"])
ZCS = "Zambia Correctional Service"
f(a, 40, "other", AP, None, ["2025-03-16", "2025-03-18"])
f(a, 2, "other", EX, None, ["2025-03-16", "2025-03-17"])
f(a, 16, "killed", AL, ZCS, ["2025-03-16", "2025-03-17"])
f(a, 14, "killed", EX, ZCS, ["2025-03-16", "2025-03-17"])
f(a, 2, "killed", EX, ZCS, ["2025-03-16", "2025-03-17"])
f(a, 21, "killed", EX, "Prisoners' Voice", ["2025-03-16", "2025-03-18"])
f(a, 37, "wounded", EX, ZCS, ["2025-03-17", "2025-03-18"])
f(a, 9, "wounded", EX, ZCS, ["2025-03-17", "2025-03-18"])
f(a, 60, "other", AM, "police", ["2025-03-16", "2025-03-17"])
f(a, 44, "captured", EX, "police", ["2025-03-18", "2025-03-18"])
f(a, 10000, "other", EX, "police", ["2025-03-16", "2025-03-18"])
f(a, 400, "other", EX, None, ["1962-01-01", "1962-12-31"])
f(a, 1380, ["other", "captured"], EX, ZCS, ["2025-02-01", "2025-02-28"])
f(a, 250, ["other", "planned"], EX, "Ruth Banda", ["2025-03-18", "2025-03-25"])

a = "38_transcript_mine-rescue-briefing.txt"
art(a, "Transcript: Media briefing on the Ashgrove mine rescue", "2025-11-06",
    must_remove=["Home > Newsroom > Transcripts", "Media enquiries: newsroom@capebretonemo.example",
                 "Subscribe to news releases"],
    must_keep=["seven miners remain trapped about 900 metres underground",
               "How many people work at the mine in total?"])
f(a, 7, ["missing", "other"], EX, "Tomasz Wrobel", ["2025-11-06", "2025-11-06"])
f(a, 900, "other", AP, "Tomasz Wrobel", ["2025-11-06", "2025-11-06"])
f(a, 22, "other", EX, "Tomasz Wrobel", ["2025-11-04", "2025-11-04"])
f(a, 3, "wounded", EX, "Tomasz Wrobel", ["2025-11-04", "2025-11-06"])
f(a, 4, ["deployed", "other"], EX, "Ana Lindqvist", ["2025-11-06", "2025-11-06"])
f(a, 6, ["deployed", "other"], EX, "Ana Lindqvist", ["2025-11-06", "2025-11-06"])
f(a, 24, "deployed", EX, "Ana Lindqvist", ["2025-11-06", "2025-11-06"])
f(a, 30, "deployed", EX, "Ana Lindqvist", ["2025-11-06", "2025-11-06"])
f(a, 410, "other", AP, "Ana Lindqvist", ["2025-11-06", "2025-11-06"])
f(a, 340, "other", AP, "Ana Lindqvist", ["2025-11-06", "2025-11-06"])

a = "39_ng_council-poll-violence.txt"
art(a, "Council polls: 12 killed, 30 injured as thugs attack voters in Aboro", "2025-02-24",
    must_remove=["Home | News | Politics", "ALSO READ: Tribunal sacks two lawmakers", "Advertisement",
                 "Join our WhatsApp channel"],
    must_keep=["No fewer than 12 persons were killed and about 30 others injured"])
f(a, 12, "killed", AL, "Aboro police", ["2025-02-22", "2025-02-23"])
f(a, 30, "wounded", AP, "Aboro police", ["2025-02-22", "2025-02-23"])
f(a, 9, "killed", EX, "Halima Yusuf", ["2025-02-22", "2025-02-23"])
f(a, 47, "captured", EX, "Halima Yusuf", ["2025-02-22", "2025-02-23"])
f(a, 16, "other", EX, "Halima Yusuf", ["2025-02-22", "2025-02-23"])
f(a, 200, "other", EX, "Halima Yusuf", ["2025-02-22", "2025-02-23"])
f(a, 1500, "deployed", EX, "Halima Yusuf", ["2025-02-22", "2025-02-23"])
f(a, 19, "killed", EX, "Situation Room", ["2025-02-22", "2025-02-23"])
f(a, 600, ["other", "deployed"], EX, "Situation Room", ["2025-02-22", "2025-02-23"])
f(a, 38, "other", EX, "ABSIEC", ["2025-02-22", "2025-02-22"])
f(a, 214, "other", EX, "ABSIEC", ["2025-02-22", "2025-02-24"])
f(a, 5000000, "other", EX, "Bayo Adeyemi", ["2025-02-22", "2025-02-24"])
f(a, 83, ["captured", "missing"], EX, "People's Congress Party", ["2025-02-22", "2025-02-24"])
f(a, 3, "other", EX, "resident", ["2025-02-22", "2025-02-22"])

a = "40_in_hooch-tragedy.txt"
art(a, "Hooch tragedy: Toll rises to 27 in Sitapur; 1.2 lakh litres of illicit liquor seized", "2025-06-04",
    must_remove=["Share on WhatsApp", "Share on X", "Also Read: Excise department launches helpline",
                 "Follow us on Google News"],
    must_keep=["The death toll in the spurious liquor tragedy in Sitapur district rose to 27 on Wednesday"])
f(a, 27, "killed", EX, "officials", ["2025-06-04", "2025-06-04"])
f(a, 6, "killed", EX, "officials", ["2025-06-04", "2025-06-04"])
f(a, 43, "wounded", EX, "Anjali Verma", ["2025-06-04", "2025-06-04"])
f(a, 11, "wounded", EX, "Anjali Verma", ["2025-06-04", "2025-06-04"])
f(a, 3, "other", EX, None, ["2025-06-01", "2025-06-04"])
f(a, 14, "captured", EX, "Sitapur police", ["2025-06-01", "2025-06-04"])
f(a, 120000, "other", [AP, AM], "Rakesh Tiwari", ["2025-06-02", "2025-06-04"])
f(a, 85, "other", EX, "Rakesh Tiwari", ["2025-06-02", "2025-06-04"])
f(a, 8, "other", EX, None, ["2025-06-01", "2025-06-04"])
f(a, 400000, "other", EX, "Chief Minister's Office", ["2025-06-01", "2025-06-04"])
f(a, 50000, "other", EX, "Chief Minister's Office", ["2025-06-01", "2025-06-04"])
f(a, 20, "other", EX, "Villagers", ["2025-06-01", "2025-06-04"])
f(a, 2, "other", EX, "Ramesh Kumar", ["2025-06-01", "2025-06-01"])
f(a, 2, ["deployed", "planned"], EX, "Sunil Mehra", ["2025-06-01", "2025-06-04"])
f(a, 60, ["other", "affected"], AM, "Sunil Mehra", ["2025-06-01", "2025-06-04"])
f(a, 96, "killed", EX, "state assembly", ["2019-01-01", "2023-12-31"])

SOURCES.update({   # round 14, pages 31-40
    "Millbrook Fire Department": ["Millbrook Fire Department", "fire department", "Leon Baptiste", "Baptiste",
                                  "Fire Chief"],
    "Leon Baptiste": ["Leon Baptiste", "Baptiste", "Fire Chief", "Millbrook Fire Department"],
    "Parrish County Office of Emergency Management": ["Parrish County Office of Emergency Management",
                                                      "Office of Emergency Management"],
    "Harmon Foods": ["Harmon Foods", "company"],
    "U.S. Chemical Safety Board": ["U.S. Chemical Safety Board", "Chemical Safety Board"],
    "state records": ["state records"],
    "UNHCR": ["UNHCR", "U.N. refugee agency", "UN refugee agency", "Olga Sarrazin", "Sarrazin", "UNHCR data"],
    "Olga Sarrazin": ["Olga Sarrazin", "Sarrazin", "UNHCR"],
    "Ministry of Territorial Administration": ["Ministry of Territorial Administration", "local authorities"],
    "World Food Programme": ["World Food Programme", "WFP"],
    "Aid workers": ["Aid workers"],
    "Medecins Sans Frontieres": ["Medecins Sans Frontieres", "MSF", "charity"],
    "Local officials": ["Local officials"],
    "JHOC": ["Joint Humanitarian Operations Centre", "JHOC", "Miriam Haddad", "Haddad"],
    "Miriam Haddad": ["Miriam Haddad", "Haddad", "JHOC"],
    "Local health authorities": ["Local health authorities", "health authorities"],
    "Aid agencies": ["Aid agencies"],
    "HSE": ["HSE", "Health Service Executive"],
    "Gardai": ["Gardai", "Garda"],
    "Declan Moran": ["Declan Moran", "Moran", "principal"],
    "Road Safety Authority": ["Road Safety Authority", "RSA"],
    "Helen Marsh": ["Helen Marsh", "Judge Marsh", "Marsh"],
    "Amir Rahimi": ["Amir Rahimi", "Rahimi", "prosecutor"],
    "SafeWork NSW": ["SafeWork NSW", "SafeWork"],
    "Provincial Disaster Management Authority": ["Provincial Disaster Management Authority", "PDMA"],
    "state civil defence agency": ["state civil defence agency", "civil defence agency", "civil defence"],
    "Kenya Red Cross": ["Kenya Red Cross", "Red Cross"],
    "national weather service": ["national weather service", "weather service"],
    "disaster management ministry": ["disaster management ministry"],
    "Officials": ["Officials", "disaster management ministry"],
    "airport officials": ["airport officials"],
    "Zambia Correctional Service": ["Zambia Correctional Service", "correctional service"],
    "Prisoners' Voice": ["Prisoners' Voice", "relatives", "mortuary worker"],
    "Ruth Banda": ["Ruth Banda", "Banda", "Home Affairs Minister"],
    "Tomasz Wrobel": ["Tomasz Wrobel", "Wrobel", "Regional emergency co-ordinator"],
    "Ana Lindqvist": ["Ana Lindqvist", "Lindqvist", "Chief mine rescue engineer"],
    "Aboro police": ["police", "Halima Yusuf", "Yusuf", "Police Public Relations Officer"],
    "Halima Yusuf": ["Halima Yusuf", "Yusuf", "Police Public Relations Officer"],
    "Situation Room": ["Situation Room"],
    "ABSIEC": ["ABSIEC", "Aboro State Independent Electoral Commission"],
    "Bayo Adeyemi": ["Bayo Adeyemi", "Adeyemi", "Governor"],
    "People's Congress Party": ["People's Congress Party"],
    "resident": ["resident", "resident of Igbara"],
    "Anjali Verma": ["Anjali Verma", "Verma", "District Magistrate"],
    "Sitapur police": ["police", "Rakesh Tiwari", "Tiwari", "Superintendent of Police"],
    "Rakesh Tiwari": ["Rakesh Tiwari", "Tiwari", "Superintendent of Police"],
    "Chief Minister's Office": ["Chief Minister's Office"],
    "Villagers": ["Villagers"],
    "Ramesh Kumar": ["Ramesh Kumar", "Kumar"],
    "Sunil Mehra": ["Sunil Mehra", "Mehra", "Chief Medical Officer"],
    "state assembly": ["state assembly", "reply tabled in the state assembly"],
})

# page 22's table, the rest of its rows: cases of the last two regions and deaths of all four
# (added in round 14 when tables of counts became figures; ids after every other page's)
a = "22_ministry_measles-bulletin.txt"
for v, m in ((544, "affected"), (244, "affected"), (9, "killed"), (5, "killed"), (2, "killed"), (1, "killed")):
    f(a, v, m, EX, "health ministry", ["2025-01-01", "2025-02-16"])


# --- round 15, helper kinds5: pages 41-50 (a protest with police and organiser counts, a Philippine daily's
# typhoon with families and pesos, a Pakistani daily's road crash with the "hurt", a Japanese broadcaster's
# quake page in JST, an Irish storm page with customers without power, a carmaker's job cuts and strikes, a
# study's excess-death estimate with its range, a police press release, a magazine's retrospective ten years
# on, a Gulf broadcaster's live page stamped in GMT+3). Keys written before the tool was run on the pages.
# Conventions as above; also: a crowd at a march is other (not a force); jobs cut or kept are other; crews
# are units, other; "families" affected or in evacuation centres may be read as the people they hold or as
# other; durations ("30 hours", "40 minutes") and intensity-scale steps are not keyed. A press release's own
# statements are the issuing force's (page 22's convention).
a = "41_cz_pension-march-crowd.txt"
art(a, "Prague pension march: police count 22,000, organisers claim 110,000", "2025-03-15",
    must_remove=["Share | Post | Email", "Photo: CET / Martin Vesely", "Read also: Cabinet approves pension bill",
                 "Tags: protests, pensions, Prague", "Comments (34)"],
    must_keep=["Police estimated the crowd on Wenceslas Square at about 22,000"])
D = ["2025-03-15", "2025-03-15"]
f(a, 22000, "other", AP, "Petra Dvorakova", D)
f(a, 14, "other", EX, None, D)
f(a, 110000, "other", EX, "march organisers", D)
f(a, (45000, 60000), "other", "range", "Crowdmetric", D)
f(a, 38, "other", EX, "DPP", D)
f(a, 1200, "deployed", EX, "Petra Dvorakova", D)
f(a, 7, "captured", EX, "Petra Dvorakova", D)
f(a, 4, "captured", EX, "Petra Dvorakova", D)
f(a, 2, "wounded", EX, "Petra Dvorakova", D)
f(a, 4000000000, "other", EX, "Milan Kopecky", D)
f(a, 52000000000, "other", EX, "Pavel Sedlak", ["2024-01-01", "2024-12-31"])
f(a, 250000, "other", AP, "organisers of the 2019 march", ["2019-01-01", "2019-12-31"])

a = "42_ph_typhoon-bicol.txt"
art(a, "Typhoon 'Marites' leaves 9 dead, 4 missing in Bicol; 48,000 families affected", "2025-10-21",
    must_remove=["READ: Pagasa: Another low pressure area", "Subscribe to our daily newsletter", "CONTRIBUTED PHOTO"],
    must_keep=["Of these, 12,870 families or 46,205 persons were still staying in 389 evacuation centers"])
T = ["2025-10-21", "2025-10-21"]
f(a, 9, "killed", AL, "OCD", ["2025-10-18", "2025-10-21"])
f(a, 4, "missing", EX, "OCD", ["2025-10-18", "2025-10-21"])
f(a, 185, "other", EX, "Pagasa", ["2025-10-18", "2025-10-18"])
f(a, 48312, ["affected", "other"], EX, "NDRRMC", T)
f(a, 181540, "affected", EX, "NDRRMC", T)
f(a, 612, "other", EX, "NDRRMC", T)
f(a, 12870, ["displaced", "other"], EX, "NDRRMC", T)
f(a, 46205, "displaced", EX, "NDRRMC", T)
f(a, 389, "other", EX, "NDRRMC", T)
f(a, 3, "killed", EX, "Ramon Ferrer", ["2025-10-19", "2025-10-21"])
f(a, 312600000, "other", EX, "Department of Agriculture", ["2025-10-18", "2025-10-21"])
f(a, 1100000000, "other", EX, "DPWH", ["2025-10-18", "2025-10-21"])
f(a, 2140, "other", EX, "Philippine Coast Guard", ["2025-10-20", "2025-10-20"])
f(a, 118, "other", EX, "Philippine Coast Guard", ["2025-10-20", "2025-10-20"])
f(a, 50000000, "other", EX, None, ["2025-10-18", "2025-10-21"])

a = "43_pk_coach-ravine.txt"
art(a, "13 killed, 22 hurt as passenger coach plunges into ravine on KKH", "2025-05-09",
    note="the print line under the story ('Published in ..., May 10th') is the next day's paper",
    must_remove=["Photo courtesy Rescue 1122", "Facebook Count", "Published in Daily Indus, May 10th, 2025"],
    must_keep=["At least 13 people were killed and 22 others were hurt"])
F9 = ["2025-05-09", "2025-05-09"]
f(a, 13, "killed", AL, "Diamer police", F9)
f(a, 22, "wounded", EX, "Diamer police", F9)
f(a, 38, "other", EX, "Sardar Khan", F9)
f(a, 17, "wounded", EX, "Farooq Ahmed", F9)
f(a, 5, "wounded", EX, "Farooq Ahmed", F9)
f(a, 11, ["killed", "other"], EX, "Imran Shah", F9)
f(a, 2, ["killed", "other"], EX, "Imran Shah", F9)
f(a, 1000000, "other", EX, "chief minister", F9)
f(a, 200000, "other", EX, "chief minister", F9)
f(a, 1126, "killed", EX, "National Highways and Motorway Police", ["2015-01-01", "2024-12-31"])
f(a, 9, "killed", EX, None, ["2025-03-01", "2025-03-31"])

a = "44_jp_quake-ishikawa.txt"
art(a, "Strong quake hits Ishikawa Prefecture; 2 dead, 41 injured", "2025-10-14",
    note="09:10 JST on the 14th is 00:10 UTC the same day; the quake was at 23:52 JST on the 13th",
    must_remove=["Related articles", "Video 01:42"],
    must_keep=["A strong earthquake struck Ishikawa Prefecture on the Sea of Japan coast"])
QN = ["2025-10-13", "2025-10-14"]
f(a, 6.8, "other", EX, "Japan Meteorological Agency", QN)   # the agency's estimate as of its telling, or the quake's
f(a, 10, "other", AP, "Japan Meteorological Agency", QN)
f(a, 2, "killed", EX, "Fire and Disaster Management Agency", ["2025-10-14", "2025-10-14"])
f(a, 41, "wounded", EX, "Fire and Disaster Management Agency", ["2025-10-14", "2025-10-14"])
f(a, 7, "other", EX, "Wajima City officials", QN)
f(a, 3400, "displaced", AP, "Ishikawa Prefecture", QN)
f(a, 58, "other", EX, "Ishikawa Prefecture", QN)
f(a, 12000, "other", AP, "Hokuriku Electric Power Company", QN)
f(a, 2100, "other", AP, "Hokuriku Electric Power Company", ["2025-10-14", "2025-10-14"])
f(a, 20, "other", EX, None, QN)                       # "was observed": no teller in its sentence
f(a, 18000, ["other", "affected"], AP, "JR West", QN)   # passengers "affected" by a suspension
f(a, 500, "killed", AL, None, ["2024-01-01", "2024-12-31"])

a = "45_ie_storm-power.txt"
art(a, "Storm Brid: 180,000 homes, farms and businesses still without power", "2025-12-07",
    must_remove=["(Image: Brian Farrell)", "Five things to know about the storm clean-up", "(c) IPB News 2025"],
    must_keep=["More than 180,000 homes, farms and businesses remain without power this afternoon"])
S7 = ["2025-12-07", "2025-12-07"]
S67 = ["2025-12-06", "2025-12-07"]
f(a, 180000, "other", AL, None, S7)              # the lead names no teller
f(a, 143, "other", [EX, AM], "Met Eireann", S67)      # "gusts of up to 143km/h", then "the highest gust, 143km/h"
f(a, 310000, "other", EX, "ESB Networks", S67)
f(a, 1800, "deployed", AP, "ESB Networks", S7)
f(a, 150, "other", EX, "ESB Networks", S7)
f(a, 42000, ["affected", "other"], EX, "Uisce Eireann", S67)
f(a, 96, "other", EX, "Dublin Airport", ["2025-12-06", "2025-12-06"])
f(a, 14, "other", EX, "Dublin Airport", S7)
f(a, 35000, "other", AP, "NIE Networks", S7)
f(a, 12, "other", EX, None, S67)

a = "46_biz_carmaker-job-cuts.txt"
art(a, "Nordwerk to cut 4,500 jobs in Germany and close Kassel plant; union calls warning strikes", "2025-11-19",
    must_remove=["Listen to this article", "Sign up for our Autos newsletter", "Advertisement"],
    must_keep=["Of the cuts, 2,900 would come through early retirement and voluntary redundancy"])
W = ["2025-11-19", "2025-11-19"]
f(a, 4500, "other", EX, "Nordwerk", ["2025-11-19", "2027-12-31"])
f(a, 38000, "other", AP, None, W)              # a relative clause on the teller: the writer's
f(a, 1200000000, "other", EX, "Nordwerk", ["2025-11-19", "2028-12-31"])
f(a, 2900, "other", EX, "Nordwerk", ["2025-11-19", "2027-12-31"])
f(a, 1600, "other", EX, None, W)
f(a, 12000, "other", AL, "IG Metall", W)
f(a, 6, "other", EX, "IG Metall", W)
f(a, 310000000, "other", EX, "Nordwerk", ["2025-07-01", "2025-09-30"])
f(a, 42.18, "other", EX, None, W)
f(a, 7000, "other", EX, None, ["2025-01-01", "2025-11-19"])

a = "47_sci_heat-excess-deaths.txt"
art(a, "July heatwave killed an estimated 2,300 people in Spain, study finds", "2025-09-04",
    must_remove=["Reviewed by: Dr Hannah Price", "DOI: 10.0000/example.2025.0904",
                 "Why official heat tolls undercount deaths", "Share this story"],
    must_keep=["The researchers said the true toll was likely to lie between 1,700 and 2,900 deaths"])
JUL = ["2025-07-01", "2025-07-31"]
f(a, 2300, "killed", AP, "researchers", JUL)
f(a, (1700, 2900), "killed", "range", "researchers", JUL)
f(a, 1180, "killed", EX, "Carlos III Health Institute", JUL)
f(a, 46.2, "other", EX, "AEMET", ["2025-07-12", "2025-07-12"])
f(a, 612, ["wounded", "affected"], EX, "health ministry", JUL)
f(a, 240, ["wounded", "affected"], EX, "health ministry", ["2024-07-01", "2024-07-31"])
f(a, 3, "killed", EX, "labour unions", JUL)
f(a, (11000, 12000), "killed", "range", "Nature Medicine", ["2022-06-01", "2022-09-30"])

a = "48_police_drugs-raids.txt"
art(a, "Nine arrested and £1.8m of cocaine seized in county lines crackdown", "2025-03-11",
    must_remove=["Home > News > Latest news", "Share this page", "Was this page helpful? Yes / No"],
    must_keep=["Since the operation began in September, 63 people have been arrested and 41 charged"])
R = ["2025-03-11", "2025-03-11"]
PP = "Pennine Police"
f(a, 9, "captured", EX, PP, R)
f(a, 1800000, "other", [AP, EX], PP, R)            # "an estimated street value" (pages 12/33 differ on estimates)
f(a, 14, "other", EX, PP, R)
f(a, 120, "deployed", AL, PP, R)
f(a, 18, "other", AP, PP, R)
f(a, 64000, "other", EX, PP, R)
f(a, 3, "other", EX, PP, R)
f(a, 2, "other", EX, PP, R)                            # two vehicles
f(a, 7, "captured", EX, PP, R)
f(a, 2, "captured", EX, PP, R)                         # two still questioned in custody
f(a, 63, "captured", EX, PP, ["2024-09-01", "2025-03-11"])
f(a, 41, "captured", EX, PP, ["2024-09-01", "2025-03-11"])

a = "49_mag_flood-ten-years-on.txt"
art(a, "Ten years after the river came", "2025-06-12",
    note="a retrospective: the flood of June 2015 is told ten years later",
    must_remove=["Long read | 12 min read", "Illustration: Marta Conti", "Reuse this content", "More from Europe",
                 "This article appeared in the Europe section of the print edition"],
    must_keep=["The flood killed 23 people, most of them elderly residents of the lower town"])
FL = ["2015-06-16", "2015-06-17"]
f(a, 4.2, "other", EX, None, FL)
f(a, 23, "killed", EX, None, FL)
f(a, 2, ["missing", "killed"], EX, None, ["2015-06-17", "2025-06-12"])
f(a, 4000, "evacuated", AP, "Ivana Rossi", FL)
f(a, 1150, "other", EX, "government inquiry", ["2015-06-17", "2016-12-31"])
f(a, 86000000, "other", EX, "regional government", ["2015-06-17", "2019-12-31"])
f(a, 2300, "other", AP, None, ["2025-06-12", "2025-06-12"])
f(a, 3100, "other", EX, None, ["2014-01-01", "2015-06-16"])

a = "50_gulf_oman-floods-live.txt"
art(a, "Oman floods live: Death toll rises to 14 as rescuers search for missing", "2025-11-18",
    note="entries stamped in GMT+3, all on the 18th in UTC too",
    must_remove=["Follow Gulf24 on Instagram", "Feedback"],
    must_keep=["The NCEM says 1,350 people are staying in 22 shelters"])
O = ["2025-11-18", "2025-11-18"]
O78 = ["2025-11-17", "2025-11-18"]
f(a, 14, "killed", EX, "NCEM", O)
f(a, 9, "killed", EX, "NCEM", O78)
f(a, 3, "missing", EX, "Royal Oman Police", O)
f(a, 240, "other", EX, "Royal Oman Police", O78)
f(a, 1350, "displaced", EX, "NCEM", O)
f(a, 22, "other", EX, "NCEM", O)
f(a, 4, "other", EX, "NCEM", O)
f(a, 5, "other", EX, None, ["2025-11-18", "2025-11-20"])   # the ministry acts; no one tells it (page 14's convention)
f(a, 40, ["planned", "deployed"], EX, "United Arab Emirates", O)
f(a, 11, "killed", EX, "NCEM", O78)
f(a, 210, "other", EX, "Directorate General of Meteorology", O78)

SOURCES.update({   # round 15, pages 41-50
    "Petra Dvorakova": ["Petra Dvorakova", "Dvorakova", "police", "police spokeswoman"],
    "march organisers": ["organisers", "Organisers", "alliance"],
    "Crowdmetric": ["Crowdmetric", "data company"],
    "DPP": ["DPP", "transport operator"],
    "Milan Kopecky": ["Milan Kopecky", "Kopecky"],
    "Pavel Sedlak": ["Pavel Sedlak", "Sedlak", "Labour Minister"],
    "organisers of the 2019 march": ["organisers", "its organisers"],
    "OCD": ["Office of Civil Defense", "OCD"],
    "Pagasa": ["Pagasa", "state weather bureau"],
    "NDRRMC": ["National Disaster Risk Reduction and Management Council", "NDRRMC"],
    "Ramon Ferrer": ["Ramon Ferrer", "Ferrer", "Albay Gov. Ramon Ferrer"],
    "Department of Agriculture": ["Department of Agriculture", "Department of Agriculture's regional office"],
    "DPWH": ["Department of Public Works and Highways", "DPWH"],
    "Diamer police": ["police", "Sardar Khan", "Khan", "district police officer"],
    "Sardar Khan": ["Sardar Khan", "Khan", "district police officer", "police"],
    "Farooq Ahmed": ["Farooq Ahmed", "Ahmed", "Rescue 1122"],
    "Imran Shah": ["Imran Shah", "Shah", "Deputy Commissioner"],
    "chief minister": ["chief minister", "Gilgit-Baltistan chief minister"],
    "National Highways and Motorway Police": ["National Highways and Motorway Police"],
    "Japan Meteorological Agency": ["Japan Meteorological Agency", "JMA"],
    "Fire and Disaster Management Agency": ["Fire and Disaster Management Agency"],
    "Wajima City officials": ["Officials in Wajima City", "Wajima City", "officials"],
    "Ishikawa Prefecture": ["Ishikawa Prefecture"],
    "Hokuriku Electric Power Company": ["Hokuriku Electric Power Company", "Hokuriku Electric"],
    "JR West": ["JR West"],
    "ESB Networks": ["ESB Networks", "ESB", "company"],
    "Met Eireann": ["Met Eireann"],
    "Uisce Eireann": ["Uisce Eireann"],
    "Dublin Airport": ["Dublin Airport"],
    "NIE Networks": ["NIE Networks"],
    "Nordwerk": ["Nordwerk", "company", "Martina Roth", "Roth"],
    "IG Metall": ["IG Metall", "union", "Juergen Falk", "Falk"],
    "researchers": ["researchers", "study", "Imperial College London",
                    "London School of Hygiene & Tropical Medicine", "study's authors"],
    "Carlos III Health Institute": ["Carlos III Health Institute", "MoMo", "mortality monitoring system"],
    "AEMET": ["AEMET", "state weather agency"],
    "labour unions": ["labour unions", "CCOO", "UGT"],
    "Nature Medicine": ["Nature Medicine", "earlier study"],
    "Pennine Police": ["Pennine Police", "police", "force", "Sarah Whitlock", "Whitlock"],
    "Ivana Rossi": ["Ivana Rossi", "Rossi", "mayor"],
    "government inquiry": ["government inquiry", "inquiry"],
    "regional government": ["regional government"],
    "NCEM": ["National Committee for Emergency Management", "NCEM", "committee", "emergency committee"],
    "Royal Oman Police": ["Royal Oman Police", "police"],
    "Ministry of Education": ["Ministry of Education"],
    "United Arab Emirates": ["United Arab Emirates", "UAE"],
    "Directorate General of Meteorology": ["Directorate General of Meteorology"],
})


gold = {"about": "Answer key for the pages written by the storyledger team in its own words (story kinds the "
                 "dev sets lack); see tests/test_story_kinds.py.",
        "sources": SOURCES, "articles": A, "figures": F, "same_fact": [], "never_same_fact": []}
pathlib.Path(__file__).with_name("gold.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
print(len(A), "articles", len(F), "figures")
