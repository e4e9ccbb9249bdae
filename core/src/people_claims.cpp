// FindPeopleClaims (people_claims.h): short look-arounds from each person mention, and from
// each "N-year-old" and ordinal word, in the folded text. Nothing here asks the KB about a
// person: the check (check_people.cpp) judges each claim at its time.

#include "people_claims.h"

#include <algorithm>
#include <array>
#include <tuple>

#include "lexicon.h"
#include "mentions.h"
#include "timex.h"

namespace factlint {
namespace {

struct StateRow {
  std::string_view code, ap, full;
};

// AP style abbreviations (AP Stylebook: eight states are spelled out), postal codes, full names.
constexpr std::array<StateRow, 56> kStates = {{
    {"AL", "Ala.", "Alabama"}, {"AK", "Alaska", "Alaska"}, {"AZ", "Ariz.", "Arizona"},
    {"AR", "Ark.", "Arkansas"}, {"CA", "Calif.", "California"}, {"CO", "Colo.", "Colorado"},
    {"CT", "Conn.", "Connecticut"}, {"DE", "Del.", "Delaware"}, {"FL", "Fla.", "Florida"},
    {"GA", "Ga.", "Georgia"}, {"HI", "Hawaii", "Hawaii"}, {"ID", "Idaho", "Idaho"},
    {"IL", "Ill.", "Illinois"}, {"IN", "Ind.", "Indiana"}, {"IA", "Iowa", "Iowa"},
    {"KS", "Kan.", "Kansas"}, {"KY", "Ky.", "Kentucky"}, {"LA", "La.", "Louisiana"},
    {"ME", "Maine", "Maine"}, {"MD", "Md.", "Maryland"}, {"MA", "Mass.", "Massachusetts"},
    {"MI", "Mich.", "Michigan"}, {"MN", "Minn.", "Minnesota"}, {"MS", "Miss.", "Mississippi"},
    {"MO", "Mo.", "Missouri"}, {"MT", "Mont.", "Montana"}, {"NE", "Neb.", "Nebraska"},
    {"NV", "Nev.", "Nevada"}, {"NH", "N.H.", "New Hampshire"}, {"NJ", "N.J.", "New Jersey"},
    {"NM", "N.M.", "New Mexico"}, {"NY", "N.Y.", "New York"}, {"NC", "N.C.", "North Carolina"},
    {"ND", "N.D.", "North Dakota"}, {"OH", "Ohio", "Ohio"}, {"OK", "Okla.", "Oklahoma"},
    {"OR", "Ore.", "Oregon"}, {"PA", "Pa.", "Pennsylvania"}, {"RI", "R.I.", "Rhode Island"},
    {"SC", "S.C.", "South Carolina"}, {"SD", "S.D.", "South Dakota"}, {"TN", "Tenn.", "Tennessee"},
    {"TX", "Texas", "Texas"}, {"UT", "Utah", "Utah"}, {"VT", "Vt.", "Vermont"},
    {"VA", "Va.", "Virginia"}, {"WA", "Wash.", "Washington"}, {"WV", "W.Va.", "West Virginia"},
    {"WI", "Wis.", "Wisconsin"}, {"WY", "Wyo.", "Wyoming"}, {"DC", "D.C.", "District of Columbia"},
    {"PR", "P.R.", "Puerto Rico"}, {"GU", "Guam", "Guam"}, {"VI", "V.I.", "Virgin Islands"},
    {"AS", "American Samoa", "American Samoa"}, {"MP", "N. Mariana Islands", "Northern Mariana Islands"},
}};

// Older or variant spellings still seen in copy.
struct Variant {
  std::string_view folded, code;
};
constexpr std::array<Variant, 8> kVariants = {{{"tex.", "TX"}, {"penn.", "PA"}, {"wisc.", "WI"},
                                               {"nebr.", "NE"}, {"w. va.", "WV"}, {"calif", "CA"},
                                               {"mass", "MA"}, {"fla", "FL"}}};

constexpr std::array<std::string_view, 10> kOrdinalWords = {"first", "second", "third", "fourth", "fifth",
                                                    "sixth", "seventh", "eighth", "ninth", "tenth"};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads a decimal number of at most `max_digits` at pos (not followed by a word byte); returns
// its end, or pos when there is none.
uint32_t ReadNumber(const FoldedView& t, uint32_t pos, uint32_t hi, int max_digits, int* value) {
  uint32_t e = pos;
  int v = 0;
  while (e < hi && IsDigit(t[e]) && static_cast<int>(e - pos) < max_digits + 1) v = v * 10 + (t[e++] - '0');
  if (e == pos || static_cast<int>(e - pos) > max_digits) return pos;
  *value = v;
  return e;
}

bool Starts(const FoldedView& t, uint32_t pos, uint32_t hi, std::string_view s) {
  return pos + s.size() <= hi && t.F(pos, pos + static_cast<uint32_t>(s.size())) == s;
}

// A word ends at pos: the next byte is not a word byte.
bool WordEnds(const FoldedView& t, uint32_t pos, uint32_t hi) { return pos >= hi || !t.WordByte(pos); }

class Finder {
 public:
  Finder(const KbIndex& index, const FoldedView& text, const Sentences& sentences, const PhraseHits& hits,
         const std::vector<PersonMention>& persons, const std::vector<std::vector<size_t>>& in_sentence)
      : index_(index), t_(text), sent_(sentences), ph_(hits), persons_(persons), in_sentence_(in_sentence) {}

