#!/usr/bin/env python3
"""Generate kb/src/us-congress.json: the members of the U.S. Congress from 2012-09-27 on (the
current members and the former ones) with every term they served, and the party leaders among
them.

Sources, both from unitedstates/congress-legislators (CC0 1.0 / public domain; its LICENSE and
README "Public domain"), pinned to commit dfa9622 (2026-06-15):
- the current members: ../shared/data/us-congress/legislators-current.json (--data; that
  commit's legislators-current.yaml, see its PROVENANCE.md);
- the former members: the git history of legislators-current.yaml (--history: a git directory
  of a clone of the repository holding HISTORY_COMMIT; default $FACTLINT_CONGRESS_GIT, else
  <parent of ../shared>/.mirror/unitedstates+congress-legislators/repo). The repository's
  legislators-historical.yaml was not retrievable (the snapshot lists it but lacks its
  content), so a former member is the record of the last version of legislators-current.yaml
  (first-parent line) that holds them: every member who served on or after 2012-09-27 (the
  file's first commit), with all their terms back to their first. See former_members for the
  members left out (a mid-term departure whose end the history does not give) and FORMER_END
  for those brought back with a stated end. The data has birthdays (bio.birthday) but no death
  dates: a former member's `died` comes from DIED_IN_OFFICE (the FORMER_END page states the
  death) or DIED (a page that states it), with that page in the person's `ref`.
When either source is absent the output is left as it is (a clone without the data or the
clone keeps the committed file; `make kb` then only rebuilds kb/world.json). The whole file is
generated; hand-checked facts live in the tables below (NAMES, SAME_AS, LEADERSHIP_EXTRA,
FORMER_END), each with the page that states it.

People: `name` is the member's Wikipedia article title from the data (`id.wikipedia`,
without its "(… politician)" disambiguation), the form news uses ("Dick Durbin", "Chuck
Schumer"); aliases are the data's official_full name, first [middle] last, first + middle
initial + last, nickname + last, with the suffix ("Jr."); for a member with a suffix the
forms without it are left out (they name the father: Thomas Kean, Robert Menendez). An alias
another person of the KB (or another member) claims is dropped. A member whose common name is another
person's in a part before this one (Chris Smith, the UK minister) is named by the data's
official_full name ("Christopher H. Smith"); a common name two members share (two Mike
Rogerses) names neither: each takes its next candidate (name_candidates: official_full, then
the Wikipedia title with its disambiguation). A member whose common name is a person's in
another part with the same birth date (at that person's precision), or listed in SAME_AS, is
that person (Obama, Pence, Kerry, Harris): the person keeps the other part's id, name and
dates, and gains the aliases and terms. `short` is the last name. `born` is bio.birthday (all
but two former members have one).

Offices: us-senator, us-representative, us-house-delegate (the delegates of D.C. and the
territories and Puerto Rico's resident commissioner, who sit in the House but are not
Representatives), and the party leaders: Speaker, Senate and House majority/minority leaders
and whips (LEADER_OFFICES; other leadership_roles titles are not used; older records say
"Speaker" / "Majority Leader" with a chamber, see leader_office). A former member's leadership
role without an end ended with the membership (the end of the last term).

Terms: per person and office, a term of the data is split where `party_affiliations`
records a party switch (the earlier part ends the day the next starts). Consecutive terms
(next start at most MERGE_GAP days after the previous end: a new Congress convenes a few
days after the old one ends on January 3) are merged when party, state and district are the
same; a change of any of them starts a new term, so party switches and redistricting stay
visible. A scheduled end after as_of (kb/src/meta.json) becomes null: the data records the
end of the seat's term, not an observed departure.

Parties are written as adjectives ("Democratic"; the data says "Democrat"). The extended
fields (terms' party, state, district) and the roles legislator /
legislative_leader are written only when scripts/kb/build.py knows them (its SPEC and ROLES),
so the output always passes the build in the same commit.

Terms of current members name the source us-congress; those of former members
us-congress-history; a former member's last term whose end comes from FORMER_END names
us-congress-departures, with the page in `ref`.

Usage: python3 scripts/kb/gen_congress.py [--data DIR] [--history GITDIR] [--out FILE]
"""

import argparse
import datetime
import glob
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from gen_us import dump_part  # noqa: E402
import build  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.environ.get("FACTLINT_SHARED") or os.path.join(os.path.dirname(ROOT), "shared")
DEFAULT_DATA = os.path.join(SHARED, "data", "us-congress")
OUT = os.path.join(ROOT, "kb", "src", "us-congress.json")
# A git clone of unitedstates/congress-legislators (the history of legislators-current.yaml):
# --history, else $FACTLINT_CONGRESS_GIT, else the fetch mirror beside ../shared.
DEFAULT_HISTORY = (os.environ.get("FACTLINT_CONGRESS_GIT") or os.path.join(
    os.path.dirname(os.path.abspath(SHARED)), ".mirror", "unitedstates+congress-legislators",
    "repo"))
HISTORY_COMMIT = "dfa9622263dd4c8d08636926e498f1845704d7eb"  # the commit of ../shared's copy

SOURCE = {"id": "us-congress",
          "name": "unitedstates/congress-legislators legislators-current.yaml (commit dfa9622)",
          "url": "https://github.com/unitedstates/congress-legislators", "license": "CC0-1.0"}
DEPART = {"id": "us-congress-departures",
          "name": "Departure days of former members of Congress (resignations and deaths in "
                  "mid-term): the data set's own commit messages, news reports and Wikipedia "
                  "biographies",
          "url": "https://github.com/unitedstates/congress-legislators/commits/main",
          "license": "CC0-1.0 (commit messages); news, Wikipedia (CC BY-SA 4.0): facts only"}
HISTORY = {"id": "us-congress-history",
           "name": "unitedstates/congress-legislators: former members' last record in the "
                   "history of legislators-current.yaml (2012-09-27 to commit dfa9622)",
           "url": "https://github.com/unitedstates/congress-legislators", "license": "CC0-1.0"}
WIKI = {"id": "wikipedia-us-congress-leaders",
        "name": "Wikipedia articles on U.S. congressional leaders (infobox dates of office)",
        "url": "https://en.wikipedia.org/wiki/Party_leaders_of_the_United_States_House_of_Representatives",
        "license": "CC BY-SA 4.0 (facts only)"}

EXTENDED = "party" in build.SPEC["terms"]  # party/state/district on terms
ROLES = "legislator" in build.ROLES  # roles legislator / legislative_leader
MERGE_GAP = datetime.timedelta(days=7)
TERRITORIES = {"DC", "PR", "GU", "VI", "AS", "MP"}
US = ["U.S.", "US", "United States"]


def office(oid, name, titles, single, role):
    o = {"id": oid, "name": name, "titles": titles, "jurisdiction": US, "single_holder": single}
    if ROLES:
        o["role"] = role
    return o


