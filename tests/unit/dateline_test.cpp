// Tests of core/src/dateline.cpp: tables of article heads and the date (and form) they state, the
// spans of the date, heads that state no date, and the segmenter cutting a dateline off the first
// sentence. Every example line is written for these tests in the styles of wire services,
// newspapers and press-release services; none is copied from an article.

#include "dateline.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "factlint/factlint.h"
#include "segment.h"

namespace factlint {
namespace {

struct Found {
  std::string date;  // "" when none
  std::string form;
  std::string date_text;
};

// The segmenter's no_dateline_head holds where it is set (MatchDatelineHead of that range is 0),
// and FindDatelineDate finds the same with every mark cleared (asking each segment again).
void CheckHeadMarks(const Document& doc, std::vector<TextSegment> segs, const std::optional<DatelineInfo>& d) {
  for (TextSegment& s : segs) {
    if (s.no_dateline_head) CHECK(MatchDatelineHead(doc.text(), s.start, s.end, nullptr) == 0);
    s.no_dateline_head = false;
  }
  std::optional<DatelineInfo> again = FindDatelineDate(doc, segs);
  REQUIRE(again.has_value() == d.has_value());
  if (d) {
    CHECK(again->date == d->date);
    CHECK(again->form == d->form);
    CHECK(again->start == d->start);
    CHECK(again->end == d->end);
    CHECK(again->date_start == d->date_start);
    CHECK(again->date_end == d->date_end);
    CHECK(again->segment == d->segment);
  }
}

Found Find(const std::string& text) {
  Document doc(text);
  std::vector<TextSegment> segs = SegmentDocument(doc);
  std::optional<DatelineInfo> d = FindDatelineDate(doc, segs);
  CheckHeadMarks(doc, segs, d);
  if (!d || !d->date) return {};
  return {FormatIsoDate(*d->date), DatelineFormName(d->form),
          std::string(text.substr(d->date_start, d->date_end - d->date_start))};
}

struct Case {
  const char* name;
  const char* text;
  const char* date;       // expected ISO date, "" for none
  const char* form;       // expected form name (ignored when date is "")
  const char* date_text;  // expected text of the date (and time), nullptr to skip
};

void RunTable(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    INFO(c.name << ": " << c.text);
    Found f = Find(c.text);
    CHECK(f.date == c.date);
    if (*c.date != '\0') {
      CHECK(f.form == c.form);
      if (c.date_text != nullptr) CHECK(f.date_text == c.date_text);
    }
  }
}

TEST_CASE("Dateline: the forms of issue 12", "[dateline]") {
  RunTable({
      {"place, region, date, em dash",
       "Leaders agree vaccine pledge\nCARBIS BAY, England, June 11, 2021 \u2014 The leaders of seven countries met on "
       "Friday.",
       "2021-06-11", "dateline", "June 11, 2021"},
      {"place, country, date",
       "GLENEAGLES, Scotland, July 6, 2005 \u2014 Leaders arrived at the hotel on Wednesday.", "2005-07-06",
       "dateline", "July 6, 2005"},
      {"abbreviated month, PRNewswire, double hyphen",
       "KYIV, Ukraine, Feb. 24, 2023 /PRNewswire/ -- Acme Relief Fund today announced a new appeal.",
       "2023-02-24", "dateline", "Feb. 24, 2023"},
      {"weekday before the date",
       "ABUJA, Nigeria, Wednesday, April 1, 2015 \u2014 Counting went on in the capital.", "2015-04-01",
       "dateline", "April 1, 2015"},
      {"day month year, mixed-case place", "Tokyo, 28 October 2024 \u2014 The new cabinet met for the first time.",
       "2024-10-28", "dateline", "28 October 2024"},
      {"published line with time and zone first",
       "Storm closes schools\nPublished 10:42 AM EDT, September 24, 2019\nSchools closed across the county.",
       "2019-09-24", "published line", "September 24, 2019"},
      {"updated line, day month year and time",
       "Updated: 14 March 2018 09:31 GMT\nThe council voted on the plan.", "2018-03-14", "updated line",
       "14 March 2018 09:31 GMT"},
      {"ISO timestamp line above the story",
       "2019-09-24T14:42:00Z\nThe council voted on the plan.", "2019-09-24", "date line", "2019-09-24T14:42:00Z"},
  });
}

TEST_CASE("Dateline: other wire and newspaper styles", "[dateline]") {
  RunTable({
      {"GlobeNewswire after the date",
       "NEW YORK, Jan. 10, 2024 (GLOBE NEWSWIRE) -- Acme Robotics Inc. today announced results.", "2024-01-10",
       "dateline", "Jan. 10, 2024"},
      {"posted line over a Business Wire dateline",
       "Posted Sept. 3, 2020\nSAN FRANCISCO--(BUSINESS WIRE)--Acme Corp. said on Thursday it would expand.",
       "2020-09-03", "published line", "Sept. 3, 2020"},
      {"newspaper date line, weekday abbreviated, time with a period",
       "Tue 14 Mar 2018 09.31 GMT\nMinisters met again.", "2018-03-14", "date line", nullptr},
      {"first published on",
       "Ministers meet again\nFirst published on Tue 14 Mar 2018 09.31 GMT\nMinisters met again.", "2018-03-14",
       "published line", nullptr},
      {"last modified before first published: published wins",
       "Last modified on Wed 15 Mar 2018 10.00 GMT\nFirst published on Tue 14 Mar 2018 09.31 GMT\nMinisters met.",
       "2018-03-14", "published line", nullptr},
      {"updated with time, zone and weekday before the date",
       "Updated 2:15 PM ET, Tue September 24, 2019\nThe council voted.", "2019-09-24", "updated line",
       "September 24, 2019"},
      {"byline with agency and a bar", "By Jane Doe, Associated Press | Sept. 24, 2019\nThe council voted.",
       "2019-09-24", "byline", "Sept. 24, 2019"},
      {"byline in capitals with a middle dot", "By MARIA LOPEZ \u00B7 24 September 2019\nThe council voted.",
       "2019-09-24", "byline", "24 September 2019"},
      {"posted with a colon and a.m.", "Posted: Sep 24, 2019 at 10:42 a.m.\nThe council voted.", "2019-09-24",
       "published line", "Sep 24, 2019 at 10:42 a.m."},
      {"place with periods and an en dash",
       "WASHINGTON, D.C., March 3, 2010 \u2013 The agency issued a report.", "2010-03-03", "dateline",
       "March 3, 2010"},
      {"place with lower-case connector, hyphen separator",
       "Dar es Salaam, Tanzania, 5 August 2016 - Officials said the port would reopen.", "2016-08-05",
       "dateline", "5 August 2016"},
      {"agency dateline under a published line",
       "Flood waters rise\nPublished 3:05 PM CDT, May 2, 2022\nST. LOUIS (AP) \u2014 The river rose overnight.",
       "2022-05-02", "published line", "May 2, 2022"},
      {"weekday date line", "Monday, May 4, 2020\nThe council voted.", "2020-05-04", "date line", "May 4, 2020"},
      {"ISO date and time with a space", "2019-09-24 14:42:00\nThe council voted.", "2019-09-24", "date line",
       nullptr},
      {"published with an ISO timestamp and offset", "Published: 2021-06-11T08:00:00+01:00\nThe council voted.",
       "2021-06-11", "published line", "2021-06-11T08:00:00+01:00"},
      {"RFC 2822 feed date", "Wed, 24 Sep 2019 14:42:00 +0000\nThe council voted.", "2019-09-24", "date line",
       "24 Sep 2019 14:42:00 +0000"},
      {"ordinal day", "LONDON, 1st April, 2015 \u2014 Shares rose.", "2015-04-01", "dateline", "1st April, 2015"},
      {"colon after the date, month without a period or comma",
       "NEW DELHI, Oct 5 2019: The government announced a new scheme.", "2019-10-05", "dateline", "Oct 5 2019"},
      {"originally published", "Originally published June 3, 2017\nThe council voted.", "2017-06-03",
       "published line", "June 3, 2017"},
      {"abbreviated weekday with a period",
       "LAGOS, Nigeria, Thurs., Nov. 12, 2020 \u2014 Traders returned to the market.", "2020-11-12", "dateline",
       "Nov. 12, 2020"},
      {"hyphenated day-month-year", "Geneva, 24-Sep-2019 - The talks resumed.", "2019-09-24", "dateline",
       "24-Sep-2019"},
      {"posted on with a byline after", "Posted on 10 December 2015 by Staff Writer\nThe council voted.",
       "2015-12-10", "published line", "10 December 2015"},
      {"month in capitals", "BERLIN, Germany, SEPT. 1, 2021 \u2014 Voters went to the polls.", "2021-09-01",
       "dateline", "SEPT. 1, 2021"},
      {"updated before published on one line",
       "Updated Sep. 25, 2019 11:02 a.m. ET | Published Sep. 24, 2019\nThe council voted.", "2019-09-24",
       "published line", "Sep. 24, 2019"},
      {"date line with a bare date then the story", "June 11, 2021 \u2014 Leaders met on Friday.", "2021-06-11",
       "date line", "June 11, 2021"},
      {"Reuters-style agency after a date without year, published line below",
       "LONDON, June 11 (Reuters) - Shares rose.\nPublished June 11, 2021 9:10 AM", "2021-06-11",
       "published line", nullptr},
      {"date line in day month year", "24 September 2019\nThe council voted.", "2019-09-24", "date line", nullptr},
      {"a headline above a dateline with a non-ASCII place",
       "Talks resume\n\u00C9VIAN-LES-BAINS, France, 3 June 2003 \u2014 Leaders met by the lake.", "2003-06-03",
       "dateline", "3 June 2003"},
      {"place and agency, then the date between dashes",
       "BERLIN (Wire) - March 10, 2023 - The fair opened on Friday.", "2023-03-10", "dateline", "March 10, 2023"},
      {"date after the time with 'on'", "Posted 09:15 BST on 4 July 2016\nThe council voted.", "2016-07-04",
       "published line", "4 July 2016"},
      {"date line with a reading time after a bullet", "3 March 2023 \u2022 4 min read\nMinisters met again.",
       "2023-03-03", "date line", "3 March 2023"},
      {"date line with a section after a bar", "May 2, 2024 | Politics\nThe council voted.", "2024-05-02",
       "date line", "May 2, 2024"},
      {"numeric date after a label, day over 12", "Published: 14/03/2023\nThe council voted.", "2023-03-14",
       "published line", "14/03/2023"},
      {"numeric date after a label, month first", "Updated 03/14/2023 10:15 ET\nThe council voted.", "2023-03-14",
       "updated line", "03/14/2023"},
      {"numeric date after a label, day equals month", "Published: 03.03.2023\nThe council voted.", "2023-03-03",
       "published line", "03.03.2023"},
  });
}

TEST_CASE("Dateline: heads of news sites and agencies (issue 13/15 wave)", "[dateline]") {
  RunTable({
      {"wire site: date / time / relative updated tail",
       "March 3, 2015 / 10:42 AM / Updated 2 hours ago\nOfficials met on Monday.", "2015-03-03", "date line",
       "March 3, 2015 / 10:42 AM"},
      {"wire site: zone, then an updated tail without a slash",
       "March 3, 2015 10:42 AM UTC Updated 2 hours ago\nOfficials met on Monday.", "2015-03-03", "date line",
       "March 3, 2015 10:42 AM UTC"},
      {"place, em dashes around the weekday and date",
       "WASHINGTON \u2014 Tuesday, March 3, 2015 \u2014\nOfficials met on Monday.", "2015-03-03", "dateline",
       "March 3, 2015"},
      {"place, em dashes around the date, story on the same line",
       "WASHINGTON \u2014 March 3, 2015 \u2014 Officials met on Monday.", "2015-03-03", "dateline",
       "March 3, 2015"},
      {"agency in parentheses first, then the date", "(CNN) March 3, 2015 -- Officials met on Monday.",
       "2015-03-03", "dateline", "March 3, 2015"},
      {"agency first, date with a weekday and an em dash",
       "(Wire Service) Tuesday, March 3, 2015 \u2014 Officials met on Monday.", "2015-03-03", "dateline",
       "March 3, 2015"},
      {"place, a bar, the date", "WASHINGTON | March 3, 2015\nOfficials met on Monday.", "2015-03-03", "dateline",
       "March 3, 2015"},
      {"date, a bar, the place", "March 3, 2015 | WASHINGTON\nOfficials met on Monday.", "2015-03-03", "date line",
       "March 3, 2015"},
      {"agency with a period before its dash", "MADRID, Mar 3, 2015 (EFE).- Officials met on Monday.", "2015-03-03",
       "dateline", "Mar 3, 2015"},
      {"byline with 'on'", "By Jane Doe on March 3, 2015\nOfficials met on Monday.", "2015-03-03", "byline",
       "March 3, 2015"},
      {"posted by, 'on', a time", "Posted by Jane Doe on March 3, 2015 at 10:42 am\nOfficials met on Monday.",
       "2015-03-03", "byline", "March 3, 2015 at 10:42 am"},
      {"published on with a colon, numeric date and time",
       "Published on: 14/03/2015 - 10:42\nOfficials met on Monday.", "2015-03-14", "published line", "14/03/2015"},
      {"published and updated run together",
       "Published March 3, 2015Updated March 4, 2015\nOfficials met on Monday.", "2015-03-03", "published line",
       "March 3, 2015"},
      {"last updated with a weekday and the time after",
       "Last Updated: Tuesday, 3 March 2015, 10:42 GMT\nOfficials met on Monday.", "2015-03-03", "updated line",
       "3 March 2015, 10:42 GMT"},
      {"page last updated at a time, then the date",
       "Page last updated at 10:42 GMT, Tuesday, 3 March 2015\nOfficials met on Monday.", "2015-03-03",
       "updated line", "3 March 2015"},
      {"published and updated in capitals with a bar",
       "PUBLISHED: 10:42 EST, 3 March 2015 | UPDATED: 11:30 EST, 4 March 2015\nOfficials met on Monday.",
       "2015-03-03", "published line", "3 March 2015"},
      {"published on in title case", "Published On 3 Mar 2015\nOfficials met on Monday.", "2015-03-03",
       "published line", "3 Mar 2015"},
      {"date line with an updated line after it on the same line",
       "March 3, 2015 at 10:42 AM EST Updated on March 4, 2015 at 11:30 AM EST\nOfficials met on Monday.",
       "2015-03-03", "date line", "March 3, 2015 at 10:42 AM EST"},
      {"date line with a time after a bullet", "3 March 2015 \u2022 10:42am\nOfficials met on Monday.", "2015-03-03",
       "date line", "3 March 2015"},
      {"posted with a weekday before a numeric date", "Posted: Tue, 03/03/2015 - 10:42\nOfficials met on Monday.",
       "2015-03-03", "published line", "03/03/2015"},
      {"source line of an agency's site, bars around the timestamp",
       "Source: Xinhua | 2015-03-03 10:42:00 | Editor: Jane Doe\nOfficials met on Monday.", "2015-03-03", "byline",
       "2015-03-03 10:42:00"},
  });
}

TEST_CASE("Dateline: new forms that are not the article's date", "[dateline]") {
  RunTable({
      {"place, a dash, a sentence holding a date",
       "WASHINGTON \u2014 The talks of March 3, 2015 ended early, officials said.", "", "", nullptr},
      {"place, dashes around a date inside an aside",
       "WASHINGTON \u2014 Talks that opened March 3, 2015 \u2014 the first in years \u2014 ended.", "", "", nullptr},
      {"parenthesis, a date, no separator", "(Talks resumed) March 3, 2015 was a Tuesday.", "", "", nullptr},
      {"agency first, no date", "(Bloomberg) -- Officials met on Monday.", "", "", nullptr},
      {"a name, a bar, a date that runs on", "Obama | March 3, 2015 was the day talks resumed", "", "", nullptr},
      {"a date opening the story, then a slash in a sentence",
       "On March 3, 2015 / the day talks resumed / officials met.", "", "", nullptr},
      {"a date opening a sentence, then a word that is also a label",
       "June 11, 2021 Updated guidance was issued to schools.", "", "", nullptr},
      {"updated tail alone", "Updated 2 hours ago\nOfficials met on March 3, 2015.", "", "", nullptr},
      {"byline with 'on' and no date", "By Jane Doe on assignment in Kabul\nOfficials met on March 3, 2015.", "",
       "", nullptr},
      {"a source line whose date runs on", "Source: Jane Doe, March 3, 2015 was a good day\nOfficials met.", "", "",
       nullptr},
      {"a date in the first sentence after an agency",
       "(Reuters) - Officials met on March 3, 2015 in Washington.", "", "", nullptr},
  });
}

struct DayCase {
  const char* name;
  const char* text;
  int month, day;        // 0, 0: none
  const char* day_text;  // nullptr to skip
};

TEST_CASE("Dateline: a day without its year", "[dateline]") {
  for (const DayCase& c : std::vector<DayCase>{
           {"Reuters style", "WASHINGTON, March 3 (Reuters) - Officials met on Monday.", 3, 3, "March 3"},
           {"Xinhua style", "BEIJING, Sept. 24 (Xinhua) -- Officials met on Tuesday.", 9, 24, "Sept. 24"},
           {"TASS style", "MOSCOW, September 24. /TASS/. Officials met on Tuesday.", 9, 24, "September 24"},
           {"weekday kept with the day", "WASHINGTON, Tuesday, March 3 (AP) \u2014 Officials met.", 3, 3,
            "Tuesday, March 3"},
           {"newspaper style, no agency", "WASHINGTON, March 3 \u2014 Officials met on Monday.", 3, 3, "March 3"},
           {"agency first", "(Reuters) March 3 - Officials met on Monday.", 3, 3, "March 3"},
           {"under a headline", "Talks resume\nBRUSSELS, 3 March (Wire) - Officials met on Monday.", 3, 3, "3 March"},
           {"a bare day is no dateline", "March 3 - Officials met on Monday.", 0, 0, nullptr},
           {"a day in the first sentence", "Officials met on March 3 in Washington.", 0, 0, nullptr},
           {"a place alone", "WASHINGTON \u2014 Officials met on March 3.", 0, 0, nullptr},
           {"a full date wins", "WASHINGTON, March 3 (Reuters) - Officials met.\nPublished March 3, 2015 10:42 AM", 0,
            0, nullptr},
       }) {
    INFO(c.name << ": " << c.text);
    Document doc(c.text);
    std::vector<TextSegment> segs = SegmentDocument(doc);
    std::optional<DatelineInfo> d = FindDatelineDate(doc, segs);
    CheckHeadMarks(doc, segs, d);
    const bool day_only = d && !d->date;
    CHECK((day_only ? d->month : 0) == c.month);
    CHECK((day_only ? d->day : 0) == c.day);
    if (day_only && c.day_text != nullptr)
      CHECK(std::string(c.text).substr(d->date_start, d->date_end - d->date_start) == c.day_text);
  }
}

TEST_CASE("Dateline: heads that state no date of the article", "[dateline]") {
  RunTable({
      {"agency dateline without a date", "WASHINGTON (AP) \u2014 The Senate voted on Tuesday.", "", "", nullptr},
      {"Xinhua style, no year", "BEIJING, Sept. 24 (Xinhua) -- Officials met on Tuesday.", "", "", nullptr},
      {"TASS style, no year", "MOSCOW, September 24. /TASS/. Officials met on Tuesday.", "", "", nullptr},
      {"date opening an ordinary sentence", "On June 11, 2021, leaders met in Cornwall.", "", "", nullptr},
      {"date followed by a comma", "September 11, 2001, changed the city.", "", "", nullptr},
      {"date inside the first sentence", "The summit opened on June 11, 2021 in Cornwall.", "", "", nullptr},
      {"a day that does not exist", "LONDON, February 30, 2021 \u2014 Shares rose.", "", "", nullptr},
      {"a year alone", "In 2010, the minister resigned.", "", "", nullptr},
      {"dateline after two ordinary sentences",
       "Shares rose. Traders were calm.\nLONDON, June 11, 2021 \u2014 Shares rose again.", "", "", nullptr},
      {"published line after two ordinary sentences",
       "Shares rose. Traders were calm.\nPublished June 11, 2021", "", "", nullptr},
      {"headline ending in a date is not a byline", "Looking back, September 11, 2001\nThe city remembered.", "",
       "", nullptr},
      {"numeric date that reads two ways", "Published: 04/05/2023\nThe council voted.", "", "", nullptr},
      {"numeric day that does not exist", "Published: 31/02/2023\nThe council voted.", "", "", nullptr},
      {"a bar after a date inside a sentence", "The vote of May 2, 2024 | held in Paris", "", "", nullptr},
      {"empty", "", "", "", nullptr},
  });
}

TEST_CASE("Dateline: MatchDatelineHead spans", "[dateline]") {
  const std::string t = "KYIV, Ukraine, Feb. 24, 2023 /PRNewswire/ -- Acme Relief Fund appealed.";
  DatelineInfo info;
  size_t end = MatchDatelineHead(t, 0, t.size(), &info);
  CHECK(t.substr(end) == "Acme Relief Fund appealed.");
  CHECK(t.substr(info.date_start, info.date_end - info.date_start) == "Feb. 24, 2023");
  CHECK(info.form == DatelineForm::kDateline);
  REQUIRE(info.date);
  CHECK(FormatIsoDate(*info.date) == "2023-02-24");

  const std::string agency = "PARIS (AFP) - Talks resumed.";
  CHECK(MatchDatelineHead(agency, 0, agency.size(), &info) == agency.find("Talks"));
  CHECK(!info.date);
  const std::string place_only = "Lyon, France - The strike ended.";
  CHECK(MatchDatelineHead(place_only, 0, place_only.size(), &info) == 0);  // the segmenter's own rule
  const std::string label = "Replacements (from): Smith, Jones.";  // a team sheet, not an agency
  CHECK(MatchDatelineHead(label, 0, label.size(), &info) == 0);
  const std::string dpa = "Berlin (dpa) - Talks resumed.";
  CHECK(MatchDatelineHead(dpa, 0, dpa.size(), &info) == dpa.find("Talks"));
  const std::string sentence = "Officials said the port would reopen.";
  CHECK(MatchDatelineHead(sentence, 0, sentence.size(), &info) == 0);
}

TEST_CASE("Dateline: the segmenter cuts a dated dateline off the first sentence", "[dateline][segment]") {
  struct SegCase {
    const char* text;
    std::vector<std::string> segments;
  };
  for (const SegCase& c : std::vector<SegCase>{
           {"CARBIS BAY, England, June 11, 2021 \u2014 Leaders met on Friday. Talks went on.",
            {"CARBIS BAY, England, June 11, 2021 \u2014", "Leaders met on Friday.", "Talks went on."}},
           {"KYIV, Ukraine, Feb. 24, 2023 /PRNewswire/ -- Acme Relief Fund appealed.",
            {"KYIV, Ukraine, Feb. 24, 2023 /PRNewswire/ --", "Acme Relief Fund appealed."}},
           {"NEW YORK, Jan. 10, 2024 (GLOBE NEWSWIRE) -- Acme Robotics Inc. reported results.",
            {"NEW YORK, Jan. 10, 2024 (GLOBE NEWSWIRE) --", "Acme Robotics Inc. reported results."}},
           {"Tokyo, 28 October 2024 \u2014 The cabinet met.", {"Tokyo, 28 October 2024 \u2014", "The cabinet met."}},
           {"Published 10:42 AM EDT, September 24, 2019\nSchools closed.",
            {"Published 10:42 AM EDT, September 24, 2019", "Schools closed."}},
           {"Posted: Sep 24, 2019 at 10:42 a.m. EDT\nSchools closed.",
            {"Posted: Sep 24, 2019 at 10:42 a.m. EDT", "Schools closed."}},
           {"(CNN) March 3, 2015 -- Officials met. Talks went on.",
            {"(CNN) March 3, 2015 --", "Officials met.", "Talks went on."}},
           {"WASHINGTON \u2014 Tuesday, March 3, 2015 \u2014 Officials met.",
            {"WASHINGTON \u2014 Tuesday, March 3, 2015 \u2014", "Officials met."}},
       }) {
    INFO(c.text);
    Document doc(c.text);
    std::vector<std::string> got;
    std::vector<TextSegment> segs = SegmentDocument(doc);
    for (const TextSegment& s : segs) got.emplace_back(doc.text().substr(s.start, s.end - s.start));
    CHECK(got == c.segments);
    REQUIRE(!segs.empty());
    CHECK(segs[0].kind == SegmentKind::kDateline);
  }
}

TEST_CASE("Dateline: the segmenter marks the whole blocks it found no dateline at", "[dateline][segment]") {
  const std::string text =
      "Ad sales boost Time Warner profit\n\nQuarterly profits rose. They beat forecasts.\n\n"
      "LONDON, March 3, 2005 - Shares rose.\n\nOne line only.";
  Document doc(text);
  std::vector<TextSegment> segs = SegmentDocument(doc);
  struct Row {
    std::string_view text;
    bool marked;
  };
  std::vector<Row> rows;
  for (const TextSegment& s : segs) rows.push_back({std::string_view(text).substr(s.start, s.end - s.start), s.no_dateline_head});
  REQUIRE(rows.size() == 6);
  CHECK((rows[0].text == "Ad sales boost Time Warner profit" && rows[0].marked));
  CHECK((rows[1].text == "Quarterly profits rose." && !rows[1].marked));  // not the whole block
  CHECK(!rows[2].marked);
  CHECK((rows[3].text == "LONDON, March 3, 2005 -" && !rows[3].marked));  // a dateline was found
  CHECK(!rows[4].marked);
  CHECK((rows[5].text == "One line only." && rows[5].marked));
  CheckHeadMarks(doc, segs, FindDatelineDate(doc, segs));
}

TEST_CASE("Dateline: arbitrary bytes never break it", "[dateline]") {
  std::string junk;
  for (int i = 0; i < 4000; ++i) junk.push_back(static_cast<char>((i * 7919) % 256));
  for (std::string t : {junk, std::string(3000, ','), std::string(3000, '-'), std::string("(") + std::string(500, 'A'),
                        std::string("By ") + std::string(300, '|'), std::string("Published ") + std::string(400, '9')}) {
    Document doc(t);
    std::vector<TextSegment> segs = SegmentDocument(doc);
    CHECK_NOTHROW(FindDatelineDate(doc, segs));
    CheckHeadMarks(doc, segs, FindDatelineDate(doc, segs));
    for (size_t i = 0; i < t.size() && i < 200; ++i) CHECK(MatchDatelineHead(t, i, t.size(), nullptr) <= t.size());
  }
}

}  // namespace
}  // namespace factlint
