// people_claims.h: which claims about people the text makes, as tables — each row a text and the
// claims found in it (kind, the claim's text, the value), or none.

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "people_claims.h"
#include "stages.h"

namespace {

using factlint::PeopleClaim;
using factlint::PeopleClaimKind;

const char* KindName(PeopleClaimKind k) {
  switch (k) {
    case PeopleClaimKind::kAge: return "age";
    case PeopleClaimKind::kLate: return "late";
    case PeopleClaimKind::kActs: return "acts";
    case PeopleClaimKind::kParty: return "party";
    case PeopleClaimKind::kTenure: return "tenure";
    case PeopleClaimKind::kOrdinal: return "ordinal";
    case PeopleClaimKind::kTerm: return "term";
    case PeopleClaimKind::kBorn: return "born";
    case PeopleClaimKind::kDied: return "died";
  }
  return "?";
}

// "age|Joe Biden, 81|81", "party|Bernie Sanders (I-Vt.)|I-VT", "tenure|...|2009+e" (elected),
// "term|...|2@2013+e+office" (the second term, won in 2013, "as <title>").
std::vector<std::string> Claims(const std::string& text) {
  factlint_test::Stages st(text);
  std::vector<std::string> out;
  for (const PeopleClaim& c : st.mentions.people) {
    std::string v;
    if (c.kind == PeopleClaimKind::kParty) v = std::string(1, c.party) + "-" + c.state + (c.word_party ? "w" : "");
    else if (c.kind == PeopleClaimKind::kAge || c.kind == PeopleClaimKind::kOrdinal)
      v = std::to_string(c.number) + (c.at_death ? "+death" : "");
    else if (c.kind == PeopleClaimKind::kTenure)
      v = std::to_string(c.number) + (c.tenure == factlint::TenureMeaning::kElected ? "+e" : "");
    else if (c.kind == PeopleClaimKind::kActs) v = c.recent ? "recent" : "";
    else if (c.kind == PeopleClaimKind::kDied && c.recent)
      v = "recent=" + st.view.Orig(c.vstart, c.vend);
    else if (c.kind == PeopleClaimKind::kBorn || c.kind == PeopleClaimKind::kDied)
      v = std::to_string(c.year) + (c.month ? "-" + std::to_string(c.month) : "") +
          (c.day ? "-" + std::to_string(c.day) : "") + "=" + st.view.Orig(c.vstart, c.vend);
    else if (c.kind == PeopleClaimKind::kTerm)
      v = std::to_string(c.number) + (c.year ? "@" + std::to_string(c.year) : "") +
          (c.tenure == factlint::TenureMeaning::kElected ? "+e" : "") + (c.offices.empty() ? "" : "+office");
    out.push_back(std::string(KindName(c.kind)) + "|" + st.view.Orig(c.start, c.end) + "|" + v);
  }
  return out;
}

// One table: each text and the claims found in it.
struct Row {
  const char* text;
  std::vector<std::string> want;
};
void CheckRows(const std::vector<Row>& rows) {
  for (const Row& r : rows) {
    INFO(r.text);
    CHECK(Claims(r.text) == r.want);
  }
}

}  // namespace

TEST_CASE("people claims: ages", "[people_claims]") {
  CheckRows({
      {"Joe Biden, 81, spoke in Delaware.", {"age|Joe Biden, 81|81"}},
      {"Angela Merkel (64) left the room.", {"age|Angela Merkel (64)|64"}},
      {"Donald Trump, aged 78, spoke.", {"age|Donald Trump, aged 78|78"}},
      {"Joe Biden, the 81-year-old president, spoke.", {"age|Joe Biden, the 81-year-old|81"}},
      {"The 78-year-old Donald Trump spoke.", {"age|78-year-old Donald Trump|78"}},
      {"78-year-old President Donald Trump spoke.", {"age|78-year-old President Donald Trump|78"}},
      {"Joe Biden spoke on Monday. The 81-year-old president left.", {"age|The 81-year-old president|81"}},
      // Not ages: a year, a count, a percentage, an indefinite "a 78-year-old president".
      {"Joe Biden, 2020, was a year.", {}},
      {"Joe Biden, 1942, was born.", {}},
      {"Joe Biden met a 78-year-old president.", {}},
      {"Joe Biden, 81 percent of voters said.", {}},
  });
}

