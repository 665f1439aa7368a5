#include "audit/text_encoding.h"

#include <utf8proc.h>

#include <cstring>

namespace draftguard::audit {
namespace {

// Windows-1252 0x80..0x9F, eight to a row; 0 where the code page defines
// nothing.
// clang-format off
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
// clang-format on

char32_t Cp1252(unsigned char b) {
  if (b >= 0x80 && b < 0xA0) {
    char16_t c = kCp1252High[b - 0x80];
    return c ? c : 0xFFFD;
  }
  return b;
}

void AppendUtf8(char32_t cp, std::string* out) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

// Length of the well-formed sequence at s[i], or 0 if it is not one.
size_t ValidSequenceAt(std::string_view s, size_t i) {
  utf8proc_int32_t cp;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                        static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  return n > 0 ? static_cast<size_t>(n) : 0;
}

bool AllAscii8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return (w & 0x8080808080808080ull) == 0;
}

}  // namespace

size_t RepairUtf8(std::string* text) {
  std::string_view s = *text;
  size_t i = 0;
  // Fast path: find the first invalid byte without copying anything.
  while (i < s.size()) {
    if (i + 8 <= s.size() && AllAscii8(s.data() + i)) {
      i += 8;
      continue;
    }
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t n = ValidSequenceAt(s, i);
    if (n == 0) break;
    i += n;
  }
  if (i == s.size()) return 0;

  std::string out;
  out.reserve(s.size() + 16);
  out.append(s.substr(0, i));
  size_t invalid = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    size_t n = ValidSequenceAt(s, i);
    if (n > 0) {
      out.append(s.substr(i, n));
      i += n;
    } else {
      AppendUtf8(Cp1252(b), &out);
      ++invalid;
      ++i;
    }
  }
  *text = std::move(out);
  return invalid;
}


}  // namespace draftguard::audit
