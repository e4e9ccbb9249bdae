// Check (core/src/check.cpp) end to end on small texts, with the rule examples' test KB
// ("basic" in tests/fixtures/rules/test_kbs.json: real office holders, a few events and quotes), and — tagged
// [seed] / [bundled] — on the example articles with the bundled kb/world.json.

#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "factlint/factlint.h"
#include "test_kbs.h"

namespace {

using factlint::Check;
using factlint::CheckOptions;
using factlint::Finding;
using factlint::Report;
using factlint::Severity;

const factlint::Kb& TestKb() { return factlint_test::BasicKb(); }

CheckOptions At(const char* iso) {
  CheckOptions o;
  o.date = factlint::ParseIsoDate(iso);
  return o;
}

std::string Describe(const Report& r) {
  std::string out;
  for (const auto& f : r.findings)
    out += "[" + f.rule + "] \"" + f.text + "\": " + f.message + "\n";
  return out.empty() ? "(no findings)\n" : out;
}

int Count(const Report& r, const std::string& rule) {
  int n = 0;
  for (const auto& f : r.findings) n += f.rule == rule;
  return n;
}

const Finding* Find(const Report& r, const std::string& rule) {
  for (const auto& f : r.findings)
    if (f.rule == rule) return &f;
  return nullptr;
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream b;
  b << in.rdbuf();
  *out = b.str();
  return true;
}

}  // namespace

TEST_CASE("check: title forms are recognised and judged", "[check]") {
  struct Case {
    const char* text;
    const char* date;
    const char* rule;  // nullptr: no finding of warning or above
    const char* span;
  };
  const Case cases[] = {
      {"Germany's Chancellor Olaf Scholz spoke.", "2023-01-10", nullptr, nullptr},
      {"Germany's Chancellor Olaf Scholz spoke.", "2026-01-10", "CURRENT_BUT_FORMER", "Germany's Chancellor Olaf Scholz"},
      {"Olaf Scholz, the German chancellor, spoke.", "2026-01-10", "CURRENT_BUT_FORMER", "Olaf Scholz, the German chancellor"},
      {"Mark Rutte, NATO's secretary general, spoke.", "2023-01-10", "TITLE_NOT_HELD", "Mark Rutte, NATO's secretary general"},
      {"NATO's Secretary General, Mark Rutte, spoke.", "2025-01-10", nullptr, nullptr},
      {"President of the United States Donald Trump spoke.", "2022-01-10", "CURRENT_BUT_FORMER", "President of the United States Donald Trump"},
      {"Chancellor Scholz spoke after Chancellor Merkel left.", "2023-01-10", "CURRENT_BUT_FORMER", "Chancellor Merkel"},
      {"President Biden met Macron.", "2023-06-01", nullptr, nullptr},
      {"President Biden met Macron.", "2025-06-01", "CURRENT_BUT_FORMER", "President Biden"},
      {"Ex-President Trump spoke.", "2025-06-01", "FORMER_BUT_IN_OFFICE", "Ex-President Trump"},
      {"then-President Trump spoke.", "2022-06-01", nullptr, nullptr},
      {"President-elect Trump spoke.", "2022-06-01", nullptr, nullptr},
      {"U.S. Vice President Joe Biden spoke.", "2015-06-01", nullptr, nullptr},
      {"Party President Joe Biden spoke.", "2015-06-01", nullptr, nullptr},
      {"Trump’s adviser met Former President Trump.", "2025-06-01", "FORMER_BUT_IN_OFFICE", "Former President Trump"},
      {"President John Smith spoke.", "2025-06-01", nullptr, nullptr},                 // unknown person
      {"Prime Minister Theresa May spoke.", "2027-06-01", nullptr, nullptr},           // beyond as_of
      {"French President Olaf Scholz spoke.", "2023-06-01", "TITLE_NOT_HELD", "French President Olaf Scholz"},
      {"How good a prime minister Olaf Scholz would make was debated.", "2015-06-01", nullptr, nullptr},
      {"Under President Joe Biden, tariffs fell.", "2026-01-10", nullptr, nullptr},
      {"Tariffs fell under President Joe Biden.", "2026-01-10", nullptr, nullptr},
      {"The last government, led by Chancellor Angela Merkel, tried it.", "2023-01-10", nullptr, nullptr},
      {"The government, led by Chancellor Angela Merkel, tried it.", "2023-01-10", "CURRENT_BUT_FORMER",
       "Chancellor Angela Merkel"},
      {"The attempt on Prime Minister May was foiled.", "2026-10-01", nullptr, nullptr},  // historical
      {"Prime Minister Theresa May met Macron.", "2026-10-01", "CURRENT_BUT_FORMER", "Prime Minister Theresa May"},
      {"MPs criticised Chancellor Olaf Scholz last year for the budget.", "2022-03-01", nullptr, nullptr},
      {"MPs criticised Chancellor Olaf Scholz last month for the budget.", "2026-03-01", "CURRENT_BUT_FORMER",
       "Chancellor Olaf Scholz"},
      {"MPs will criticise Chancellor Olaf Scholz next year.", "2021-03-01", "TITLE_NOT_HELD", "Chancellor Olaf Scholz"},
  };
  for (const Case& c : cases) {
    const Report r = Check(TestKb(), c.text, At(c.date));
    INFO(c.text << " @ " << c.date << "\n" << Describe(r));
    if (c.rule == nullptr) {
      for (const auto& f : r.findings) CHECK(f.severity == Severity::kInfo);
    } else {
      const Finding* f = Find(r, c.rule);
      REQUIRE(f != nullptr);
      CHECK(f->text == c.span);
    }
  }
}

