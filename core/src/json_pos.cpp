// JSON with positions (see json_pos.h): the syntax check is nlohmann::json's SAX parser with a
// handler that counts limits and places errors; the line index and the pull reader are small
// scanners over the bytes. Nothing recurses or builds a DOM, so hostile input meets only loops.

#include "json_pos.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <limits>
#include <utility>

#include <nlohmann/json.hpp>

namespace factlint {

// --- LineIndex ---------------------------------------------------------------------------------

LineIndex::LineIndex(std::string_view text) : size_(text.size()) {
  line_starts_.push_back(0);
  const char* base = text.data();
  const char* p = base;
  const char* end = base + text.size();
  while (p < end) {
    const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
    if (nl == nullptr) break;
    p = static_cast<const char*>(nl) + 1;
    line_starts_.push_back(static_cast<size_t>(p - base));
  }
}

void LineIndex::LineColumn(size_t offset, int* line, int* column) const {
  offset = std::min(offset, size_);
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t index = static_cast<size_t>(it - line_starts_.begin()) - 1;
  *line = static_cast<int>(index + 1);
  *column = static_cast<int>(offset - line_starts_[index] + 1);
}

// --- CheckJson ---------------------------------------------------------------------------------

namespace {

// A pointer iterator that publishes how many bytes nlohmann's input adapter has taken: the SAX
// callbacks carry no positions, so the handler reads them here.
class CountingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  CountingIterator(const char* p, const char* base, size_t* taken) : p_(p), base_(base), taken_(taken) {}
  reference operator*() const { return *p_; }
  CountingIterator& operator++() {
    ++p_;
    *taken_ = static_cast<size_t>(p_ - base_);
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator old = *this;
    ++*this;
    return old;
  }
  bool operator==(const CountingIterator& other) const { return p_ == other.p_; }
  bool operator!=(const CountingIterator& other) const { return p_ != other.p_; }

 private:
  const char* p_;
  const char* base_;
  size_t* taken_;
};

using Json = nlohmann::json;

constexpr std::string_view kNulMessage = "a NUL byte (U+0000) outside a string is not JSON";

// Counts depth and values; stops the parse at the first limit crossed or the first syntax error.
class LimitSax : public nlohmann::json_sax<Json> {
 public:
  LimitSax(std::string_view text, const JsonLimits& limits, const size_t* taken)
      : text_(text), limits_(limits), taken_(taken) {}

  std::optional<JsonSyntaxError> error;

