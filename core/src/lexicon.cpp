// The lexicon (lexicon.h): core/lexicon/lexicon.json, compiled at build time into constant tables
// (lexicon_compiled.h) and made into word sets once, on first use.
// A WordSet keeps its words by length, so a look-up compares only words of the right length,
// first byte first — most words are in no list, and these run for every word of every sentence.
// The generator refuses a malformed file, which fails the build; tests/unit/lexicon_test.cpp checks
// that every list is there and that the tables are the file's.

#include "lexicon.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include <span>

#include "lexicon_compiled.h"

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
  // The word with its ASCII capitals lowered (the set holds lower-case words).
  bool HasAnyCase(std::string_view w) const {
    if (w.size() >= by_length_.size()) return false;
    char lower[sizeof by_length_ / sizeof by_length_[0]];
    for (size_t i = 0; i < w.size(); ++i) lower[i] = w[i] >= 'A' && w[i] <= 'Z' ? static_cast<char>(w[i] + 32) : w[i];
    return Has(std::string_view(lower, w.size()));
  }

 private:
  std::array<std::vector<std::string>, 33> by_length_;  // words of 1..32 bytes
};

struct Lexicon {
  WordClassTable classes;
  WordClassTable period_classes;  // PeriodWordClasses
  WordSet former, present, skip, title_blockers, title_sentence_openers, name_prefixes, title_name_ranks, speech, past_markers, past_era_modifiers, past_era_nouns,
      event_of_title_nouns, unscheduled_event_kinds,
      administration_blockers, election_adjectives, meeting_nouns, frame_words, clause_words, forward_prepositions, stated_date_prepositions,
      claim_date_prepositions, dateline_words, year_introducers, schedule_verbs, month_introducers, election_kinds,
      election_ahead_markers, year_figure_nouns, year_possessives, weekdays, weekday_abbreviations,
      full_months, short_months;
  // The segmenter's ("segmenter"); prepositive_folded: the same words lower-cased.
  WordSet prepositive, prepositive_folded, number_abbreviations, conditional_abbreviations, never_final,
      final_before_capital, sentence_starters, credit_labels, credit_labels_kept, list_numerals, caption_particles,
      run_in_pronouns, run_in_prepositions, run_in_blockers;
  std::array<bool, 256> run_in_first{};  // first bytes of run_in_pronouns and run_in_prepositions
  std::array<uint8_t, 256> segmenter_first{};  // SegmenterFirstBytes
  std::array<bool, 256> month_or_weekday_first{};  // first bytes of the month forms, weekdays and their abbreviations
  std::array<bool, 256> weekday_first{};           // first bytes of the weekdays and their abbreviations
  std::vector<std::pair<std::string, int>> months;  // every form of every month name
  std::array<std::vector<std::pair<std::string, int>>, 16> months_by_length;  // the same, by length, in order
  std::vector<std::string> prospective_phrases;
  WordSet org_generic_titles;
  WordSet prospective_time_after, time_after_blockers, reduced_relative_words;
  WordSet prospective_after, prospective_after_blockers, event_object_nouns, event_act_words, death_verbs, birth_verbs;
  WordSet impact_event_kinds, event_onset_phrases, event_impact_phrases, list_introducers, list_continuers;
};