OFFICES = [
    office("us-senator", "United States Senator", ["Senator", "Sen."], False, "legislator"),
    office("us-representative", "Member of the United States House of Representatives",
           ["Representative", "Rep.", "Congressman", "Congresswoman"], False, "legislator"),
    office("us-house-delegate",
           "Delegate or Resident Commissioner in the United States House of Representatives",
           ["Delegate", "Del.", "Resident Commissioner", "Congressman", "Congresswoman"], False,
           "legislator"),
    office("us-house-speaker", "Speaker of the United States House of Representatives",
           ["House Speaker", "Speaker of the House", "Speaker"], True, "legislative_leader"),
    office("us-senate-majority-leader", "Majority Leader of the United States Senate",
           ["Senate Majority Leader", "Majority Leader"], True, "legislative_leader"),
    office("us-senate-minority-leader", "Minority Leader of the United States Senate",
           ["Senate Minority Leader", "Minority Leader"], True, "legislative_leader"),
    office("us-house-majority-leader", "Majority Leader of the United States House of "
           "Representatives", ["House Majority Leader", "Majority Leader"], True,
           "legislative_leader"),
    office("us-house-minority-leader", "Minority Leader of the United States House of "
           "Representatives", ["House Minority Leader", "Minority Leader"], True,
           "legislative_leader"),
    office("us-senate-majority-whip", "Majority Whip of the United States Senate",
           ["Senate Majority Whip", "Majority Whip"], True, "legislative_leader"),
    office("us-senate-minority-whip", "Minority Whip of the United States Senate",
           ["Senate Minority Whip", "Minority Whip"], True, "legislative_leader"),
    office("us-house-majority-whip", "Majority Whip of the United States House of "
           "Representatives", ["House Majority Whip", "Majority Whip"], True,
           "legislative_leader"),
    office("us-house-minority-whip", "Minority Whip of the United States House of "
           "Representatives", ["House Minority Whip", "Minority Whip"], True,
           "legislative_leader"),
]
LEADER_OFFICES = {
    "Speaker of the House": "us-house-speaker",
    "Senate Majority Leader": "us-senate-majority-leader",
    "Senate Minority Leader": "us-senate-minority-leader",
    "House Majority Leader": "us-house-majority-leader",
    "House Minority Leader": "us-house-minority-leader",
    "Senate Majority Whip": "us-senate-majority-whip",
    "Senate Minority Whip": "us-senate-minority-whip",
    "House Majority Whip": "us-house-majority-whip",
    "House Minority Whip": "us-house-minority-whip",
}

def leader_office(role):
    """The office of a leadership_roles entry: the nine titles above, or the older records'
    "Speaker" / "Majority Leader" / ... with their chamber."""
    title = role["title"]
    if title in LEADER_OFFICES:
        return LEADER_OFFICES[title]
    chamber = {"house": "House", "senate": "Senate"}.get(role.get("chamber"))
    if title == "Speaker" and chamber == "House":
        return LEADER_OFFICES["Speaker of the House"]
    return LEADER_OFFICES.get(f"{chamber} {title}") if chamber else None


# Common names where the data's Wikipedia title is not the form news uses (bioguide -> name).
NAMES = {}

# Leadership terms of current members that legislators-current.yaml does not record
# (its leadership_roles start in the 2000s and miss some spells). Each from the official
# list named by its source. bioguide -> [(office, start, end, source id, ref)].
W = WIKI["id"]
LEADERSHIP_EXTRA = {
    "P000197": [  # Nancy Pelosi
        ("us-house-minority-whip", "2002-01-15", "2003-01-03", W,
         "https://en.wikipedia.org/wiki/Nancy_Pelosi (House Minority Whip 2002-01-15 - 2003-01-03)"),
        ("us-house-minority-leader", "2003-01-03", "2007-01-03", W,
         "https://en.wikipedia.org/wiki/Nancy_Pelosi (House Minority Leader 2003-01-03 - 2007-01-03)"),
        ("us-house-speaker", "2007-01-04", "2011-01-03", W,
         "https://en.wikipedia.org/wiki/Nancy_Pelosi (Speaker 2007-01-04 - 2011-01-03; "
         "Britannica: elected speaker on 2007-01-04)"),
    ],
    "H000874": [  # Steny Hoyer
        ("us-house-majority-leader", "2007-01-03", "2011-01-03", W,
         "https://en.wikipedia.org/wiki/Steny_Hoyer (House Majority Leader 2007-01-03 - 2011-01-03)"),
    ],
    "C000537": [  # Jim Clyburn
        ("us-house-majority-whip", "2007-01-03", "2011-01-03", W,
         "https://en.wikipedia.org/wiki/Jim_Clyburn (House Majority Whip 2007-01-03 - 2011-01-03)"),
    ],
    "M000355": [  # Mitch McConnell
        ("us-senate-majority-whip", "2003-01-03", "2007-01-03", W,
         "https://en.wikipedia.org/wiki/Mitch_McConnell (Senate Majority Whip 2003-01-03 - "
         "2007-01-03); senate.gov Party Whips: McConnell 2003-2007"),
    ],
    "T000250": [  # John Thune; the data calls 2019-2021 "Assistant Senate Majority Leader"
        ("us-senate-majority-whip", "2019-01-03", "2021-01-03", W,
         "https://en.wikipedia.org/wiki/John_Thune (Senate Majority Whip 2019-01-03 - "
         "2021-01-20; the data has 2021-01-03 - 2021-01-20)"),
    ],
}


