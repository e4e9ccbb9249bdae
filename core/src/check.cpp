// factlint::Check — the checking engine (design: docs/ARCHITECTURE.md, rules: core/rules/rules.json).
//
// One pass of the KB's phrase automaton (kb_index.h) over the folded text finds every person name,
// office title, jurisdiction word, event trigger and lexicon phrase; everything after that works
// on those hits and on short, bounded look-arounds in the folded text, so a check is linear in the
// text (plus the hits). The stages, in order:
//
//   1. sentences (segment.h) and time expressions per sentence (timex.h);
//   2. person mentions (leftmost-longest, capitalised in the original), surname coreference;
//   3. title claims: "[former] [U.S.|Germany's] President [of X] NAME", "NAME, the German
//      chancellor", "NAME administration";
//   4. event mentions: KB triggers and generic "<Month> election(s)" with participants named, their
//      stated dates and prospective markers ("will", "possible", "returning ..."), quotes and their
//      speakers, hedges and anonymous attributions;
//   5. the reference time (given > metadata > dateline (dateline.h) > inferred by reftime.h's
//      weighted sweep);
//   6. judgement of every claim at its time (the sentence's own date, or the reference window)
//      against the KB: silence whenever the KB does not know the person, office or event, or the
//      time lies beyond the KB's as_of.
//
// Judgement is deliberately conservative over a window [from, to]: a present-tense title passes
// when the person held the office on any day of it; "former" fails only when the person held the
// office on every day of it.

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "dateline.h"
#include "factlint/factlint.h"
#include "kb.h"
#include "kb_index.h"
#include "reftime.h"
#include "rules.h"
#include "segment.h"
#include "text.h"
#include "timex.h"

namespace factlint {
namespace {

using Vars = std::vector<std::pair<std::string, std::string>>;

// ---------------------------------------------------------------------------------------------
// Small word lists (the grammar of titles, quotes and event tense). Phrases a KB may want to
// extend live in its lexicon instead (kb/FORMAT.md).

bool IsIn(std::string_view w, std::initializer_list<std::string_view> list) {
  // Length and first byte before the full comparison: most words are in no list, and this runs
  // for every word of every sentence (IsSpeechWord), where memcmp calls added up to ~8% of a check.
  if (w.empty()) {
    for (auto x : list)
      if (x.empty()) return true;
    return false;
  }
  for (auto x : list)
    if (x.size() == w.size() && x[0] == w[0] && x == w) return true;
  return false;
}

enum class Tense { kPresent, kFormer, kSkip };

// Modifier words before a title: their effect on the claim.
std::optional<Tense> ModifierTense(std::string_view w) {
  if (IsIn(w, {"former", "erstwhile", "onetime", "previous", "ex"})) return Tense::kFormer;
  if (IsIn(w, {"outgoing", "acting", "interim", "current", "sitting", "incumbent", "caretaker",
               "serving", "embattled", "beleaguered"}))
    return Tense::kPresent;
  if (IsIn(w, {"then", "late", "incoming", "future", "designate", "elect", "would-be", "disgraced",
               "deposed", "ousted"}))
    return Tense::kSkip;
  return std::nullopt;
}

// Words that, right before a title, make it part of another title ("Vice President").
bool BlocksTitle(std::string_view w) {
  return IsIn(w, {"vice", "deputy", "shadow", "assistant", "associate", "co", "sub", "under", "lieutenant",
                  "honorary", "party", "club", "company", "league", "federation", "bank", "university",
                  "college", "union", "council", "commission", "board", "regional", "provincial", "state",
                  "student", "senate", "assembly", "parliament", "court", "mayor", "general", "chief",
                  "first", "second", "junior", "senior", "foreign", "finance", "home", "defence", "defense",
                  "interior", "justice", "trade", "health", "prime", "federal", "executive"});
}

bool IsSpeechWord(std::string_view w) {
  // A hash set built once: this runs for every word of every sentence (Quotes), and a linear
  // pass over the list was a tenth of all instructions of a check.
  static const std::unordered_set<std::string_view> kWords = {
                  "said", "says", "say", "told", "tells", "stated", "states", "stating", "warned", "warns",
                  "warning", "urged", "urges", "urging", "added", "adds", "saying", "wrote", "writes",
                  "posted", "declared", "declares", "insisted", "insists", "noted", "notes", "remarked",
                  "described", "asked", "asks", "replied", "announced", "announces", "explained",
                  "according", "by", "tweeted", "argued", "argues", "claimed", "vowed", "vows",
                  "pledged", "promised", "admitted", "acknowledged", "recalled", "concluded",
                  "continued", "emphasised", "emphasized", "stressed", "called", "calls", "quoted"};
  return w.size() >= 2 && w.size() <= 12 && kWords.count(w) != 0;
}

bool BlocksProspective(std::string_view w) {
  return IsIn(w, {"after", "since", "following", "ago", "anniversary", "last", "previous", "recent",
                  "past", "earlier", "aftermath", "before", "until", "won", "lost", "during"});
}

// ---------------------------------------------------------------------------------------------

constexpr int32_t kOpenStart = INT32_MIN / 2;
constexpr int32_t kOpenEnd = INT32_MAX / 2;

struct Interval {
  int32_t a, b;  // inclusive days
};

struct PersonMention {
  uint32_t start, end;
  int sentence;
  bool full;
  int person = -1;             // resolved person, -1 when unresolved
  std::vector<int> candidates;  // for an unresolved short form
};

struct TitleClaim {
  int sentence = 0;
  uint32_t start = 0, end = 0;  // the claim (modifiers .. name, or name .. title)
  int mention = -1;
  std::vector<int> title_offices;  // offices named by the title (and jurisdiction, when given)
  bool has_jurisdiction = false;
  bool administration = false;  // "NAME administration"
  Tense tense = Tense::kPresent;
  bool has_modifier = false;
  uint32_t mod_start = 0, mod_end = 0;  // "former " (with its space), removed by a suggestion
  uint32_t phrase_start = 0;            // where "former " would go
  std::vector<int> offices;             // candidates after resolving the person
  int person = -1;
};

struct EventMention {
  int sentence = 0;
  uint32_t start = 0, end = 0;  // the trigger
  uint32_t claim_start = 0;     // from the prospective marker when there is one
  std::vector<int> events;
  bool prospective = false;
  bool generic = false;           // "<Month> elections", resolved through participants
  bool participant_named = false;  // a participant of one of the events is named in the sentence
  int time = -1;                  // index into the sentence's times: the stated date
};

struct QuoteSpan {
  uint32_t open = 0, close = 0;  // folded offsets of the quote marks
  int sentence = 0;
  int speaker = -1;
};

struct Phrase {
  uint32_t start, end;
  PhraseKind kind;
};

std::string Trimmed(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.pop_back();
  return s;
}

class Checker {
 public:
  Checker(const Kb& kb, const KbIndex& index, std::string_view text, const CheckOptions& options)
      : kb_(kb), index_(index), doc_(text), f_(doc_.folded()), options_(options) {}

  Report Run();

 private:
  // --- text helpers -----------------------------------------------------------------------
  bool Space(uint32_t i) const { return f_[i] == ' ' || f_[i] == '\t'; }
  uint32_t SkipSpacesBack(uint32_t pos, uint32_t lo) const {
    while (pos > lo && Space(pos - 1)) --pos;
    return pos;
  }
  uint32_t SkipSpacesFwd(uint32_t pos, uint32_t hi) const {
    while (pos < hi && Space(pos)) ++pos;
    return pos;
  }
  // The word ending at pos (after skipping spaces back); [s, e) or s == e when none.
  std::pair<uint32_t, uint32_t> WordBefore(uint32_t pos, uint32_t lo) const {
    uint32_t e = SkipSpacesBack(pos, lo);
    uint32_t s = e;
    while (s > lo && IsWordByte(static_cast<unsigned char>(f_[s - 1]))) --s;
    return {s, e};
  }
  std::pair<uint32_t, uint32_t> WordAfter(uint32_t pos, uint32_t hi) const {
    uint32_t s = SkipSpacesFwd(pos, hi);
    uint32_t e = s;
    while (e < hi && IsWordByte(static_cast<unsigned char>(f_[e]))) ++e;
    return {s, e};
  }
  std::string_view F(uint32_t s, uint32_t e) const { return f_.substr(s, e - s); }
  // True when no word stands between the sentence start lo and s.
  bool FirstWord(uint32_t s, uint32_t lo) const {
    while (s > lo && !IsWordByte(static_cast<unsigned char>(f_[s - 1]))) --s;
    return s == lo;
  }
  bool UpperAt(uint32_t folded_pos) const {
    size_t o = doc_.FoldedToOriginal(folded_pos);
    if (o >= doc_.size()) return false;
    unsigned char c = static_cast<unsigned char>(doc_.text()[o]);
    return (c >= 'A' && c <= 'Z') || c >= 0x80 || (c >= '0' && c <= '9');
  }
  std::string Orig(uint32_t fs, uint32_t fe) const {
    size_t s = doc_.FoldedToOriginal(fs), e = doc_.FoldedToOriginal(fe);
    return std::string(doc_.text().substr(s, e > s ? e - s : 0));
  }
  int SentenceOf(uint32_t pos) const {
    auto it = std::upper_bound(sent_start_.begin(), sent_start_.end(), pos);
    if (it == sent_start_.begin()) return -1;
    int s = static_cast<int>(it - sent_start_.begin()) - 1;
    return pos < sent_end_[static_cast<size_t>(s)] ? s : -1;
  }
  int LineOf(uint32_t pos) const {
    int line = 0, col = 0;
    doc_.LineColumn(doc_.FoldedToOriginal(pos), &line, &col);
    return line;
  }