  std::vector<PeopleClaim> Find() {
    for (size_t i = 0; i < persons_.size(); ++i) {
      AfterMention(static_cast<int>(i));
      BeforeMention(static_cast<int>(i));
    }
    for (size_t s = 0; s < sent_.size(); ++s) ScanSentence(static_cast<int>(s));
    FindLifeDateClaims(t_, sent_, persons_, &out_);
    std::sort(out_.begin(), out_.end(), [](const PeopleClaim& a, const PeopleClaim& b) {
      return a.start != b.start ? a.start < b.start : a.end < b.end;
    });
    return std::move(out_);
  }

 private:
  uint32_t Hi(int s) const { return sent_.end[static_cast<size_t>(s)]; }
  uint32_t Lo(int s) const { return sent_.start[static_cast<size_t>(s)]; }

  // The offices a title phrase starting at pos names, and its end; {} when none starts there.
  std::vector<int> TitleAt(uint32_t pos, uint32_t* end) const {
    std::vector<int> offices;
    auto it = ph_.title_by_start.find(pos);
    if (it == ph_.title_by_start.end()) return offices;
    const auto& hit = ph_.hits[it->second];
    AppendRefs(index_, hit.pattern, PhraseKind::kTitle, &offices);
    *end = hit.end;
    return offices;
  }
  // A jurisdiction phrase at pos ("U.S.", "British"); its end, or pos.
  uint32_t JurisdictionAt(uint32_t pos) const {
    auto it = ph_.jur_by_start.find(pos);
    return it == ph_.jur_by_start.end() ? pos : ph_.hits[it->second].end;
  }

  // "N-year-old" at pos: the age and the end, or 0.
  int YearOld(uint32_t pos, uint32_t hi, uint32_t* end) const {
    int n = 0;
    uint32_t e = ReadNumber(t_, pos, hi, 3, &n);
    if (e == pos || !Starts(t_, e, hi, "-year-old")) return 0;
    e += 9;
    if (!WordEnds(t_, e, hi)) return 0;
    *end = e;
    return n;
  }

  // A claim of `kind` in sentence s about a mention (-1: candidates), spanning [start, end) with
  // its value at [vs, ve).
  static PeopleClaim Make(PeopleClaimKind kind, int s, int mention, uint32_t start, uint32_t end, uint32_t vs,
                          uint32_t ve, int number = 0) {
    PeopleClaim c;
    c.kind = kind;
    c.sentence = s;
    c.mention = mention;
    c.start = start;
    c.end = end;
    c.vstart = vs;
    c.vend = ve;
    c.number = number;
    return c;
  }

  void AddAge(int mention, int s, uint32_t start, uint32_t end, uint32_t vs, uint32_t ve, int n) {
    if (n >= 18 && n <= 115) out_.push_back(Make(PeopleClaimKind::kAge, s, mention, start, end, vs, ve, n));
  }

  // A state spelling at pos followed by one of the closing bytes; the code and the end.
  std::string_view StateAt(uint32_t pos, uint32_t hi, uint32_t* end, StateStyle* style, bool words) const {
    std::string_view best;
    uint32_t best_end = pos;
    auto consider = [&](std::string_view spelling, std::string_view code, StateStyle st) {
      std::string f = Lower(spelling);
      if (!Starts(t_, pos, hi, f)) return;
      uint32_t e = pos + static_cast<uint32_t>(f.size());
      if (f.back() != '.' && !WordEnds(t_, e, hi)) return;
      if (e > best_end) {
        best = code;
        best_end = e;
        *style = st;
      }
    };
    for (const StateRow& r : kStates) {
      if (words) {
        consider(r.full, r.code, StateStyle::kFull);
        continue;
      }
      consider(r.ap, r.code, r.ap == r.full ? StateStyle::kFull : StateStyle::kAp);
      consider(r.full, r.code, StateStyle::kFull);
      // A postal code is two capitals in the original.
      if (t_.UpperAt(pos) && pos + 1 < hi && t_.UpperAt(pos + 1)) consider(r.code, r.code, StateStyle::kPostal);
    }
    if (!words)
      for (const Variant& v : kVariants) consider(v.folded, v.code, StateStyle::kAp);
    *end = best_end;
    return best;
  }

