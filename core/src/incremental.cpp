// IncrementalChecker (factlint/factlint.h): factlint::Check with the text's own analysis cached
// per block. A Check is, in order (check.cpp): the text model; the sentences (segment.h) and
// their time expressions (timex.h); the KB's phrase automaton over the folded text, then the
// mentions built from its hits (mentions.h); the catalogue's automaton; the timeline, the rules
// and the report (pipeline.h: CheckAnalysed). The first three read only the bytes of one block:
//
// - The segmenter splits the text into blocks (SplitBlocks, a cheap pass over the lines, run
//   here on every Check because whether lines join depends on their neighbours), then scans each
//   block alone (SegmentBlock): no sentence crosses a block.
// - FindTimeExpressions reads only its sentence's folded range.
// - An automaton's hit lies within one block unless its phrase holds a line break or starts or
//   ends with a space (the only bytes between blocks are spaces and line breaks); such a KB or
//   catalogue is detected at construction and its automaton runs over the whole text instead.
//   Word boundaries read the byte before a hit and after it: at a block's edge that is a space
//   or a line break in the text and nothing in the block alone, a boundary either way.
//
// So those are kept per block, keyed by the block's bytes, with offsets relative to the block's
// first byte (and first folded byte), and shifted into place; a block's folded text is the
// folding of its bytes alone, since folding maps each character by itself. Everything else is
// computed as factlint::Check computes it, on the whole document.

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "factlint/factlint.h"
#include "kb.h"
#include "kb_index.h"
#include "kb_query.h"
#include "mentions.h"
#include "pipeline.h"
#include "rules.h"
#include "segment.h"
#include "segment_chars.h"
#include "segment_lines.h"
#include "sentences.h"
#include "text.h"
#include "timex.h"

namespace factlint {
namespace {

// One block's analysis. Byte offsets are relative to the block's first byte, folded offsets to
// its first folded byte.
struct BlockAnalysis {
  std::vector<TextSegment> segments;        // start, end, kind (paragraph: set on use)
  std::vector<std::vector<TimeExpr>> times;  // per segment
  std::vector<PhraseMatcher::Hit> kb_hits, catalog_hits;
};

// True when no hit of the matcher's phrases can reach outside a block: no phrase holds a line
// break or starts or ends with a space (segment_chars.h: SpaceAt, the spaces the segmenter trims).
bool BlockSafe(const PhraseMatcher& matcher) {
  for (size_t id = 0; id < matcher.pattern_count(); ++id) {
    const std::string& p = matcher.pattern(static_cast<int>(id));
    if (p.empty()) continue;
    if (p.find('\n') != std::string::npos) return false;
    if (segment_internal::SpaceAt(p, 0) != 0 || segment_internal::SpaceBefore(p, p.size(), 0) != 0) return false;
  }
  return true;
}

}  // namespace

struct IncrementalChecker::State {
  KbHandle kb;
  CheckOptions options;
  std::shared_ptr<const KbIndex> index;
  RulesHandle rules;  // the catalogue in use (options.rules or the bundled one), kept alive
  bool kb_blocks = true, catalog_blocks = true;
  std::unordered_map<std::string, std::shared_ptr<const BlockAnalysis>> blocks;  // of the last text
  Stats stats;