TEST_CASE("check: the reference time comes from the date, a dateline, or the text", "[check]") {
  SECTION("given") {
    const Report r = Check(TestKb(), "Prime Minister Theresa May spoke.", At("2018-01-02"));
    CHECK(r.reference_date.source == "given");
    CHECK(factlint::FormatIsoDate(*r.reference_date.from) == "2018-01-02");
  }
  SECTION("dateline with agency") {
    const Report r = Check(TestKb(), "LONDON (Reuters) - March 3, 2021 - Prime Minister Theresa May spoke.", {});
    CHECK(r.reference_date.source == "dateline");
    CHECK(factlint::FormatIsoDate(*r.reference_date.from) == "2021-03-03");
    CHECK(Count(r, "CURRENT_BUT_FORMER") == 1);
  }
  SECTION("metadata: below the given date, above the dateline; a disagreement is said") {
    CheckOptions meta;
    meta.metadata_date = factlint::ParseIsoDate("2021-03-20");
    meta.metadata_source = "meta:article:published_time";
    const std::string text = "LONDON (Reuters) - March 3, 2021 - Prime Minister Theresa May spoke.";
    Report r = Check(TestKb(), text, meta);
    CHECK(r.reference_date.source == "metadata");
    CHECK(factlint::FormatIsoDate(*r.reference_date.from) == "2021-03-20");
    REQUIRE(r.reference_date.evidence.size() == 2);
    CHECK(r.reference_date.evidence[0] == "published 2021-03-20 (meta:article:published_time)");
    CHECK(r.reference_date.evidence[1].find("17 days earlier") != std::string::npos);
    meta.metadata_date = factlint::ParseIsoDate("2021-03-05");  // within a few days: no remark
    r = Check(TestKb(), text, meta);
    CHECK(r.reference_date.evidence.size() == 1);
    meta.date = factlint::ParseIsoDate("2018-01-02");
    r = Check(TestKb(), text, meta);
    CHECK(r.reference_date.source == "given");
  }
  SECTION("published line above the story") {
    const Report r = Check(TestKb(), "Published 10:42 AM EDT, March 3, 2021\nPrime Minister Theresa May spoke.", {});
    CHECK(r.reference_date.source == "dateline");
    CHECK(factlint::FormatIsoDate(*r.reference_date.from) == "2021-03-03");
    CHECK(Count(r, "CURRENT_BUT_FORMER") == 1);
  }
  SECTION("dateline with weekday on its own line") {
    const Report r = Check(TestKb(), "Thursday, February 23, 2017\n\nPrime Minister Theresa May spoke.", {});
    CHECK(r.reference_date.source == "dateline");
    CHECK(r.findings.empty());
  }
  SECTION("inferred from present titles; the odd one out is flagged") {
    const Report r = Check(TestKb(),
                           "German Chancellor Olaf Scholz met French President Emmanuel Macron. "
                           "British Prime Minister Rishi Sunak joined them, as did Prime Minister Theresa May.",
                           {});
    INFO(Describe(r));
    CHECK(r.reference_date.source == "inferred");
    CHECK(factlint::FormatIsoDate(*r.reference_date.from) == "2022-10-25");
    CHECK(factlint::FormatIsoDate(*r.reference_date.to) == "2024-07-04");
    CHECK(r.reference_date.evidence.size() >= 3);
    CHECK(r.reference_date.candidates.empty());
    const Finding* f = Find(r, "CURRENT_BUT_FORMER");
    REQUIRE(f != nullptr);
    CHECK(f->text == "Prime Minister Theresa May");
  }
  SECTION("a tie is said, and neither side of it is flagged") {
    // Scholz and Macron fit Johnson's last months as well as Sunak's time: three clues each.
    const Report r = Check(TestKb(),
                           "German Chancellor Olaf Scholz met French President Emmanuel Macron. "
                           "British Prime Minister Rishi Sunak joined them, as did Prime Minister Boris Johnson.",
                           {});
    INFO(Describe(r));
    CHECK(r.reference_date.source == "inferred");
    REQUIRE(r.reference_date.candidates.size() == 2);
    CHECK(factlint::FormatIsoDate(r.reference_date.candidates[0].from) == "2021-12-08");
    CHECK(factlint::FormatIsoDate(r.reference_date.candidates[1].from) == "2022-10-25");
    CHECK(factlint::FormatIsoDate(*r.reference_date.from) == "2021-12-08");
    CHECK(Find(r, "CURRENT_BUT_FORMER") == nullptr);
    CHECK(Find(r, "TITLE_NOT_HELD") == nullptr);
    // The report JSON lists them.
    auto j = nlohmann::json::parse(factlint::ReportToJson(r));
    const auto& cands = j["document"]["reference_date"]["candidates"];
    REQUIRE(cands.size() == 2);
    CHECK(cands[1]["from"] == "2022-10-25");
    CHECK(cands[1]["to"] == "2024-07-04");
  }
  SECTION("nothing to go by: no window, no title findings") {
    const Report r = Check(TestKb(), "The weather was fine. Nobody famous came.", {});
    CHECK(r.reference_date.source == "none");
    CHECK_FALSE(r.reference_date.from.has_value());
    CHECK(r.findings.empty());
  }
  SECTION("an opening time frame dates its sentence, never the next one") {
    const Report r = Check(TestKb(),
                           "On the night of March 19, 2018, Prime Minister Theresa May spoke. "
                           "Prime Minister Theresa May spoke again.",
                           At("2023-03-20"));
    INFO(Describe(r));
    REQUIRE(Count(r, "CURRENT_BUT_FORMER") == 1);
    CHECK(r.findings[0].sentence == 1);
    CHECK_FALSE(r.findings[0].claim_date.has_value());  // judged at the reference date
  }
  SECTION("a finding judged at its clause's date carries claim_date") {
    const Report r = Check(TestKb(), "On 5 March 2020, Prime Minister Theresa May spoke in Leeds.", At("2023-03-20"));
    INFO(Describe(r));
    REQUIRE(r.findings.size() >= 1);
    for (const Finding& f : r.findings) CHECK(f.claim_date == std::optional<std::string>("2020-03-05"));
    const Report y = Check(TestKb(), "In 2020, Prime Minister Theresa May spoke in Leeds.", At("2023-03-20"));
    INFO(Describe(y));
    REQUIRE(y.findings.size() >= 1);
    CHECK(y.findings[0].claim_date == std::optional<std::string>("2020"));
  }
  SECTION("'at the time' marks a past era") {
    const Report r = Check(TestKb(), "At the time, Prime Minister Theresa May backed the plan.", At("2023-03-20"));
    INFO(Describe(r));
    CHECK(r.findings.empty());
  }
  SECTION("undated: dates near one time outweigh one title, two agreeing titles outweigh them") {
    const std::string dates = "Talks began in January 2018. In March 2018, the talks failed. On 5 February 2018 they paused. ";
    Report r = Check(TestKb(), dates + "Prime Minister Boris Johnson spoke.", {});
    INFO(Describe(r));
    CHECK(r.reference_date.source == "inferred");
    CHECK(factlint::FormatIsoDate(*r.reference_date.from).substr(0, 4) == "2018");
    CHECK(Count(r, "TITLE_NOT_HELD") == 1);
    r = Check(TestKb(), dates + "Prime Minister Boris Johnson spoke. U.S. President Joe Biden agreed.", {});
    INFO(Describe(r));
    CHECK(factlint::FormatIsoDate(*r.reference_date.from) >= "2021-01-20");
    CHECK(Count(r, "TITLE_NOT_HELD") == 0);
    // A lone past year ("proposed in 2018") does not outweigh a correct title.
    r = Check(TestKb(), "The bill, proposed in 2018, passed. U.S. President Joe Biden signed it.", {});
    INFO(Describe(r));
    CHECK(r.findings.empty());
  }
  SECTION("a sentence with its own year is judged then") {
    const Report r = Check(TestKb(), "In 2018, Prime Minister Theresa May spoke. In 2021, Prime Minister Theresa May spoke.",
                           At("2022-05-01"));
    INFO(Describe(r));
    REQUIRE(Count(r, "CURRENT_BUT_FORMER") == 1);
    CHECK(r.findings[0].sentence == 1);
  }
}