C = "https://github.com/unitedstates/congress-legislators/commit/"
# Former members whose last term ended before the end their last record gives (resigned, died,
# expelled; see former_members): bioguide -> (the day the term ended, the page that states it).
# Only these come back; the others stay out of the KB.
FORMER_END = {
    # From the data set's commit that retired the member (its message states the day).
    "F000116": ("2012-12-03", C + "3c98e209 (Bob Filner resigned on 2012-12-03)"),
    "B001244": ("2013-08-02", C + "a8fd6d9d (Jo Bonner resigned Aug 2, 2013)"),
    "B000243": ("2014-02-06", C + "65a88863 (Max Baucus resigned on Feb. 6, 2014)"),
    "M001151": ("2017-10-21", C + "8c0161d8 (Tim Murphy resigns as of 2017-10-21)"),
    "F000457": ("2018-01-02", C + "5ee94bb6 (Al Franken resigns effective 2018-01-02)"),
    "T000462": ("2018-01-15", C + "4894b226 (Rep. Tiberi resigned effective Jan 15), 2018"),
    "F000449": ("2022-03-31", C + "47e389d5 (Reps. Fortenberry and Vela resigned March 31), "
                "2022"),
    "V000132": ("2022-03-31", C + "47e389d5 (Reps. Fortenberry and Vela resigned March 31), "
                "2022"),
    "M001165": ("2023-12-31", C + "5fed1a9d (Kevin McCarthy resigned effective Dec. 31.), "
                "2024-01-04"),
    "J000032": ("2024-07-19", C + "efba198e (Sheila Jackson Lee died on July 19, 2024)"),
    "P000096": ("2024-08-21", C + "ebd89d2a (Bill Pascrell died on Aug. 21, 2024)"),
    # From news reports.
    "K000148": ("2013-02-01", "https://politicalticker.blogs.cnn.com/2013/01/29/kerry-confirmed-"
                "by-senate-colleagues-as-secretary-of-state/ (resignation effective Friday "
                "[2013-02-01] at 4 p.m.)"),
    "C001046": ("2014-08-18", "https://www.mcclatchydc.com/news/politics-government/"
                "article24771310.html (resign from Congress, effective Aug. 18 [2014])"),
    "H001075": ("2021-01-18", "https://townhall.com/tipsheet/print/2583329 (resignation "
                "letter: effective January 18th, 2021)"),
    "S001141": ("2017-02-08", "http://cowgernation.com/2017/02/09/jeff-sessions-confirmed-as-"
                "attorney-general/ (U.S. Senator for Alabama from January 3, 1997 to February 8, "
                "2017)"),
    "M000303": ("2018-08-25", "https://www.ocregister.com/2018/08/25/john-mccain-senator-war-hero-"
                "and-maverick-republican-dies-at-81/ (family statement: died at 4:28pm on August "
                "25, 2018)"),
    "F000062": ("2023-09-28", "https://www.ncronline.org/news/sen-dianne-feinstein-remembered-"
                "extraordinary-legacy-dies-90 (died the evening of Sept. 28 [2023], according to "
                "her office)"),
    "P000591": ("2017-02-10", "https://en.wikipedia.org/wiki/Tom_Price_(American_politician) "
                "(U.S. House, January 3, 2005 - February 10, 2017)"),
    "P000602": ("2017-01-23", "https://review.clateway.com/wiki/view_html.php?q=Mike_Pompeo "
                "(Wikipedia copy: U.S. House from Kansas's 4th district, January 3, 2011 - "
                "January 23, 2017)"),
    "F000455": ("2021-03-10", "https://en.wikipedia.org/wiki/Marcia_Fudge (U.S. House, "
                "November 19, 2008 - March 10, 2021)"),
    "H001080": ("2021-03-16", "https://en.wikipedia.org/wiki/Deb_Haaland (U.S. House, January 3, "
                "2019 - March 16, 2021)"),
    "R000595": ("2025-01-20", "https://www.keranews.org/2025-01-20/marco-rubio-confirmed-as-"
                "secretary-of-state (NPR, 2025-01-20: after the vote Thune submitted Rubio's "
                "resignation from the Senate into the record)"),
    "W000823": ("2025-01-20", "https://standardnews.online/2025/01/20/trump-national-security-"
                "adviser-pick-waltz-resigns-from-house-shrinking-gop-majority (resignation "
                "letter: effective January 20th, 2025)"),
    "C000984": ("2019-10-17", "https://www.npr.org/2019/10/17/770851734/maryland-democratic-rep-"
                "elijah-cummings-dies-at-68 (died; NYDN: died on Oct. 17, 2019, his office said)"),
    "S001222": ("2023-12-01", "https://pjmedia.com/jon-del-arroz/2023/12/01/breaking-house-of-"
                "representatives-votes-to-expel-george-santos-for-fraud-and-abuse-n4924288 (expelled "
                "on Friday, Dec. 1, 2023)"),
    "M000639": ("2024-08-20", "https://www.marketscreener.com/news/latest/Senator-Menendez-"
                "resigns-after-corruption-conviction-47449251/ (resignation effective Aug. 20, "
                "2024)"),
    "G000578": ("2024-11-13", "https://www.newsmax.com/newsfront/matt-gaetz-attorney-general-"
                "congress/2024/11/13/id/1187987/ (2024-11-13: resigned effective immediately, the "
                "Speaker announced on Wednesday)"),
    "V000137": ("2025-01-10", "https://www.foxnews.com/politics/vance-resigns-from-senate-he-"
                "trump-prepare-take-office (resignation letter: effective January 10, 2025)"),
    # Second round (2026-11-30). From the data set's commits that state the day.
    "A000210": ("2014-02-18", C + "3787e202 (Rep. Robert Andrews (NJ-1) resigned from the 113th "
                "Congress on February 18, 2014)"),
    "T000473": ("2016-07-20", C + "f22b502 (Mark Takai passed away on July 20, 2016)"),
    "H001063": ("2016-12-04", C + "df858fb (Rep. Janice Hahn resigned, effective Dec. 4, 2016)"),
    "M001182": ("2017-02-16", C + "30ac246 (Mick Mulvaney resigned 2017-02-16)"),
    "M001179": ("2019-01-23", C + "aeb903c (Rep. Tom Marino resigned, effective 2019-01-23)"),
    "H001088": ("2022-02-17", C + "65d158a (Rep. Hagedorn died on Feb 17), 2022"),
    "Y000033": ("2022-03-18", C + "b5218bb2 (Rep. Hagedorn died on Feb 17, Rep. Young died on "
                "March 18), 2022"),
    "D000610": ("2022-09-30", C + "0edacd3 (Rep. Deutch resigned Sept 30), 2022"),
    "S001197": ("2023-01-08", C + "b743c11 (Sen. Sasse retired on Jan. 8), 2023"),
    "S001192": ("2023-09-15", C + "a94f223 (Rep. Cicilline resigned May 31 and Rep. Stewart "
                "resigned Sept 15), 2023"),
    # From news reports and encyclopedia pages found with the project's search tool.
    "D000621": ("2018-09-10", "https://www.abcactionnews.com/news/state/rep-ron-desantis-resigns-"
                "from-congress-to-focus-on-florida-governor-s-race (AP, 2018-09-10: letter to the "
                "Speaker on Monday announcing his immediate resignation; he asked that it be "
                "retroactive to Sept. 1 for his pay, WFTV)"),
    "I000025": ("2012-12-17", "https://abcnews.go.com/Politics/OTUS/senator-daniel-inouye-dies-"
                "offcie-hawaii-state/story?id=18001650 (died Dec. 17, 2012; Wikipedia: U.S. Senator "
                "January 3, 1963 - December 17, 2012)"),
    "L000123": ("2013-06-03", "https://www.nbcphiladelphia.com/news/local/Sen-Frank-Lautenberg-"
                "Dies-209917751.html (died at 4:02 a.m. Monday [2013-06-03], his office said)"),
    "L000287": ("2020-07-17", "https://avoice-new.cbcfinc.org/?p=5811 (represented Georgia's 5th "
                "district from 1987 until his death on July 17, 2020; ABC News: died July 17, 2020)"),
    "M001187": ("2020-03-30", "https://news.ballotpedia.org/2020/03/31/meadows-resigns-from-"
                "congress-to-become-new-white-house-chief-of-staff/ (resigned from Congress on "
                "March 30; letter: effective 5:00 p.m. Monday, March 30 [2020])"),
    "R000601": ("2020-05-22", "https://simple.m.wikipedia.org/wiki/John_Ratcliffe_(American_"
                "politician) (U.S. House from Texas's 4th district, January 3, 2015 - May 22, 2020; "
                "Townhall, 2020-05-26: confirmed Thursday [May 21], officially resigned from the "
                "House the next day)"),
    "I000055": ("2019-12-31", "https://news.ballotpedia.org/2020/01/03/sen-johnny-isakson-r-ga-"
                "resigns-from-u-s-senate/ (resigned from the Senate on December 31, 2019)"),
    "B000589": ("2015-10-31", "https://www.knowpia.com/knowpedia/John_Boehner (Wikipedia copy: "
                "U.S. House from Ohio's 8th district, January 3, 1991 - October 31, 2015; Speaker "
                "January 5, 2011 - October 29, 2015, succeeded by Paul Ryan)"),
    "K000352": ("2018-12-31", "https://www.lcsun-news.com/story/news/politics/arizona/2018/12/14/"
                "jon-kyl-resign-senate-seat-arizona-john-mccain/2309788002/ (letter: resign "
                "effective 11:59 p.m. EST December 31, 2018)"),
    "I000024": ("2023-01-03", "https://tulsabeacon.com/sen-jim-inhofe-87-will-retire-from-the-"
                "senate-on-jan-3/ (retiring from the Senate effective January 3, 2023)"),
    "C000567": ("2018-04-01", "https://www.nbcnewyork.com/news/politics/Senator-Thad-Cochran-"
                "Resigning-April-1-475872433.html (resign his seat effective April 1 [2018]); data "
                "commit 59928c3e of 2018-03-31: to resign effective tomorrow"),
    "C000714": ("2017-12-05", "https://www.politico.com/story/2017/12/05/conyers-announces-hes-"
                "leaving-congress-endorses-son-as-successor-278870 (resigns effective immediately, "
                "2017-12-05; his letter was laid down on the House floor that day)"),
    "C001076": ("2017-06-30", "https://twt-stag.stag.aws.washtimes.com/news/2017/jun/23/chaffetz-"
                "cements-plans-to-resign-from-congress-on- (AP, 2017-06-23: letter to the Speaker, "
                "resigns effective June 30 [2017])"),
    "W000813": ("2022-08-03", "https://www.chronicle-tribune.com/news/walorski-two-staff-members-"
                "other-driver-killed-in-a-two-vehicle-crash/article_e837b27d-4bac-5f7b-a810-"
                "a199e7cc245e.html (2022-08-03: killed Wednesday in a car accident, her office said)"),
    "H000324": ("2021-04-06", "https://www.axios.com/2021/04/06/alcee-hastings-dies-cancer "
                "(passed away on Tuesday [2021-04-06])"),
    "N000181": ("2022-01-01", "https://www.latimes.com/politics/story/2022-01-03/devin-nunes-"
                "officially-resigns-from-congress-clearing-way-to-helm-trumps-social-media-empire "
                "(letter to the Speaker: resignation effective 11:59 p.m. Saturday [2022-01-01])"),
    "B001297": ("2024-03-22", "https://www.hindustantimes.com/world-news/us-news/colorado-rep-ken-"
                "buck-to-resign-from-congress-cites-political-polarisation-as-reason-"
                "101710299433342.html (resignation effective on March 22 [2024]; Fox News: a member "
                "until the end of the day on March 22)"),
    "M001200": ("2022-11-28", "https://thehill.com/homenews/house/3753775-house-democratic-rep-"
                "donald-mceachin-dies-at-61/ (died Monday night [2022-11-28], his office said)"),
    "S000480": ("2018-03-16", "https://apnews.com/044c93880784f6be5ebc1a23d9ccfce6 (died early "
                "Friday [2018-03-16], according to her office)"),
    "J000255": ("2019-02-10", "https://www.ncspin.com/congressman-walker-jones-has-died (died "
                "Sunday around 4 p.m. on his 76th birthday, published February 10, 2019)"),
    "Y000031": ("2013-10-18", "https://www.theledger.com/story/news/2013/10/19/florida-u-s-rep-"
                "bill/8151689007/ (died Friday, Oct. 18, 2013, at 6:50 p.m.)"),
    "W000207": ("2014-01-06", "http://www.adn.com/article/20140106/mel-watt-becomes-new-chief-"
                "overseeing-fannie-freddie (sworn in as FHFA director Monday afternoon [2014-01-06] "
                "while bringing to an end his career in Congress)"),
    "S001179": ("2015-03-31", "https://www.peoriapublicradio.org/post/schock-resigns-i-do-heavy-"
                "heart (statement, 2015-03-17: resignation effective March 31st); data commit "
                "d2f5d9b9: resigned as of the end of last month"),
    "F000448": ("2017-12-08", "https://www.rollcall.com/news/politics/arizona-rep-trent-franks-now-"
                "resigning-immediately (statement: resignation effective today, December 8th, "
                "2017)"),
    "F000460": ("2018-04-06", "https://www.kristv.com/news/2018/04/06/congressman-farenthold-"
                "resigns-from-congress/ (resignation effective 5:00 p.m. on Friday, April 6, 2018)"),
    "M001181": ("2018-04-27", "https://www.courthousenews.com/embattled-gop-lawmaker-abruptly-"
                "resigns-congress/ (2018-04-27: resigns his position immediately; letter to the "
                "Speaker and the governor that Friday); data commit 81ee69f5: resigned effective "
                "today"),
    "F000043": ("2016-06-23", "https://www.huffpost.com/entry/chaka-fattah-resigns_n_576c149ae4b08"
                "cbaeab1a8ef (Reuters, June 23: resigned on Thursday, letter: effective "
                "immediately)"),
    "D000614": ("2019-09-23", "https://www.huffpost.com/entry/sean-duffy-resign-congress_n_5d63"
                "fbfae4b058f037f4cbc4 (2019-08-26: he will step down Sept. 23); kb/src/us-cabinet-"
                "2021.json holds his later office"),
    "B001283": ("2018-04-23", "https://www.satellitetoday.com/government-military/2018/04/24/"
                "bridenstine-officially-sworn-in-as-nasa-administrator/ (sworn in as NASA "
                "administrator April 23 [2018]; resigned his congressional seat a few hours "
                "before)"),
    "H001048": ("2020-01-13", "https://www.latimes.com/politics/story/2020-01-07/rep-duncan-"
                "hunter-resigns (letter to the Speaker and the governor: resigns Jan. 13 [2020]; "
                "to the governor: effective close of business on January 13, 2020)"),
    "G000560": ("2020-10-04", "https://knowpickens.com/news/n.php?id=7119 (letters of 2020-10-02: "
                "stepping down effective Sunday, October 4, 2020, at 11:59 p.m.)"),
    "W000827": ("2021-02-07", "https://cbsnews.com/news/congressman-ron-wright-dies-covid-19 "
                "(his office: passed away peacefully on February 7, 2021)"),
    "P000604": ("2024-04-24", "https://kesq.com/news/ap-national-news/2024/04/24/us-rep-donald-"
                "payne-jr-a-democrat-from-new-jersey-has-died-at-65-after-a-heart-attack/ (AP, "
                "2024-04-24: died Wednesday)"),
    "G000579": ("2024-04-24", "https://www.yahoo.com/news/jersey-congressman-donald-payne-jr-"
                "182700076.html (2024-04-24: Payne's death comes the day Rep. Mike Gallagher "
                "officially resigns his seat; he had announced April 19)"),
    "S001187": ("2021-05-16", "https://www.cleveland.com/open/2021/04/rep-steve-stivers-resigning-"
                "to-take-ohio-chamber-of-commerces-top-job.html (resignation will take effect on "
                "May 16 [2021]); data commit 0d87f6b of 2021-05-15: resigns effective tomorrow"),
    "C001078": ("2025-05-21", "https://www.scrippsnews.com/politics/congress/democratic-rep-gerry-"
                "connolly-dies-after-fight-against-esophageal-cancer (2025-05-21: died Wednesday "
                "morning, his family announced); data commit 6ac17cb6 of 2025-05-21: Rep. Connolly "
                "died"),
    "G000551": ("2025-03-13", "https://www.foxnews.com/politics/democratic-rep-raul-grijalva-dead-"
                "77 (2025-03-13: died on Thursday morning, his office announced)"),
    "T000489": ("2025-03-05", "https://wtop.com/news/2025/03/us-rep-and-former-houston-mayor-"
                "sylvester-turner-dies-at-70/ (AP, 2025-03-05: died at 5:45 a.m. Wednesday, his "
                "family said)"),
    "G000596": ("2026-01-05", "https://www.ajc.com/video/news/2025/11/marjorie-taylor-greene-"
                "announces-she-will-resign-in-2026/ (2025-11-22: her final day in office will be "
                "Jan. 5, 2026); data commit 6530e8d of 2026-01-06: Rep. Greene resigned"),
    # Appointed senators, to the day their elected successor was sworn in.
    "L000594": ("2021-01-20", "https://rollcall.com/2021/01/20/padilla-ossoff-and-warnock-sworn-"
                "in-sealing-democrats-senate-majority/ (2021-01-20: Warnock, who had defeated "
                "Loeffler, sworn in on Wednesday)"),
    "S001202": ("2018-01-03", "https://talkingpointsmemo.com/dc/doug-jones-sworn-in-takes-jeff-"
                "sessions-seat-as-gop-majority-narrows (Jones sworn in Wednesday, Jan. 3, 2018, "
                "taking the seat temporarily held by appointee Luther Strange)"),
    "C001100": ("2013-10-31", "https://hamodia.com/2013/10/31/booker-sworn-in-as-newest-senator/ "
                "(AP, 2013-10-31: Booker sworn in Thursday; Chiesa, the outgoing interim senator, "
                "cast his final votes the day before)"),
    # Data commits whose message gives the day relative to the commit's own date.
    "C001094": ("2020-12-07", C + "47223a5 of 2020-12-07 (Rep. Cook resigns effective today)"),
    "R000585": ("2022-05-10", C + "514604b of 2022-05-11 (Rep. Tom Reed resigned yesterday)"),
    "R000588": ("2021-01-15", C + "1c2720ad of 2021-01-16 (Rep. Richmond resigned yesterday to "
                "join the Biden Administration)"),
    "C001111": ("2022-08-31", C + "878dc07 of 2022-09-01 (Rep. Crist resigned yesterday)"),
    "D000630": ("2022-05-25", C + "b6c8c0b of 2022-05-26 (Rep. Delgado resigned yesterday)"),
    "D000604": ("2018-05-12", C + "fcf7859 of 2018-05-12 (Rep. Dent resigns as of the end of the "
                "day today)"),
    "N000186": ("2015-02-06", C + "3995607a of 2015-02-06 (Rep. Alan Nunnelee died today)"),
    "L000580": ("2018-12-31", C + "6e251a28 of 2018-12-28 (Rep. Lujan Grisham resigns at the end "
                "of the year to become NM's governor)"),
}

