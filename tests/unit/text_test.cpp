// Tests of core/src/text.cpp: the UTF-16 map, the folded view and its map back, line/column, and
// Fold() for standalone strings. Tables first; each row is one input and what must come out.

#include "text.h"

#include "folded_view.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace factlint {
namespace {

struct FoldCase {
  const char* input;
  const char* folded;
};

TEST_CASE("Fold: lower case, quotes, dashes, spaces, diacritics", "[text]") {
  const FoldCase cases[] = {
      {"", ""},
      {"Plain ASCII, 42.", "plain ascii, 42."},
      // Curly quotes and apostrophes.
      {"\u201CYes,\u201D she said. It\u2019s \u2018fine\u2019.", "\"yes,\" she said. it's 'fine'."},
      {"\u201Elow\u201C \u201Bhigh\u2019 5\u2032 6\u2033", "\"low\" 'high' 5' 6\""},
      // Dashes and the minus sign.
      {"1990\u20131995 \u2014 a\u2010b a\u2011b \u2012 \u2015 \u22123", "1990-1995 - a-b a-b - - -3"},
      // Unicode spaces.
      {"a\u00A0b\u2002c\u2009d\u200Ae\u202Ff\u205Fg", "a b c d e f g"},
      // Dropped: soft hyphen, zero-width characters, BOM.
      {"Ber\u00ADlin Mer\u200Bkel \u200C\u200D\u2060x\uFEFF", "berlin merkel x"},
      // Accented names (Latin-1 Supplement and Latin Extended-A / B).
      {"Fran\u00E7ois Holl\u00E0nde", "francois hollande"},
      {"Jos\u00E9 Mar\u00EDa Aznar", "jose maria aznar"},
      {"Angela M\u00DCLLER and S\u00F6der", "angela muller and soder"},
      {"Pe\u00F1a Nieto", "pena nieto"},
      {"Lech Wa\u0141\u0119sa", "lech walesa"},
      {"\u0141\u00F3d\u017A", "lodz"},
      {"Gro\u00DFe Stra\u00DFe", "grosse strasse"},
      {"Recep Tayyip Erdo\u011Fan, \u015Eahin, D\u0130YARBAKIR, Ispar\u0131", "recep tayyip erdogan, sahin, diyarbakir, ispari"},
      {"Klaus Iohannis, Bucure\u0219ti, \u021Auca, Timi\u015Foara, \u0162ara", "klaus iohannis, bucuresti, tuca, timisoara, tara"},
      {"St\u00F8re and \u00C6r\u00F8", "store and aero"},
      {"Andrej Babi\u0161, \u010Cesk\u00E1, \u017Demaitija, \u0158\u00EDp", "andrej babis, ceska, zemaitija, rip"},
      {"\u0102sta \u0103", "asta a"},
      {"\u0152uvre \u00DE\u00F0", "oeuvre thd"},
      // Decomposed accents (combining marks) fold like precomposed ones.
      {"Jose\u0301 Mu\u0308ller", "jose muller"},
      // Not letters: multiplication and division signs stay.
      {"2\u00D73\u00F76", "2\u00D73\u00F76"},
      // Greek and Cyrillic are lower-cased, not transliterated.
      {"\u0391\u0398\u0397\u039D\u0391 \u041C\u041E\u0421\u041A\u0412\u0410 \u0401\u0416",
       "\u03B1\u03B8\u03B7\u03BD\u03B1 \u043C\u043E\u0441\u043A\u0432\u0430 \u0451\u0436"},
      // CJK and emoji pass through unchanged.
      {"\u4E60\u8FD1\u5E73 said", "\u4E60\u8FD1\u5E73 said"},
      {"Vote \U0001F5F3\uFE0F now", "vote \U0001F5F3\uFE0F now"},
      // Invalid bytes: each one becomes U+FFFD.
      {"a\xFF" "b", "a\uFFFD" "b"},
      {"\xC3(", "\uFFFD("},
      {"\xE2\x82(", "\uFFFD\uFFFD("},
      {"\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD"},  // an encoded surrogate is not UTF-8
      {"\xC0\xAF", "\uFFFD\uFFFD"},             // overlong
      {"\xF4\x90\x80\x80", "\uFFFD\uFFFD\uFFFD\uFFFD"},  // above U+10FFFF
  };
  for (const FoldCase& c : cases) {
    INFO("input: " << c.input);
    CHECK(Fold(c.input) == c.folded);
    CHECK(Document(c.input).folded() == c.folded);
  }
}

struct Utf16Case {
  const char* input;
  std::vector<size_t> utf16;  // Utf16At(i) for i = 0 .. size()
};

TEST_CASE("Document: byte to UTF-16 offsets", "[text]") {
  const Utf16Case cases[] = {
      {"", {0}},
      {"ab", {0, 1, 2}},
      {"\u00E9a", {0, 0, 1, 2}},                           // é: 2 bytes, 1 unit
      {"\u201Cx", {0, 0, 0, 1, 2}},                        // “: 3 bytes, 1 unit
      {"\U0001F600x", {0, 0, 0, 0, 2, 3}},                 // emoji: 4 bytes, 2 units
      {"\u4E2D\u6587", {0, 0, 0, 1, 1, 1, 2}},             // CJK: 3 bytes, 1 unit each
      {"a\xFF\xFE" "b", {0, 1, 2, 3, 4}},                  // invalid bytes: one unit each
      {"\xF0\x9F\x98" "a", {0, 1, 2, 3, 4}},               // truncated emoji: 3 invalid bytes
      {"\xE2\x80\x9C\xE2\x80", {0, 0, 0, 1, 2, 3}},        // “ then a cut-off sequence
  };
  for (const Utf16Case& c : cases) {
    INFO("input: " << c.input);
    Document doc(c.input);
    REQUIRE(doc.size() + 1 == c.utf16.size());
    for (size_t i = 0; i <= doc.size(); ++i) {
      INFO("byte " << i);
      CHECK(doc.Utf16At(i) == c.utf16[i]);
    }
  }
  // Beyond the end clamps to the total.
  CHECK(Document("ab").Utf16At(99) == 2);
}

TEST_CASE("Document: the folded view maps back to the original", "[text]") {
  // “Łódź” – ok: folded "\"lodz\" - ok".
  Document doc("\u201C\u0141\u00F3d\u017A\u201D \u2013 OK\u00AD!");
  REQUIRE(doc.folded() == "\"lodz\" - ok!");
  const size_t expected[] = {
      0,   // "  <- “ at 0
      3,   // l  <- Ł at 3
      5,   // o  <- ó at 5
      7,   // d
      8,   // z  <- ź at 8
      10,  // "  <- ” at 10
      13,  // ' '
      14,  // -  <- – at 14
      17,  // ' '
      18,  // o
      19,  // k
      22,  // !  (the soft hyphen at 20..21 left nothing)
      23,  // end
  };
  REQUIRE(doc.folded().size() + 1 == std::size(expected));
  for (size_t i = 0; i <= doc.folded().size(); ++i) {
    INFO("folded " << i);
    CHECK(doc.FoldedToOriginal(i) == expected[i]);
  }
  // Back again: each character start maps to its first folded byte; a dropped character or an
  // offset inside a character maps to the next folded byte.
  CHECK(doc.OriginalToFolded(0) == 0);
  CHECK(doc.OriginalToFolded(3) == 1);
  CHECK(doc.OriginalToFolded(4) == 2);  // inside Ł
  CHECK(doc.OriginalToFolded(14) == 7);
  CHECK(doc.OriginalToFolded(20) == 11);  // soft hyphen -> "!"
  CHECK(doc.OriginalToFolded(23) == doc.folded().size());
  CHECK(doc.OriginalToFolded(500) == doc.folded().size());
  CHECK(doc.FoldedToOriginal(500) == doc.size());
}

TEST_CASE("Document: one original character may fold to two bytes", "[text]") {
  Document doc("Stra\u00DFe");  // ß -> ss
  REQUIRE(doc.folded() == "strasse");
  CHECK(doc.FoldedToOriginal(4) == 4);
  CHECK(doc.FoldedToOriginal(5) == 4);
  CHECK(doc.FoldedToOriginal(6) == 6);
  CHECK(doc.OriginalToFolded(6) == 6);
}

TEST_CASE("Document: a search in the folded view gives original spans", "[text]") {
  std::string text = "Pr\u00E9sident Emmanuel Macron and \u201CPRESIDENT\u201D \u00C9MILE";
  Document doc(text);
  std::string needle = Fold("pr\u00E9sident");
  size_t at = doc.folded().find(needle);
  REQUIRE(at != std::string_view::npos);
  size_t start = doc.FoldedToOriginal(at), end = doc.FoldedToOriginal(at + needle.size());
  CHECK(text.substr(start, end - start) == "Pr\u00E9sident");
  at = doc.folded().find(needle, at + 1);
  REQUIRE(at != std::string_view::npos);
  start = doc.FoldedToOriginal(at);
  end = doc.FoldedToOriginal(at + needle.size());
  CHECK(text.substr(start, end - start) == "PRESIDENT");
  CHECK(doc.Utf16At(end) == 40);
}

struct LineCase {
  const char* input;
  size_t offset;
  int line, column;
};

TEST_CASE("Document: line and column", "[text]") {
  const LineCase cases[] = {
      {"", 0, 1, 1},
      {"abc", 2, 1, 3},
      {"abc", 3, 1, 4},
      {"ab\ncd", 3, 2, 1},
      {"ab\ncd", 2, 1, 3},  // the newline belongs to line 1
      {"ab\r\ncd", 4, 2, 1},
      {"ab\rcd", 3, 2, 1},  // old Mac line end
      {"\n\n\nx", 3, 4, 1},
      {"\u00E9\u00E9x", 4, 1, 3},      // columns count characters, not bytes
      {"\U0001F600x", 4, 1, 2},        // an emoji is one column
      {"\xFF\xFEx", 2, 1, 3},          // each invalid byte is one column
      {"a\nb", 99, 2, 2},              // clamps to the end
  };
  for (const LineCase& c : cases) {
    INFO("input: " << c.input << " offset " << c.offset);
    int line = 0, column = 0;
    Document(c.input).LineColumn(c.offset, &line, &column);
    CHECK(line == c.line);
    CHECK(column == c.column);
  }
}

TEST_CASE("Document: columns far into a long line", "[text]") {
  // Mixed widths so that character boundaries fall on both sides of every 4096-byte step.
  std::string unit = "a\u00E9\u201C\U0001F600\xFF";  // 1 + 2 + 3 + 4 + 1 bytes, 5 characters
  std::string text = "first line\n";
  for (int k = 0; k < 3000; ++k) text += unit;
  Document doc(text);
  for (size_t k : {size_t{0}, size_t{1}, size_t{818}, size_t{819}, size_t{2999}}) {
    size_t offset = 11 + k * unit.size();
    for (size_t within = 0; within < unit.size(); ++within) {
      int line = 0, column = 0;
      doc.LineColumn(offset + within, &line, &column);
      // Characters that start before the offset, plus one.
      size_t chars = k * 5 + (within == 0 ? 0 : within <= 1 ? 1 : within <= 3 ? 2 : within <= 6 ? 3 : within <= 10 ? 4 : 5);
      INFO("unit " << k << " byte " << within);
      CHECK(line == 2);
      CHECK(column == static_cast<int>(chars + 1));
    }
  }
  int line = 0, column = 0;
  doc.LineColumn(text.size(), &line, &column);
  CHECK(column == 3000 * 5 + 1);
}

TEST_CASE("Document: copies its text", "[text]") {
  std::string text = "Mutable";
  Document doc(text);
  text[0] = 'X';
  CHECK(doc.text() == "Mutable");
  CHECK(doc.folded() == "mutable");
}

TEST_CASE("IsWordByte", "[text]") {
  CHECK(IsWordByte('a'));
  CHECK(IsWordByte('Z'));
  CHECK(IsWordByte('7'));
  CHECK(IsWordByte(0xC3));
  CHECK_FALSE(IsWordByte(' '));
  CHECK_FALSE(IsWordByte('\''));
  CHECK_FALSE(IsWordByte('-'));
}

TEST_CASE("Document: every byte value in every position is handled", "[text]") {
  // All 256 bytes, then all of them again behind each lead byte: no crash, the UTF-16 map is
  // non-decreasing and grows by at most two per byte, and the folded map is non-decreasing.
  std::string text;
  for (int lead = 0; lead < 256; lead += 17) {
    for (int b = 0; b < 256; ++b) {
      text.push_back(static_cast<char>(lead));
      text.push_back(static_cast<char>(b));
    }
  }
  Document doc(text);
  for (size_t i = 0; i < doc.size(); ++i) {
    REQUIRE(doc.Utf16At(i) <= doc.Utf16At(i + 1));
    REQUIRE(doc.Utf16At(i + 1) - doc.Utf16At(i) <= 2);
  }
  for (size_t i = 0; i < doc.folded().size(); ++i) {
    REQUIRE(doc.FoldedToOriginal(i) <= doc.FoldedToOriginal(i + 1));
  }
  CHECK(doc.FoldedToOriginal(doc.folded().size()) == doc.size());
}

// The maps are runs of non-ASCII characters (text.h); a reference built character by character
// (DecodeUtf8 and Fold of each character alone) must agree with them at every offset, for texts
// mixing ASCII, runs of alike characters, characters of other lengths next to each other, dropped
// characters (folded to nothing), characters that fold longer (ß -> ss, invalid bytes -> U+FFFD),
// surrogate pairs and line breaks.
TEST_CASE("Document: the maps agree with a per-character reference on random texts", "[text]") {
  const std::vector<std::string> pieces = {
      "a", "Q", " ", ".", "7", "\n", "\r\n", "\r", "\u00E9", "\u00C9", "\u00DF", "\u2019", "\u201C", "\u00AD",
      "\u200B", "\u0416", "\u0436", "\u4E2D", "\U0001F600", "\xFF", "\x80", "\xE2\x82", "\xF0\x9F", "\xC3", "\u0301",
      "\u00A0", "\u2014", "\u0141"};
  std::mt19937 rng(15);
  for (int t = 0; t < 400; ++t) {
    std::string text;
    const int n = static_cast<int>(rng() % 120);
    for (int k = 0; k < n; ++k) {
      const std::string& piece = pieces[rng() % pieces.size()];
      const int repeat = rng() % 4 == 0 ? 1 + static_cast<int>(rng() % 6) : 1;  // runs of one character
      for (int r = 0; r < repeat; ++r) text += piece;
    }
    // The reference, per byte and per folded byte.
    std::vector<size_t> utf16(text.size() + 1), chars(text.size() + 1), to_orig;
    std::string folded;
    size_t unit = 0, count = 0;
    for (size_t i = 0; i < text.size();) {
      uint32_t cp;
      const size_t len = DecodeUtf8(text, i, &cp);
      const std::string f = Fold(text.substr(i, len));
      for (size_t k = 0; k < len; ++k) {
        utf16[i + k] = unit;
        chars[i + k] = count + (k > 0 ? 1 : 0);
      }
      for (size_t k = 0; k < f.size(); ++k) to_orig.push_back(i);
      folded += f;
      unit += cp >= 0x10000 ? 2 : 1;
      ++count;
      i += len;
    }
    utf16[text.size()] = unit;
    chars[text.size()] = count;
    to_orig.push_back(text.size());
    Document doc(text);
    INFO("text #" << t << ", " << text.size() << " bytes");
    REQUIRE(doc.folded() == folded);
    for (size_t i = 0; i <= text.size() + 2; ++i) REQUIRE(doc.Utf16At(i) == utf16[std::min(i, text.size())]);
    for (size_t f = 0; f <= folded.size() + 2; ++f)
      REQUIRE(doc.FoldedToOriginal(f) == to_orig[std::min(f, folded.size())]);
    for (size_t i = 0; i <= text.size() + 1; ++i) {
      const size_t want = i >= text.size() ? folded.size()
                                           : static_cast<size_t>(std::lower_bound(to_orig.begin(), to_orig.end(), i) -
                                                                 to_orig.begin());
      REQUIRE(doc.OriginalToFolded(i) == want);
    }
    // Columns: characters since the line's start (after "\n", or a "\r" not before "\n").
    size_t line_start = 0;
    int line_no = 1;
    for (size_t i = 0; i <= text.size(); ++i) {
      if (i > 0 && (text[i - 1] == '\n' || (text[i - 1] == '\r' && (i == text.size() || text[i] != '\n')))) {
        line_start = i;
        ++line_no;
      }
      int line = 0, column = 0;
      doc.LineColumn(i, &line, &column);
      REQUIRE(line == line_no);
      REQUIRE(column == static_cast<int>(chars[i] - chars[line_start] + 1));
    }
  }
}

TEST_CASE("Document: a large archive in one pass", "[text][slow]") {
  std::string unit = "Le pr\u00E9sident \u201CMacron\u201D a dit \u2014 \U0001F600 \xFF ok.\n";
  std::string text;
  while (text.size() < 5 * 1024 * 1024) text += unit;
  Document doc(text);
  size_t copies = text.size() / unit.size();
  CHECK(doc.folded().size() == copies * Fold(unit).size());
  CHECK(doc.Utf16At(text.size()) == copies * Document(unit).Utf16At(unit.size()));
  int line = 0, column = 0;
  doc.LineColumn(text.size() - 1, &line, &column);
  CHECK(line == static_cast<int>(copies));
}

}  // namespace
}  // namespace factlint

