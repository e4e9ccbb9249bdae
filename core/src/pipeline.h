// The stages of a check after the text's own analysis (check.cpp): the timeline, the rules, the
// claims' own dates and the report. factlint::Check runs every stage on the whole text;
// IncrementalChecker (incremental.cpp) assembles the sentences and the automata's hits from the
// blocks it has analysed before, then runs the same function, so both end in the same report.

#ifndef FACTLINT_CORE_PIPELINE_H_
#define FACTLINT_CORE_PIPELINE_H_

#include <vector>

#include "factlint/factlint.h"
#include "folded_view.h"
#include "kb_index.h"
#include "kb_query.h"
#include "matcher.h"
#include "mentions.h"
#include "rules.h"
#include "sentences.h"

namespace factlint {

// catalog_hits: the catalogue's phrase automaton (catalog.phrases) over the whole folded text.
Report CheckAnalysed(const Kb& kb, const KbQuery& query, const KbIndex& index, const RuleCatalog& catalog,
                     const FoldedView& view, const Sentences& sentences, const Mentions& mentions,
                     const std::vector<PhraseMatcher::Hit>& catalog_hits, const CheckOptions& options);

}  // namespace factlint

#endif  // FACTLINT_CORE_PIPELINE_H_