Lexicon Parse(const CompiledLexicon& tables) {
  Lexicon lex;
  auto list = [&](const char* group, const char* name) {
    std::span<const std::string_view> words = tables.List(group, name);
    return std::vector<std::string>(words.begin(), words.end());
  };
  auto set = [&](WordSet* s, const char* group, const char* name) {
    for (std::string& w : list(group, name)) s->Add(std::move(w));
  };
  set(&lex.former, "checker", "modifiers_former");
  set(&lex.present, "checker", "modifiers_present");
  set(&lex.skip, "checker", "modifiers_skip");
  set(&lex.title_blockers, "checker", "title_blockers");
  set(&lex.title_sentence_openers, "checker", "title_sentence_openers");
  set(&lex.name_prefixes, "checker", "name_prefixes");
  set(&lex.title_name_ranks, "checker", "title_name_ranks");
  set(&lex.speech, "checker", "speech_words");
  for (const std::string& w : list("checker", "speech_words"))
    if (w.size() >= 2 && w.size() <= 12 && w.size() < 33) lex.classes.Add(w, kWordSpeech);
  set(&lex.past_markers, "checker", "past_markers");
  set(&lex.past_era_modifiers, "checker", "past_era_modifiers");
  set(&lex.past_era_nouns, "checker", "past_era_nouns");
  set(&lex.event_of_title_nouns, "checker", "event_of_title_nouns");
  set(&lex.unscheduled_event_kinds, "checker", "unscheduled_event_kinds");
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
  set(&lex.schedule_verbs, "dates", "schedule_verbs");
  set(&lex.month_introducers, "dates", "month_introducers");
  set(&lex.election_kinds, "dates", "election_kinds");
  set(&lex.election_ahead_markers, "dates", "election_ahead_markers");
  set(&lex.year_figure_nouns, "dates", "year_figure_nouns");
  set(&lex.year_possessives, "dates", "year_possessives");
  for (std::string& w : list("dates", "weekdays")) {
    lex.month_or_weekday_first[static_cast<unsigned char>(w[0])] = true;
    lex.weekday_first[static_cast<unsigned char>(w[0])] = true;
    if (w.size() < 33) lex.classes.Add(w, kWordWeekday);
    lex.weekdays.Add(std::move(w));
  }
  for (std::string& w : list("dates", "weekday_abbreviations")) {
    if (!w.empty()) lex.month_or_weekday_first[static_cast<unsigned char>(w[0])] = true;
    if (!w.empty()) lex.weekday_first[static_cast<unsigned char>(w[0])] = true;
    lex.weekday_abbreviations.Add(std::move(w));
  }
  set(&lex.prepositive, "segmenter", "prepositive");
  for (std::string& w : list("segmenter", "prepositive")) {
    for (char& c : w) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    lex.prepositive_folded.Add(std::move(w));
  }
  set(&lex.number_abbreviations, "segmenter", "number_abbreviations_any_case");
  set(&lex.conditional_abbreviations, "segmenter", "conditional_abbreviations_any_case");
  set(&lex.never_final, "segmenter", "never_final_any_case");
  set(&lex.final_before_capital, "segmenter", "final_before_capital_any_case");
  set(&lex.sentence_starters, "segmenter", "sentence_starters");
  set(&lex.credit_labels, "segmenter", "credit_labels_any_case");
  for (const std::string& w : list("segmenter", "credit_labels_any_case")) {
    const unsigned char c = static_cast<unsigned char>(w[0]);
    lex.segmenter_first[c] |= kFirstOfCreditLabel;
    if (c >= 'a' && c <= 'z') lex.segmenter_first[c - 32] |= kFirstOfCreditLabel;
    if (c >= 'A' && c <= 'Z') lex.segmenter_first[c + 32] |= kFirstOfCreditLabel;
  }
  set(&lex.credit_labels_kept, "segmenter", "credit_labels_kept_in_line");
  set(&lex.list_numerals, "segmenter", "list_numerals");
  set(&lex.caption_particles, "segmenter", "caption_particles");
  set(&lex.run_in_blockers, "segmenter", "run_in_blockers");
  auto run_in = [&](WordSet* s, const char* name) {
    for (std::string& w : list("segmenter", name)) {
      lex.run_in_first[static_cast<unsigned char>(w[0])] = true;
      s->Add(std::move(w));
    }
  };
  run_in(&lex.run_in_pronouns, "run_in_pronouns");
  run_in(&lex.run_in_prepositions, "run_in_prepositions");
  for (size_t c = 0; c < 256; ++c)
    if (lex.run_in_first[c]) lex.segmenter_first[c] |= kFirstOfRunIn;
  lex.prospective_phrases = list("checker", "prospective_phrases");
  set(&lex.prospective_after, "checker", "prospective_after_phrases");
  set(&lex.prospective_after_blockers, "checker", "prospective_after_blockers");
  set(&lex.prospective_time_after, "checker", "prospective_time_after");
  set(&lex.time_after_blockers, "checker", "time_after_blockers");
  set(&lex.reduced_relative_words, "checker", "reduced_relative_words");
  set(&lex.org_generic_titles, "checker", "org_generic_titles");
  set(&lex.event_object_nouns, "checker", "event_object_nouns");
  set(&lex.event_act_words, "checker", "event_act_words");
  set(&lex.death_verbs, "checker", "death_verbs");
  set(&lex.birth_verbs, "checker", "birth_verbs");
  set(&lex.impact_event_kinds, "checker", "impact_event_kinds");
  set(&lex.event_onset_phrases, "checker", "event_onset_phrases");
  set(&lex.event_impact_phrases, "checker", "event_impact_phrases");
  set(&lex.list_introducers, "checker", "list_introducers");
  set(&lex.list_continuers, "checker", "list_continuers");
  std::vector<std::string> full = list("dates", "months"), abbr = list("dates", "month_abbreviations");
  for (size_t i = 0; i < full.size() && i < 12; ++i) lex.months.emplace_back(full[i], static_cast<int>(i) + 1);
  for (size_t i = 0; i < abbr.size() && i < 12; ++i) lex.months.emplace_back(abbr[i], static_cast<int>(i) + 1);
  for (const CompiledMonthForm& f : tables.month_other_forms) lex.months.emplace_back(f.form, f.month);
  for (const auto& [form, n] : lex.months) {
    if (form.size() < lex.months_by_length.size()) {
      lex.months_by_length[form.size()].emplace_back(form, n);
      lex.classes.Add(form, static_cast<unsigned>(n));
    }
    if (!form.empty()) lex.month_or_weekday_first[static_cast<unsigned char>(form[0])] = true;
  }
  for (const auto& [form, n] : lex.months) {  // "may" is a full name; "jan", "sept" are short
    if (std::find(full.begin(), full.end(), form) != full.end())
      lex.full_months.Add(form);
    else
      lex.short_months.Add(form);
  }
  // The any-case lists as the file writes them (HasAnyCase looks up the lowered word in them).
  for (const auto& [name, bit] : {std::pair<const char*, unsigned>{"number_abbreviations_any_case", kPeriodNumber},
                                  {"conditional_abbreviations_any_case", kPeriodConditional},
                                  {"never_final_any_case", kPeriodNeverFinal},
                                  {"final_before_capital_any_case", kPeriodFinalBeforeCapital}})
    for (const std::string& w : list("segmenter", name)) lex.period_classes.Add(w, bit);
  for (std::string w : list("segmenter", "prepositive")) {
    for (char& c : w) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    lex.period_classes.Add(w, kPeriodPrepositive);
  }
  for (const auto& [form, n] : lex.months)
    if (lex.short_months.Has(form)) lex.period_classes.Add(form, kPeriodShortMonth);
  for (const char* w : {"last", "next", "this", "past"}) lex.classes.Add(w, kWordRelative);
  for (const char* w : {"he", "she"}) lex.classes.Add(w, kWordHeShe);
  return lex;
}

