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
// for the other non-word bytes and one for the other word bytes), so a step there is one table
// load; deeper states use the sparse trie and failure links. The dense rows are capped
// (max_dense_entries, about 1 MB by default), so a KB 100 times larger costs the same memory there.
//
// Word starts: a hit of a phrase that begins with a word byte is kept only where it starts a word,
// so the automaton tracks only those: a state is the longest suffix of the text read that is a
// pattern's prefix and starts where a hit may start (after a non-word byte, at the text's start,
// or with a non-word byte of its own), and the failure links lead to the longest such suffix of a
// state's own string. Inside a word the scan is then at the root most of the time, and there it
// steps over the rest of the word without a table load: the root has two rows, one after a
// non-word byte (dense_'s row 0) and one after a word byte (after_word_), whose entries for word
// bytes are kAfterWord. The same hits as the classic automaton with every hit held to word bounds
// (the tests compare with brute force).

#ifndef FACTLINT_CORE_MATCHER_H_
#define FACTLINT_CORE_MATCHER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

namespace factlint {

// The allocator of the matcher's tables: resize() leaves new entries uninitialised (Build and the
// snapshot's reader write every entry they size), so a load does not zero-fill ~6 MB it then
// overwrites.
template <class T>
struct NoInit : std::allocator<T> {
  using value_type = T;
  template <class U>
  struct rebind {
    using other = NoInit<U>;
  };
  NoInit() = default;
  template <class U>
  NoInit(const NoInit<U>&) noexcept {}
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
};
template <class T>
using Table = std::vector<T, NoInit<T>>;

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
  // FindAll of this matcher into *out and of `small` into *small_out (the rule catalogue's
  // phrases beside the KB's): the same hits as the two calls, which it is. Each automaton steps
  // over the inside of words at its root without a table load, so a small one costs a few
  // instructions per byte.
  void FindAllWith(std::string_view folded, std::vector<Hit>* out, const PhraseMatcher& small,
                   std::vector<Hit>* small_out) const;

  size_t pattern_count() const { return patterns_; }
  // Pattern id's bytes. A matcher read from a KB snapshot keeps no pattern text: the pattern is
  // spelled from the trie on each call (up its parents, a binary search each), so this is for
  // tests and tools, not for a loop over all patterns.
  std::string pattern(int id) const;
  // True when some pattern holds byte b (a byte on one of the trie's edges: every state of a built
  // trie is on the way to a pattern; in a snapshot's trie, a state that is not is counted too).
  bool HoldsByte(unsigned char b) const;
  // Calls visit(prefix) with every distinct first 1, 2 and 3 bytes of the patterns (the states of
  // depth 1 to 3: a few thousand, found in the trie's first states; in a snapshot's trie a state
  // on the way to no pattern counts too); stops at, and returns, the first false.
  template <class Visit>
  bool AllPrefixes(Visit visit) const;
  // Calls visit(tail) with the last byte of every pattern, or its last up to 3 bytes when
  // more(last byte) (up the trie: a binary search for each byte before the last); stops at, and
  // returns, the first false.
  template <class More, class Visit>
  bool AllPatternTails(More more, Visit visit) const;

 private:
  // The compiled KB snapshot (kb_snapshot*.cpp) writes the built tables (patterns, trie, failure
  // links, where each pattern ends) and reads them back through Link; a matcher read that way is
  // built and frozen (no Add()).
  friend class SnapshotCodec;

  int32_t Next(int32_t state, unsigned char byte) const;  // goto only, -1 when absent
  // The hits of the patterns from `id` >= 0 on (along next_out_), which end at `end`, held to
  // word bounds, appended to *out. Out of line: most steps report nothing.
  void Emit(int32_t id, const unsigned char* p, size_t n, size_t end, std::vector<Hit>* out) const;
  // Build's: after the trie (edge_begin_, edge_byte_) and end_state_ are set (pattern_at: the
  // pattern ending at each state, -1 if none), the byte classes, the failure links, the output
  // links, the dense rows and the patterns' info.
  void Link(const std::vector<int32_t>& pattern_at, size_t max_dense_entries);
  // The byte classes (class_of_, classes_) from the edge bytes: one per byte on an edge, in byte
  // order from 2; class 0 for the other non-word bytes, class 1 for the other word bytes.
  void ClassifyBytes();
  // The dense rows' count for the budget, and dense_ sized (row 0, the root's, set to its entries
  // for the bytes on none of its edges: 0, or kAfterWord for a word byte; the rest left to write).
  void SizeDense(size_t max_dense_entries);
  // after_word_ from the root's finished row (its word bytes' entries kAfterWord).
  void MakeAfterWordRow();
  // The row that dense state s > 0's row starts from (then its own edges are written over it):
  // its failure state's, or for a failure link to the root the root's row after s's last byte.
  const int32_t* FallbackRow(uint32_t s) const;
  // After the dense rows and first_out_: the dense entries (and after_word_'s) made final, each a
  // row offset or a state number with kSlowBit (unless the rows were written so: mark_slow
  // false), built.
  void Finish(bool mark_slow);
  // The state a pattern's last byte leads to; its parent (the state whose edge leads to t > 0).
  uint32_t Parent(uint32_t t) const;
  std::string_view stored(size_t id) const {
    return std::string_view(pattern_bytes_).substr(pattern_begin_[id], pattern_begin_[id + 1] - pattern_begin_[id]);
  }