  // "D-N.Y." at pos: the party letter, the state and the end; 0 when none.
  char PartyTag(uint32_t pos, uint32_t hi, uint32_t* end, std::string* state, StateStyle* style) const {
    if (pos + 2 >= hi || t_[pos + 1] != '-' || !t_.UpperAt(pos)) return 0;
    char p = t_[pos];
    if (p != 'd' && p != 'r' && p != 'i') return 0;
    uint32_t e = pos + 2;
    std::string_view code = StateAt(e, hi, &e, style, false);
    if (code.empty()) return 0;
    *state = std::string(code);
    *end = e;
    return static_cast<char>(p - 32);
  }

  void AddParty(int mention, int s, uint32_t start, uint32_t end, uint32_t vs, uint32_t ve, char party,
                std::string state, StateStyle style, bool word_party) {
    PeopleClaim c = Make(PeopleClaimKind::kParty, s, mention, start, end, vs, ve);
    c.party = party;
    c.state = std::move(state);
    c.style = style;
    c.word_party = word_party;
    out_.push_back(std::move(c));
  }

  void AfterMention(int mi) {
    const PersonMention& m = persons_[static_cast<size_t>(mi)];
    const int s = m.sentence;
    const uint32_t hi = Hi(s);
    uint32_t p = m.end;
    if (p >= hi) return;
    // "NAME (64)", "NAME (D-N.Y.)"
    uint32_t q = t_.SkipSpacesFwd(p, hi);
    if (q < hi && t_[q] == '(') {
      int n = 0;
      uint32_t e = ReadNumber(t_, q + 1, hi, 3, &n);
      if (e > q + 1 && e < hi && t_[e] == ')') AddAge(mi, s, m.start, e + 1, q + 1, e, n);
      std::string state;
      StateStyle style;
      char party = PartyTag(q + 1, hi, &e, &state, &style);
      if (party && e < hi && (t_[e] == ')' || t_[e] == ',' || t_[e] == '-'))
        AddParty(mi, s, m.start, t_[e] == ')' ? e + 1 : e, q + 1, e, party, std::move(state), style, false);
      return;
    }
    if (t_[p] == ',' || t_[p] == ' ') AfterComma(mi, p, hi);
    // "NAME's second term began in 2013"
    if (t_[p] == '\'' && p + 1 < hi && t_[p + 1] == 's' && WordEnds(t_, p + 2, hi)) TermPhrase(mi, p + 2, hi, true);
    // "NAME, the former premier of Saxony, said on Monday": the act after the title in apposition.
    const uint32_t a = persons_[static_cast<size_t>(mi)].apposition_end;
    Acts(mi, a && a + 1 < hi && t_[a] == ',' ? a + 1 : p, hi);
  }

