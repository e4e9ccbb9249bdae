// Part of stage 2 (mentions.h): the claims about a person that the text makes next to a person
// mention — an age ("Joe Biden, 81,", "Merkel (64)", "aged 64", "the 78-year-old president"),
// a death ("the late X") or a living act ("X said on Tuesday", "X told reporters", "X will
// visit"), a US lawmaker's party/state tag ("(D-N.Y.)", "R-Texas", "Democrat of Illinois"), a
// tenure start ("who took office in 2008", "chancellor since 2007", "first elected in 2010"), a
// numbered term ("now in his second term", "began her second term in 2013", "won a third term in
// 2005"), an ordinal ("the 46th president of the United States", "Britain's 57th prime minister")
// and a stated birth or death date ("NAME died in 2012", "NAME (1918–2013)", "NAME, who died on
// Friday aged 85": a recent death and the age at death; life_claims.cpp).
//
// Extraction only: plain data, folded offsets, nothing judged. The judgement against the KB at
// each claim's time (timeline.h) is check_people.cpp's. Every pattern is a short, bounded
// look-around from a person mention (or an ordinal/age word), so extraction stays linear.

#ifndef FACTLINT_CORE_PEOPLE_CLAIMS_H_
#define FACTLINT_CORE_PEOPLE_CLAIMS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "folded_view.h"
#include "kb_index.h"
#include "sentences.h"

namespace factlint {

struct PersonMention;
struct PhraseHits;

enum class PeopleClaimKind {
  kAge,      // number = the stated age
  kLate,     // "the late X": X had died by the claim's time
  kActs,     // X speaks or acts at the claim's time (present tense, future, or dated recently)
  kParty,    // party ('D', 'R', 'I') and state (postal code) of a lawmaker tag
  kTenure,   // number = the year a term started (tenure says which start the phrase means)
  kOrdinal,  // number = the ordinal; offices = the offices the title names
  kTerm,     // number = which of the person's terms ("second" = 2); year = the year it began (or
             // was won, tenure says which), 0 when the claim is the term in force at its time
  kBorn,     // year/month/day = the stated birth date ("NAME, born in 1950", "NAME (1918–2013)")
  kDied,     // year/month/day = the stated death date ("NAME died in 2012", "NAME, who died on ...")
};

// What a tenure year stands for: the day the term began ("took office in", "since",
// "became ... in"), or the election that led to it ("first elected in", "won the ... in").
enum class TenureMeaning { kStart, kElected };

// How a party tag spells the state, so a suggestion keeps the text's style.
enum class StateStyle { kAp, kPostal, kFull };

struct PeopleClaim {
  PeopleClaimKind kind = PeopleClaimKind::kAge;
  int sentence = 0;
  int mention = -1;               // index into Mentions::persons (-1: candidates below)
  std::vector<int> candidates;    // mentions to resolve against, nearest first (age by title)
  uint32_t start = 0, end = 0;    // the claim: the finding's span
  uint32_t vstart = 0, vend = 0;  // the value within it that a suggestion replaces
  int number = 0;
  char party = 0;                 // 'D', 'R', 'I' (kParty)
  std::string state;              // postal code (kParty)
  StateStyle style = StateStyle::kAp;
  bool word_party = false;        // "Democrat of Illinois" rather than "D-Ill."
  TenureMeaning tenure = TenureMeaning::kStart;
  std::vector<int> offices;       // offices a title in the claim names (kTenure, kTerm, kOrdinal, kAge)
  int year = 0;                   // kTerm: the year it began or was won (0: in force at the claim's time);
                                  // kBorn, kDied: the stated date's year
  int month = 0, day = 0;         // kBorn, kDied: the stated date's month and day (0: not stated)
  uint32_t ystart = 0, yend = 0;  // kTerm: the year's span
  bool recent = false;            // kActs: a recency word ("on Tuesday", "yesterday") or present tense;
                                  // kDied: a death told as recent ("who died on Friday"), no year
  bool at_death = false;          // kAge: the age at death ("died on Friday aged 85"), not at the claim's time
};

// The claims of a text, ordered by start.
std::vector<PeopleClaim> FindPeopleClaims(const KbIndex& index, const FoldedView& text, const Sentences& sentences,
                                          const PhraseHits& hits, const std::vector<PersonMention>& persons,
                                          const std::vector<std::vector<size_t>>& persons_in_sentence);

// The life dates stated next to person mentions (kBorn, kDied), appended to *out (life_claims.cpp).
void FindLifeDateClaims(const FoldedView& text, const Sentences& sentences, const std::vector<PersonMention>& persons,
                        std::vector<PeopleClaim>* out);

// US states and territories: postal code <-> AP abbreviation <-> full name (folded look-ups).
// The postal code of a folded spelling ("n.y.", "ny", "new york", "texas"), "" for none.
std::string_view StateCode(std::string_view folded);
// The spelling of a postal code in a style ("NY" -> "N.Y." / "NY" / "New York"); "" for none.
std::string_view StateName(std::string_view code, StateStyle style);

// "1st", "2nd", "23rd", "46th" for n >= 1.
std::string OrdinalText(int n);
// "first" .. "tenth" for 1..10, else OrdinalText(n).
std::string OrdinalWord(int n);

}  // namespace factlint

#endif  // FACTLINT_CORE_PEOPLE_CLAIMS_H_
