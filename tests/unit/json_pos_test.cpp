// Tests for core/src/json_pos.h: line index, nesting pre-scan, grammar check, pull reader,
// RFC 6901 pointers.

#include "json_pos.h"

#include <cstdint>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using factlint::CheckJsonSyntax;
using factlint::FindPointer;
using factlint::FindTooDeep;
using factlint::JsonReader;
using factlint::LineIndex;

TEST_CASE("LineIndex maps byte offsets to 1-based line and byte column", "[json_pos]") {
  const std::string text = "ab\ncd\r\n\nxyz";
  const LineIndex index(text);
  struct Case {
    size_t offset;
    int line, column;
  } cases[] = {
      {0, 1, 1}, {1, 1, 2}, {2, 1, 3},  // '\n' itself belongs to its line
      {3, 2, 1}, {5, 2, 3},             // '\r' is an ordinary byte
      {7, 3, 1}, {8, 4, 1}, {10, 4, 3},
      {11, 4, 4},   // the end of the text
      {999, 4, 4},  // clamped
  };
  for (const Case& c : cases) {
    INFO("offset " << c.offset);
    int line = 0, column = 0;
    index.LineColumn(c.offset, &line, &column);
    CHECK(line == c.line);
    CHECK(column == c.column);
  }
  int line = 0, column = 0;
  LineIndex("").LineColumn(0, &line, &column);
  CHECK((line == 1 && column == 1));
}

TEST_CASE("FindTooDeep counts containers and ignores brackets inside strings", "[json_pos]") {
  struct Case {
    std::string text;
    int max_depth;
    std::optional<size_t> expected;
  } cases[] = {
      {"[[[]]]", 3, std::nullopt},
      {"[[[[]]]]", 3, 3},
      {"{\"a\":[{\"b\":[]}]}", 4, std::nullopt},
      {"{\"a\":[{\"b\":[]}]}", 3, 11},
      {"[\"[[[[[[\"]", 1, std::nullopt},          // brackets in a string
      {"[\"\\\"[[[[\"]", 1, std::nullopt},        // after an escaped quote, still in the string
      {"[\"\\\\\",[[]]]", 2, 7},                   // an escaped backslash ends the string
      {"[\"\\\\\\\"[[[\"]", 1, std::nullopt},       // \\ then \" : still in the string
      {"[\"\\\\\\\\\"[[\"]", 1, 7},               // \\ \\ then the closing quote
      {"]]]][[", 1, 5},                            // not JSON: closers never go below zero
      {"", 1, std::nullopt},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(FindTooDeep(c.text, c.max_depth) == c.expected);
  }
  const std::string deep(100000, '[');
  CHECK(FindTooDeep(deep, 64) == size_t{64});
}

TEST_CASE("CheckJsonSyntax accepts JSON and places the first error", "[json_pos]") {
  const char* good[] = {
      "{}", " [1, 2.5e3, -0, true, false, null] ", "\"\\u00e9\\ud83d\\ude00\"", "\xEF\xBB\xBF{}",
      "{\"a\": {\"b\": [\"]\", \"}\"]}}",
  };
  for (const char* text : good) {
    INFO(text);
    CHECK_FALSE(CheckJsonSyntax(text).has_value());
  }
  struct Bad {
    std::string text;
    size_t offset;
  } bad[] = {
      {"", 0},
      {"{", 1},                   // end of input
      {"{\"a\": tru }", 9},       // the byte where the literal went wrong
      {"[1,]", 3},
      {"{} x", 3},                // trailing content
      {"[01]", 2},                // leading zero
      {"[\"a\nb\"]", 3},          // control character in a string
      {"[\"\\ud800\"]", 8},       // lone surrogate
      {"[\"\xC3\x28\"]", 3},      // invalid UTF-8
      {"{\"a\" 1}", 5},
  };
  for (const Bad& b : bad) {
    INFO(b.text);
    auto error = CheckJsonSyntax(b.text);
    REQUIRE(error.has_value());
    CHECK(error->offset == b.offset);
    CHECK_FALSE(error->message.empty());
    CHECK(error->message.size() < 200);
  }
  // a very long bad token does not make a very long message
  std::string long_string = "[\"" + std::string(100000, 'x');
  auto error = CheckJsonSyntax(long_string);
  REQUIRE(error.has_value());
  CHECK(error->message.size() < 200);
}

