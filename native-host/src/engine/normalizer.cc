#include "engine/normalizer.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <mutex>

#include "engine/utf8.h"

namespace draftguard::internal {
namespace {

// What one code point becomes in the view.
enum class Kind : uint8_t { kText, kSpace, kNewline, kDrop };

struct Folded {
  Kind kind = Kind::kDrop;
  uint8_t len = 0;      // bytes of replacement text (kText)
  char bytes[22] = {};  // the longest NFKC+casefold expansions are ~18 bytes
};

bool IsCombiningOrFormat(utf8proc_category_t c) {
  return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_ME || c == UTF8PROC_CATEGORY_MC ||
         c == UTF8PROC_CATEGORY_CF;
}

// The special foldings of the view, beyond what NFKC and case folding do.
char32_t FoldPunctuation(char32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x02BC: case 0x2032:
    case 0xFF07: case 0x0060: case 0x00B4:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x2033: case 0xFF02:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      return '-';
    case 0x00D7:
      return 'x';
    default:
      return 0;
  }
}

Folded FoldCodePoint(char32_t cp) {
  Folded f;
  if (cp == '\n' || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
    f.kind = Kind::kNewline;
    return f;
  }
  if (char32_t p = FoldPunctuation(cp)) {
    f.kind = Kind::kText;
    f.len = 1;
    f.bytes[0] = static_cast<char>(p);
    return f;
  }
  const utf8proc_property_t* prop = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
  auto category = static_cast<utf8proc_category_t>(prop->category);
  if (category == UTF8PROC_CATEGORY_ZS || cp == '\t' || cp == '\r' || cp == '\v' || cp == '\f') {
    f.kind = Kind::kSpace;
    return f;
  }
  if (IsCombiningOrFormat(category) || prop->ignorable) return f;  // kDrop
  if (category == UTF8PROC_CATEGORY_CC) return f;                  // other controls
  utf8proc_int32_t out[8];
  int last_boundclass = 0;
  utf8proc_ssize_t n = utf8proc_decompose_char(
      static_cast<utf8proc_int32_t>(cp), out, 8,
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                     UTF8PROC_STRIPMARK | UTF8PROC_IGNORE),
      &last_boundclass);
  if (n < 0 || n > 8) {  // cannot happen for valid code points; keep it as is
    out[0] = static_cast<utf8proc_int32_t>(cp);
    n = 1;
  }
  std::string s;
  for (utf8proc_ssize_t k = 0; k < n; ++k) {
    char32_t c = static_cast<char32_t>(out[k]);
    auto cat = static_cast<utf8proc_category_t>(utf8proc_get_property(out[k])->category);
    if (IsCombiningOrFormat(cat)) continue;
    if (cat == UTF8PROC_CATEGORY_ZS) c = ' ';   // e.g. NBSP inside an expansion
    if (char32_t p = FoldPunctuation(c)) c = p;
    AppendUtf8(c, &s);
  }
  if (s.empty()) return f;
  if (s == " ") {
    f.kind = Kind::kSpace;
    return f;
  }
  f.kind = Kind::kText;
  f.len = static_cast<uint8_t>(std::min(s.size(), sizeof f.bytes));
  std::copy_n(s.data(), f.len, f.bytes);
  return f;
}

// Foldings of the Basic Multilingual Plane, computed once (a few ms).
const std::vector<Folded>& BmpTable() {
  static const std::vector<Folded>* table = [] {
    auto* t = new std::vector<Folded>(0x10000);
    for (char32_t cp = 0; cp < 0x10000; ++cp) {
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;
      (*t)[cp] = FoldCodePoint(cp);
    }
    return t;
  }();
  return *table;
}

Folded Fold(char32_t cp) {
  if (cp < 0x10000) return BmpTable()[cp];
  // Emoji and other pictographs are kept verbatim without asking utf8proc.
  if (cp >= 0x1F000 && cp <= 0x1FAFF) {
    Folded f;
    f.kind = Kind::kText;
    std::string s;
    AppendUtf8(cp, &s);
    f.len = static_cast<uint8_t>(s.size());
    std::copy_n(s.data(), f.len, f.bytes);
    return f;
  }
  return FoldCodePoint(cp);
}

