// Tests of core/src/segment.cpp (SegmentDocument) and core/src/segment_api.cpp (Segment): tables
// of texts and the sentences they must give, segment kinds and paragraphs, the public spans with
// UTF-16 offsets, invariants on arbitrary bytes, and [slow] inputs built to be quadratic for a
// careless scanner. All examples are written for these tests.

#include "segment.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "factlint/factlint.h"

namespace factlint {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  Document doc(text);
  std::vector<std::string> out;
  for (const TextSegment& s : SegmentDocument(doc)) {
    out.emplace_back(text.substr(s.start, s.end - s.start));
  }
  return out;
}

struct Case {
  const char* name;
  const char* text;
  std::vector<std::string> sentences;
};

void RunTable(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    INFO(c.name << ": " << c.text);
    CHECK(Sentences(c.text) == c.sentences);
  }
}

TEST_CASE("Segment: plain sentences and final marks", "[segment]") {
  RunTable({
      {"empty", "", {}},
      {"blank", " \n\t\n \xC2\xA0 ", {}},
      {"one", "The vote passed.", {"The vote passed."}},
      {"no final mark", "The vote passed", {"The vote passed"}},
      {"two", "The vote passed. Turnout was low.", {"The vote passed.", "Turnout was low."}},
      {"question", "Who won? The mayor did.", {"Who won?", "The mayor did."}},
      {"exclamation", "It is over! Everyone went home.", {"It is over!", "Everyone went home."}},
      {"double marks", "Really?! Nobody knew. Stop!! Now.",
       {"Really?!", "Nobody knew.", "Stop!!", "Now."}},
      {"outer spaces trimmed", "   Rain fell.   Roads shut.  ", {"Rain fell.", "Roads shut."}},
      {"lower case goes on", "The brand Zoomly! sold well. Profits rose.",
       {"The brand Zoomly! sold well.", "Profits rose."}},
      {"missing space", "Markets fell.Traders sold.Prices held at 4,200.Then calm returned.",
       {"Markets fell.", "Traders sold.", "Prices held at 4,200.", "Then calm returned."}},
      {"CJK full stop", "\u5E02\u957F\u8BB2\u8BDD\u3002\u4F1A\u8BAE\u7ED3\u675F\u3002",
       {"\u5E02\u957F\u8BB2\u8BDD\u3002", "\u4F1A\u8BAE\u7ED3\u675F\u3002"}},
      {"emoji", "Fans cheered \U0001F389. The club won.", {"Fans cheered \U0001F389.", "The club won."}},
      {"full-width period", "Vote closed\uFF0ECount began\uFF0E", {"Vote closed\uFF0E", "Count began\uFF0E"}},
      {"footnote references", "The dam opened in 1962.[3][4] It cost more.[a] Work stopped.",
       {"The dam opened in 1962.[3][4]", "It cost more.[a]", "Work stopped."}},
  });
}

