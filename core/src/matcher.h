// PhraseMatcher: many phrases, one pass. An Aho–Corasick automaton over bytes of folded text
// (text.h: Fold), reporting every occurrence of every phrase that stands on word boundaries.
// Used for KB person names, office titles, jurisdictions, event triggers and lexicon phrases
// (see KbIndex in kb_index.h); the public API is in factlint/factlint.h.
//
// Contract: Add() patterns (already folded), then Build() once; FindAll() is const, linear in the
// text plus the number of hits, and safe to call from several threads.
//
// Speed: the states nearest the root (where a scan of news text spends nearly all its time) get
// dense transition rows over byte classes (the bytes that occur in some pattern, plus one class
// for every other byte), so a step there is one table load; deeper states use the sparse trie and
// failure links. The dense rows are capped (max_dense_entries, about 1 MB by default), so a KB
// 100 times larger costs the same memory there.

#ifndef FACTLINT_CORE_MATCHER_H_
#define FACTLINT_CORE_MATCHER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace factlint {

class PhraseMatcher {
 public:
  struct Hit {
    uint32_t start = 0, end = 0;  // folded byte offsets, [start, end)
    int pattern = 0;
  };

  // Adds a folded pattern; returns its id (the same id when the pattern was added before).
  // Empty patterns and patterns with no word character are ignored (returns -1).
  int Add(std::string_view folded_pattern);
  static constexpr size_t kDefaultDenseEntries = size_t{1} << 18;  // int32 entries
  void Build(size_t max_dense_entries = kDefaultDenseEntries);

  // Appends every word-bounded occurrence, ordered by end offset then by length (longest first).
  void FindAll(std::string_view folded, std::vector<Hit>* out) const;

  size_t pattern_count() const { return patterns_.size(); }
  const std::string& pattern(int id) const { return patterns_[static_cast<size_t>(id)]; }

 private:
  // The compiled KB snapshot (kb_snapshot.cpp) writes the patterns, their byte order and the
  // failure links (the costly parts of Build) and reads them back through BuildFrom; a matcher
  // read that way is built and frozen (no Add()).
  friend class SnapshotCodec;

  struct Edge {
    unsigned char byte;
    int32_t target;
  };
  int32_t Next(int32_t state, unsigned char byte) const;  // goto only, -1 when absent
  // Build() after the sort: the trie from the patterns in byte order (ids, sorted), then the
  // failure links (computed, or taken from `fail` when not null: the snapshot's, which must lead
  // each state but the root to a shallower one), output links and dense rows. Returns "" or what
  // is wrong with `fail` (the matcher is then left unbuilt).
  std::string BuildFrom(const std::vector<int32_t>& sorted_ids, size_t max_dense_entries, const std::vector<int32_t>* fail);

  std::vector<std::string> patterns_;
  std::unordered_map<std::string, int> pattern_ids_;
  // Trie in CSR form after Build(): edges of state s are edges_[edge_begin_[s], edge_begin_[s+1]).
  std::vector<uint32_t> edge_begin_;
  std::vector<Edge> edges_;
  std::vector<int32_t> fail_;
  std::vector<int32_t> out_;       // pattern ending exactly at this state, -1 if none
  std::vector<int32_t> out_link_;  // nearest state on the fail chain with out_ >= 0, -1 if none
  std::vector<int32_t> first_out_;  // s if out_[s] >= 0, else out_link_[s]
  // Dense rows: class_of_[byte] (0 = a byte in no pattern); row_[s] = first entry of state s's
  // row in dense_ (classes_ entries, each the next state), or -1 when s has none. The root always
  // has one, and every state with a row has all its failure ancestors with rows.
  unsigned char class_of_[256] = {};
  uint32_t classes_ = 1;
  std::vector<int32_t> row_;
  std::vector<int32_t> dense_;
  struct PatternInfo {
    uint32_t size;
    bool word_first, word_last;
  };
  std::vector<PatternInfo> info_;
  bool built_ = false;
};

}  // namespace factlint

#endif  // FACTLINT_CORE_MATCHER_H_
