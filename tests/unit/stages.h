// Runs the stages of a check one by one on a text, for the stage tests: each stage's output is
// kept so a test can look at any of them (core/src/check.cpp runs the same sequence).

#ifndef FACTLINT_TESTS_UNIT_STAGES_H_
#define FACTLINT_TESTS_UNIT_STAGES_H_

#include <memory>
#include <string>

#include "checks.h"
#include "kb_index.h"
#include "test_kbs.h"

namespace factlint_test {

struct Stages {
  explicit Stages(const std::string& text, factlint::CheckOptions options = {},
                  const factlint::Kb& kb = BasicKb())
      : index(factlint::GetKbIndex(kb)),
        query(kb),
        doc(text),
        view(doc),
        sentences(factlint::FindSentences(doc)),
        mentions(factlint::FindMentions(query, *index, view, sentences)),
        timeline(factlint::BuildTimeline(query, *index, view, sentences, mentions, options)),
        catalog(*factlint::BundledRules()),
        catalog_hits(Hits(catalog, view)),
        ctx{query, view, sentences, mentions, timeline, catalog, catalog_hits} {}

  static std::vector<factlint::PhraseMatcher::Hit> Hits(const factlint::RuleCatalog& c, const factlint::FoldedView& v) {
    std::vector<factlint::PhraseMatcher::Hit> hits;
    c.phrases.FindAll(v.text(), &hits);
    return hits;
  }
  // The bundled rule with that id (the test fails when there is none).
  const factlint::Rule& Rule(const std::string& id) const {
    for (const factlint::Rule& r : catalog.rules)
      if (r.id == id) return r;
    FAIL("no rule " << id);
    return catalog.rules.front();
  }

  std::shared_ptr<const factlint::KbIndex> index;
  factlint::KbQuery query;
  factlint::Document doc;
  factlint::FoldedView view;
  factlint::Sentences sentences;
  factlint::Mentions mentions;
  factlint::Timeline timeline;
  const factlint::RuleCatalog& catalog;
  std::vector<factlint::PhraseMatcher::Hit> catalog_hits;
  factlint::CheckContext ctx;
};

inline factlint::CheckOptions At(const char* iso) {
  factlint::CheckOptions o;
  o.date = factlint::ParseIsoDate(iso);
  return o;
}

}  // namespace factlint_test

#endif  // FACTLINT_TESTS_UNIT_STAGES_H_
