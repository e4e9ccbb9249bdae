// KbIndex construction (see kb_index.h). Besides the KB's own lexicon, the prospective markers
// any English news text uses ("expected", "ahead of") are built in (core/lexicon/lexicon.json,
// lexicon.h); the KB can add more. The built-in hedges and anonymous attributions are WEAK_SOURCING's params
// (core/rules/rules.json), matched by the rule catalogue's own automaton (rules.h).

#include "kb_index.h"

#include <string>
#include <vector>

#include "lexicon.h"
#include "text.h"

namespace factlint {
namespace {

// "George W. Bush" -> "George W Bush", "J. R. R. Tolkien" -> "J R R Tolkien": drops each period
// that follows a one-letter word. Other periods ("St.") stay.
std::string WithoutInitialPeriods(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (size_t i = 0; i < name.size(); ++i) {
    const bool initial = name[i] == '.' && i >= 1 && IsWordByte(static_cast<unsigned char>(name[i - 1])) &&
                         static_cast<unsigned char>(name[i - 1]) < 0x80 &&
                         (i == 1 || name[i - 2] == ' ' || name[i - 2] == '.');
    if (!initial) out += name[i];
  }
  return out;
}

// The trigger without its leading year ("2010 Haiti earthquake" -> "Haiti earthquake"), when the
// rest has a capitalised word, so it still names something ("2010 general election" gives
// nothing: "the general election of May 2010" could be any country's); "" otherwise.
std::string_view YearlessBase(std::string_view trigger) {
  if (trigger.size() < 7 || trigger[4] != ' ') return {};
  for (size_t i = 0; i < 4; ++i)
    if (trigger[i] < '0' || trigger[i] > '9') return {};
  std::string_view rest = trigger.substr(5);
  for (size_t i = 0; i < rest.size(); ++i)
    if ((i == 0 || rest[i - 1] == ' ') && rest[i] >= 'A' && rest[i] <= 'Z') return rest;
  return {};
}

// The spellings news uses for one abbreviation, each row all of one name's forms: wire copy writes
// "G-20" and "Group of 20" where the KB's triggers say "G20", "U.N." where they say "UN". A KB
// phrase with one of these words is matched in each of its row's forms too. Words only: "US" in
// "USA" or "G8" in "G8s" is not one.
constexpr std::string_view kSpellings[][4] = {
    {"G7", "G-7", "Group of Seven", "Group of 7"},
    {"G8", "G-8", "Group of Eight", "Group of 8"},
    {"G20", "G-20", "Group of 20", "Group of Twenty"},
    {"UN", "U.N.", "", ""},
    {"US", "U.S.", "", ""},
    {"UK", "U.K.", "", ""},
};

// The phrase with the first word of kSpellings in it written in each other form of its row
// (one word a phrase: no phrase the KB has names two of these), or nothing.
std::vector<std::string> OtherSpellings(std::string_view phrase) {
  std::vector<std::string> out;
  for (const auto& row : kSpellings)
    for (std::string_view form : row) {
      if (form.empty()) continue;
      for (size_t at = phrase.find(form); at != std::string_view::npos; at = phrase.find(form, at + 1)) {
        const size_t end = at + form.size();
        // On word bounds: a period may end the form ("U.S."), so test the bytes outside it.
        const bool starts = at == 0 || !IsWordByte(static_cast<unsigned char>(phrase[at - 1]));
        const bool ends = end == phrase.size() || !IsWordByte(static_cast<unsigned char>(phrase[end])) ||
                          form.back() == '.';
        if (!starts || !ends) continue;
        for (std::string_view other : row)
          if (!other.empty() && other != form)
            out.push_back(std::string(phrase.substr(0, at)) + std::string(other) + std::string(phrase.substr(end)));
        return out;
      }
    }
  return out;
}

}  // namespace

std::shared_ptr<const KbIndex> BuildKbIndex(const Kb& kb) {
  auto index = std::make_shared<KbIndex>();
  std::vector<std::vector<PhraseRef>> refs;  // per pattern id, made into index->refs at the end
  auto add = [&](std::string_view phrase, PhraseKind kind, int id) {
    std::string folded = Fold(phrase);
    int p = index->matcher.Add(folded);
    if (p < 0) return;
    if (static_cast<size_t>(p) >= refs.size()) refs.resize(static_cast<size_t>(p) + 1);
    for (const PhraseRef& r : refs[static_cast<size_t>(p)])
      if (r.kind == kind && r.id == id) return;
    refs[static_cast<size_t>(p)].push_back(PhraseRef{kind, id});
  };
  for (size_t i = 0; i < kb.people.size(); ++i) {
    const KbPerson& p = kb.people[i];
    int id = static_cast<int>(i);
    add(p.name, PhraseKind::kPersonFull, id);
    for (const auto& a : p.aliases) add(a, PhraseKind::kPersonFull, id);
    // News drops the period after a middle initial ("George W Bush"): match that form too.
    add(WithoutInitialPeriods(p.name), PhraseKind::kPersonFull, id);
    for (const auto& a : p.aliases) add(WithoutInitialPeriods(a), PhraseKind::kPersonFull, id);
    for (const auto& a : p.shorts) add(a, PhraseKind::kPersonShort, id);
  }
  // A title, jurisdiction or trigger in each spelling of its abbreviation too (kSpellings).
  auto add_spelt = [&](std::string_view phrase, PhraseKind kind, int id) {
    add(phrase, kind, id);
    for (const std::string& other : OtherSpellings(phrase)) add(other, kind, id);
  };
  for (size_t i = 0; i < kb.offices.size(); ++i) {
    for (const auto& t : kb.offices[i].titles) add_spelt(t, PhraseKind::kTitle, static_cast<int>(i));
    for (const auto& j : kb.offices[i].jurisdiction) add_spelt(j, PhraseKind::kJurisdiction, static_cast<int>(i));
  }
  for (size_t i = 0; i < kb.events.size(); ++i)
    for (const auto& t : kb.events[i].triggers) {
      add_spelt(t, PhraseKind::kTrigger, static_cast<int>(i));
      if (std::string_view base = YearlessBase(t); !base.empty())
        add_spelt(base, PhraseKind::kYearBase, static_cast<int>(i));
    }
  for (const auto& s : kb.lexicon.hedges) add(s, PhraseKind::kHedge, -1);
  for (const auto& s : kb.lexicon.anonymous) add(s, PhraseKind::kAnonymous, -1);
  for (const auto& s : kb.lexicon.prospective) add(s, PhraseKind::kProspective, -1);
  for (const auto& s : BuiltinProspectivePhrases()) add(s, PhraseKind::kProspective, -1);
  refs.resize(index->matcher.pattern_count());
  std::vector<uint32_t> begin(1, 0);
  std::vector<PhraseRef> list;
  index->kinds.reserve(refs.size());
  for (const auto& l : refs) {
    list.insert(list.end(), l.begin(), l.end());
    begin.push_back(static_cast<uint32_t>(list.size()));
    unsigned kinds = 0;
    for (const PhraseRef& r : l) kinds |= 1u << static_cast<unsigned>(r.kind);
    index->kinds.push_back(static_cast<uint16_t>(kinds));
  }
  index->refs = PhraseRefs(std::move(begin), std::move(list));
  index->matcher.Build();
  for (const KbTerm& t : kb.terms)
    if (!index->earliest || t.start < *index->earliest) index->earliest = t.start;
  for (const KbEvent& e : kb.events)
    if (!index->earliest || e.date < *index->earliest) index->earliest = e.date;
  return index;
}

std::shared_ptr<const KbIndex> GetKbIndex(const Kb& kb) {
  return kb.index ? kb.index : BuildKbIndex(kb);  // LoadKb builds it once; a Kb made by hand, per call
}

}  // namespace factlint