  bool null() override { return Value(); }
  bool boolean(bool) override { return Value(); }
  bool number_integer(number_integer_t) override { return Value(); }
  bool number_unsigned(number_unsigned_t) override { return Value(); }
  bool number_float(number_float_t, const string_t&) override { return Value(); }
  bool string(string_t&) override { return Value(); }
  bool binary(binary_t&) override { return Value(); }
  bool start_object(std::size_t) override { return Open(); }
  bool key(string_t&) override { return Mark(); }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t) override { return Open(); }
  bool end_array() override { return Close(); }

  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& ex) override {
    const std::string what = ex.what();
    JsonSyntaxError e;
    e.offset = ErrorOffset(position, last_token, what);
    // nlohmann's lexer takes a NUL byte outside a string for the end of the input
    if (e.offset < text_.size() && text_[e.offset] == '\0') {
      e.message = std::string(kNulMessage);
    } else if (text_.find_first_not_of(" \t\n\r") == std::string_view::npos) {
      e.message = "the text is empty";
    } else {
      e.message = Describe(what);
    }
    error = std::move(e);
    return false;
  }

 private:
  // The first byte of the value whose callback is running: past what the previous callback had
  // taken, only whitespace, ',', ':' and a leading byte-order mark can stand before it.
  size_t ValueStart() const {
    size_t p = previous_;
    if (p == 0 && text_.substr(0, 3) == "\xEF\xBB\xBF") p = 3;
    while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t' || text_[p] == '\n' ||
                                text_[p] == '\r' || text_[p] == ',' || text_[p] == ':')) {
      ++p;
    }
    return p;
  }

  bool Mark() {
    previous_ = *taken_;
    return true;
  }

  bool Value() {
    if (++values_ > limits_.max_values) {
      JsonSyntaxError e;
      e.offset = ValueStart();
      e.message = "more than " + std::to_string(limits_.max_values) + " values";
      e.too_many_values = true;
      error = std::move(e);
      return false;
    }
    return Mark();
  }

  bool Open() {
    if (!Value()) return false;
    if (++depth_ > limits_.max_depth) {
      JsonSyntaxError e;
      e.offset = *taken_ - 1;  // the '[' or '{' was the last byte taken
      e.message = "nested more than " + std::to_string(limits_.max_depth) + " levels deep";
      e.too_deep = true;
      error = std::move(e);
      return false;
    }
    return true;
  }

  bool Close() {
    --depth_;
    return Mark();
  }

  // nlohmann's position counts the bytes read, up to and including the one that failed (one
  // past the end at the end of the input). A lexer error ("; last read: '...'") and the end of
  // the input (or a NUL byte) are placed at that byte; an unexpected token at its first byte.
  size_t ErrorOffset(size_t position, const std::string& last_token, const std::string& what) const {
    const size_t n = text_.size();
    const size_t last = std::min(position == 0 ? 0 : position - 1, n);
    if (what.find("; last read: '") != std::string::npos ||
        what.find("unexpected end of input") != std::string::npos || last >= n) {
      return last;
    }
    const char c = text_[last];
    size_t length = 1;
    if (c == '"' || (c >= '0' && c <= '9')) {
      length = last_token.size();  // a string or number token is exactly what was read for it
    } else if (c == 'e' || c == 'l') {  // true, false or null
      length = last >= 4 && text_.substr(last - 4, 5) == "false" ? 5 : 4;
    }
    return length <= last + 1 ? last + 1 - length : last;
  }

  // nlohmann's message without its "[json.exception...] parse error at line L, column C: "
  // prefix and the "last read" echo of the input, the context moved to the end ("unexpected
  // '}'; expected string literal (in object key)"); ASCII only, at most 160 bytes.
  static std::string Describe(const std::string& what) {
    std::string m = what;
    const size_t tag = m.find("] ");
    if (tag != std::string::npos) m.erase(0, tag + 2);
    const size_t at = m.find("parse error at line ");
    if (at == 0) {
      const size_t colon = m.find(": ");
      if (colon != std::string::npos) m.erase(0, colon + 2);
    }
    const size_t echo = m.find("; last read: '");
    if (echo != std::string::npos) {
      const size_t expected = m.find("'; expected ", echo);
      m.erase(echo, expected == std::string::npos ? std::string::npos : expected + 1 - echo);
    }
    constexpr std::string_view kSyntax = "syntax error while parsing ";
    if (m.compare(0, kSyntax.size(), kSyntax) == 0) {  // "... parsing object - X" -> "X (in object)"
      const size_t dash = m.find(" - ");
      if (dash != std::string::npos) {
        const std::string context = m.substr(kSyntax.size(), dash - kSyntax.size());
        m.erase(0, dash + 3);
        if (context != "value") m += " (in " + context + ")";
      }
    }
    for (char& c : m) {
      if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) c = '?';
    }
    if (m.size() > 160) m = m.substr(0, 157) + "...";
    return m;
  }

  std::string_view text_;
  JsonLimits limits_;
  const size_t* taken_;
  size_t previous_ = 0;
  size_t values_ = 0;
  int depth_ = 0;
};

}  // namespace

std::optional<JsonSyntaxError> CheckJson(std::string_view text, const JsonLimits& limits) {
  size_t taken = 0;
  LimitSax sax(text, limits, &taken);
  const char* base = text.data();
  const bool ok = Json::sax_parse(CountingIterator(base, base, &taken),
                                  CountingIterator(base + text.size(), base, &taken), &sax,
                                  nlohmann::detail::input_format_t::json, /*strict=*/true,
                                  /*ignore_comments=*/false);
  // nlohmann stops at a NUL byte after the value, taking it for the end of the input: the last
  // byte it took is then that NUL (a text that really ends never ends in one)
  const bool stopped_at_nul = taken > 0 && text[taken - 1] == '\0';
  if (ok && !stopped_at_nul) return std::nullopt;
  if (ok) {
    JsonSyntaxError e;
    e.offset = taken - 1;
    e.message = std::string(kNulMessage);
    return e;
  }
  if (sax.error) return sax.error;
  JsonSyntaxError e;  // not expected: nlohmann stopped without saying why
  e.offset = std::min(taken, text.size());
  e.message = "the JSON parser stopped";
  return e;
}