TEST_CASE("JsonReader reads values with their offsets", "[json_pos]") {
  const std::string text =
      "{\"a\\\"b\": \"x\\n\\u00e9\\ud83d\\ude00\\/\",\n \"n\": -1.5e2, \"t\": [true, false, null, {}],"
      " \"skip\": {\"q\": [\"]}\", {\"r\": []}]}, \"last\": \"z\"}";
  JsonReader r(text);
  REQUIRE(r.Peek() == JsonReader::Type::kObject);
  CHECK(r.Offset() == 0);
  r.BeginObject();
  std::string key;
  size_t key_at = 0;

  REQUIRE(r.NextKey(&key, &key_at));
  CHECK(key == "a\"b");
  CHECK(key_at == 1);
  CHECK(r.Offset() == text.find("\"x"));
  CHECK(r.ReadString() == "x\n\xC3\xA9\xF0\x9F\x98\x80/");

  REQUIRE(r.NextKey(&key, &key_at));
  CHECK(key == "n");
  CHECK(r.Peek() == JsonReader::Type::kNumber);
  CHECK(r.ReadNumber() == "-1.5e2");

  REQUIRE(r.NextKey(&key, &key_at));
  CHECK(key == "t");
  r.BeginArray();
  REQUIRE(r.NextElement());
  CHECK(r.ReadBool() == true);
  REQUIRE(r.NextElement());
  CHECK(r.ReadBool() == false);
  REQUIRE(r.NextElement());
  CHECK(r.Peek() == JsonReader::Type::kNull);
  r.ReadNull();
  REQUIRE(r.NextElement());
  r.BeginObject();
  CHECK_FALSE(r.NextKey(&key, &key_at));
  CHECK_FALSE(r.NextElement());

  REQUIRE(r.NextKey(&key, &key_at));
  CHECK(key == "skip");
  r.Skip();
  REQUIRE(r.NextKey(&key, &key_at));
  CHECK(key == "last");
  CHECK(r.ReadString() == "z");
  CHECK_FALSE(r.NextKey(&key, &key_at));
  CHECK(r.Peek() == JsonReader::Type::kEnd);
  CHECK_FALSE(r.failed());
}

TEST_CASE("JsonReader stops cleanly on text that is not JSON", "[json_pos]") {
  const char* texts[] = {"{\"a\" 1}", "[1 2]", "{\"a\": \"unterminated", "@", "[\"\\q\"]"};
  for (const char* text : texts) {
    INFO(text);
    JsonReader r(text);
    int steps = 0;
    // walk everything; must terminate and flag the failure
    std::vector<bool> in_object;
    while (steps++ < 100 && !r.failed()) {
      std::string key;
      size_t at;
      if (!in_object.empty() && in_object.back()) {
        if (!r.NextKey(&key, &at)) {
          in_object.pop_back();
          continue;
        }
      } else if (!in_object.empty()) {
        if (!r.NextElement()) {
          in_object.pop_back();
          continue;
        }
      }
      const auto type = r.Peek();
      if (type == JsonReader::Type::kEnd) break;
      if (type == JsonReader::Type::kObject) {
        r.BeginObject();
        in_object.push_back(true);
      } else if (type == JsonReader::Type::kArray) {
        r.BeginArray();
        in_object.push_back(false);
      } else if (type == JsonReader::Type::kString) {
        r.ReadString();
      } else {
        r.Skip();
      }
      if (in_object.empty()) break;
    }
    CHECK(steps < 100);
    CHECK(r.failed());
  }
}

TEST_CASE("JSON pointers: escaping and resolution", "[json_pos]") {
  std::string p;
  factlint::AppendPointerToken(&p, "terms");
  factlint::AppendPointerIndex(&p, 12);
  factlint::AppendPointerToken(&p, "a/b~c");
  CHECK(p == "/terms/12/a~1b~0c");

  const std::string text = "{\"x\": \"[{\", \"a/b~c\": [10, {\"k\": \"v\"}, 30], \"\": 7, \"terms\": []}";
  struct Case {
    const char* pointer;
    std::optional<size_t> offset;
  } cases[] = {
      {"", 0},
      {"/x", text.find("\"[{\"")},
      {"/a~1b~0c", text.find("[10")},
      {"/a~1b~0c/0", text.find("10")},
      {"/a~1b~0c/1/k", text.find("\"v\"")},
      {"/a~1b~0c/2", text.find("30")},
      {"/", text.find("7")},
      {"/a~1b~0c/3", std::nullopt},   // past the end
      {"/a~1b~0c/01", std::nullopt},  // leading zero
      {"/a~1b~0c/-", std::nullopt},
      {"/missing", std::nullopt},
      {"/x/0", std::nullopt},          // into a string
      {"/terms/0", std::nullopt},
      {"/a~2", std::nullopt},          // bad escape
      {"x", std::nullopt},             // not a pointer
  };
  for (const Case& c : cases) {
    INFO(c.pointer);
    CHECK(FindPointer(text, c.pointer) == c.offset);
  }
  CHECK_FALSE(FindPointer("{\"a\": ", "/a").has_value());
}

// nlohmann::json is the oracle for what is JSON.
bool OracleAccepts(const std::string& text) { return nlohmann::json::accept(text); }