TEST_CASE("people claims: party tags", "[people_claims]") {
  CheckRows({
      {"Joe Biden (D-Del.) voted no.", {"party|Joe Biden (D-Del.)|D-DE"}},
      {"Joe Biden (R-Texas) voted no.", {"party|Joe Biden (R-Texas)|R-TX"}},
      {"Joe Biden (I-Vt.) voted no.", {"party|Joe Biden (I-Vt.)|I-VT"}},
      {"Joe Biden (D-NY) voted no.", {"party|Joe Biden (D-NY)|D-NY"}},
      {"Joe Biden, D-Calif., voted no.", {"party|Joe Biden, D-Calif.|D-CA"}},
      {"Joe Biden, D-N.Y., voted no.", {"party|Joe Biden, D-N.Y.|D-NY"}},
      {"Joe Biden, a Democrat of Illinois, voted no.", {"party|Joe Biden, a Democrat of Illinois|D-ILw"}},
      {"Joe Biden, Republican from New York, voted no.", {"party|Joe Biden, Republican from New York|R-NYw"}},
      // Not tags: a lower-case word, an unknown state, a plain parenthesis.
      {"Joe Biden (d-ny) voted no.", {}},
      {"Joe Biden (D-Foo) voted no.", {}},
      {"Joe Biden (Delaware) voted no.", {}},
      {"Joe Biden, a Democrat, voted no.", {}},
  });
}

TEST_CASE("people claims: deaths and acts", "[people_claims]") {
  CheckRows({
      {"He praised the late Angela Merkel.", {"late|the late Angela Merkel|"}},
      {"He praised the late Chancellor Angela Merkel.", {"late|the late Chancellor Angela Merkel|"}},
      {"Angela Merkel said on Tuesday that talks failed.", {"acts|Angela Merkel said on Tuesday|recent"}},
      {"Angela Merkel told reporters yesterday it failed.", {"acts|Angela Merkel told reporters yesterday|recent"}},
      {"Angela Merkel said last week it failed.", {"acts|Angela Merkel said last week|recent"}},
      {"Angela Merkel says talks failed.", {"acts|Angela Merkel says|recent"}},
      {"Angela Merkel will visit Paris.", {"acts|Angela Merkel will visit|recent"}},
      // Past reports without a recent date, a late-night show, "will be remembered".
      {"Angela Merkel said in 2012 that talks failed.", {}},
      {"Angela Merkel said talks failed, on Tuesday it emerged.", {}},
      {"Angela Merkel will be remembered.", {}},
      {"He spoke late, Angela Merkel said.", {}},
      // After a title in apposition that the KB gives the person, closed by a comma.
      {"Olaf Scholz, the German chancellor, said on Tuesday that talks failed.",
       {"acts|Olaf Scholz, the German chancellor, said on Tuesday|recent"}},
      {"Olaf Scholz, a former chancellor, told reporters yesterday it failed.",
       {"acts|Olaf Scholz, a former chancellor, told reporters yesterday|recent"}},
      // Not the person's act: a relative's, another item of a list, no title the KB gives him, no
      // closing comma.
      {"Olaf Scholz, the chancellor's son, said on Tuesday that talks failed.", {}},
      {"Olaf Scholz, the German chancellor, and Joe Biden said on Tuesday it failed.",
       {"acts|Joe Biden said on Tuesday|recent"}},
      {"Olaf Scholz, the French president, said on Tuesday that talks failed.", {}},
      {"Olaf Scholz, an economist, said on Tuesday that talks failed.", {}},
      {"Olaf Scholz, the German chancellor said on Tuesday that talks failed.", {}},
  });
}