TEST_CASE("Segment: abbreviations", "[segment]") {
  RunTable({
      {"titles before names",
       "Gen. Ortiz met Sen. Wu and Gov. Hale. Rep. Diaz and Lt. Col. Brand stayed.",
       {"Gen. Ortiz met Sen. Wu and Gov. Hale.", "Rep. Diaz and Lt. Col. Brand stayed."}},
      {"Mr Mrs Dr Prof", "Mr. and Mrs. Lund saw Dr. Ahn and Prof. Kim. They left.",
       {"Mr. and Mrs. Lund saw Dr. Ahn and Prof. Kim.", "They left."}},
      {"capitals", "MR. BLAKE spoke. SGT. COLE listened.", {"MR. BLAKE spoke.", "SGT. COLE listened."}},
      {"saint and mount", "They drove from St. Paul to Mt. Hood. It rained.",
       {"They drove from St. Paul to Mt. Hood.", "It rained."}},
      {"U.S. inside", "The U.S. Treasury and the U.K. Parliament agreed.",
       {"The U.S. Treasury and the U.K. Parliament agreed."}},
      {"U.S. at the end", "Sales grew in the U.S. The rest of the world lagged.",
       {"Sales grew in the U.S.", "The rest of the world lagged."}},
      {"U.N. before a number", "The U.N. 2030 agenda was adopted by the U.N. Delegates cheered.",
       {"The U.N. 2030 agenda was adopted by the U.N. Delegates cheered."}},
      {"E.U. question", "Who speaks for the E.U. When it matters?",
       {"Who speaks for the E.U.", "When it matters?"}},
      {"company forms", "Orbit Corp. Chief Executive Lena Paul resigned from Orbit Corp. The board met.",
       {"Orbit Corp. Chief Executive Lena Paul resigned from Orbit Corp.", "The board met."}},
      {"Inc. Ltd. Co.", "Vela Inc. and Tarn Ltd. merged with Brill & Co. at dawn.",
       {"Vela Inc. and Tarn Ltd. merged with Brill & Co. at dawn."}},
      {"Jr. Sr.", "Amos Reed Jr. met Amos Reed Sr. They talked.",
       {"Amos Reed Jr. met Amos Reed Sr.", "They talked."}},
      {"months", "On Jan. 6 and Sept. 11 the hall closed. It reopened in Dec. The crowds returned.",
       {"On Jan. 6 and Sept. 11 the hall closed.", "It reopened in Dec.", "The crowds returned."}},
      {"a.m. p.m.", "Polls open at 7 a.m. and close at 9 p.m. on Tuesday.",
       {"Polls open at 7 a.m. and close at 9 p.m. on Tuesday."}},
      {"a.m. then a starter", "The shop opened at 8 a.m. The queue was long.",
       {"The shop opened at 8 a.m.", "The queue was long."}},
      {"e.g. i.e. vs. etc.",
       "Some towns, e.g. Rye and Hove, voted; i.e. Lewes did not. It was Rye vs. Hove. Pens, paper, etc. They sold out.",
       {"Some towns, e.g. Rye and Hove, voted; i.e. Lewes did not.", "It was Rye vs. Hove.",
        "Pens, paper, etc.", "They sold out."}},
      {"No. and p.", "Read clause No. 4 on p. 12. Then sign.", {"Read clause No. 4 on p. 12.", "Then sign."}},
      {"no as a word", "She said no. Nobody argued.", {"She said no.", "Nobody argued."}},
      {"possessive after period", "That was Cole Jr.'s car.", {"That was Cole Jr.'s car."}},
  });
}

TEST_CASE("Segment: initials, numbers, addresses", "[segment]") {
  RunTable({
      {"middle initial", "President Harry S. Truman spoke. Ulysses S. Grant listened.",
       {"President Harry S. Truman spoke.", "Ulysses S. Grant listened."}},
      {"several initials", "The poet W. H. Auden and the critic F. R. Leavis met.",
       {"The poet W. H. Auden and the critic F. R. Leavis met."}},
      {"initials without spaces", "The author J.K. Rowling signed.", {"The author J.K. Rowling signed."}},
      {"pronoun I", "The winner was I. Then came Ana.", {"The winner was I.", "Then came Ana."}},
      {"initial before starter", "The list ended with Plan B. The next one began.",
       {"The list ended with Plan B.", "The next one began."}},
      {"decimals", "Growth was 3.5 per cent. Inflation hit 2.1.", {"Growth was 3.5 per cent.", "Inflation hit 2.1."}},
      {"money", "It cost $12.50. Then $3.", {"It cost $12.50.", "Then $3."}},
      {"number starts next", "Turnout fell. 40 per cent voted.", {"Turnout fell.", "40 per cent voted."}},
      {"email", "Write to press.office@example.org. Replies come fast.",
       {"Write to press.office@example.org.", "Replies come fast."}},
      {"url", "See https://news.example.net/a/Page.Two.html today. It loads.",
       {"See https://news.example.net/a/Page.Two.html today.", "It loads."}},
      {"file name", "Open Report.Final.pdf now.", {"Open Report.Final.pdf now."}},
  });
}

