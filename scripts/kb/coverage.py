#!/usr/bin/env python3
"""Coverage report of kb/world.json (printed, nothing written).

1. Heads of state and of government of every UN member state since 1990 (or since the state's
   independence when later): for each country, the share of days from that start to `as_of`
   on which some term of one of its head-of-state offices (role head_of_state or monarch) or
   head-of-government offices (role head_of_government) holds, and the uncovered years.
2. Foreign, defence, finance and interior ministers of the G20 members and Ukraine since 1990:
   the same share per office kind (the office ids are listed in MINISTERS below), each counted from
   the office's creation where it is later (OFFICE_CREATED; none where the country has no such office),
   leaving out the windows in which the office was abolished (OFFICE_ABOLISHED), with the terms of a predecessor office up to its replacement (PREDECESSORS).

Periods in which the president also heads the government (HOG_IS_PRESIDENT) are not counted
in the head-of-government column, nor periods in which the head of state's office was vacant
(HOS_VACANT) in the head-of-state column; the terms of another office whose holder was head of state
(HOS_BY_OTHER_OFFICE, a speaker acting as head of state) count in it. The largest gaps are printed first.

With --missing-births it prints instead the people without a birth date who hold a term of a
head-of-state, monarch or head-of-government office (role head_of_state, monarch,
head_of_government), each with those offices and the years of the terms, and then the members of
Congress (role legislator) without one; the last line gives the counts.

With --unsearched-deaths FROM TO, instead of the above: the people with no `died` who were born
in the years FROM–TO (oldest first), then the people with neither `born` nor `died` whose last
term ended before LAST_END_BEFORE (earliest end first), each with their offices, for a death
search (issue #13).
With --gaps CC [CC ...], instead of the above: for each country, its head-of-state and
head-of-government offices, the terms since 1989 (acting ones marked) and the uncovered date
ranges of each column (the same count as the table: HOG_IS_PRESIDENT and HOS_VACANT periods are
not gaps), to see which holders are missing.
Usage: python3 scripts/kb/coverage.py [--kb FILE] [--top N] [--missing-births | --unsearched-deaths FROM TO
                                      | --gaps CC [CC ...]]
Python 3 standard library only.
"""
import argparse
import datetime
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
START = datetime.date(1990, 1, 1)

# The 193 UN member states, ISO 3166-1 alpha-2 (lowercase, as the KB's office ids use them).
UN_MEMBERS = """af al dz ad ao ag ar am au at az bs bh bd bb by be bz bj bt bo ba bw br bn bg bf bi cv
kh cm ca cf td cl cn co km cg cr ci hr cu cy cz kp cd dk dj dm do ec eg sv gq er ee sz et fj fi fr ga
gm ge de gh gr gd gt gn gw gy ht hn hu is in id ir iq ie il it jm jp jo kz ke ki kw kg la lv lb ls lr
ly li lt lu mg mw my mv ml mt mh mr mu mx fm md mc mn me ma mz mm na nr np nl nz ni ne ng mk no om pk
pw pa pg py pe ph pl pt qa kr ro ru rw kn lc vc ws sm st sa sn rs sc sl sg sk si sb so za ss es lk sd
sr se ch sy tj th tl tg to tt tn tr tm tv ug ua ae gb tz us uy uz vu ve vn ye zm zw""".split()
assert len(UN_MEMBERS) == 193 and len(set(UN_MEMBERS)) == 193

# States independent (or unified) after 1990-01-01: coverage is counted from this day.
INDEPENDENCE = {
    "na": "1990-03-21", "ye": "1990-05-22", "lt": "1990-03-11", "ee": "1991-08-20", "lv": "1991-08-21",
    "ge": "1991-04-09", "ua": "1991-08-24", "by": "1991-08-25", "md": "1991-08-27", "az": "1991-08-30",
    "kg": "1991-08-31", "uz": "1991-08-31", "tj": "1991-09-09", "am": "1991-09-21", "tm": "1991-10-27",
    "kz": "1991-12-16", "hr": "1991-06-25", "si": "1991-06-25", "mk": "1991-09-08", "ba": "1992-03-03",
    "cz": "1993-01-01", "sk": "1993-01-01", "er": "1993-05-24", "pw": "1994-10-01", "tl": "2002-05-20",
    "me": "2006-06-03", "rs": "2006-06-05", "ss": "2011-07-09",
}

# Countries whose president heads the government (no separate head-of-government office is
# expected; the head-of-government column then reads "=HoS").
PRESIDENTIAL = set("""us br ar mx id ph co cl pe ve ec bo uy py cr pa gt hn sv ni do cy ng ke gh sl lr
gm mw zm zw bw na za ss sd ir af tm mv km sc ao bj ml ne td ga km ug er tj uz kz ss""".split())

