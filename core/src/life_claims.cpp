// Part of stage 2 (people_claims.h): the life dates a text states for a person it names — "NAME
// died in 2012", "NAME, who died on 5 December 2013", "NAME passed away in March 2001", "NAME, born
// in 1950,", "NAME was born on June 14, 1946", "NAME (1918–2013)", "NAME (born 1946)". A date counts
// when it is absolute, in the verb's own clause (no comma or parenthesis between), right after "in"
// or "on", within a few words of the verb: "died in hospital in 2013", not "died two years after
// the 2011 election" or "died in the 2004 tsunami". The verbs are the lexicon's (death_verbs,
// birth_verbs); the judgement is check_people.cpp's. A death told as recent ("NAME, who died on
// Friday", "died yesterday") is a claim of its own (recent, no year), judged against the time of
// writing; an age in the death's clause ("died on Friday aged 85") is the age at death.

#include <algorithm>
#include <array>
#include <string>

#include "lexicon.h"
#include "people_claims.h"
#include "mentions.h"

namespace factlint {
namespace {

constexpr size_t kMaxGapWords = 6;  // words between the verb and the date's preposition

class LifeFinder {
 public:
  LifeFinder(const FoldedView& t, const Sentences& sentences, const std::vector<PersonMention>& persons,
             std::vector<PeopleClaim>* out)
      : t_(t), sent_(sentences), persons_(persons), out_(out) {}

  void Run() {
    for (size_t mi = 0; mi < persons_.size(); ++mi) {
      const PersonMention& m = persons_[mi];
      if (m.person < 0) continue;
      const uint32_t hi = sent_.end[static_cast<size_t>(m.sentence)];
      const uint32_t q = t_.SkipSpacesFwd(m.end, hi);
      if (q < hi && t_[q] == '(') {
        Parenthesis(static_cast<int>(mi), q, hi);
      } else {
        // "NAME, a former premier, died on Friday": the verb after a title in apposition.
        const uint32_t a = m.apposition_end;
        Verb(static_cast<int>(mi), a && a < hi && t_[a] == ',' ? a : m.end, hi);
      }
    }
  }

 private:
  // The absolute time expression of sentence s that starts at the first word at or after pos, or
  // (with a preposition "in"/"on" right before it) within kMaxGapWords words of pos with nothing
  // but words and spaces between; nullptr when none.
  const TimeExpr* DateAfter(int s, uint32_t pos, uint32_t hi, bool bare) const {
    const std::span<const TimeExpr> ts = sent_.TimesOf(static_cast<size_t>(s));
    auto it = std::lower_bound(ts.begin(), ts.end(), pos, [](const TimeExpr& te, uint32_t p) { return te.start < p; });
    if (it == ts.end() || it->year == 0 || it->relative_unit != 0 || it->start >= hi) return nullptr;
    size_t words = 0;
    for (uint32_t i = pos; i < it->start;) {
      if (t_.Space(i)) {
        ++i;
        continue;
      }
      if (!t_.WordByte(i) || words > kMaxGapWords) return nullptr;  // bounded: a few words at most
      while (i < it->start && t_.WordByte(i)) ++i;
      ++words;
    }
    if (bare && words == 0) return &*it;
    if (words == 0 || words > kMaxGapWords + 1) return nullptr;
    return it->preposition == "in" || it->preposition == "on" ? &*it : nullptr;
  }

  void Add(PeopleClaimKind kind, int mi, uint32_t start, const TimeExpr& te) {
    PeopleClaim c;
    c.kind = kind;
    c.mention = mi;
    c.sentence = persons_[static_cast<size_t>(mi)].sentence;
    c.start = start;
    c.end = static_cast<uint32_t>(te.end);
    c.vstart = static_cast<uint32_t>(te.start);
    c.vend = static_cast<uint32_t>(te.end);
    c.year = te.year;
    c.month = te.precision == TimePrecision::kYear ? 0 : te.month;
    c.day = te.precision == TimePrecision::kDay ? te.day : 0;
    out_->push_back(std::move(c));
  }

