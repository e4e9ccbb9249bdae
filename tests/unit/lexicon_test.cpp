// The word lists (core/src/lexicon.cpp): a table of words and the class each belongs to.

#include "lexicon.h"

#include <catch2/catch.hpp>

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