# Deaths (issue #13, kb-deaths). The data has none, so a former member's `died` comes from a page
# that states it, in the person's `ref` (`born` stays the data's bio.birthday, the person's
# `source`). Members who died in office: their FORMER_END is the day of death and its page states
# the death (checked one by one; Walorski: killed in a car accident).
DIED_IN_OFFICE = {
    "I000025", "L000123", "Y000031", "S000480", "Y000033", "F000062", "M000303", "H000324",
    "P000096", "J000255", "L000287", "G000551", "C001078", "C000984", "W000827", "T000489",
    "J000032", "P000604", "W000813", "M001200", "T000473", "H001088", "N000186",
}
# Members who died after leaving Congress: bioguide -> (date, precision, the page that states it).
# Each found with the project's search tool (stored copies of news reports and obituaries),
# 2026-11-30; where the reports differ on the day the month is kept.
DIED = {
    "A000069": ("2018-04-01", "month", "http://www.staradvertiser.com/2018/04/06/breaking-news/"
                "hawaii-reacts-to-news-of-death-of-daniel-akaka/ (2018-04-06: died early this "
                "morning); AP: died Friday [April 6]; The Hill: died on Thursday [April 5], so the "
                "month only"),
    "H000067": ("2019-03-07", "day", "https://www.upi.com/Top_News/US/2019/03/07/Ralph-Hall-oldest-"
                "person-to-serve-in-US-House-dies-at-95/8901551992561/ (March 7 [2019]: died "
                "Thursday at his home in Texas)"),
    "D000355": ("2019-02-07", "day", "https://www.legacy.com/news/celebrity-deaths/john-dingell-1926"
                "-2019-longest-serving-congressman-in-u-s-history/ (died Thursday, Feb. 7, 2019 in "
                "Dearborn)"),
    "C000714": ("2019-10-27", "day", "https://en.m.wikinews.org/wiki/US_Representative_John_Conyers"
                "_dies_at_age_90 (Monday, October 28, 2019: yesterday ... died); BET: died on Sunday "
                "(October 27)"),
    "K000172": ("2021-10-13", "day", "https://flintbeat.com/former-congressman-dale-kildee-passes-"
                "away-at-92/ (died on Oct. 13 at the age of 92)"),
    "R000053": ("2025-05-26", "day", "https://www.elheraldo.hn/mundo/charlie-rangel-excongresista-"
                "harlem-muere-94-anos-AP25911256 (died at 94, NBC New York confirmed Monday 26 May); "
                "The Root: died on Monday, 26 May, his family said"),
    "J000174": ("2020-05-27", "day", "https://www.rollcall.com/2020/05/27/former-rep-sam-johnson-a-"
                "vietnam-pow-has-died-at-89/ (2020-05-27: died Wednesday at the age of 89)"),
    "S000810": ("2020-01-24", "day", "https://www.pressdemocrat.com/news/10632559-181/pete-stark-"
                "longtime-east-bay (died Jan. 24 [2020] at his home in Harwood, Maryland)"),
    "L000504": ("2019-04-28", "day", "https://chicagocrusader.com/indiana-mourns-loss-of-statesman-"
                "senator-richard-g-lugar/ (died peacefully on Sunday April 28 [2019] at 1:44 a.m.)"),
    "B000652": ("2018-08-17", "day", "https://www.washingtonpost.com/local/obituaries/leonard-l-"
                "boswell-eight-term-iowa-congressman-dies-at-84/2018/08/18/e72e9406-a2fe-11e8-8e87-"
                "c869fe70a721_story.html (died Aug. 17 at a Des Moines hospital)"),
    "H000338": ("2022-04-23", "day", "https://sharesplosion.com/former-utah-senator-orrin-hatch-"
                "dies-at-88/ (died Saturday, April 23, 2022, the Hatch Foundation); NYDN: died "
                "Saturday"),
    "L000261": ("2021-07-29", "day", "https://www.rollcall.com/2021/07/29/former-sen-carl-levin-"
                "champion-of-congressional-oversight-dies-at-87/ (2021-07-29: has died, announced "
                "Thursday); AP: his family says Levin died Thursday, July 29, 2021"),
    "L000274": ("2021-07-15", "day", "https://www.redlandsdailyfacts.com/2021/07/16/family-friends-"
                "former-colleagues-remember-longtime-inland-empire-rep-jerry-lewis/ (died Thursday, "
                "July 15 [2021])"),
    "I000024": ("2024-07-09", "day", "https://abcnews.go.com/Politics/jim-inhofe-former-us-senator-"
                "oklahoma-dies-89/story?id=111778168 (2024-07-09: died, his family said; OAN: died "
                "shortly before 5 a.m. Tuesday [July 9, 2024])"),
    "K000305": ("2023-12-27", "day", "https://www.tmj4.com/news/local-news/wisconsin-gov-tony-evers-"
                "orders-flags-to-half-staff-for-late-herb-kohl (died after a brief illness on "
                "Wednesday, Dec. 27, 2023)"),
    "J000126": ("2023-12-31", "day", "https://www.keranews.org/news/2023-12-31/former-dallas-rep-"
                "eddie-bernice-johnson-dead-at-88 (died Sunday, Dec. 31, 2023, her family "
                "announced)"),
    "C000567": ("2019-05-30", "day", "https://www.sunherald.com/news/politics-government/national-"
                "politics/article230983133.html (passed away on May 30, 2019 in Oxford)"),
    "H000627": ("2017-11-22", "day", "https://www.dailyfreeman.com/2017/11/22/former-us-rep-maurice-"
                "hinchey-dies-at-79/ (2017-11-22: died Wednesday, his family said); Wikipedia: "
                "November 22, 2017"),
    "R000146": ("2021-12-28", "day", "https://www.wusa9.com/article/entertainment/entertainment-"
                "tonight/harry-reid-lion-of-senate-democrats-dead-at-82/603-595ebfe8-6e6b-44a1-b593-"
                "a2a9207ceeb4 (2021-12-28: died Tuesday afternoon, his family said)"),
    "E000285": ("2021-07-26", "day", "https://www.washingtontimes.com/news/2021/jul/27/mike-enzi-"
                "former-wyoming-senator-dies-following-bi/ (Tuesday, July 27, 2021: died Monday "
                "[July 26] at a hospital in Loveland, Colorado)"),
    "I000055": ("2021-12-19", "day", "https://dailycaller.com/2021/12/19/former-georgia-senator-"
                "johnny-isakson-dead-age-76/ (his foundation: passed away overnight on December 19, "
                "2021)"),
    "L000304": ("2024-03-27", "day", "https://www.thelist.com/1549887/former-us-senator-joe-"
                "lieberman-dead/ (his family: died this afternoon, March 27, 2024, in New York "
                "City)"),
    "P000099": ("2018-11-27", "day", "https://www.azleg.gov/legtext/54leg/1R/bills/HCR2041P.htm "
                "(Arizona House resolution: passed away on November 27, 2018); AP: died Tuesday, "
                "Nov. 27, 2018"),
    "F000010": ("2017-02-22", "day", "https://www.staradvertiser.com/2017/02/25/breaking-news/"
                "american-samoas-longest-serving-us-house-delegate-dies/ (AP: died Wednesday, Feb. "
                "22, 2017, at his home in Provo, Utah); RNZ says Thursday (New Zealand time)"),
    "O000085": ("2023-02-23", "day", "https://trib.al/v7uAZAE (WWLP: died at his home in Amherst on "
                "Thursday, February 23 [2023], according to an online obituary)"),
    # Second pass (kb-deaths2, 2026-11-30), same method.
    "L000480": ("2025-03-15", "day", "https://barnardgriffinnewsroom.com/nita-lowey-former-new-"
                "york-representative-dies-at-87 (her family's statement to CBS News: died "
                "peacefully on March 15 at the age of 87, in her home in Harrison, NY); WAMC, "
                "2025-03-16: has died at age 87"),
    "N000127": ("2024-10-18", "day", "https://kfgo.com/2024/10/18/rick-nolan-who-represented-two-"
                "minnesota-congressional-districts-three-decades-apart-dies-at-80 (AP, 2024-10-18: "
                "died Friday, his wife said, at their home in Nisswa); KAAL, 2024-10-18: the DFL "
                "Party announced on Friday"),
    # Third pass (kb-deaths3, 2026-11-30): the two former members born 1935-1950 whose death the
    # Wikidata export of every-politician-scrapers/us-cabinet (html/bio.csv, commit 0d5e73c)
    # gives, each confirmed by a news report found with the project's search tool.
    "C000560": ("2020-03-01", "month", "https://kyma.com/decision-2020/2020/03/28/former-oklahoma-"
                "sen-tom-coburn-has-died/ (2020-03-28: died at his home Saturday, his family's "
                "statement: \"passed away peacefully at home this morning\"); The Hill and News On 6: "
                "died Friday night [March 27], so the month only"),
    "A000373": ("2022-04-19", "day", "https://www.upi.com/Top_News/US/2022/04/20/obit-congressman-"
                "brad-ashford-nebraska/8351650459417/ (UPI, 2022-04-20: died on Tuesday [April 19]; "
                "his family: \"passed away early this morning\"); Nebraska Public Media, 2022-04-19: "
                "died Tuesday"),
    # Fourth pass (kb-deaths4, 2026-11-30): the former members born 1935-1950, one search each
    # with the project's search tool (stored obituaries and news reports); where the reports
    # differ on the day, the month only; where they give no day, the year the age fixes.
    "A000358": ("2021-10-03", "day", "https://thehill.com/homenews/house/575120-ex-rep-todd-akin-"
                "dies-at-74/ (The Hill: died late Sunday [October 3, 2021] at his home in Wildwood, "
                "his son Perry told the AP); RedState, 2021-10-04: news broke early this morning; "
                "Wikipedia: July 5, 1947 - October 3, 2021"),
    "J000285": ("2022-05-09", "day", "https://witnessslips.ilga.gov/legislation/102/HR/10200HR0868lv"
                ".htm (Illinois House resolution HR0868: passed away on May 9, 2022 at his home in "
                "Urbana; born July 23, 1946); Blasting News, 2022-05-13: passed away on May 9, 2022"),
    "C001089": ("2024-09-23", "day", "https://en.wikipedia.org/wiki/David_Curson (November 4, 1948 - "
                "September 23, 2024); Congressional Record, 1 October 2024, Rep. Dingell: grieve his "
                "passing; WTOL: died at 75 years old"),
    "J000177": ("2024-10-08", "day", "https://sodakgovs.com/2024/10/09/u-s-senator-tim-johnson-dies "
                "(died last night, on October 8, 2024 at the age of 77); SDPB, 2024-10-09: died "
                "Tuesday at the age of 77, according to a family spokesperson; Wikipedia: October 8, "
                "2024, Sioux Falls"),
    "F000116": ("2025-04-20", "day", "https://www.eastcountymagazine.org/print/42868 (East County "
                "Magazine, April 28, 2025: died April 20. He was 82); New York Times: died on April "
                "20; FOX 5/KUSI: Sunday, April 20"),
    "M000309": ("2025-06-01", "month", "https://www.longislandpress.com/2025/06/26/carolyn-mccarthy-"
                "dies/ (Long Island Press, 2025-06-26: died Thursday [June 26], aged 81); Newsday: "
                "died Wednesday [June 25] at her home in Fort Myers, so the month only"),
    "F000339": ("2026-01-01", "year", "https://newsnunc.com/article/barney-frank-gay-pioneer-and-"
                "liberal-stalwart-in-congress-dies-at-86 (copy of the New York Times obituary: died on "
                "Tuesday at his home in Ogunquit, Maine. He was 86 - born March 31, 1940, so 2026; "
                "no page at hand gives the day or month)"),
}