TEST_CASE("people claims: tenures and ordinals", "[people_claims]") {
  CheckRows({
      {"Angela Merkel, who took office in 2005, spoke.", {"tenure|Angela Merkel, who took office in 2005|2005"}},
      {"Angela Merkel, in office since 2005, spoke.", {"tenure|Angela Merkel, in office since 2005|2005"}},
      {"Angela Merkel, chancellor since 2005, spoke.", {"tenure|Angela Merkel, chancellor since 2005|2005"}},
      {"Angela Merkel, who has been chancellor since 2005, spoke.",
       {"tenure|Angela Merkel, who has been chancellor since 2005|2005"}},
      {"Angela Merkel became chancellor in 2005.", {"tenure|Angela Merkel became chancellor in 2005|2005"}},
      {"Joe Biden, who was first elected in 1972, spoke.", {"tenure|Joe Biden, who was first elected in 1972|1972+e"}},
      {"Joe Biden, the 46th president of the United States, spoke.",
       {"ordinal|the 46th president of the United States|46"}},
      {"The 46th U.S. president, Joe Biden, spoke.", {"ordinal|The 46th U.S. president|46"}},
      {"Rishi Sunak became Britain's 57th prime minister.", {"ordinal|Britain's 57th prime minister|57"}},
      // Not claims: a name farther off, a year without "in", an ordinal before a non-title.
      {"Donald Trump lost to Joe Biden, who spoke with the 46th president.", {}},
      {"Joe Biden, the 46th person in line, spoke.", {}},
      {"Angela Merkel, who took office, spoke in 2005.", {}},
  });
}

TEST_CASE("people claims: numbered terms", "[people_claims]") {
  CheckRows({
      {"Joe Biden, now in his second term, spoke.", {"term|Joe Biden, now in his second term|2"}},
      {"Joe Biden, who is serving his 2nd term as president, spoke.",
       {"term|Joe Biden, who is serving his 2nd term as president|2+office"}},
      {"Joe Biden is currently in her third term in office.", {"term|Joe Biden is currently in her third term in office|3"}},
      {"Joe Biden, serving their first term, spoke.", {"term|Joe Biden, serving their first term|1"}},
      {"Joe Biden began his second term in 2013.", {"term|Joe Biden began his second term in 2013|2@2013"}},
      {"Joe Biden, who started his second term as president in 2013, spoke.",
       {"term|Joe Biden, who started his second term as president in 2013|2@2013+office"}},
      {"Joe Biden was sworn in for a second term in 2013.", {"term|Joe Biden was sworn in for a second term in 2013|2@2013"}},
      {"Joe Biden won a second term in 2012.", {"term|Joe Biden won a second term in 2012|2@2012+e"}},
      {"Joe Biden was re-elected to a third term in 2012.",
       {"term|Joe Biden was re-elected to a third term in 2012|3@2012+e"}},
      {"Joe Biden's second term began in 2013.", {"term|Joe Biden's second term began in 2013|2@2013"}},
      // Not claims: no present marker (may look back), past tense, no year, no ordinal, no "term".
      {"Joe Biden, in his first term, signed it.", {}},
      {"Joe Biden, who was then in his first term, signed it.", {}},
      {"Joe Biden began his second term on Monday.", {}},
      {"Joe Biden won a landslide in 2012.", {}},
      {"Joe Biden began his second year in 2013.", {}},
      {"Joe Biden's second term was calmer.", {}},
      {"Joe Biden was elected in 2012.", {}},
  });
}

