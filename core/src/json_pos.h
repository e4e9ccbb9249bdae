// JSON with positions: the pieces the KB loader (kb.cpp) needs to name the place of every problem
// in a JSON text — a line index (byte offset -> line/column), a bounded pre-scan for nesting
// depth, a grammar check that reports where the text stops being JSON, a pull reader that gives
// the byte offset of every value it reads, and RFC 6901 pointers (escape, and resolve to an
// offset). Everything here is linear in the text and never recurses on the text's nesting, so
// hostile input (100,000 nested '[') cannot exhaust the stack. See factlint/factlint.h for the
// public API these serve.

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

// The byte offset of the first '[' or '{' that opens a container nested deeper than max_depth
// (the outermost container is depth 1), or nullopt. Strings (with escapes) are skipped, so
// brackets inside strings do not count. Works on any bytes, JSON or not.
std::optional<size_t> FindTooDeep(std::string_view text, int max_depth);

// Checks the text against the JSON grammar (RFC 8259, UTF-8, one value, surrounding whitespace;
// a leading UTF-8 byte-order mark is skipped). Returns nullopt when it is JSON; otherwise the
// byte offset where it stops being JSON (the first byte that cannot continue it; the length of
// the text when it ends too early) and a short description ("expected ',' or ']', found '}'").
// With max_values, a text holding more values (scalars, arrays and objects, at any depth) stops
// at the first value over the limit, with too_many_values set.
struct JsonSyntaxError {
  size_t offset = 0;
  std::string message;
  bool too_many_values = false;
};
std::optional<JsonSyntaxError> CheckJsonSyntax(std::string_view text,
                                               size_t max_values = static_cast<size_t>(-1));

// A pull reader over JSON text that has passed CheckJsonSyntax (and FindTooDeep). On anything
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

// RFC 6901: appends "/" + the escaped token ('~' -> "~0", '/' -> "~1") to a pointer.
void AppendPointerToken(std::string* pointer, std::string_view token);
void AppendPointerIndex(std::string* pointer, size_t index);

// The byte offset where the value at `pointer` starts ("" is the whole text), or nullopt when
// the pointer does not resolve (or the text is not JSON). Linear: one pass, skipping what is
// not on the path.
std::optional<size_t> FindPointer(std::string_view json_text, std::string_view pointer);

}  // namespace factlint

#endif  // FACTLINT_CORE_JSON_POS_H_