# Leadership spells of former members whose dates the record lacks or states otherwise
# (bioguide -> [(office, field, date, ref)]): the field ("start" or "end") of the member's
# spell in that office that is open or that starts on the day the record gives.
LEADERSHIP_FIX = {
    "B000589": [("us-house-speaker", "end", "2015-10-29",
                 "https://www.knowpia.com/knowpedia/John_Boehner (Wikipedia copy: Speaker January "
                 "5, 2011 - October 29, 2015, succeeded by Paul Ryan)")],
    "R000570": [("us-house-speaker", "start", "2015-10-29",
                 "https://www.knowpia.com/knowpedia/John_Boehner (Wikipedia copy: Boehner Speaker "
                 "to October 29, 2015, succeeded by Paul Ryan; the data gives 2015-10-28)")],
}

# Former members left out although their record is complete: they later held an office whose
# holders the KB records, at a time the KB cannot fill with a stated day, so the checker would
# call their title there wrong (silence instead). bioguide -> why.
LATER_OFFICE_UNKNOWN = {
    "C001093": "Doug Collins: Secretary of Veterans Affairs from February 2025 (confirmed "
               "2025-02-04; no page at hand gives the day he took office)",
}

# Members who are a person of another part without a birth date there, checked by hand
# (bioguide -> that person's id); with a birth date there, the same name and date suffice.
SAME_AS = {
    "R000615": "mitt-romney",  # the 2012 presidential candidate (events.json), senator 2019-25
    "M000303": "john-mccain",  # the 2008 presidential candidate (events.json), senator 1987-2018
    "P000602": "mike-pompeo",  # Secretary of State 2018-21 (us.json)
    "W000823": "mike-waltz",  # National Security Advisor 2025 (us.json)
    "H001062": "kathleen-hochul",  # Governor of New York 2021- (us-governors.json)
}


