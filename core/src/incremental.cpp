// IncrementalChecker (factlint/factlint.h): factlint::Check with the text's own analysis cached
// per block. A Check is, in order (check.cpp): the text model; the sentences (segment.h) and
// their time expressions (timex.h); the KB's phrase automaton over the folded text and the
// quotes' scan, then the mentions built from them (mentions.h); the catalogue's automaton; the
// timeline, the rules and the report (pipeline.h: CheckAnalysed). These read only one block's bytes:
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
// - Quotes pair within a line, and a sentence's speech words are judged against the quotes of
//   its own line (ScanQuotes).
//
// So those are kept per block, keyed by the block's bytes, with offsets relative to the block's
// first byte (and first folded byte, and first sentence), and shifted into place; a block's folded
// text is the folding of its bytes alone, since folding maps each character by itself. Everything
// else — people and their coreference, quotes' speakers, titles, events and the other claims,
// the timeline, the rules, the report — is computed as factlint::Check computes it, on the whole
// document.

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
// its first folded byte, sentence indexes to its first sentence.
struct BlockAnalysis {
  std::vector<TextSegment> segments;        // start, end, kind (paragraph: set on use)
  std::vector<std::vector<TimeExpr>> times;  // per segment
  // Filled once the text's sentences are known (Check's second pass).
  bool scanned = false;
  std::vector<PhraseMatcher::Hit> kb_hits, catalog_hits;
  QuoteScan quotes;  // speech and pronoun: one entry per segment of the block
};

// True when no hit of the matcher's phrases can reach outside a block: no phrase holds a line
// break or starts or ends with a space (segment_chars.h: SpaceAt, the spaces the segmenter trims).
// Asked of the trie (no pattern spelled): a line break on any edge; a space in the first 1 to 3
// bytes of a pattern (SpaceAt reads no further); a space ending a pattern (SpaceBefore reads its
// last 3 bytes at most, and a space of more than one byte ends with a UTF-8 continuation byte, so
// a pattern ending in an ASCII byte needs only that byte).
bool BlockSafe(const PhraseMatcher& matcher) {
  if (matcher.pattern_count() == 0) return true;
  if (matcher.HoldsByte('\n')) return false;
  if (!matcher.AllPrefixes([](std::string_view head) { return segment_internal::SpaceAt(head, 0) == 0; })) return false;
  return matcher.AllPatternTails([](unsigned char last) { return last >= 0x80; },
                                 [](std::string_view tail) { return segment_internal::SpaceBefore(tail, tail.size(), 0) == 0; });
}

}  // namespace

struct IncrementalChecker::State {
  KbHandle kb;
  CheckOptions options;
  std::shared_ptr<const KbIndex> index;
  RulesHandle rules;  // the catalogue in use (options.rules or the bundled one), kept alive
  bool kb_blocks = true, catalog_blocks = true;
  std::unordered_map<std::string, std::shared_ptr<BlockAnalysis>> blocks;  // of the last text
  Stats stats;

  std::shared_ptr<BlockAnalysis> Segment(const Document& doc, size_t start, size_t end) const;
  void Scan(const FoldedView& view, const Sentences& sentences, size_t start, size_t end, size_t first_sentence,
            BlockAnalysis* a) const;
};

// The block's segments and their time expressions.
std::shared_ptr<BlockAnalysis> IncrementalChecker::State::Segment(const Document& doc, size_t start, size_t end) const {
  auto out = std::make_shared<BlockAnalysis>();
  SegmentBlock(doc.text(), start, end, 0, &out->segments);
  const size_t fb = doc.OriginalToFolded(start);
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
  return out;
}