// Regression (found by fuzz_segment): invalid bytes fold to U+FFFD, three bytes each, so the folded
// view outgrows the text; the ASCII run after them must not write past the buffer.
TEST_CASE("regress: folded view longer than the text, then an ASCII run", "[text]") {
  std::string text(300, '\xBE');
  text += "Prime Minister Theresa May led the talks.\n";
  text += std::string(5000, 'a');
  factlint::Document doc(text);
  REQUIRE(doc.folded().size() == 300 * 3 + (text.size() - 300));
  REQUIRE(doc.folded().substr(900, 14) == "prime minister");
  REQUIRE(doc.FoldedToOriginal(900) == 300);
  REQUIRE(doc.FoldedToOriginal(doc.folded().size()) == text.size());
  REQUIRE(doc.Utf16At(text.size()) == text.size());
}

namespace factlint {
namespace {

TEST_CASE("text: FindDigit finds the first ASCII digit as a byte-by-byte scan does", "[text]") {
  // Every start and end in random texts of digits, their neighbours in ASCII ('/', ':'), the
  // same values with the high bit set (0xB0..0xB9: not digits) and other bytes.
  const std::string bytes = std::string("09/:ab \n") + "\xb0\xb9\xaf\xba\xc3\xff";
  std::mt19937 rng(99);
  for (int round = 0; round < 200; ++round) {
    std::string text(rng() % 40, ' ');
    for (char& c : text) c = bytes[rng() % bytes.size()];
    if (rng() % 3 == 0) std::replace_if(text.begin(), text.end(), [](char c) { return c == '0' || c == '9'; }, 'a');
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    for (size_t i = 0; i <= text.size(); ++i) {
      for (size_t end = i; end <= text.size(); ++end) {
        size_t want = i;
        while (want < end && !(p[want] >= '0' && p[want] <= '9')) ++want;
        REQUIRE(FindDigit(p, i, end) == want);
      }
    }
  }
}

}  // namespace
}  // namespace factlint

