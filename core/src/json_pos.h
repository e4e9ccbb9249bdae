// JSON with positions: the pieces the strict loaders (the KB's, kb.cpp; the rule catalogue's,
// rules.cpp) need to name the place of every problem in a JSON text — a line index (byte offset
// -> line/column), the syntax check (nlohmann::json's SAX parser with depth and size limits,
// reporting byte offsets) and the gate both loaders pass a text through first, a pull reader that
// gives the byte offset of every value it reads, and RFC 6901 pointer tokens. Everything here is
// linear in the text and never recurses on the text's nesting, so hostile input (100,000 nested
// '[') cannot exhaust the stack. See factlint/factlint.h for the public API these serve.

#ifndef FACTLINT_CORE_JSON_POS_H_
#define FACTLINT_CORE_JSON_POS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factlint {

// Byte offset -> 1-based line and 1-based column (in bytes). Lines end at '\n' ("\r\n" counts
// as one line end; a lone '\r' is an ordinary byte). Offsets past the end clamp to the end.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  void LineColumn(size_t offset, int* line, int* column) const;

 private:
  size_t size_;
  std::vector<size_t> line_starts_;
};

// The one JSON syntax check: nlohmann::json's SAX parser (strict RFC 8259: UTF-8, one value,
// surrounding whitespace, a leading UTF-8 byte-order mark skipped), run without exceptions and
// without building a DOM, with limits counted as it goes. Returns nullopt when the text is JSON
// within the limits; otherwise the first problem in text order:
//   - a syntax error: the byte offset where the text stops being JSON (the first byte of the
//     token that cannot continue it, the byte where a token went wrong, or the length of the
//     text when it ends too early) and nlohmann's description ("syntax error while parsing
//     array - unexpected number literal; expected ']'");
//   - too_deep: the offset of the first '[' or '{' that opens a container nested deeper than
//     max_depth (the outermost container is depth 1);
//   - too_many_values: the offset of the first value (scalar, array or object, at any depth)
//     over max_values.
// Numbers out of double range ("1e400") are errors: nlohmann reports them. The parser is
// iterative, so 100,000 nested '[' stop at depth max_depth + 1 without deep recursion.
struct JsonLimits {
  int max_depth = 64;
  size_t max_values = static_cast<size_t>(-1);
};
struct JsonSyntaxError {
  size_t offset = 0;
  std::string message;
  bool too_many_values = false;
  bool too_deep = false;
};
std::optional<JsonSyntaxError> CheckJson(std::string_view text, const JsonLimits& limits);

// The gate of the strict loaders (the KB's, kb.cpp; the rule catalogue's, rules.cpp), run before
// either reads a value: a text over max_bytes stops at once, at offset 0 and unparsed; otherwise
// CheckJson with the limits. nullopt when the text may be read; otherwise what stopped it and
// where. Each loader turns the kind into its own error code and message (docs/ERRORS.md).
struct JsonGateError {
  enum class Kind { kTooManyBytes, kTooDeep, kTooManyValues, kNotJson };
  Kind kind = Kind::kNotJson;
  size_t offset = 0;
  std::string message;  // kNotJson: nlohmann's description of the syntax error
};
std::optional<JsonGateError> GateJson(std::string_view text, size_t max_bytes,
                                      const JsonLimits& limits);

// Thin wrappers over CheckJson kept for callers of the former hand-written checks:
// CheckJsonSyntax has no depth limit; FindTooDeep returns the too_deep offset (nullopt when the
// text is within max_depth, and also when a syntax error comes first).
std::optional<JsonSyntaxError> CheckJsonSyntax(std::string_view text,
                                               size_t max_values = static_cast<size_t>(-1));
std::optional<size_t> FindTooDeep(std::string_view text, int max_depth);

// A pull reader over JSON text that has passed CheckJson. On anything
// else it does not crash or loop: it stops (failed() becomes true) and reports kEnd.
//
//   JsonReader r(text);
//   r.BeginObject();
//   std::string key; size_t key_offset;
//   while (r.NextKey(&key, &key_offset)) {
//     size_t at = r.Offset();            // where the key's value starts
//     if (r.Peek() == JsonReader::Type::kString) { std::string s = r.ReadString(); }
//     else r.Skip();
//   }
class JsonReader {
 public:
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject, kEnd };

  explicit JsonReader(std::string_view text);

  Type Peek();      // the type of the next value (skips whitespace); kEnd at the end or on failure
  size_t Offset();  // byte offset where the next value starts

  void ReadNull();
  bool ReadBool();
  std::string_view ReadNumber();  // the number's text as written ("1", "-2.5e3")
  std::string ReadString();       // decoded (escapes resolved, \uXXXX pairs joined to UTF-8)
  void Skip();                    // one whole value, nested or not (iterative)

  // Objects: BeginObject() consumes '{'; NextKey() reads the next key and its ':' and returns
  // true, or consumes the closing '}' and returns false.
  void BeginObject();
  bool NextKey(std::string* key, size_t* key_offset);
  // Arrays: BeginArray() consumes '['; NextElement() returns true when a value follows (the
  // reader is then positioned on it), or consumes the closing ']' and returns false.
  void BeginArray();
  bool NextElement();

  bool failed() const { return failed_; }

 private:
  void SkipSpace();
  // Steps to the next item of the open container: false (and the container closed) at `close`,
  // false on a syntax error, true with pos_ at the item otherwise.
  bool StepItem(char close);
  bool SkipString();  // from the opening quote to after the closing one
  void Fail() { failed_ = true; pos_ = text_.size(); }

  std::string_view text_;
  size_t pos_ = 0;
  bool failed_ = false;
  // Per open container: true until its first member or element has been read.
  std::vector<bool> first_;
};

// "a string", "an array", ... for messages ("expected an array, found a string"); "nothing" at kEnd.
std::string_view JsonTypeName(JsonReader::Type type);

// RFC 6901: appends "/" + the escaped token ('~' -> "~0", '/' -> "~1") to a pointer.
void AppendPointerToken(std::string* pointer, std::string_view token);
void AppendPointerIndex(std::string* pointer, size_t index);

// Appends the UTF-8 bytes of code point cp (below 0x110000; a JSON \u escape decoded).
void AppendUtf8(std::string* out, uint32_t cp);

}  // namespace factlint

#endif  // FACTLINT_CORE_JSON_POS_H_