TEST_CASE("CheckJsonSyntax agrees with nlohmann::json on tricky texts", "[json_pos]") {
  const char* texts[] = {
      "1", "-0", "-", "01", "-01", "1.", ".5", "1.5", "1e", "1e+", "1e+5", "1E-0", "0e1", "2.e3",
      "+1", "1 2", "[1,]", "[,1]", "[1,,2]", "[]", "[ ]", "[[]]", "[[]", "[]]", "{}", "{,}",
      "{\"a\":1,}", "{\"a\" : 1 , \"b\" : [ ] }", "{\"a\"}", "{\"a\":}", "{1:2}", "{\"a\":1 \"b\":2}",
      "[\"a\"\"b\"]", "true", "tru", "truex", "nul", "null", "[true false]", "\"\"", "\"\\/\"",
      "\"\\u00e9\"", "\"\\u00\"", "\"\\u00g0\"", "\"\\ud83d\\ude00\"", "\"\\ud83d\"", "\"\\ude00\"",
      "\"\\ud83d\\u0041\"", "\"\\ud83dx\"", "\"\\q\"", "\"\\\"", "\"\t\"", "\"\x7F\"", "\"\x01\"",
      "\"\xC0\xAF\"", "\"\xC2\x80\"", "\"\xE0\x80\x80\"", "\"\xE0\xA0\x80\"", "\"\xED\xA0\x80\"",
      "\"\xED\x9F\xBF\"", "\"\xF0\x8F\xBF\xBF\"", "\"\xF0\x9F\x98\x80\"", "\"\xF4\x8F\xBF\xBF\"",
      "\"\xF4\x90\x80\x80\"", "\"\xF5\x80\x80\x80\"", "\"\xFF\"", "\"\x80\"", "\"\xC3\"", "\"\xE2\x82\"",
      " \t\r\n[] \n", "\f[]", "[]\f", "\xEF\xBB\xBF[]", "\xEF\xBB\xBF", "\xEF\xBB[]", "", " ",
      "[1]x", "[1] 2", "{\"a\":[{\"b\":null}]}", "[-1.5e-7, 0, 123456789012345678901234567890]",
      "[\"\\u0000\"]", "[\"a\\u0000b\"]",
  };
  for (const char* t : texts) {
    const std::string text = t;
    INFO("text: " << text);
    CHECK(CheckJsonSyntax(text).has_value() == !OracleAccepts(text));
  }
  // the one deliberate difference: a number too large for a double is JSON (RFC 8259 grammar),
  // nlohmann rejects it; the KB never needs one (schema_version is compared as text)
  CHECK_FALSE(CheckJsonSyntax("[1e99999]").has_value());
  CHECK_FALSE(OracleAccepts("[1e99999]"));
  // NUL bytes: inside a string they are raw control characters, outside they are not JSON
  const std::string nul_in_string("[\"a\0b\"]", 7);
  CHECK(CheckJsonSyntax(nul_in_string).has_value());
  CHECK(!OracleAccepts(nul_in_string));
}

TEST_CASE("CheckJsonSyntax agrees with nlohmann::json on mutated JSON", "[json_pos]") {
  const std::string base =
      "{\"schema_version\": 1, \"name\": \"Caf\xC3\xA9 \\\"x\\\" \\u00e9\\ud83d\\ude00\", \"n\": [-0.5e+3, 0, 12],\n"
      " \"t\": [true, false, null, {}, [], \"\xF0\x9F\x98\x80\"], \"o\": {\"a\": {\"b\": [1, {\"c\": \"]}\"}]}}}";
  REQUIRE(OracleAccepts(base));
  REQUIRE_FALSE(CheckJsonSyntax(base).has_value());
  const char kBytes[] = "[]{}\",:\\ 0-1.eE+ntfu\n\t\x01\xC3\xA9\xED\xF0\xFF";
  uint32_t state = 2024;
  auto next = [&](uint32_t n) {
    state = state * 1664525u + 1013904223u;
    return (state >> 8) % n;
  };
  int accepted = 0;
  for (int round = 0; round < 5000; ++round) {
    std::string text = base;
    const uint32_t edits = 1 + next(2);
    for (uint32_t k = 0; k < edits && !text.empty(); ++k) {
      const size_t at = next(static_cast<uint32_t>(text.size()));
      switch (next(4)) {
        case 0: text[at] = kBytes[next(sizeof kBytes - 1)]; break;
        case 1: text.erase(at, 1 + next(4)); break;
        case 2: text.insert(at, 1, kBytes[next(sizeof kBytes - 1)]); break;
        case 3: text.resize(at); break;
      }
    }
    INFO("round " << round << ": " << text);
    const bool ours = !CheckJsonSyntax(text).has_value();
    CHECK(ours == OracleAccepts(text));
    if (ours) {
      ++accepted;
      // and the reader walks it completely
      JsonReader r(text);
      r.Skip();
      CHECK_FALSE(r.failed());
      CHECK(r.Peek() == JsonReader::Type::kEnd);
    }
  }
  CHECK(accepted > 100);   // some mutations keep it JSON
  CHECK(accepted < 4900);  // most do not
}