namespace factlint {
namespace {

TEST_CASE("folded view: FindEach finds every occurrence, as a find loop does", "[text]") {
  // Random texts over a small alphabet (near misses, overlaps) and needles cut from them or made
  // up, each byte of the needle the rarest in turn, against string_view::find from one past each hit.
  std::mt19937 rng(7);
  const std::string alphabet = "eecz .\xc3\xa9";
  for (int round = 0; round < 3000; ++round) {
    std::string hay(rng() % 60, ' ');
    for (char& c : hay) c = alphabet[rng() % alphabet.size()];
    std::string needle(rng() % 7, ' ');
    for (char& c : needle) c = alphabet[rng() % alphabet.size()];
    if (rng() % 2 == 0 && !hay.empty()) {
      const size_t a = rng() % hay.size();
      needle = hay.substr(a, 1 + rng() % std::min<size_t>(8, hay.size() - a));
    }
    std::vector<size_t> want;
    const std::string_view h(hay);
    for (size_t at = h.find(needle); at != std::string_view::npos; at = h.find(needle, at + 1)) want.push_back(at);
    REQUIRE(FindEach(hay, needle) == want);
  }
  CHECK(FindEach("re-election elections", "election") == std::vector<size_t>{3, 12});
  CHECK(FindEach("", "election").empty());
  CHECK(FindEach("ab", "") == std::vector<size_t>{0, 1, 2});
}

}  // namespace
}  // namespace factlint
