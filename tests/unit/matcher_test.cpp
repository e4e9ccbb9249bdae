// PhraseMatcher (core/src/matcher.h): every occurrence on word boundaries, longest first at an end.

#include <algorithm>
#include <set>
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
      // The text also holds a word byte and a non-word byte in no pattern ('z', '-'): the root's
      // two rows (after a word byte, after a non-word byte) differ on them.
      const std::string text_alphabet = alphabet + "z-";
      std::string text;
      for (int i = 0; i < 300; ++i) text += text_alphabet[rnd(static_cast<uint32_t>(text_alphabet.size()))];
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

namespace {

void RequireSameHits(const std::vector<factlint::PhraseMatcher::Hit>& got,
                     const std::vector<factlint::PhraseMatcher::Hit>& want) {
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    CHECK(got[i].start == want[i].start);
    CHECK(got[i].end == want[i].end);
    CHECK(got[i].pattern == want[i].pattern);
  }
}

}  // namespace

TEST_CASE("matcher: FindAllWith gives each matcher's FindAll hits", "[matcher]") {
  // Random phrases over a small alphabet (word bytes, space, '.', a two-byte letter) for both
  // matchers, some starting or ending with a non-word byte; every dense budget of the large one.
  uint32_t seed = 777;
  auto rnd = [&](uint32_t n) {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % n;
  };
  const std::string alphabet = "ab .\xc3\xa9";
  auto phrases = [&](int count) {
    std::vector<std::string> out;
    for (int k = 0; k < count; ++k) {
      std::string p;
      for (uint32_t len = 1 + rnd(6); p.size() < len;) p += alphabet[rnd(static_cast<uint32_t>(alphabet.size()))];
      out.push_back(p);
    }
    return out;
  };
  for (size_t budget : {size_t{0}, size_t{40}, factlint::PhraseMatcher::kDefaultDenseEntries}) {
    for (int round = 0; round < 40; ++round) {
      factlint::PhraseMatcher large, small;
      for (const auto& p : phrases(12)) large.Add(p);
      for (const auto& p : phrases(1 + static_cast<int>(rnd(6)))) small.Add(p);
      large.Build(budget);
      small.Build(budget);
      std::string text;
      for (int i = 0; i < 300; ++i) text += alphabet[rnd(static_cast<uint32_t>(alphabet.size()))];
      text += "zzz";
      std::vector<factlint::PhraseMatcher::Hit> large_want, small_want, large_got, small_got;
      large.FindAll(text, &large_want);
      small.FindAll(text, &small_want);
      large.FindAllWith(text, &large_got, small, &small_got);
      RequireSameHits(large_got, large_want);
      RequireSameHits(small_got, small_want);
    }
  }
  // An empty matcher on either side.
  factlint::PhraseMatcher some, none;
  some.Add("a b");
  some.Build();
  none.Build();
  std::vector<factlint::PhraseMatcher::Hit> a, b;
  some.FindAllWith("a b a b", &a, none, &b);
  CHECK(a.size() == 2);
  CHECK(b.empty());
  a.clear();
  none.FindAllWith("a b a b", &b, some, &a);
  CHECK(a.size() == 2);
  CHECK(b.empty());
}

TEST_CASE("matcher: FindAllWith deep inside long phrases, after hits already in the vectors", "[matcher]") {
  // Every word start of "a a a …" is up to 400 bytes into the long phrase of the small matcher
  // (a deep state, failure links along the phrase); the same hits as brute force.
  std::string long_phrase;
  for (int i = 0; i < 200; ++i) long_phrase += "a ";
  long_phrase += "b";
  const std::vector<std::string> patterns = {long_phrase, "a a", "a", "b"};
  factlint::PhraseMatcher large, small;
  large.Add("a a a");
  large.Build();
  for (const auto& p : patterns) small.Add(p);
  small.Build();
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "a ";
  text += "b a";
  // Hits already in the vectors stay in front of this scan's.
  const factlint::PhraseMatcher::Hit old{7, 9, 3};
  std::vector<factlint::PhraseMatcher::Hit> large_got = {old}, small_got = {old};
  large.FindAllWith(text, &large_got, small, &small_got);
  std::vector<factlint::PhraseMatcher::Hit> large_want = {old}, small_want = {old};
  large.FindAll(text, &large_want);
  RequireSameHits(large_got, large_want);
  const std::vector<factlint::PhraseMatcher::Hit> naive = Naive(patterns, text);
  small_want.insert(small_want.end(), naive.begin(), naive.end());
  RequireSameHits(small_got, small_want);
}

TEST_CASE("matcher: pattern(), HoldsByte, AllPrefixes and AllPatternTails answer from the trie", "[matcher]") {
  // Each row: patterns added. AllPrefixes must give every distinct first 1 to 3 bytes of them,
  // AllPatternTails each one's last byte, or its last 3 when more() says so, in id order; pattern()
  // each one's bytes and HoldsByte the bytes in them.
  struct Row {
    const char* name;
    std::vector<std::string> patterns;
  };
  const Row rows[] = {
      {"one byte", {"a"}},
      {"two and three bytes", {"ab", "abc"}},
      {"prefixes of each other", {"new york times", "new", "new york"}},
      {"shared suffixes", {"the times", "times", "ny times"}},
      {"a space first and last", {" lead", "trail ", "in between"}},
      {"multi-byte spaces", {"\xc2\xa0nbsp", "thin\xe2\x80\x89", "\xe2\x80\xa8sep"}},
      {"a line break", {"two\nlines", "one"}},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    factlint::PhraseMatcher m;
    for (const std::string& p : row.patterns) REQUIRE(m.Add(p) >= 0);
    m.Build();
    std::set<std::string> prefixes, want_prefixes;
    CHECK(m.AllPrefixes([&](std::string_view p) { return prefixes.emplace(p).second; }));  // each once
    for (const bool all : {false, true}) {
      std::vector<std::string> tails;
      CHECK(m.AllPatternTails([&](unsigned char) { return all; }, [&](std::string_view t) {
        tails.emplace_back(t);
        return true;
      }));
      REQUIRE(tails.size() == row.patterns.size());
      for (size_t i = 0; i < row.patterns.size(); ++i) {
        const std::string& p = row.patterns[i];
        CHECK(tails[i] == p.substr(p.size() - std::min<size_t>(all ? 3 : 1, p.size())));
      }
    }
    std::string every;
    for (size_t i = 0; i < row.patterns.size(); ++i) {
      const std::string& p = row.patterns[i];
      CHECK(m.pattern(static_cast<int>(i)) == p);
      for (size_t k = 1; k <= std::min<size_t>(3, p.size()); ++k) want_prefixes.insert(p.substr(0, k));
      every += p;
    }
    CHECK(prefixes == want_prefixes);
    for (int b = 0; b < 256; ++b)
      CHECK(m.HoldsByte(static_cast<unsigned char>(b)) == (every.find(static_cast<char>(b)) != std::string::npos));
    // visit's false stops the walk and is returned.
    int visits = 0;
    CHECK_FALSE(m.AllPrefixes([&](std::string_view) { return ++visits < 1; }));
    CHECK_FALSE(m.AllPatternTails([](unsigned char) { return true; }, [&](std::string_view) { return ++visits < 2; }));
    CHECK(visits == 2);
  }
}
