// IncrementalChecker (core/src/incremental.cpp): after any sequence of texts, its report is the
// same bytes (ReportToJson) as factlint::Check of the last text with the same KB and options.
// A table of edits that reach across the units it caches (a line joined to the next, a
// hard-wrapped paragraph, a dateline, a quote's speaker in the previous paragraph, a full name
// that a later short form refers to, a date that moves the reference window), then random edits
// (insert, delete, replace, within and across paragraphs, through UTF-8 sequences) over articles
// written here, compared with a full check after every edit.

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "factlint/factlint.h"
#include "test_kbs.h"

namespace {

using factlint::CheckOptions;
using factlint::IncrementalChecker;
using factlint::KbHandle;

using factlint_test::ReadFile;

KbHandle LoadTestKb(const std::string& json) {
  factlint::Result<KbHandle> kb = factlint::LoadKb(json);
  if (!kb.ok()) FAIL(kb.error().ToString());
  return kb.value();
}

KbHandle GoldenKb() {
  static const KbHandle kb = LoadTestKb(ReadFile(FACTLINT_SOURCE_DIR "/tests/golden/golden-kb.json"));
  return kb;
}

CheckOptions At(const char* iso) {
  CheckOptions o;
  o.date = factlint::ParseIsoDate(iso);
  return o;
}

// Articles written for this test: single-newline and blank-line paragraphs, a heading, a
// dateline, a hard-wrapped paragraph, a broken line, quotes that run on, a list, dates that
// make the reference window, names with short forms later, non-ASCII text.
const char* const kArticles[] = {
    "Allies weigh new aid as talks resume\n"
    "\n"
    "BRUSSELS, Belgium, March 4, 2024 — NATO Secretary General Jens Stoltenberg urged members on "
    "Monday to keep weapons flowing to Ukraine, two years after Russia's full-scale invasion.\n"
    "\n"
    "President Joe Biden said in Washington that Congress had to act. \"We cannot walk away now,\" "
    "Biden said. \"History will judge us.\"\n"
    "\n"
    "Ukrainian President Volodymyr Zelenskyy thanked allies in a video address. Zelenskyy said the "
    "army was short of shells.\n"
    "British Prime Minister Rishi Sunak promised a new package; Sunak's office gave no figure.\n"
    "German Chancellor Olaf Scholz was more cautious.\n"
    "\n"
    "The talks come as former President Donald Trump campaigns for the November election. Trump, "
    "who was president until 2021, has questioned the alliance.\n"
    "\n"
    "What was agreed:\n"
    "1. More air defence for Kyiv.\n"
    "2. A fund for ammunition.\n"
    "3. Training for pilots.\n",

    "Markets steady after summit\n"
    "Tuesday, June 11, 2019\n"
    "\n"
    "Prime Minister Theresa May met French President Emmanuel Macron in Paris on Tuesday, her\n"
    "office said, in what may be one of her last visits abroad as leader of the\n"
    "Conservative party before she steps down later this summer.\n"
    "\n"
    "Macron told reporters the two had discussed trade. “Britain remains a friend,” he said.\n"
    "“Whatever happens next, our doors stay open.”\n"
    "\n"
    "Chancellor Angela Merkel, who has led Germany since 2005, did not attend. Merkel sent her\n"
    "finance minister instead.\n"
    "Boris Johnson, the favourite to succeed May, said in London that\n"
    "the country would leave the EU on time.\n"
    "\n"
    "Café owners near the Élysée said security was tight — « très strict », one told us.\n",

    "Opinion: the long campaign\n"
    "\n"
    "In 2016, Donald Trump won the presidency. In 2020 he lost to Joe Biden, and President Biden "
    "took office in January 2021. The 2024 United States presidential election brought Trump back.\n"
    "\n"
    "Vice President Biden had served under Barack Obama. Former Prime Minister Liz Truss, who led "
    "Britain for 49 days in 2022, wrote that she admired Trump. Truss said: \"He gets things done.\"\n"
    "\n"
    "An official, who asked not to be named, said the meeting could happen by 2030. Analysts "
    "reportedly expect Mark Rutte, the NATO secretary general, to attend.\n"
    "Keir Starmer, now prime minister, will travel in July.\n",
};

// Compares the incremental report with a full check; returns the full report's JSON.
std::string ExpectSame(IncrementalChecker* inc, const factlint::Kb& kb, const std::string& text,
                       const CheckOptions& options) {
  const std::string full = factlint::ReportToJson(factlint::Check(kb, text, options));
  const std::string part = factlint::ReportToJson(inc->Check(text));
  if (part != full) {
    INFO("text:\n" << text);
    REQUIRE(part == full);
  }
  return full;
}

struct EditCase {
  const char* what;
  std::string before, after;
  size_t analysed;  // blocks the second Check analyses
};

}  // namespace

