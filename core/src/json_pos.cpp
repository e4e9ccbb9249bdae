// JSON with positions (see json_pos.h): small hand-written scanners over the bytes — the nesting
// pre-scan, a strict grammar check, a pull reader for text that has passed the check, pointer
// resolution. None of them recurses or builds a DOM, so hostile input meets only loops.

#include "json_pos.h"

#include <algorithm>
#include <cstring>

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

// --- FindTooDeep -------------------------------------------------------------------------------

std::optional<size_t> FindTooDeep(std::string_view text, int max_depth) {
  int depth = 0;
  const char* base = text.data();
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const char c = base[i];
    if (c == '"') {
      // the closing quote is the first one preceded by an even number of backslashes
      size_t j = i + 1;
      for (;;) {
        const void* q = j < n ? std::memchr(base + j, '"', n - j) : nullptr;
        if (q == nullptr) return std::nullopt;  // unterminated: nothing more can open
        j = static_cast<size_t>(static_cast<const char*>(q) - base);
        size_t backslashes = 0;
        while (j - backslashes > i + 1 && base[j - backslashes - 1] == '\\') ++backslashes;
        if (backslashes % 2 == 0) break;
        ++j;
      }
      i = j + 1;
      continue;
    }
    if (c == '[' || c == '{') {
      if (++depth > max_depth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
    ++i;
  }
  return std::nullopt;
}

// --- CheckJsonSyntax ---------------------------------------------------------------------------
//
// A strict RFC 8259 recogniser: one pass, an explicit stack instead of recursion, UTF-8 checked
// per RFC 3629 (no overlong forms, no surrogates, nothing above U+10FFFF), escapes checked
// (\uXXXX surrogates must pair). tests/unit/json_pos_test.cpp holds it to nlohmann::json::accept.

namespace {

class SyntaxChecker {
 public:
  SyntaxChecker(std::string_view text, size_t max_values)
      : t_(text), n_(text.size()), max_values_(max_values) {}

  std::optional<JsonSyntaxError> Run() {
    if (t_.substr(0, 3) == "\xEF\xBB\xBF") p_ = 3;
    SkipSpace();
    if (p_ >= n_) return Fail("the text is empty");
    std::vector<char> stack;  // '{' or '['
    for (;;) {
      // a value
      SkipSpace();
      if (p_ >= n_) return Fail("unexpected end of text; expected a value");
      if (++values_ > max_values_) {
        auto e = Fail("more than " + std::to_string(max_values_) + " values");
        e->too_many_values = true;
        return e;
      }
      const char c = t_[p_];
      if (c == '{' || c == '[') {
        stack.push_back(c);
        ++p_;
        SkipSpace();
        if (p_ < n_ && t_[p_] == (c == '{' ? '}' : ']')) {
          ++p_;
          stack.pop_back();
        } else if (c == '{') {
          if (auto e = Key()) return e;
          continue;  // the member's value
        } else {
          continue;  // the first element
        }
      } else if (c == '"') {
        if (auto e = String()) return e;
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        if (auto e = Number()) return e;
      } else if (c == 't' || c == 'f' || c == 'n') {
        const std::string_view word = c == 't' ? "true" : c == 'f' ? "false" : "null";
        for (size_t i = 0; i < word.size(); ++i, ++p_) {
          if (p_ >= n_) return Fail("unexpected end of text in a literal");
          if (t_[p_] != word[i]) return Fail("invalid literal; expected " + std::string(word));
        }
      } else {
        return Fail("expected a value, found " + Describe(p_));
      }
      // after a value: close containers, or a separator and the next member or element
      for (;;) {
        SkipSpace();
        if (stack.empty()) {
          if (p_ < n_) return Fail("unexpected " + Describe(p_) + " after the end of the JSON value");
          return std::nullopt;
        }
        if (p_ >= n_) {
          return Fail(stack.back() == '{' ? "unexpected end of text; expected ',' or '}'"
                                          : "unexpected end of text; expected ',' or ']'");
        }
        const char d = t_[p_];
        const char close = stack.back() == '{' ? '}' : ']';
        if (d == close) {
          ++p_;
          stack.pop_back();
          continue;
        }
        if (d != ',') {
          return Fail(std::string("expected ',' or '") + close + "', found " + Describe(p_));
        }
        ++p_;
        if (stack.back() == '{') {
          SkipSpace();
          if (auto e = Key()) return e;
        }
        break;  // the next value
      }
    }
  }

 private:
  std::optional<JsonSyntaxError> Fail(std::string message) const {
    return JsonSyntaxError{std::min(p_, n_), std::move(message)};
  }

  std::string Describe(size_t at) const {
    if (at >= n_) return "the end of the text";
    const unsigned char c = static_cast<unsigned char>(t_[at]);
    if (c >= 0x21 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
    static const char kHex[] = "0123456789ABCDEF";
    return std::string("byte 0x") + kHex[c >> 4] + kHex[c & 15];
  }

  void SkipSpace() {
    while (p_ < n_ && (t_[p_] == ' ' || t_[p_] == '\n' || t_[p_] == '\r' || t_[p_] == '\t')) ++p_;
  }

  // A member's key and its ':' (the reader is on the key).
  std::optional<JsonSyntaxError> Key() {
    if (p_ >= n_) return Fail("unexpected end of text; expected a key");
    if (t_[p_] != '"') return Fail("expected a key (a string), found " + Describe(p_));
    if (auto e = String()) return e;
    SkipSpace();
    if (p_ >= n_) return Fail("unexpected end of text; expected ':'");
    if (t_[p_] != ':') return Fail("expected ':' after a key, found " + Describe(p_));
    ++p_;
    return std::nullopt;
  }

  bool Hex4(size_t at, uint32_t* v) const {
    if (at + 4 > n_) return false;
    uint32_t r = 0;
    for (size_t i = at; i < at + 4; ++i) {
      const int h = HexDigit(t_[i]);
      if (h < 0) return false;
      r = r * 16 + static_cast<uint32_t>(h);
    }
    *v = r;
    return true;
  }

  static int HexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  std::optional<JsonSyntaxError> String() {
    ++p_;  // the opening quote
    for (;;) {
      while (p_ < n_) {  // the common case: printable ASCII
        const unsigned char c = static_cast<unsigned char>(t_[p_]);
        if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
        ++p_;
      }
      if (p_ >= n_) return Fail("unexpected end of text in a string (missing closing quote)");
      const unsigned char c = static_cast<unsigned char>(t_[p_]);
      if (c == '"') {
        ++p_;
        return std::nullopt;
      }
      if (c < 0x20) return Fail("control character " + Describe(p_) + " in a string (escape it)");
      if (c == '\\') {
        if (p_ + 1 >= n_) {
          ++p_;
          return Fail("unexpected end of text in an escape");
        }
        const char e = t_[p_ + 1];
        if (e == 'u') {
          uint32_t cp = 0;
          if (!Hex4(p_ + 2, &cp)) {
            p_ += 2;
            return Fail("\\u must be followed by four hex digits");
          }
          if (cp >= 0xDC00 && cp <= 0xDFFF) return Fail("lone low surrogate in a \\u escape");
          p_ += 6;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t low = 0;
            if (p_ + 1 >= n_ || t_[p_] != '\\' || t_[p_ + 1] != 'u' || !Hex4(p_ + 2, &low) ||
                low < 0xDC00 || low > 0xDFFF) {
              return Fail("a high surrogate \\u escape must be followed by a low one");
            }
            p_ += 6;
          }
          continue;
        }
        if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' ||
            e == 't') {
          p_ += 2;
          continue;
        }
        ++p_;
        return Fail("invalid escape \\" + std::string(1, e));
      }
      // UTF-8, RFC 3629 (Table 3-7 of the Unicode standard)
      size_t len = 0;
      unsigned char lo = 0x80, hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
      } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
      } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
      } else {
        return Fail("invalid UTF-8: " + Describe(p_));
      }
      ++p_;
      for (size_t i = 1; i < len; ++i, ++p_) {
        if (p_ >= n_) return Fail("unexpected end of text in a UTF-8 sequence");
        const unsigned char b = static_cast<unsigned char>(t_[p_]);
        if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xBF)) {
          return Fail("invalid UTF-8: " + Describe(p_));
        }
      }
    }
  }

  std::optional<JsonSyntaxError> Number() {
    auto digit = [&] { return p_ < n_ && t_[p_] >= '0' && t_[p_] <= '9'; };
    if (t_[p_] == '-') ++p_;
    if (!digit()) return Fail("invalid number: expected a digit, found " + Describe(p_));
    if (t_[p_] == '0') {
      ++p_;
    } else {
      while (digit()) ++p_;
    }
    if (p_ < n_ && t_[p_] == '.') {
      ++p_;
      if (!digit()) return Fail("invalid number: expected a digit after '.', found " + Describe(p_));
      while (digit()) ++p_;
    }
    if (p_ < n_ && (t_[p_] == 'e' || t_[p_] == 'E')) {
      ++p_;
      if (p_ < n_ && (t_[p_] == '+' || t_[p_] == '-')) ++p_;
      if (!digit()) return Fail("invalid number: expected an exponent digit, found " + Describe(p_));
      while (digit()) ++p_;
    }
    return std::nullopt;
  }

  std::string_view t_;
  size_t n_;
  size_t max_values_;
  size_t p_ = 0;
  size_t values_ = 0;
};

}  // namespace

