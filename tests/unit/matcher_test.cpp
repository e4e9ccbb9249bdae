// PhraseMatcher (core/src/matcher.h): every occurrence on word boundaries, longest first at an end.

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "matcher.h"

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