const Lexicon& Lex() {
  static const Lexicon lexicon = Parse(BundledLexiconTables());  // immutable once built
  return lexicon;
}

}  // namespace

// WordClassTable: the word's bytes as two 8-byte keys (a word of 8..16 bytes: its first and last
// eight, which overlap; 4..7: its first and last four; 1..3: its first, middle and last byte;
// with the length each is one word only), a multiplicative hash of them, linear probing.
WordClassTable::Key WordClassTable::KeyOf(std::string_view w) {
  const char* p = w.data();
  const size_t n = w.size();
  Key k{0, 0};
  if (n >= 8) {
    std::memcpy(&k.a, p, 8);
    std::memcpy(&k.b, p + n - 8, 8);
  } else if (n >= 4) {
    uint32_t x, y;
    std::memcpy(&x, p, 4);
    std::memcpy(&y, p + n - 4, 4);
    k.a = x | static_cast<uint64_t>(y) << 32;
  } else {
    k.a = static_cast<unsigned char>(p[0]) | static_cast<unsigned>(static_cast<unsigned char>(p[n / 2])) << 8 |
          static_cast<unsigned>(static_cast<unsigned char>(p[n - 1])) << 16;
  }
  return k;
}

size_t WordClassTable::Home(const Key& k, size_t n) const {
  return static_cast<size_t>(((k.a ^ n) * 0x9E3779B97F4A7C15ull + k.b * 0xC2B2AE3D27D4EB4Full) >> shift_);
}