# Periods in which the head of state (a president; once a king) also heads the government although the
# country is not in PRESIDENTIAL (or has a head-of-government office in the KB for other years):
# no separate head of government is expected then, so those days are not counted in the HoG
# column. Each row: cc -> [(from, to or None = as_of)], with the page that states it.
HOG_IS_PRESIDENT = {
    # "The president of Nauru is both head of state and head of government."
    # http://www.commonwealthofnations.org/sectors-nauru/government/president/
    "nr": [("1990-01-01", None)],
    # "the President of Palau is both head of state and head of government"
    # http://piglix.com/piglix/Politics_of_Palau
    "pw": [("1994-10-01", None)],
    # The president is "in accordance with the Constitution of 1987, the head of state and head of
    # government of Suriname". http://piglix.com/piglix/President_of_Suriname
    "sr": [("1990-01-01", None)],
    # "The President (Te Beretitenti) is the Head of State as well as the Head of Government".
    # https://www.parliament.gov.ki/presidency-and-cabinet
    "ki": [("1990-01-01", None)],
    # "The President of the Republic of the Marshall Islands is the head of state and government".
    # https://en.m.wikipedia.org/wiki/President_of_the_Marshall_Islands
    "mh": [("1990-01-01", None)],
    # "The President is the Head of State and Head of Government for the Federated States of
    # Micronesia." https://gov.fm/index.php
    "fm": [("1990-01-01", None)],
    # Prime Minister abolished in 1984, "when the State President was given executive powers after
    # a new constitution was adopted". https://www.liquisearch.com/prime_minister_of_south_africa
    "za": [("1990-01-01", None)],
    # Prime Minister abolished 31 December 1987 (Mugabe president and head of government), restored
    # 11 February 2009 (Tsvangirai), abolished again 11 September 2013 by the 2013 Constitution.
    # https://wikimili.com/en/Prime_Minister_of_Zimbabwe
    "zw": [("1990-01-01", "2009-02-11"), ("2013-09-11", None)],
    # Binali Yıldırım "the last of 27 prime ministers"; from the transfer of powers (9 July 2018) the
    # president "sit[s] alone at the top of the government's executive".
    # http://www.dailymail.co.uk/wires/afp/article-5932339/Binali-Yildirim-Turkeys-PM-loyal-Erdogan-servant.html
    "tr": [("2018-07-09", None)],
    # The post abolished in 1983 and restored with Habib Thiam on 8 April 1991 (Primi ministri del
    # Senegal, https://it.wikipedia.org/wiki/Primi_ministri_del_Senegal); abolished again in 2019
    # (Dionne's term ended 14 May 2019) and re-established when Amadou Ba was appointed on 17
    # September 2022.
    # https://www.devdiscourse.com/article/politics/2182236-senegals-president-macky-sall-names-amadou-ba-as-prime-minister
    "sn": [("1990-01-01", "1991-04-08"), ("2019-05-14", "2022-09-17")],
    # The transitional government formed on 29 March 2025 has no prime minister (the position was
    # abolished; the president heads the cabinet).
    # https://en.wikipedia.org/wiki/Syrian_transitional_government
    "sy": [("2025-03-29", None)],
    # Sylvestre Nsanzimana, appointed on 12 October 1991, was Rwanda's "erste Premierminister ... nach
    # über dreißig Jahren". https://de.m.wikipedia.org/wiki/Sylvestre_Nsanzimana
    "rw": [("1990-01-01", "1991-10-12")],
    # Koffigoh became head of government on 27 August 1991 "when a national conference put a prime
    # minister alongside the president"; the office had been abolished in 1961.
    # https://de.zxc.wiki/wiki/Joseph_Kokou_Koffigoh
    "tg": [("1990-01-01", "1991-08-27")],
    # President Saied dismissed Prime Minister Mechichi on 25 July 2021 and said "he would temporarily
    # head the government until he appoints a new prime minister" (Najla Bouden, 11 October 2021).
    # https://tntribune.com/tunisian-president-sacks-prime-minister-freezes-parliament/
    "tn": [("2021-07-25", "2021-10-11")],
    # The head of state here is a king: Gyanendra dismissed the Deuba government on 1 February 2005;
    # "The Council of Ministers to be constituted will be under our chairmanship" (to Koirala's
    # premiership, 25 April 2006). http://archive.nepalnews.com/king-dismisses-deuba-govt-assumes-power-for-three-years/
    "np": [("2005-02-01", "2006-04-25")],
    # Switzerland has no head of government apart from the head of state: "under the Swiss Federal
    # Constitution, the Federal Council doubles as a collective head of state and head of government";
    # the KB's head of state is its president (ch-president). https://graphsearch.epfl.ch/concept/33730924
    "ch": [("1990-01-01", None)],
    # Burundi's prime minister was abolished from 12 June 1998 to 23 June 2020 ("Abolished 12 June 1998 –
    # 23 June 2020", https://wikimili.com/en/Prime_Minister_of_Burundi); until the 2018 constitution's
    # post was filled, the president was seconded by two vice-presidents
    # (https://atlanticactu.com/burundi-alain-guillaume-bunyoni-nomme-premier-ministre).
    "bi": [("1998-06-12", "2020-06-23")],
    # Republic of the Congo: Bernard Kolélas, prime minister 8 September – 15 October 1997, was
    # succeeded by Isidore Mvouba "after the reinstatement of the post in 2005"
    # (https://fr.wiki7.org/wiki/Колелас,_Бернар_Бакана); Mvouba held it 7 January 2005 –
    # 15 September 2009, "after his post of Prime Minister was eliminated" it stayed empty until
    # Clément Mouamba (2016) (https://pinocchiopedia.com/wiki/Isidore_Mvouba), appointed 23 April 2016
    # (https://fr.other.wiki/wiki/Cl%C3%A9ment_Mouamba).
    "cg": [("1997-10-15", "2005-01-07"), ("2009-09-15", "2016-04-23")],
    # Democratic Republic of the Congo: "From 1966 to 1977, 1986 to 1987, and 1997 to 2006, the
    # position was nonexistent" (https://www.worldatlas.com/articles/prime-ministers-of-the-democratic-republic-of-the-congo-congo-kinshasa.html);
    # "The office became vacant with Mobutu's forced ouster in 1997" (Mobutu president to 16 May 1997)
    # and Antoine Gizenga was appointed "on December 30, 2006" (https://en-academic.com/dic.nsf/enwiki/4573950).
    "cd": [("1997-05-16", "2006-12-30")],
    # Haiti: "Post abolished (20 June 1988 – 13 February 1991)" and "Vacant (21 October 1997-26 March
    # 1999)" (List of Prime Ministers of Haiti, 2012 copy: http://www.worldlibrary.org/articles/eng/List_of_Prime_Ministers_of_Haiti).
    "ht": [("1990-01-01", "1991-02-13"), ("1997-10-21", "1999-03-26")],
    # Guinea-Bissau: "Post abolished (10 March 1984 – 27 December 1991)" (List of prime ministers of
    # Guinea-Bissau, https://simple.wikipedia.org/wiki/List_of_prime_ministers_of_Guinea-Bissau).
    "gw": [("1990-01-01", "1991-12-27")],
    # Somalia: Umar Arteh Ghalib prime minister "24 January 1991 - May 1993 (De facto to 3 January 1997)",
    # then "Vacant (May 1993-8 October 2000)" until Ali Khalif Galaydh (List of prime ministers of Somalia,
    # 2020 copy: https://kiwix.casplantje.nl/wikipedia_en_all_maxi_2020-06/A/List_of_prime_ministers_of_Somalia);
    # no head of state either (HOS_VACANT).
    "so": [("1997-01-03", "2000-10-08")],
    # Guinea: "18 December 1984 to 9 July 1996 Post abolished" (Sidya Touré from 9 July 1996) and
    # "30 April 2004 to 9 December 2004 Vacant" after François Lonseny Fall (List of heads of government
    # of Guinea, https://en.wikipedia.org/wiki/Prime_Minister_of_Guinea, 2011 revision).
    # "Le 29 mai 2006, un décret ... annonce la suppression du poste de Premier ministre qui était resté
    # inoccupé depuis le limogeage de Dalein" (dismissed 5 April 2006); "C'est seulement en février 2007, que
    # le poste de Premier ministre sera rétabli avec l'arrivée très brève à la primature d'Eugène Camara"
    # (https://www.guinee360.com/29/05/2024/aujourdhui-29-mai-2006-le-poste-de-premier-ministre-est-supprime/),
    # appointed on 9 February 2007 (https://en.wikipedia.org/wiki/Eug%C3%A8ne_Camara).
    "gn": [("1990-01-01", "1996-07-09"), ("2004-04-30", "2004-12-09"), ("2006-04-05", "2007-02-09")],
    # Côte d'Ivoire: "De positie van de premier die was opgeheven toen Houphouet president werd van 1960, werd
    # in november 1990 opnieuw geïntroduceerd" (Dutch copy of worldatlas.com's "Prime Ministers of Ivory
    # Coast": https://nl.ripleybelieves.com/prime-ministers-of-ivory-coast-5763); Alassane Ouattara was named
    # Prime Minister on 7 November 1990 (https://pouvoirs-magazine.com/2024/11/07/7-novembre-nomination-du-tout-nouveau-premier-ministre/).
    "ci": [("1990-01-01", "1990-11-07")],
    # Myanmar: the prime minister's "position was abolished on 30 March 2011, according to the current
    # Constitution (adopted in 2008). It provided that the president is both the head of state and head of
    # government"; the State Counsellor's office "was established for her on 6 April 2016"
    # (https://en.m.wikipedia.org/wiki/Prime_Minister_of_Burma).
    "mm": [("2011-03-30", "2016-04-06")],
    # Burkina Faso: "le poste a été supprimé entre le 4 Août 1984 et le 16 juin 1992" (Government of Burkina
    # Faso, on its former prime ministers: https://www.gouvernement.gov.bf/informations/actualites/details?tx_news_pi1%5Baction%5D=detail&tx_news_pi1%5Bcontroller%5D=News&tx_news_pi1%5Bnews%5D=454&cHash=708a604201a5c2d6c53a6ec52d6c7d16).
    "bf": [("1990-01-01", "1992-06-16")],
    # Cameroon: "Post abolished (25 January 1984 - 26 April 1991)" until Sadou Hayatou (List of heads of
    # government of Cameroon, https://wiki-gateway.eudic.net/wikipedia_en/Heads_of_government_of_Cameroon.html).
    "cm": [("1990-01-01", "1991-04-26")],
    # Bhutan (the head of state is the king): "the Druk Gyalpo, who is both head of state and head of the
    # government" (Library of Congress country study, http://reference.allrefer.com/country-guide-study/bhutan/bhutan71.html);
    # the premiership stayed vacant "until 1998 when King Jigme Singye Wangchuck gave up his role as head
    # of government" (https://worldatlas.com/articles/prime-ministers-of-bhutan.html); the KB's first
    # chairman of the Council of Ministers, Jigme Thinley, from 20 July 1998.
    "bt": [("1990-01-01", "1998-07-20")],
    # Central African Republic: "The post was abolished when Dacko was overthrown from the presidency by
    # Andre Kolingba on 1 September 1981" (List of heads of government, 2023 copy:
    # http://dev.library.kiwix.org/content/wikipedia_en_top1m_2023-02/A/List_of_heads_of_government_of_the_Central_African_Republic);
    # "The creation of the modern position occurred in 1991", Edouard Frank from 15 March 1991
    # (https://www.fact-archive.com/encyclopedia/Prime_Minister_of_the_Central_African_Republic).
    "cf": [("1990-01-01", "1991-03-15")],
    # Kyrgyzstan after the April 2010 revolution: Roza Otunbayeva "bekleidet seit dem 7. April das Amt als Staats-
    # und Regierungschefin Kirgistans" (dts, May 2010: https://report-k.de/rosa-otunbajewa-soll-uebergangspraesidentin-kirgistans-werden-21484);
    # in July 2010 she was still "ерөнхийлөгч, мөн засгийн газрын тэргүүн" (president and also head of government),
    # the new prime minister to be chosen after the autumn elections (Voice of Russia, 14 July 2010:
    # http://mongolian.ruvr.ru/2010/07/14/12320657/); Almazbek Atambayev prime minister from 17 December 2010 (his KB term).
    "kg": [("2010-04-07", "2010-12-17")],
    # Bangladesh after Ershad's fall: Ershad "handed over power to the then Chief Justice Ahmed ... on December 6,
    # 1990. He became the head of the government as acting president of Bangladesh" (New Indian Express/PTI,
    # 19 March 2022: https://www.newindianexpress.com/world/2022/mar/19/bangladeshs-ex-interim-president-shahabuddin-ahmed-passes-away-2431940.html);
    # his interim cabinet "remained in office until 20 March 1991, when Khaleda Zia ... was appointed as the new
    # Prime Minister" (Shahabuddin Ahmed ministry, https://review.clateway.com/wiki/view_html.php?q=Shahabuddin_Ahmed_ministry).
    "bd": [("1990-12-06", "1991-03-20")],
    # The periods below come with the prime-minister offices of kb/src/world-pm29.json (kb-pm29): those countries
    # are PRESIDENTIAL, and the days on which they had no prime minister are not counted in the HoG column.
    # Kenya: "Post abolished (12 December 1964 – 17 April 2008)", Raila Odinga 17 April 2008 – 9 April 2013, "Post
    # abolished (9 April 2013 – present)" (https://simple.wikipedia.org/wiki/Prime_Minister_of_Kenya).
    "ke": [("1990-01-01", "2008-04-17"), ("2013-04-09", None)],
    # Mali: "Post abolished (6 June 1988 – 2 April 1991)" until Soumana Sacko
    # (https://sivegame.netlify.app/host-https-simple.wikipedia.org/wiki/List_of_Prime_Ministers_of_Mali).
    "ml": [("1990-01-01", "1991-04-02")],
    # Niger: "Post abolished (20 December 1989 – 2 March 1990)" until Aliou Mahamidou
    # (https://wikimili.com/en/List_of_prime_ministers_of_Niger).
    "ne": [("1990-01-01", "1990-03-02")],
    # Chad: "Post abolished (19 June 1982 – 4 March 1991)" until Jean Alingué Bawoyeu
    # (https://wikimili.com/en/List_of_prime_ministers_of_Chad); the constitution of the Fourth Republic (May 2018)
    # "supprime la fonction de Premier ministre. Le président de la République devient alors chef du gouvernement",
    # the post restored by the 2021 transition charter (https://www.wikizero.com/fr/Liste_des_Premiers_ministres_du_Tchad):
    # Padacké resigned on 4 May 2018 "and was not replaced", and was named again on 26 April 2021
    # (https://googleweblight.com/sp?hl&geid=NSTNR&u=https://en.m.wikipedia.org/wiki/Albert_Pahimi_Padack%25C3%25A9).
    "td": [("1990-01-01", "1991-03-04"), ("2018-05-04", "2021-04-26")],
    # Sudan: Omar al-Bashir prime minister to 13 October 1993, then "Post Abolished"
    # (http://www.thefullwiki.org/Prime_Minister_of_Sudan); the office "reestablished in 2017" with Bakri Hassan
    # Saleh (https://wikimili.com/en/List_of_heads_of_government_of_Sudan), sworn in on 2 March 2017
    # (https://www.theeastafrican.co.ke/news/Sudan-Bashir-prime-minister-Bakri-Hassan-Saleh/2558-3833978-9650aiz/index.html).
    "sd": [("1993-10-13", "2017-03-02")],
    # Angola: "Post abolished (9 December 1978 – 19 July 1991)", "Vacant (29 January 1999 – 6 December 2002)", and
    # "The office was abolished in the constitution of 2010" after Paulo Kassoma (to 4 February 2010)
    # (https://wikiclassic.com/wiki/List_of_prime_ministers_of_Angola).
    "ao": [("1990-01-01", "1991-07-19"), ("1999-01-29", "2002-12-06"), ("2010-02-04", None)],
    # Gabon: the prime minister "Abolished: 4 May 2025" under the constitution approved in November 2024, its duties
    # passing largely to a Vice President of the Government (https://kids.kiddle.co/Heads_of_Government_of_Gabon).
    "ga": [("2025-05-04", None)],
    # Comoros: "31 December 1984 to 7 January 1992 Post abolished", "15 July 1992 to 1 January 1993 Vacant", and the
    # post "Abolished 15 April 2002" after Hamada Madi (https://wikimili.com/en/List_of_prime_ministers_of_the_Comoros).
    "km": [("1990-01-01", "1992-01-07"), ("1992-07-15", "1993-01-01"), ("2002-04-15", None)],
    # Afghanistan: the prime minister "Abolished ... 22 December 2001; Succession President"
    # (https://en.wikipedia.org/wiki/Prime_Minister_of_Afghanistan, 2016 revision), a presidential form of government
    # "from 2004 to 2021" and the post revived by the Taliban, Hasan Akhund from 7 September 2021
    # (https://www.dl1.en-us.nina.az/Prime_Minister_of_Afghanistan.html); in between, the Chief Executive
    # 29 September 2014 – 11 March 2020, the post then not in use (https://en.m.wikipedia.org/wiki/Chief_Executive_(Afghanistan)).
    "af": [("2001-12-22", "2014-09-29"), ("2020-03-11", "2021-09-07")],
}

