// Stage 5 of a check (factlint/factlint.h; the pipeline: docs/ARCHITECTURE.md): the Report —
// the KB's name and date, the reference date, the sentences, and the findings at or above the
// options' minimum severity, without disabled rules, ordered by span (start, end) then rule id.

#ifndef FACTLINT_CORE_REPORT_H_
#define FACTLINT_CORE_REPORT_H_

#include <vector>

#include "factlint/factlint.h"
#include "kb.h"

namespace factlint {

Report MakeReport(const Kb& kb, std::vector<Span> sentences, ReferenceDate reference, std::vector<Finding> findings,
                  const CheckOptions& options);

}  // namespace factlint

#endif  // FACTLINT_CORE_REPORT_H_