TEST_CASE("incremental: edits across what it caches give the full check's report", "[incremental]") {
  const std::string p1 = "Prime Minister Rishi Sunak met President Joe Biden in Washington on March 3, 2023.";
  const std::string p2 = "Sunak said the talks went well. \"We agreed on a great deal,\" he said.";
  const std::string p3 = "Biden will visit London in July.";
  const std::vector<EditCase> cases = {
      {"a character typed in the middle paragraph", p1 + "\n\n" + p2 + "\n\n" + p3,
       p1 + "\n\n" + p2 + " Truly.\n\n" + p3, 1},
      {"the same text again", p1 + "\n" + p2, p1 + "\n" + p2, 0},
      {"a blank line removed: two paragraphs become lines of one", p1 + "\n\n" + p2, p1 + "\n" + p2, 0},
      {"a full stop removed: the next lower-case line joins it (a broken line)",
       "Sunak met Biden on Monday.\nthe two spoke of trade.", "Sunak met Biden on Monday\nthe two spoke of trade.", 1},
      {"a line typed into a hard-wrapped paragraph",
       "President Joe Biden met Prime Minister Rishi Sunak at the White House\n"
       "on Monday, where the two leaders were expected to talk about trade\n"
       "and about support for Ukraine in the months ahead of the summit.",
       "President Joe Biden met Prime Minister Rishi Sunak at the White House\n"
       "on Monday, where the two leaders were expected to talk about trade\n"
       "and energy\n"
       "and about support for Ukraine in the months ahead of the summit.",
       1},
      {"the dateline's year changed: every claim's time moves",
       "WASHINGTON, June 4, 2019 — President Donald Trump met Prime Minister Theresa May.\n\n" + p3,
       "WASHINGTON, June 4, 2023 — President Donald Trump met Prime Minister Theresa May.\n\n" + p3, 1},
      {"the full name added before the short form in another paragraph",
       "Sunak spoke first.\n\nThe meeting ended early.", "Rishi Sunak spoke first.\n\nThe meeting ended early.", 1},
      {"a quote's speaker named in the previous paragraph",
       "Boris Johnson spoke to reporters.\n\n\"We will win,\" he said.",
       "Boris Johnson, the prime minister, spoke to reporters.\n\n\"We will win,\" he said.", 1},
      {"a paragraph split in two", p1 + " " + p2, p1 + "\n" + p2, 2},
      {"everything deleted", p1 + "\n\n" + p2, "", 0},
      {"a line break inside a multi-byte character's neighbourhood", "Café Élysée. Macron spoke.",
       "Café \nÉlysée. Macron spoke.", 2},
  };
  const KbHandle kb = GoldenKb();
  for (const EditCase& c : cases) {
    SECTION(c.what) {
      for (const CheckOptions& options : {CheckOptions{}, At("2023-03-05")}) {
        IncrementalChecker inc(kb, options);
        ExpectSame(&inc, *kb, c.before, options);
        ExpectSame(&inc, *kb, c.after, options);
        CHECK(inc.last_stats().analysed == c.analysed);
        CHECK(inc.last_stats().block_matching);
      }
    }
  }
}

TEST_CASE("incremental: a one-character edit analyses one block of a long article", "[incremental]") {
  std::string text;
  for (int i = 0; i < 6; ++i) text += std::string(kArticles[i % 3]) + "\n\n";
  const KbHandle kb = GoldenKb();
  IncrementalChecker inc(kb, CheckOptions{});
  ExpectSame(&inc, *kb, text, CheckOptions{});
  const size_t blocks = inc.last_stats().blocks;
  CHECK(inc.last_stats().analysed < blocks);  // the article repeats: blocks seen twice are reused
  const size_t at = text.find("more cautious");
  text.insert(at, "x");
  ExpectSame(&inc, *kb, text, CheckOptions{});
  CHECK(inc.last_stats().blocks == blocks);
  CHECK(inc.last_stats().analysed == 1);
}

