// The quote checks (checks.h): a quote attributed to a person the KB records statements of is
// compared with those statements — close to one but not the same words (QUOTE_ALTERED), or none
// of them around that time holds its words (QUOTE_UNVERIFIED).

#include <algorithm>
#include <map>

#include "checks.h"

namespace factlint {
namespace {


std::vector<std::string> Words(std::string_view folded) {
  std::vector<std::string> out;
  for (size_t i = 0; i < folded.size();) {
    if (!IsWordByte(static_cast<unsigned char>(folded[i]))) {
      ++i;
      continue;
    }
    size_t e = i;
    while (e < folded.size() && IsWordByte(static_cast<unsigned char>(folded[e]))) ++e;
    out.emplace_back(folded.substr(i, e - i));
    i = e;
  }
  return out;
}

bool ContainsRun(const std::vector<std::string>& hay, const std::vector<std::string>& needle) {
  if (needle.empty() || needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && hay[i + k] == needle[k]) ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

// One attributed quote compared with the speaker's recorded statements near its time.
struct QuoteMatch {
  const QuoteSpan* quote;
  const ClaimTime* time;
  std::vector<int> near;    // the speaker's KB quotes within near_days of the time (all, without one)
  int best = -1;            // the closest of them by word overlap
  double best_overlap = 0;
  uint32_t start = 0, end = 0;  // the quoted words (without a trailing comma)
};

// Calls fn(QuoteMatch) for every attributed quote of min_words..max_words words (fewer: a scare
// quote) that no recorded statement within near_days of its time contains word for word.
template <typename Fn>
void ForEachUnmatchedQuote(const CheckContext& ctx, const Rule& rule, Fn fn) {
  const Kb& kb = ctx.kb.kb();
  const size_t min_words = static_cast<size_t>(rule.params.Int("min_words"));
  const size_t max_words = static_cast<size_t>(rule.params.Int("max_words"));
  const int32_t near_days = rule.params.Int("near_days");
  for (size_t i = 0; i < ctx.mentions.quotes.size(); ++i) {
    const QuoteSpan& q = ctx.mentions.quotes[i];
    if (q.speaker < 0) continue;
    std::vector<std::string> qw = Words(ctx.text.F(q.open + 1, q.close));
    if (qw.empty() || qw.size() > max_words) continue;
    const ClaimTime& ct = ctx.timeline.quotes[i];
    const std::optional<Interval>& t = ct.judged;
    QuoteMatch qm{&q, &ct, {}};
    for (int qi : kb.quotes_by_speaker[static_cast<size_t>(q.speaker)]) {
      const KbQuote& kq = kb.quotes[static_cast<size_t>(qi)];
      if (!t || (kq.date.days >= t->a - near_days && kq.date.days <= t->b + near_days)) qm.near.push_back(qi);
    }
    bool verified = false;
    for (int qi : qm.near) {
      std::vector<std::string> kw = Words(Fold(kb.quotes[static_cast<size_t>(qi)].text));
      if (ContainsRun(kw, qw)) {
        verified = true;
        break;
      }
      std::map<std::string, int> bag;
      for (const auto& w : kw) ++bag[w];
      size_t hit = 0;
      for (const auto& w : qw) {
        auto it = bag.find(w);
        if (it != bag.end() && it->second > 0) {
          --it->second;
          ++hit;
        }
      }
      double overlap = static_cast<double>(hit) / static_cast<double>(std::max(qw.size(), kw.size() / 2 + 1));
      if (overlap > qm.best_overlap) {
        qm.best_overlap = overlap;
        qm.best = qi;
      }
    }
    if (verified || qw.size() < min_words) continue;
    qm.start = q.open + 1;
    qm.end = q.close;
    while (qm.end > qm.start && (ctx.text[qm.end - 1] == ',' || ctx.text[qm.end - 1] == ' ')) --qm.end;
    fn(qm);
  }
}

}  // namespace

void CheckQuoteAltered(const CheckContext& ctx, const Rule& rule, FindingSink* out) {
  const Kb& kb = ctx.kb.kb();
  ForEachUnmatchedQuote(ctx, rule, [&](const QuoteMatch& qm) {
    if (qm.best < 0 || qm.best_overlap < rule.params.Number("min_overlap")) return;
    const KbPerson& speaker = kb.people[static_cast<size_t>(qm.quote->speaker)];
    const KbQuote& kq = kb.quotes[static_cast<size_t>(qm.best)];
    out->Add(rule, rule.severity, qm.quote->sentence, qm.start, qm.end,
             rule.Render({{"speaker", speaker.name}, {"quote_date", FormatIsoDate(kq.date)}}),
             {Evidence{std::string(speaker.name) + ", " + FormatIsoDate(kq.date) + ": \"" + std::string(kq.text) + "\"" +
                           (kq.ref.empty() ? "" : " (" + std::string(kq.ref) + ")"),
                       ctx.kb.SourceName(kq.source)}},
             std::string(kq.text));
  });
}

// Unverified only where the KB records statements of the speaker around that time: elsewhere
// its silence says nothing. "Around that time" needs a time known to within max_window_days: an
// undated text whose window spans years (the whole of a president's tenure, say) would set a
// handful of statements from those years against every quote of the speaker.
void CheckQuoteUnverified(const CheckContext& ctx, const Rule& rule, FindingSink* out) {
  const Kb& kb = ctx.kb.kb();
  const int32_t near_days = rule.params.Int("near_days");
  ForEachUnmatchedQuote(ctx, rule, [&](const QuoteMatch& qm) {
    if (qm.best >= 0 && qm.best_overlap >= rule.params.Number("altered_overlap")) return;  // quote_altered's case
    const std::optional<Interval>& t = qm.time->judged;
    if (!t || qm.near.empty() || t->b - t->a + 1 > rule.params.Int("max_window_days")) return;
    const KbPerson& speaker = kb.people[static_cast<size_t>(qm.quote->speaker)];
    std::vector<Evidence> ev;
    for (int qi : qm.near) {
      if (ev.size() >= static_cast<size_t>(rule.params.Int("max_evidence"))) break;
      const KbQuote& kq = kb.quotes[static_cast<size_t>(qi)];
      ev.push_back(Evidence{std::string(speaker.name) + ", " + FormatIsoDate(kq.date) + ": \"" + std::string(kq.text) + "\"",
                            ctx.kb.SourceName(kq.source)});
    }
    std::string span_when =
        "between " + FormatIsoDate(Date{t->a - near_days}) + " and " + FormatIsoDate(Date{t->b + near_days});
    std::string recorded = "the KB records " + std::to_string(qm.near.size()) +
                           (qm.near.size() == 1 ? " statement" : " statements") + " of " + std::string(speaker.name) + " " +
                           span_when + ", none with these words";
    out->Add(rule, rule.severity, qm.quote->sentence, qm.start, qm.end,
             rule.Render({{"speaker", speaker.name}, {"recorded", recorded}}), std::move(ev),
             std::nullopt);
  });
}

}  // namespace factlint