  // The forms after "NAME," (or "NAME " for tenure and acts).
  void AfterComma(int mi, uint32_t p, uint32_t hi) {
    const PersonMention& m = persons_[static_cast<size_t>(mi)];
    const int s = m.sentence;
    const bool comma = t_[p] == ',';
    uint32_t q = t_.SkipSpacesFwd(comma ? p + 1 : p, hi);
    if (q >= hi) return;
    if (comma) {
      // "NAME, 81,"
      int n = 0;
      uint32_t e = ReadNumber(t_, q, hi, 3, &n);
      if (e > q && (e >= hi || t_[e] == ',' || t_[e] == ';' || t_[e] == ')' ||
                    (t_[e] == '.' && t_.SkipSpacesFwd(e + 1, hi) >= hi)))
        AddAge(mi, s, m.start, e, q, e, n);
      // "NAME, aged 64"
      if (Starts(t_, q, hi, "aged ")) {
        uint32_t v = t_.SkipSpacesFwd(q + 5, hi);
        e = ReadNumber(t_, v, hi, 3, &n);
        if (e > v && WordEnds(t_, e, hi)) AddAge(mi, s, m.start, e, v, e, n);
      }
      // "NAME, the 78-year-old ..."
      for (std::string_view det : {"the ", "a ", "an "}) {
        if (!Starts(t_, q, hi, det)) continue;
        uint32_t v = q + static_cast<uint32_t>(det.size());
        uint32_t e2 = 0;
        n = YearOld(v, hi, &e2);
        if (n) AddAge(mi, s, m.start, e2, v, v + static_cast<uint32_t>(std::to_string(n).size()), n);
      }
      // "NAME, D-Calif.,"
      std::string state;
      StateStyle style;
      char party = PartyTag(q, hi, &e, &state, &style);
      if (party && (e >= hi || t_[e] == ',' || t_[e] == ';' || t_[e] == ')' || t_[e] == ' ' || t_[e] == '.'))
        AddParty(mi, s, m.start, e, q, e, party, std::move(state), style, false);
      // "NAME, a Democrat of Illinois", "NAME, the Republican from Texas", "NAME, Democrat of Illinois"
      uint32_t w = q;
      for (std::string_view det : {"a ", "an ", "the "})
        if (Starts(t_, w, hi, det)) w += static_cast<uint32_t>(det.size());
      for (auto [word, letter] : {std::pair<std::string_view, char>{"democrat", 'D'}, {"republican", 'R'},
                                  {"independent", 'I'}}) {
        if (!Starts(t_, w, hi, word)) continue;
        uint32_t after = w + static_cast<uint32_t>(word.size());
        if (!Starts(t_, after, hi, " of ") && !Starts(t_, after, hi, " from ")) continue;
        uint32_t st = after + (t_[after + 1] == 'o' ? 4 : 6);
        if (!t_.UpperAt(st)) continue;
        uint32_t e3 = st;
        StateStyle sty;
        std::string_view code = StateAt(st, hi, &e3, &sty, true);
        if (code.empty() || !WordEnds(t_, e3, hi)) continue;
        AddParty(mi, s, m.start, e3, w, e3, letter, std::string(code), StateStyle::kFull, true);
      }
    }
    Tenure(mi, q, hi);
    Term(mi, q, hi);
  }

  // Tenure phrases after the name: "[, who] took office in 2008", "[, who] became prime minister
  // in 2019", "[, who was] first elected in 2010", "[, who has been] in office since 2015",
  // "[, the] chancellor since 2005".
  void Tenure(int mi, uint32_t q, uint32_t hi) {
    const PersonMention& m = persons_[static_cast<size_t>(mi)];
    uint32_t w = q;
    // Fillers between the name and the phrase.
    for (int k = 0; k < 4; ++k) {
      auto [ws, we] = t_.WordAfter(w, hi);
      if (ws == we || !IsIn(t_.F(ws, we), {"who", "has", "had", "been", "was", "is", "the", "a", "then", "once"}))
        break;
      w = we;
    }
    w = t_.SkipSpacesFwd(w, hi);
    PeopleClaim c = Make(PeopleClaimKind::kTenure, m.sentence, mi, m.start, 0, 0, 0);
    uint32_t year_at = 0;
    auto year_after = [&](uint32_t pos, std::string_view prep) -> uint32_t {
      pos = t_.SkipSpacesFwd(pos, hi);
      if (!Starts(t_, pos, hi, prep)) return 0;
      pos = t_.SkipSpacesFwd(pos + static_cast<uint32_t>(prep.size()), hi);
      int y = 0;
      uint32_t e = ReadNumber(t_, pos, hi, 4, &y);
      if (e != pos + 4 || !WordEnds(t_, e, hi) || y < 1700) return 0;
      c.number = y;
      c.vstart = pos;
      c.vend = e;
      return pos;
    };
    if (Starts(t_, w, hi, "took office") || Starts(t_, w, hi, "assumed office")) {
      year_at = year_after(t_.WordAfter(t_.WordAfter(w, hi).second, hi).second, "in ");
    } else if (Starts(t_, w, hi, "in office since")) {
      year_at = year_after(w + 9, "since ");
    } else if (Starts(t_, w, hi, "first elected")) {
      c.tenure = TenureMeaning::kElected;
      year_at = year_after(w + 13, "in ");
    } else if (Starts(t_, w, hi, "became ")) {
      uint32_t v = t_.SkipSpacesFwd(w + 7, hi);
      if (Starts(t_, v, hi, "the ")) v += 4;
      v = t_.SkipSpacesFwd(JurisdictionAt(v), hi);
      if (v + 2 < hi && t_[v] == '\'' && t_[v + 1] == 's') v = t_.SkipSpacesFwd(v + 2, hi);
      uint32_t te = v;
      c.offices = TitleAt(v, &te);
      if (!c.offices.empty()) year_at = year_after(te, "in ");
    } else {
      uint32_t te = w;
      c.offices = TitleAt(t_.SkipSpacesFwd(JurisdictionAt(w), hi), &te);
      if (!c.offices.empty()) year_at = year_after(te, "since ");
    }
    if (!year_at) return;
    c.end = c.vend;
    out_.push_back(std::move(c));
  }