TEST_CASE("Segment: quotes, brackets, ellipses", "[segment]") {
  RunTable({
      {"closing double quote", "\"We won,\" he said. \"It is done.\" The hall emptied.",
       {"\"We won,\" he said.", "\"It is done.\"", "The hall emptied."}},
      {"curly quotes", "\u201CWe won.\u201D She smiled. \u2018Fine.\u2019 he said.",
       {"\u201CWe won.\u201D", "She smiled.", "\u2018Fine.\u2019 he said."}},
      {"quote then lower case", "\"Go home.\" said the guard.", {"\"Go home.\" said the guard."}},
      {"question in quote", "\"Why now?\" she asked. Nobody knew.",
       {"\"Why now?\" she asked.", "Nobody knew."}},
      {"bracket after mark", "The vote was close (it always is.) and long. (Nobody left.) Then it ended.",
       {"The vote was close (it always is.) and long.", "(Nobody left.)", "Then it ended."}},
      {"ellipsis then capital", "He paused... Then he spoke.", {"He paused...", "Then he spoke."}},
      {"ellipsis then lower", "He paused... and then spoke.", {"He paused... and then spoke."}},
      {"unicode ellipsis", "She waited\u2026 Nobody came.", {"She waited\u2026", "Nobody came."}},
      {"detached ellipsis", "It was, well ... I forget.", {"It was, well ... I forget."}},
      {"spaced ellipsis inside", "The law . . . was repealed.", {"The law . . . was repealed."}},
      {"bracketed ellipsis", "\"The plan [...] failed\" (Ross 3).", {"\"The plan [...] failed\" (Ross 3)."}},
      {"period then spaced ellipsis", "It ended. . . . Then silence.", {"It ended.", ". . . Then silence."}},
      {"dash attribution", "\"Vote early.\" \u2014 Mayor Ruiz", {"\"Vote early.\" \u2014 Mayor Ruiz"}},
      {"dash aside", "Bake it and -- presto! -- dinner.", {"Bake it and -- presto! -- dinner."}},
      {"short closing quotation stays", "The chief said \"Roads are shut. Stay in.\"",
       {"The chief said \"Roads are shut. Stay in.\""}},
  });
}

TEST_CASE("Segment: lines, headings, datelines, lists", "[segment]") {
  RunTable({
      {"one paragraph per line", "First line here.\nSecond line here.\n",
       {"First line here.", "Second line here."}},
      {"heading then body", "Storm hits coast\n\nWinds reached 100 mph. Power failed.",
       {"Storm hits coast", "Winds reached 100 mph.", "Power failed."}},
      {"broken line joins", "The council met on a cold\nmorning to vote.",
       {"The council met on a cold\nmorning to vote."}},
      {"short lines stay apart", "budget\ntransport plans\nhousing, schools\n",
       {"budget", "transport plans", "housing, schools"}},
      {"CRLF", "One.\r\nTwo.\r\n", {"One.", "Two."}},
      {"title and date on one line", "Council approves budget Monday, March 2, 2020",
       {"Council approves budget", "Monday, March 2, 2020"}},
      {"date runs into text", "Friday, June 5, 2015 The mayor resigned today.",
       {"Friday, June 5, 2015", "The mayor resigned today."}},
      {"longest weekday runs into text", "Wednesday, September 24, 2019 The mayor resigned today.",
       {"Wednesday, September 24, 2019", "The mayor resigned today."}},
      {"place dateline with dash", "Lyon, France - The strike ended on Monday.",
       {"Lyon, France -", "The strike ended on Monday."}},
      {"headline with a dash stays whole", "Paris, Berlin - The Long Road", {"Paris, Berlin - The Long Road"}},
      {"numbered run-on", "1) Cut taxes 2) Build roads 3) Hire nurses",
       {"1) Cut taxes", "2) Build roads", "3) Hire nurses"}},
      {"numbered with periods", "1. Cut taxes. 2. Build roads.", {"1. Cut taxes.", "2. Build roads."}},
      {"numbered no periods", "1. Cut taxes 2. Build roads", {"1. Cut taxes", "2. Build roads"}},
      {"lettered", "a. Rail b. Bus c. Ferry", {"a. Rail", "b. Bus", "c. Ferry"}},
      {"bracketed letters", "(a) Rail fares. (b) Bus lanes. (c) Ferries.",
       {"(a) Rail fares.", "(b) Bus lanes.", "(c) Ferries."}},
      {"broken line ending in a colon", "The plan has three parts, which\nthe minister listed:\n1. Rail",
       {"The plan has three parts, which\nthe minister listed:", "1. Rail"}},
      {"bullets", "\u2022 Rail fares \u2022 Bus lanes", {"\u2022 Rail fares", "\u2022 Bus lanes"}},
      {"list lines", "- Rail fares\n- Bus lanes\n", {"- Rail fares", "- Bus lanes"}},
      {"number out of sequence stays", "1. He won 3. The end.", {"1. He won 3.", "The end."}},
      {"picture credit", "Crowds at the rally Photo: Jan Ober\nThe rally was peaceful.",
       {"Crowds at the rally", "Photo: Jan Ober", "The rally was peaceful."}},
      {"run-in pronoun", "Prices rose sharply last month They fell again in May.",
       {"Prices rose sharply last month", "They fell again in May."}},
      {"title is not a run-in", "She starred in the film In the Cold. It won.",
       {"She starred in the film In the Cold.", "It won."}},
      {"hard-wrapped paragraph",
       "The committee said on Tuesday that its new rules\nwould apply from next year, and that Brussels\nConsumer groups would be consulted on the fines\nbefore the summer recess.\n",
       {"The committee said on Tuesday that its new rules\nwould apply from next year, and that Brussels\nConsumer groups would be consulted on the fines\nbefore the summer recess."}},
      {"headline list is not wrapped prose",
       "Council votes to close the central library\nTram line opens two years behind plan\nMayor defends spending on the new stadium\n",
       {"Council votes to close the central library", "Tram line opens two years behind plan",
        "Mayor defends spending on the new stadium"}},
  });
}

