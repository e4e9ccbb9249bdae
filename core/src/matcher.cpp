// PhraseMatcher: the Aho–Corasick construction (goto, failure and output links computed breadth
// first), stored in compressed sparse rows so a KB of thousands of names costs a few hundred
// kilobytes instead of a 256-wide table per state. Matching follows failure links on a miss, so
// the whole scan is linear in the text; each hit is kept only when the characters around it are
// not word characters (text.h: IsWordByte), so "Trump" matches in "Trump's" but not in "Trumpet".
// The failure links skip the suffixes that start inside a word (matcher.h: word starts), whose
// hits that test would drop: news text spends most of its bytes inside words, where the classic
// automaton follows prefixes of names ("th" of "other" towards "thailand") that can never be kept.
//
// Build cost (the 2.7 MB KB: 19,448 patterns, ~210,000 states): the trie is made from the sorted
// patterns straight into CSR (no std::map per state, which was ~60 % of Build's instructions in
// malloc/free and tree walks), and each dense row is its failure state's row with the state's own
// edges written over it (no goto search per byte class).

#include "matcher.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <string_view>
#include <utility>

#include "text.h"

namespace factlint {

int PhraseMatcher::Add(std::string_view p) {
  bool has_word = false;
  for (unsigned char c : p) has_word = has_word || IsWordByte(c);
  if (p.empty() || !has_word) return -1;
  const auto [it, inserted] = pattern_ids_.try_emplace(std::string(p), static_cast<int>(pattern_count()));
  if (!inserted) return it->second;
  pattern_bytes_ += p;
  pattern_begin_.push_back(static_cast<uint32_t>(pattern_bytes_.size()));
  ++patterns_;
  built_ = false;
  return it->second;
}

void PhraseMatcher::Build(size_t max_dense_entries) {
  const size_t count = pattern_count();
  std::vector<int32_t> sorted(count);
  for (size_t i = 0; i < count; ++i) sorted[i] = static_cast<int32_t>(i);
  std::sort(sorted.begin(), sorted.end(), [&](int32_t a, int32_t b) { return stored(static_cast<size_t>(a)) < stored(static_cast<size_t>(b)); });

  // The trie, from the patterns in sorted order: a pattern shares its longest common prefix with
  // the one before it, so only the rest is new, and every state's children are created in
  // increasing byte order. States are numbered in creation order (depth first) here; the edges
  // (parent, byte) are put in CSR form by a stable counting sort on the parent. No map per state.
  struct NewEdge {
    int32_t parent;
    unsigned char byte;
  };
  std::vector<NewEdge> created;  // created[t - 1] made state t
  std::vector<int32_t> out(1, -1);
  std::vector<int32_t> path(1, 0);  // path[d] = the state after the first d bytes of the previous pattern
  std::string_view previous;
  for (const int32_t id : sorted) {
    const std::string_view pat = stored(static_cast<size_t>(id));
    size_t common = 0;
    while (common < pat.size() && common < previous.size() && pat[common] == previous[common]) ++common;
    path.resize(common + 1);
    for (size_t d = common; d < pat.size(); ++d) {
      const int32_t t = static_cast<int32_t>(out.size());
      created.push_back(NewEdge{path[d], static_cast<unsigned char>(pat[d])});
      out.push_back(-1);
      path.push_back(t);
    }
    out[static_cast<size_t>(path[pat.size()])] = id;
    previous = pat;
  }
  const size_t n = out.size();
  std::vector<uint32_t> begin(n + 1, 0);
  for (const NewEdge& e : created) ++begin[static_cast<size_t>(e.parent) + 1];
  for (size_t s = 0; s < n; ++s) begin[s + 1] += begin[s];
  std::vector<int32_t> child(created.size());
  {
    std::vector<uint32_t> fill(begin.begin(), begin.end() - 1);
    for (size_t i = 0; i < created.size(); ++i) child[fill[static_cast<size_t>(created[i].parent)]++] = static_cast<int32_t>(i + 1);
  }
  // Renumbered breadth first: the queue order is the new numbering, so each state's children get
  // consecutive numbers and an edge's index says its target.
  std::vector<int32_t> order;
  order.reserve(n);
  order.push_back(0);
  edge_begin_.assign(n + 1, 0);
  edge_byte_.clear();
  edge_byte_.reserve(created.size());
  std::vector<int32_t> pattern_at(n, -1);
  end_state_.assign(count, 0);
  for (size_t head = 0; head < order.size(); ++head) {
    const size_t old = static_cast<size_t>(order[head]);
    pattern_at[head] = out[old];
    if (out[old] >= 0) end_state_[static_cast<size_t>(out[old])] = static_cast<uint32_t>(head);
    for (uint32_t e = begin[old]; e < begin[old + 1]; ++e) {
      const int32_t c = child[e];
      order.push_back(c);
      edge_byte_.push_back(created[static_cast<size_t>(c) - 1].byte);
    }
    edge_begin_[head + 1] = static_cast<uint32_t>(edge_byte_.size());
  }
  fail_.assign(n, 0);
  Link(pattern_at, max_dense_entries);
}

void PhraseMatcher::ClassifyBytes() {
  // Four bytes a round (a snapshot's load reads ~490,000): a load and a store each, where the
  // one-byte loop took five instructions a byte with its counter and test.
  bool seen[256] = {};
  const unsigned char* const p = edge_byte_.data();
  const size_t n = edge_byte_.size();
  size_t i = 0;
  for (; i + 4 <= n; i += 4) seen[p[i]] = seen[p[i + 1]] = seen[p[i + 2]] = seen[p[i + 3]] = true;
  for (; i < n; ++i) seen[p[i]] = true;
  uint32_t classes = 2;
  for (int b = 0; b < 256; ++b) {
    const bool word = IsWordByte(static_cast<unsigned char>(b));
    class_of_[b] = seen[b] ? static_cast<unsigned char>(classes++) : word ? 1 : 0;
  }
  classes_ = classes;
}

void PhraseMatcher::SizeDense(size_t max_dense_entries) {
  const size_t n = edge_begin_.size() - 1;
  max_dense_entries = std::min<size_t>(max_dense_entries, kStateMask);  // row offsets fit an entry
  size_t dense = 1;
  while (dense < n && (dense + 1) * classes_ <= max_dense_entries) ++dense;
  dense_states_ = static_cast<uint32_t>(std::min(dense, n));
  dense_.resize(static_cast<size_t>(dense_states_) * classes_);
  // The root's row before its edges are written over it; every other row is copied, then written over.
  dense_[0] = 0;
  dense_[1] = kAfterWord;
  for (int b = 0; b < 256; ++b)
    if (class_of_[b] > 1) dense_[class_of_[b]] = IsWordByte(static_cast<unsigned char>(b)) ? kAfterWord : 0;
}

void PhraseMatcher::MakeAfterWordRow() {
  after_word_.resize(classes_);
  std::copy_n(dense_.data(), classes_, after_word_.data());
  after_word_[1] = kAfterWord;
  for (int b = 0; b < 256; ++b)
    if (class_of_[b] > 1 && IsWordByte(static_cast<unsigned char>(b))) after_word_[class_of_[b]] = kAfterWord;
}

const int32_t* PhraseMatcher::FallbackRow(uint32_t s) const {
  const auto f = static_cast<size_t>(fail_[s]);
  if (f != 0) return dense_.data() + f * classes_;
  return IsWordByte(edge_byte_[s - 1]) ? after_word_.data() : dense_.data();
}

void PhraseMatcher::Link(const std::vector<int32_t>& pattern_at, size_t max_dense_entries) {
  const size_t n = pattern_at.size();
  ClassifyBytes();

  // Failure links, output links and the dense rows, in state order (breadth first: a state's
  // failure link leads to a shallower state, already done). Dense rows go to the first states
  // while the budget lasts; a row is its failure state's row (FallbackRow) with the state's own
  // edges written over it. A state whose failure state has a row finds its children's failure
  // links there in one load: a child's is the transition from its parent's failure chain on its
  // byte, where the chain's end, the root, is the root after the parent's last byte (every state
  // on the chain ends with that byte), so a suffix that would start inside a word is not taken.
  // The outputs as pattern ids (matcher.h: first_out_, next_out_), from the failure state's
  // first output, which is done (an earlier state; the root, which ends no pattern, has none).
  first_out_.resize(n);
  next_out_.resize(pattern_count());
  SizeDense(max_dense_entries);
  for (size_t su = 0; su < n; ++su) {
    const int32_t s = static_cast<int32_t>(su);
    const int32_t f = fail_[su];
    const int32_t link = s != 0 ? first_out_[static_cast<size_t>(f)] : -1;
    const int32_t id = pattern_at[su];
    first_out_[su] = id >= 0 ? id : link;
    if (id >= 0) next_out_[static_cast<size_t>(id)] = link;
    if (su < dense_states_) {
      int32_t* row = dense_.data() + su * classes_;
      if (s != 0) std::copy_n(FallbackRow(static_cast<uint32_t>(su)), classes_, row);
      for (uint32_t e = edge_begin_[su]; e < edge_begin_[su + 1]; ++e) row[class_of_[edge_byte_[e]]] = static_cast<int32_t>(e + 1);
      if (s == 0) MakeAfterWordRow();
    }
    for (uint32_t e = edge_begin_[su]; e < edge_begin_[su + 1]; ++e) {
      const unsigned char c = edge_byte_[e];
      int32_t next = -1;
      if (s != 0) {
        int32_t g = f;
        while (static_cast<uint32_t>(g) >= dense_states_ && (next = Next(g, c)) < 0) g = fail_[static_cast<size_t>(g)];
        if (static_cast<uint32_t>(g) < dense_states_) {
          const int32_t* row = g != 0 ? dense_.data() + static_cast<size_t>(g) * classes_
                                      : IsWordByte(edge_byte_[su - 1]) ? after_word_.data() : dense_.data();
          next = row[class_of_[c]] & kStateMask;
        }
      }
      fail_[e + 1] = next > 0 ? next : 0;
    }
  }
  const size_t count = pattern_count();
  info_.resize(count);
  for (size_t i = 0; i < count; ++i) {
    const std::string_view pat = stored(i);
    info_[i] = PatternInfo{static_cast<uint32_t>(pat.size()), IsWordByte(static_cast<unsigned char>(pat.front())),
                           IsWordByte(static_cast<unsigned char>(pat.back()))};
  }
  Finish(/*mark_slow=*/true);
}

void PhraseMatcher::Finish(bool mark_slow) {
  // FindAll's fast path: a dense entry leading to a state that reports a phrase or has no dense
  // row gets kSlowBit, the others become their state's row offset (the rows above were copied
  // and the failure links found before this).
  if (mark_slow) {
    const auto mark = [&](int32_t& e) {
      const uint32_t t = static_cast<uint32_t>(e);
      e = static_cast<int32_t>(t >= dense_states_ || first_out_[t] >= 0 ? t | kSlowBit : t * classes_);
    };
    for (int32_t& e : dense_) mark(e);
    for (int32_t& e : after_word_) mark(e);
  }
  built_ = true;
}

uint32_t PhraseMatcher::Parent(uint32_t t) const {
  // Edge t - 1 leads to t; it is one of state s's when edge_begin_[s] <= t - 1 < edge_begin_[s + 1].
  return static_cast<uint32_t>(std::upper_bound(edge_begin_.begin(), edge_begin_.end(), t - 1) - edge_begin_.begin() - 1);
}

std::string PhraseMatcher::pattern(int id) const {
  const auto i = static_cast<size_t>(id);
  if (i + 1 < pattern_begin_.size()) return std::string(stored(i));
  std::string spelled;
  for (uint32_t t = end_state_[i]; t != 0; t = Parent(t)) spelled += static_cast<char>(edge_byte_[t - 1]);
  std::reverse(spelled.begin(), spelled.end());
  return spelled;
}

bool PhraseMatcher::HoldsByte(unsigned char b) const {
  return !edge_byte_.empty() && std::memchr(edge_byte_.data(), b, edge_byte_.size()) != nullptr;
}

int32_t PhraseMatcher::Next(int32_t state, unsigned char byte) const {
  const unsigned char* bytes = edge_byte_.data();
  const uint32_t begin = edge_begin_[static_cast<size_t>(state)];
  const uint32_t end = edge_begin_[static_cast<size_t>(state) + 1];
  if (end - begin <= 8) {
    for (uint32_t e = begin; e != end; ++e)
      if (bytes[e] == byte) return static_cast<int32_t>(e + 1);
    return -1;
  }
  const unsigned char* it = std::lower_bound(bytes + begin, bytes + end, byte);
  return (it != bytes + end && *it == byte) ? static_cast<int32_t>(it - bytes + 1) : -1;
}

// The patterns from id on (a state's first output): matcher.h.
void PhraseMatcher::Emit(int32_t id, const unsigned char* p, size_t n, size_t end,
                         std::vector<Hit>* out) const {
  for (; id >= 0; id = next_out_[static_cast<size_t>(id)]) {
    const PatternInfo& pat = info_[static_cast<size_t>(id)];
    const size_t start = end - pat.size;
    if (pat.word_first && start > 0 && IsWordByte(p[start - 1])) continue;
    if (pat.word_last && end < n && IsWordByte(p[end])) continue;
    out->push_back(Hit{static_cast<uint32_t>(start), static_cast<uint32_t>(end), id});
  }
}

void PhraseMatcher::FindAll(std::string_view text, std::vector<Hit>* out) const {
  if (!built_ || pattern_count() == 0) return;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  const int32_t* dense = dense_.data();
  const int32_t* first_out = first_out_.data();
  const uint32_t* edge_begin = edge_begin_.data();
  const unsigned char* edge_byte = edge_byte_.data();
  const unsigned char* class_of = class_of_;
  const size_t classes = classes_;
  const uint32_t dense_states = dense_states_;
  // s is the offset of a dense row here. Column 0 (a non-word byte in no pattern) of every row
  // leads to the root, so the common step is one load and a sign test; an entry with kSlowBit
  // leads to a state that reports a phrase or has no dense row, or is kAfterWord.
  uint32_t s = 0;
  size_t i = 0;
  while (i < n) {
    int32_t e = dense[s + class_of[p[i]]];
    ++i;
    if (e >= 0) {
      s = static_cast<uint32_t>(e);
      continue;
    }
    if (e == kAfterWord) {
      // The root inside a word: no phrase starts before the next non-word byte, which is read from
      // the root's row (the root after a word byte and after a non-word byte step alike on it).
      while (i < n && kWordBytes[p[i]]) ++i;
      s = 0;
      continue;
    }
    for (;;) {
      const uint32_t t0 = static_cast<uint32_t>(e & kStateMask);
      if (first_out[t0] >= 0) Emit(first_out[t0], p, n, i, out);
      if (t0 < dense_states) {
        s = t0 * static_cast<uint32_t>(classes);
        break;
      }
      // A deep state (no dense row; its children are deep too): its goto edges byte by byte while
      // they match (most deep states have one child: one compare).
      uint32_t t = t0;
      unsigned char c;
      for (;;) {
        if (i >= n) return;
        c = p[i++];
        uint32_t b = edge_begin[t];
        const uint32_t end = edge_begin[t + 1];
        if (end - b > 8) {
          const int32_t g = Next(static_cast<int32_t>(t), c);
          if (g < 0) break;
          t = static_cast<uint32_t>(g);
        } else {
          // The edge bytes are in increasing order.
          while (b != end && edge_byte[b] < c) ++b;
          if (b == end || edge_byte[b] != c) break;
          t = b + 1;
        }
        if (first_out[t] >= 0) Emit(first_out[t], p, n, i, out);
      }
      // A miss on c: the failure links down to a goto edge on c or a state with a dense row, whose
      // entry is then read as above (for the root, its row after t's last byte, p[i - 2]).
      const uint32_t k = class_of[c];
      if (k <= 1) {
        e = k == 0 ? 0 : kAfterWord;
      } else {
        int32_t f = fail_[t];
        int32_t g = -1;
        while (static_cast<uint32_t>(f) >= dense_states && (g = Next(f, c)) < 0)
          f = fail_[static_cast<size_t>(f)];
        if (static_cast<uint32_t>(f) >= dense_states) {
          e = static_cast<int32_t>(static_cast<uint32_t>(g) | kSlowBit);
        } else {
          const int32_t* row = f != 0 ? dense + static_cast<size_t>(f) * classes
                                      : kWordBytes[p[i - 2]] ? after_word_.data() : dense;
          e = row[k];
        }
      }
      if (e >= 0) {
        s = static_cast<uint32_t>(e);
        break;
      }
      if (e == kAfterWord) {
        while (i < n && kWordBytes[p[i]]) ++i;
        s = 0;
        break;
      }
    }
  }
}

void PhraseMatcher::FindAllWith(std::string_view text, std::vector<Hit>* out, const PhraseMatcher& small,
                                std::vector<Hit>* small_out) const {
  FindAll(text, out);
  small.FindAll(text, small_out);
}

}  // namespace factlint