  // Numbered terms after the name: "[, who is] now in his second term", "[, ] serving her third
  // term", "[, who] began his second term in 2013", "[ was] sworn in for a second term in 2017",
  // "[ has] won a third term in 2005", "[, who was] re-elected to a second term in 2012". The
  // term in force needs a present-tense marker ("now", "currently", "is", "serving"): "NAME, in
  // his first term, signed ..." may look back from a later time.
  void Term(int mi, uint32_t q, uint32_t hi) {
    uint32_t w = q;
    bool present = false, past = false;
    for (int k = 0; k < 4; ++k) {
      auto [ws, we] = t_.WordAfter(w, hi);
      std::string_view f = t_.F(ws, we);
      if (ws == we || !IsIn(f, {"who", "is", "was", "has", "had", "been", "now", "currently", "then"})) break;
      present = present || IsIn(f, {"now", "currently", "is"});
      past = past || IsIn(f, {"was", "had", "then"});
      w = we;
    }
    auto [vs, ve] = t_.WordAfter(w, hi);
    if (vs == ve) return;
    std::string_view verb = t_.F(vs, ve);
    PeopleClaim c = Make(PeopleClaimKind::kTerm, persons_[static_cast<size_t>(mi)].sentence, mi,
                         persons_[static_cast<size_t>(mi)].start, 0, 0, 0);
    if (IsIn(verb, {"in", "serving"})) {
      if (past || !(present || verb == "serving")) return;
    } else if (IsIn(verb, {"began", "begins", "started", "starts"})) {
      c.year = -1;
    } else if (verb == "sworn" && Starts(t_, ve, hi, " in for ")) {
      ve += 8;
      c.year = -1;
    } else if (IsIn(verb, {"won", "wins", "secured", "elected", "re", "reelected"})) {
      if (verb == "re") {  // "re-elected"
        if (!Starts(t_, ve, hi, "-elected")) return;
        ve += 8;
      }
      c.tenure = TenureMeaning::kElected;
      c.year = -1;
      auto [ps, pe] = t_.WordAfter(ve, hi);
      if (IsIn(verb, {"elected", "re", "reelected"})) {
        if (t_.F(ps, pe) != "to" && t_.F(ps, pe) != "for") return;
        ve = pe;
      }
    } else {
      return;
    }
    TermRest(std::move(c), ve, hi, false);
  }
  void TermPhrase(int mi, uint32_t p, uint32_t hi, bool possessive) {
    PeopleClaim c = Make(PeopleClaimKind::kTerm, persons_[static_cast<size_t>(mi)].sentence, mi,
                         persons_[static_cast<size_t>(mi)].start, 0, 0, 0);
    c.year = -1;
    TermRest(std::move(c), p, hi, possessive);
  }

  // From after the verb: "(his|her|their|a) ORDINAL term [in office] [as TITLE]", then for a
  // begun or won term "in YEAR" (after "began" when possessive: "NAME's second term began in").
  void TermRest(PeopleClaim c, uint32_t p, uint32_t hi, bool possessive) {
    auto [ds, de] = t_.WordAfter(p, hi);
    if (!possessive) {
      if (ds == de || !IsIn(t_.F(ds, de), {"his", "her", "their", "a"})) return;
      std::tie(ds, de) = t_.WordAfter(de, hi);
    }
    c.number = OrdinalValue(t_.F(ds, de));
    if (!c.number) return;
    c.vstart = ds;
    c.vend = de;
    auto [ts, te] = t_.WordAfter(de, hi);
    if (t_.F(ts, te) != "term") return;
    uint32_t end = te;
    if (Starts(t_, end, hi, " in office")) end += 10;
    if (Starts(t_, end, hi, " as ")) {
      uint32_t v = t_.SkipSpacesFwd(end + 4, hi);
      if (Starts(t_, v, hi, "the ")) v += 4;
      v = t_.SkipSpacesFwd(JurisdictionAt(v), hi);
      uint32_t title_end = v;
      c.offices = TitleAt(v, &title_end);
      if (!c.offices.empty()) end = title_end;
    }
    if (c.year == 0) {
      c.end = end;
      out_.push_back(std::move(c));
      return;
    }
    uint32_t y = end;
    if (possessive) {
      auto [bs, be] = t_.WordAfter(y, hi);
      if (!IsIn(t_.F(bs, be), {"began", "begins", "started", "starts"})) return;
      y = be;
    }
    y = t_.SkipSpacesFwd(y, hi);
    if (!Starts(t_, y, hi, "in ")) return;
    y = t_.SkipSpacesFwd(y + 3, hi);
    uint32_t e = ReadNumber(t_, y, hi, 4, &c.year);
    if (e != y + 4 || !WordEnds(t_, e, hi) || c.year < 1700) return;
    c.ystart = y;
    c.yend = e;
    c.end = e;
    out_.push_back(std::move(c));
  }