void WordClassTable::Add(std::string_view w, unsigned bits) {
  if (w.empty() || w.size() > kMaxWord) return;
  lengths_by_first_[static_cast<unsigned char>(w[0])] |= 1u << w.size();
  lengths_by_last_[static_cast<unsigned char>(w.back())] |= 1u << w.size();
  if ((used_ + 1) * 4 > slots_.size()) Grow();
  Slot& s = Find(KeyOf(w), w.size());
  if (s.size == 0) {
    const Key k = KeyOf(w);
    s.a = k.a;
    s.b = k.b;
    s.size = static_cast<uint32_t>(w.size());
    ++used_;
  }
  // A month form listed twice keeps its first number, as MonthNumber does.
  if ((bits & kWordMonthMask) != 0 && (s.bits & kWordMonthMask) != 0) bits &= ~kWordMonthMask;
  s.bits |= bits;
}

unsigned WordClassTable::Lookup(std::string_view w) const {
  if (mask_ == 0) return 0;
  const Key k = KeyOf(w);
  for (size_t i = Home(k, w.size());; i = (i + 1) & mask_) {
    const Slot& s = slots_[i];
    if (s.a == k.a && s.b == k.b && s.size == w.size()) return s.bits;
    if (s.size == 0) return 0;
  }
}

WordClassTable::Slot& WordClassTable::Find(const Key& k, size_t n) {
  for (size_t i = Home(k, n);; i = (i + 1) & mask_)
    if (slots_[i].size == 0 || (slots_[i].a == k.a && slots_[i].b == k.b && slots_[i].size == n)) return slots_[i];
}

void WordClassTable::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 256 : old.size() * 2, Slot{});
  mask_ = slots_.size() - 1;
  shift_ = 64 - static_cast<unsigned>(std::countr_zero(slots_.size()));
  for (const Slot& s : old)
    if (s.size != 0) Find(Key{s.a, s.b}, s.size) = s;
}

std::optional<Tense> ModifierTense(std::string_view w) {
  if (w.empty()) return std::nullopt;
  const Lexicon& l = Lex();
  if (l.former.Has(w)) return Tense::kFormer;
  if (l.present.Has(w)) return Tense::kPresent;
  if (l.skip.Has(w)) return Tense::kSkip;
  return std::nullopt;
}