  std::shared_ptr<const BlockAnalysis> Analyse(const Document& doc, size_t start, size_t end) const;
};

std::shared_ptr<const BlockAnalysis> IncrementalChecker::State::Analyse(const Document& doc, size_t start,
                                                                        size_t end) const {
  auto out = std::make_shared<BlockAnalysis>();
  SegmentBlock(doc.text(), start, end, 0, &out->segments);
  const size_t fb = doc.OriginalToFolded(start), fe = doc.OriginalToFolded(end);
  out->times.resize(out->segments.size());
  for (size_t i = 0; i < out->segments.size(); ++i) {
    TextSegment& seg = out->segments[i];
    const size_t fs = doc.OriginalToFolded(seg.start);
    const size_t fse = std::max(fs, doc.OriginalToFolded(seg.end));
    out->times[i] = FindTimeExpressions(doc.folded(), fs, fse);
    for (TimeExpr& te : out->times[i]) {
      te.start -= fb;
      te.end -= fb;
    }
    seg.start -= start;
    seg.end -= start;
  }
  const std::string_view folded = doc.folded().substr(fb, fe - fb);
  if (kb_blocks) index->matcher.FindAll(folded, &out->kb_hits);
  if (catalog_blocks && rules->phrases.pattern_count() > 0) rules->phrases.FindAll(folded, &out->catalog_hits);
  return out;
}

IncrementalChecker::IncrementalChecker(KbHandle kb, CheckOptions options) : state_(std::make_unique<State>()) {
  state_->kb = std::move(kb);
  state_->index = GetKbIndex(*state_->kb);
  state_->rules = options.rules ? options.rules : BundledRules();
  state_->options = std::move(options);
  state_->kb_blocks = BlockSafe(state_->index->matcher);
  state_->catalog_blocks = BlockSafe(state_->rules->phrases);
  state_->stats.block_matching = state_->kb_blocks && state_->catalog_blocks;
}

IncrementalChecker::~IncrementalChecker() = default;
IncrementalChecker::IncrementalChecker(IncrementalChecker&&) noexcept = default;
IncrementalChecker& IncrementalChecker::operator=(IncrementalChecker&&) noexcept = default;

const IncrementalChecker::Stats& IncrementalChecker::last_stats() const { return state_->stats; }

Report IncrementalChecker::Check(std::string_view text) {
  State& st = *state_;
  const Kb& kb = *st.kb;
  const KbQuery query(kb);
  const Document doc(text);
  const FoldedView view(doc);
  const std::vector<segment_internal::Block> blocks = segment_internal::SplitBlocks(doc.text());

  std::unordered_map<std::string, std::shared_ptr<const BlockAnalysis>> next;
  next.reserve(blocks.size());
  Sentences sentences;
  std::vector<PhraseMatcher::Hit> kb_hits, catalog_hits;
  size_t analysed = 0;
  for (size_t b = 0; b < blocks.size(); ++b) {
    const size_t start = blocks[b].start, end = blocks[b].end;
    std::string key(text.substr(start, end - start));
    std::shared_ptr<const BlockAnalysis> a;
    if (auto it = next.find(key); it != next.end()) {
      a = it->second;
    } else {
      if (auto old = st.blocks.find(key); old != st.blocks.end()) {
        a = old->second;
      } else {
        a = st.Analyse(doc, start, end);
        ++analysed;
      }
      next.emplace(std::move(key), a);
    }
    const uint32_t fb = static_cast<uint32_t>(doc.OriginalToFolded(start));
    for (size_t i = 0; i < a->segments.size(); ++i) {
      TextSegment seg = a->segments[i];
      seg.start += start;
      seg.end += start;
      seg.paragraph = b;
      sentences.segments.push_back(seg);
      sentences.spans.push_back(Span{seg.start, seg.end, doc.Utf16At(seg.start), doc.Utf16At(seg.end)});
      const uint32_t fs = static_cast<uint32_t>(doc.OriginalToFolded(seg.start));
      const uint32_t fe = static_cast<uint32_t>(doc.OriginalToFolded(seg.end));
      sentences.start.push_back(fs);
      sentences.end.push_back(std::max(fs, fe));
      std::vector<TimeExpr> times = a->times[i];
      for (TimeExpr& te : times) {
        te.start += fb;
        te.end += fb;
      }
      sentences.times.push_back(std::move(times));
    }
    for (PhraseMatcher::Hit h : a->kb_hits) kb_hits.push_back({h.start + fb, h.end + fb, h.pattern});
    for (PhraseMatcher::Hit h : a->catalog_hits) catalog_hits.push_back({h.start + fb, h.end + fb, h.pattern});
  }
  st.blocks = std::move(next);
  st.stats.blocks = blocks.size();
  st.stats.analysed = analysed;

  if (!st.kb_blocks) {
    kb_hits.clear();
    st.index->matcher.FindAll(view.text(), &kb_hits);
  }
  if (!st.catalog_blocks) {
    catalog_hits.clear();
    if (st.rules->phrases.pattern_count() > 0) st.rules->phrases.FindAll(view.text(), &catalog_hits);
  }
  const Mentions mentions = FindMentions(query, *st.index, view, sentences, std::move(kb_hits));
  return CheckAnalysed(kb, query, *st.index, *st.rules, view, sentences, mentions, catalog_hits, st.options);
}

}  // namespace factlint