# Periods in which a head-of-state office was vacant (no holder, not even an acting one, by the
# constitution's own arrangements): those days are not counted in the HoS column. Each row: cc ->
# [(from, to or None = as_of)], with the pages that state it.
HOS_VACANT = {
    # Lebanon: the Council of Ministers exercised the president's powers in the three vacancies.
    # "Suleiman was elected president on May 25, 2008, after a presidential vacancy that started on
    # Nov. 24, 2007"; his term "expires at midnight on May 24" 2014, leaving "a similar presidential
    # vacancy" (https://www.al-monitor.com/originals/2014/05/lebanon-christians-presidential-election-vacancy.html);
    # it ended with Michel Aoun's election on 31 October 2016 (his term in the KB), after "a previous
    # presidential vacuum that lasted for 29 months" (https://habtoorresearch.com/programmes/presidential-vacuum-lebanon);
    # "Le Liban était sans président depuis le 31 octobre 2022" until Joseph Aoun's election on 9 January
    # 2025 (https://www.lorientlejour.com/keyword/30683-pr%C3%A9sidentielle-au-liban?pagination=4).
    "lb": [("2007-11-24", "2008-05-25"), ("2014-05-25", "2016-10-31"), ("2022-10-31", "2025-01-09")],
    # Somalia after Ali Mahdi Muhammad: "Vacant (3 January 1997-27 August 2000)" until Abdiqasim Salad
    # Hassan (List of presidents of Somalia, https://en.wikipedia-on-ipfs.org/wiki/List_of_presidents_of_Somalia).
    "so": [("1997-01-03", "2000-08-27")],
    # Slovakia: "Slovakia has had no president for the past 14 months ... the state had functioned well since
    # March 2, 1998, the day when former President Michal Kováč ended his term in office" (The Slovak Spectator
    # before the election of May 1999: https://spectator.sme.sk/politics-and-society/c/slovaks-head-to-polls-may-15-to-elect-president-but-why);
    # the government exercised the president's functions (Art. 105 (1) of the Constitution, quoted at
    # https://archontology.org/nations/slovakia/01_notes.php); Rudolf Schuster from 15 June 1999 (his term in the KB).
    # The same notes: "On 1 Jan 1993 independent Slovenská republika came into existence, the office of Prezident
    # Slovenskej republiky (= President of the Slovak Republic) remained vacant", to Michal Kováč (2 March 1993).
    "sk": [("1993-01-01", "1993-03-02"), ("1998-03-02", "1999-06-15")],
    # Haiti after Jovenel Moïse's assassination on 7 July 2021: "Déjà dix jours depuis que le pays est sans
    # président ... Claude Joseph, Premier ministre ad interim, dirige le pays" (Le Nouvelliste, 15 July 2021,
    # https://lenouvelliste.com/article/230420/assassinat-de-jovenel-moise-les-acteurs-politiques-et-la-societe-civile-peinent-a-trouver-la-sortie);
    # "Haïti n'a plus de président depuis l'assassinat de Jovenel Moïse en 2021" (franceinfo/AFP, 8 April 2024,
    # https://www.francetvinfo.fr/monde/ameriques/violences-en-haiti-un-accord-politique-trouve-pour-former-un-conseil-de-transition_6476012.html),
    # until the Transitional Presidential Council (its first president in the KB from 2024-04-30); the Council
    # "a été dissout samedi" (7 February 2026), the prime minister "tient désormais tous les leviers du pouvoir
    # exécutif", and the country "est privé de président depuis l'assassinat de Jovenel Moïse en 2021"
    # (Africanews, 8 February 2026, https://fr.africanews.com/2026/02/08/haiti-le-premier-ministre-alix-didier-fils-aime-desormais-seul-au-pouvoir/).
    "ht": [("2021-07-07", "2024-04-30"), ("2026-02-07", None)],
    # Czech Republic after Havel's second term: his mandate ended on 2 February 2003, "leaving the Czech Republic
    # without a president for an interim period"; "The presidential powers are passed on to the Prime Minister and
    # speaker of the Lower House according to the constitution" (Radio Prague:
    # https://english.radio.cz/presidential-powers-transferred-prime-minister-and-speaker-lower-house-8532022; "the Czech
    # Republic left without a head of state", https://english.radio.cz/presidential-powers-divided-country-left-without-head-state-8070461),
    # until Václav Klaus took office on 7 March 2003 (his KB term).
    "cz": [("2003-02-02", "2003-03-07")],
}

