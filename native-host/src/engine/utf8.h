// UTF-8 validation, decoding and UTF-8 → UTF-16 offset conversion.
//
// Every string the engine is given is validated once (FindInvalidUtf8);
// after that the decoders assume well-formed input and do no checks.
#ifndef DRAFTGUARD_ENGINE_UTF8_H_
#define DRAFTGUARD_ENGINE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace draftguard::internal {

inline constexpr size_t kValidUtf8 = static_cast<size_t>(-1);

// Byte offset of the first byte that does not start a well-formed UTF-8
// sequence (overlongs, surrogates and code points over U+10FFFF included),
// or kValidUtf8.
size_t FindInvalidUtf8(std::string_view s);

// Length in bytes of the sequence starting with lead byte `b` (valid input).
inline int Utf8SequenceLength(unsigned char b) {
  return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

// Decodes the code point at s[*i] and advances *i past it (valid input).
inline char32_t DecodeUtf8(std::string_view s, size_t* i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + *i;
  int len = Utf8SequenceLength(p[0]);
  *i += len;
  switch (len) {
    case 1: return p[0];
    case 2: return ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    case 3: return ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    default:
      return ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) |
             (p[3] & 0x3F);
  }
}

void AppendUtf8(char32_t cp, std::string* out);

// Converts byte offsets of a UTF-8 string into UTF-16 code-unit offsets.
// Queries in ascending order cost O(distance); a smaller offset restarts
// from the beginning.
class Utf16Cursor {
 public:
  explicit Utf16Cursor(std::string_view text) : text_(text) {}
  uint32_t ToUtf16(size_t byte_offset);

 private:
  std::string_view text_;
  size_t byte_ = 0;
  uint32_t units_ = 0;
};

}  // namespace draftguard::internal

#endif  // DRAFTGUARD_ENGINE_UTF8_H_