  // --- stages -----------------------------------------------------------------------------
  void Sentences();
  void Hits();
  void Persons();
  void Titles();
  bool ParsePrenominal(const PersonMention& m, size_t mention_index);
  bool PastEraBefore(uint32_t pos, uint32_t lo) const;
  bool ParseAppositive(const PersonMention& m, size_t mention_index);
  void ParseAdministration(const PersonMention& m, size_t mention_index);
  uint32_t ParseModifiersBack(uint32_t pos, uint32_t lo, TitleClaim* c, bool* blocked);
  // Appends the ids of the index entries of `kind` that phrase `pattern` stands for.
  void AppendRefs(int pattern, PhraseKind kind, std::vector<int>* out) const {
    for (const PhraseRef& r : index_.refs[static_cast<size_t>(pattern)])
      if (r.kind == kind) out->push_back(r.id);
  }
  // Keeps a title claim: its offices are the title's, narrowed to the jurisdiction when one is
  // named; a title the KB does not know for that jurisdiction gives no claim (silence).
  void AddTitleClaim(TitleClaim c, const std::vector<int>& title_offices, const std::vector<int>& jur) {
    if (jur.empty()) {
      c.title_offices = title_offices;
    } else {
      c.title_offices.clear();
      for (int o : title_offices)
        if (std::find(jur.begin(), jur.end(), o) != jur.end()) c.title_offices.push_back(o);
      if (c.title_offices.empty()) return;
      c.has_jurisdiction = true;
    }
    claims_.push_back(std::move(c));
  }
  void ResolveClaims();
  void Events();
  void Quotes();
  void ReferenceTime();
  void DateRoles();
  std::optional<Interval> ClaimTime(int sentence, uint32_t claim_start, uint32_t claim_end, std::string* when) const;
  std::optional<Interval> JudgedTime(int sentence, uint32_t claim_start, uint32_t claim_end, std::string* when) const;
  bool SameClause(uint32_t from, uint32_t to) const;
  void JudgeTitles();
  void JudgeEvents();
  void JudgeQuotes();
  void Inconsistent();
  void Sourcing();

  // --- KB helpers -------------------------------------------------------------------------
  int32_t TermEnd(const KbTerm& t) const { return t.end ? t.end->days : kb_.as_of.days + 1; }
  bool HeldAny(int p, const std::vector<int>& offices, int32_t a, int32_t b) const;
  bool HeldThroughout(int p, int office, int32_t a, int32_t b) const;
  std::vector<std::pair<int32_t, int32_t>> TermsOf(int p, const std::vector<int>& offices, bool open_end) const;
  std::vector<int> OfficesHeld(int p) const;
  std::string TermFact(const KbTerm& t) const;
  std::string SourceName(int source) const;
  std::string EventDateText(const KbEvent& e) const;

  void Add(std::string_view rule, Severity severity, int sentence, uint32_t fs, uint32_t fe, std::string message,
           std::vector<Evidence> evidence, std::optional<std::string> suggestion);

  const Kb& kb_;
  const KbIndex& index_;
  Document doc_;
  std::string_view f_;
  const CheckOptions& options_;
  Report report_;

  std::vector<TextSegment> segments_;
  std::vector<uint32_t> sent_start_, sent_end_;  // folded ranges
  std::vector<std::vector<TimeExpr>> times_;     // per sentence
  std::vector<PhraseMatcher::Hit> hits_;
  std::unordered_map<uint32_t, size_t> title_by_end_, title_by_start_, jur_by_end_, jur_by_start_;
  std::vector<size_t> person_hits_, trigger_hits_;
  std::vector<Phrase> lexicon_;      // hedges, anonymous attributions, prospective markers
  std::vector<PersonMention> mentions_;
  std::vector<std::vector<size_t>> mentions_in_sentence_;
  std::vector<TitleClaim> claims_;
  std::vector<EventMention> event_mentions_;
  std::vector<QuoteSpan> quotes_;
  std::vector<std::vector<char>> time_is_event_date_;