  // "second" -> 2, "2nd" -> 2 (first .. tenth, 1st .. 99th); 0 for none.
  static int OrdinalValue(std::string_view w) {
    for (size_t i = 0; i < kOrdinalWords.size(); ++i)
      if (w == kOrdinalWords[i]) return static_cast<int>(i) + 1;
    int n = 0;
    size_t k = 0;
    while (k < w.size() && k < 2 && IsDigit(w[k])) n = n * 10 + (w[k++] - '0');
    return k > 0 && n > 0 && OrdinalText(n) == w ? n : 0;
  }

  // "NAME said on Tuesday", "NAME told reporters", "NAME says", "NAME will visit".
  void Acts(int mi, uint32_t p, uint32_t hi) {
    const PersonMention& m = persons_[static_cast<size_t>(mi)];
    auto [ws, we] = t_.WordAfter(p, hi);
    if (ws == we || ws != p + 1 || t_[p] != ' ') return;
    std::string_view w = t_.F(ws, we);
    PeopleClaim c = Make(PeopleClaimKind::kActs, m.sentence, mi, m.start, we, 0, 0);
    if (IsIn(w, {"says", "tells", "will", "insists", "plans", "wants", "thinks", "believes", "argues", "warns"})) {
      if (w == "will") {
        auto [vs, ve] = t_.WordAfter(we, hi);
        if (vs == ve || IsIn(t_.F(vs, ve), {"be", "have", "always", "never", "forever", "long"})) return;
        c.end = ve;
      }
      c.recent = true;
    } else if (IsIn(w, {"said", "told", "announced", "visited", "met", "warned", "urged", "added"})) {
      // A recency word in the next few words: "said on Tuesday", "told reporters yesterday".
      uint32_t x = we;
      for (int k = 0; k < 8 && x < hi; ++k) {
        auto [a, b] = t_.WordAfter(x, hi);
        if (a == b) break;
        std::string_view v = t_.F(a, b);
        if (IsWeekday(v) || IsIn(v, {"yesterday", "today", "tonight"}) ||
            ((v == "this" || v == "last") && IsIn(t_.F(t_.WordAfter(b, hi).first, t_.WordAfter(b, hi).second),
                                                  {"week", "morning", "evening", "weekend"}))) {
          c.recent = true;
          c.end = (v == "this" || v == "last") ? t_.WordAfter(b, hi).second : b;
          break;
        }
        // A clause or sentence boundary ends the search.
        bool stop = false;
        for (uint32_t z = x; z < a; ++z) stop = stop || t_[z] == ',' || t_[z] == ';' || t_[z] == '"';
        if (stop) break;
        x = b;
      }
      if (!c.recent) return;
    } else {
      return;
    }
    out_.push_back(std::move(c));
  }

  // Before the name: "the late [Title] NAME", "the 78-year-old [title] NAME".
  void BeforeMention(int mi) {
    const PersonMention& m = persons_[static_cast<size_t>(mi)];
    const uint32_t lo = Lo(m.sentence);
    uint32_t pos = m.start;
    // Skip up to four capitalised words or a title phrase ("former", "U.S.", "President").
    for (int k = 0; k < 5; ++k) {
      auto [ws, we] = t_.WordBefore(pos, lo);
      if (ws == we) break;
      std::string_view w = t_.F(ws, we);
      if (w == "late") {
        auto [ds, de] = t_.WordBefore(ws, lo);
        // "late " (with its space) is what a fix removes.
        if (ds != de && IsIn(t_.F(ds, de), {"the", "her", "his", "their", "our"}))
          out_.push_back(Make(PeopleClaimKind::kLate, m.sentence, mi, ds, m.end, ws, t_.SkipSpacesFwd(we, m.end)));
        return;
      }
      // "78-year-old" ends here.
      uint32_t ds = ws;
      while (ds > lo && (t_.WordByte(ds - 1) || t_[ds - 1] == '-')) --ds;
      uint32_t ye = 0;
      int n = YearOld(ds, m.start, &ye);
      if (n && ye == we) {
        AddAge(mi, m.sentence, ds, m.end, ds, ds + static_cast<uint32_t>(std::to_string(n).size()), n);
        return;
      }
      if (!t_.UpperAt(ws) && w != "former" && w != "president" && w != "prime" && w != "minister") return;
      pos = ws;
      if (pos > lo && t_[pos - 1] == '-') --pos;
    }
  }

