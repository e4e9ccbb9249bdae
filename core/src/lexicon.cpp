// The lexicon (lexicon.h): core/lexicon/lexicon.json, parsed once on first use into word sets.
// A WordSet keeps its words by length, so a look-up compares only words of the right length,
// first byte first — most words are in no list, and these run for every word of every sentence.
// The embedded file is checked by tests/unit/lexicon_test.cpp; were it ever malformed, every list
// would be empty (no title modifiers, no speech words) rather than a check failing.

#include "lexicon.h"

#include <array>

#include <nlohmann/json.hpp>

namespace factlint {
namespace {

class WordSet {
 public:
  void Add(std::string w) {
    if (w.size() >= by_length_.size()) return;
    by_length_[w.size()].push_back(std::move(w));
  }
  bool Has(std::string_view w) const {
    if (w.size() >= by_length_.size()) return false;
    for (const std::string& x : by_length_[w.size()])
      if (x[0] == w[0] && x == w) return true;
    return false;
  }

 private:
  std::array<std::vector<std::string>, 33> by_length_;  // words of 1..32 bytes
};

struct Lexicon {
  WordSet former, present, skip, title_blockers, speech, past_markers, past_era_modifiers, past_era_nouns,
      administration_blockers, election_adjectives, meeting_nouns, frame_words, clause_words, forward_prepositions, stated_date_prepositions,
      claim_date_prepositions, dateline_words, year_introducers, month_introducers, weekdays;
  std::vector<std::pair<std::string, int>> months;  // every form of every month name
  std::vector<std::string> prospective_phrases;
};

Lexicon Parse() {
  Lexicon lex;
  nlohmann::json j = nlohmann::json::parse(EmbeddedLexiconJson(), nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return lex;
  auto list = [&](const char* group, const char* name) {
    std::vector<std::string> out;
    if (j.contains(group) && j[group].contains(name) && j[group][name].is_array())
      for (const auto& w : j[group][name])
        if (w.is_string() && !w.get<std::string>().empty()) out.push_back(w.get<std::string>());
    return out;
  };
  auto set = [&](WordSet* s, const char* group, const char* name) {
    for (std::string& w : list(group, name)) s->Add(std::move(w));
  };
  set(&lex.former, "checker", "modifiers_former");
  set(&lex.present, "checker", "modifiers_present");
  set(&lex.skip, "checker", "modifiers_skip");
  set(&lex.title_blockers, "checker", "title_blockers");
  set(&lex.speech, "checker", "speech_words");
  set(&lex.past_markers, "checker", "past_markers");
  set(&lex.past_era_modifiers, "checker", "past_era_modifiers");
  set(&lex.past_era_nouns, "checker", "past_era_nouns");
  set(&lex.administration_blockers, "checker", "administration_blockers");
  set(&lex.election_adjectives, "checker", "election_adjectives");
  set(&lex.meeting_nouns, "checker", "meeting_nouns");
  set(&lex.frame_words, "checker", "frame_words");
  set(&lex.clause_words, "checker", "clause_words");
  set(&lex.forward_prepositions, "checker", "forward_prepositions");
  set(&lex.stated_date_prepositions, "checker", "stated_date_prepositions");
  set(&lex.claim_date_prepositions, "checker", "claim_date_prepositions");
  set(&lex.dateline_words, "checker", "dateline_words");
  set(&lex.year_introducers, "dates", "year_introducers");
  set(&lex.month_introducers, "dates", "month_introducers");
  set(&lex.weekdays, "dates", "weekdays");
  lex.prospective_phrases = list("checker", "prospective_phrases");
  std::vector<std::string> full = list("dates", "months"), abbr = list("dates", "month_abbreviations");
  for (size_t i = 0; i < full.size() && i < 12; ++i) lex.months.emplace_back(full[i], static_cast<int>(i) + 1);
  for (size_t i = 0; i < abbr.size() && i < 12; ++i) lex.months.emplace_back(abbr[i], static_cast<int>(i) + 1);
  if (j.contains("dates") && j["dates"].contains("month_other_forms") && j["dates"]["month_other_forms"].is_object())
    for (const auto& [form, n] : j["dates"]["month_other_forms"].items())
      if (n.is_number_integer() && n.get<int>() >= 1 && n.get<int>() <= 12) lex.months.emplace_back(form, n.get<int>());
  return lex;
}

const Lexicon& Lex() {
  static const Lexicon lexicon = Parse();  // immutable once built
  return lexicon;
}

}  // namespace

std::optional<Tense> ModifierTense(std::string_view w) {
  if (w.empty()) return std::nullopt;
  const Lexicon& l = Lex();
  if (l.former.Has(w)) return Tense::kFormer;
  if (l.present.Has(w)) return Tense::kPresent;
  if (l.skip.Has(w)) return Tense::kSkip;
  return std::nullopt;
}

bool BlocksTitle(std::string_view w) { return !w.empty() && Lex().title_blockers.Has(w); }
bool IsSpeechWord(std::string_view w) { return w.size() >= 2 && w.size() <= 12 && Lex().speech.Has(w); }
bool BlocksProspective(std::string_view w) { return !w.empty() && Lex().past_markers.Has(w); }
bool IsPastEraModifier(std::string_view w) { return !w.empty() && Lex().past_era_modifiers.Has(w); }
bool IsPastEraNoun(std::string_view w) { return !w.empty() && Lex().past_era_nouns.Has(w); }
bool BlocksAdministration(std::string_view w) { return !w.empty() && Lex().administration_blockers.Has(w); }
bool IsElectionAdjective(std::string_view w) { return !w.empty() && Lex().election_adjectives.Has(w); }
bool IsMeetingNoun(std::string_view w) { return !w.empty() && Lex().meeting_nouns.Has(w); }
bool IsFrameWord(std::string_view w) { return !w.empty() && Lex().frame_words.Has(w); }
bool IsClauseWord(std::string_view w) { return !w.empty() && Lex().clause_words.Has(w); }
bool IsForwardPreposition(std::string_view w) { return !w.empty() && Lex().forward_prepositions.Has(w); }
bool IsStatedDatePreposition(std::string_view w) { return !w.empty() && Lex().stated_date_prepositions.Has(w); }
bool IsClaimDatePreposition(std::string_view w) { return !w.empty() && Lex().claim_date_prepositions.Has(w); }
bool IsDatelineWord(std::string_view w) { return !w.empty() && Lex().dateline_words.Has(w); }
bool IntroducesYear(std::string_view w) { return !w.empty() && Lex().year_introducers.Has(w); }
bool IntroducesMonth(std::string_view w) { return !w.empty() && Lex().month_introducers.Has(w); }
bool IsWeekday(std::string_view w) { return !w.empty() && Lex().weekdays.Has(w); }

int MonthNumber(std::string_view w) {
  for (const auto& [form, n] : Lex().months)
    if (form == w) return n;
  return 0;
}

const std::vector<std::string>& BuiltinProspectivePhrases() { return Lex().prospective_phrases; }

}  // namespace factlint
