// PhraseMatcher: the classic Aho–Corasick construction (goto, failure and output links computed
// breadth first), stored in compressed sparse rows so a KB of thousands of names costs a few
// hundred kilobytes instead of a 256-wide table per state. Matching follows failure links on a
// miss, so the whole scan is linear in the text; each hit is then kept only when the characters
// around it are not word characters (text.h: IsWordByte), so "Trump" matches in "Trump's" but
// not in "Trumpet".
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
  out_.assign(n, -1);
  end_state_.assign(count, 0);
  for (size_t head = 0; head < order.size(); ++head) {
    const size_t old = static_cast<size_t>(order[head]);
    out_[head] = out[old];
    if (out[old] >= 0) end_state_[static_cast<size_t>(out[old])] = static_cast<uint32_t>(head);
    for (uint32_t e = begin[old]; e < begin[old + 1]; ++e) {
      const int32_t c = child[e];
      order.push_back(c);
      edge_byte_.push_back(created[static_cast<size_t>(c) - 1].byte);
    }
    edge_begin_[head + 1] = static_cast<uint32_t>(edge_byte_.size());
  }
  fail_.assign(n, 0);
  Link(max_dense_entries);
}

void PhraseMatcher::ClassifyBytes() {
  bool seen[256] = {};
  for (const unsigned char b : edge_byte_) seen[b] = true;
  uint32_t classes = 1;
  for (int b = 0; b < 256; ++b) class_of_[b] = seen[b] ? static_cast<unsigned char>(classes++) : 0;
  classes_ = classes;
}

void PhraseMatcher::SizeDense(size_t max_dense_entries) {
  const size_t n = out_.size();
  size_t dense = 1;
  while (dense < n && (dense + 1) * classes_ <= max_dense_entries) ++dense;
  dense_states_ = static_cast<uint32_t>(std::min(dense, n));
  dense_.resize(static_cast<size_t>(dense_states_) * classes_);
  std::fill_n(dense_.data(), classes_, 0);  // the root's row; every other row is copied, then written over
}