std::optional<JsonSyntaxError> CheckJsonSyntax(std::string_view text, size_t max_values) {
  return SyntaxChecker(text, max_values).Run();
}

// --- JsonReader --------------------------------------------------------------------------------

namespace {

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

std::optional<size_t> FindPointer(std::string_view json_text, std::string_view pointer) {
  if (!pointer.empty() && pointer[0] != '/') return std::nullopt;
  std::vector<std::string> tokens;
  for (size_t i = 0; i < pointer.size();) {
    size_t next = pointer.find('/', i + 1);
    if (next == std::string_view::npos) next = pointer.size();
    std::string token;
    for (size_t j = i + 1; j < next; ++j) {
      if (pointer[j] == '~' && j + 1 < next && (pointer[j + 1] == '0' || pointer[j + 1] == '1')) {
        token.push_back(pointer[j + 1] == '0' ? '~' : '/');
        ++j;
      } else if (pointer[j] == '~') {
        return std::nullopt;  // "~" must be followed by 0 or 1
      } else {
        token.push_back(pointer[j]);
      }
    }
    tokens.push_back(std::move(token));
    i = next;
  }

  JsonReader r(json_text);
  for (const std::string& token : tokens) {
    const JsonReader::Type type = r.Peek();
    if (type == JsonReader::Type::kObject) {
      r.BeginObject();
      std::string key;
      size_t key_offset = 0;
      bool found = false;
      while (r.NextKey(&key, &key_offset)) {
        if (key == token) {
          found = true;
          break;
        }
        r.Skip();
      }
      if (!found || r.failed()) return std::nullopt;
    } else if (type == JsonReader::Type::kArray) {
      if (token.empty() || token.size() > 18 || (token.size() > 1 && token[0] == '0') ||
          !std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
      }
      const size_t index = std::stoull(token);
      r.BeginArray();
      size_t i = 0;
      bool found = false;
      while (r.NextElement()) {
        if (i++ == index) {
          found = true;
          break;
        }
        r.Skip();
      }
      if (!found || r.failed()) return std::nullopt;
    } else {
      return std::nullopt;
    }
  }
  if (r.Peek() == JsonReader::Type::kEnd) return std::nullopt;
  return r.Offset();
}

}  // namespace factlint
