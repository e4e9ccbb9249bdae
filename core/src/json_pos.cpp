// JSON with positions (see json_pos.h). The grammar check is nlohmann::json's SAX parser with a
// handler that builds nothing (so its iterative parser, not a DOM, meets hostile input); the
// nesting pre-scan, the pull reader and pointer resolution are small hand-written scanners over
// the bytes, written for text that is already known to be JSON. None of them recurses.

#include "json_pos.h"

#include <algorithm>
#include <cstring>
#include <exception>

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

namespace {

using Json = nlohmann::json;

// Accepts every event, builds nothing, remembers the first parse error.
class NullSax : public nlohmann::json_sax<Json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    failed = true;
    this->position = position;
    message = ex.what();
    return false;
  }

  bool failed = false;
  size_t position = 0;
  std::string message;
};

// nlohmann's message is "[json.exception.parse_error.101] parse error at line 1, column 5:
// syntax error while parsing value - ...; last read: '...'"; keep the part after the place (we
// give the place ourselves) and bound its length ('last read' can quote a megabyte string).
std::string TidyParseMessage(const std::string& what) {
  std::string_view m = what;
  const size_t column = m.find(", column ");
  if (column != std::string_view::npos) {
    const size_t colon = m.find(": ", column);
    if (colon != std::string_view::npos) m.remove_prefix(colon + 2);
  } else if (m.size() > 0 && m[0] == '[') {
    const size_t close = m.find("] ");
    if (close != std::string_view::npos) m.remove_prefix(close + 2);
  }
  constexpr size_t kMax = 160;
  std::string out(m.substr(0, kMax));
  if (m.size() > kMax) {
    // do not end inside a UTF-8 sequence
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
    out += "...";
  }
  return out;
}

}  // namespace

std::optional<JsonSyntaxError> CheckJsonSyntax(std::string_view text) {
  NullSax sax;
  try {
    Json::sax_parse(text.begin(), text.end(), &sax, nlohmann::detail::input_format_t::json,
                    /*strict=*/true, /*ignore_comments=*/false);
  } catch (const std::exception& e) {
    if (!sax.failed) return JsonSyntaxError{0, std::string("not JSON: ") + e.what()};
  }
  if (!sax.failed) return std::nullopt;
  // position counts the characters read, the offending one (or end of input) included.
  size_t offset = sax.position > 0 ? sax.position - 1 : 0;
  offset = std::min(offset, text.size());
  return JsonSyntaxError{offset, TidyParseMessage(sax.message)};
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

bool JsonReader::NextKey(std::string* key, size_t* key_offset) {
  if (failed_ || first_.empty()) return false;
  SkipSpace();
  if (pos_ < text_.size() && text_[pos_] == '}') {
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

bool JsonReader::NextElement() {
  if (failed_ || first_.empty()) return false;
  SkipSpace();
  if (pos_ < text_.size() && text_[pos_] == ']') {
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
  }
  first_.back() = false;
  return true;
}

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