TEST_CASE("check: events, quotes and sourcing", "[check]") {
  SECTION("prospective with participants named") {
    const Report r = Check(TestKb(), "Donald Trump will win the November election, aides said.", At("2025-03-01"));
    INFO(Describe(r));
    CHECK(Count(r, "ANACHRONISM") == 1);
  }
  SECTION("an event date a day off (time zones) agrees; two days off does not") {
    const Report r = Check(TestKb(),
                           "Since the full-scale invasion on February 23, 2022, prices rose. "
                           "Since the full-scale invasion on February 21, 2022, prices rose.",
                           {});
    INFO(Describe(r));
    REQUIRE(Count(r, "EVENT_DATE_MISMATCH") == 1);
    CHECK(r.findings[0].sentence == 1);
  }
  SECTION("a date after more words belongs to something else") {
    const Report r = Check(TestKb(), "Since the full-scale invasion of the Donbas region in 2014, prices rose.", {});
    CHECK(Count(r, "EVENT_DATE_MISMATCH") == 0);
  }
  SECTION("a date before a claim in its clause dates it; across a comma it does not") {
    const Report r = Check(TestKb(),
                           "A plan drawn up in March 2018 for 3,000 refugees was rejected by Prime Minister Theresa May. "
                           "The plan, drawn up in March 2018, was rejected by Prime Minister Theresa May.",
                           At("2021-06-01"));
    INFO(Describe(r));
    REQUIRE(Count(r, "CURRENT_BUT_FORMER") == 1);
    CHECK(r.findings[0].sentence == 1);
  }
  SECTION("a generic election without a participant named is left alone") {
    const Report r = Check(TestKb(), "Voters will decide in the November election.", At("2025-03-01"));
    CHECK(Count(r, "ANACHRONISM") == 0);
  }
  SECTION("a quote that runs on into the next sentence keeps its speaker") {
    const Report r = Check(TestKb(),
                           "“We must hold the line together,” NATO Secretary General Mark Rutte said. "
                           "“Nobody can do this alone in the long run.”",
                           At("2025-03-02"));
    INFO(Describe(r));
    CHECK(Count(r, "QUOTE_UNVERIFIED") == 2);
  }
  SECTION("a quote of an unknown speaker: silence") {
    const Report r = Check(TestKb(), "“We must hold the line together,” the mayor said.", At("2025-03-02"));
    CHECK(r.findings.empty());
  }
  SECTION("overlapping anonymous phrases make one span") {
    const Report r = Check(TestKb(), "People familiar with the matter said so.", {});
    REQUIRE(Count(r, "WEAK_SOURCING") == 1);
    CHECK(r.findings[0].text == "People familiar with");
  }
}