  // Per sentence: ordinals before a title ("the 46th president", "Britain's 57th prime
  // minister") and "the N-year-old <title>" without a name beside it.
  void ScanSentence(int s) {
    const uint32_t lo = Lo(s), hi = Hi(s);
    // The word that starts with a digit at i; the end of that word.
    auto number_word = [&](uint32_t i) {
      uint32_t e = i;
      while (e < hi && IsDigit(t_[e])) ++e;
      uint32_t we = e;
      while (we < hi && t_.WordByte(we)) ++we;
      std::string_view suffix = t_.F(e, we);
      if (IsIn(suffix, {"st", "nd", "rd", "th"}) && e - i <= 3) Ordinal(s, i, e, we);
      uint32_t ye = 0;
      int n = YearOld(i, hi, &ye);
      if (n) AgeByTitle(s, i, ye, n);
      return we;
    };
    if (!sent_.digit_from.empty()) {  // the words the sentence's tokenizer found (sentences.h)
      const size_t k = static_cast<size_t>(s);
      for (uint32_t w = sent_.digit_from[k]; w < sent_.digit_from[k + 1]; ++w) number_word(sent_.digit_words[w]);
      return;
    }
    const auto* p = reinterpret_cast<const unsigned char*>(t_.text().data());
    for (uint32_t i = lo; i < hi;) {
      // Most bytes are not digits: stepped over eight at a time.
      i = static_cast<uint32_t>(FindDigit(p, i, hi));
      if (i >= hi) break;
      if (i > lo && IsWordByte(p[i - 1])) {
        ++i;
        continue;
      }
      const uint32_t we = number_word(i);
      i = std::max(we, i + 1);
    }
  }

  // The mentions of sentence s, nearest to [a, b) first, within `reach` bytes.
  std::vector<int> Nearby(int s, uint32_t a, uint32_t b, uint32_t reach) const {
    std::vector<std::pair<uint32_t, int>> d;
    for (size_t mi : in_sentence_[static_cast<size_t>(s)]) {
      const PersonMention& m = persons_[mi];
      uint32_t dist = m.end <= a ? a - m.end : (m.start >= b ? m.start - b : 0);
      if (dist <= reach) d.push_back({dist, static_cast<int>(mi)});
    }
    std::sort(d.begin(), d.end());
    std::vector<int> out;
    for (auto [dist, mi] : d) out.push_back(mi);
    return out;
  }

  void Ordinal(int s, uint32_t i, uint32_t digits_end, uint32_t we) {
    const uint32_t hi = Hi(s);
    int n = 0;
    ReadNumber(t_, i, digits_end, 3, &n);
    if (n < 1) return;
    uint32_t v = t_.SkipSpacesFwd(we, hi);
    v = t_.SkipSpacesFwd(JurisdictionAt(v), hi);  // "the 46th U.S. president"
    uint32_t te = v;
    std::vector<int> offices = TitleAt(v, &te);
    if (offices.empty()) return;
    // The claim reads from "the"/"Britain's" before the ordinal to the title (and "of the X").
    uint32_t start = i;
    auto [ps, pe] = t_.WordBefore(i, Lo(s));
    if (ps != pe && (t_.F(ps, pe) == "the" || (pe >= ps + 2 && pe == i - 1 && t_[pe] == ' ' && t_[pe - 1] == 's' &&
                                                 t_[pe - 2] == '\'')))
      start = ps;
    if (ps != pe && t_.F(ps, pe) == "s" && ps >= 1 && t_[ps - 1] == '\'') {
      auto [js, je] = t_.WordBefore(ps - 1, Lo(s));
      if (js != je) start = js;
    }
    uint32_t end = te;
    if (Starts(t_, end, hi, " of ")) {
      uint32_t x = end + 4;
      if (Starts(t_, x, hi, "the ")) x += 4;
      uint32_t je = JurisdictionAt(x);
      if (je > x) end = je;
    }
    PeopleClaim c = Make(PeopleClaimKind::kOrdinal, s, -1, start, end, i, we, n);
    c.offices = std::move(offices);
    // The person: a name right beside the claim — "NAME, the 46th president", "NAME became the
    // 46th president", "the 46th president, NAME" — with nothing but fillers between.
    for (int mi : Nearby(s, start, end, 40)) {
      const PersonMention& m = persons_[static_cast<size_t>(mi)];
      bool ok = true;
      uint32_t a = m.end <= start ? m.end : end, b = m.end <= start ? start : m.start;
      for (uint32_t x = a; x < b && ok;) {
        if (!t_.WordByte(x)) {
          ok = t_[x] == ' ' || t_[x] == ',';
          ++x;
          continue;
        }
        uint32_t wend = x;
        while (wend < b && t_.WordByte(wend)) ++wend;
        ok = IsIn(t_.F(x, wend), {"who", "is", "was", "became", "becomes", "as", "the", "has", "been", "will", "be",
                                  "sworn", "in", "now"});
        x = wend;
      }
      if (ok) c.candidates.push_back(mi);
    }
    if (c.candidates.empty()) return;
    out_.push_back(std::move(c));
  }

