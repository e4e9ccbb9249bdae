// Which dates look ahead (date_roles.h): the prospective phrases before a date, "will" and the
// verbs of expectation or intent in its clause, "due"/"due to", a present verb of schedule, a
// condition after it; a past comparison ("than in 2004") never looks ahead.

#include "date_roles.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <string_view>

#include "lexicon.h"

namespace factlint {
namespace {

// A word of four digits (a year in a list of dates: "in 2005 and 2006").
bool IsYearWord(std::string_view w) {
  return w.size() == 4 && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A present-tense verb of expectation or intent that makes a later date of its clause one it
// looks to ("expects to return to profit in 2006", "is hoping for growth in 2007"): only forms that
// are not nouns ("plans", "targets", "hopes" are, and count only before "to"); the past
// ("expected growth in 2003") is a report, not a prospect.
constexpr std::string_view kExpectVerbs[] = {"expects", "expecting", "hoping", "planning", "aiming", "intends",
                                             "intending", "predicts", "predicting", "anticipates", "anticipating",
                                             "forecasting", "projecting", "seeks", "seeking", "pledging", "vowing"};

// Verbs of intent that look ahead before "to" ("GM plans to close the plant in 2006", "hopes to
// revive its fortunes by 2006"); after a determiner they are nouns ("a plan to raise money in
// 2003 cut its stake"), not counted.
constexpr std::string_view kIntentBeforeTo[] = {"plans", "plan", "hopes", "hope", "aims", "aim",
                                                "pledges", "vows", "promises", "intend", "expect"};

// "We hope we can resume payments from 2007", "I expect that they could sign in 2006": a hope or
// expectation in the present, then a clause of its own with a modal — what it hopes for is ahead.
constexpr std::string_view kHopeVerbs[] = {"hope", "hopes", "expect", "expects"};
constexpr std::string_view kWill[] = {"will", "shall"};

template <size_t N>
bool InList(std::string_view w, const std::string_view (&list)[N]) {
  for (std::string_view x : list)
    if (x.size() == w.size() && x == w) return true;
  return false;
}
bool IsExpectVerb(std::string_view w) { return InList(w, kExpectVerbs); }
bool IsIntentBeforeTo(std::string_view w) { return InList(w, kIntentBeforeTo); }
bool IsHopeVerb(std::string_view w) { return InList(w, kHopeVerbs); }

// Bit k of kProspectVerbFirst[c]: a word of k bytes that starts with c is in one of the four
// lists above. A word whose first byte and length match none (most words) is in none of them:
// ProspectByWords's loop then only asks TurnsTimeWord.
constexpr std::array<uint32_t, 256> kProspectVerbFirst = [] {
  std::array<uint32_t, 256> t{};
  auto add = [&t](const auto& list) {
    for (std::string_view w : list) t[static_cast<unsigned char>(w[0])] |= 1u << w.size();
  };
  add(kExpectVerbs), add(kIntentBeforeTo), add(kHopeVerbs), add(kWill);
  return t;
}();
bool MayBeProspectVerb(std::string_view w) {
  return !w.empty() && w.size() < 32 && ((kProspectVerbFirst[static_cast<unsigned char>(w[0])] >> w.size()) & 1u);
}
bool IsModal(std::string_view w) { return IsIn(w, {"can", "could", "will", "would", "may", "might", "should", "shall"}); }
bool IsSubjectPronoun(std::string_view w) { return IsIn(w, {"we", "i", "they", "he", "she", "it", "you"}); }

// A word before "will" that makes it the noun ("the will of the voters").
bool IsNounDeterminer(std::string_view w) { return IsIn(w, {"the", "a", "his", "her", "their", "its", "of"}); }

// True when a word in [from, to) can turn the clause to another time: a word opening a relative
// or subordinate clause (not "and", "or", "but", "than", "before", "until": "will grow 4% in
// 2005 and 4% in 2006", "slipping next year before recovering in 2006"), a speech word ("by"
// aside) or a past auxiliary.
bool TurnsTimeWord(std::string_view w) {
  // IsSpeechWord from the word classes (lexicon.h: the same set; most words ruled out by their
  // first and last bytes before any look-up).
  return ((WordClasses(w) & kWordSpeech) != 0 && w != "by") ||
         (IsClauseWord(w) && !IsIn(w, {"and", "or", "but", "than", "before", "until"})) ||
         IsIn(w, {"was", "were", "had", "did", "been"});
}

class DateRoleReader {
 public:
  DateRoleReader(const FoldedView& text, const Sentences& sentences, const std::vector<Phrase>& lexicon)
      : t_(text), sent_(sentences), lexicon_(lexicon) {}

  std::vector<char> Read() const;

 private:
  bool TurnsTime(uint32_t from, uint32_t to) const;
  bool SpeechBefore(size_t s, uint32_t to) const;
  // The words of a date's clause before it into *before (cleared first).
  void ClauseWordsBefore(size_t s, const TimeExpr& te, std::vector<std::pair<uint32_t, uint32_t>>* before) const;
  bool ProspectByWords(size_t s, const TimeExpr& te, const std::vector<std::pair<uint32_t, uint32_t>>& before) const;
  bool ComparedWith(const std::vector<std::pair<uint32_t, uint32_t>>& before) const;
  size_t HopeThenModal(const std::vector<std::pair<uint32_t, uint32_t>>& before, size_t w) const;

  const FoldedView& t_;
  const Sentences& sent_;
  const std::vector<Phrase>& lexicon_;
};

// Which dates look ahead: "until June 2006", "by 2030", "could decide in 2011", "will ... in
// 2027". They bound the time of the text from above and never date a claim.
std::vector<char> DateRoleReader::Read() const {
  std::vector<char> future(sent_.times.size(), 0);
  std::vector<std::pair<uint32_t, uint32_t>> before;  // one buffer for every date's clause
  for (size_t s = 0; s < sent_.size(); ++s) {
    for (size_t at = sent_.time_from[s]; at < sent_.time_from[s + 1]; ++at) {
      const TimeExpr& te = sent_.times[at];
      if (IsForwardPreposition(te.preposition) || te.relative_offset > 0) {
        future[at] = 1;
        continue;
      }
      ClauseWordsBefore(s, te, &before);
      if (ComparedWith(before)) continue;  // "profits will be higher than in 2004": a past comparison
      // A prospective phrase ending within 40 bytes before the date ("expected to rise in 2006"),
      // unless the date is a past point ("the first since 2003"), the words between turn to
      // another time (a relative or speech word, a past auxiliary: "will not say what they had
      // paid in 2004") or the phrase is the noun ("the will of the voters").
      const uint32_t from = std::max(te.start > 40 ? static_cast<uint32_t>(te.start) - 40 : 0u, sent_.start[s]);
      if (te.preposition != "since") {
        auto first = std::lower_bound(lexicon_.begin(), lexicon_.end(), from,
                                      [](const Phrase& ph, uint32_t pos) { return ph.end < pos; });
        for (auto it = first; it != lexicon_.end() && it->end <= te.start && !future[at]; ++it) {
          if (it->kind != PhraseKind::kProspective || it->start < sent_.start[s]) continue;
          const std::string_view w = t_.F(it->start, it->end);
          auto [ps, pe] = t_.WordBefore(it->start, sent_.start[s]);
          if ((w == "will" || w == "shall") && IsNounDeterminer(t_.F(ps, pe))) continue;
          if (w == "would") {  // "would have won in 2004": a past that did not happen
            const auto [ns, ne] = t_.WordAfter(it->end, static_cast<uint32_t>(te.start));
            if (t_.F(ns, ne) == "have") continue;
          }
          if (!TurnsTime(it->end, static_cast<uint32_t>(te.start))) future[at] = 1;
        }
      }
      if (!future[at] && ProspectByWords(s, te, before)) future[at] = 1;
    }
  }
  return future;
}

// The date is what something is compared with: "than" right before it or its preposition ("higher
// than in 2004", "lower than 2003's"), never a time the text looks to ("than expected in 2006" is).
bool DateRoleReader::ComparedWith(const std::vector<std::pair<uint32_t, uint32_t>>& before) const {
  const size_t n = before.size();
  auto word = [&](size_t i) { return t_.F(before[i].first, before[i].second); };
  return (n >= 1 && word(n - 1) == "than") ||
         (n >= 2 && word(n - 2) == "than" && IsIn(word(n - 1), {"in", "during", "for", "at", "of", "on"}));
}

// When before[w] is a present hope or expectation ("hope", not "the hope") followed by "that"?,
// a subject pronoun and a modal ("we hope we can resume", "expects that it will"): the index of
// the modal; else 0.
size_t DateRoleReader::HopeThenModal(const std::vector<std::pair<uint32_t, uint32_t>>& before, size_t w) const {
  auto word = [&](size_t i) { return t_.F(before[i].first, before[i].second); };
  if (!IsHopeVerb(word(w))) return 0;
  // "the hope", "raised hopes that it could": nouns. "hope"/"expect" count after a pronoun only.
  const std::string_view prev = w > 0 ? word(w - 1) : std::string_view();
  if (IsNounDeterminer(prev) || (prev.size() > 2 && prev.substr(prev.size() - 2) == "ed")) return 0;
  if (word(w).back() != 's' && !IsSubjectPronoun(prev)) return 0;
  size_t i = w + 1;
  if (i < before.size() && word(i) == "that") ++i;
  return i + 1 < before.size() && IsSubjectPronoun(word(i)) && IsModal(word(i + 1)) ? i + 1 : 0;
}

// True when a speech word ("said", "told", "announced"; not "by") stands in sentence s before `to`.
bool DateRoleReader::SpeechBefore(size_t s, uint32_t to) const {
  for (uint32_t i = sent_.start[s]; i < to;) {
    if (!t_.WordByte(i)) {
      ++i;
      continue;
    }
    uint32_t e = i;
    while (e < to && t_.WordByte(e)) ++e;
    const std::string_view w = t_.F(i, e);
    if ((WordClasses(w) & kWordSpeech) != 0 && w != "by") return true;
    i = e;
  }
  return false;
}

bool DateRoleReader::TurnsTime(uint32_t from, uint32_t to) const {
  for (uint32_t i = from; i < to;) {
    if (!t_.WordByte(i)) {
      ++i;
      continue;
    }
    uint32_t e = i;
    while (e < to && t_.WordByte(e)) ++e;
    if (TurnsTimeWord(t_.F(i, e))) return true;
    i = e;
  }
  return false;
}

// The words of a date's clause before it: from its sentence's start or the last clause mark
// (, ; : ") before it.
void DateRoleReader::ClauseWordsBefore(size_t s, const TimeExpr& te,
                                       std::vector<std::pair<uint32_t, uint32_t>>* out) const {
  std::vector<std::pair<uint32_t, uint32_t>>& before = *out;
  before.clear();
  for (uint32_t i = sent_.start[s]; i < te.start;) {
    if (!t_.WordByte(i)) {
      const char c = t_[i];
      if (c == ',' || c == ';' || c == ':' || c == '"') before.clear();
      ++i;
      continue;
    }
    uint32_t e = i;
    while (e < te.start && t_.WordByte(e)) ++e;
    before.emplace_back(i, e);
    i = e;
  }
}

// Readings of a date as ahead that the prospective phrases (within 40 bytes before it) cannot
// give without misreading events ("due to the war" is a cause, not a prospect): "will" earlier in
// its clause, "due to" followed by a verb before the date in its clause ("due to enter service in
// 2006"), and a condition after it in its clause ("proposed from 2010 if the bill becomes law").
bool DateRoleReader::ProspectByWords(size_t s, const TimeExpr& te,
                                      const std::vector<std::pair<uint32_t, uint32_t>>& before) const {
  static constexpr std::string_view kNotVerb[] = {"the", "a", "an", "its", "his", "her", "their", "our",
                                                  "this", "that", "these", "those", "lack", "concerns"};
  // "will"/"shall" anywhere earlier in the clause, the date as a time it looks to ("I will back
  // the nominee of the party in 2016"): not a past point ("the first since 2003"), nor past again
  // after a relative or speech word or a past auxiliary ("will visit the town where he was born
  // in 1953"); "the will" is a noun.
  if (te.preposition.empty() || IsIn(te.preposition, {"in", "by", "during", "between", "and", "or", "from"})) {
    bool will = false;
    for (size_t w = 0; w < before.size(); ++w) {
      const std::string_view word = t_.F(before[w].first, before[w].second);
      const bool verb = MayBeProspectVerb(word);
      if (verb && InList(word, kWill)) {
        will = w == 0 || !IsNounDeterminer(t_.F(before[w - 1].first, before[w - 1].second));
      } else if (const size_t modal = verb ? HopeThenModal(before, w) : 0) {
        will = true;
        w = modal;  // "that" opens the hoped-for clause here, it does not turn its time
      } else if (verb && (IsExpectVerb(word) ||
                 (IsIntentBeforeTo(word) && w + 1 < before.size() &&
                  t_.F(before[w + 1].first, before[w + 1].second) == "to" &&
                  (w == 0 || !IsIn(t_.F(before[w - 1].first, before[w - 1].second),
                                   {"the", "a", "an", "its", "his", "her", "their", "our", "of", "this", "that",
                                    "these", "those"}))))) {
        will = true;
      } else if (word == "would" && SpeechBefore(s, before[w].first) &&
                 !(w + 1 < before.size() && t_.F(before[w + 1].first, before[w + 1].second) == "have")) {
        // Reported speech looking ahead: "UPS said it ... would begin receiving deliveries from
        // 2009" (not "would have", a past that did not happen).
        will = true;
      } else if (TurnsTimeWord(word)) {
        will = false;
      }
    }
    if (will) return true;
  }
  // "payments due in 2005 and 2006", "his contract runs out in 2006": "due" or a present verb of
  // schedule right before the date, its preposition and the dates and "and"/"or" of a list ahead
  // of it — not "was due in 2003".
  for (size_t w = before.size(); w-- > 0;) {
    const std::string_view word = t_.F(before[w].first, before[w].second);
    if (IsScheduleVerb(word) || (w > 0 && IsScheduleVerb(t_.F(before[w - 1].first, before[w].second)))) return true;
    if (word == "due")
      return w == 0 || !IsIn(t_.F(before[w - 1].first, before[w - 1].second), {"was", "were", "had", "been"});
    if (!(IsIn(word, {"in", "by", "on", "and", "or"}) || IsYearWord(word))) break;
  }
  for (size_t w = 0; w + 2 < before.size(); ++w) {
    if (t_.F(before[w].first, before[w].second) != "due" || t_.F(before[w + 1].first, before[w + 1].second) != "to")
      continue;
    const std::string_view next = t_.F(before[w + 2].first, before[w + 2].second);
    if (std::find(std::begin(kNotVerb), std::end(kNotVerb), next) == std::end(kNotVerb)) return true;
  }
  for (uint32_t i = static_cast<uint32_t>(te.end); i < sent_.end[s];) {
    if (!t_.WordByte(i)) {
      const char c = t_[i];
      if (c == ',' || c == ';' || c == ':' || c == '"' || c == '.') return false;
      ++i;
      continue;
    }
    uint32_t e = i;
    while (e < sent_.end[s] && t_.WordByte(e)) ++e;
    const std::string_view w = t_.F(i, e);
    if (w == "if" || w == "unless") return true;
    i = e;
  }
  return false;
}

}  // namespace

std::vector<char> FindDateRoles(const FoldedView& text, const Sentences& sentences,
                              const std::vector<Phrase>& lexicon) {
  return DateRoleReader(text, sentences, lexicon).Read();
}

}  // namespace factlint