std::optional<JsonGateError> GateJson(std::string_view text, size_t max_bytes,
                                      const JsonLimits& limits) {
  using Kind = JsonGateError::Kind;
  if (text.size() > max_bytes) return JsonGateError{Kind::kTooManyBytes, 0, ""};
  std::optional<JsonSyntaxError> e = CheckJson(text, limits);
  if (!e) return std::nullopt;
  const Kind kind = e->too_deep          ? Kind::kTooDeep
                    : e->too_many_values ? Kind::kTooManyValues
                                         : Kind::kNotJson;
  std::string message = kind == Kind::kNotJson ? std::move(e->message) : std::string();
  return JsonGateError{kind, e->offset, std::move(message)};
}

std::optional<JsonSyntaxError> CheckJsonSyntax(std::string_view text, size_t max_values) {
  JsonLimits limits;
  limits.max_depth = std::numeric_limits<int>::max();
  limits.max_values = max_values;
  return CheckJson(text, limits);
}

std::optional<size_t> FindTooDeep(std::string_view text, int max_depth) {
  JsonLimits limits;
  limits.max_depth = max_depth;
  std::optional<JsonSyntaxError> e = CheckJson(text, limits);
  if (e && e->too_deep) return e->offset;
  return std::nullopt;
}

// --- JsonReader --------------------------------------------------------------------------------

void AppendUtf8(std::string* out, uint32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

JsonReader::JsonReader(std::string_view text) : text_(text) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

void JsonReader::SkipSpace() {
  while (pos_ < text_.size() && IsSpace(text_[pos_])) ++pos_;
}

JsonReader::Type JsonReader::Peek() {
  SkipSpace();
  if (pos_ >= text_.size()) return Type::kEnd;
  switch (text_[pos_]) {
    case '{': return Type::kObject;
    case '[': return Type::kArray;
    case '"': return Type::kString;
    case 't':
    case 'f': return Type::kBool;
    case 'n': return Type::kNull;
    default:
      if (text_[pos_] == '-' || (text_[pos_] >= '0' && text_[pos_] <= '9')) return Type::kNumber;
      Fail();
      return Type::kEnd;
  }
}

size_t JsonReader::Offset() {
  SkipSpace();
  return pos_;
}

void JsonReader::ReadNull() {
  if (Peek() != Type::kNull || text_.substr(pos_, 4) != "null") return Fail();
  pos_ += 4;
}

bool JsonReader::ReadBool() {
  if (Peek() != Type::kBool) {
    Fail();
    return false;
  }
  if (text_.substr(pos_, 4) == "true") {
    pos_ += 4;
    return true;
  }
  if (text_.substr(pos_, 5) == "false") {
    pos_ += 5;
    return false;
  }
  Fail();
  return false;
}

std::string_view JsonReader::ReadNumber() {
  if (Peek() != Type::kNumber) {
    Fail();
    return {};
  }
  const size_t start = pos_;
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
      ++pos_;
    } else {
      break;
    }
  }
  return text_.substr(start, pos_ - start);
}

bool JsonReader::SkipString() {
  // at the opening quote
  for (++pos_; pos_ < text_.size(); ++pos_) {
    const char c = text_[pos_];
    if (c == '\\') {
      ++pos_;
    } else if (c == '"') {
      ++pos_;
      return true;
    }
  }
  Fail();
  return false;
}