  // "the 78-year-old president" with no name beside it: the latest person named before it (this
  // or the two sentences before) who held that office at the claim's time (the check decides).
  void AgeByTitle(int s, uint32_t i, uint32_t ye, int n) {
    const uint32_t hi = Hi(s);
    uint32_t v = t_.SkipSpacesFwd(ye, hi);
    v = t_.SkipSpacesFwd(JurisdictionAt(v), hi);
    uint32_t te = v;
    std::vector<int> offices = TitleAt(v, &te);
    if (offices.empty()) return;
    // A name right after the title belongs to BeforeMention ("78-year-old President Joe Biden").
    uint32_t after = t_.SkipSpacesFwd(te, hi);
    for (size_t mi : in_sentence_[static_cast<size_t>(s)])
      if (persons_[mi].start == after) return;
    // Only with "the" before: "a 78-year-old president" names nobody in particular.
    auto [ds, de] = t_.WordBefore(i, Lo(s));
    if (ds == de || t_.F(ds, de) != "the") return;
    // And not right after "NAME, " (AfterComma's case).
    uint32_t before = t_.SkipSpacesBack(ds, Lo(s));
    if (before > Lo(s) && t_[before - 1] == ',') return;
    PeopleClaim c = Make(PeopleClaimKind::kAge, s, -1, ds, te, i, i + static_cast<uint32_t>(std::to_string(n).size()), n);
    c.offices = std::move(offices);
    for (int k = s; k >= 0 && k >= s - 2; --k) {
      const auto& ms = in_sentence_[static_cast<size_t>(k)];
      for (auto it = ms.rbegin(); it != ms.rend(); ++it)
        if (persons_[*it].end <= i) c.candidates.push_back(static_cast<int>(*it));
    }
    if (c.candidates.empty() || n < 18 || n > 115) return;
    out_.push_back(std::move(c));
  }

  const KbIndex& index_;
  const FoldedView& t_;
  const Sentences& sent_;
  const PhraseHits& ph_;
  const std::vector<PersonMention>& persons_;
  const std::vector<std::vector<size_t>>& in_sentence_;
  std::vector<PeopleClaim> out_;
};

}  // namespace

std::vector<PeopleClaim> FindPeopleClaims(const KbIndex& index, const FoldedView& text, const Sentences& sentences,
                                          const PhraseHits& hits, const std::vector<PersonMention>& persons,
                                          const std::vector<std::vector<size_t>>& persons_in_sentence) {
  return Finder(index, text, sentences, hits, persons, persons_in_sentence).Find();
}

std::string_view StateCode(std::string_view folded) {
  for (const StateRow& r : kStates)
    if (Lower(r.code) == folded || Lower(r.ap) == folded || Lower(r.full) == folded) return r.code;
  for (const Variant& v : kVariants)
    if (v.folded == folded) return v.code;
  return {};
}

std::string_view StateName(std::string_view code, StateStyle style) {
  for (const StateRow& r : kStates)
    if (r.code == code) return style == StateStyle::kAp ? r.ap : style == StateStyle::kPostal ? r.code : r.full;
  return {};
}

std::string OrdinalWord(int n) {
  return n >= 1 && n <= 10 ? std::string(kOrdinalWords[static_cast<size_t>(n - 1)]) : OrdinalText(n);
}

std::string OrdinalText(int n) {
  const int m100 = n % 100, m10 = n % 10;
  const char* suffix = (m100 >= 11 && m100 <= 13) ? "th" : m10 == 1 ? "st" : m10 == 2 ? "nd" : m10 == 3 ? "rd" : "th";
  return std::to_string(n) + suffix;
}

}  // namespace factlint