TEST_CASE("check: offsets, options and the JSON report", "[check]") {
  const std::string text = "🙂 Été: “Prime Minister Theresa May” spoke. Reportedly so.";
  const Report r = Check(TestKb(), text, At("2021-01-01"));
  INFO(Describe(r));
  const Finding* f = Find(r, "CURRENT_BUT_FORMER");
  REQUIRE(f != nullptr);
  CHECK(text.substr(f->span.start, f->span.end - f->span.start) == "Prime Minister Theresa May");
  CHECK(f->span.start16 == 9);  // 🙂 is two UTF-16 units (4 bytes), "É" and “ one each
  CHECK(f->span.end16 - f->span.start16 == 26);
  CHECK_FALSE(f->evidence.empty());

  CheckOptions opt = At("2021-01-01");
  opt.min_severity = Severity::kWarning;
  CHECK(Count(Check(TestKb(), text, opt), "WEAK_SOURCING") == 0);
  opt = At("2021-01-01");
  opt.disabled_rules = {"CURRENT_BUT_FORMER"};
  CHECK(Count(Check(TestKb(), text, opt), "CURRENT_BUT_FORMER") == 0);

  const std::string json = factlint::ReportToJson(r);
  CHECK(json.find('\n') == std::string::npos);
  CHECK(json == factlint::ReportToJson(Check(TestKb(), text, At("2021-01-01"))));
  auto j = nlohmann::json::parse(json);
  CHECK(j["factlint"] == factlint::kVersion);
  CHECK(j["kb"]["name"] == "rule examples");
  CHECK(j["kb"]["as_of"] == "2026-11-01");
  CHECK(j["document"]["reference_date"]["source"] == "given");
  CHECK(j["document"]["reference_date"]["from"] == "2021-01-01");
  CHECK(j["document"]["reference_date"]["candidates"] == nlohmann::json::array());  // a given date: no tie
  REQUIRE(j["sentences"].size() == r.sentences.size());
  REQUIRE(j["findings"].size() == r.findings.size());
  const auto& jf = j["findings"][0];
  for (const char* key : {"rule", "severity", "sentence", "start", "end", "start16", "end16", "text", "message",
                          "evidence", "suggestion"})
    CHECK(jf.contains(key));
}