def slug(name):
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[.'’\"]", "", s)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def day(s):
    return datetime.date.fromisoformat(s)


def common_name(m):
    if m["id"]["bioguide"] in NAMES:
        return NAMES[m["id"]["bioguide"]]
    wiki = m["id"].get("wikipedia")
    if wiki:
        return re.sub(r"\s*\([^)]*\)$", "", wiki)
    n = m["name"]
    return f"{n.get('nickname') or n['first']} {n['last']}"


def name_forms(m):
    """Full-name forms of a member from the data's name parts."""
    n = m["name"]
    first, last, mid = n["first"], n["last"], n.get("middle")
    suffix = n.get("suffix")
    givens = [first] + ([n["nickname"]] if n.get("nickname") else [])
    forms = []
    if n.get("official_full"):
        forms.append(n["official_full"].replace('"', ""))
        forms.append(re.sub(r'\s*"[^"]*"', "", n["official_full"]))
    for g in givens:
        bases = [f"{g} {last}"]
        if mid:
            bases.append(f"{g} {mid} {last}")
            if not mid.endswith("."):
                bases.append(f"{g} {mid[0]}. {last}")
        for b in bases:
            forms.append(b)
            if suffix:
                forms.append(f"{b} {suffix}")
                forms.append(f"{b}, {suffix}")
    return [re.sub(r"\s+", " ", f).strip() for f in forms]


# The data's party nouns as the adjectives FORMAT.md and news use ("Democratic Sen. ...").
PARTY = {"Democrat": "Democratic"}


def member_terms(m):
    """The data's terms, split at party switches: dicts with office, start, end, party,
    state, district."""
    out = []
    for t in m["terms"]:
        if t["type"] == "sen":
            oid = "us-senator"
        elif t["state"] in TERRITORIES:
            oid = "us-house-delegate"
        else:
            oid = "us-representative"
        pieces = t.get("party_affiliations") or [{"start": t["start"], "end": t["end"],
                                                  "party": t["party"]}]
        pieces = sorted(pieces, key=lambda x: x["start"])
        for i, pa in enumerate(pieces):
            end = pieces[i + 1]["start"] if i + 1 < len(pieces) else t["end"]
            x = {"office": oid, "start": pa["start"], "end": end,
                 "party": PARTY.get(pa["party"], pa["party"]),
                 "state": t["state"]}
            if oid != "us-senator":
                x["district"] = t["district"]
            out.append(x)
    return out


def merge(terms, keys):
    out = []
    for t in sorted(terms, key=lambda t: t["start"]):
        prev = out[-1] if out else None
        if (prev and prev["office"] == t["office"] and prev["end"] is not None
                and day(prev["end"]) <= day(t["start"]) <= day(prev["end"]) + MERGE_GAP
                and all(prev.get(k) == t.get(k) for k in keys)):
            prev["end"] = t["end"]
        else:
            out.append(dict(t))
    return out


def former_members(gitdir, current):
    """Members of the past Congresses that the history of legislators-current.yaml knows:
    every member in some version of the file on the first-parent line up to HISTORY_COMMIT
    (the file exists from 2012-09-27) and not in `current` (bioguide ids), each as the record
    of the last version holding them. Returns (members, left_out): a member whose removal
    commit is dated before the end the record gives its last term is left out (the data's
    retire script writes the real end into legislators-historical.yaml in that commit, and
    that file is not in the history here: a resignation or death mid-term), unless
    FORMER_END gives that end; and the members of LATER_OFFICE_UNKNOWN. None when gitdir
    lacks the commit or PyYAML is missing."""
    import subprocess
    try:
        import yaml
    except ImportError:
        print("gen_congress.py: PyYAML is needed to read the history", file=sys.stderr)
        return None
    git = ["git", "-C", gitdir]
    if subprocess.run(git + ["cat-file", "-e", HISTORY_COMMIT + "^{commit}"],
                      capture_output=True).returncode != 0:
        return None
    log = subprocess.run(git + ["rev-list", "--first-parent", "--reverse",
                                "--format=%H %cI", HISTORY_COMMIT, "--",
                                "legislators-current.yaml"],
                         capture_output=True, text=True, check=True).stdout.split("\n")
    commits = [line.split() for line in log if line and not line.startswith("commit ")]
    cat = subprocess.Popen(git + ["cat-file", "--batch"], stdin=subprocess.PIPE,
                           stdout=subprocess.PIPE)
    last, removed, before = {}, {}, {}
    for sha, when in commits:
        cat.stdin.write(f"{sha}:legislators-current.yaml\n".encode())
        cat.stdin.flush()
        size = int(cat.stdout.readline().split()[2])
        text = cat.stdout.read(size).decode("utf-8")
        cat.stdout.read(1)
        now = {}
        for chunk in re.split(r"(?m)^(?=- id:)", text):
            m = re.search(r"(?m)^ +bioguide: (\S+)$", chunk)
            if m:
                now[m.group(1)] = chunk
        for b in before.keys() - now.keys():
            removed[b] = when[:10]
        for b in now.keys() - before.keys():
            removed.pop(b, None)
        last.update(now)
        before = now
    cat.stdin.close()
    cat.wait()
    members, left_out = [], []
    for b in sorted(last.keys() - set(current)):
        m = yaml.load(last[b], Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))[0]
        m = json.loads(json.dumps(m, default=str))  # dates as the JSON copy writes them
        end = m["terms"][-1]["end"]
        if b in FORMER_END:
            m["terms"][-1]["end"] = FORMER_END[b][0]
            m["_end_ref"] = FORMER_END[b][1]
        elif b in LATER_OFFICE_UNKNOWN:
            left_out.append(f"{b} ({LATER_OFFICE_UNKNOWN[b]})")
            continue
        elif removed[b] < end:
            left_out.append(f"{b} ({m['name'].get('official_full') or m['name']['last']}: "
                            f"removed {removed[b]}, last term to {end})")
            continue
        members.append(m)
    return members, left_out