  // "NAME died in 2012", "NAME, who had died on ...", "NAME, born in 1950", "NAME was born in ...".
  void Verb(int mi, uint32_t p, uint32_t hi) {
    const PersonMention& m = persons_[static_cast<size_t>(mi)];
    uint32_t i = p;
    bool comma = false;
    if (i < hi && t_[i] == ',') {
      comma = true;
      ++i;
    }
    std::array<std::string_view, 4> w;
    std::array<uint32_t, 4> ends{};
    uint32_t at = i;
    for (size_t k = 0; k < w.size(); ++k) {
      auto [ws, we] = t_.WordAfter(at, hi);
      w[k] = t_.F(ws, we);
      ends[k] = at = we;
      if (w[k].empty()) break;
    }
    size_t k = 0;
    if (comma && w[k] == "who") ++k;
    if (!comma && w[k] == "who") return;
    if (w[k] == "had" || w[k] == "has") ++k;
    // One or two words of a verb: "died", "passed away", "was born", "born" (after a comma only).
    for (size_t len = 2; len >= 1; --len) {
      if (k + len > w.size() || w[k + len - 1].empty()) continue;
      std::string words(w[k]);
      if (len == 2) {
        words += ' ';
        words += w[k + 1];
      }
      PeopleClaimKind kind;
      if (IsDeathVerb(words)) {
        kind = PeopleClaimKind::kDied;
      } else if (IsBirthVerb(words) && (comma || words != "born")) {
        kind = PeopleClaimKind::kBorn;
      } else {
        continue;
      }
      const TimeExpr* te = DateAfter(m.sentence, ends[k + len - 1], hi, false);
      if (te) Add(kind, mi, m.start, *te);
      if (kind != PeopleClaimKind::kDied) return;
      uint32_t after = te ? static_cast<uint32_t>(te->end) : ends[k + len - 1];
      if (!te && m.full) after = RecentDeath(mi, after, hi);
      AgeAtDeath(mi, after, hi);
      return;
    }
  }

  // "NAME, who died on Friday", "NAME died yesterday": a death told as recent, judged against the
  // time of writing (recent = true, no year). A full name only: a surname may be a namesake's.
  // Returns where the recency words end, or pos.
  uint32_t RecentDeath(int mi, uint32_t pos, uint32_t hi) {
    auto [ws, we] = t_.WordAfter(pos, hi);
    if (ws == we) return pos;  // WordAfter skips only spaces before the word
    std::string_view w = t_.F(ws, we);
    uint32_t end = 0;
    if (IsIn(w, {"yesterday", "overnight"})) {
      end = we;
    } else if (IsIn(w, {"on", "last", "this"})) {
      auto [ns, ne] = t_.WordAfter(we, hi);
      std::string_view n = t_.F(ns, ne);
      const bool day = IsWeekday(n) || (w != "on" && IsIn(n, {"week", "night", "morning", "weekend"}));
      if (ns < ne && day) end = ne;
    }
    if (end == 0) return pos;
    PeopleClaim c;
    c.kind = PeopleClaimKind::kDied;
    c.mention = mi;
    c.sentence = persons_[static_cast<size_t>(mi)].sentence;
    c.start = persons_[static_cast<size_t>(mi)].start;
    c.end = end;
    c.vstart = ws;
    c.vend = end;
    c.recent = true;
    out_->push_back(std::move(c));
    return end;
  }

  // "NAME died on Friday aged 85", "NAME, who died in 2012, aged 85", "... at the age of 85": the
  // age at death, in the death's clause (one comma may stand right before "aged"); nothing about
  // anyone else between ("died with his wife, aged 80": hers, perhaps).
  void AgeAtDeath(int mi, uint32_t pos, uint32_t hi) {
    uint32_t at = pos;
    for (size_t words = 0; words < kMaxGapWords; ++words) {
      bool comma = false;
      const uint32_t q = t_.SkipSpacesFwd(at, hi);
      auto [ws, we] = t_.WordAfter(q < hi && t_[q] == ',' ? q + 1 : q, hi);
      if (ws == we) return;
      for (uint32_t i = at; i < ws; ++i) {
        if (t_[i] == ',' && !comma) comma = true;
        else if (!t_.Space(i)) return;
      }
      std::string_view w = t_.F(ws, we);
      uint32_t number = 0;
      if (w == "aged") number = t_.SkipSpacesFwd(we, hi);
      else if (w == "at" && !comma) number = AfterWords(we, hi, {"the", "age", "of"});
      if (number) {
        auto [ns, ne] = t_.WordAfter(number, hi);
        int n = 0;
        bool digits = ns == number && ne - ns <= 3;
        for (uint32_t i = ns; digits && i < ne; ++i) {
          digits = t_[i] >= '0' && t_[i] <= '9';
          n = n * 10 + (t_[i] - '0');
        }
        if (!digits || n < 18 || n > 115) return;
        const PersonMention& m = persons_[static_cast<size_t>(mi)];
        PeopleClaim c;
        c.kind = PeopleClaimKind::kAge;
        c.mention = mi;
        c.sentence = m.sentence;
        c.start = m.start;
        c.end = ne;
        c.vstart = ns;
        c.vend = ne;
        c.number = n;
        c.at_death = true;
        out_->push_back(std::move(c));
        return;
      }
      if (comma || IsIn(w, {"and", "with", "his", "her", "their", "its", "who", "after", "when"})) return;
      at = we;
    }
  }