TEST_CASE("people claims: stated birth and death dates", "[people_claims]") {
  CheckRows({
      {"Joe Biden died in 2023.", {"died|Joe Biden died in 2023|2023=2023"}},
      {"Joe Biden, who died on November 29, 2023, was 100.",
       {"died|Joe Biden, who died on November 29, 2023|2023-11-29=November 29, 2023"}},
      {"Joe Biden, who had died in hospital in Connecticut in 2023, was 100.",
       {"died|Joe Biden, who had died in hospital in Connecticut in 2023|2023=2023"}},
      {"Joe Biden passed away in November 2023.", {"died|Joe Biden passed away in November 2023|2023-11=November 2023"}},
      {"Joe Biden, born in 1942, spoke.", {"born|Joe Biden, born in 1942|1942=1942"}},
      {"Joe Biden was born on 20 November 1942.", {"born|Joe Biden was born on 20 November 1942|1942-11-20=20 November 1942"}},
      {"Joe Biden (1923–2023) advised presidents.",
       {"born|Joe Biden (1923–2023)|1923=1923", "died|Joe Biden (1923–2023)|2023=2023"}},
      {"Joe Biden (1923-2023) advised presidents.",
       {"born|Joe Biden (1923-2023)|1923=1923", "died|Joe Biden (1923-2023)|2023=2023"}},
      {"Donald Trump (born June 14, 1946) spoke.", {"born|Donald Trump (born June 14, 1946)|1946-6-14=June 14, 1946"}},
      // Not claims: another clause, another noun, a date the verb does not take, no year, too far.
      {"Joe Biden died two years after the 2021 summit.", {}},
      {"Joe Biden died in the 2023 storm.", {}},
      // A death told as recent (judged against the time of writing), and the age at death.
      {"Joe Biden died on Thursday.", {"died|Joe Biden died on Thursday|recent=on Thursday"}},
      {"Joe Biden, who died on Friday aged 85, led the party.",
       {"died|Joe Biden, who died on Friday|recent=on Friday", "age|Joe Biden, who died on Friday aged 85|85+death"}},
      {"Joe Biden died yesterday at the age of 81.",
       {"died|Joe Biden died yesterday|recent=yesterday", "age|Joe Biden died yesterday at the age of 81|81+death"}},
      {"Joe Biden, who died in 2023, aged 100, was mourned.",
       {"died|Joe Biden, who died in 2023|2023=2023", "age|Joe Biden, who died in 2023, aged 100|100+death"}},
      {"Olaf Scholz, a former chancellor, died last week aged 80.",
       {"died|Olaf Scholz, a former chancellor, died last week|recent=last week",
        "age|Olaf Scholz, a former chancellor, died last week aged 80|80+death"}},
      // Not: a surname alone (perhaps a namesake), an age after someone else, a list, a relative.
      {"Joe Biden spoke. Biden died on Friday.", {}},
      {"Joe Biden died with his wife, aged 80.", {}},
      {"Joe Biden died on Friday and his wife, aged 80, survived.", {"died|Joe Biden died on Friday|recent=on Friday"}},
      {"Olaf Scholz, the chancellor, and Joe Biden died on Friday.", {"died|Joe Biden died on Friday|recent=on Friday"}},
      {"Olaf Scholz, the chancellor's son, died on Friday aged 40.", {}},
      {"Joe Biden died last year.", {}},
      {"Joe Biden died, and in 2023 the firm closed.", {}},
      {"Joe Biden's brother died in 1999.", {}},
      {"Joe Biden who died in 1999 is another man.", {}},
      {"Joe Biden died at home with his family and friends around him in 2023.", {}},
      {"Joe Biden (2023-1923) advised presidents.", {}},
  });
}

TEST_CASE("people claims: state spellings", "[people_claims]") {
  CHECK(factlint::StateCode("n.y.") == "NY");
  CHECK(factlint::StateCode("texas") == "TX");
  CHECK(factlint::StateCode("wv") == "WV");
  CHECK(factlint::StateCode("new hampshire") == "NH");
  CHECK(factlint::StateCode("nowhere").empty());
  CHECK(factlint::StateName("CA", factlint::StateStyle::kAp) == "Calif.");
  CHECK(factlint::StateName("TX", factlint::StateStyle::kAp) == "Texas");
  CHECK(factlint::StateName("IL", factlint::StateStyle::kFull) == "Illinois");
  CHECK(factlint::OrdinalText(1) == "1st");
  CHECK(factlint::OrdinalText(12) == "12th");
  CHECK(factlint::OrdinalText(22) == "22nd");
  CHECK(factlint::OrdinalText(113) == "113th");
}