# Periods in which the head of state was the holder of an office that is not a head-of-state office
# of the KB (a speaker acting as head of state): the terms of that office, clipped to the period, are
# counted in the HoS column. Each row: cc -> [(office id, from, to)], with the page that states it.
HOS_BY_OTHER_OFFICE = {
    # Libya: Aguila Saleh Issa, "Presidente della Camera dei rappresentanti dal 5 agosto 2014 e Capo di Stato
    # della Libia ad interim dal 2014 al 2021 (in contrapposizione con Fayez al-Sarraj dal 2016 al 2021)"; the
    # head-of-state functions passed to the Presidential Council under al-Sarraj, installed in Tripoli at the
    # end of March 2016 (Italian Wikipedia copy: https://kampuspedia.com/it/Aguila_Saleh_Issa); the KB's
    # Presidential Council chairman from 2016-03-30.
    "ly": [("ly-hor-president", "2014-08-05", "2016-03-30")],
}

G20_UA = "ar au br ca cn de fr gb in id it jp kr mx ru sa tr us za ua".split()
# Office kind -> office id suffixes tried in order, per country (the first that exists is used).
MINISTERS = {
    "foreign": ["foreign-minister", "external-affairs-minister", "foreign-secretary", "secretary-of-state"],
    "defence": ["defence-minister", "defense-minister", "secretary-of-state-for-defence", "secretary-of-defense"],
    "finance": ["finance-minister", "treasurer", "chancellor-of-the-exchequer", "secretary-of-the-treasury",
                "economy-minister"],
    "interior": ["interior-minister", "home-minister", "home-affairs-minister", "home-secretary",
                 "public-security-minister", "secretary-of-homeland-security"],
}