# Generated parts yield to the parts before them in this order (their names, aliases and ids
# win; a later generator renames or drops its own clashing forms), so the generators do not
# depend on each other's last output: gb.json ignores the US parts, us-congress.json ignores
# us-cabinet.json.
YIELDS_TO_NONE_OF = {"gb.json": {"us-congress.json", "us-cabinet.json"},
                     "us-congress.json": {"us-cabinet.json"}}
# Hand-written parts that add dates to people of a generated part by id (build.py unites the
# two entries): a person of theirs with the id of a person already in the output is that
# person, not another one whose name the output must yield (Heath Shuler's birth in
# people-births-heads2.json).
PATCHES_OF = {"us-congress.json": {"people-births-heads2.json", "people-deaths3.json"}}


def other_kb_people(out_path, only=None):
    """Names and aliases of people in the other part files (casefolded) -> that person (the
    first part naming them wins); only the parts named in `only` when given."""
    people = {}
    skip = YIELDS_TO_NONE_OF.get(os.path.basename(out_path), set())
    patches = PATCHES_OF.get(os.path.basename(out_path), set())
    own_ids = set()
    if patches and os.path.exists(out_path):
        with open(out_path, encoding="utf-8") as f:
            own_ids = {p["id"] for p in json.load(f).get("people", [])}
    for path in sorted(glob.glob(os.path.join(os.path.dirname(out_path), "*.json"))):
        if (os.path.abspath(path) == os.path.abspath(out_path) or path.endswith("meta.json")
                or os.path.basename(path) in skip
                or (only is not None and os.path.basename(path) not in only)):
            continue
        with open(path, encoding="utf-8") as f:
            part = json.load(f)
        for p in part.get("people", []):
            if os.path.basename(path) in patches and p["id"] in own_ids:
                continue
            for form in [p["name"]] + p.get("aliases", []):
                people.setdefault(form.casefold(), p)
    return people


def other_kb_names(out_path, only=None):
    """Names and aliases of people in the other part files (casefolded) -> person id."""
    return {k: p["id"] for k, p in other_kb_people(out_path, only).items()}