struct AsciiTable {
  std::array<char, 128> fold{};
  std::array<Kind, 128> kind{};
  AsciiTable() {
    for (int c = 0; c < 128; ++c) {
      Folded f = FoldCodePoint(static_cast<char32_t>(c));
      kind[c] = f.kind;
      fold[c] = f.len ? f.bytes[0] : 0;
    }
  }
};
const AsciiTable kAscii;

// Appends the view of `original` to out; map (may be null) receives the
// source offset of every byte appended.
//
// The bytes go through raw pointers into buffers sized ahead, and the sizes
// are set right at the end. The buffers always have room for one byte per
// input byte still to come plus one: enough for ASCII and white space, which
// never emit more than they consume; a character that folds to more bytes
// than it had grows them first.
void NormalizeInto(std::string_view original, std::string* out, std::vector<uint32_t>* map) {
  const auto* p = reinterpret_cast<const unsigned char*>(original.data());
  const size_t n = original.size();
  size_t w = out->size();
  char* o = nullptr;
  uint32_t* m = nullptr;
  // Makes room for `size` bytes in all and points o and m at the buffers.
  auto ensure = [&](size_t size) {
    if (size > out->size()) {
      size = std::max(size, out->size() + out->size() / 2);
      out->resize(size);
      if (map) map->resize(size);
    }
    o = out->data();
    if (map) m = map->data();
  };
  ensure(w + n + 1);

  // Pending white space: 0 none, 1 a space, 2 a line break, 3 a blank line.
  int pending_space = 0;
  size_t space_source = 0;
  auto flush_space = [&] {
    if (pending_space && w > 0) {
      o[w] = pending_space == 3 ? '\n' : ' ';
      if (m) m[w] = static_cast<uint32_t>(space_source);
      ++w;
    }
    pending_space = 0;
  };
  auto add_space = [&](Kind kind, size_t source) {
    if (!pending_space) space_source = source;
    if (kind == Kind::kNewline) {
      pending_space = pending_space >= 2 ? 3 : 2;
    } else if (!pending_space) {
      pending_space = 1;
    }
  };
  size_t i = 0;
  while (i < n) {
    unsigned char b = p[i];
    if (b < 0x80) {
      Kind kind = kAscii.kind[b];
      if (kind == Kind::kText) {
        flush_space();
        // A run of ASCII text, the bulk of most drafts, in one go.
        do {
          o[w] = kAscii.fold[p[i]];
          if (m) m[w] = static_cast<uint32_t>(i);
          ++w;
          ++i;
        } while (i < n && p[i] < 0x80 && kAscii.kind[p[i]] == Kind::kText);
        continue;
      }
      if (kind != Kind::kDrop) add_space(kind, i);
      ++i;
      continue;
    }
    size_t start = i;
    char32_t cp = DecodeUtf8(original, &i);
    Folded f = Fold(cp);
    if (f.kind == Kind::kText) {
      flush_space();
      ensure(w + f.len + (n - i) + 1);
      for (int k = 0; k < f.len; ++k) {
        o[w] = f.bytes[k];
        if (m) m[w] = static_cast<uint32_t>(start);
        ++w;
      }
    } else if (f.kind != Kind::kDrop) {
      add_space(f.kind, start);
    }
  }
  out->resize(w);
  if (map) map->resize(w);
}

}  // namespace

NormalizedText Normalize(std::string_view original) {
  NormalizedText v;
  NormalizeInto(original, &v.text, &v.source);
  return v;
}

std::string NormalizeString(std::string_view s) {
  std::string out;
  NormalizeInto(s, &out, nullptr);
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  return out;
}

std::pair<size_t, size_t> NormalizedText::ToOriginal(std::string_view original, size_t a,
                                                     size_t b) const {
  size_t begin = source[a];
  size_t end = source[b - 1];
  end += Utf8SequenceLength(static_cast<unsigned char>(original[end]));
  // Carry combining marks and joiners that belong to the last character.
  while (end < original.size()) {
    size_t next = end;
    char32_t cp = DecodeUtf8(original, &next);
    if (cp < 0x300) break;
    auto cat = static_cast<utf8proc_category_t>(
        utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->category);
    bool joins = cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_ME ||
                 cat == UTF8PROC_CATEGORY_MC || (cp >= 0xFE00 && cp <= 0xFE0F);
    if (!joins) break;
    end = next;
  }
  return {begin, end};
}

}  // namespace draftguard::internal