  // Add()'s patterns, in id order, in one buffer: pattern id is pattern_bytes_[pattern_begin_[id],
  // pattern_begin_[id + 1]). Empty in a snapshot's matcher (pattern() spells from the trie).
  std::string pattern_bytes_;
  std::vector<uint32_t> pattern_begin_ = std::vector<uint32_t>(1, 0);
  std::unordered_map<std::string, int> pattern_ids_;  // for Add(); empty in a snapshot's matcher
  size_t patterns_ = 0;
  Table<uint32_t> end_state_;  // the state where each pattern ends (after Build or a read)
  // The trie after Build(): states numbered breadth first (the root 0; a state's children in byte
  // order), so the children of state s are the states e + 1 for e in [edge_begin_[s],
  // edge_begin_[s + 1]), reached on the bytes edge_byte_[e]: no target is stored.
  Table<uint32_t> edge_begin_;
  Table<unsigned char> edge_byte_;
  // The failure links: the longest proper suffix of the state's string that is a state and starts
  // where a hit may start (after a non-word byte of the string, or with a non-word byte), else 0.
  Table<int32_t> fail_;
  // The outputs, as pattern ids: first_out_[s] the pattern ending at state s, else the first one
  // on its failure chain (first_out_[fail_[s]]), -1 if none; next_out_[id] the next one after
  // pattern id on its end state's chain (first_out_ of that state's failure state). A state's
  // hits are first_out_ and then next_out_ to -1: two tables of one entry per state or pattern
  // (per state, the pattern at it and the nearest state with one on the chain took two more).
  Table<int32_t> first_out_;
  Table<int32_t> next_out_;
  // Dense rows: class_of_[byte] (0 = a non-word byte in no pattern, 1 = a word byte in no
  // pattern); the first dense_states_ states (breadth first: the root always, and a state's
  // failure state before it) have a row of classes_ entries in dense_, state s's at s * classes_,
  // each entry the next state's row (its offset s * classes_: no multiply in FindAll's step) once
  // built, its number while Link computes the failure links.
  unsigned char class_of_[256] = {};
  uint32_t classes_ = 2;
  uint32_t dense_states_ = 0;
  // An entry leading to a state that reports a phrase (first_out_ >= 0) or has no dense row is
  // that state's number with kSlowBit, so FindAll's common step is one load and a sign test;
  // readers that want the state mask it with kStateMask. Column 0 of every row is the root (after
  // a non-word byte), column 1 kAfterWord: the root after a word byte, where no hit can start
  // before the next non-word byte (its state masked is 0, the root, which has no output).
  Table<int32_t> dense_;
  Table<int32_t> after_word_;  // the root's row after a word byte: classes_ entries
  static constexpr uint32_t kSlowBit = 0x80000000u;
  static constexpr int32_t kStateMask = 0x7fffffff;
  static constexpr int32_t kAfterWord = static_cast<int32_t>(kSlowBit);
  struct PatternInfo {
    uint32_t size;
    bool word_first, word_last;
  };
  Table<PatternInfo> info_;
  bool built_ = false;
};

template <class Visit>
bool PhraseMatcher::AllPrefixes(Visit visit) const {
  // Breadth first, so the states of depth 1 to 3 are the children of those of depth 0 to 2, in
  // order: each one's prefix is its parent's and its edge's byte.
  std::vector<std::string> prefix(1);
  for (size_t s = 0; s < prefix.size() && s + 1 < edge_begin_.size(); ++s) {
    if (prefix[s].size() == 3) break;
    for (uint32_t e = edge_begin_[s]; e < edge_begin_[s + 1]; ++e) {
      prefix.push_back(prefix[s] + static_cast<char>(edge_byte_[e]));
      if (!visit(std::string_view(prefix.back()))) return false;
    }
  }
  return true;
}

template <class More, class Visit>
bool PhraseMatcher::AllPatternTails(More more, Visit visit) const {
  for (const uint32_t end : end_state_) {
    // Two spare bytes past the tail: the visitor sees only tail[k, 3), but GCC's -Warray-bounds,
    // after inlining SpaceBefore's look-ahead (bounded by the view's size), cannot prove it.
    char tail[5] = {};
    size_t k = 3;
    uint32_t t = end;
    tail[--k] = static_cast<char>(edge_byte_[t - 1]);
    if (more(edge_byte_[t - 1]))
      while (k > 0 && (t = Parent(t)) != 0) tail[--k] = static_cast<char>(edge_byte_[t - 1]);
    if (!visit(std::string_view(tail + k, 3 - k))) return false;
  }
  return true;
}

}  // namespace factlint

#endif  // FACTLINT_CORE_MATCHER_H_
