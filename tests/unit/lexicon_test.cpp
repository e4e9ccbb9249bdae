// The lexicon (core/src/lexicon.cpp over core/lexicon/lexicon.json): tables of words and the class
// each belongs to, and the embedded file itself.

#include "lexicon.h"
#include "lexicon_compiled.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

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
                Row{factlint::IsPastEraNoun, "government", "party"},
                Row{factlint::IsEventOfTitleNoun, "funeral", "visit"}, Row{factlint::BlocksAdministration, "former", "new"},
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
  CHECK_FALSE(factlint::IntroducesYear("its"));
  CHECK(factlint::IsYearPossessive("its"));
  CHECK(factlint::IsYearFigureNoun("forecast"));
  CHECK_FALSE(factlint::IsYearFigureNoun("acquisition"));
  CHECK(factlint::IsElectionKind("general"));
  CHECK_FALSE(factlint::IsElectionKind("snap"));
  CHECK(factlint::IsElectionAheadMarker("run up to the"));
  CHECK(factlint::IsElectionAheadMarker("the forthcoming"));
  CHECK_FALSE(factlint::IsElectionAheadMarker("the next"));
  CHECK(factlint::IntroducesMonth("last"));
  CHECK(factlint::IsDatelineWord("updated"));
  const auto& p = factlint::BuiltinProspectivePhrases();
  CHECK(std::find(p.begin(), p.end(), "ahead of") != p.end());
}