def name_candidates(m):
    """The member's names in order of preference: the common name, the official full name,
    the Wikipedia title with its disambiguation ("Mike Rogers (Michigan politician)")."""
    out = [common_name(m), (m["name"].get("official_full") or "").replace('"', ""),
           m["id"].get("wikipedia") or ""]
    return [x for x in dict.fromkeys(out) if x]


def same_birth(person, birthday):
    """Whether a KB person's birth date (at its precision: John Kerry's is a year in
    us-state.json) agrees with the data's birthday."""
    born = person.get("born")
    if not born or not birthday:
        return False
    n = {"year": 4, "month": 7}.get(person.get("born_precision"), 10)
    return born[:n] == birthday[:n]


def choose_names(members, others):
    """bioguide -> (name, the person of another part who is this member, or None).

    A member whose common name is a person's in another part with the member's birth date (at
    that person's precision) is that person (Mike Pence, Marco Rubio) and keeps that person's id and name. Otherwise a name
    another person holds (another part's, or a second member's common name: two Mike Rogerses)
    is given up for the next of name_candidates, so that a shared name names nobody here."""
    common = {}
    for m in members:
        common.setdefault(common_name(m).casefold(), []).append(m["id"]["bioguide"])
    out, used = {}, set()
    for m in members:
        b = m["id"]["bioguide"]
        other = others.get(common_name(m).casefold())
        if other is not None and (same_birth(other, m["bio"].get("birthday"))
                                  or SAME_AS.get(b) == other["id"]):
            out[b] = (other["name"], other)
            used.add(other["name"].casefold())
            continue
        for cand in name_candidates(m):
            key = cand.casefold()
            if key in others or key in used or common.get(key, [b]) != [b]:
                continue
            out[b] = (cand, None)
            used.add(key)
            break
        else:
            sys.exit(f"gen_congress.py: no free name for {b} ({name_candidates(m)}); add the "
                     f"member to NAMES")
    return out


def generate(members, as_of, others):
    """members: the current members, then the former ones (marked "_former")."""
    people, terms = [], []
    ids = {}
    claims = {}
    forms_of = {}
    taken_ids = {p["id"] for p in others.values()}
    names = choose_names(members, others)
    for m in members:
        b = m["id"]["bioguide"]
        name, same = names[b]
        src = HISTORY["id"] if m.get("_former") else SOURCE["id"]
        if same:
            pid = same["id"]
        else:
            pid = slug(name)
            if pid in ids.values() or pid in taken_ids:
                pid = f"{pid}-{m['terms'][-1]['state'].lower()}"
            if pid in ids.values() or pid in taken_ids:
                sys.exit(f"gen_congress.py: two people would get id {pid!r}; add one to NAMES")
        ids[b] = pid
        forms = [f for f in dict.fromkeys(name_forms(m) + [common_name(m)])
                 if f.casefold() != name.casefold()]
        suffix = m["name"].get("suffix")
        if suffix:  # "Thomas Kean", "Robert Menendez" name the father: keep suffixed forms only
            forms = [f for f in forms if re.search(rf"\b{re.escape(suffix)}$", f)]
        forms_of[pid] = forms
        for f in {x.casefold() for x in [name] + forms}:
            claims.setdefault(f, set()).add(pid)
        person = {"id": pid, "name": name, "aliases": [], "short": [m["name"]["last"]]}
        if m["bio"].get("birthday"):
            person["born"] = m["bio"]["birthday"]
            person["source"] = src
        if same and same.get("born"):
            # Another part's person with dates: this part adds aliases and terms, not dates.
            person = {"id": pid, "name": name, "aliases": [], "short": [m["name"]["last"]]}
        elif b in DIED_IN_OFFICE or b in DIED:
            date, precision, ref = (FORMER_END[b][0], "day", FORMER_END[b][1]) \
                if b in DIED_IN_OFFICE else DIED[b]
            person["died"] = date
            if precision != "day":
                person["died_precision"] = precision
            shown = {"month": date[:7], "year": date[:4]}.get(precision, date)
            person["ref"] = f"died {shown}: {ref}"
        people.append(person)

        keys = ("party", "state", "district")
        for t in merge(member_terms(m), keys):
            end = t["end"] if t["end"] <= as_of else None
            term = {"person": pid, "office": t["office"], "start": t["start"], "end": end,
                    "source": src}
            if EXTENDED:
                for k in keys:
                    if k in t:
                        term[k] = t[k]
            if m.get("_end_ref") and t["end"] == m["terms"][-1]["end"]:
                term["source"], term["ref"] = DEPART["id"], m["_end_ref"]
            terms.append(term)
        lead = [{"office": leader_office(r), "start": r["start"], "end": r.get("end")}
                for r in m.get("leadership_roles", []) if leader_office(r)]
        fixes = LEADERSHIP_FIX.get(b, [])
        for oid, field, date, _ in fixes:
            spells = [r for r in lead if r["office"] == oid]
            if field == "end":
                for r in spells:
                    r["end"] = r["end"] or date
            elif spells:
                min(spells, key=lambda r: r["start"])["start"] = date
        if m.get("_former"):  # a former member's open role ended with the membership
            for r in lead:
                r["end"] = r["end"] or m["terms"][-1]["end"]
        for t in merge(lead, ()):
            end = t["end"] if t["end"] and t["end"] <= as_of else None
            term = {"person": pid, "office": t["office"], "start": t["start"], "end": end,
                    "source": src}
            for oid, field, date, ref in fixes:
                if t["office"] == oid and t[field] == date:
                    term["source"], term["ref"] = W, ref
            terms.append(term)
        for oid, start, end, src_id, ref in LEADERSHIP_EXTRA.get(b, []):
            terms.append({"person": pid, "office": oid, "start": start, "end": end,
                          "source": src_id, "ref": ref})
    for p in people:
        p["aliases"] = [f for f in forms_of[p["id"]]
                        if claims[f.casefold()] == {p["id"]} and f.casefold() not in others]
    people.sort(key=lambda p: p["id"])
    terms.sort(key=lambda t: (t["office"], t["start"], t["person"]))
    return people, terms


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--history", default=DEFAULT_HISTORY,
                    help="git directory of a congress-legislators clone holding HISTORY_COMMIT")
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    src = os.path.join(args.data, "legislators-current.json")
    if not os.path.exists(src):
        print(f"gen_congress.py: {src} not found; {os.path.relpath(args.out, ROOT)} "
              f"left unchanged")
        return 0
    with open(os.path.join(ROOT, "kb", "src", "meta.json"), encoding="utf-8") as f:
        as_of = json.load(f)["as_of"]
    with open(src, encoding="utf-8") as f:
        members = json.load(f)
    history = (former_members(args.history, [m["id"]["bioguide"] for m in members])
               if os.path.isdir(args.history) else None)
    if history is None:
        print(f"gen_congress.py: no commit {HISTORY_COMMIT[:7]} in {args.history} (--history, "
              f"$FACTLINT_CONGRESS_GIT); {os.path.relpath(args.out, ROOT)} left unchanged")
        return 0
    former, left_out = history
    for m in former:
        m["_former"] = True
    people, terms = generate(members + former, as_of, other_kb_people(args.out))
    used = {t["source"] for t in terms} | {p.get("source") for p in people}
    sources = [s for s in (SOURCE, HISTORY, WIKI, DEPART) if s["id"] in used]
    part = {"sources": sources, "people": people, "offices": OFFICES, "terms": terms}
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(dump_part(part))
    print(f"gen_congress.py: {len(members)} current and {len(former)} former members "
          f"({len(left_out)} former left out: last term's end unknown, or "
          f"LATER_OFFICE_UNKNOWN), {len(people)} people, {len(terms)} terms -> "
          f"{os.path.relpath(args.out, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