# Predecessor offices counted for a kind up to the day the office in MINISTERS replaced them (their
# terms are kept in a separate office because the title and remit differ). Japan: "自治大臣 (Minister for
# Home Affairs) ... 廃止 2001年1月6日 ... 最後 片山虎之助 ... 後身は総務大臣" (abolished 6 January 2001, the
# last holder Toranosuke Katayama, succeeded by the Minister for Internal Affairs and Communications;
# http://ja.wikipedia.org/wiki/自治大臣). The KB's jp-interior-minister starts that day with Katayama, so
# the Ministers for Home Affairs before it are jp-home-affairs-minister (world-g20-ministers-gaps5.json).
PREDECESSORS = {
    ("jp", "interior"): [("jp-home-affairs-minister", "2001-01-06")],
}

# Minister offices of a kind that did not exist for the whole period: the office is counted from its
# creation (a date), or not at all (None) where the country has no office of that kind. Each row has
# the page that states it. Offices that merely changed name (Japan's Defense Agency, 1954–2007) are
# not listed: their holders are expected.
OFFICE_CREATED = {
    # "Tom Ridge as the nation's first secretary of Homeland Security ... With his swearing in, the
    # Department of Homeland Security 'goes live'" (Jan. 24, 2003).
    # https://webarchive.library.unt.edu/eot2008/20090506120824/http:/www.defenselink.mil/news/newsarticle.aspx?id=29529
    ("us", "interior"): "2003-01-24",
    # "The Department was officially established on 20 December 2017"; the 2007–10 Minister for Home
    # Affairs held the Justice and Customs responsibilities within the Attorney-General's portfolio
    # (wikimili.com/en/Minister_for_Home_Affairs_(Australia)), not an interior ministry.
    # https://askwikinow.com/view_html.php?lang=en&q=Department_of_Home_Affairs_%28Australia%29
    ("au", "interior"): "2017-12-20",
    # "In Brazil, until 1999, the three Armed Forces remained in independent ministries ... only on
    # 10 June 1999, the Ministry of the Defense was officially [created]".
    # https://www.liquisearch.com/brazilian_armed_forces/ministry_of_defense
    ("br", "defence"): "1999-06-10",
    # No interior ministry: the Ministry of Justice holds the police; the Ministério do Interior
    # (1967–1990) planned regional development, sanitation and housing and was abolished in 1990.
    # https://neamp.pucsp.br/organizacoes/ministerio-do-interior
    ("br", "interior"): None,
    # No interior ministry: the office of Minister of the Interior was abolished by Statute
    # 1 Edward VIII, c. 33, in force 1 December 1936.
    # https://lop.parl.ca/sites/ParlInfo/default/en_CA/Federal/areasResponsibility/profile?depId=3948
    ("ca", "interior"): None,
}