TEST_CASE("lexicon: the embedded core/lexicon/lexicon.json has every list, none empty", "[lexicon]") {
  nlohmann::json j = nlohmann::json::parse(factlint::EmbeddedLexiconJson());
  for (const char* group : {"checker", "dates", "segmenter"}) {
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
  for (const char* key : {"prepositive", "number_abbreviations_any_case", "conditional_abbreviations_any_case",
                          "never_final_any_case", "sentence_starters", "credit_labels_any_case", "list_numerals",
                          "run_in_pronouns", "run_in_prepositions", "run_in_blockers"})
    CHECK(j["segmenter"].contains(key));
  // The segmenter's month and weekday names are the "dates" lists, not lists of its own.
  for (auto it = j["segmenter"].begin(); it != j["segmenter"].end(); ++it) {
    if (!it.value().is_array()) continue;
    for (const auto& w : it.value()) {
      std::string folded = w.get<std::string>();
      for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      INFO("segmenter/" << it.key() << ": " << folded);
      CHECK(factlint::MonthNumber(folded) == 0);
      CHECK_FALSE(factlint::IsWeekday(folded));
    }
  }
}

TEST_CASE("lexicon: WordClasses and PeriodWordClasses give every word the bits of the lists it is in", "[lexicon]") {
  // The one look-up against the predicates it stands for, over every word of every list of the
  // lexicon and the words one byte off them (a byte less, more, or changed; every length the
  // table's keys treat apart: 1–3, 4–7, 8–16 and longer).
  auto expected = [](std::string_view w) {
    if (w.empty() || w.size() > factlint::WordClassTable::kMaxWord) return 0u;
    unsigned bits = static_cast<unsigned>(factlint::MonthNumber(w));
    if (factlint::IsWeekday(w)) bits |= factlint::kWordWeekday;
    if (w == "last" || w == "next" || w == "this" || w == "past") bits |= factlint::kWordRelative;
    if (factlint::IsSpeechWord(w)) bits |= factlint::kWordSpeech;
    if (w == "he" || w == "she") bits |= factlint::kWordHeShe;
    return bits;
  };
  std::vector<std::string> words = {"", "a", "he", "she", "sh", "hes", "may", "mar", "x", "said", "says",
                                    "wednesday", "wednesdays", "september", "septembers", "abcdefghijklmnop",
                                    "abcdefghijklmnopq", "told reporters"};
  for (const factlint::CompiledLexiconList& l : factlint::BundledLexiconTables().lists)
    for (std::string_view w : l.words) {
      std::string x(w);
      words.push_back(x);
      words.push_back(x + "s");
      if (!x.empty()) {
        words.push_back(x.substr(0, x.size() - 1));
        std::string y = x;
        y.back() = static_cast<char>(y.back() + 1);
        words.push_back(y);
        y = x;
        y[y.size() / 2] = static_cast<char>(y[y.size() / 2] ^ 0x20);
        words.push_back(y);
      }
    }
  size_t in_a_class = 0;
  for (const std::string& w : words) {
    INFO(w);
    CHECK(factlint::WordClasses(w) == expected(w));
    in_a_class += expected(w) != 0;
  }
  CHECK(in_a_class > 50);

  // PeriodWordClasses: exact for the any-case lists; a bit set wherever the prepositive or the
  // short-month predicate holds (in any case: as written, capitalised, in capitals).
  size_t periods = 0;
  for (std::string w : words) {
    std::string cap = w, upper = w;
    if (!cap.empty() && cap[0] >= 'a' && cap[0] <= 'z') cap[0] = static_cast<char>(cap[0] - 32);
    for (char& c : upper) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
    for (const std::string& v : {w, cap, upper}) {
      if (v.empty()) continue;
      INFO(v);
      const unsigned bits = factlint::PeriodWordClasses(v);
      const bool is_short = v.size() <= factlint::WordClassTable::kMaxWord;
      if (is_short) {
        CHECK(((bits & factlint::kPeriodNumber) != 0) == factlint::IsNumberAbbreviation(v));
        CHECK(((bits & factlint::kPeriodConditional) != 0) == factlint::IsConditionalAbbreviation(v));
        CHECK(((bits & factlint::kPeriodNeverFinal) != 0) == factlint::IsNeverFinalAbbreviation(v));
        CHECK(((bits & factlint::kPeriodFinalBeforeCapital) != 0) == factlint::IsFinalBeforeCapital(v));
      } else {
        CHECK(bits == factlint::kPeriodAll);
      }
      if (factlint::IsPrepositiveAbbreviation(v)) CHECK((bits & factlint::kPeriodPrepositive) != 0);
      std::string lower = v;
      for (char& c : lower) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
      if (factlint::IsShortMonthName(lower)) CHECK((bits & factlint::kPeriodShortMonth) != 0);
      periods += is_short && bits != 0;
    }
  }
  CHECK(periods > 100);
  CHECK((factlint::PeriodWordClasses("Mr") & factlint::kPeriodPrepositive) != 0);
  CHECK((factlint::PeriodWordClasses("Sept") & factlint::kPeriodShortMonth) != 0);
  CHECK(factlint::PeriodWordClasses("profit") == 0);
}

TEST_CASE("lexicon: MayStartMonthOrWeekday holds for the first byte of every month form, weekday and abbreviation", "[lexicon]") {
  const factlint::CompiledLexicon& tables = factlint::BundledLexiconTables();
  size_t forms = 0;
  for (const char* name : {"months", "month_abbreviations", "weekdays", "weekday_abbreviations"})
    for (std::string_view w : tables.List("dates", name)) {
      INFO(name << ": " << w);
      REQUIRE(!w.empty());
      CHECK(factlint::MayStartMonthOrWeekday(static_cast<unsigned char>(w[0])));
      ++forms;
    }
  for (const factlint::CompiledMonthForm& f : tables.month_other_forms) {
    INFO(f.form);
    CHECK(factlint::MayStartMonthOrWeekday(static_cast<unsigned char>(f.form[0])));
  }
  CHECK(forms > 40);
  CHECK_FALSE(factlint::MayStartMonthOrWeekday('q'));
  CHECK_FALSE(factlint::MayStartMonthOrWeekday('M'));  // lower case only
  for (const char* name : {"weekdays", "weekday_abbreviations"})
    for (std::string_view w : tables.List("dates", name)) {
      INFO(name << ": " << w);
      CHECK(factlint::MayStartWeekday(static_cast<unsigned char>(w[0])));
    }
  CHECK_FALSE(factlint::MayStartWeekday('j'));  // "january", "june", "july": months only
  CHECK_FALSE(factlint::MayStartWeekday('T'));  // lower case only
}

TEST_CASE("lexicon: month and weekday forms", "[lexicon]") {
  struct Row {
    bool (*is)(std::string_view);
    std::vector<const char*> yes, no;
  };
  for (const Row& r : {Row{factlint::IsFullMonthName, {"january", "may", "september"}, {"jan", "sept", "January", ""}},
                       Row{factlint::IsShortMonthName, {"jan", "sep", "sept", "dec"}, {"may", "january", "Jan", ""}},
                       Row{factlint::IsWeekdayAbbreviation, {"mon", "tues", "weds", "thurs"}, {"monday", "th", "Mon"}}}) {
    for (const char* w : r.yes) {
      INFO("yes: " << w);
      CHECK(r.is(w));
    }
    for (const char* w : r.no) {
      INFO("no: " << w);
      CHECK_FALSE(r.is(w));
    }
  }
}

TEST_CASE("lexicon: the segmenter's word classes, as written or in any case", "[lexicon]") {
  struct Row {
    const char* name;
    bool (*is)(std::string_view);
    std::vector<const char*> yes, no;
  };
  const Row rows[] = {
      {"prepositive: as written or in capitals", factlint::IsPrepositiveAbbreviation,
       {"Mr", "Gen", "GEN", "Gov't", "GOV'T", "St"}, {"mr", "gEN", "M", "Mister", ""}},
      {"number abbreviations, any case", factlint::IsNumberAbbreviation,
       {"No", "nos", "VOL", "p", "n\xC2\xB0", "N\xC2\xB0"}, {"north", "nO.", ""}},
      {"conditional abbreviations, any case", factlint::IsConditionalAbbreviation,
       {"Inc", "CORP", "jr", "dept", "etc"}, {"Jan", "Mr", "company"}},
      {"never final, any case", factlint::IsNeverFinalAbbreviation, {"e.g", "I.E", "vs", "v"}, {"etc", "eg"}},
      {"final before a capital, any case", factlint::IsFinalBeforeCapital, {"etc", "ETC"}, {"inc"}},
      {"sentence starters, as written", factlint::IsSentenceStarter, {"The", "However", "Yesterday"}, {"the", "Chief", ""}},
      {"credit labels, any case", factlint::IsCreditLabel, {"Image", "PHOTO", "credits"}, {"Reuters", "imagery"}},
      {"credit labels kept in line, as written", factlint::IsCreditLabelKeptInLine, {"Source", "file"}, {"SOURCE", "Image"}},
      {"list numerals, as written", factlint::IsListNumeral, {"iv", "IX", "x"}, {"Iv", "xi", "XI"}},
      {"caption particles", factlint::IsCaptionParticle, {"van", "bin", "of"}, {"Van", "for"}},
      {"run-in pronouns", factlint::IsRunInPronoun, {"They", "It"}, {"they", "You"}},
      {"run-in prepositions", factlint::IsRunInPreposition, {"In", "On", "At"}, {"in", "Under"}},
      {"run-in blockers", factlint::IsRunInBlocker, {"film", "said", "the"}, {"Film", "ran"}},
  };
  for (const Row& r : rows) {
    for (const char* w : r.yes) {
      INFO(r.name << ", yes: " << w);
      CHECK(r.is(w));
    }
    for (const char* w : r.no) {
      INFO(r.name << ", no: " << w);
      CHECK_FALSE(r.is(w));
    }
  }
  // The cheap first test of a run-in: the first letters of the pronouns and prepositions.
  for (char c : std::string("WTHSIOA")) CHECK(factlint::MayStartRunIn(static_cast<unsigned char>(c)));
  for (char c : std::string("wBZ\"")) CHECK_FALSE(factlint::MayStartRunIn(static_cast<unsigned char>(c)));
}

TEST_CASE("lexicon: the compiled tables are core/lexicon/lexicon.json's lists, in order", "[lexicon]") {
  factlint::Result<factlint::LexiconSource> read = factlint::ReadLexiconJson(factlint::EmbeddedLexiconJson());
  REQUIRE(read.ok());
  const factlint::CompiledLexicon& tables = factlint::BundledLexiconTables();
  REQUIRE(tables.lists.size() == read.value().lists.size());
  for (size_t i = 0; i < tables.lists.size(); ++i) {
    const factlint::LexiconSource::List& l = read.value().lists[i];
    INFO(l.group << "/" << l.name);
    CHECK(tables.lists[i].group == l.group);
    CHECK(tables.lists[i].name == l.name);
    CHECK(std::vector<std::string>(tables.lists[i].words.begin(), tables.lists[i].words.end()) == l.words);
    CHECK(tables.List(l.group, l.name).data() == tables.lists[i].words.data());
  }
  REQUIRE(tables.month_other_forms.size() == read.value().month_other_forms.size());
  for (size_t i = 0; i < tables.month_other_forms.size(); ++i) {
    CHECK(tables.month_other_forms[i].form == read.value().month_other_forms[i].first);
    CHECK(tables.month_other_forms[i].month == read.value().month_other_forms[i].second);
  }
  CHECK_FALSE(tables.month_other_forms.empty());
  CHECK(tables.List("checker", "no_such_list").empty());
  // The generated source of the file is what the build compiled (written byte for byte).
  const std::string cpp = factlint::WriteLexiconCpp(read.value(), "core/lexicon/lexicon.json");
  CHECK(cpp.find("{\"checker\"sv, \"speech_words\"sv, kWords") != std::string::npos);
}

TEST_CASE("lexicon: the generator's reader refuses a malformed lexicon, naming the place", "[lexicon]") {
  struct Row {
    const char* json;
    const char* path;     // the error's JSON path
    const char* message;  // a part of its message
    int line;             // 0: not a syntax error
  };
  for (Row r : {Row{"[]", "", "not a JSON object", 0},
                Row{"{\"checker\": {\"a\": [\"x\",]}}", "", "not JSON", 1},
                Row{"{\n\"checker\":\n {\"a\": [\"x\" \"y\"]}}", "", "not JSON", 3},
                Row{"{\"description\": 3}", "/description", "not a string", 0},
                Row{"{\"checker\": [\"x\"]}", "/checker", "not an object of word lists", 0},
                Row{"{\"checker\": {\"description\": [\"x\"]}}", "/checker/description", "not a string", 0},
                Row{"{\"checker\": {\"a\": \"x\"}}", "/checker/a", "not an array of words", 0},
                Row{"{\"checker\": {\"a\": [\"x\", \"\"]}}", "/checker/a/1", "not a non-empty string", 0},
                Row{"{\"checker\": {\"a\": [\"x\", 2]}}", "/checker/a/1", "not a non-empty string", 0},
                Row{"{\"dates\": {\"month_other_forms\": [\"sept\"]}}", "/dates/month_other_forms",
                    "not an object of month numbers", 0},
                Row{"{\"dates\": {\"month_other_forms\": {\"sept\": 13}}}", "/dates/month_other_forms/sept",
                    "not a month number", 0},
                Row{"{\"dates\": {\"month_other_forms\": {\"sept\": \"9\"}}}", "/dates/month_other_forms/sept",
                    "not a month number", 0}}) {
    INFO(r.json);
    factlint::Result<factlint::LexiconSource> read = factlint::ReadLexiconJson(r.json);
    REQUIRE_FALSE(read.ok());
    CHECK(read.error().path == r.path);
    CHECK(read.error().message.find(r.message) != std::string::npos);
    if (r.line > 0) CHECK(read.error().line == r.line);
  }
}

TEST_CASE("lexicon: the generator writes every byte of a word as the file has it", "[lexicon]") {
  factlint::Result<factlint::LexiconSource> read = factlint::ReadLexiconJson(
      "{\"checker\": {\"b\": [], \"a\": [\"caf\\u00e9\", \"say \\\"x\\\"\", \"back\\\\slash\"]},"
      " \"dates\": {\"month_other_forms\": {\"sept\": 9, \"juil\": 7}}}");
  REQUIRE(read.ok());
  const factlint::LexiconSource& s = read.value();
  REQUIRE(s.lists.size() == 2);  // in key order: a, b
  CHECK(s.lists[0].name == "a");
  CHECK(s.lists[0].words == std::vector<std::string>{"caf\xc3\xa9", "say \"x\"", "back\\slash"});
  CHECK(s.lists[1].words.empty());
  CHECK(s.month_other_forms == std::vector<std::pair<std::string, int>>{{"juil", 7}, {"sept", 9}});
  const std::string cpp = factlint::WriteLexiconCpp(s, "t.json");
  CHECK(cpp.find("\"caf\\303\\251\"sv") != std::string::npos);
  CHECK(cpp.find("\"say \\\"x\\\"\"sv") != std::string::npos);
  CHECK(cpp.find("\"back\\\\slash\"sv") != std::string::npos);
  CHECK(cpp.find("{\"checker\"sv, \"b\"sv, std::span<const std::string_view>()}") != std::string::npos);
  CHECK(cpp.find("{\"juil\"sv, 7}") != std::string::npos);
}
