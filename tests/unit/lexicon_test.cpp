// The lexicon (core/src/lexicon.cpp over core/lexicon/lexicon.json): tables of words and the class
// each belongs to, and the embedded file itself.

#include "lexicon.h"

#include <algorithm>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using factlint::Tense;

TEST_CASE("lexicon: modifiers give the tense of a title", "[lexicon]") {
  struct Row {
    const char* word;
    std::optional<Tense> tense;
  };
  for (Row r : {Row{"former", Tense::kFormer}, Row{"ex", Tense::kFormer}, Row{"acting", Tense::kPresent},
                Row{"incumbent", Tense::kPresent}, Row{"late", Tense::kSkip}, Row{"elect", Tense::kSkip},
                Row{"german", std::nullopt}, Row{"", std::nullopt}}) {
    INFO(r.word);
    CHECK(factlint::ModifierTense(r.word) == r.tense);
  }
}

TEST_CASE("lexicon: word classes", "[lexicon]") {
  struct Row {
    bool (*is)(std::string_view);
    const char* yes;
    const char* no;
  };
  for (Row r : {Row{factlint::BlocksTitle, "vice", "former"}, Row{factlint::IsSpeechWord, "said", "s"},
                Row{factlint::BlocksProspective, "after", "will"}, Row{factlint::IsPastEraModifier, "previous", "new"},
                Row{factlint::IsPastEraNoun, "government", "party"}, Row{factlint::BlocksAdministration, "former", "new"},
                Row{factlint::IsElectionAdjective, "presidential", "mayoral"}, Row{factlint::IsClauseWord, "which", "the"},
                Row{factlint::IsForwardPreposition, "until", "in"}, Row{factlint::IsStatedDatePreposition, "of", "by"},
                Row{factlint::IsClaimDatePreposition, "during", "of"}}) {
    INFO(r.yes << " / " << r.no);
    CHECK(r.is(r.yes));
    CHECK_FALSE(r.is(r.no));
  }
}

TEST_CASE("lexicon: dates, dateline words and built-in phrases", "[lexicon]") {
  struct Row {
    const char* word;
    int month;
  };
  for (Row r : {Row{"january", 1}, Row{"jan", 1}, Row{"may", 5}, Row{"sept", 9}, Row{"sep", 9}, Row{"december", 12},
                Row{"January", 0}, Row{"janu", 0}, Row{"", 0}}) {
    INFO(r.word);
    CHECK(factlint::MonthNumber(r.word) == r.month);
  }
  CHECK(factlint::IsWeekday("sunday"));
  CHECK_FALSE(factlint::IsWeekday("sun"));
  CHECK(factlint::IntroducesYear("since"));
  CHECK(factlint::IntroducesYear("winter"));
  CHECK_FALSE(factlint::IntroducesYear("last"));
  CHECK(factlint::IntroducesMonth("last"));
  CHECK(factlint::IsDatelineWord("updated"));
  const auto& p = factlint::BuiltinProspectivePhrases();
  CHECK(std::find(p.begin(), p.end(), "ahead of") != p.end());
}

TEST_CASE("lexicon: the embedded core/lexicon/lexicon.json has every list, none empty", "[lexicon]") {
  nlohmann::json j = nlohmann::json::parse(factlint::EmbeddedLexiconJson());
  for (const char* group : {"checker", "dates"}) {
    REQUIRE(j.contains(group));
    for (auto it = j[group].begin(); it != j[group].end(); ++it) {
      INFO(group << "/" << it.key());
      CHECK_FALSE(it.value().empty());
      if (it.value().is_array())
        for (const auto& w : it.value()) CHECK((w.is_string() && !w.get<std::string>().empty()));
    }
  }
  for (const char* key : {"modifiers_former", "modifiers_present", "modifiers_skip", "title_blockers", "speech_words",
                          "past_markers", "clause_words", "prospective_phrases", "dateline_words"})
    CHECK(j["checker"].contains(key));
  CHECK(j["dates"]["months"].size() == 12);
  CHECK(j["dates"]["month_abbreviations"].size() == 12);
  CHECK(j["dates"]["weekdays"].size() == 7);
}