# Minister offices that were abolished for a while and later re-created: the window [from, to) is
# not counted (neither needed nor covered). Each row has the pages that state it.
OFFICE_ABOLISHED = {
    # Decree 484/2024, published in the Boletín Oficial on Tuesday 28 May 2024, "suprimir el
    # Ministerio del Interior" (its affairs went to the chief of cabinet and a vice-chief of cabinet
    # for the interior) https://desafionoticias.com.ar/contenido/11427/el-gobierno-oficializo-la-eliminacion-del-ministerio-del-interior
    # https://infovallefertil.com/amp/43627/el-gobierno-elimino-el-ministerio-del-interior ; re-created
    # by DNU 658/2025, Lisandro Catalán sworn in as interior minister on 15 September 2025
    # (kb/src/world-g20-ministers-gaps6.json, source eldiariodecarlospaz-catalan-jura-2025-09-15).
    ("ar", "interior"): [("2024-05-28", "2025-09-15")],
}


def day(s):
    return datetime.date.fromisoformat(s)


def covered(spans, start, end):
    """Days of [start, end) covered by the union of spans, and the uncovered stretches."""
    spans = sorted((max(a, start), min(b, end)) for a, b in spans if b > start and a < end)
    days, gaps, cur = 0, [], start
    for a, b in spans:
        if a > cur:
            gaps.append((cur, a))
        if b > cur:
            days += (b - max(a, cur)).days
            cur = b
    if cur < end:
        gaps.append((cur, end))
    return days, gaps


HEAD_ROLES = {"head_of_state", "monarch", "head_of_government"}


def missing_births(kb):
    """Prints the heads (HEAD_ROLES) and the members of Congress without `born`; returns 0."""
    offices = {o["id"]: o for o in kb["offices"]}
    people = {p["id"]: p for p in kb["people"]}
    groups = {"heads": HEAD_ROLES, "Congress": {"legislator"}}
    counts = []
    for label, roles in groups.items():
        held = {}
        for t in kb["terms"]:
            if offices[t["office"]].get("role") in roles:
                held.setdefault(t["person"], []).append(t)
        missing = sorted((pid for pid in held if not people[pid].get("born")),
                         key=lambda pid: (min(t["start"] for t in held[pid]), pid))
        print(f"== {label} without a birth date: {len(missing)} of {len(held)}")
        for pid in missing:
            spans = {}
            for t in sorted(held[pid], key=lambda t: t["start"]):
                end = t["end"][:4] if t["end"] else "now"
                spans.setdefault(t["office"], []).append(f"{t['start'][:4]}–{end}")
            died = people[pid].get("died")
            offices_text = "; ".join(f"{oid} {', '.join(v)}" for oid, v in spans.items())
            print(f"   {pid:34} {people[pid]['name']:34} {offices_text}"
                  + (f"  (died {died})" if died else ""))
        counts.append(f"{label} {len(missing)} of {len(held)}")
    print("== without a birth date: " + "; ".join(counts))
    return 0


LAST_END_BEFORE = "1995-01-01"