  // The position after `words` read one by one from pos (separated by spaces), or 0.
  uint32_t AfterWords(uint32_t pos, uint32_t hi, std::initializer_list<std::string_view> words) const {
    for (std::string_view w : words) {
      auto [ws, we] = t_.WordAfter(pos, hi);
      if (t_.F(ws, we) != w) return 0;
      pos = we;
    }
    return t_.SkipSpacesFwd(pos, hi);
  }

  // "NAME (1918–2013)", "NAME (1918-2013)", "NAME (born 1946)", "NAME (born June 14, 1946)".
  void Parenthesis(int mi, uint32_t q, uint32_t hi) {
    const PersonMention& m = persons_[static_cast<size_t>(mi)];
    uint32_t i = q + 1;
    int born = 0, died = 0;
    uint32_t e = ReadYear(i, hi, &born);
    if (e > i) {
      uint32_t d = Dash(e, hi);
      if (d == e) return;
      uint32_t e2 = ReadYear(d, hi, &died);
      if (e2 == d || e2 >= hi || t_[e2] != ')' || died < born || died - born > 120) return;
      TimeExpr b, x;  // years alone
      b.start = i, b.end = e, b.year = born;
      x.start = d, x.end = e2, x.year = died;
      Add(PeopleClaimKind::kBorn, mi, m.start, b);
      out_->back().end = e2 + 1;
      Add(PeopleClaimKind::kDied, mi, m.start, x);
      out_->back().end = e2 + 1;
      return;
    }
    auto [bs, be] = t_.WordAfter(i, hi);
    if (t_.F(bs, be) != "born") return;
    const TimeExpr* te = DateAfter(m.sentence, be, hi, true);
    if (te == nullptr) return;
    const uint32_t close = t_.SkipSpacesFwd(static_cast<uint32_t>(te->end), hi);
    if (close >= hi || t_[close] != ')') return;
    Add(PeopleClaimKind::kBorn, mi, m.start, *te);
    out_->back().end = close + 1;
  }

  // Four digits at pos (a year from 1000), not followed by another digit; the end, or pos.
  uint32_t ReadYear(uint32_t pos, uint32_t hi, int* year) const {
    if (pos + 4 > hi) return pos;
    int v = 0;
    for (uint32_t k = pos; k < pos + 4; ++k) {
      if (t_[k] < '0' || t_[k] > '9') return pos;
      v = v * 10 + (t_[k] - '0');
    }
    if ((pos + 4 < hi && t_[pos + 4] >= '0' && t_[pos + 4] <= '9') || v < 1000) return pos;
    *year = v;
    return pos + 4;
  }

  // A hyphen, an en dash or an em dash at pos: the byte after it, or pos.
  uint32_t Dash(uint32_t pos, uint32_t hi) const {
    if (pos < hi && t_[pos] == '-') return pos + 1;
    if (pos + 3 <= hi && t_[pos] == '\xe2' && t_[pos + 1] == '\x80' && (t_[pos + 2] == '\x93' || t_[pos + 2] == '\x94'))
      return pos + 3;
    return pos;
  }

  const FoldedView& t_;
  const Sentences& sent_;
  const std::vector<PersonMention>& persons_;
  std::vector<PeopleClaim>* out_;
};

}  // namespace

void FindLifeDateClaims(const FoldedView& text, const Sentences& sentences, const std::vector<PersonMention>& persons,
                        std::vector<PeopleClaim>* out) {
  LifeFinder(text, sentences, persons, out).Run();
}

}  // namespace factlint
