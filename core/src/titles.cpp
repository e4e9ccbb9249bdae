// Title claims (mentions.h): for every person mention, the title the text gives it —
//   "[mods] [Jurisdiction['s]] Title [of (the) Jurisdiction] [-elect] [Rank] NAME"  (prenominal),
//   "NAME, [the|a] [mods] [Jurisdiction['s]] title [of (the) Jurisdiction]"  (appositive),
//   "NAME administration", "NAME's government"                               (administration)
// — with its tense from the modifiers (lexicon.h), then resolved against the KB: a short form
// without an earlier full mention is named by the one candidate who ever held that office, and a
// claim keeps the offices it can mean (the jurisdiction's, or those with that title the person
// held). A title the KB does not know for the person gives no claim: silence.

#include <algorithm>

#include "mentions.h"

namespace factlint {
namespace {

class TitleFinder {
 public:
  TitleFinder(const KbQuery& kb, const KbIndex& index, const FoldedView& text, const Sentences& sentences,
              const PhraseHits& hits)
      : kb_(kb), index_(index), t_(text), sent_(sentences), ph_(hits), hits_(hits.hits) {}

  std::vector<TitleClaim> Find(std::vector<PersonMention>* persons) {
    for (size_t i = 0; i < persons->size(); ++i) {
      const PersonMention& m = (*persons)[i];
      size_t before = claims_.size();
      ParsePrenominal(m, i);
      bool had_title = claims_.size() > before;
      if (!had_title) ParseAppositive(m, i);
      if (!had_title) ParseAdministration(m, i);
    }
    Resolve(persons);
    return std::move(claims_);
  }

 private:
  uint32_t ParseModifiersBack(uint32_t pos, uint32_t lo, TitleClaim* c, bool* blocked) const;
  bool PastEraBefore(uint32_t pos, uint32_t lo) const;
  uint32_t InnerTitleEnd(const PersonMention& m) const;
  uint32_t SkipRanksBack(uint32_t pos, uint32_t lo) const;
  bool ParsePrenominal(const PersonMention& m, size_t mi);
  bool ParseAppositive(const PersonMention& m, size_t mi);
  void ParseAdministration(const PersonMention& m, size_t mi);
  void AddTitleClaim(TitleClaim c, const std::vector<int>& title_offices, const std::vector<int>& jur);
  void Resolve(std::vector<PersonMention>* persons);