bool BlocksTitle(std::string_view w) { return !w.empty() && Lex().title_blockers.Has(w); }
bool OpensSentenceBeforeTitle(std::string_view w) {
  const Lexicon& l = Lex();
  if (w.empty() || w.size() > 32) return false;
  if (l.title_sentence_openers.Has(w)) return true;
  char cap[32];  // the segmenter's starters are written capitalised ("However")
  w.copy(cap, w.size());
  if (cap[0] >= 'a' && cap[0] <= 'z') cap[0] = static_cast<char>(cap[0] - 32);
  return l.sentence_starters.Has(std::string_view(cap, w.size()));
}
bool IsNamePrefix(std::string_view w) { return !w.empty() && Lex().name_prefixes.Has(w); }
bool IsTitleNameRank(std::string_view w) { return !w.empty() && Lex().title_name_ranks.Has(w); }
bool IsSpeechWord(std::string_view w) { return w.size() >= 2 && w.size() <= 12 && Lex().speech.Has(w); }
bool BlocksProspective(std::string_view w) { return !w.empty() && Lex().past_markers.Has(w); }
bool IsPastEraModifier(std::string_view w) { return !w.empty() && Lex().past_era_modifiers.Has(w); }
bool IsPastEraNoun(std::string_view w) { return !w.empty() && Lex().past_era_nouns.Has(w); }
bool IsEventOfTitleNoun(std::string_view w) { return !w.empty() && Lex().event_of_title_nouns.Has(w); }
bool IsUnscheduledEventKind(std::string_view k) { return !k.empty() && Lex().unscheduled_event_kinds.Has(k); }
bool IsImpactEventKind(std::string_view k) { return !k.empty() && Lex().impact_event_kinds.Has(k); }
bool IsEventOnsetPhrase(std::string_view words) { return !words.empty() && Lex().event_onset_phrases.Has(words); }
bool IsEventImpactPhrase(std::string_view words) { return !words.empty() && Lex().event_impact_phrases.Has(words); }
bool BlocksAdministration(std::string_view w) { return !w.empty() && Lex().administration_blockers.Has(w); }
bool IsElectionAdjective(std::string_view w) { return !w.empty() && Lex().election_adjectives.Has(w); }
bool IsElectionKind(std::string_view w) { return !w.empty() && Lex().election_kinds.Has(w); }
bool IsProspectiveAfter(std::string_view words) { return !words.empty() && Lex().prospective_after.Has(words); }
bool IsProspectiveTimeAfter(std::string_view words) { return !words.empty() && Lex().prospective_time_after.Has(words); }
bool OpensReducedRelative(std::string_view w) { return !w.empty() && Lex().reduced_relative_words.Has(w); }
bool BlocksTimeAfter(std::string_view w) { return !w.empty() && Lex().time_after_blockers.Has(w); }
bool BlocksProspectiveAfter(std::string_view w) { return !w.empty() && Lex().prospective_after_blockers.Has(w); }
bool IsOrgGenericTitle(std::string_view words) { return !words.empty() && Lex().org_generic_titles.Has(words); }
bool IsEventObjectNoun(std::string_view w) { return !w.empty() && Lex().event_object_nouns.Has(w); }
bool IsEventActWord(std::string_view w) { return !w.empty() && Lex().event_act_words.Has(w); }
bool IsDeathVerb(std::string_view words) { return !words.empty() && Lex().death_verbs.Has(words); }
bool IsBirthVerb(std::string_view words) { return !words.empty() && Lex().birth_verbs.Has(words); }
bool IsElectionAheadMarker(std::string_view words) { return !words.empty() && Lex().election_ahead_markers.Has(words); }
bool IsYearFigureNoun(std::string_view w) { return !w.empty() && Lex().year_figure_nouns.Has(w); }
bool IsYearPossessive(std::string_view w) { return !w.empty() && Lex().year_possessives.Has(w); }
bool IsMeetingNoun(std::string_view w) { return !w.empty() && Lex().meeting_nouns.Has(w); }
bool IsFrameWord(std::string_view w) { return !w.empty() && Lex().frame_words.Has(w); }
bool IsClauseWord(std::string_view w) { return !w.empty() && Lex().clause_words.Has(w); }
bool IntroducesList(std::string_view w) { return !w.empty() && Lex().list_introducers.Has(w); }
bool ContinuesList(std::string_view w) { return !w.empty() && Lex().list_continuers.Has(w); }
bool IsForwardPreposition(std::string_view w) { return !w.empty() && Lex().forward_prepositions.Has(w); }
bool IsStatedDatePreposition(std::string_view w) { return !w.empty() && Lex().stated_date_prepositions.Has(w); }
bool IsClaimDatePreposition(std::string_view w) { return !w.empty() && Lex().claim_date_prepositions.Has(w); }
bool IsDatelineWord(std::string_view w) { return !w.empty() && Lex().dateline_words.Has(w); }
bool IntroducesYear(std::string_view w) { return !w.empty() && Lex().year_introducers.Has(w); }
bool IsScheduleVerb(std::string_view w) { return !w.empty() && Lex().schedule_verbs.Has(w); }
bool IntroducesMonth(std::string_view w) { return !w.empty() && Lex().month_introducers.Has(w); }
bool IsWeekday(std::string_view w) { return !w.empty() && Lex().weekdays.Has(w); }
bool IsWeekdayAbbreviation(std::string_view w) { return !w.empty() && Lex().weekday_abbreviations.Has(w); }
bool IsFullMonthName(std::string_view w) { return !w.empty() && Lex().full_months.Has(w); }
bool IsShortMonthName(std::string_view w) { return !w.empty() && Lex().short_months.Has(w); }

