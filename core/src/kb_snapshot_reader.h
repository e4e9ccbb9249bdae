// Internal to the compiled KB snapshot's reader (kb_snapshot_read.cpp): the bounds-checked cursor
// SnapshotReader, which reads fixed-width words, varints, counts, strings of the pool, indexes,
// flags and enums, each failure a message with its byte offset and section. The layout it reads
// is described in kb_snapshot.h.

#ifndef FACTLINT_KB_SNAPSHOT_READER_H_
#define FACTLINT_KB_SNAPSHOT_READER_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "factlint/factlint.h"
#include "kb.h"
#include "kb_snapshot_format.h"

namespace factlint {

// A cursor over the bytes with the first failure kept: after a failure every read returns zeros
// and the caller returns at its next check of ok(). The readers of one field are kept out of line
// (noinline): inlined with their error messages at every call site they made Read one 28 KB wasm
// function, whose optimising compile (V8 tiers a function up while it runs its first, cold load)
// took ~0.4 s of a cold start on a loaded machine.
// A varint of one to three bytes at p (before end) in its shortest form: its value, and p moved
// past it; false, p unmoved, for anything else (longer, cut, or not in its shortest form), which
// SnapshotReader::V32Long reads or refuses with its message.
inline bool FastV32(const uint8_t*& p, const uint8_t* end, uint32_t* v) {
  const ptrdiff_t left = end - p;
  if (left >= 1 && p[0] < 0x80) {
    *v = p[0];
    p += 1;
    return true;
  }
  if (left >= 2 && p[1] < 0x80 && p[1] != 0) {
    *v = (p[0] & 0x7Fu) | (uint32_t{p[1]} << 7);
    p += 2;
    return true;
  }
  if (left >= 3 && p[1] >= 0x80 && p[2] < 0x80 && p[2] != 0) {
    *v = (p[0] & 0x7Fu) | ((p[1] & 0x7Fu) << 7) | (uint32_t{p[2]} << 14);
    p += 3;
    return true;
  }
  return false;
}

class SnapshotReader {
 public:
  explicit SnapshotReader(std::string_view bytes) : b_(bytes) {}
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  size_t pos() const { return pos_; }
  size_t left() const { return end_ - pos_; }
  size_t size() const { return b_.size(); }
  [[gnu::noinline]] void Fail(std::string what) {
    if (error_.empty())
      error_ = std::move(what) + " (byte " + std::to_string(pos_) +
               (where_.empty() ? "" : ", section " + where_) + ")";
  }
  // True when n more bytes can be read; the failure (message building) is out of line.
  bool Need(uint64_t n, const char* what) {
    if (error_.empty() && n <= static_cast<uint64_t>(end_ - pos_)) [[likely]]
      return true;
    return NeedFailed(n, what);
  }
  [[gnu::noinline]] bool NeedFailed(uint64_t n, const char* what) {
    if (!ok()) return false;
    Fail(std::string("truncated: ") + what + " needs " + std::to_string(n) + " bytes, " +
         std::to_string(left()) + " left");
    return false;
  }
  void Raw(void* out, size_t n, const char* what) {
    if (!Need(n, what)) {
      std::memset(out, 0, n);
      return;
    }
    std::memcpy(out, b_.data() + pos_, n);
    pos_ += n;
  }
  // Fixed-width little-endian numbers (the header's; the layout fingerprint holds the host to it).
  template <class T>
  T Fixed(const char* what) {
    T v;
    Raw(&v, sizeof v, what);
    return v;
  }
  uint8_t U8(const char* what) { return Fixed<uint8_t>(what); }
  uint32_t U32(const char* what) { return Fixed<uint32_t>(what); }
  uint64_t U64(const char* what) { return Fixed<uint64_t>(what); }
  // Unsigned LEB128 (7 bits a byte, low first), at most 32 bits, in its shortest form; up to three
  // bytes inline, the rest and the errors out of line.
  uint32_t V32(const char* what) {
    uint32_t v;
    const uint8_t* p = here();
    if (error_.empty() && FastV32(p, limit(), &v)) [[likely]] {
      Advance(p);
      return v;
    }
    return V32Long(what);
  }
  // Raw access for the hot loops of a section (ReadMatcher): the cursor and the section's end as
  // pointers, and the cursor moved to a pointer between them.
  const uint8_t* here() const { return reinterpret_cast<const uint8_t*>(b_.data()) + pos_; }
  const uint8_t* limit() const { return reinterpret_cast<const uint8_t*>(b_.data()) + end_; }
  void Advance(const uint8_t* to) { pos_ = static_cast<size_t>(to - reinterpret_cast<const uint8_t*>(b_.data())); }
  [[gnu::noinline]] uint32_t V32Long(const char* what) {
    uint32_t v = 0;
    for (int i = 0; i < 5; ++i) {
      if (!Need(1, what)) return 0;
      const auto b = static_cast<uint8_t>(b_[pos_]);
      if (i == 4 && b > 0x0F) {
        Fail(std::string(what) + ": a varint of more than 32 bits");
        return 0;
      }
      ++pos_;
      v |= static_cast<uint32_t>(b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        if (i > 0 && b == 0) {
          --pos_;
          Fail(std::string(what) + ": a varint longer than its value needs");
          return 0;
        }
        return v;
      }
    }
    return v;  // not reached: the fifth byte has no continuation bit (checked above)
  }
  // A count of items of at least min_bytes each: refused when the bytes left cannot hold them.
  uint32_t Count(size_t min_bytes, const char* what) {
    uint32_t n;
    const uint8_t* p = here();
    if (error_.empty() && FastV32(p, limit(), &n) &&
        static_cast<uint64_t>(n) * min_bytes <= static_cast<uint64_t>(limit() - p)) [[likely]] {
      Advance(p);
      return n;
    }
    return CountSlow(min_bytes, what);
  }
  [[gnu::noinline]] uint32_t CountSlow(size_t min_bytes, const char* what) {
    const uint32_t n = V32(what);
    if (ok() && static_cast<uint64_t>(n) * min_bytes > left()) {
      Fail(std::string(what) + " count " + std::to_string(n) + " does not fit in the " +
           std::to_string(left()) + " bytes left");
      return 0;
    }
    return ok() ? n : 0;
  }
  // Bool, Index and Enum: the valid case inline, the rest (and its message) out of line, reading
  // again from the same place.
  bool Bool(const char* what) {
    if (error_.empty() && pos_ < end_ && static_cast<uint8_t>(b_[pos_]) <= 1) [[likely]]
      return b_[pos_++] == 1;
    return BoolSlow(what);
  }
  [[gnu::noinline]] bool BoolSlow(const char* what) {
    const uint8_t v = U8(what);
    if (v > 1) Fail(std::string(what) + " is " + std::to_string(v) + ", not 0 or 1");
    return v == 1;
  }
  // A signed value, zigzag coded in a varint (see SnapshotWriter::S32).
  int32_t S32(const char* what) {
    const uint32_t z = V32(what);
    return static_cast<int32_t>((z >> 1) ^ (0u - (z & 1)));
  }
  std::string_view Bytes(size_t n, const char* what) {
    if (!Need(n, what)) return {};
    std::string_view v = b_.substr(pos_, n);
    pos_ += n;
    return v;
  }