// The automata's hits in the block and its quotes (with the text's sentences, placed).
void IncrementalChecker::State::Scan(const FoldedView& view, const Sentences& sentences, size_t start, size_t end,
                                     size_t first_sentence, BlockAnalysis* a) const {
  const Document& doc = view.doc();
  const uint32_t fb = static_cast<uint32_t>(doc.OriginalToFolded(start));
  const uint32_t fe = static_cast<uint32_t>(doc.OriginalToFolded(end));
  const std::string_view folded = doc.folded().substr(fb, fe - fb);
  if (kb_blocks) index->matcher.FindAll(folded, &a->kb_hits);
  if (catalog_blocks && rules->phrases.pattern_count() > 0) rules->phrases.FindAll(folded, &a->catalog_hits);
  const size_t n = a->segments.size();
  QuoteScan scan;
  ScanQuotes(view, sentences, fb, fe, first_sentence, first_sentence + n, &scan);
  for (QuoteSpan q : scan.quotes) {
    q.open -= fb;
    q.close -= fb;
    q.sentence -= static_cast<int>(first_sentence);
    a->quotes.quotes.push_back(q);
  }
  a->quotes.speech.assign(scan.speech.begin() + static_cast<std::ptrdiff_t>(first_sentence),
                          scan.speech.begin() + static_cast<std::ptrdiff_t>(first_sentence + n));
  a->quotes.pronoun.assign(scan.pronoun.begin() + static_cast<std::ptrdiff_t>(first_sentence),
                           scan.pronoun.begin() + static_cast<std::ptrdiff_t>(first_sentence + n));
  a->scanned = true;
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

  // Pass 1: each block's analysis (the last text's, or new) and the text's sentences.
  struct Placed {
    BlockAnalysis* a;
    size_t first_sentence;
    uint32_t fb;
  };
  std::vector<Placed> placed;
  placed.reserve(blocks.size());
  std::unordered_map<std::string, std::shared_ptr<BlockAnalysis>> next;
  next.reserve(blocks.size());
  Sentences sentences;
  size_t analysed = 0;
  for (size_t b = 0; b < blocks.size(); ++b) {
    const size_t start = blocks[b].start, end = blocks[b].end;
    std::string key(text.substr(start, end - start));
    BlockAnalysis* a;
    if (auto it = next.find(key); it != next.end()) {
      a = it->second.get();
    } else {
      std::shared_ptr<BlockAnalysis> found;
      if (auto old = st.blocks.find(key); old != st.blocks.end()) {
        found = old->second;
      } else {
        found = st.Segment(doc, start, end);
        ++analysed;
      }
      a = found.get();
      next.emplace(std::move(key), std::move(found));
    }
    const uint32_t fb = static_cast<uint32_t>(doc.OriginalToFolded(start));
    placed.push_back(Placed{a, sentences.size(), fb});
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
      sentences.time_from.push_back(static_cast<uint32_t>(sentences.times.size()));
      for (TimeExpr te : a->times[i]) {
        te.start += fb;
        te.end += fb;
        sentences.times.push_back(std::move(te));
      }
    }
  }
  sentences.time_from.push_back(static_cast<uint32_t>(sentences.times.size()));
  st.blocks = std::move(next);
  st.stats.blocks = blocks.size();
  st.stats.analysed = analysed;

  // Pass 2: the new blocks' hits and quotes; then everything placed.
  std::vector<PhraseMatcher::Hit> kb_hits, catalog_hits;
  QuoteScan quotes;
  quotes.speech.reserve(sentences.size());
  quotes.pronoun.reserve(sentences.size());
  for (size_t b = 0; b < blocks.size(); ++b) {
    const Placed& p = placed[b];
    if (!p.a->scanned) st.Scan(view, sentences, blocks[b].start, blocks[b].end, p.first_sentence, p.a);
    for (PhraseMatcher::Hit h : p.a->kb_hits) kb_hits.push_back({h.start + p.fb, h.end + p.fb, h.pattern});
    for (PhraseMatcher::Hit h : p.a->catalog_hits) catalog_hits.push_back({h.start + p.fb, h.end + p.fb, h.pattern});
    for (QuoteSpan q : p.a->quotes.quotes) {
      q.open += p.fb;
      q.close += p.fb;
      q.sentence += static_cast<int>(p.first_sentence);
      quotes.quotes.push_back(q);
    }
    quotes.speech.insert(quotes.speech.end(), p.a->quotes.speech.begin(), p.a->quotes.speech.end());
    quotes.pronoun.insert(quotes.pronoun.end(), p.a->quotes.pronoun.begin(), p.a->quotes.pronoun.end());
  }

  if (!st.kb_blocks) {
    kb_hits.clear();
    st.index->matcher.FindAll(view.text(), &kb_hits);
  }
  if (!st.catalog_blocks) {
    catalog_hits.clear();
    if (st.rules->phrases.pattern_count() > 0) st.rules->phrases.FindAll(view.text(), &catalog_hits);
  }
  const Mentions mentions = FindMentions(query, *st.index, view, sentences, std::move(kb_hits), std::move(quotes));
  return CheckAnalysed(kb, query, *st.index, *st.rules, view, sentences, mentions, catalog_hits, st.options);
}

}  // namespace factlint
