// Tests for core/src/json_pos.h: line index, nesting pre-scan, grammar check, pull reader,
// RFC 6901 pointers.

#include "json_pos.h"

#include <string>

#include <catch2/catch.hpp>

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