  // Sections: Open checks the tag and bounds and limits reads to the section; Close checks that
  // the section was read to its end.
  [[gnu::noinline]] bool Open(uint32_t tag) {
    where_.clear();
    const uint32_t got = U32("section tag");
    U32("section flags");
    const uint64_t size = U64("section size");
    if (!ok()) return false;
    if (got != tag) {
      Fail(std::string("expected section ") + kTagNames[tag] + ", found tag " +
           std::to_string(got));
      return false;
    }
    where_ = kTagNames[tag];
    if (size > left()) {
      Fail("section " + where_ + " of " + std::to_string(size) + " bytes ends past the file");
      return false;
    }
    end_ = pos_ + static_cast<size_t>(size);
    return true;
  }
  [[gnu::noinline]] void Close(size_t file_end) {
    if (ok() && pos_ != end_)
      Fail(std::to_string(end_ - pos_) + " unread bytes at the end of the section");
    end_ = file_end;
  }
  void SetEnd(size_t end) { end_ = end; }

  // Strings of the pool, by index: views into the pool's bytes, which the Kb holds (KbStrings).
  // String i is pool_text[pool_at[i], pool_at[i + 1]); pool_at has pool_size + 1 entries.
  const char* pool_text = nullptr;
  const uint32_t* pool_at = nullptr;
  uint32_t pool_size = 0;
  std::string_view PoolString(uint32_t i) const {
    return {pool_text + pool_at[i], pool_at[i + 1] - pool_at[i]};
  }
  std::string_view Str(const char* what) {
    const uint32_t i = V32(what);
    if (i < pool_size && ok()) [[likely]]
      return PoolString(i);
    return StrFailed(i, what);
  }
  [[gnu::noinline]] std::string_view StrFailed(uint32_t i, const char* what) {
    if (ok())
      Fail(std::string(what) + ": string " + std::to_string(i) + " is not in the pool (" +
           std::to_string(pool_size) + " strings)");
    return {};
  }
  // A list of strings, its views in an array of `lists` (the Kb's KbStrings: no allocation a list).
  KbStrings* lists = nullptr;
  [[gnu::noinline]] StrList Strs(const char* what) {
    const uint32_t n = Count(1, what);  // at most the bytes left, so the room is bounded
    const std::span<std::string_view> out = lists->NewArray<std::string_view>(n);
    for (uint32_t i = 0; i < n && ok(); ++i) out[i] = Str(what);
    return out;
  }
  // An index into a table of `size` entries (or -1 when allowed), stored as v + 1.
  int32_t Index(size_t size, bool allow_none, const char* what) {
    uint32_t v;
    const uint8_t* p = here();
    if (error_.empty() && FastV32(p, limit(), &v)) [[likely]] {
      const int32_t i = static_cast<int32_t>(v - 1);
      if ((allow_none && i == -1) || (i >= 0 && static_cast<size_t>(i) < size)) [[likely]] {
        Advance(p);
        return i;
      }
    }
    return IndexSlow(size, allow_none, what);
  }
  [[gnu::noinline]] int32_t IndexSlow(size_t size, bool allow_none, const char* what) {
    const int32_t v = static_cast<int32_t>(V32(what) - 1);
    if (ok() && !((allow_none && v == -1) || (v >= 0 && static_cast<size_t>(v) < size)))
      Fail(std::string(what) + " " + std::to_string(v) + " is out of range (" +
           std::to_string(size) + " entries)");
    return ok() ? v : 0;
  }
  // An absent value (flag 0) inline; a present one, and any failure, out of line.
  std::optional<int> OptI32(const char* what) {
    if (error_.empty() && pos_ < end_ && b_[pos_] == 0) [[likely]] {
      ++pos_;
      return std::nullopt;
    }
    return OptI32Slow(what);
  }
  [[gnu::noinline]] std::optional<int> OptI32Slow(const char* what) {
    if (!Bool(what)) return std::nullopt;
    const int32_t v = S32(what);
    return ok() ? std::optional<int>(v) : std::nullopt;
  }
  std::optional<Date> OptDate(const char* what) {
    std::optional<int> v = OptI32(what);
    return v ? std::optional<Date>(Date{*v}) : std::nullopt;
  }
  template <typename E>
  E Enum(uint8_t max, const char* what) {
    if (error_.empty() && pos_ < end_ && static_cast<uint8_t>(b_[pos_]) <= max) [[likely]]
      return static_cast<E>(static_cast<uint8_t>(b_[pos_++]));
    return EnumSlow<E>(max, what);
  }
  template <typename E>
  [[gnu::noinline]] E EnumSlow(uint8_t max, const char* what) {
    const uint8_t v = U8(what);
    if (ok() && v > max)
      Fail(std::string(what) + " " + std::to_string(v) + " is not a known value (at most " +
           std::to_string(max) + ")");
    return static_cast<E>(ok() ? v : 0);
  }

 private:
  std::string_view b_;
  size_t pos_ = 0;
  size_t end_ = b_.size();
  std::string error_;
  std::string where_;
};

}  // namespace factlint

#endif  // FACTLINT_KB_SNAPSHOT_READER_H_
