// Stage 2, FindMentions (mentions.h): the automaton's hits sorted by what they name, person
// mentions (leftmost-longest, capitalised in the original, not inside a date; a short form names
// the person of the latest full mention that has it), then title claims (titles.cpp), event
// mentions (events.cpp) and quotes with their speakers (here).

#include "mentions.h"

#include <algorithm>
#include <climits>
#include <cstring>
#include <utility>

namespace factlint {

void PosIndex::Seal(Keep keep, const std::vector<PhraseMatcher::Hit>& hits) {
  // By position, then by hit index (the order of Add): each position's entries in a row.
  std::sort(entries_.begin(), entries_.end());
  size_t kept = 0;
  for (size_t i = 0; i < entries_.size();) {
    size_t best = i, j = i + 1;
    for (; j < entries_.size() && entries_[j].first == entries_[i].first; ++j)
      if (keep == Keep::kLongest && hits[entries_[j].second].end > hits[entries_[best].second].end) best = j;
    entries_[kept++] = entries_[best];
    i = j;
  }
  entries_.resize(kept);
}

namespace {

PhraseHits ScanPhrases(const KbIndex& index, const FoldedView& text, std::vector<PhraseMatcher::Hit> all,
                       std::vector<Phrase>* lexicon) {
  PhraseHits out;
  out.hits = std::move(all);
  const auto& hits = out.hits;
  auto bit = [](PhraseKind k) { return 1u << static_cast<unsigned>(k); };
  const unsigned lexicon_kinds = bit(PhraseKind::kHedge) | bit(PhraseKind::kAnonymous) | bit(PhraseKind::kProspective);
  const unsigned person_kinds = bit(PhraseKind::kPersonFull) | bit(PhraseKind::kPersonShort);
  {
    // Each list sized once from a count of the kinds (a bound: the capital tests come below), not
    // grown by doubling: a document's allocations are a large part of its cost (issue #15).
    size_t persons = 0, titles = 0, jurs = 0, triggers = 0, year_bases = 0;
    for (const auto& hit : hits) {
      const unsigned kinds = index.kinds[static_cast<size_t>(hit.pattern)];
      persons += (kinds & person_kinds) != 0;
      titles += (kinds & bit(PhraseKind::kTitle)) != 0;
      jurs += (kinds & bit(PhraseKind::kJurisdiction)) != 0;
      triggers += (kinds & bit(PhraseKind::kTrigger)) != 0;
      year_bases += (kinds & bit(PhraseKind::kYearBase)) != 0;
    }
    out.person_hits.reserve(persons);
    out.title_by_end.Reserve(titles);
    out.title_by_start.Reserve(titles);
    out.jur_by_end.Reserve(jurs);
    out.jur_by_start.Reserve(jurs);
    out.trigger_hits.reserve(triggers);
    out.year_base_hits.reserve(year_bases);
  }
  for (size_t h = 0; h < hits.size(); ++h) {
    const auto& hit = hits[h];
    // The kinds a pattern names, as bits (KbIndex::kinds); the lexicon's phrases kept in the refs'
    // order, from the refs of the few patterns that name one.
    const unsigned kinds = index.kinds[static_cast<size_t>(hit.pattern)];
    if (kinds & lexicon_kinds) {
      for (const PhraseRef& r : index.refs[static_cast<size_t>(hit.pattern)]) {
        if ((bit(r.kind) & lexicon_kinds) == 0) continue;
        bool dup = false;
        for (size_t k = lexicon->size(); k > 0 && (*lexicon)[k - 1].end == hit.end; --k)
          dup = dup || ((*lexicon)[k - 1].start == hit.start && (*lexicon)[k - 1].kind == r.kind);
        if (!dup) lexicon->push_back(Phrase{hit.start, hit.end, r.kind});
      }
    }
    const bool person = kinds & person_kinds;
    const bool title = kinds & bit(PhraseKind::kTitle), jur = kinds & bit(PhraseKind::kJurisdiction);
    const bool trigger = kinds & bit(PhraseKind::kTrigger), year_base = kinds & bit(PhraseKind::kYearBase);
    if (person && text.UpperAt(hit.start)) out.person_hits.push_back(h);
    if (title) {
      out.title_by_end.Add(hit.end, h);
      out.title_by_start.Add(hit.start, h);
    }
    if (jur && text.UpperAt(hit.start)) {
      out.jur_by_end.Add(hit.end, h);
      out.jur_by_start.Add(hit.start, h);
    }
    if (trigger) out.trigger_hits.push_back(h);
    if (year_base) out.year_base_hits.push_back(h);
  }
  out.title_by_end.Seal(PosIndex::Keep::kFirst, hits);  // first seen at an end = longest
  out.title_by_start.Seal(PosIndex::Keep::kLongest, hits);
  out.jur_by_end.Seal(PosIndex::Keep::kFirst, hits);
  out.jur_by_start.Seal(PosIndex::Keep::kLongest, hits);
  return out;
}

// What stands right before the short form at [start, ...). An unknown capitalised word is the given
// name of somebody else ("Rudolf Fischer", "Jeb Bush"): no KB person is meant for sure. Inside the
// sentence it is a namesake (kGivenName: later bare surnames may be either person); opening the
// sentence it may be a descriptor as well ("Candidate Trump", kOpeningWord). A title or
// jurisdiction phrase ending there ("President Bush"), an honorific ("Mr Blair", "Sir Ming") or a
// word that may open a sentence ("But Blair") leaves it a mention (kNothing).
enum class BeforeShort { kNothing, kGivenName, kOpeningWord };

BeforeShort WordBeforeShort(const FoldedView& t, const PhraseHits& ph, uint32_t start, uint32_t lo) {
  auto [ws, we] = t.WordBefore(start, lo);
  if (ws == we || we == start || t[ws] < 'a' || t[ws] > 'z' || !t.UpperAt(ws)) return BeforeShort::kNothing;
  for (uint32_t p = we; p < start; ++p)
    if (t[p] != ' ') return BeforeShort::kNothing;  // only spaces between: "Blair, Brown" is a list
  if (ph.title_by_end.count(we) != 0 || ph.jur_by_end.count(we) != 0) return BeforeShort::kNothing;
  std::string_view w = t.F(ws, we);
  if (IsNamePrefix(w) || IsPrepositiveAbbreviation(t.Orig(ws, we))) return BeforeShort::kNothing;
  if (!t.FirstWord(ws, lo)) return BeforeShort::kGivenName;
  return OpensSentenceBeforeTitle(w) ? BeforeShort::kNothing : BeforeShort::kOpeningWord;
}

// Person mentions: leftmost-longest among name hits, not inside a time expression ("May 2019").
void FindPersons(const KbIndex& index, const FoldedView& text, const Sentences& sentences, PhraseHits* ph,
                 Mentions* m) {
  const auto& hits = ph->hits;
  std::sort(ph->person_hits.begin(), ph->person_hits.end(), [&](size_t x, size_t y) {
    if (hits[x].start != hits[y].start) return hits[x].start < hits[y].start;
    return hits[x].end > hits[y].end;
  });
  uint32_t covered = 0;
  std::unordered_map<int, uint32_t> last_full;  // person -> position of its latest full mention
  // person -> position of the latest namesake: an unknown given name inside a sentence before one of
  // the person's short forms ("Writer Tony Cowell" after "Simon Cowell"): a bare surname after it
  // may be either man.
  std::unordered_map<int, uint32_t> last_namesake;
  for (size_t h : ph->person_hits) {
    const auto& hit = hits[h];
    if (hit.start < covered) continue;
    int s = sentences.SentenceOf(hit.start);
    if (s < 0) continue;
    const std::span<const TimeExpr> ts = sentences.TimesOf(static_cast<size_t>(s));
    auto ti = std::upper_bound(ts.begin(), ts.end(), hit.start,
                               [](uint32_t pos, const TimeExpr& t) { return pos < t.end; });
    if (ti != ts.end() && ti->start < hit.end) continue;  // inside a time expression
    covered = hit.end;
    const bool full = std::any_of(index.refs[static_cast<size_t>(hit.pattern)].begin(),
                                  index.refs[static_cast<size_t>(hit.pattern)].end(),
                                  [](const PhraseRef& r) { return r.kind == PhraseKind::kPersonFull; });
    if (!full) {
      const BeforeShort before = WordBeforeShort(text, *ph, hit.start, sentences.start[static_cast<size_t>(s)]);
      if (before == BeforeShort::kGivenName)
        for (const PhraseRef& r : index.refs[static_cast<size_t>(hit.pattern)])
          if (r.kind == PhraseKind::kPersonShort) last_namesake[r.id] = hit.start;
      if (before != BeforeShort::kNothing) continue;
    }
    PersonMention pm{hit.start, hit.end, s, false, -1, {}};
    const auto& refs = index.refs[static_cast<size_t>(hit.pattern)];
    for (const PhraseRef& r : refs) {
      if (r.kind == PhraseKind::kPersonFull) {
        pm.full = true;
        pm.person = r.id;
      }
    }
    if (!pm.full) {
      // A short form names the person of the latest full mention that has it, unless a namesake
      // came after that mention (the short forms read from the refs in place: no list of them per
      // hit).
      uint32_t best = 0;
      for (const PhraseRef& r : refs) {
        if (r.kind != PhraseKind::kPersonShort) continue;
        auto it = last_full.find(r.id);
        if (it == last_full.end()) continue;
        auto namesake = last_namesake.find(r.id);
        if (namesake != last_namesake.end() && namesake->second > it->second) continue;
        if (pm.person < 0 || it->second > best) {
          pm.person = r.id;
          best = it->second;
        }
      }
      if (pm.person < 0)
        for (const PhraseRef& r : refs)
          if (r.kind == PhraseKind::kPersonShort) pm.candidates.push_back(r.id);
    } else {
      last_full[pm.person] = hit.start;
    }
    m->persons_in_sentence[static_cast<size_t>(s)].push_back(m->persons.size());
    m->persons.push_back(std::move(pm));
  }
}

}  // namespace

// Quotes: straight or curly double quotes (one '"' in the folded view), paired within a line.
// Per sentence, once: a speech word outside quotes ("said", "told", "according"), a pronoun.
void ScanQuotes(const FoldedView& text, const Sentences& sentences, uint32_t lo, uint32_t hi, size_t first_sentence,
                size_t end_sentence, QuoteScan* out) {
  std::vector<QuoteSpan>& quotes = out->quotes;
  out->speech.resize(sentences.size(), 0);
  out->pronoun.resize(sentences.size(), 0);
  // The quote marks, found with memchr: a line break between an opening mark and the next mark
  // closes nothing (the mark after it opens again).
  const char* f = text.text().data();
  uint32_t open = 0;
  bool in_quote = false;
  for (uint32_t i = lo; i < hi;) {
    const void* q = std::memchr(f + i, '"', hi - i);
    if (q == nullptr) break;
    const uint32_t at = static_cast<uint32_t>(static_cast<const char*>(q) - f);
    if (in_quote && std::memchr(f + open + 1, '\n', at - open - 1) != nullptr) in_quote = false;
    if (!in_quote) {
      open = at;
      in_quote = true;
    } else {
      in_quote = false;
      int s = sentences.SentenceOf(open);
      if (s < 0) s = sentences.SentenceOf(at);
      if (s >= 0) quotes.push_back(QuoteSpan{open, at, s, -1});
    }
    i = at + 1;
  }
  auto mark = [&](size_t s, uint32_t pos, unsigned cls) {
    if (cls != 0 && !InsideQuote(quotes, pos)) {
      if (cls & kWordSpeech) out->speech[s] = 1;
      else out->pronoun[s] = 1;
    }
  };
  if (!sentences.said_from.empty()) {  // the words FindSentences marked
    for (size_t s = first_sentence; s < end_sentence; ++s)
      for (uint32_t k = sentences.said_from[s]; k < sentences.said_from[s + 1]; ++k)
        mark(s, sentences.said[k].pos, sentences.said[k].cls);
    return;
  }
  const WordClassTable& classes = WordClassesTable();
  const auto* u = reinterpret_cast<const unsigned char*>(f);
  for (size_t s = first_sentence; s < end_sentence; ++s) {
    const uint32_t slo = sentences.start[s], shi = sentences.end[s];
    for (uint32_t i = slo; i < shi;) {
      if (!IsWordByte(u[i])) {
        ++i;
        continue;
      }
      uint32_t e = i + 1;
      while (e < shi && IsWordByte(u[e])) ++e;
      // One look-up of the word's classes (lexicon.h) instead of a list scan per question.
      mark(s, i, e - i <= 10 ? classes.Get(text.F(i, e)) & (kWordSpeech | kWordHeShe) : 0);
      i = e;
    }
  }
}

namespace {

// Speakers: the nearest person named outside quotes in the quote's sentence(s), when a speech
// word stands there too; else the speaker of a quote in the previous sentence (a quote that runs
// on), or — for "he said" — the first person named in the previous sentence.
std::vector<QuoteSpan> FindQuotes(const Sentences& sentences, const Mentions& m, QuoteScan scan) {
  std::vector<QuoteSpan> quotes = std::move(scan.quotes);
  const std::vector<char>& speech = scan.speech;
  const std::vector<char>& pronoun = scan.pronoun;
  auto inside_any = [&](uint32_t pos) { return InsideQuote(quotes, pos); };
  const auto& persons = m.persons;
  auto by_start = [](const PersonMention& pm, uint32_t pos) { return pm.start < pos; };
  int prev_sentence = -1, prev_speaker = -1;
  for (QuoteSpan& q : quotes) {
    int s1 = q.sentence, s2 = std::max(q.sentence, sentences.SentenceOf(q.close));
    if (q.close - q.open > 20000) continue;  // not a quote: an unbalanced mark
    int best = -1;
    uint32_t best_dist = UINT32_MAX;
    bool has_speech = false, has_pronoun = false;
    for (int s = s1; s <= s2; ++s) {
      has_speech = has_speech || speech[static_cast<size_t>(s)];
      has_pronoun = has_pronoun || pronoun[static_cast<size_t>(s)];
    }
    // Nearest resolved mention after the quote, then before it, within its sentences.
    auto after = std::lower_bound(persons.begin(), persons.end(), q.close, by_start);
    for (int k = 0; k < 8 && after != persons.end() && after->sentence <= s2; ++k, ++after) {
      if (after->person < 0 || inside_any(after->start)) continue;
      best_dist = after->start - q.close;
      best = after->person;
      break;
    }
    auto before = std::lower_bound(persons.begin(), persons.end(), q.open, by_start);
    for (int k = 0; k < 8 && before != persons.begin(); ++k) {
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
      for (size_t mi : m.persons_in_sentence[static_cast<size_t>(q.sentence - 1)]) {
        if (persons[mi].person >= 0) {
          q.speaker = persons[mi].person;
          break;
        }
      }
    }
    prev_sentence = s2;
    prev_speaker = q.speaker;
  }
  return quotes;
}

}  // namespace

Mentions FindMentions(const KbQuery& kb, const KbIndex& index, const FoldedView& text, const Sentences& sentences) {
  std::vector<PhraseMatcher::Hit> hits;
  index.matcher.FindAll(text.text(), &hits);
  QuoteScan quotes;
  ScanQuotes(text, sentences, 0, text.size(), 0, sentences.size(), &quotes);
  return FindMentions(kb, index, text, sentences, std::move(hits), std::move(quotes));
}

Mentions FindMentions(const KbQuery& kb, const KbIndex& index, const FoldedView& text, const Sentences& sentences,
                      std::vector<PhraseMatcher::Hit> kb_hits, QuoteScan quotes) {
  Mentions m;
  m.persons_in_sentence.resize(sentences.size());
  m.event_dates.assign(sentences.times.size(), 0);
  PhraseHits hits = ScanPhrases(index, text, std::move(kb_hits), &m.lexicon);
  FindPersons(index, text, sentences, &hits, &m);
  m.titles = FindTitleClaims(kb, index, text, sentences, hits, &m.persons);
  m.events = FindEventMentions(kb, index, text, sentences, hits, m.lexicon, m.persons, m.persons_in_sentence,
                               &m.event_dates);
  m.quotes = FindQuotes(sentences, m, std::move(quotes));
  m.people = FindPeopleClaims(index, text, sentences, hits, m.persons, m.persons_in_sentence);
  return m;
}

}  // namespace factlint