void PhraseMatcher::Link(size_t max_dense_entries) {
  const size_t n = out_.size();
  ClassifyBytes();

  // Failure links, output links and the dense rows, in state order (breadth first: a state's
  // failure link leads to a shallower state, already done). Dense rows go to the first states
  // while the budget lasts; a row is its failure state's row with the state's own edges written
  // over it. A state whose failure state has a row finds its children's failure links there in
  // one load.
  out_link_.assign(n, -1);
  SizeDense(max_dense_entries);
  for (size_t su = 0; su < n; ++su) {
    const int32_t s = static_cast<int32_t>(su);
    const int32_t f = fail_[su];
    if (s != 0) out_link_[su] = out_[static_cast<size_t>(f)] >= 0 ? f : out_link_[static_cast<size_t>(f)];
    if (su < dense_states_) {
      int32_t* row = dense_.data() + su * classes_;
      if (s != 0) std::copy_n(dense_.data() + static_cast<size_t>(f) * classes_, classes_, row);
      for (uint32_t e = edge_begin_[su]; e < edge_begin_[su + 1]; ++e) row[class_of_[edge_byte_[e]]] = static_cast<int32_t>(e + 1);
    }
    for (uint32_t e = edge_begin_[su]; e < edge_begin_[su + 1]; ++e) {
      const unsigned char c = edge_byte_[e];
      int32_t next = -1;
      if (s != 0) {
        int32_t g = f;
        while (static_cast<uint32_t>(g) >= dense_states_ && (next = Next(g, c)) < 0) g = fail_[static_cast<size_t>(g)];
        if (static_cast<uint32_t>(g) < dense_states_) next = dense_[static_cast<size_t>(g) * classes_ + class_of_[c]];
      }
      fail_[e + 1] = next > 0 ? next : 0;
    }
  }
  first_out_.resize(n);
  for (size_t s = 0; s < n; ++s) first_out_[s] = out_[s] >= 0 ? static_cast<int32_t>(s) : out_link_[s];
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
  // row gets kSlowBit (the rows above were copied and the failure links found before this).
  if (mark_slow) for (int32_t& e : dense_) {
    const uint32_t t = static_cast<uint32_t>(e);
    if (t >= dense_states_ || first_out_[t] >= 0) e = static_cast<int32_t>(t | kSlowBit);
  }
  for (int c = 0; c < 256; ++c) {
    const uint32_t k = class_of_[c];
    start_flags_[c] = static_cast<unsigned char>((IsWordByte(static_cast<unsigned char>(c)) ? kWordFlag : 0) |
                                                 (k != 0 && (dense_[k] & kStateMask) != 0 ? kStartFlag : 0));
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

// FindAll's step, shared with FindAllWith: the automaton's arrays, hoisted out of the loop.
struct PhraseMatcher::Stepper {
  explicit Stepper(const PhraseMatcher& m)
      : m(m), dense(m.dense_.data()), first_out(m.first_out_.data()), dense_states(m.dense_states_), classes(m.classes_) {}

  // From state s on byte c of class k > 0: the next state, then its hits (which end at `end`, held
  // to word bounds) appended to *out.
  int32_t Step(int32_t s, unsigned char c, uint32_t k, const unsigned char* p, size_t n, size_t end,
               std::vector<Hit>* out) const {
    int32_t t = -1;
    // A deep state: its sparse goto, else along failure links until a state with a dense row.
    while (static_cast<uint32_t>(s) >= dense_states && (t = m.Next(s, c)) < 0) s = m.fail_[static_cast<size_t>(s)];
    s = static_cast<uint32_t>(s) < dense_states ? dense[static_cast<size_t>(s) * classes + k] & kStateMask : t;
    Emit(s, p, n, end, out);
    return s;
  }

  // The hits of state s, which end at `end`, held to word bounds, appended to *out.
  void Emit(int32_t s, const unsigned char* p, size_t n, size_t end, std::vector<Hit>* out) const {
    for (int32_t o = first_out[s]; o >= 0; o = m.out_link_[static_cast<size_t>(o)]) {
      const int id = m.out_[static_cast<size_t>(o)];
      const PatternInfo& pat = m.info_[static_cast<size_t>(id)];
      const size_t start = end - pat.size;
      if (pat.word_first && start > 0 && IsWordByte(p[start - 1])) continue;
      if (pat.word_last && end < n && IsWordByte(p[end])) continue;
      out->push_back(Hit{static_cast<uint32_t>(start), static_cast<uint32_t>(end), id});
    }
  }

  const PhraseMatcher& m;
  const int32_t* dense;
  const int32_t* first_out;
  uint32_t dense_states, classes;
};

void PhraseMatcher::FindAll(std::string_view text, std::vector<Hit>* out) const {
  if (!built_ || pattern_count() == 0) return;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  const Stepper step(*this);
  const int32_t* dense = dense_.data();
  const unsigned char* class_of = class_of_;
  const size_t classes = classes_;
  // s always has a dense row here. Column 0 (a byte in no pattern) of every row leads to the
  // root, so the common step is one load; an entry with kSlowBit leads to a state that reports
  // a phrase or has no dense row.
  uint32_t s = 0;
  for (size_t i = 0; i < n; ++i) {
    const int32_t e = dense[s * classes + class_of[p[i]]];
    if (e >= 0) {
      s = static_cast<uint32_t>(e);
      continue;
    }
    int32_t t = e & kStateMask;
    step.Emit(t, p, n, i + 1, out);
    // A deep state: its sparse goto edges and failure links, byte by byte, until a dense state.
    while (static_cast<uint32_t>(t) >= dense_states_) {
      if (++i >= n) return;
      const unsigned char c = p[i];
      const uint32_t k = class_of[c];
      if (k == 0) {
        t = 0;
        break;
      }
      t = step.Step(t, c, k, p, n, i + 1, out);
    }
    s = static_cast<uint32_t>(t);
  }
}

size_t PhraseMatcher::WalkFrom(const unsigned char* p, size_t n, size_t start, uint32_t k, size_t base,
                               std::vector<Hit>* out) const {
  const int32_t* dense = dense_.data();
  const uint32_t* edge_begin = edge_begin_.data();
  int32_t s = dense[k] & kStateMask;  // the root's row: a child of the root, or 0
  size_t j = start + 1;
  for (;;) {
    const int id = out_[static_cast<size_t>(s)];
    if (id >= 0 && !(info_[static_cast<size_t>(id)].word_last && j < n && IsWordByte(p[j]))) {
      // FindAll's order is by end, then by start: this walk's ends grow and its start is after
      // every earlier walk's, so the hit goes right after the last hit that ends no later.
      const Hit h{static_cast<uint32_t>(start), static_cast<uint32_t>(j), id};
      out->push_back(h);
      size_t at = out->size() - 1;
      for (; at > base && (*out)[at - 1].end > h.end; --at) (*out)[at] = (*out)[at - 1];
      (*out)[at] = h;
    }
    if (j >= n) break;
    const unsigned char c = p[j];
    const uint32_t kc = class_of_[c];
    if (kc == 0) break;
    // The goto edge on c: a dense row holds the automaton's transition, which is a goto edge when
    // it leads to one of s's children, the states (edge_begin[s], edge_begin[s + 1]].
    int32_t t;
    if (static_cast<uint32_t>(s) < dense_states_) {
      t = dense[static_cast<size_t>(s) * classes_ + kc] & kStateMask;
      if (t <= static_cast<int32_t>(edge_begin[s]) || t > static_cast<int32_t>(edge_begin[s + 1])) t = -1;
    } else {
      t = Next(s, c);
    }
    if (t < 0) break;
    s = t;
    ++j;
  }
  return j - start;
}

void PhraseMatcher::FindAllWith(std::string_view text, std::vector<Hit>* out, const PhraseMatcher& small,
                                std::vector<Hit>* small_out) const {
  if (!small.built_ || small.pattern_count() == 0) return FindAll(text, out);
  if (!built_ || pattern_count() == 0) return small.FindAll(text, small_out);
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  // small: a walk from each word start and each non-word byte that starts one of its phrases.
  const unsigned char* flags = small.start_flags_;
  const size_t small_base = small_out->size();
  size_t small_budget = 4 * n + 4096;  // bytes small's walks may take before it falls back
  unsigned char before = 0;            // the flags of the byte before
  for (size_t i = 0; i < n; ++i) {
    const unsigned char f = flags[p[i]];
    if ((f & kStartFlag) != 0 && (f & before & kWordFlag) == 0) {
      const size_t walked = small.WalkFrom(p, n, i, small.class_of_[p[i]], small_base, small_out);
      if (walked > small_budget) {
        small_out->resize(small_base);
        small.FindAll(text, small_out);
        break;
      }
      small_budget -= walked;
    }
    before = f;
  }
  FindAll(text, out);
}

}  // namespace factlint