TEST_CASE("check: the seed article with the bundled KB", "[seed][slow]") {
  std::string article, kb_text;
  if (!ReadFile(FACTLINT_SOURCE_DIR "/../shared/examples/seed-article.txt", &article)) {
    WARN("../shared/examples/seed-article.txt absent: skipped");
    return;
  }
  REQUIRE(ReadFile(FACTLINT_SOURCE_DIR "/kb/world.json", &kb_text));
  auto kb = factlint::LoadKb(kb_text);
  REQUIRE(kb.ok());
  const Report r = Check(*kb.value(), article, {});
  INFO(Describe(r));
  auto has = [&](const std::string& rule, const std::string& text_part, Severity at_least) {
    for (const auto& f : r.findings)
      if (f.rule == rule && f.text.find(text_part) != std::string::npos && f.severity >= at_least) return true;
    return false;
  };
  CHECK(has("FORMER_BUT_IN_OFFICE", "former U.S. President Donald Trump", Severity::kError));
  CHECK(has("ANACHRONISM", "returning to office in the November elections", Severity::kError));
  bool biden = false;
  for (const auto& f : r.findings)
    biden = biden || (f.text.find("President Joe Biden") != std::string::npos && f.severity >= Severity::kWarning);
  CHECK(biden);
  CHECK(has("INCONSISTENT_DESCRIPTION", "Trump", Severity::kWarning));
  int quotes = 0;
  for (const auto& f : r.findings) {
    if (f.rule != "QUOTE_UNVERIFIED" && f.rule != "QUOTE_ALTERED") continue;
    quotes += f.text.find("Ukraine") != std::string::npos || f.text.find("United Kingdom") != std::string::npos;
  }
  CHECK(quotes >= 2);
  CHECK(has("WEAK_SOURCING", "Sources familiar with", Severity::kInfo));
  CHECK(has("WEAK_SOURCING", "allegedly", Severity::kInfo));
  CHECK(has("WEAK_SOURCING", "reportedly", Severity::kInfo));
  CHECK(has("EVENT_DATE_MISMATCH", "2019", Severity::kInfo));
  for (const auto& f : r.findings) {
    if (f.severity < Severity::kWarning) continue;
    for (const char* ok : {"Rutte", "Zelenskyy", "Scholz", "Macron", "Starmer"}) {
      INFO(f.text);
      CHECK(f.text.find(ok) == std::string::npos);
    }
  }
  REQUIRE(r.reference_date.from.has_value());
  CHECK(*r.reference_date.from >= *factlint::ParseIsoDate("2025-01-20"));
  CHECK(*r.reference_date.to <= *factlint::ParseIsoDate("2025-05-06"));
  CHECK(*r.reference_date.from <= *factlint::ParseIsoDate("2025-02-28"));
  CHECK(*r.reference_date.to >= *factlint::ParseIsoDate("2025-02-28"));
}