  std::optional<Interval> window_;
  std::vector<std::vector<char>> time_future_;  // per sentence and time: a deadline or a prospect
};

// ---------------------------------------------------------------------------------------------

void Checker::Sentences() {
  segments_ = SegmentDocument(doc_);
  for (const TextSegment& s : segments_) {
    report_.sentences.push_back(Span{s.start, s.end, doc_.Utf16At(s.start), doc_.Utf16At(s.end)});
    uint32_t fs = static_cast<uint32_t>(doc_.OriginalToFolded(s.start));
    uint32_t fe = static_cast<uint32_t>(doc_.OriginalToFolded(s.end));
    sent_start_.push_back(fs);
    sent_end_.push_back(std::max(fs, fe));
  }
  times_.resize(segments_.size());
  time_is_event_date_.resize(segments_.size());
  mentions_in_sentence_.resize(segments_.size());
  for (size_t i = 0; i < segments_.size(); ++i) {
    times_[i] = FindTimeExpressions(f_, sent_start_[i], sent_end_[i]);
    time_is_event_date_[i].assign(times_[i].size(), 0);
  }
}

void Checker::Hits() {
  index_.matcher.FindAll(f_, &hits_);
  for (size_t h = 0; h < hits_.size(); ++h) {
    const auto& hit = hits_[h];
    bool person = false, title = false, jur = false, trigger = false;
    for (const PhraseRef& r : index_.refs[static_cast<size_t>(hit.pattern)]) {
      switch (r.kind) {
        case PhraseKind::kPersonFull:
        case PhraseKind::kPersonShort: person = true; break;
        case PhraseKind::kTitle: title = true; break;
        case PhraseKind::kJurisdiction: jur = true; break;
        case PhraseKind::kTrigger: trigger = true; break;
        case PhraseKind::kHedge:
        case PhraseKind::kAnonymous:
        case PhraseKind::kProspective: {
          bool dup = false;
          for (size_t k = lexicon_.size(); k > 0 && lexicon_[k - 1].end == hit.end; --k)
            dup = dup || (lexicon_[k - 1].start == hit.start && lexicon_[k - 1].kind == r.kind);
          if (!dup) lexicon_.push_back(Phrase{hit.start, hit.end, r.kind});
          break;
        }
      }
    }
    if (person && UpperAt(hit.start)) person_hits_.push_back(h);
    if (title) {
      title_by_end_.emplace(hit.end, h);  // first seen at an end = longest
      auto it = title_by_start_.find(hit.start);
      if (it == title_by_start_.end() || hits_[it->second].end < hit.end) title_by_start_[hit.start] = h;
    }
    if (jur && UpperAt(hit.start)) {
      jur_by_end_.emplace(hit.end, h);
      auto it = jur_by_start_.find(hit.start);
      if (it == jur_by_start_.end() || hits_[it->second].end < hit.end) jur_by_start_[hit.start] = h;
    }
    if (trigger) trigger_hits_.push_back(h);
  }
}

// Person mentions: leftmost-longest among name hits, not inside a time expression ("May 2019").
void Checker::Persons() {
  std::sort(person_hits_.begin(), person_hits_.end(), [&](size_t x, size_t y) {
    if (hits_[x].start != hits_[y].start) return hits_[x].start < hits_[y].start;
    return hits_[x].end > hits_[y].end;
  });
  uint32_t covered = 0;
  std::unordered_map<int, uint32_t> last_full;  // person -> position of its latest full mention
  for (size_t h : person_hits_) {
    const auto& hit = hits_[h];
    if (hit.start < covered) continue;
    int s = SentenceOf(hit.start);
    if (s < 0) continue;
    const auto& ts = times_[static_cast<size_t>(s)];
    auto ti = std::upper_bound(ts.begin(), ts.end(), hit.start,
                               [](uint32_t pos, const TimeExpr& t) { return pos < t.end; });
    if (ti != ts.end() && ti->start < hit.end) continue;  // inside a time expression
    covered = hit.end;
    PersonMention m{hit.start, hit.end, s, false, -1, {}};
    std::vector<int> shorts;
    for (const PhraseRef& r : index_.refs[static_cast<size_t>(hit.pattern)]) {
      if (r.kind == PhraseKind::kPersonFull) {
        m.full = true;
        m.person = r.id;
      } else if (r.kind == PhraseKind::kPersonShort) {
        shorts.push_back(r.id);
      }
    }
    if (!m.full) {
      // A short form names the person of the latest full mention that has it.
      uint32_t best = 0;
      for (int p : shorts) {
        auto it = last_full.find(p);
        if (it != last_full.end() && (m.person < 0 || it->second > best)) {
          m.person = p;
          best = it->second;
        }
      }
      if (m.person < 0) m.candidates = shorts;
    } else {
      last_full[m.person] = hit.start;
    }
    mentions_in_sentence_[static_cast<size_t>(s)].push_back(mentions_.size());
    mentions_.push_back(std::move(m));
  }
}

// Modifiers before a title phrase, right to left: "former", "ex-", "the", "then-". Returns the new
// start of the phrase; sets *blocked when the word before makes the title part of another name.
uint32_t Checker::ParseModifiersBack(uint32_t pos, uint32_t lo, TitleClaim* c, bool* blocked) {
  *blocked = false;
  uint32_t start = pos;
  for (int k = 0; k < 4; ++k) {
    uint32_t e = SkipSpacesBack(start, lo);
    bool hyphen = e > lo && f_[e - 1] == '-' && e == start;  // "ex-President"
    uint32_t we = hyphen ? e - 1 : e;
    auto [s, w_end] = WordBefore(we, lo);
    if (s == w_end) break;
    std::string_view w = F(s, w_end);
    if (hyphen) {
      if (w == "ex" || w == "then") {
        Tense t = w == "ex" ? Tense::kFormer : Tense::kSkip;
        if (c->tense == Tense::kPresent) c->tense = t;
        if (t == Tense::kFormer) {
          c->has_modifier = true;
          c->mod_start = s;
          c->mod_end = start;
        }
        start = s;
        continue;
      }
      *blocked = true;  // "vice-president"
      return start;
    }
    if (std::optional<Tense> t = ModifierTense(w)) {
      if (c->tense == Tense::kPresent || *t == Tense::kSkip) c->tense = *t;
      if (*t == Tense::kFormer) {
        c->has_modifier = true;
        c->mod_start = s;
        c->mod_end = start;  // with the space after it
      }
      start = s;
      continue;
    }
    if (w == "then" || w == "the") {
      if (w == "then") c->tense = Tense::kSkip;
      break;
    }
    if (w == "under" && !UpperAt(s)) {  // "under President X": a tenure, past or present, not a claim
      c->tense = Tense::kSkip;
      break;
    }
    if (w == "under" && FirstWord(s, lo)) {
      c->tense = Tense::kSkip;
      break;
    }
    if (w == "a" || w == "an") {  // "how good a prime minister X will make": a predicate, not a title
      *blocked = true;
      break;
    }
    // An unknown word: a capitalised one (not the first of the sentence) or a possessive ties the
    // title to something else ("Party President", "Google's President").
    if (BlocksTitle(w) || (w == "s" && s > lo && f_[s - 1] == '\'') || (UpperAt(s) && !FirstWord(s, lo)))
      *blocked = true;
    break;
  }
  return start;
}

// "the previous government, led by President X": a title inside a clause about a past
// government names its holder then. True when such a phrase ends at most 12 words before pos.
bool Checker::PastEraBefore(uint32_t pos, uint32_t lo) const {
  uint32_t p = pos;
  std::string_view next, next2;  // the words after the current one (to its right)
  for (int k = 0; k < 12; ++k) {
    auto [s, e] = WordBefore(p, lo);
    if (s == e) {
      // Skip one punctuation mark (a comma) and go on; stop at anything else.
      uint32_t q = SkipSpacesBack(p, lo);
      if (q > lo && f_[q - 1] == ',') {
        p = q - 1;
        continue;
      }
      return false;
    }
    std::string_view w = F(s, e);
    if (IsIn(w, {"previous", "former", "preceding", "last", "past", "earlier", "then", "old", "ousted"}) &&
        IsIn(next, {"government", "governments", "administration", "regime", "cabinet", "coalition",
                    "leadership", "presidency", "premiership", "era", "term"}))
      return true;
    // "At the time, Prime Minister X …", "… was, at that time, President X": an era of the past.
    if (w == "at" && IsIn(next, {"the", "that"}) && next2 == "time") return true;
    next2 = next;
    next = w;
    p = s;
  }
  return false;
}

// "[mods] [Jurisdiction['s]] Title [of (the) Jurisdiction] [-elect] NAME"
bool Checker::ParsePrenominal(const PersonMention& m, size_t mi) {
  const uint32_t lo = sent_start_[static_cast<size_t>(m.sentence)];
  uint32_t pos = SkipSpacesBack(m.start, lo);
  if (pos == m.start || pos <= lo) return false;
  TitleClaim c;
  c.sentence = m.sentence;
  c.mention = static_cast<int>(mi);
  c.end = m.end;
  // "NATO's Secretary General, Mark Rutte, said": the name in commas after the title.
  if (f_[pos - 1] == ',') {
    const uint32_t hi = sent_end_[static_cast<size_t>(m.sentence)];
    if (m.end < hi && f_[m.end] != ',') return false;
    pos = SkipSpacesBack(pos - 1, lo);
    if (pos <= lo) return false;
  }
  // "-elect" between title and name.
  if (pos >= lo + 6 && F(pos - 6, pos) == "-elect") {
    c.tense = Tense::kSkip;
    pos -= 6;
  }
  std::vector<int> after_jur;
  auto jt = jur_by_end_.find(pos);
  if (jt != jur_by_end_.end()) {  // "of (the) Jurisdiction" after the title
    const auto& jh = hits_[jt->second];
    auto [ws, we] = WordBefore(jh.start, lo);
    std::string_view w = F(ws, we);
    uint32_t before_of = 0;
    if (w == "the") {
      auto [os, oe] = WordBefore(ws, lo);
      if (F(os, oe) == "of") before_of = os;
    } else if (w == "of") {
      before_of = ws;
    }
    if (before_of == 0) return false;
    AppendRefs(jh.pattern, PhraseKind::kJurisdiction, &after_jur);
    pos = SkipSpacesBack(before_of, lo);
  }
  auto tt = title_by_end_.find(pos);
  if (tt == title_by_end_.end()) return false;
  const auto& th = hits_[tt->second];
  std::vector<int> title_offices;
  AppendRefs(th.pattern, PhraseKind::kTitle, &title_offices);
  uint32_t phrase_start = th.start;
  std::vector<int> jur;
  // Jurisdiction before the title, possibly possessive ("Germany's Chancellor").
  uint32_t jpos = SkipSpacesBack(th.start, lo);
  if (jpos >= lo + 2 && F(jpos - 2, jpos) == "'s") jpos -= 2;
  auto jb = jur_by_end_.find(jpos);
  if (jb != jur_by_end_.end() && jpos < th.start) {
    const auto& jh = hits_[jb->second];
    AppendRefs(jh.pattern, PhraseKind::kJurisdiction, &jur);
    phrase_start = jh.start;
  }
  if (!after_jur.empty()) jur.insert(jur.end(), after_jur.begin(), after_jur.end());
  bool blocked = false;
  c.phrase_start = phrase_start;
  c.start = ParseModifiersBack(phrase_start, lo, &c, &blocked);
  if (blocked) return false;
  if (c.tense == Tense::kPresent && PastEraBefore(c.start, lo)) c.tense = Tense::kSkip;
  AddTitleClaim(std::move(c), title_offices, jur);
  return true;
}

// "NAME, [the|a] [mods] [Jurisdiction['s]] title [of (the) Jurisdiction]" followed by punctuation,
// the end of the sentence or a lower-case word.
bool Checker::ParseAppositive(const PersonMention& m, size_t mi) {
  const uint32_t hi = sent_end_[static_cast<size_t>(m.sentence)];
  const uint32_t lo = sent_start_[static_cast<size_t>(m.sentence)];
  uint32_t pos = m.end;
  if (pos >= hi || f_[pos] != ',') return false;
  pos = SkipSpacesFwd(pos + 1, hi);
  TitleClaim c;
  c.sentence = m.sentence;
  c.mention = static_cast<int>(mi);
  c.start = m.start;
  for (int k = 0; k < 4; ++k) {
    auto [s, e] = WordAfter(pos, hi);
    if (s == e) break;
    std::string_view w = F(s, e);
    if (w == "the" || w == "a" || w == "an") {
      pos = SkipSpacesFwd(e, hi);
      continue;
    }
    if ((w == "ex" || w == "then") && e < hi && f_[e] == '-') {
      if (w == "ex") {
        c.tense = Tense::kFormer;
        c.has_modifier = true;
        c.mod_start = s;
        c.mod_end = e + 1;
      } else {
        c.tense = Tense::kSkip;
      }
      pos = e + 1;
      continue;
    }
    if (std::optional<Tense> t = ModifierTense(w)) {
      if (c.tense == Tense::kPresent || *t == Tense::kSkip) c.tense = *t;
      if (*t == Tense::kFormer) {
        c.has_modifier = true;
        c.mod_start = s;
        c.mod_end = SkipSpacesFwd(e, hi);
      }
      pos = SkipSpacesFwd(e, hi);
      continue;
    }
    break;
  }
  c.phrase_start = pos;
  std::vector<int> jur;
  auto jt = jur_by_start_.find(pos);
  if (jt != jur_by_start_.end()) {
    const auto& jh = hits_[jt->second];
    uint32_t after = jh.end;
    if (after + 2 <= hi && F(after, after + 2) == "'s") after += 2;
    uint32_t tpos = SkipSpacesFwd(after, hi);
    if (title_by_start_.count(tpos)) {
      AppendRefs(jh.pattern, PhraseKind::kJurisdiction, &jur);
      pos = tpos;
    }
  }
  auto tt = title_by_start_.find(pos);
  if (tt == title_by_start_.end()) return false;
  const auto& th = hits_[tt->second];
  std::vector<int> title_offices;
  AppendRefs(th.pattern, PhraseKind::kTitle, &title_offices);
  uint32_t end = th.end;
  // "of (the) Jurisdiction"
  auto [os, oe] = WordAfter(end, hi);
  if (F(os, oe) == "of") {
    uint32_t p = SkipSpacesFwd(oe, hi);
    auto [ts, te] = WordAfter(p, hi);
    if (F(ts, te) == "the") p = SkipSpacesFwd(te, hi);
    auto jo = jur_by_start_.find(p);
    if (jo != jur_by_start_.end()) {
      for (const PhraseRef& r : index_.refs[static_cast<size_t>(hits_[jo->second].pattern)])
        if (r.kind == PhraseKind::kJurisdiction) jur.push_back(r.id);
      end = hits_[jo->second].end;
    }
  }
  // What follows must close the apposition.
  uint32_t next = SkipSpacesFwd(end, hi);
  if (next < hi) {
    unsigned char ch = static_cast<unsigned char>(f_[next]);
    if (IsWordByte(ch)) {
      if (UpperAt(next)) return false;  // "Biden, President Trump said" is not an apposition
    } else if (ch == '\'' || ch == '-') {
      return false;
    }
  }
  (void)lo;
  c.end = end;
  AddTitleClaim(std::move(c), title_offices, jur);
  return true;
}

// "NAME administration", "NAME's administration": a description of a sitting head of state or
// government (unless "former"/"previous"/"then" precede it).
void Checker::ParseAdministration(const PersonMention& m, size_t mi) {
  const uint32_t hi = sent_end_[static_cast<size_t>(m.sentence)];
  const uint32_t lo = sent_start_[static_cast<size_t>(m.sentence)];
  uint32_t pos = m.end;
  if (pos + 2 <= hi && F(pos, pos + 2) == "'s") pos += 2;
  auto [s, e] = WordAfter(pos, hi);
  if (F(s, e) != "administration" && F(s, e) != "government") return;
  auto [ps, pe] = WordBefore(m.start, lo);
  std::string_view before = F(ps, pe);
  if (IsIn(before, {"former", "previous", "last", "past", "then", "early", "late", "first", "second",
                    "outgoing", "incoming", "future", "next", "prior", "old"}))
    return;
  TitleClaim c;
  c.sentence = m.sentence;
  c.mention = static_cast<int>(mi);
  c.start = m.start;
  c.end = e;
  c.administration = true;
  for (size_t o = 0; o < kb_.offices.size(); ++o) {
    OfficeRole r = kb_.offices[o].role;
    if (r == OfficeRole::kHeadOfState || r == OfficeRole::kHeadOfGovernment) c.title_offices.push_back(static_cast<int>(o));
  }
  claims_.push_back(std::move(c));
}

void Checker::Titles() {
  for (size_t i = 0; i < mentions_.size(); ++i) {
    const PersonMention& m = mentions_[i];
    size_t before = claims_.size();
    ParsePrenominal(m, i);
    bool had_title = claims_.size() > before;
    if (!had_title) ParseAppositive(m, i);
    if (!had_title) ParseAdministration(m, i);
  }
}

std::vector<int> Checker::OfficesHeld(int p) const {
  std::vector<int> out;
  for (int t : kb_.terms_by_person[static_cast<size_t>(p)]) {
    int o = kb_.terms[static_cast<size_t>(t)].office;
    if (std::find(out.begin(), out.end(), o) == out.end()) out.push_back(o);
  }
  return out;
}

bool Checker::HeldAny(int p, const std::vector<int>& offices, int32_t a, int32_t b) const {
  for (int t : kb_.terms_by_person[static_cast<size_t>(p)]) {
    const KbTerm& term = kb_.terms[static_cast<size_t>(t)];
    if (std::find(offices.begin(), offices.end(), term.office) == offices.end()) continue;
    if (term.start.days <= b && TermEnd(term) > a) return true;
  }
  return false;
}

bool Checker::HeldThroughout(int p, int office, int32_t a, int32_t b) const {
  auto spans = TermsOf(p, {office}, false);
  for (auto [s, e] : spans)
    if (s <= a && e > b) return true;
  return false;
}

// The person's terms in those offices, merged where they touch; ongoing terms end after as_of
// (or stay open when open_end).
std::vector<std::pair<int32_t, int32_t>> Checker::TermsOf(int p, const std::vector<int>& offices, bool open_end) const {
  std::vector<std::pair<int32_t, int32_t>> spans;
  for (int t : kb_.terms_by_person[static_cast<size_t>(p)]) {
    const KbTerm& term = kb_.terms[static_cast<size_t>(t)];
    if (std::find(offices.begin(), offices.end(), term.office) == offices.end()) continue;
    int32_t e = term.end ? term.end->days : (open_end ? kOpenEnd : kb_.as_of.days + 1);
    spans.emplace_back(term.start.days, e);
  }
  std::sort(spans.begin(), spans.end());
  std::vector<std::pair<int32_t, int32_t>> merged;
  for (auto [s, e] : spans) {
    if (!merged.empty() && s <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, e);
    } else {
      merged.emplace_back(s, e);
    }
  }
  return merged;
}

// Persons of short forms without an earlier full mention are resolved by the title they carry:
// the one candidate who ever held that office. Claims get their candidate offices: with a
// jurisdiction, the office it names; without, the offices with that title the person held.
void Checker::ResolveClaims() {
  std::vector<TitleClaim> kept;
  for (TitleClaim& c : claims_) {
    PersonMention& m = mentions_[static_cast<size_t>(c.mention)];
    if (m.person < 0) {
      int found = -1, count = 0;
      for (int p : m.candidates) {
        std::vector<int> held = OfficesHeld(p);
        bool any = false;
        for (int o : c.title_offices) any = any || std::find(held.begin(), held.end(), o) != held.end();
        if (any) {
          found = p;
          ++count;
        }
      }
      if (count != 1 || c.administration) continue;
      m.person = found;
    }
    c.person = m.person;
    std::vector<int> held = OfficesHeld(c.person);
    if (c.has_jurisdiction) {
      c.offices = c.title_offices;
    } else {
      for (int o : c.title_offices)
        if (std::find(held.begin(), held.end(), o) != held.end()) c.offices.push_back(o);
    }
    if (c.offices.empty()) continue;
    kept.push_back(std::move(c));
  }
  claims_ = std::move(kept);
}

// Event mentions: KB triggers (overlapping hits merged) and generic "<Month> election(s)".
void Checker::Events() {
  std::sort(trigger_hits_.begin(), trigger_hits_.end(), [&](size_t x, size_t y) {
    if (hits_[x].start != hits_[y].start) return hits_[x].start < hits_[y].start;
    return hits_[x].end > hits_[y].end;
  });
  std::vector<EventMention> found;
  for (size_t h : trigger_hits_) {
    const auto& hit = hits_[h];
    int s = SentenceOf(hit.start);
    if (s < 0) continue;
    std::vector<int> events;
    AppendRefs(hit.pattern, PhraseKind::kTrigger, &events);
    if (!found.empty() && found.back().sentence == s && hit.start < found.back().end) {
      EventMention& prev = found.back();
      prev.end = std::max(prev.end, hit.end);
      for (int e : events)
        if (std::find(prev.events.begin(), prev.events.end(), e) == prev.events.end()) prev.events.push_back(e);
      continue;
    }
    EventMention em;
    em.sentence = s;
    em.start = hit.start;
    em.end = hit.end;
    em.events = std::move(events);
    found.push_back(std::move(em));
  }
  // Generic elections: "the November elections", "the presidential election".
  std::vector<EventMention> generic;
  for (size_t s = 0; s < segments_.size(); ++s) {
    uint32_t lo = sent_start_[s], hi = sent_end_[s];
    for (uint32_t i = lo; i < hi;) {
      if (!IsWordByte(static_cast<unsigned char>(f_[i]))) {
        ++i;
        continue;
      }
      uint32_t e = i;
      while (e < hi && IsWordByte(static_cast<unsigned char>(f_[e]))) ++e;
      std::string_view w = F(i, e);
      if (w == "election" || w == "elections") {
        uint32_t start = i;
        int month = 0;
        uint32_t p = i;
        for (int k = 0; k < 3; ++k) {
          auto [ws, we] = WordBefore(p, lo);
          if (ws == we) break;
          std::string_view b = F(ws, we);
          if (int mo = MonthNumber(b); mo && b != "may" && b != "mar") {
            month = mo;
            start = ws;
            break;
          }
          if (!IsIn(b, {"presidential", "general", "parliamentary", "federal", "legislative", "national",
                        "midterm", "snap"}))
            break;
          start = ws;
          p = ws;
        }
        auto ov = std::upper_bound(found.begin(), found.end(), start,
                                   [](uint32_t pos, const EventMention& em) { return pos < em.end; });
        bool overlapped = ov != found.end() && ov->start < e;
        if (!overlapped && month) {  // a bare "election" is too vague to name one
          EventMention em;
          em.sentence = static_cast<int>(s);
          em.start = start;
          em.end = e;
          em.generic = true;
          for (size_t k = 0; k < kb_.events.size(); ++k) {
            const KbEvent& ev = kb_.events[k];
            if (ev.kind != "election") continue;
            if (month) {
              int y, mo, d;
              SplitDate(ev.date, &y, &mo, &d);
              if (mo != month) continue;
            }
            em.events.push_back(static_cast<int>(k));
          }
          if (!em.events.empty()) generic.push_back(std::move(em));
        }
      }
      i = e;
    }
  }
  found.insert(found.end(), generic.begin(), generic.end());
  std::sort(found.begin(), found.end(), [](const EventMention& a, const EventMention& b) { return a.start < b.start; });
  std::vector<std::set<int>> named_in(segments_.size());
  std::vector<char> named_done(segments_.size(), 0);

  for (EventMention& em : found) {
    const size_t s = static_cast<size_t>(em.sentence);
    // Participants named in the sentence narrow the events (and are required for generic ones).
    std::set<int>& named = named_in[s];
    if (!named_done[s]) {
      for (size_t mi : mentions_in_sentence_[s])
        if (mentions_[mi].person >= 0) named.insert(mentions_[mi].person);
      named_done[s] = 1;
    }
    std::vector<int> with;
    for (int e : em.events) {
      for (int p : kb_.events[static_cast<size_t>(e)].participants)
        if (named.count(p)) {
          with.push_back(e);
          break;
        }
    }
    if (!with.empty()) {
      em.events = with;
      em.participant_named = true;
    } else if (em.generic) {
      continue;
    }
    // Prospective: a marker shortly before the trigger, with no word of the past between.
    const uint32_t lo = sent_start_[s];
    const uint32_t from = em.start > 80 ? em.start - 80 : 0;
    auto first = std::lower_bound(lexicon_.begin(), lexicon_.end(), from,
                                  [](const Phrase& ph, uint32_t pos) { return ph.end < pos; });
    for (auto it = first; it != lexicon_.end() && it->end <= em.start; ++it) {
      const Phrase& ph = *it;
      if (ph.kind != PhraseKind::kProspective || ph.start < lo) continue;
      int words = 0;
      bool blocked = false;
      for (uint32_t i = ph.end; i < em.start;) {
        if (!IsWordByte(static_cast<unsigned char>(f_[i]))) {
          if (f_[i] == ',' || f_[i] == ';' || f_[i] == '"' || f_[i] == '(') blocked = true;
          ++i;
          continue;
        }
        uint32_t e = i;
        while (e < em.start && IsWordByte(static_cast<unsigned char>(f_[e]))) ++e;
        ++words;
        blocked = blocked || BlocksProspective(F(i, e));
        i = e;
      }
      if (!blocked && words <= 8) {
        if (!em.prospective || ph.start > em.claim_start) em.claim_start = ph.start;  // the nearest marker
        em.prospective = true;
      }
    }
    if (!em.prospective) em.claim_start = em.start;
    // The stated date: a time expression next to the trigger ("the 2019 provision of",
    // "invasion in February 2021").
    int best = -1;
    uint32_t best_gap = 41;
    const auto& ts = times_[s];
    auto t0 = std::lower_bound(ts.begin(), ts.end(), em.start > 60 ? em.start - 60 : 0,
                               [](const TimeExpr& te, uint32_t pos) { return te.start < pos; });
    for (size_t t = static_cast<size_t>(t0 - ts.begin()); t < ts.size() && ts[t].start <= em.end + 45; ++t) {
      const TimeExpr& te = ts[t];
      if (!te.has_year()) continue;
      uint32_t gap;
      if (te.end <= em.start) {
        if (!(te.preposition.empty() || te.preposition == "the" || te.preposition == "s")) continue;
        gap = em.start - static_cast<uint32_t>(te.end);
        if (gap > 3) continue;
      } else if (te.start >= em.end) {
        // Right after the trigger, through one preposition ("invasion in February 2021"), not
        // after more words ("Lisbon summit of European Union leaders in 2000": another summit).
        if (!IsIn(te.preposition, {"in", "on", "of", "during"})) continue;
        const uint32_t hi = sent_end_[s];
        uint32_t p = SkipSpacesFwd(em.end, hi);
        if (p < hi && f_[p] == ',') p = SkipSpacesFwd(p + 1, hi);
        auto [ws, we] = WordAfter(p, hi);
        if (ws != p || F(ws, we) != te.preposition || SkipSpacesFwd(we, hi) != te.start) continue;
        gap = static_cast<uint32_t>(te.start) - em.end;
      } else {
        gap = 0;  // inside the trigger ("November 2024 election")
      }
      if (gap < best_gap) {
        best_gap = gap;
        best = static_cast<int>(t);
      }
    }
    em.time = best;
    if (best >= 0) time_is_event_date_[s][static_cast<size_t>(best)] = 1;
    event_mentions_.push_back(std::move(em));
  }
}

// Quotes: straight or curly double quotes (one '"' in the folded view), paired within a line.
void Checker::Quotes() {
  uint32_t open = 0;
  bool in_quote = false;
  for (uint32_t i = 0; i < f_.size(); ++i) {
    char c = f_[i];
    if (c == '\n') {
      in_quote = false;
      continue;
    }
    if (c != '"') continue;
    if (!in_quote) {
      open = i;
      in_quote = true;
    } else {
      in_quote = false;
      int s = SentenceOf(open);
      if (s < 0) s = SentenceOf(i);
      if (s < 0) continue;
      quotes_.push_back(QuoteSpan{open, i, s, -1});
    }
  }
  // quotes_ is ordered and non-overlapping: the quote around a position by binary search.
  auto inside_any = [&](uint32_t pos) {
    auto it = std::upper_bound(quotes_.begin(), quotes_.end(), pos,
                               [](uint32_t p, const QuoteSpan& q) { return p < q.close; });
    return it != quotes_.end() && it->open < pos;
  };
  // Per sentence, once: a speech word outside quotes ("said", "told", "according"), a pronoun.
  std::vector<char> speech(segments_.size(), 0), pronoun(segments_.size(), 0);
  for (size_t s = 0; s < segments_.size(); ++s) {
    uint32_t lo = sent_start_[s], hi = sent_end_[s];
    for (uint32_t i = lo; i < hi;) {
      if (!IsWordByte(static_cast<unsigned char>(f_[i]))) {
        ++i;
        continue;
      }
      uint32_t e = i;
      while (e < hi && IsWordByte(static_cast<unsigned char>(f_[e]))) ++e;
      std::string_view w = F(i, e);
      if (w.size() <= 10 && (IsSpeechWord(w) || w == "he" || w == "she") && !inside_any(i)) {
        if (IsSpeechWord(w)) speech[s] = 1;
        else pronoun[s] = 1;
      }
      i = e;
    }
  }
  // Speakers: the nearest person named outside quotes in the quote's sentence(s), when a speech
  // word stands there too; else the speaker of a quote in the previous sentence (a quote that
  // runs on), or — for "he said" — the first person named in the previous sentence.
  auto by_start = [](const PersonMention& m, uint32_t pos) { return m.start < pos; };
  int prev_sentence = -1, prev_speaker = -1;
  for (QuoteSpan& q : quotes_) {
    int s1 = q.sentence, s2 = std::max(q.sentence, SentenceOf(q.close));
    if (q.close - q.open > 20000) continue;  // not a quote: an unbalanced mark
    int best = -1;
    uint32_t best_dist = UINT32_MAX;
    bool has_speech = false, has_pronoun = false;
    for (int s = s1; s <= s2; ++s) {
      has_speech = has_speech || speech[static_cast<size_t>(s)];
      has_pronoun = has_pronoun || pronoun[static_cast<size_t>(s)];
    }
    // Nearest resolved mention after the quote, then before it, within its sentences.
    auto after = std::lower_bound(mentions_.begin(), mentions_.end(), q.close, by_start);
    for (int k = 0; k < 8 && after != mentions_.end() && after->sentence <= s2; ++k, ++after) {
      if (after->person < 0 || inside_any(after->start)) continue;
      best_dist = after->start - q.close;
      best = after->person;
      break;
    }
    auto before = std::lower_bound(mentions_.begin(), mentions_.end(), q.open, by_start);
    for (int k = 0; k < 8 && before != mentions_.begin(); ++k) {
      --before;
      if (before->sentence < s1) break;
      if (before->person < 0 || inside_any(before->start)) continue;
      uint32_t d = q.open > before->end ? q.open - before->end : 0;
      if (d < best_dist) {
        best_dist = d;
        best = before->person;
      }
      break;
    }
    if (best >= 0 && has_speech) {
      q.speaker = best;
    } else if (best < 0 && !has_speech && prev_sentence >= 0 &&
               (q.sentence == prev_sentence + 1 || q.sentence == prev_sentence) && prev_speaker >= 0) {
      q.speaker = prev_speaker;
    } else if (best < 0 && has_speech && has_pronoun && q.sentence > 0) {
      for (size_t mi : mentions_in_sentence_[static_cast<size_t>(q.sentence - 1)]) {
        if (mentions_[mi].person >= 0) {
          q.speaker = mentions_[mi].person;
          break;
        }
      }
    }
    prev_sentence = s2;
    prev_speaker = q.speaker;
  }
}

std::string WindowText(int32_t a, int32_t b) {
  if (a == b) return "on " + FormatIsoDate(Date{a});
  return "between " + FormatIsoDate(Date{a}) + " and " + FormatIsoDate(Date{b});
}

// Which dates look ahead: "until June 2006", "by 2030", "could decide in 2011", "will ... in
// 2027". They bound the time of the text from above and never date a claim.
void Checker::DateRoles() {
  time_future_.resize(segments_.size());
  for (size_t s = 0; s < segments_.size(); ++s) {
    time_future_[s].assign(times_[s].size(), 0);
    for (size_t t = 0; t < times_[s].size(); ++t) {
      const TimeExpr& te = times_[s][t];
      if (IsIn(te.preposition, {"until", "till", "by", "before"}) || te.relative_offset > 0) {
        time_future_[s][t] = 1;
        continue;
      }
      const uint32_t from = te.start > 40 ? static_cast<uint32_t>(te.start) - 40 : 0;
      auto first = std::lower_bound(lexicon_.begin(), lexicon_.end(), std::max(from, sent_start_[s]),
                                    [](const Phrase& ph, uint32_t pos) { return ph.end < pos; });
      for (auto it = first; it != lexicon_.end() && it->end <= te.start; ++it)
        if (it->kind == PhraseKind::kProspective && it->start >= sent_start_[s]) time_future_[s][t] = 1;
    }
  }
}

// The time a claim ending at claim_end speaks of when its sentence dates it: a fronted date ("In
// 2010, Prime Minister ...") dates everything in the sentence; a date after the claim dates it
// only within the same clause ("... visited Berlin in 2018", not "... said the rebate won in 1984
// must stay"). Dates that look ahead, event dates and dates after the reference window do not
// count. Pass claim_end = UINT32_MAX for fronted dates only.
// True when nothing between from and to opens another clause: no clause punctuation (a comma
// inside a number is fine), speech verb, conjunction or relative word, and no person named.
bool Checker::SameClause(uint32_t from, uint32_t to) const {
  for (uint32_t i = from; i < to;) {
    if (!IsWordByte(static_cast<unsigned char>(f_[i]))) {
      const bool digit_comma = f_[i] == ',' && i > from && i + 1 < to && f_[i - 1] >= '0' && f_[i - 1] <= '9' &&
                               f_[i + 1] >= '0' && f_[i + 1] <= '9';
      if ((f_[i] == ',' && !digit_comma) || f_[i] == ';' || f_[i] == ':' || f_[i] == '"' || f_[i] == '(' ||
          f_[i] == ')')
        return false;
      ++i;
      continue;
    }
    uint32_t e = i;
    while (e < to && IsWordByte(static_cast<unsigned char>(f_[e]))) ++e;
    std::string_view w = F(i, e);
    if ((IsSpeechWord(w) && w != "by") || IsIn(w, {"that", "which", "who", "whom", "whose", "when", "where", "while", "because",
                                    "although", "though", "since", "after", "before", "until", "whether", "if",
                                    "as", "and", "but", "or", "than"}))
      return false;
    i = e;
  }
  auto m = std::lower_bound(mentions_.begin(), mentions_.end(), from,
                            [](const PersonMention& pm, uint32_t pos) { return pm.start < pos; });
  return m == mentions_.end() || m->start >= to;
}

std::optional<Interval> Checker::ClaimTime(int sentence, uint32_t claim_start, uint32_t claim_end,
                                           std::string* when) const {
  const size_t s = static_cast<size_t>(sentence);
  // Candidates, in order: a fronted date (only the first expression can be one), then the dates
  // starting within 120 bytes after the claim — a bounded set, so long sentences stay linear.
  const auto& ts = times_[s];
  std::vector<size_t> candidates;
  if (!ts.empty() && ts.front().sentence_initial) candidates.push_back(0);
  if (claim_end != UINT32_MAX) {
    // Before the claim, in its clause ("... in September 2021 was rejected by Prime Minister X").
    auto b = std::lower_bound(ts.begin(), ts.end(), claim_start > 160 ? claim_start - 160 : 0,
                              [](const TimeExpr& te, uint32_t pos) { return te.start < pos; });
    for (; b != ts.end() && b->end <= claim_start; ++b) {
      size_t t = static_cast<size_t>(b - ts.begin());
      if (candidates.empty() || candidates.back() != t) candidates.push_back(t);
    }
    auto it = std::lower_bound(ts.begin(), ts.end(), claim_end,
                               [](const TimeExpr& te, uint32_t pos) { return te.start < pos; });
    for (; it != ts.end() && it->start <= static_cast<size_t>(claim_end) + 120; ++it) {
      size_t t = static_cast<size_t>(it - ts.begin());
      if (candidates.empty() || candidates.back() != t) candidates.push_back(t);
    }
  }
  for (size_t t : candidates) {
    const TimeExpr& te = times_[s][t];
    if (time_is_event_date_[s][t] || (time_future_.size() > s && time_future_[s][t])) continue;
    Interval iv;
    if (te.relative_unit) {
      // "last year": relative to a reference the text does not itself decide.
      if (!window_ || !(report_.reference_date.source == "given" || report_.reference_date.source == "dateline"))
        continue;
      Date a, b;
      ResolveRelative(te, Date{window_->a}, Date{window_->b}, &a, &b);
      iv = Interval{a.days, b.days};
    } else {
      if (!te.has_year()) continue;
      if (!(te.sentence_initial || IsIn(te.preposition, {"in", "on", "during"}))) continue;
      iv = Interval{te.First().days, te.Last().days};
    }
    if (window_ && iv.a > window_->b) continue;  // after the text's time: not a past date
    if (iv.a > kb_.as_of.days) continue;
    bool applies = te.sentence_initial;
    if (!applies && claim_end != UINT32_MAX && te.start >= claim_end && te.start - claim_end <= 120)
      applies = SameClause(claim_end, static_cast<uint32_t>(te.start));
    if (!applies && claim_end != UINT32_MAX && te.end <= claim_start && claim_start - te.end <= 120)
      applies = SameClause(static_cast<uint32_t>(te.end), claim_start);
    if (!applies) continue;
    if (when && te.relative_unit) {
      std::string d = FormatIsoDate(Date{iv.a}).substr(0, te.relative_unit == 'y' ? 4 : 7);
      *when = "in " + d + " (" + te.ToString() + ")";
    } else if (when) {
      *when = (te.precision == TimePrecision::kDay ? "on " : "in ") + te.ToString();
    }
    return iv;
  }
  return std::nullopt;
}

void Checker::ReferenceTime() {
  ReferenceDate& rd = report_.reference_date;
  if (options_.date) {
    rd.from = rd.to = options_.date;
    rd.source = "given";
    window_ = Interval{options_.date->days, options_.date->days};
    return;
  }
  // The text's own date (dateline.h): a dateline, a date line, a published line or a dated byline.
  std::optional<DatelineInfo> head = FindDatelineDate(doc_, segments_);
  if (head && !head->date) head.reset();
  auto head_text = [&] {
    return std::string(DatelineFormName(head->form)) + " \"" +
           Trimmed(std::string(doc_.text().substr(head->date_start, head->date_end - head->date_start))) + "\"";
  };
  if (options_.metadata_date) {
    const Date d = *options_.metadata_date;
    rd.from = rd.to = d;
    rd.source = "metadata";
    rd.evidence.push_back("published " + FormatIsoDate(d) + " (" +
                          (options_.metadata_source.empty() ? std::string("metadata") : options_.metadata_source) + ")");
    // Metadata and the text disagree by more than a few days: say so (the metadata date is used).
    if (head && std::abs(head->date->days - d.days) > 3) {
      rd.evidence.push_back("the text's " + head_text() + " says " + FormatIsoDate(*head->date) + ", " +
                            std::to_string(std::abs(head->date->days - d.days)) + " days " +
                            (head->date->days > d.days ? "later" : "earlier") + " than the metadata");
    }
    window_ = Interval{d.days, d.days};
    return;
  }
  if (head) {
    const Date d = *head->date;
    rd.from = rd.to = d;
    rd.source = "dateline";
    rd.evidence.push_back("dateline " + FormatIsoDate(d) + " (" + head_text() + ")");
    window_ = Interval{d.days, d.days};
    return;
  }
  // Claims dated by their sentences speak of that time, not of the article's.
  std::vector<TimeConstraint> cs;
  std::map<std::string, size_t> seen;  // dedupe: one constraint per (person, office set, tense) / event set
  auto add = [&](const std::string& key, TimeConstraint c) {
    auto it = seen.find(key);
    if (it != seen.end()) {
      cs[it->second].weight = std::max(cs[it->second].weight, c.weight);
      return;
    }
    seen.emplace(key, cs.size());
    cs.push_back(std::move(c));
  };
  for (const TitleClaim& c : claims_) {
    if (c.tense == Tense::kSkip || ClaimTime(c.sentence, c.start, c.end, nullptr)) continue;
    const std::string& name = kb_.people[static_cast<size_t>(c.person)].name;
    std::string key = std::to_string(c.person) + (c.tense == Tense::kFormer ? "F" : "P");
    for (int o : c.offices) key += "," + std::to_string(o);
    auto spans = TermsOf(c.person, c.offices, true);
    if (spans.empty()) continue;
    TimeConstraint tc;
    std::string office = kb_.offices[static_cast<size_t>(c.offices.front())].name;
    if (c.tense == Tense::kPresent) {
      // Weights (in quarters of a title): a present-tense title pins the time to a term (4);
      // "former" and the looser "NAME administration" only exclude one (2); a year or date in the
      // text bounds the time loosely (1); events, below, 2 or 8.
      tc.intervals = spans;
      tc.weight = c.administration ? 2 : 4;
      tc.clue = "\"" + Trimmed(Orig(c.start, c.end)) + "\": " + name + " held " + office + " from " +
                FormatIsoDate(Date{spans.back().first}) +
                (spans.back().second >= kOpenEnd ? "" : " to " + FormatIsoDate(Date{spans.back().second}));
    } else {
      tc.weight = 2;
      for (size_t i = 0; i < spans.size(); ++i)
        tc.intervals.emplace_back(spans[i].second, i + 1 < spans.size() ? spans[i + 1].first : kOpenEnd);
      tc.clue = "\"" + Trimmed(Orig(c.start, c.end)) + "\": " + name + " out of " + office + " after " +
                FormatIsoDate(Date{spans.front().second});
    }
    add(key, std::move(tc));
  }
  for (const EventMention& em : event_mentions_) {
    // A generic "November election" stands for one of many: it is judged, never a clue.
    if (em.generic || ClaimTime(em.sentence, em.start, em.end, nullptr)) continue;
    std::string key = em.prospective ? "P" : "E";
    int32_t lo_date = kOpenEnd, hi_date = kOpenStart;
    for (int e : em.events) {
      key += "," + std::to_string(e);
      const KbEvent& ev = kb_.events[static_cast<size_t>(e)];
      lo_date = std::min(lo_date, ev.date.days);
      hi_date = std::max(hi_date, ev.date.days);
    }
    const KbEvent& first = kb_.events[static_cast<size_t>(em.events.front())];
    std::string label = em.events.size() == 1 ? first.name + " (" + EventDateText(first) + ")"
                                              : "\"" + Orig(em.start, em.end) + "\"";
    TimeConstraint tc;
    if (em.prospective) {
      tc.intervals.emplace_back(kOpenStart, hi_date + 1);
      tc.weight = 2;
      tc.clue = label + " spoken of as still to come";
    } else {
      tc.intervals.emplace_back(lo_date, kOpenEnd);
      // An event the article reports as past, with a participant named, is the strongest clue:
      // a checked claim (a title) may be wrong, the event the article is about rarely is.
      tc.weight = em.participant_named && !em.generic ? 8 : 2;
      tc.clue = label + " reported as past";
    }
    add(key, std::move(tc));
  }
  for (size_t s = 0; s < segments_.size(); ++s) {
    for (size_t t = 0; t < times_[s].size(); ++t) {
      const TimeExpr& te = times_[s][t];
      if (!te.has_year() || time_is_event_date_[s][t]) continue;
      TimeConstraint tc;
      if (time_future_[s][t]) {  // a deadline or a prospect: the text speaks before it
        tc.intervals.emplace_back(kOpenStart, te.Last().days + 1);
        tc.clue = "the date " + te.ToString() + " ahead in the text";
        add("U" + te.ToString(), std::move(tc));
      } else {
        tc.intervals.emplace_back(te.First().days, kOpenEnd);
        tc.clue = "the date " + te.ToString() + " in the text";
        add("T" + te.ToString(), std::move(tc));
      }
    }
  }
  // The latest past date the text states, taken as recent: news reports speak within about a year
  // after the latest date they report. Its weight grows with the distinct dates the text states
  // within two years before it (one date: 2, two: 4, three or more: 5): a text that dates several
  // of its events near one time outweighs a single title (4) — so one planted title cannot move
  // the window away from them (issue 12) — while a lone year ("the bill, proposed in 1993, …")
  // outweighs neither a correct title nor a "former" (2), and two agreeing titles (8) outweigh any
  // of it. Only dates
  // that read as a time of the report's events count: a month or day, a fronted year, or
  // "in/during/since/from/of YEAR" — not "the 2012 Games" or "2005 accounts".
  {
    const TimeExpr* latest = nullptr;
    std::vector<const TimeExpr*> anchored_dates;
    for (size_t s = 0; s < segments_.size(); ++s) {
      for (size_t t = 0; t < times_[s].size(); ++t) {
        const TimeExpr& te = times_[s][t];
        if (!te.has_year() || time_is_event_date_[s][t] || time_future_[s][t]) continue;
        if (te.First().days > kb_.as_of.days) continue;
        const bool anchored = te.precision != TimePrecision::kYear || te.sentence_initial ||
                              IsIn(te.preposition, {"in", "during", "since", "from", "of"});
        if (!anchored) continue;
        anchored_dates.push_back(&te);
        if (!latest || te.Last().days > latest->Last().days) latest = &te;
      }
    }
    if (latest) {
      std::set<std::string> near;
      for (const TimeExpr* te : anchored_dates)
        if (te->Last().days + 2 * 366 >= latest->Last().days) near.insert(te->ToString());
      TimeConstraint tc;
      tc.intervals.emplace_back(latest->First().days, latest->Last().days + 366);
      tc.weight = near.size() >= 3 ? 5 : near.size() == 2 ? 4 : 2;
      tc.clue = "the latest date in the text, " + latest->ToString() + ", taken as recent (a report speaks within a year after it)";
      add("R", std::move(tc));
    }
  }
  int32_t lo = index_.earliest ? index_.earliest->days : kb_.as_of.days - 365 * 100;
  int32_t hi = kb_.as_of.days + 1;
  std::optional<TimeWindow> w = BestWindow(cs, lo, hi);
  if (!w) {
    rd.source = "none";
    return;
  }
  rd.source = "inferred";
  rd.from = Date{w->from};
  rd.to = Date{w->to - 1};
  window_ = Interval{w->from, w->to - 1};
  for (size_t i : w->satisfied) {
    if (rd.evidence.size() >= 12) break;
    rd.evidence.push_back(cs[i].clue);
  }
}

std::optional<Interval> Checker::JudgedTime(int sentence, uint32_t claim_start, uint32_t claim_end,
                                            std::string* when) const {
  std::optional<Interval> t = ClaimTime(sentence, claim_start, claim_end, when);
  if (!t) t = window_;
  if (!t) return std::nullopt;
  if (t->a > kb_.as_of.days) return std::nullopt;
  t->b = std::min(t->b, kb_.as_of.days);
  if (when->empty()) *when = WindowText(t->a, t->b);
  return t;
}

std::string Checker::SourceName(int source) const {
  if (source < 0 || static_cast<size_t>(source) >= kb_.sources.size()) return "";
  const KbSource& s = kb_.sources[static_cast<size_t>(source)];
  return s.url.empty() ? s.name : s.name + " (" + s.url + ")";
}

std::string Checker::TermFact(const KbTerm& t) const {
  return kb_.people[static_cast<size_t>(t.person)].name + ": " + kb_.offices[static_cast<size_t>(t.office)].name +
         ", " + FormatIsoDate(t.start) + " – " + (t.end ? FormatIsoDate(*t.end) : std::string("(in office)")) +
         (t.acting ? " (acting)" : "");
}

// The days an event covers: its date at its precision, up to its end date.
Interval EventDays(const KbEvent& k) {
  int y, m, d;
  SplitDate(k.date, &y, &m, &d);
  TimeExpr kt;
  kt.year = y, kt.month = m, kt.day = d;
  kt.precision = k.precision == EventPrecision::kDay     ? TimePrecision::kDay
                 : k.precision == EventPrecision::kMonth ? TimePrecision::kMonth
                                                         : TimePrecision::kYear;
  return Interval{kt.First().days, std::max(kt.Last().days, k.end ? k.end->days : 0)};
}

std::string Checker::EventDateText(const KbEvent& e) const {
  std::string d = FormatIsoDate(e.date);
  if (e.precision == EventPrecision::kMonth) d = d.substr(0, 7);
  if (e.precision == EventPrecision::kYear) d = d.substr(0, 4);
  if (e.end) d += " – " + FormatIsoDate(*e.end);
  return d;
}

void Checker::Add(std::string_view rule, Severity severity, int sentence, uint32_t fs, uint32_t fe,
                  std::string message, std::vector<Evidence> evidence, std::optional<std::string> suggestion) {
  Finding f;
  f.rule = std::string(rule);
  f.severity = severity;
  f.sentence = static_cast<size_t>(std::max(sentence, 0));
  size_t s = doc_.FoldedToOriginal(fs), e = doc_.FoldedToOriginal(fe);
  if (e < s) e = s;
  f.span = Span{s, e, doc_.Utf16At(s), doc_.Utf16At(e)};
  f.text = std::string(doc_.text().substr(s, e - s));
  f.message = std::move(message);
  f.evidence = std::move(evidence);
  f.suggestion = std::move(suggestion);
  report_.findings.push_back(std::move(f));
}

void Checker::JudgeTitles() {
  for (const TitleClaim& c : claims_) {
    if (c.tense == Tense::kSkip || c.administration) continue;
    std::string when;
    std::optional<Interval> t = JudgedTime(c.sentence, c.start, c.end, &when);
    if (!t) continue;
    const KbPerson& person = kb_.people[static_cast<size_t>(c.person)];
    std::vector<Evidence> ev;
    for (int ti : kb_.terms_by_person[static_cast<size_t>(c.person)]) {
      const KbTerm& term = kb_.terms[static_cast<size_t>(ti)];
      if (std::find(c.offices.begin(), c.offices.end(), term.office) != c.offices.end())
        ev.push_back(Evidence{TermFact(term), SourceName(term.source)});
    }
    const std::string claim = Orig(c.start, c.end);
    if (c.tense == Tense::kPresent) {
      if (HeldAny(c.person, c.offices, t->a, t->b)) continue;
      // Had the person held it before (and left)?
      int32_t left = kOpenStart;
      int left_office = -1;
      for (int ti : kb_.terms_by_person[static_cast<size_t>(c.person)]) {
        const KbTerm& term = kb_.terms[static_cast<size_t>(ti)];
        if (std::find(c.offices.begin(), c.offices.end(), term.office) == c.offices.end()) continue;
        if (term.start.days < t->a && term.end && term.end->days <= t->a && term.end->days > left) {
          left = term.end->days;
          left_office = term.office;
        }
      }
      // Someone long out of office named with the title is a historical reference ("the attempt on
      // Prime Minister Thatcher"), not a claim about the present: after 6 years when named by
      // surname alone or in apposition, after 20 years in any case. (A full name with its title and no "former",
      // years after the term, is how a present-day mistake reads: "Prime Minister John Major" in 2005.)
      // An apposition ("James Baker, secretary of state, agreed") reads like the surname alone.
      const bool loose = !mentions_[static_cast<size_t>(c.mention)].full || c.start == mentions_[static_cast<size_t>(c.mention)].start;
      const int32_t historical_days = (loose ? 6 : 20) * 365;
      if (left_office >= 0 && t->a - left > historical_days) continue;
      // Monarchs keep their title in references after their reign ("Queen Elizabeth's funeral").
      if (left_office >= 0 && kb_.offices[static_cast<size_t>(left_office)].role == OfficeRole::kMonarch) continue;
      if (left_office >= 0) {
        std::string before = Orig(c.start, c.phrase_start);
        std::string former = c.phrase_start == sent_start_[static_cast<size_t>(c.sentence)] ? "Former " : "former ";
        std::string suggestion = before + former + Orig(c.phrase_start, c.end);
        Add("CURRENT_BUT_FORMER", Severity::kWarning, c.sentence, c.start, c.end,
            RenderMessage("CURRENT_BUT_FORMER", {{"claim", claim},
                                                 {"name", person.name},
                                                 {"office", kb_.offices[static_cast<size_t>(left_office)].name},
                                                 {"left", FormatIsoDate(Date{left})},
                                                 {"when", when}}),
            std::move(ev), suggestion);
        continue;
      }
      // Never held before: only when the KB knows who held the office at that time.
      std::string holder;
      bool covered = false;
      for (int o : c.offices) {
        for (int ti : kb_.terms_by_office[static_cast<size_t>(o)]) {
          const KbTerm& term = kb_.terms[static_cast<size_t>(ti)];
          if (term.start.days <= t->b) covered = true;
          if (term.start.days <= t->b && TermEnd(term) > t->a && term.person != c.person) {
            if (holder.empty()) holder = kb_.people[static_cast<size_t>(term.person)].name;
            ev.push_back(Evidence{TermFact(term), SourceName(term.source)});
          }
        }
      }
      if (!covered) continue;
      const KbOffice& office = kb_.offices[static_cast<size_t>(c.offices.front())];
      Add("TITLE_NOT_HELD", Severity::kError, c.sentence, c.start, c.end,
          RenderMessage("TITLE_NOT_HELD", {{"claim", claim},
                                           {"name", person.name},
                                           {"office", office.name},
                                           {"when", when},
                                           {"holder", holder.empty() ? "" : "; the office was held by " + holder}}),
          std::move(ev), std::nullopt);
    } else if (c.tense == Tense::kFormer) {
      bool all = true;
      int32_t since = kOpenEnd;
      for (int o : c.offices) {
        if (!HeldThroughout(c.person, o, t->a, t->b)) {
          all = false;
          break;
        }
        for (auto [s, e] : TermsOf(c.person, {o}, false))
          if (s <= t->a && e > t->b) since = std::min(since, s);
      }
      if (!all) continue;
      std::string suggestion = c.has_modifier ? Orig(c.start, c.mod_start) + Orig(c.mod_end, c.end) : claim;
      if (!suggestion.empty() && c.has_modifier && c.mod_start == c.start && suggestion[0] >= 'a' &&
          suggestion[0] <= 'z' && c.start == sent_start_[static_cast<size_t>(c.sentence)])
        suggestion[0] = static_cast<char>(suggestion[0] - 32);
      Add("FORMER_BUT_IN_OFFICE", Severity::kError, c.sentence, c.start, c.end,
          RenderMessage("FORMER_BUT_IN_OFFICE", {{"claim", claim},
                                                 {"name", person.name},
                                                 {"office", kb_.offices[static_cast<size_t>(c.offices.front())].name},
                                                 {"since", FormatIsoDate(Date{since})},
                                                 {"when", when}}),
          std::move(ev), suggestion);
    }
  }
}

void Checker::JudgeEvents() {
  for (const EventMention& em : event_mentions_) {
    const size_t s = static_cast<size_t>(em.sentence);
    std::vector<Evidence> ev;
    for (int e : em.events) {
      const KbEvent& k = kb_.events[static_cast<size_t>(e)];
      ev.push_back(Evidence{k.name + ": " + EventDateText(k) + (k.place.empty() ? "" : ", " + k.place), SourceName(k.source)});
    }
    if (em.prospective && !ClaimTime(em.sentence, em.start, em.end, nullptr)) {
      std::string when;
      std::optional<Interval> t = JudgedTime(em.sentence, em.start, em.end, &when);
      if (!t) continue;
      int latest = -1;
      bool any_after = false;
      for (int e : em.events) {
        const KbEvent& k = kb_.events[static_cast<size_t>(e)];
        if (EventDays(k).b >= t->a) any_after = true;
        else if (latest < 0 || k.date > kb_.events[static_cast<size_t>(latest)].date) latest = e;
      }
      if (any_after || latest < 0) continue;
      const KbEvent& k = kb_.events[static_cast<size_t>(latest)];
      Add("ANACHRONISM", Severity::kError, em.sentence, em.claim_start, em.end,
          RenderMessage("ANACHRONISM", {{"claim", Orig(em.claim_start, em.end)},
                                        {"event", k.name},
                                        {"event_date", EventDateText(k)},
                                        {"when", when}}),
          std::move(ev), std::nullopt);
      continue;
    }
    if (em.prospective || em.time < 0 || em.generic || em.events.size() != 1) continue;
    const TimeExpr& te = times_[s][static_cast<size_t>(em.time)];
    const KbEvent& k = kb_.events[static_cast<size_t>(em.events.front())];
    int32_t sa = te.First().days, sb = te.Last().days;
    Interval kd = EventDays(k);
    // A day either side: news across time zones dates the same night differently.
    if (sa - 1 <= kd.b && kd.a <= sb + 1) continue;  // the stated date agrees
    const KbOtherDate* other = nullptr;
    for (const KbOtherDate& od : k.other_dates)
      if (od.date.days >= sa && od.date.days <= sb) other = &od;
    uint32_t span_start = std::min(em.start, static_cast<uint32_t>(te.start));
    uint32_t span_end = std::max(em.end, static_cast<uint32_t>(te.end));
    if (other) ev.push_back(Evidence{k.name + ": " + FormatIsoDate(other->date) + ": " + other->what, SourceName(k.source)});
    Add("EVENT_DATE_MISMATCH", other ? Severity::kInfo : Severity::kWarning, em.sentence, span_start, span_end,
        RenderMessage("EVENT_DATE_MISMATCH",
                      {{"claim", Orig(span_start, span_end)},
                       {"event", k.name},
                       {"stated", te.ToString()},
                       {"kb_date", EventDateText(k)},
                       {"other", other ? "; the KB records " + FormatIsoDate(other->date) + " for a related step: " +
                                             other->what
                                       : ""}}),
        std::move(ev), std::nullopt);
  }
}

std::vector<std::string> Words(std::string_view folded) {
  std::vector<std::string> out;
  for (size_t i = 0; i < folded.size();) {
    if (!IsWordByte(static_cast<unsigned char>(folded[i]))) {
      ++i;
      continue;
    }
    size_t e = i;
    while (e < folded.size() && IsWordByte(static_cast<unsigned char>(folded[e]))) ++e;
    out.emplace_back(folded.substr(i, e - i));
    i = e;
  }
  return out;
}

bool ContainsRun(const std::vector<std::string>& hay, const std::vector<std::string>& needle) {
  if (needle.empty() || needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && hay[i + k] == needle[k]) ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

void Checker::JudgeQuotes() {
  constexpr size_t kShortQuote = 4;  // fewer words: a scare quote, checked only for presence
  constexpr size_t kMaxWords = 400;
  for (const QuoteSpan& q : quotes_) {
    if (q.speaker < 0) continue;
    std::vector<std::string> qw = Words(F(q.open + 1, q.close));
    if (qw.empty() || qw.size() > kMaxWords) continue;
    const KbPerson& speaker = kb_.people[static_cast<size_t>(q.speaker)];
    std::string when;
    std::optional<Interval> t = JudgedTime(q.sentence, UINT32_MAX, UINT32_MAX, &when);
    std::vector<int> near;
    const auto& all = kb_.quotes_by_speaker[static_cast<size_t>(q.speaker)];
    for (int qi : all) {
      const KbQuote& kq = kb_.quotes[static_cast<size_t>(qi)];
      if (!t || (kq.date.days >= t->a - 14 && kq.date.days <= t->b + 14)) near.push_back(qi);
    }
    bool verified = false;
    int best = -1;
    double best_overlap = 0;
    for (int qi : near) {
      std::vector<std::string> kw = Words(Fold(kb_.quotes[static_cast<size_t>(qi)].text));
      if (ContainsRun(kw, qw)) {
        verified = true;
        break;
      }
      std::map<std::string, int> bag;
      for (const auto& w : kw) ++bag[w];
      size_t hit = 0;
      for (const auto& w : qw) {
        auto it = bag.find(w);
        if (it != bag.end() && it->second > 0) {
          --it->second;
          ++hit;
        }
      }
      double overlap = static_cast<double>(hit) / static_cast<double>(std::max(qw.size(), kw.size() / 2 + 1));
      if (overlap > best_overlap) {
        best_overlap = overlap;
        best = qi;
      }
    }
    // Unverified only where the KB records statements of the speaker around that time: elsewhere
    // its silence says nothing.
    if (verified || qw.size() < kShortQuote) continue;
    uint32_t s = q.open + 1, e = q.close;
    while (e > s && (f_[e - 1] == ',' || f_[e - 1] == ' ')) --e;  // "…,” he said": the words, not the comma
    if (best >= 0 && best_overlap >= 0.6) {
      const KbQuote& kq = kb_.quotes[static_cast<size_t>(best)];
      Add("QUOTE_ALTERED", Severity::kWarning, q.sentence, s, e,
          RenderMessage("QUOTE_ALTERED", {{"speaker", speaker.name}, {"quote_date", FormatIsoDate(kq.date)}}),
          {Evidence{speaker.name + ", " + FormatIsoDate(kq.date) + ": \"" + kq.text + "\"" +
                        (kq.ref.empty() ? "" : " (" + kq.ref + ")"),
                    SourceName(kq.source)}},
          kq.text);
      continue;
    }
    // Unverified only where the KB records statements of the speaker around that time: elsewhere
    // its silence says nothing.
    if (!t || near.empty()) continue;
    std::vector<Evidence> ev;
    for (int qi : near) {
      if (ev.size() >= 3) break;
      const KbQuote& kq = kb_.quotes[static_cast<size_t>(qi)];
      ev.push_back(Evidence{speaker.name + ", " + FormatIsoDate(kq.date) + ": \"" + kq.text + "\"", SourceName(kq.source)});
    }
    std::string span_when = t ? "between " + FormatIsoDate(Date{t->a - 14}) + " and " + FormatIsoDate(Date{t->b + 14}) : "";
    std::string recorded = "the KB records " + std::to_string(near.size()) +
                                                (near.size() == 1 ? " statement" : " statements") + " of " + speaker.name +
                                                " " + span_when + ", none with these words";
    Add("QUOTE_UNVERIFIED", Severity::kInfo, q.sentence, s, e,
        RenderMessage("QUOTE_UNVERIFIED", {{"speaker", speaker.name}, {"recorded", recorded}}), std::move(ev),
        std::nullopt);
  }
}

// The same person called "former X" in one place and a sitting X (or "NAME administration") in
// another, in sentences without dates of their own.
void Checker::Inconsistent() {
  std::map<int, const TitleClaim*> former, sitting;
  std::set<int> done;
  for (const TitleClaim& c : claims_) {
    if (c.tense == Tense::kSkip || ClaimTime(c.sentence, c.start, c.end, nullptr)) continue;
    auto& mine = c.tense == Tense::kFormer ? former : sitting;
    auto& other = c.tense == Tense::kFormer ? sitting : former;
    if (!mine.count(c.person)) mine[c.person] = &c;
    auto it = other.find(c.person);
    if (it == other.end() || done.count(c.person)) continue;
    const TitleClaim& o = *it->second;
    bool shared = false;
    for (int x : c.offices)
      shared = shared || std::find(o.offices.begin(), o.offices.end(), x) != o.offices.end();
    if (!shared) continue;
    done.insert(c.person);
    const TitleClaim& f = c.tense == Tense::kFormer ? c : o;
    const TitleClaim& p = c.tense == Tense::kFormer ? o : c;
    Add("INCONSISTENT_DESCRIPTION", Severity::kWarning, c.sentence, c.start, c.end,
        RenderMessage("INCONSISTENT_DESCRIPTION",
                      {{"name", kb_.people[static_cast<size_t>(c.person)].name},
                       {"former", Orig(f.start, f.end)},
                       {"former_line", std::to_string(LineOf(f.start))},
                       {"sitting", Orig(p.start, p.end)},
                       {"sitting_line", std::to_string(LineOf(p.start))}}),
        {}, std::nullopt);
  }
}

void Checker::Sourcing() {
  // Overlapping hedge/anonymous phrases in one sentence are one span.
  std::vector<Phrase> ph;
  for (const Phrase& p : lexicon_)
    if (p.kind != PhraseKind::kProspective) ph.push_back(p);
  std::sort(ph.begin(), ph.end(), [](const Phrase& a, const Phrase& b) { return a.start < b.start; });
  for (size_t i = 0; i < ph.size();) {
    uint32_t s = ph[i].start, e = ph[i].end;
    bool anonymous = ph[i].kind == PhraseKind::kAnonymous;
    size_t j = i + 1;
    while (j < ph.size() && ph[j].start < e) {
      e = std::max(e, ph[j].end);
      anonymous = anonymous || ph[j].kind == PhraseKind::kAnonymous;
      ++j;
    }
    i = j;
    int sentence = SentenceOf(s);
    if (sentence < 0) continue;
    Add("WEAK_SOURCING", Severity::kInfo, sentence, s, e,
        RenderMessage("WEAK_SOURCING", {{"claim", Orig(s, e)},
                                        {"kind", anonymous ? "an anonymous attribution" : "a hedge"}}),
        {}, std::nullopt);
  }
}

Report Checker::Run() {
  report_.kb_name = kb_.name;
  report_.kb_as_of = FormatIsoDate(kb_.as_of);
  Sentences();
  Hits();
  Persons();
  Titles();
  ResolveClaims();
  Events();
  Quotes();
  DateRoles();
  ReferenceTime();
  JudgeTitles();
  JudgeEvents();
  JudgeQuotes();
  Inconsistent();
  Sourcing();

  std::vector<Finding> kept;
  for (Finding& f : report_.findings) {
    if (f.severity < options_.min_severity) continue;
    if (std::find(options_.disabled_rules.begin(), options_.disabled_rules.end(), f.rule) !=
        options_.disabled_rules.end())
      continue;
    kept.push_back(std::move(f));
  }
  std::stable_sort(kept.begin(), kept.end(), [](const Finding& a, const Finding& b) {
    if (a.span.start != b.span.start) return a.span.start < b.span.start;
    if (a.span.end != b.span.end) return a.span.end < b.span.end;
    return a.rule < b.rule;
  });
  report_.findings = std::move(kept);
  return std::move(report_);
}

}  // namespace

Report Check(const Kb& kb, std::string_view text, const CheckOptions& options) {
  std::shared_ptr<const KbIndex> index = GetKbIndex(kb);
  Checker checker(kb, *index, text, options);
  return checker.Run();
}

}  // namespace factlint
