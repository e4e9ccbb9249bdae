// Stage 5, MakeReport (report.h).

#include "report.h"

#include <algorithm>

namespace factlint {

Report MakeReport(const Kb& kb, std::vector<Span> sentences, ReferenceDate reference, std::vector<Finding> findings,
                  const CheckOptions& options) {
  Report report;
  report.kb_name = kb.name;
  report.kb_as_of = FormatIsoDate(kb.as_of);
  report.reference_date = std::move(reference);
  report.sentences = std::move(sentences);
  std::vector<Finding> kept;
  for (Finding& f : findings) {
    if (f.severity < options.min_severity) continue;
    if (std::find(options.disabled_rules.begin(), options.disabled_rules.end(), f.rule) !=
        options.disabled_rules.end())
      continue;
    kept.push_back(std::move(f));
  }
  std::stable_sort(kept.begin(), kept.end(), [](const Finding& a, const Finding& b) {
    if (a.span.start != b.span.start) return a.span.start < b.span.start;
    if (a.span.end != b.span.end) return a.span.end < b.span.end;
    return a.rule < b.rule;
  });
  report.findings = std::move(kept);
  return report;
}

}  // namespace factlint