def unsearched_deaths(kb, first, last):
    """Prints the people a death search should look at: born in [first, last] with no `died`
    (oldest first), then those with no dates whose last term ended before LAST_END_BEFORE."""
    terms = {}
    for t in kb["terms"]:
        terms.setdefault(t["person"], []).append(t)

    def offices_of(pid):
        ts = sorted(terms.get(pid, []), key=lambda t: t["start"])
        return "; ".join(f"{t['office']} {t['start'][:4]}–{(t['end'] or '')[:4]}" for t in ts)

    born = [x for x in kb["people"] if "died" not in x and "born" in x
            and first <= int(x["born"][:4]) <= last]
    born.sort(key=lambda x: (x["born"], x["id"]))
    print(f"== People born {first}–{last} without a death date: {len(born)}")
    for x in born:
        prec = x.get("born_precision", "day")
        b = {"year": x["born"][:4], "month": x["born"][:7]}.get(prec, x["born"])
        print(f"   {b:10} {x['id']:36} {x['name']} | {offices_of(x['id'])}")
    undated = []
    for x in kb["people"]:
        if "born" in x or "died" in x:
            continue
        ts = terms.get(x["id"], [])
        if not ts or any(t["end"] is None for t in ts):
            continue
        end = max(t["end"] for t in ts)
        if end < LAST_END_BEFORE:
            undated.append((end, x["id"], x))
    undated.sort(key=lambda r: (r[0], r[1]))
    print(f"\n== People with no birth or death date whose last term ended before {LAST_END_BEFORE}: "
          f"{len(undated)}")
    for end, pid, x in undated:
        print(f"   {end:10} {pid:36} {x['name']} | {offices_of(pid)}")
    return 0


def other_office_spans(kb, cc, as_of):
    """The spans of HOS_BY_OTHER_OFFICE for country cc: its office's terms clipped to each period."""
    out = []
    for oid, a, b in HOS_BY_OTHER_OFFICE.get(cc, []):
        lo, hi = day(a), day(b) if b else as_of
        for t in kb["terms"]:
            if t["office"] == oid:
                s, e = max(lo, day(t["start"])), min(hi, day(t["end"]) if t["end"] else as_of)
                if s < e:
                    out.append((s, e))
    return out