std::string JsonReader::ReadString() {
  std::string out;
  if (Peek() != Type::kString) {
    Fail();
    return out;
  }
  ++pos_;
  const size_t n = text_.size();
  while (pos_ < n) {
    // copy the run up to the next quote or backslash in one piece
    size_t run = pos_;
    while (run < n && text_[run] != '"' && text_[run] != '\\') ++run;
    out.append(text_.data() + pos_, run - pos_);
    pos_ = run;
    if (pos_ >= n) break;
    if (text_[pos_] == '"') {
      ++pos_;
      return out;
    }
    // an escape
    if (pos_ + 1 >= n) break;
    const char e = text_[pos_ + 1];
    pos_ += 2;
    switch (e) {
      case '"': out.push_back('"'); break;
      case '\\': out.push_back('\\'); break;
      case '/': out.push_back('/'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'u': {
        auto hex4 = [&](size_t at, uint32_t* v) {
          if (at + 4 > n) return false;
          uint32_t r = 0;
          for (size_t i = at; i < at + 4; ++i) {
            const int h = HexValue(text_[i]);
            if (h < 0) return false;
            r = r * 16 + static_cast<uint32_t>(h);
          }
          *v = r;
          return true;
        };
        uint32_t cp = 0;
        if (!hex4(pos_, &cp)) {
          Fail();
          return out;
        }
        pos_ += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          uint32_t low = 0;
          if (pos_ + 1 < n && text_[pos_] == '\\' && text_[pos_ + 1] == 'u' &&
              hex4(pos_ + 2, &low) && low >= 0xDC00 && low <= 0xDFFF) {
            pos_ += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else {
            cp = 0xFFFD;  // a lone high surrogate (not valid JSON text; the grammar check rejects it)
          }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          cp = 0xFFFD;
        }
        AppendUtf8(&out, cp);
        break;
      }
      default:
        Fail();
        return out;
    }
  }
  Fail();
  return out;
}

void JsonReader::Skip() {
  switch (Peek()) {
    case Type::kEnd: return;
    case Type::kString: SkipString(); return;
    case Type::kNull: ReadNull(); return;
    case Type::kBool: ReadBool(); return;
    case Type::kNumber: ReadNumber(); return;
    case Type::kArray:
    case Type::kObject: {
      size_t depth = 0;
      const size_t n = text_.size();
      while (pos_ < n) {
        const char c = text_[pos_];
        if (c == '"') {
          if (!SkipString()) return;
          continue;
        }
        ++pos_;
        if (c == '[' || c == '{') {
          ++depth;
        } else if (c == ']' || c == '}') {
          if (--depth == 0) return;
        }
      }
      Fail();
      return;
    }
  }
}

void JsonReader::BeginObject() {
  if (Peek() != Type::kObject) return Fail();
  ++pos_;
  first_.push_back(true);
}

void JsonReader::BeginArray() {
  if (Peek() != Type::kArray) return Fail();
  ++pos_;
  first_.push_back(true);
}

bool JsonReader::StepItem(char close) {
  if (failed_ || first_.empty()) return false;
  SkipSpace();
  if (pos_ < text_.size() && text_[pos_] == close) {
    ++pos_;
    first_.pop_back();
    return false;
  }
  if (!first_.back()) {
    if (pos_ >= text_.size() || text_[pos_] != ',') {
      Fail();
      return false;
    }
    ++pos_;
    SkipSpace();
  }
  first_.back() = false;
  return true;
}

bool JsonReader::NextKey(std::string* key, size_t* key_offset) {
  if (!StepItem('}')) return false;
  *key_offset = pos_;
  *key = ReadString();
  SkipSpace();
  if (failed_ || pos_ >= text_.size() || text_[pos_] != ':') {
    Fail();
    return false;
  }
  ++pos_;
  return true;
}

bool JsonReader::NextElement() { return StepItem(']'); }

// --- Pointers ----------------------------------------------------------------------------------

std::string_view JsonTypeName(JsonReader::Type type) {
  using Type = JsonReader::Type;
  switch (type) {
    case Type::kNull: return "null";
    case Type::kBool: return "a boolean";
    case Type::kNumber: return "a number";
    case Type::kString: return "a string";
    case Type::kArray: return "an array";
    case Type::kObject: return "an object";
    case Type::kEnd: return "nothing";
  }
  return "nothing";
}

void AppendPointerToken(std::string* pointer, std::string_view token) {
  pointer->push_back('/');
  for (char c : token) {
    if (c == '~') {
      pointer->append("~0");
    } else if (c == '/') {
      pointer->append("~1");
    } else {
      pointer->push_back(c);
    }
  }
}

void AppendPointerIndex(std::string* pointer, size_t index) {
  pointer->push_back('/');
  pointer->append(std::to_string(index));
}

}  // namespace factlint