bool IsPrepositiveAbbreviation(std::string_view w) {
  if (w.empty()) return false;
  const Lexicon& l = Lex();
  if (l.prepositive.Has(w)) return true;
  if (w.size() < 2) return false;
  for (char c : w)
    if (c >= 'a' && c <= 'z') return false;
  return l.prepositive_folded.HasAnyCase(w);
}
bool IsNumberAbbreviation(std::string_view w) { return !w.empty() && Lex().number_abbreviations.HasAnyCase(w); }
bool IsConditionalAbbreviation(std::string_view w) { return !w.empty() && Lex().conditional_abbreviations.HasAnyCase(w); }
bool IsNeverFinalAbbreviation(std::string_view w) { return !w.empty() && Lex().never_final.HasAnyCase(w); }
bool IsFinalBeforeCapital(std::string_view w) { return !w.empty() && Lex().final_before_capital.HasAnyCase(w); }
bool IsSentenceStarter(std::string_view w) { return !w.empty() && Lex().sentence_starters.Has(w); }
bool IsCreditLabel(std::string_view w) { return !w.empty() && Lex().credit_labels.HasAnyCase(w); }
bool IsCreditLabelKeptInLine(std::string_view w) { return !w.empty() && Lex().credit_labels_kept.Has(w); }
bool IsListNumeral(std::string_view w) { return !w.empty() && Lex().list_numerals.Has(w); }
bool IsCaptionParticle(std::string_view w) { return !w.empty() && Lex().caption_particles.Has(w); }
bool IsRunInPronoun(std::string_view w) { return !w.empty() && Lex().run_in_pronouns.Has(w); }
bool IsRunInPreposition(std::string_view w) { return !w.empty() && Lex().run_in_prepositions.Has(w); }
bool MayStartRunIn(unsigned char c) { return Lex().run_in_first[c]; }
const std::array<uint8_t, 256>& SegmenterFirstBytes() { return Lex().segmenter_first; }
bool MayStartMonthOrWeekday(unsigned char c) { return Lex().month_or_weekday_first[c]; }
bool MayStartWeekday(unsigned char c) { return Lex().weekday_first[c]; }
bool IsRunInBlocker(std::string_view w) { return !w.empty() && Lex().run_in_blockers.Has(w); }

unsigned PeriodWordClasses(std::string_view w) {
  if (w.size() > WordClassTable::kMaxWord) return kPeriodAll;
  char lower[WordClassTable::kMaxWord];
  for (size_t i = 0; i < w.size(); ++i) lower[i] = w[i] >= 'A' && w[i] <= 'Z' ? static_cast<char>(w[i] + 32) : w[i];
  return Lex().period_classes.Get(std::string_view(lower, w.size()));
}

int MonthNumber(std::string_view w) {
  // Runs for every word the time expressions look at: only forms of the word's length are compared.
  const Lexicon& l = Lex();
  if (w.empty() || w.size() >= l.months_by_length.size()) return 0;  // no form is empty
  for (const auto& [form, n] : l.months_by_length[w.size()])
    if (form[0] == w[0] && form == w) return n;
  return 0;
}

const WordClassTable& WordClassesTable() { return Lex().classes; }

const std::vector<std::string>& BuiltinProspectivePhrases() { return Lex().prospective_phrases; }

}  // namespace factlint