TEST_CASE("Segment: kinds and paragraphs", "[segment]") {
  std::string text =
      "Mayor quits\n\nMonday, May 4, 2020\n\nThe mayor quit. Nobody expected it.\n"
      "1. Budget cuts\nA second paragraph.";
  Document doc(text);
  std::vector<TextSegment> segs = SegmentDocument(doc);
  REQUIRE(segs.size() == 6);
  CHECK(segs[0].kind == SegmentKind::kHeading);
  CHECK(segs[1].kind == SegmentKind::kDateline);
  CHECK(segs[2].kind == SegmentKind::kSentence);
  CHECK(segs[3].kind == SegmentKind::kSentence);
  CHECK(segs[4].kind == SegmentKind::kListItem);
  CHECK(segs[5].kind == SegmentKind::kSentence);
  CHECK(segs[0].paragraph == 0);
  CHECK(segs[1].paragraph == 1);
  CHECK(segs[2].paragraph == 2);
  CHECK(segs[3].paragraph == 2);
  CHECK(segs[4].paragraph == 3);
  CHECK(segs[5].paragraph == 4);
  // Datelines in other shapes.
  for (const char* line : {"LONDON, 12 March 2021", "2021-03-12", "Updated Jan. 5, 2021",
                           "Tuesday"}) {
    INFO(line);
    Document d(line);
    std::vector<TextSegment> s = SegmentDocument(d);
    REQUIRE(s.size() == 1);
    CHECK(s[0].kind == SegmentKind::kDateline);
  }
  Document plain("Election results");
  CHECK(SegmentDocument(plain)[0].kind == SegmentKind::kHeading);
}

TEST_CASE("Segment (public API): byte and UTF-16 spans", "[segment]") {
  // "Łódź" is 4 characters in 7 bytes; the emoji is 2 UTF-16 units in 4 bytes.
  std::string text = "\u0141\u00F3d\u017A voted. \U0001F600 Turnout rose. \u201CYes.\u201D";
  std::vector<Span> spans = factlint::Segment(text);
  REQUIRE(spans.size() == 3);
  CHECK(text.substr(spans[0].start, spans[0].end - spans[0].start) == "\u0141\u00F3d\u017A voted.");
  CHECK(spans[0].start16 == 0);
  CHECK(spans[0].end16 == 11);
  CHECK(text.substr(spans[1].start, spans[1].end - spans[1].start) == "\U0001F600 Turnout rose.");
  CHECK(spans[1].start == 15);
  CHECK(spans[1].start16 == 12);
  CHECK(spans[1].end16 == 28);
  CHECK(spans[2].start16 == 29);
  CHECK(spans[2].end16 == 35);
  CHECK(spans[2].end == text.size());
}

// Checks the invariants of the header: in order, not overlapping, trimmed, and every non-blank
// byte inside exactly one segment.
void CheckInvariants(std::string_view text) {
  Document doc(text);
  std::vector<TextSegment> segs = SegmentDocument(doc);
  size_t pos = 0;
  size_t paragraph = 0;
  for (const TextSegment& s : segs) {
    REQUIRE(s.start < s.end);
    REQUIRE(s.start >= pos);
    REQUIRE(s.end <= text.size());
    REQUIRE(s.paragraph >= paragraph);
    // Between segments only whitespace (ASCII or Unicode spaces).
    std::string gap(text.substr(pos, s.start - pos));
    for (char c : gap) {
      unsigned char u = static_cast<unsigned char>(c);
      INFO("gap byte " << int(u) << " before " << s.start);
      REQUIRE((u == ' ' || u == '\n' || u == '\r' || u == '\t' || u == '\f' || u == '\v' || u >= 0x80));
    }
    pos = s.end;
    paragraph = s.paragraph;
  }
}

