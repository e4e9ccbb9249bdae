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
#include <iterator>
#include <string_view>
#include <utility>

#include "text.h"

namespace factlint {

int PhraseMatcher::Add(std::string_view p) {
  bool has_word = false;
  for (unsigned char c : p) has_word = has_word || IsWordByte(c);
  if (p.empty() || !has_word) return -1;
  const auto [it, inserted] = pattern_ids_.try_emplace(std::string(p), static_cast<int>(patterns_.size()));
  if (!inserted) return it->second;
  patterns_.push_back(it->first);
  built_ = false;
  return it->second;
}

void PhraseMatcher::Build(size_t max_dense_entries) {
  std::vector<int32_t> sorted(patterns_.size());
  for (size_t i = 0; i < sorted.size(); ++i) sorted[i] = static_cast<int32_t>(i);
  std::sort(sorted.begin(), sorted.end(),
            [&](int32_t a, int32_t b) { return patterns_[static_cast<size_t>(a)] < patterns_[static_cast<size_t>(b)]; });
  BuildFrom(sorted, max_dense_entries, nullptr);
}

std::string PhraseMatcher::BuildFrom(const std::vector<int32_t>& sorted_ids, size_t max_dense_entries,
                                     const std::vector<int32_t>* given_fail) {
  built_ = false;
  // The trie, from the patterns in sorted order: a pattern shares its longest common prefix with
  // the one before it, so only the rest is new, and every state's children are created in
  // increasing byte order. States are numbered in creation order; the edges (parent, byte, child)
  // are then put in CSR form by a stable counting sort on the parent. No map per state.
  struct NewEdge {
    int32_t parent;
    unsigned char byte;
  };
  std::vector<NewEdge> created;  // created[t - 1] made state t
  std::vector<int32_t> out(1, -1);
  std::vector<int32_t> depth;    // kept only to check given failure links
  if (given_fail) depth.push_back(0);
  std::vector<int32_t> path(1, 0);  // path[d] = the state after the first d bytes of the previous pattern
  std::string_view previous;
  for (const int32_t id : sorted_ids) {
    const std::string_view pat = patterns_[static_cast<size_t>(id)];
    size_t common = 0;
    while (common < pat.size() && common < previous.size() && pat[common] == previous[common]) ++common;
    path.resize(common + 1);
    for (size_t d = common; d < pat.size(); ++d) {
      const int32_t t = static_cast<int32_t>(out.size());
      created.push_back(NewEdge{path[d], static_cast<unsigned char>(pat[d])});
      out.push_back(-1);
      if (given_fail) depth.push_back(static_cast<int32_t>(d + 1));
      path.push_back(t);
    }
    out[static_cast<size_t>(path[pat.size()])] = id;
    previous = pat;
  }
  if (given_fail) {
    if (given_fail->size() != out.size())
      return std::to_string(given_fail->size()) + " failure links for a trie of " + std::to_string(out.size()) + " states";
    for (size_t s = 0; s < out.size(); ++s) {
      const int32_t f = (*given_fail)[s];
      if (s == 0 ? f != 0 : (f < 0 || static_cast<size_t>(f) >= out.size() || depth[static_cast<size_t>(f)] >= depth[s]))
        return "failure link " + std::to_string(f) + " of state " + std::to_string(s) + " is not a shallower state";
    }
  }
  const size_t n = out.size();
  edge_begin_.assign(n + 1, 0);
  for (const NewEdge& e : created) ++edge_begin_[static_cast<size_t>(e.parent) + 1];
  for (size_t s = 0; s < n; ++s) edge_begin_[s + 1] += edge_begin_[s];
  edges_.assign(created.size(), Edge{0, 0});
  {
    std::vector<uint32_t> fill(edge_begin_.begin(), edge_begin_.end() - 1);
    for (size_t i = 0; i < created.size(); ++i)
      edges_[fill[static_cast<size_t>(created[i].parent)]++] = Edge{created[i].byte, static_cast<int32_t>(i + 1)};
  }
  created = {};
  out_ = std::move(out);

  // Byte classes: one per byte that occurs in a pattern, class 0 for all others.
  std::fill(std::begin(class_of_), std::end(class_of_), 0);
  uint32_t classes = 1;
  for (const Edge& e : edges_)
    if (class_of_[e.byte] == 0) class_of_[e.byte] = static_cast<unsigned char>(classes++);
  classes_ = classes;

  // Failure links, output links and the dense rows, breadth first (a state's failure link leads
  // to a shallower state, already done). Dense rows go to the states in that order while the
  // budget lasts; a row is its failure state's row with the state's own edges written over it.
  // A state whose failure state has a row finds its children's failure links there in one load.
  fail_.assign(n, 0);
  out_link_.assign(n, -1);
  row_.assign(n, -1);
  dense_.clear();
  bool dense_open = true;
  std::vector<int32_t> bfs;
  bfs.reserve(n);
  bfs.push_back(0);
  for (size_t head = 0; head < bfs.size(); ++head) {
    const int32_t s = bfs[head];
    const size_t su = static_cast<size_t>(s);
    const int32_t f = fail_[su];
    if (s != 0) out_link_[su] = out_[static_cast<size_t>(f)] >= 0 ? f : out_link_[static_cast<size_t>(f)];
    if (dense_open && (s == 0 || dense_.size() + classes_ <= max_dense_entries)) {
      const size_t base = dense_.size();
      row_[su] = static_cast<int32_t>(base);
      if (s == 0) {
        dense_.resize(base + classes_, 0);
      } else {
        const size_t from = static_cast<size_t>(row_[static_cast<size_t>(f)]);
        dense_.resize(base + classes_);
        std::copy(dense_.begin() + static_cast<std::ptrdiff_t>(from), dense_.begin() + static_cast<std::ptrdiff_t>(from + classes_),
                  dense_.begin() + static_cast<std::ptrdiff_t>(base));
      }
      for (uint32_t e = edge_begin_[su]; e < edge_begin_[su + 1]; ++e) dense_[base + class_of_[edges_[e].byte]] = edges_[e].target;
    } else {
      dense_open = false;
    }
    for (uint32_t e = edge_begin_[su]; e < edge_begin_[su + 1]; ++e) {
      const int32_t t = edges_[e].target;
      const unsigned char c = edges_[e].byte;
      if (given_fail) {
        fail_[static_cast<size_t>(t)] = (*given_fail)[static_cast<size_t>(t)];
      } else {
        int32_t next = -1;
        if (s != 0) {
          int32_t g = f;
          while (row_[static_cast<size_t>(g)] < 0 && (next = Next(g, c)) < 0) g = fail_[static_cast<size_t>(g)];
          if (row_[static_cast<size_t>(g)] >= 0) next = dense_[static_cast<size_t>(row_[static_cast<size_t>(g)]) + class_of_[c]];
        }
        fail_[static_cast<size_t>(t)] = next > 0 ? next : 0;
      }
      bfs.push_back(t);
    }
  }
  first_out_.resize(n);
  for (size_t s = 0; s < n; ++s) first_out_[s] = out_[s] >= 0 ? static_cast<int32_t>(s) : out_link_[s];
  info_.clear();
  info_.reserve(patterns_.size());
  for (const std::string& pat : patterns_)
    info_.push_back(PatternInfo{static_cast<uint32_t>(pat.size()), IsWordByte(static_cast<unsigned char>(pat.front())),
                                IsWordByte(static_cast<unsigned char>(pat.back()))});
  built_ = true;
  return {};
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
