// PhraseMatcher: the classic Aho–Corasick construction (goto, failure and output links computed
// breadth first), stored in compressed sparse rows so a KB of thousands of names costs a few
// hundred kilobytes instead of a 256-wide table per state. Matching follows failure links on a
// miss, so the whole scan is linear in the text; each hit is then kept only when the characters
// around it are not word characters (text.h: IsWordByte), so "Trump" matches in "Trump's" but
// not in "Trumpet".

#include "matcher.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <queue>

#include "text.h"

namespace factlint {

int PhraseMatcher::Add(std::string_view p) {
  bool has_word = false;
  for (unsigned char c : p) has_word = has_word || IsWordByte(c);
  if (p.empty() || !has_word) return -1;
  auto it = pattern_ids_.find(std::string(p));
  if (it != pattern_ids_.end()) return it->second;
  int id = static_cast<int>(patterns_.size());
  patterns_.emplace_back(p);
  pattern_ids_.emplace(std::string(p), id);
  built_ = false;
  return id;
}

void PhraseMatcher::Build(size_t max_dense_entries) {
  // Trie with ordered child maps first; converted to CSR below.
  std::vector<std::map<unsigned char, int32_t>> children(1);
  std::vector<int32_t> out(1, -1);
  for (size_t id = 0; id < patterns_.size(); ++id) {
    int32_t s = 0;
    for (unsigned char c : patterns_[id]) {
      auto it = children[static_cast<size_t>(s)].find(c);
      if (it == children[static_cast<size_t>(s)].end()) {
        int32_t t = static_cast<int32_t>(children.size());
        children[static_cast<size_t>(s)].emplace(c, t);
        children.emplace_back();
        out.push_back(-1);
        s = t;
      } else {
        s = it->second;
      }
    }
    out[static_cast<size_t>(s)] = static_cast<int32_t>(id);
  }
  const size_t n = children.size();
  edge_begin_.assign(n + 1, 0);
  edges_.clear();
  for (size_t s = 0; s < n; ++s) {
    edge_begin_[s] = static_cast<uint32_t>(edges_.size());
    for (auto [c, t] : children[s]) edges_.push_back(Edge{c, t});
  }
  edge_begin_[n] = static_cast<uint32_t>(edges_.size());
  out_ = std::move(out);
  fail_.assign(n, 0);
  out_link_.assign(n, -1);
  std::queue<int32_t> queue;
  std::vector<int32_t> bfs(1, 0);  // states in breadth-first order
  bfs.reserve(n);
  for (uint32_t e = edge_begin_[0]; e < edge_begin_[1]; ++e) {
    queue.push(edges_[e].target);
    bfs.push_back(edges_[e].target);
  }
  while (!queue.empty()) {
    int32_t s = queue.front();
    queue.pop();
    int32_t f = fail_[static_cast<size_t>(s)];
    out_link_[static_cast<size_t>(s)] = out_[static_cast<size_t>(f)] >= 0 ? f : out_link_[static_cast<size_t>(f)];
    for (uint32_t e = edge_begin_[static_cast<size_t>(s)]; e < edge_begin_[static_cast<size_t>(s) + 1]; ++e) {
      int32_t t = edges_[e].target;
      unsigned char c = edges_[e].byte;
      int32_t g = f;
      int32_t next = -1;
      while (true) {
        next = Next(g, c);
        if (next >= 0 || g == 0) break;
        g = fail_[static_cast<size_t>(g)];
      }
      fail_[static_cast<size_t>(t)] = (next >= 0 && next != t) ? next : 0;
      queue.push(t);
      bfs.push_back(t);
    }
  }
  first_out_.resize(n);
  for (size_t s = 0; s < n; ++s) first_out_[s] = out_[s] >= 0 ? static_cast<int32_t>(s) : out_link_[s];
  info_.clear();
  for (const std::string& pat : patterns_)
    info_.push_back(PatternInfo{static_cast<uint32_t>(pat.size()), IsWordByte(static_cast<unsigned char>(pat.front())),
                                IsWordByte(static_cast<unsigned char>(pat.back()))});

  // Byte classes: one per byte that occurs in a pattern, class 0 for all others.
  std::fill(std::begin(class_of_), std::end(class_of_), 0);
  std::vector<unsigned char> byte_of(1, 0);
  for (const Edge& e : edges_) {
    if (class_of_[e.byte] == 0) {
      class_of_[e.byte] = static_cast<unsigned char>(byte_of.size());
      byte_of.push_back(e.byte);
    }
  }
  classes_ = static_cast<uint32_t>(byte_of.size());
  // Dense rows in breadth-first order (the root first) while the budget lasts. A failure link
  // leads to a shallower state, which comes earlier in that order, so its row is already there.
  row_.assign(n, -1);
  dense_.clear();
  for (int32_t s : bfs) {
    if (s != 0 && dense_.size() + classes_ > max_dense_entries) break;
    const size_t base = dense_.size();
    row_[static_cast<size_t>(s)] = static_cast<int32_t>(base);
    dense_.resize(base + classes_, 0);
    const int32_t f = fail_[static_cast<size_t>(s)];
    for (uint32_t k = 1; k < classes_; ++k) {
      int32_t t = Next(s, byte_of[k]);
      if (t < 0) t = s == 0 ? 0 : dense_[static_cast<size_t>(row_[static_cast<size_t>(f)]) + k];
      dense_[base + k] = t;
    }
  }
  built_ = true;
}

int32_t PhraseMatcher::Next(int32_t state, unsigned char byte) const {
  const Edge* begin = edges_.data() + edge_begin_[static_cast<size_t>(state)];
  const Edge* end = edges_.data() + edge_begin_[static_cast<size_t>(state) + 1];
  if (end - begin <= 8) {
    for (const Edge* e = begin; e != end; ++e)
      if (e->byte == byte) return e->target;
    return -1;
  }
  const Edge* it = std::lower_bound(begin, end, byte,
                                    [](const Edge& e, unsigned char b) { return e.byte < b; });
  return (it != end && it->byte == byte) ? it->target : -1;
}

void PhraseMatcher::FindAll(std::string_view text, std::vector<Hit>* out) const {
  if (!built_ || patterns_.empty()) return;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  const int32_t* row = row_.data();
  const int32_t* dense = dense_.data();
  const int32_t* first_out = first_out_.data();
  int32_t s = 0;
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = p[i];
    const uint32_t k = class_of_[c];
    if (k == 0) {
      s = 0;  // a byte in no pattern: no state survives it
      continue;
    }
    int32_t t = -1;
    // A deep state: its sparse goto, else along failure links until a state with a dense row.
    while (row[s] < 0 && (t = Next(s, c)) < 0) s = fail_[static_cast<size_t>(s)];
    s = row[s] >= 0 ? dense[static_cast<size_t>(row[s]) + k] : t;
    const size_t end = i + 1;
    for (int32_t o = first_out[s]; o >= 0; o = out_link_[static_cast<size_t>(o)]) {
      const int id = out_[static_cast<size_t>(o)];
      const PatternInfo& pat = info_[static_cast<size_t>(id)];
      const size_t start = end - pat.size;
      if (pat.word_first && start > 0 && IsWordByte(p[start - 1])) continue;
      if (pat.word_last && end < n && IsWordByte(p[end])) continue;
      out->push_back(Hit{static_cast<uint32_t>(start), static_cast<uint32_t>(end), id});
    }
  }
}

}  // namespace factlint
