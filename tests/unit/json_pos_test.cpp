// Tests for core/src/json_pos.h: line index, the syntax check (CheckJson over nlohmann's SAX
// parser, and its wrappers), the loaders' gate (GateJson), pull reader, RFC 6901 pointer tokens.

#include "json_pos.h"

#include <cstdint>
#include <optional>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using factlint::CheckJson;
using factlint::CheckJsonSyntax;
using factlint::FindTooDeep;
using factlint::GateJson;
using factlint::JsonGateError;
using factlint::JsonLimits;
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

TEST_CASE("FindTooDeep (over CheckJson) counts containers, not brackets inside strings", "[json_pos]") {
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
      {"[\"\\\\\\\\\",[[\"]\"]]]", 1, 8},        // \\ \\ then the closing quote
      {"]]]][[", 1, std::nullopt},                 // not JSON at byte 0: the syntax error comes first
      {"[[[x", 2, 2},                              // too deep before the syntax error
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
  // nor a very long number out of range (nlohmann's message quotes it)
  error = CheckJsonSyntax("[" + std::string(100000, '9') + "e99999]");
  REQUIRE(error.has_value());
  CHECK(error->offset == 1);
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

TEST_CASE("JSON pointer tokens are escaped (RFC 6901)", "[json_pos]") {
  std::string p;
  factlint::AppendPointerToken(&p, "terms");
  factlint::AppendPointerIndex(&p, 12);
  factlint::AppendPointerToken(&p, "a/b~c");
  CHECK(p == "/terms/12/a~1b~0c");
  // and nlohmann resolves what they build
  const nlohmann::json j = nlohmann::json::parse("{\"terms\": [], \"a/b~c\": [10, {\"k\": \"v\"}]}");
  std::string q;
  factlint::AppendPointerToken(&q, "a/b~c");
  factlint::AppendPointerIndex(&q, 1);
  factlint::AppendPointerToken(&q, "k");
  CHECK(j.at(nlohmann::json::json_pointer(q)) == "v");
}

TEST_CASE("CheckJson places parser errors at the first byte of the unexpected token", "[json_pos]") {
  struct Bad {
    std::string text;
    size_t offset;
    const char* says;  // part of the message
  } bad[] = {
      {"[true false]", 6, "unexpected false literal"},
      {"[null null]", 6, "unexpected null literal"},
      {"[1 true]", 3, "unexpected true literal"},
      {"[\"a\\\"b\" \"c\\\\\"]", 8, "unexpected string literal"},  // escapes inside both strings
      {"[\"\\u00e9\" 1.5e3]", 10, "unexpected number literal"},
      {"{\"a\":1 \"b\":2}", 7, "expected '}'"},
      {"{\"a\" : }", 7, "unexpected '}'"},
      {"[1e400]", 1, "number overflow"},  // nlohmann: out of double range
      {"[\"a\" \xEF\xBB\xBF]", 5, "invalid literal"},  // a BOM inside is a bad byte
      {"  [1] ]", 6, "expected end of input"},
      {"[1, ", 4, "unexpected end of input"},
  };
  for (const Bad& b : bad) {
    INFO(b.text);
    auto error = CheckJsonSyntax(b.text);
    REQUIRE(error.has_value());
    CHECK(error->offset == b.offset);
    INFO(error->message);
    CHECK(error->message.find(b.says) != std::string::npos);
    CHECK(error->message.find("json.exception") == std::string::npos);
    CHECK(error->message.find("line 1") == std::string::npos);
  }
  // the message never echoes the input's bytes
  auto e = CheckJsonSyntax("[\"a\x01\"]");
  REQUIRE(e.has_value());
  CHECK(e->offset == 3);
  CHECK(e->message.find('\x01') == std::string::npos);
  CHECK(e->message.find("last read") == std::string::npos);
}

TEST_CASE("GateJson: the size limit first, then the first of depth, values and syntax", "[json_pos]") {
  using Kind = JsonGateError::Kind;
  struct Row {
    const char* text;
    size_t max_bytes;
    std::optional<Kind> kind;  // nullopt: the text passes
    size_t offset;
  };
  JsonLimits limits;
  limits.max_depth = 2;
  limits.max_values = 4;
  const Row rows[] = {
      {"[1, [2]]", 100, std::nullopt, 0},
      {"[1, [2]]", 8, std::nullopt, 0},                 // exactly max_bytes
      {"[1, [2]]", 7, Kind::kTooManyBytes, 0},          // one byte over: not parsed at all
      {"[x", 1, Kind::kTooManyBytes, 0},                // even when it is not JSON
      {"[[[1]]]", 100, Kind::kTooDeep, 2},              // the third '['
      {"[1, 2, 3, 4]", 100, Kind::kTooManyValues, 10},  // the fifth value
      {"[1, 2, 3, [[4]]]", 100, Kind::kTooManyValues, 10},  // the fifth value, before the third [
      {"[1, [[x", 100, Kind::kTooDeep, 5},              // depth before the syntax error
      {"[1,, 2]", 100, Kind::kNotJson, 3},
      {"", 100, Kind::kNotJson, 0},
  };
  for (const Row& r : rows) {
    INFO(r.text << " (max_bytes " << r.max_bytes << ")");
    std::optional<JsonGateError> e = GateJson(r.text, r.max_bytes, limits);
    REQUIRE(e.has_value() == r.kind.has_value());
    if (!e) continue;
    CHECK(e->kind == *r.kind);
    CHECK(e->offset == r.offset);
    CHECK(e->message.empty() == (e->kind != Kind::kNotJson));  // nlohmann's words for a syntax error only
  }
}

TEST_CASE("CheckJson limits: depth and values, placed, in text order with syntax errors", "[json_pos]") {
  JsonLimits limits;
  limits.max_depth = 3;
  limits.max_values = 6;
  CHECK_FALSE(CheckJson("[[[1]], 2]", limits).has_value());  // depth 3, 5 values
  auto deep = CheckJson("[[[[1]]]]", limits);
  REQUIRE(deep.has_value());
  CHECK(deep->too_deep);
  CHECK_FALSE(deep->too_many_values);
  CHECK(deep->offset == 3);
  auto deep_object = CheckJson("{\"a\": {\"b\": [ {}]}}", limits);
  REQUIRE(deep_object.has_value());
  CHECK(deep_object->too_deep);
  CHECK(deep_object->offset == 14);  // the inner {}

  // the 7th value's first byte, whatever the value is
  const char* many[] = {"[1, 2, 3, 4, 5, 66]", "[1,2,3,4,5,\"x\\\"\"]", "[1, 2, 3, 4, 5,\n  true]",
                        "{\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4, \"e\": 5, \"f\": [7]}",
                        "\xEF\xBB\xBF[[[]], 1, 2, 3, null]"};
  const size_t starts[] = {16, 11, 18, 46, 19};
  for (size_t i = 0; i < 5; ++i) {
    INFO(many[i]);
    auto e = CheckJson(many[i], limits);
    REQUIRE(e.has_value());
    CHECK(e->too_many_values);
    CHECK(e->offset == starts[i]);
  }
  limits.max_values = 1;
  auto first = CheckJson("\xEF\xBB\xBF  [1]", limits);
  REQUIRE(first.has_value());
  CHECK(first->offset == 6);  // the first value counted is the array, the 1 is the second

  // 100,000 nested '[': stops at the 65th with the default limits, before the missing end
  const std::string brackets(100000, '[');
  auto e = CheckJson(brackets, JsonLimits{});
  REQUIRE(e.has_value());
  CHECK(e->too_deep);
  CHECK(e->offset == 64);
  // without a depth limit, it is a syntax error at the end (the parser does not recurse)
  auto syntax = CheckJsonSyntax(brackets);
  REQUIRE(syntax.has_value());
  CHECK_FALSE(syntax->too_deep);
  CHECK(syntax->offset == brackets.size());
  // a syntax error before the limit is crossed wins
  e = CheckJson("[x" + brackets, JsonLimits{});
  REQUIRE(e.has_value());
  CHECK_FALSE(e->too_deep);
  CHECK(e->offset == 1);
}

// nlohmann::json::accept is the reference for what is JSON: CheckJson is its SAX parser, so this
// holds the handler to it (no limit hit, nothing stopped early, nothing let through).
bool OracleAccepts(const std::string& text) { return nlohmann::json::accept(text); }

TEST_CASE("CheckJsonSyntax gives nlohmann::json's verdict on tricky texts", "[json_pos]") {
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
      "[\"\\u0000\"]", "[\"a\\u0000b\"]", "[1e99999]",
  };
  for (const char* t : texts) {
    const std::string text = t;
    INFO("text: " << text);
    auto error = CheckJsonSyntax(text);
    CHECK(error.has_value() == !OracleAccepts(text));
    if (error) CHECK(error->offset <= text.size());
  }
  // NUL bytes: inside a string they are raw control characters, outside they are not JSON
  const std::string nul_in_string("[\"a\0b\"]", 7);
  auto e = CheckJsonSyntax(nul_in_string);
  REQUIRE(e.has_value());
  CHECK(e->offset == 3);
  CHECK(!OracleAccepts(nul_in_string));
  // outside a string nlohmann's lexer reads a NUL as the end of the input; CheckJson does not
  for (const std::string& text : {std::string("[1]\0", 4), std::string("[1]\0 x", 6), std::string("\0", 1),
                                  std::string("[1,\0 2]", 7)}) {
    auto nul = CheckJsonSyntax(text);
    REQUIRE(nul.has_value());
    CHECK(text[nul->offset] == '\0');
    CHECK(nul->message.find("NUL") != std::string::npos);
  }
}

TEST_CASE("CheckJsonSyntax gives nlohmann::json's verdict on mutated JSON", "[json_pos]") {
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
    const auto error = CheckJsonSyntax(text);
    const bool ours = !error.has_value();
    CHECK(ours == OracleAccepts(text));
    if (error) CHECK(error->offset <= text.size());
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