  const KbQuery& kb_;
  const KbIndex& index_;
  const FoldedView& t_;
  const Sentences& sent_;
  const PhraseHits& ph_;
  const std::vector<PhraseMatcher::Hit>& hits_;
  std::vector<TitleClaim> claims_;
};

// Modifiers before a title phrase, right to left: "former", "ex-", "the", "then-". Returns the new
// start of the phrase; sets *blocked when the word before makes the title part of another name.
uint32_t TitleFinder::ParseModifiersBack(uint32_t pos, uint32_t lo, TitleClaim* c, bool* blocked) const {
  *blocked = false;
  uint32_t start = pos;
  for (int k = 0; k < 4; ++k) {
    uint32_t e = t_.SkipSpacesBack(start, lo);
    bool hyphen = e > lo && t_[e - 1] == '-' && e == start;  // "ex-President"
    uint32_t we = hyphen ? e - 1 : e;
    auto [s, w_end] = t_.WordBefore(we, lo);
    if (s == w_end) break;
    std::string_view w = t_.F(s, w_end);
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
    if (w == "under" && !t_.UpperAt(s)) {  // "under President X": a tenure, past or present, not a claim
      c->tense = Tense::kSkip;
      break;
    }
    if (w == "under" && t_.FirstWord(s, lo)) {
      c->tense = Tense::kSkip;
      break;
    }
    if (w == "a" || w == "an") {  // "how good a prime minister X will make": a predicate, not a title
      *blocked = true;
      break;
    }
    // An unknown word: a capitalised one or a possessive ties the title to something else ("Party
    // President", "Google's President", "Danaher chief executive"). At the start of a sentence every
    // word has a capital, so there a letter word ties it unless it may open a sentence ("But
    // President X", "Visiting President X"); a word of no letters (U+FFFD, CJK) tells nothing.
    bool capital_ties = t_.UpperAt(s) && (!t_.FirstWord(s, lo) ||
                                         (t_[s] >= 'a' && t_[s] <= 'z' && !OpensSentenceBeforeTitle(w)));
    if (BlocksTitle(w) || (w == "s" && s > lo && t_[s - 1] == '\'') || capital_ties) *blocked = true;
    break;
  }
  return start;
}

// "the previous government, led by President X": a title inside a clause about a past
// government names its holder then. True when such a phrase ends at most 12 words before pos.
bool TitleFinder::PastEraBefore(uint32_t pos, uint32_t lo) const {
  uint32_t p = pos;
  std::string_view next, next2;  // the words after the current one (to its right)
  for (int k = 0; k < 12; ++k) {
    auto [s, e] = t_.WordBefore(p, lo);
    if (s == e) {
      // Skip one punctuation mark (a comma) and go on; stop at anything else.
      uint32_t q = t_.SkipSpacesBack(p, lo);
      if (q > lo && t_[q - 1] == ',') {
        p = q - 1;
        continue;
      }
      return false;
    }
    std::string_view w = t_.F(s, e);
    if (IsPastEraModifier(w) && IsPastEraNoun(next)) return true;
    // "At the time, Prime Minister X …", "… was, at that time, President X": an era of the past.
    if (w == "at" && (next == "the" || next == "that") && next2 == "time") return true;
    next2 = next;
    next = w;
    p = s;
  }
  return false;
}

// Keeps a title claim: its offices are the title's, narrowed to the jurisdiction when one is
// named; a title the KB does not know for that jurisdiction gives no claim (silence).
void TitleFinder::AddTitleClaim(TitleClaim c, const std::vector<int>& title_offices, const std::vector<int>& jur) {
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

// Up to three capitalised ranks or honorifics ending at pos, each with or without its period
// ("Lt. Gen.", "Air Chief Marshal", "Sir"): the position before them when a title or jurisdiction
// phrase ends there, else pos. Nothing is skipped when a phrase ends at pos itself ("Secretary
// General" is a title, not "Secretary" and a rank).
uint32_t TitleFinder::SkipRanksBack(uint32_t pos, uint32_t lo) const {
  auto phrase_ends = [&](uint32_t p) { return ph_.title_by_end.count(p) > 0 || ph_.jur_by_end.count(p) > 0; };
  if (phrase_ends(pos)) return pos;
  uint32_t p = pos;
  for (int k = 0; k < 3; ++k) {
    uint32_t e = p;
    if (e > lo && t_[e - 1] == '.') --e;
    auto [ws, we] = t_.WordBefore(e, lo);
    if (we != e || ws == we || !IsTitleNameRank(t_.F(ws, we)) || !t_.UpperAt(ws)) return pos;
    p = t_.SkipSpacesBack(ws, lo);
    if (p == ws || p <= lo) return pos;
    if (phrase_ends(p)) return p;
  }
  return pos;
}

// The end of a title that opens the mention itself — the KB's name for the person holds it ("King
// Abdullah II", "Pope Benedict XVI") — when the person held an office of that title; 0 otherwise.
uint32_t TitleFinder::InnerTitleEnd(const PersonMention& m) const {
  if (m.person < 0) return 0;
  auto it = ph_.title_by_start.find(m.start);
  if (it == ph_.title_by_start.end()) return 0;
  const auto& th = hits_[it->second];
  if (th.end >= m.end || !t_.Space(th.end)) return 0;
  std::vector<int> offices;
  AppendRefs(index_, th.pattern, PhraseKind::kTitle, &offices);
  for (int o : kb_.OfficesHeld(m.person))
    if (std::find(offices.begin(), offices.end(), o) != offices.end()) return th.end;
  return 0;
}

// "[mods] [Jurisdiction['s]] Title [of (the) Jurisdiction] [-elect] [Rank] NAME", the title also
// inside the name ("Jordan's King Abdullah II": InnerTitleEnd).
bool TitleFinder::ParsePrenominal(const PersonMention& m, size_t mi) {
  const uint32_t lo = sent_.start[static_cast<size_t>(m.sentence)];
  const uint32_t inner = InnerTitleEnd(m);
  uint32_t pos = inner ? inner : t_.SkipSpacesBack(m.start, lo);
  if (!inner && (pos == m.start || pos <= lo)) return false;
  TitleClaim c;
  c.sentence = m.sentence;
  c.mention = static_cast<int>(mi);
  c.end = m.end;
  c.inner_title = inner != 0;
  // "NATO's Secretary General, Mark Rutte, said": the name in commas after the title.
  if (!inner && t_[pos - 1] == ',') {
    const uint32_t hi = sent_.end[static_cast<size_t>(m.sentence)];
    if (m.end < hi && t_[m.end] != ',') return false;
    pos = t_.SkipSpacesBack(pos - 1, lo);
    if (pos <= lo) return false;
  }
  // "-elect" between title and name.
  if (!inner && pos >= lo + 6 && t_.F(pos - 6, pos) == "-elect") {
    c.tense = Tense::kSkip;
    pos -= 6;
  }
  // A rank or honorific between title and name ("Joint Chiefs Chairman Adm. Mike Mullen", "Foreign
  // Secretary Sir Malcolm Rifkind"): skipped when a title or jurisdiction ends right before it.
  if (!inner) pos = SkipRanksBack(pos, lo);
  std::vector<int> after_jur;
  auto jt = inner ? ph_.jur_by_end.end() : ph_.jur_by_end.find(pos);
  if (jt != ph_.jur_by_end.end()) {  // "of (the) Jurisdiction" after the title
    const auto& jh = hits_[jt->second];
    auto [ws, we] = t_.WordBefore(jh.start, lo);
    std::string_view w = t_.F(ws, we);
    uint32_t before_of = 0;
    if (w == "the") {
      auto [os, oe] = t_.WordBefore(ws, lo);
      if (t_.F(os, oe) == "of") before_of = os;
    } else if (w == "of") {
      before_of = ws;
    }
    if (before_of == 0) return false;
    AppendRefs(index_, jh.pattern, PhraseKind::kJurisdiction, &after_jur);
    pos = t_.SkipSpacesBack(before_of, lo);
  }
  auto tt = ph_.title_by_end.find(pos);
  if (tt == ph_.title_by_end.end()) return false;
  const auto& th = hits_[tt->second];
  std::vector<int> title_offices;
  AppendRefs(index_, th.pattern, PhraseKind::kTitle, &title_offices);
  uint32_t phrase_start = th.start;
  std::vector<int> jur;
  // Jurisdiction before the title, possibly possessive ("Germany's Chancellor").
  uint32_t jpos = t_.SkipSpacesBack(th.start, lo);
  if (jpos >= lo + 2 && t_.F(jpos - 2, jpos) == "'s") jpos -= 2;
  auto jb = ph_.jur_by_end.find(jpos);
  if (jb != ph_.jur_by_end.end() && jpos < th.start) {
    const auto& jh = hits_[jb->second];
    AppendRefs(index_, jh.pattern, PhraseKind::kJurisdiction, &jur);
    phrase_start = jh.start;
  }
  if (!after_jur.empty()) jur.insert(jur.end(), after_jur.begin(), after_jur.end());
  bool blocked = false;
  c.phrase_start = phrase_start;
  c.start = ParseModifiersBack(phrase_start, lo, &c, &blocked);
  if (blocked) return false;
  if (c.tense == Tense::kPresent && PastEraBefore(c.start, lo)) c.tense = Tense::kSkip;
  // "the assassination attempt on President X", "the funeral of Prime Minister Y": the title is
  // the person's at that event, whose time the text may not give — judged only at a date of its
  // clause ("the 1981 attempt on President Reagan"), like "NAME, who was TITLE".
  auto [ps, pe] = t_.WordBefore(c.start, lo);
  if (IsIn(t_.F(ps, pe), {"on", "of"})) {
    auto [ns, ne] = t_.WordBefore(ps, lo);
    if (IsEventOfTitleNoun(t_.F(ns, ne))) c.dated_only = true;
  }
  // ... and said with a possessive: "Chancellor Nigel Lawson's resignation", "President X's funeral".
  if (const uint32_t hi = sent_.end[static_cast<size_t>(m.sentence)];
      c.end + 3 < hi && t_.F(c.end, c.end + 2) == "'s" && t_.Space(c.end + 2)) {
    auto [ns, ne] = t_.WordAfter(c.end + 2, hi);
    if (IsEventOfTitleNoun(t_.F(ns, ne))) c.dated_only = true;
  }
  AddTitleClaim(std::move(c), title_offices, jur);
  return true;
}

// "NAME, [the|a] [mods] [Jurisdiction['s]] title [of (the) Jurisdiction]" followed by punctuation,
// the end of the sentence or a lower-case word.
bool TitleFinder::ParseAppositive(const PersonMention& m, size_t mi) {
  const uint32_t hi = sent_.end[static_cast<size_t>(m.sentence)];
  uint32_t pos = m.end;
  if (pos >= hi || t_[pos] != ',') return false;
  pos = t_.SkipSpacesFwd(pos + 1, hi);
  TitleClaim c;
  c.sentence = m.sentence;
  c.mention = static_cast<int>(mi);
  c.start = m.start;
  for (int k = 0; k < 4; ++k) {
    auto [s, e] = t_.WordAfter(pos, hi);
    if (s == e) break;
    std::string_view w = t_.F(s, e);
    if (w == "the" || w == "a" || w == "an") {
      pos = t_.SkipSpacesFwd(e, hi);
      continue;
    }
    if (k == 0 && w == "who") {  // "NAME, who was TITLE"
      auto [vs, ve] = t_.WordAfter(t_.SkipSpacesFwd(e, hi), hi);
      if (t_.F(vs, ve) != "was") return false;
      c.dated_only = true;
      pos = t_.SkipSpacesFwd(ve, hi);
      continue;
    }
    if ((w == "ex" || w == "then") && e < hi && t_[e] == '-') {
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
        c.mod_end = t_.SkipSpacesFwd(e, hi);
      }
      pos = t_.SkipSpacesFwd(e, hi);
      continue;
    }
    break;
  }
  c.phrase_start = pos;
  std::vector<int> jur;
  auto jt = ph_.jur_by_start.find(pos);
  if (jt != ph_.jur_by_start.end()) {
    const auto& jh = hits_[jt->second];
    uint32_t after = jh.end;
    if (after + 2 <= hi && t_.F(after, after + 2) == "'s") after += 2;
    uint32_t tpos = t_.SkipSpacesFwd(after, hi);
    if (ph_.title_by_start.count(tpos)) {
      AppendRefs(index_, jh.pattern, PhraseKind::kJurisdiction, &jur);
      pos = tpos;
    }
  }
  auto tt = ph_.title_by_start.find(pos);
  if (tt == ph_.title_by_start.end()) return false;
  const auto& th = hits_[tt->second];
  std::vector<int> title_offices;
  AppendRefs(index_, th.pattern, PhraseKind::kTitle, &title_offices);
  uint32_t end = th.end;
  // "of (the) Jurisdiction"; "of Danaher", "of the Royal Society", "of the company": the title of
  // another body, not a claim about the KB's offices.
  auto [os, oe] = t_.WordAfter(end, hi);
  if (t_.F(os, oe) == "of") {
    uint32_t p = t_.SkipSpacesFwd(oe, hi);
    auto [ts, te] = t_.WordAfter(p, hi);
    if (t_.F(ts, te) == "the") p = t_.SkipSpacesFwd(te, hi);
    auto jo = ph_.jur_by_start.find(p);
    if (jo != ph_.jur_by_start.end()) {
      AppendRefs(index_, hits_[jo->second].pattern, PhraseKind::kJurisdiction, &jur);
      end = hits_[jo->second].end;
    } else {
      auto [bs, be] = t_.WordAfter(p, hi);
      if (bs < be && (t_.UpperAt(bs) || BlocksTitle(t_.F(bs, be)))) return false;
    }
  }
  // What follows must close the apposition.
  uint32_t next = t_.SkipSpacesFwd(end, hi);
  if (next < hi) {
    unsigned char ch = static_cast<unsigned char>(t_[next]);
    if (IsWordByte(ch)) {
      if (t_.UpperAt(next)) return false;  // "Biden, President Trump said" is not an apposition
      // "dignitaries including Bill Clinton, the King of Belgium as well as ...": items of a list,
      // not a name and its title (an apposition inside a list is closed by a comma).
      auto [ns, ne] = t_.WordAfter(next, hi);
      auto [bs, be] = t_.WordBefore(m.start, sent_.start[static_cast<size_t>(m.sentence)]);
      if (ContinuesList(t_.F(ns, ne)) && IntroducesList(t_.F(bs, be))) return false;
    } else if (ch == '\'' || ch == '-') {
      return false;
    }
  }
  c.end = end;
  AddTitleClaim(std::move(c), title_offices, jur);
  return true;
}

// "NAME administration", "NAME's administration": a description of a sitting head of state or
// government (unless "former"/"previous"/"then" precede it).
void TitleFinder::ParseAdministration(const PersonMention& m, size_t mi) {
  const uint32_t hi = sent_.end[static_cast<size_t>(m.sentence)];
  const uint32_t lo = sent_.start[static_cast<size_t>(m.sentence)];
  uint32_t pos = m.end;
  if (pos + 2 <= hi && t_.F(pos, pos + 2) == "'s") pos += 2;
  auto [s, e] = t_.WordAfter(pos, hi);
  if (t_.F(s, e) != "administration" && t_.F(s, e) != "government") return;
  auto [ps, pe] = t_.WordBefore(m.start, lo);
  if (BlocksAdministration(t_.F(ps, pe))) return;
  TitleClaim c;
  c.sentence = m.sentence;
  c.mention = static_cast<int>(mi);
  c.start = m.start;
  c.end = e;
  c.administration = true;
  const Kb& kb = kb_.kb();
  for (size_t o = 0; o < kb.offices.size(); ++o) {
    OfficeRole r = kb.offices[o].role;
    if (r == OfficeRole::kHeadOfState || r == OfficeRole::kHeadOfGovernment) c.title_offices.push_back(static_cast<int>(o));
  }
  claims_.push_back(std::move(c));
}

// The folded words of [from, to) joined by one space, without the spaces and commas around them:
// "chief executive" of "chief  executive, ".
std::string TitleWords(const FoldedView& t, uint32_t from, uint32_t to) {
  std::string out;
  bool gap = false;
  for (uint32_t i = from; i < to; ++i) {
    const char ch = t[i];
    if (ch == ' ' || ch == ',' || ch == '\n' || ch == '\t') {
      gap = !out.empty();
      continue;
    }
    if (gap) out += ' ';
    gap = false;
    out += ch;
  }
  return out;
}

// Persons of short forms without an earlier full mention are resolved by the title they carry:
// the one candidate who ever held that office, when it is an office of one holder at a time. Claims get their candidate offices: with a
// jurisdiction, the office it names; without, the offices with that title the person held.
void TitleFinder::Resolve(std::vector<PersonMention>* persons) {
  std::vector<TitleClaim> kept;
  for (TitleClaim& c : claims_) {
    PersonMention& m = (*persons)[static_cast<size_t>(c.mention)];
    if (m.person < 0) {
      int found = -1, count = 0;
      for (int p : m.candidates) {
        std::vector<int> held = kb_.OfficesHeld(p);
        bool any = false;
        // Only an office with one holder at a time: the KB rarely knows every senator or junior
        // minister, so "Senator Warner" may be one it does not know.
        for (int o : c.title_offices)
          any = any || (kb_.kb().offices[static_cast<size_t>(o)].single_holder &&
                        std::find(held.begin(), held.end(), o) != held.end());
        if (any) {
          found = p;
          ++count;
        }
      }
      if (count != 1 || c.administration) continue;
      m.person = found;
    }
    c.person = m.person;
    std::vector<int> held = kb_.OfficesHeld(c.person);
    if (c.has_jurisdiction) {
      c.offices = c.title_offices;
    } else {
      // The head of an organisation named by a title that names no organisation ("chief executive
      // Jim Hackett", "President Jacques Rogge"; lexicon.h, IsOrgGenericTitle) may hold it at a
      // body the KB does not know ("Steelcase said its chief executive Jim Hackett would retire",
      // before he ran Ford): it claims nothing. "Fed chief", "Arsenal manager" still do.
      const bool generic = c.phrase_start < m.start && IsOrgGenericTitle(TitleWords(t_, c.phrase_start, m.start));
      for (int o : c.title_offices) {
        if (std::find(held.begin(), held.end(), o) == held.end()) continue;
        if (generic && kb_.kb().offices[static_cast<size_t>(o)].role == OfficeRole::kOrgHead) continue;
        c.offices.push_back(o);
      }
    }
    if (c.offices.empty()) continue;
    // An apposition of a title the KB gives the person (held at some time): the verb after it is
    // the person's. (A claim with a jurisdiction keeps offices the person never held.)
    bool held_one = false;
    for (int o : c.offices) held_one = held_one || std::find(held.begin(), held.end(), o) != held.end();
    if (c.start == m.start && c.end > m.end && !c.administration && held_one) m.apposition_end = c.end;
    kept.push_back(std::move(c));
  }
  claims_ = std::move(kept);
}

}  // namespace

std::vector<TitleClaim> FindTitleClaims(const KbQuery& kb, const KbIndex& index, const FoldedView& text,
                                        const Sentences& sentences, const PhraseHits& hits,
                                        std::vector<PersonMention>* persons) {
  return TitleFinder(kb, index, text, sentences, hits).Find(persons);
}

}  // namespace factlint
