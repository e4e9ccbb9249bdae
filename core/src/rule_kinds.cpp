// The registry of rule kinds (rule_kinds.h): one row per kind — its name in rules.json, its
// check function, the params it takes and the placeholders its messages may use.

#include "rule_kinds.h"

#include "checks.h"

namespace factlint {

namespace {

// When a sitting title for someone out of office reads as a historical reference
// (title_current_but_former and death_mismatch).
std::vector<ParamSpec> HistoricalParams() {
  return {{"historical_years_surname", ParamType::kInt, 0, 200, {},
           "years after the term from which a surname-only or appositive mention reads as historical"},
          {"historical_years_any", ParamType::kInt, 0, 200, {},
           "years after the term from which any mention reads as historical"},
          {"keep_title_roles", ParamType::kStrings, 0, 0,
           {"head_of_state", "head_of_government", "minister", "monarch", "org_head", "deputy", "legislator", "judge",
            "governor", "legislative_leader", "party_leader"},
           "office roles whose holders keep the title after leaving"}};
}

std::vector<ParamSpec> DeathParams() {
  std::vector<ParamSpec> params = HistoricalParams();
  params.push_back({"title_severity", ParamType::kSeverity, 0, 0, {},
                    "the severity of a sitting title after the death (the title rules' reading of a title; a "
                    "historical mention the params above do not catch is no worse than CURRENT_BUT_FORMER's)"});
  return params;
}

}  // namespace

const std::vector<RuleKind>& RuleKinds() {
  static const std::vector<RuleKind> kinds = {
      {"title_not_held", CheckTitleNotHeld, {}, {"claim", "name", "office", "when", "holder"},
       "a present-tense title for someone who never held that office by the claim's time, when the KB "
       "knows who held it then"},
      {"title_current_but_former",
       CheckCurrentButFormer,
       HistoricalParams(),
       {"claim", "name", "office", "left", "when"},
       "a present-tense title for someone who had held the office and left it before the claim's time"},
      {"title_former_in_office", CheckFormerButInOffice, {}, {"claim", "name", "office", "since", "when"},
       "\"former\" (or ex-) for someone holding the office throughout the claim's time"},
      {"event_anachronism", CheckAnachronism, {}, {"claim", "event", "event_date", "when"},
       "a prospective mention of an event whose matching KB events all lie before the text's time"},
      {"event_date_mismatch",
       CheckEventDateMismatch,
       {{"tolerance_days", ParamType::kInt, 0, 366, {}, "days either side of the KB's dates that still agree"},
        {"related_date_severity", ParamType::kSeverity, 0, 0, {},
         "the severity when the stated date is one of the event's other (related) dates"}},
       {"claim", "event", "stated", "kb_date", "other"},
       "a stated date of one event that disagrees with the KB's date"},
      {"quote_altered",
       CheckQuoteAltered,
       {{"min_words", ParamType::kInt, 1, 10000, {}, "shorter quotes are scare quotes, not checked"},
        {"max_words", ParamType::kInt, 1, 100000, {}, "longer quotes are not checked"},
        {"near_days", ParamType::kInt, 0, 3660, {}, "recorded statements this many days around the time count"},
        {"min_overlap", ParamType::kNumber, 0, 1, {}, "the word overlap from which a quote is an altered statement"}},
       {"speaker", "quote_date"},
       "a quote close to a recorded statement of its speaker, but not the same words"},
      {"quote_unverified",
       CheckQuoteUnverified,
       {{"min_words", ParamType::kInt, 1, 10000, {}, "shorter quotes are scare quotes, not checked"},
        {"max_words", ParamType::kInt, 1, 100000, {}, "longer quotes are not checked"},
        {"near_days", ParamType::kInt, 0, 3660, {}, "recorded statements this many days around the time count"},
        {"altered_overlap", ParamType::kNumber, 0, 1, {},
         "quotes with this word overlap with a statement are left to quote_altered"},
        {"max_evidence", ParamType::kInt, 0, 100, {}, "recorded statements listed as evidence"},
        {"max_window_days", ParamType::kInt, 1, 36600, {},
         "the widest time (days) a quote may be judged at: a wider window says no \"around that time\""}},
       {"speaker", "recorded"},
       "a quote of a speaker the KB records statements of around that time, none with these words"},
      {"inconsistent_description", CheckInconsistentDescription, {},
       {"name", "former", "former_line", "sitting", "sitting_line"},
       "the same person called a former holder in one place and a sitting one in another, undated"},
      {"phrase",
       CheckPhrases,
       {{"groups", ParamType::kGroups, 0, 0, {},
         "phrase groups: label, phrases, and optionally a KB lexicon list (\"hedges\", \"anonymous\") merged in"}},
       {"claim", "label"},
       "any phrase of its groups; overlapping matches are one finding, labelled by the last group among them"},
      {"age_mismatch",
       CheckAgeMismatch,
       {{"error_from_years", ParamType::kInt, 1, 200, {},
         "how many years off an age must be for the rule's severity; nearer ones get near_severity"},
        {"near_severity", ParamType::kSeverity, 0, 0, {}, "the severity of an age off by less than error_from_years"}},
       {"claim", "name", "stated", "age", "when"},
       "an age next to a name that the person's birth date does not allow at the claim's time"},
      {"life_date_mismatch",
       CheckLifeDateMismatch,
       {{"tolerance_days", ParamType::kInt, 0, 366, {}, "days either side of the KB's date that still agree"},
        {"recent_days", ParamType::kInt, 0, 366, {}, "how long before the time of writing a death told as recent may be"}},
       {"claim", "name", "fact", "stated", "kb_date"},
       "a stated birth or death date of a person that disagrees with the KB's"},
      {"death_mismatch", CheckDeathMismatch, DeathParams(), {"claim", "name", "fact"},
       "\"the late X\" for someone alive after the time of writing; a dead person speaking, acting or titled as "
       "sitting then"},
      {"party_mismatch", CheckPartyMismatch, {}, {"claim", "name", "party", "a_party", "state", "office", "when"},
       "a US lawmaker's party/state tag that no term in force at the claim's time has"},
      {"tenure_mismatch",
       CheckTenureMismatch,
       {{"merge_gap_days", ParamType::kInt, 0, 3660, {},
         "terms this few days apart count as one run when numbered terms are counted"}},
       {"claim", "name", "says", "kb"},
       "the year a term began (or the election before it) that no run of the person's terms matches; a numbered "
       "term (\"his second term\") the person's runs of terms rule out"},
      {"ordinal_mismatch", CheckOrdinalMismatch, {}, {"claim", "name", "office", "ordinal"},
       "an ordinal before a title (\"the 46th president\") that none of the person's numbered terms has"},
  };
  return kinds;
}

const RuleKind* FindRuleKind(std::string_view name) {
  for (const RuleKind& k : RuleKinds())
    if (k.name == name) return &k;
  return nullptr;
}

}  // namespace factlint
