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

gold = {"about": "Answer key for ten pages written by the storyledger team in its own words (story kinds the "
                 "dev sets lack); see tests/test_story_kinds.py.",
        "sources": SOURCES, "articles": A, "figures": F, "same_fact": [], "never_same_fact": []}
pathlib.Path(__file__).with_name("gold.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
print(len(A), "articles", len(F), "figures")