namespace {

// Snippets inserted by the random edits: names, titles, dates, quotes, line breaks, sentence
// ends, multi-byte characters.
const char* const kSnippets[] = {
    "President Joe Biden", "former", "Prime Minister ", "Trump", " in 2019", "On March 3, 2021, ",
    "\n", "\n\n", ". ", "\"", "“", "”", " said", "Chancellor Angela Merkel", "é", "—", "2024",
    "Macron", ", who was president until 2017,", "will ", "last year", "\nthe", "Mr. ", "U.S. ",
    "Zelenskyy", "\r\n", "  ", "1. ", "Tuesday, June 11, 2019\n", "Ukraine", "by 2030", ".\n",
};

// One random edit of *text: insert, delete or replace, of a character, a snippet or a stretch
// that may cross paragraphs; positions are bytes (an edit may cut a UTF-8 sequence).
void RandomEdit(std::mt19937* rng, std::string* text) {
  auto pick = [&](size_t n) { return n == 0 ? size_t{0} : static_cast<size_t>((*rng)() % n); };
  const size_t at = pick(text->size() + 1);
  const char* const chars = "abcdefghij XYZ.,;:\"'-\n0123456789";
  switch (pick(6)) {
    case 0:  // type a character
      text->insert(at, 1, chars[pick(32)]);
      break;
    case 1:  // delete one character (backspace)
      if (at > 0) text->erase(at - 1, 1);
      break;
    case 2:  // insert a snippet
      text->insert(at, kSnippets[pick(std::size(kSnippets))]);
      break;
    case 3:  // delete a stretch, possibly across paragraphs
      text->erase(at, 1 + pick(pick(2) ? 12 : 300));
      break;
    case 4: {  // replace a stretch with a snippet
      const size_t n = 1 + pick(40);
      text->replace(at, n, kSnippets[pick(std::size(kSnippets))]);
      break;
    }
    default: {  // move a stretch elsewhere (cut and paste)
      const size_t n = std::min(text->size() - std::min(at, text->size()), 1 + pick(200));
      const std::string cut = text->substr(at, n);
      text->erase(at, n);
      text->insert(pick(text->size() + 1), cut);
      break;
    }
  }
}

// Random edits from each article (and the concatenation of all), each compared with a full
// check; returns the number of comparisons.
size_t RandomEdits(const KbHandle& kb, const std::vector<std::string>& articles, const CheckOptions& options,
                   int edits_per_article, unsigned seed) {
  std::mt19937 rng(seed);
  size_t compared = 0;
  for (const std::string& article : articles) {
    IncrementalChecker inc(kb, options);
    std::string text = article;
    ExpectSame(&inc, *kb, text, options);
    for (int i = 0; i < edits_per_article; ++i) {
      RandomEdit(&rng, &text);
      ExpectSame(&inc, *kb, text, options);
      ++compared;
      if (text.size() < 200) text += article;  // keep something to edit
    }
  }
  return compared;
}

std::vector<std::string> WrittenArticles() {
  std::vector<std::string> out(std::begin(kArticles), std::end(kArticles));
  out.push_back(std::string(kArticles[0]) + "\n\n" + kArticles[1] + "\n" + kArticles[2]);
  return out;
}

}  // namespace

TEST_CASE("incremental: random edits, each compared with a full check", "[incremental]") {
  const KbHandle kb = GoldenKb();
  CheckOptions disabled;
  disabled.disabled_rules = {"HEDGE_WORDS"};
  disabled.min_severity = factlint::Severity::kWarning;
  CheckOptions metadata;
  metadata.metadata_date = factlint::ParseIsoDate("2022-03-01");
  metadata.metadata_source = "meta:article:published_time";
  size_t compared = 0;
  compared += RandomEdits(kb, WrittenArticles(), CheckOptions{}, 1000, 1);
  compared += RandomEdits(kb, WrittenArticles(), At("2024-03-05"), 300, 2);
  compared += RandomEdits(kb, WrittenArticles(), disabled, 200, 3);
  compared += RandomEdits(kb, WrittenArticles(), metadata, 200, 4);
  // The project's golden articles (written for the golden tests), with their KBs.
  std::vector<std::string> golden;
  for (const char* name : {"anachronism", "event_dates", "former_in_office", "inconsistent", "quotes",
                           "quotes_altered", "sourcing", "title_not_held"})
    golden.push_back(ReadFile(std::string(FACTLINT_SOURCE_DIR "/tests/golden/") + name + ".txt"));
  compared += RandomEdits(kb, golden, CheckOptions{}, 200, 5);
  const KbHandle people = LoadTestKb(ReadFile(FACTLINT_SOURCE_DIR "/tests/golden/people-kb.json"));
  compared += RandomEdits(people, {ReadFile(FACTLINT_SOURCE_DIR "/tests/golden/people.txt"),
                                   ReadFile(FACTLINT_SOURCE_DIR "/tests/golden/people_terms.txt")},
                          At("2025-06-01"), 400, 6);
  WARN("random edits compared with a full check: " << compared);
  CHECK(compared == 4 * (1000 + 300 + 200 + 200) + 8 * 200 + 2 * 400);
}

TEST_CASE("incremental: random edits with the bundled KB", "[incremental][bundled][slow]") {
  const KbHandle kb = LoadTestKb(ReadFile(FACTLINT_SOURCE_DIR "/kb/world.json"));
  IncrementalChecker probe(kb, CheckOptions{});
  CHECK(probe.last_stats().block_matching);  // the bundled KB's phrases stay inside blocks
  std::vector<std::string> articles = WrittenArticles();
  articles.push_back(ReadFile(FACTLINT_SOURCE_DIR "/examples/example-article.txt"));
  const size_t compared = RandomEdits(kb, articles, CheckOptions{}, 1000, 7);
  WARN("random edits compared with a full check (bundled KB): " << compared);
  CHECK(compared == articles.size() * 1000);
}