def print_gaps(kb, countries):
    """Prints, per country code, its head offices, their terms since 1989 and the uncovered
    [from, to) date ranges of the HoS and HoG columns; returns 0, or 2 for an unknown code."""
    as_of = day(kb["as_of"])
    for cc in countries:
        if cc not in UN_MEMBERS:
            print(f"error: --gaps: '{cc}' is not the ISO code of a UN member (lowercase, e.g. dj)")
            return 2
    for cc in countries:
        start = max(START, day(INDEPENDENCE.get(cc, "1990-01-01")))
        for label, roles, exempt in (("HoS", {"head_of_state", "monarch"}, HOS_VACANT.get(cc, [])),
                                     ("HoG", {"head_of_government"}, HOG_IS_PRESIDENT.get(cc, []))):
            oids = [o["id"] for o in kb["offices"]
                    if o["id"].split("-")[0] == cc and o.get("role") in roles]
            terms = sorted((t for t in kb["terms"] if t["office"] in oids), key=lambda t: t["start"])
            print(f"== {cc} {label}: offices {', '.join(oids) or '(none)'}")
            spans = []
            for t in terms:
                spans.append((day(t["start"]), day(t["end"]) if t["end"] else as_of))
                if (t["end"] or "9999") >= "1989":
                    print(f"   {t['start']} {t['end'] or 'open':10} {t['person']:32} {t['office']}"
                          f"{' acting' if t.get('acting') else ''}  source={t['source']}")
            extra = [(day(a), day(b) if b else as_of) for a, b in exempt]
            if label == "HoS":
                for a, b in other_office_spans(kb, cc, as_of):
                    print(f"   {a.isoformat()} {b.isoformat():10} (HOS_BY_OTHER_OFFICE: "
                          f"{', '.join(o for o, _, _ in HOS_BY_OTHER_OFFICE[cc])})")
                    extra.append((a, b))
            if label == "HoG" and cc in PRESIDENTIAL and not oids:
                print("   (presidential: the head of state heads the government)")
                continue
            _, gaps = covered(spans + extra, start, as_of)
            text = ", ".join(f"{a.isoformat()}..{b.isoformat()} ({(b - a).days} d)" for a, b in gaps)
            print(f"   GAPS [from, to): {text or 'none'}")
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kb", default=os.path.join(ROOT, "kb/world.json"))
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--missing-births", action="store_true",
                    help="list heads of state/government and members of Congress without a birth date")
    ap.add_argument("--unsearched-deaths", nargs=2, type=int, metavar=("FROM", "TO"),
                    help="list the people born FROM–TO without a death date, then the people "
                         "without birth or death whose last term ended before "
                         f"{LAST_END_BEFORE}, and nothing else")
    ap.add_argument("--gaps", nargs="+", metavar="CC",
                    help="for each country code, print its head offices' terms and uncovered date "
                         "ranges, and nothing else")
    args = ap.parse_args()
    kb = json.load(open(args.kb, encoding="utf-8"))
    if args.gaps:
        return print_gaps(kb, [c.lower() for c in args.gaps])
    if args.missing_births:
        return missing_births(kb)
    if args.unsearched_deaths:
        return unsearched_deaths(kb, *args.unsearched_deaths)
    as_of = day(kb["as_of"])
    offices = {o["id"]: o for o in kb["offices"]}
    spans = {}
    for t in kb["terms"]:
        spans.setdefault(t["office"], []).append((day(t["start"]), day(t["end"]) if t["end"] else as_of))

    def country_spans(cc, roles):
        out = []
        for oid, o in offices.items():
            if oid.split("-")[0] == cc and o.get("role") in roles:
                out += spans.get(oid, [])
        return out, any(oid.split("-")[0] == cc and o.get("role") in roles for oid, o in offices.items())

    rows, total, total_cov = [], 0, 0
    old_total, old_cov = 0, 0  # the same figure without HOG_IS_PRESIDENT, for comparison
    for cc in UN_MEMBERS:
        start = max(START, day(INDEPENDENCE.get(cc, "1990-01-01")))
        need = (as_of - start).days
        hs, hs_office = country_spans(cc, {"head_of_state", "monarch"})
        hs = hs + other_office_spans(kb, cc, as_of)
        hg, hg_office = country_spans(cc, {"head_of_government"})
        # Days on which the head of state's office was vacant (HOS_VACANT) are not expected either.
        vacant = [(day(a), day(b) if b else as_of) for a, b in HOS_VACANT.get(cc, [])]
        vacant_days, _ = covered(vacant, start, as_of)
        hs_need = need - vacant_days
        hs_days, hs_gaps = covered(hs + vacant, start, as_of)
        hs_days -= vacant_days
        cols, missing = [], 0
        cols.append(f"{100 * hs_days / hs_need:5.1f}%" if hs_office else "  none")
        missing += hs_need - hs_days
        total += hs_need
        total_cov += hs_days
        old_total += hs_need
        old_cov += hs_days
        if cc in PRESIDENTIAL and not hg_office:
            cols.append("  =HoS")
        else:
            hg_days, _ = covered(hg, start, as_of)
            old_total += need
            old_cov += hg_days
            # Days on which the president also heads the government are not expected of the HoG
            # column: |HoG ∪ exempt| − |exempt| counts the HoG days outside the exempt periods.
            exempt = [(day(a), day(b) if b else as_of) for a, b in HOG_IS_PRESIDENT.get(cc, [])]
            exempt_days, _ = covered(exempt, start, as_of)
            hg_need = need - exempt_days
            if hg_need == 0:
                cols.append("  =HoS")
            else:
                hg_days = covered(hg + exempt, start, as_of)[0] - exempt_days
                cols.append(f"{100 * hg_days / hg_need:5.1f}%" if hg_office else "  none")
                missing += hg_need - hg_days
                total += hg_need
                total_cov += hg_days
        gaps = ", ".join(f"{a.year}–{b.year}" for a, b in hs_gaps if (b - a).days > 180)
        rows.append((missing, cc, cols, gaps))
    rows.sort(key=lambda r: (-r[0], r[1]))
    print(f"== Heads of state (HoS) and government (HoG) of the 193 UN members, 1990 (or independence) – {as_of}")
    print(f"   overall: {100 * total_cov / total:.1f}% of office-days covered; "
          f"{sum(1 for r in rows if r[0] == 0)} countries complete")
    print(f"   (counting a head of government also where HOG_IS_PRESIDENT says the president is one: "
          f"{100 * old_cov / old_total:.1f}%)")
    print(f"   {'cc':3} {'HoS':>6} {'HoG':>6} {'missing yrs':>11}  HoS gaps over 6 months")
    for missing, cc, cols, gaps in rows[:args.top]:
        print(f"   {cc:3} {cols[0]:>6} {cols[1]:>6} {missing / 365.25:11.1f}  {gaps}")

    print(f"\n== Ministers of the G20 members and Ukraine, 1990 (or independence) – {as_of}")
    mrows, mtotal, mcov, not_counted = [], 0, 0, []
    for cc in G20_UA:
        for kind, suffixes in MINISTERS.items():
            start = max(START, day(INDEPENDENCE.get(cc, "1990-01-01")))
            if (cc, kind) in OFFICE_CREATED:
                created = OFFICE_CREATED[(cc, kind)]
                if created is None:
                    not_counted.append(f"{cc} {kind} (no such office)")
                    continue
                if day(created) > start:
                    not_counted.append(f"{cc} {kind} before {created} (office created then)")
                    start = day(created)
            need = (as_of - start).days
            oid = next((f"{cc}-{s}" for s in suffixes if f"{cc}-{s}" in offices), None)
            own = list(spans.get(oid, [])) if oid else []
            for pid, until in PREDECESSORS.get((cc, kind), []):
                own += [(a, min(b, day(until))) for a, b in spans.get(pid, []) if a < day(until)]
            d, gaps = covered(own, start, as_of) if (oid or own) else (0, [(start, as_of)])
            if (cc, kind) in OFFICE_ABOLISHED:
                windows = [(day(a), day(b)) for a, b in OFFICE_ABOLISHED[(cc, kind)]]
                wdays = covered(windows, start, as_of)[0]
                d, gaps = covered(own + windows, start, as_of)
                d -= wdays
                need -= wdays
                not_counted.append(f"{cc} {kind} " + ", ".join(f"{a}–{b}" for a, b in OFFICE_ABOLISHED[(cc, kind)])
                                   + " (office abolished then)")
            mtotal += need
            mcov += d
            gap_text = ", ".join(f"{a.isoformat()}–{b.isoformat()}" for a, b in gaps if (b - a).days > 30)
            mrows.append((need - d, cc, kind, oid or "(no office)", 100 * d / need, gap_text))
    mrows.sort(key=lambda r: (-r[0], r[1], r[2]))
    print(f"   overall: {100 * mcov / mtotal:.1f}% of office-days covered; "
          f"{sum(1 for r in mrows if r[0] == 0)} of {len(mrows)} offices complete")
    print(f"   not counted (OFFICE_CREATED, OFFICE_ABOLISHED): {'; '.join(not_counted)}")
    for missing, cc, kind, oid, pct, gaps in mrows[:args.top]:
        if missing == 0:
            break
        print(f"   {cc:3} {kind:9} {oid:38} {pct:5.1f}%  missing {missing / 365.25:4.1f} yrs  {gaps[:110]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