TEST_CASE("Segment: invariants on awkward inputs", "[segment]") {
  const char* inputs[] = {
      "", ".", "...", ". . .", "!?!?", "\"", "\"\"\"", "((((", "))))", "A.", "a.b.c.", "U.S.",
      "1.", "1)", "\u2022", "\u2022 ", "\n\n\n", " . ", "Mr.", "e.g.", "\xFF\xFE.", ". \xE2\x80",
      "x\xE2\x80\xA6", "\xE2\x80\x9C.", "Hi.\xC2\xA0" "Bye.", "Tuesday, May 5, 2015",
      "a \xE2\x80\x94", "Image: x", "1. 2. 3. 4.", "a) b) c)", ". . . .", "end. ... Next",
      "Crowds Photo: x y", "\"x. y.\"", "x said \"a. b.\"", "x - y", "Paris, France - ",
  };
  for (const char* in : inputs) {
    INFO(in);
    CheckInvariants(in);
  }
  // Every short byte string over an alphabet of troublesome characters.
  const char alphabet[] = {'.', ' ', 'A', 'a', '\n', '"', ')', '1', '!', '\xE2', '\x80', '-'};
  std::string s;
  for (int n = 0; n < 12 * 12 * 12 * 12; ++n) {
    s.clear();
    for (int k = 0, v = n; k < 4; ++k, v /= 12) s.push_back(alphabet[v % 12]);
    CheckInvariants(s);
  }
}

TEST_CASE("Segment: invariants on random text", "[segment]") {
  // A fixed linear congruential generator, so failures reproduce.
  uint32_t state = 12345;
  auto next = [&state]() {
    state = state * 1103515245u + 12345u;
    return (state >> 16) & 0x7FFF;
  };
  const char* pieces[] = {"Mr", "U.S", "J", "I", "the", "The", "We", "In the", "1", "a", "(a)",
                          ".", ". ", "...", "\u2026", "!", "?", "\"", "'", "\u201C", "\u201D",
                          ")", "(", "[1]", " ", "  ", "\n", "\n\n", "\r\n", "-", "\u2014",
                          "\u2022 ", "Image:", "Monday, May 4, 2020", "\xFF", "\xE2\x80",
                          "\u3002", "\u00A0", ":)", "e.g", "Jan", "5", "x@y.z", "http://a.b/C.d"};
  const size_t count = sizeof(pieces) / sizeof(pieces[0]);
  std::string text;
  for (int round = 0; round < 3000; ++round) {
    text.clear();
    int len = static_cast<int>(next() % 40);
    for (int k = 0; k < len; ++k) text += pieces[next() % count];
    INFO(text);
    CheckInvariants(text);
  }
}

TEST_CASE("Segment: linear time on adversarial input", "[segment][slow]") {
  SECTION("2 MB of periods") {
    std::string text(2 * 1024 * 1024, '.');
    std::vector<std::string> out = Sentences(text);
    REQUIRE(out.size() == 1);
    CHECK(out[0].size() == text.size());
  }
  SECTION("spaced periods") {
    std::string text;
    while (text.size() < 2 * 1024 * 1024) text += ". ";
    CheckInvariants(text);
  }
  SECTION("200,000 quote marks") {
    std::string text(200000, '"');
    CHECK(Sentences(text).size() == 1);
    std::string mixed;
    for (int k = 0; k < 100000; ++k) mixed += "\" ";
    CheckInvariants(mixed);
    std::string said;
    for (int k = 0; k < 50000; ++k) said += "He said \"x. y";
    CheckInvariants(said);
  }
  SECTION("a 10 MB single line of sentences") {
    std::string unit = "Gen. Ruiz met the U.S. envoy at 9 a.m. on Jan. 5. \u201CIt went well.\u201D ";
    std::string text;
    while (text.size() < 10 * 1024 * 1024) text += unit;
    Document doc(text);
    std::vector<TextSegment> segs = SegmentDocument(doc);
    size_t copies = (text.size() + unit.size() - 1) / unit.size();
    CHECK(segs.size() == 2 * copies);
    CHECK(segs.front().paragraph == 0);
    CHECK(segs.back().paragraph == 0);
  }
  SECTION("a 10 MB line without any space") {
    std::string text;
    while (text.size() < 10 * 1024 * 1024) text += "a.B";
    CHECK(Sentences(text).size() == 1);
  }
  SECTION("many short lines") {
    std::string text;
    for (int k = 0; k < 500000; ++k) text += "word\nnext.\n";
    CheckInvariants(text);
  }
}

}  // namespace
}  // namespace factlint
