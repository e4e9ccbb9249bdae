// PhraseMatcher (core/src/matcher.h): every occurrence on word boundaries, longest first at an end.

#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "matcher.h"
#include "text.h"

namespace {

std::vector<std::string> Find(factlint::PhraseMatcher& m, const std::string& text) {
  std::vector<factlint::PhraseMatcher::Hit> hits;
  m.FindAll(text, &hits);
  std::vector<std::string> out;
  for (const auto& h : hits) out.push_back(text.substr(h.start, h.end - h.start));
  return out;
}

}  // namespace

TEST_CASE("matcher: word-bounded, overlapping, deduplicated", "[matcher]") {
  factlint::PhraseMatcher m;
  int trump = m.Add("trump");
  CHECK(m.Add("trump") == trump);
  CHECK(m.Add("") == -1);
  CHECK(m.Add("...") == -1);
  m.Add("donald trump");
  m.Add("u.s.");
  m.Add("president");
  m.Add("vice president");
  m.Build();
  using V = std::vector<std::string>;
  CHECK(Find(m, "donald trump's") == V{"donald trump", "trump"});
  CHECK(Find(m, "trumpet trumps") == V{});
  CHECK(Find(m, "the u.s. president") == V{"u.s.", "president"});
  CHECK(Find(m, "vice president") == V{"vice president", "president"});
  CHECK(Find(m, "ex-president") == V{"president"});
  CHECK(Find(m, "presidential") == V{});
  CHECK(Find(m, "") == V{});
}

TEST_CASE("matcher: linear on repetitive text", "[matcher]") {
  factlint::PhraseMatcher m;
  m.Add("a a a b");
  m.Add("a");
  m.Build();
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "a ";
  std::vector<factlint::PhraseMatcher::Hit> hits;
  m.FindAll(text, &hits);
  CHECK(hits.size() == 100000);
}

namespace {

// Every word-bounded occurrence of every pattern, by brute force, in FindAll's order.
std::vector<factlint::PhraseMatcher::Hit> Naive(const std::vector<std::string>& patterns, const std::string& text) {
  auto word = [](unsigned char c) { return factlint::IsWordByte(c); };
  std::vector<factlint::PhraseMatcher::Hit> hits;
  for (size_t end = 1; end <= text.size(); ++end) {
    std::vector<factlint::PhraseMatcher::Hit> here;
    for (size_t id = 0; id < patterns.size(); ++id) {
      const std::string& p = patterns[id];
      if (p.size() > end || text.compare(end - p.size(), p.size(), p) != 0) continue;
      size_t start = end - p.size();
      if (word(p.front()) && start > 0 && word(text[start - 1])) continue;
      if (word(p.back()) && end < text.size() && word(text[end])) continue;
      here.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end), static_cast<int>(id)});
    }
    std::sort(here.begin(), here.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
    hits.insert(hits.end(), here.begin(), here.end());
  }
  return hits;
}

}  // namespace

TEST_CASE("matcher: same hits as brute force, with and without dense rows", "[matcher]") {
  // Small alphabets make deep failure chains; a dense budget of 0 leaves only the root dense,
  // a tiny one a few shallow states, the default all of them.
  uint32_t seed = 12345;
  auto rnd = [&](uint32_t n) {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % n;
  };
  const std::string alphabet = "ab .\xc3\xa9";
  for (size_t budget : {size_t{0}, size_t{40}, factlint::PhraseMatcher::kDefaultDenseEntries}) {
    for (int round = 0; round < 40; ++round) {
      factlint::PhraseMatcher m;
      std::vector<std::string> patterns;
      for (int k = 0; k < 12; ++k) {
        std::string p;
        for (uint32_t len = 1 + rnd(5); p.size() < len;) p += alphabet[rnd(static_cast<uint32_t>(alphabet.size()))];
        int id = m.Add(p);
        if (id >= 0 && static_cast<size_t>(id) == patterns.size()) patterns.push_back(p);
      }
      m.Build(budget);
      std::string text;
      for (int i = 0; i < 300; ++i) text += alphabet[rnd(static_cast<uint32_t>(alphabet.size()))];
      text += "zzz";  // bytes in no pattern
      std::vector<factlint::PhraseMatcher::Hit> hits;
      m.FindAll(text, &hits);
      std::vector<factlint::PhraseMatcher::Hit> want = Naive(patterns, text);
      REQUIRE(hits.size() == want.size());
      for (size_t i = 0; i < hits.size(); ++i) {
        CHECK(hits[i].start == want[i].start);
        CHECK(hits[i].end == want[i].end);
        CHECK(hits[i].pattern == want[i].pattern);
      }
    }
  }
}

TEST_CASE("matcher: patterns added after Build, prefixes of each other, in any order", "[matcher]") {
  // Build() sorts the patterns to make the trie; ids stay in Add order, and a second Build()
  // after more Add()s starts from scratch.
  factlint::PhraseMatcher m;
  const std::vector<std::string> first = {"new york times", "new", "new york", "york"};
  for (const auto& p : first) m.Add(p);
  m.Build();
  std::vector<factlint::PhraseMatcher::Hit> hits;
  m.FindAll("the new york times", &hits);
  CHECK(hits.size() == 4);
  const std::vector<std::string> more = {"\xc3\xa9t\xc3\xa9", "times", "ne", "new york"};
  std::vector<std::string> all = first;
  for (const auto& p : more) {
    int id = m.Add(p);
    if (static_cast<size_t>(id) == all.size()) all.push_back(p);
  }
  CHECK(all.size() == 7);  // "new york" was there already
  m.Build();
  for (const std::string text : {"the new york times", "\xc3\xa9t\xc3\xa9 in new york", "ne new", ""}) {
    hits.clear();
    m.FindAll(text, &hits);
    std::vector<factlint::PhraseMatcher::Hit> want = Naive(all, text);
    REQUIRE(hits.size() == want.size());
    for (size_t i = 0; i < hits.size(); ++i) {
      CHECK(hits[i].start == want[i].start);
      CHECK(hits[i].end == want[i].end);
      CHECK(hits[i].pattern == want[i].pattern);
    }
  }
}
