#include "engine/utf8.h"

#include <algorithm>
#include <cstring>

namespace draftguard::internal {

size_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // ASCII runs dominate real drafts: skip them eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t chunk;
      std::memcpy(&chunk, p + i, 8);
      if (chunk & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char b = p[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    char32_t min;
    if (b >= 0xC2 && b <= 0xDF) {
      len = 2, min = 0x80;
    } else if (b >= 0xE0 && b <= 0xEF) {
      len = 3, min = 0x800;
    } else if (b >= 0xF0 && b <= 0xF4) {
      len = 4, min = 0x10000;
    } else {
      return i;  // continuation byte, C0/C1 overlong lead, or F5..FF
    }
    if (i + len > n) return i;
    char32_t cp = b & (0xFF >> (len + 1));
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return kValidUtf8;
}

void AppendUtf8(char32_t cp, std::string* out) {
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

uint32_t Utf16Cursor::ToUtf16(size_t byte_offset) {
  if (byte_offset < byte_) byte_ = 0, units_ = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
  const size_t limit = std::min(byte_offset, text_.size());
  // Eight ASCII bytes at a time: one unit each.
  while (byte_ + 8 <= limit) {
    uint64_t block;
    std::memcpy(&block, p + byte_, 8);
    if (block & 0x8080808080808080ULL) break;
    byte_ += 8;
    units_ += 8;
  }
  while (byte_ < byte_offset && byte_ < text_.size()) {
    int len = Utf8SequenceLength(p[byte_]);
    byte_ += len;
    units_ += len == 4 ? 2 : 1;  // astral code points are surrogate pairs
  }
  return units_;
}

}  // namespace draftguard::internal
