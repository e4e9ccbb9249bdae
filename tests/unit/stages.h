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
        ctx{query, view, sentences, mentions, timeline} {}

  std::shared_ptr<const factlint::KbIndex> index;
  factlint::KbQuery query;
  factlint::Document doc;
  factlint::FoldedView view;
  factlint::Sentences sentences;
  factlint::Mentions mentions;
  factlint::Timeline timeline;
  factlint::CheckContext ctx;
};

inline factlint::CheckOptions At(const char* iso) {
  factlint::CheckOptions o;
  o.date = factlint::ParseIsoDate(iso);
  return o;
}

}  // namespace factlint_test

#endif  // FACTLINT_TESTS_UNIT_STAGES_H_