TEST_CASE("check: the bundled example article with the bundled KB", "[bundled][slow]") {
  std::string article, kb_text;
  REQUIRE(ReadFile(FACTLINT_SOURCE_DIR "/examples/example-article.txt", &article));
  REQUIRE(ReadFile(FACTLINT_SOURCE_DIR "/kb/world.json", &kb_text));
  auto kb = factlint::LoadKb(kb_text);
  REQUIRE(kb.ok());
  const Report r = Check(*kb.value(), article, {});
  INFO(Describe(r));
  auto has = [&](const std::string& rule, const std::string& text_part) {
    for (const auto& f : r.findings)
      if (f.rule == rule && f.text.find(text_part) != std::string::npos) return true;
    return false;
  };
  CHECK(has("FORMER_BUT_IN_OFFICE", "Rishi Sunak"));
  CHECK(has("CURRENT_BUT_FORMER", "Scott Morrison"));
  CHECK(has("ANACHRONISM", "possible Russian invasion of Ukraine"));
  CHECK(has("EVENT_DATE_MISMATCH", "February 2021"));
  CHECK(has("WEAK_SOURCING", "people familiar with"));
  CHECK(has("WEAK_SOURCING", "allegedly"));
  for (const auto& f : r.findings) {
    if (f.severity < Severity::kWarning) continue;
    for (const char* ok : {"Kishida", "Biden", "Scholz", "Meloni", "Macron", "Trudeau", "Lula", "Yoon", "Zelensky",
                           "Cleverly"}) {
      INFO(f.text);
      CHECK(f.text.find(ok) == std::string::npos);
    }
  }
}
