// The normalised view and its map back to the original (UTF-16 offsets are
// checked end to end in engine_test.cc).
#include "engine/normalizer.h"

#include <doctest/doctest.h>

#include "engine/utf8.h"

using draftguard::internal::FindInvalidUtf8;
using draftguard::internal::kValidUtf8;
using draftguard::internal::Normalize;
using draftguard::internal::NormalizeString;
using draftguard::internal::Utf16Cursor;

namespace {
// The original text behind the normalised bytes [a, b).
std::string Behind(std::string_view original, size_t a, size_t b) {
  auto v = Normalize(original);
  auto [begin, end] = v.ToOriginal(original, a, b);
  return std::string(original.substr(begin, end - begin));
}
}  // namespace

TEST_CASE("case, accents, ligatures and compatibility forms fold") {
  CHECK(NormalizeString("Chiffre d’Affaires") == "chiffre d'affaires");
  CHECK(NormalizeString("ÉTÉ Straße Ñandú") == "ete strasse nandu");
  CHECK(NormalizeString("ＲＯＡＳ ４.２") == "roas 4.2");         // full-width
  CHECK(NormalizeString("𝗰𝗼𝗻𝗳𝗶𝗱𝗲𝗻𝘁𝗶𝗮𝗹") == "confidential");    // "bold" Unicode letters
  CHECK(NormalizeString("ﬁnancial") == "financial");               // ligature
  CHECK(NormalizeString("12\u00a0000\u202f€") == "12 000 €");      // no-break spaces
  CHECK(NormalizeString("«\u00a0oui\u00a0» – “yes” — x4 × 2") == "\" oui \" - \"yes\" - x4 x 2");
}

TEST_CASE("zero-width and format characters vanish, combining marks are stripped") {
  CHECK(NormalizeString("confi\u200bdential") == "confidential");
  CHECK(NormalizeString("con\u00adfiden\u2060tial") == "confidential");
  CHECK(NormalizeString("cafe\u0301") == "cafe");
  CHECK(NormalizeString("\ufeffhello") == "hello");
}

TEST_CASE("white space collapses; a blank line is a paragraph break") {
  CHECK(NormalizeString("a \t  b\r\nc") == "a b c");
  CHECK(NormalizeString("a\r\n\r\nb") == "a\nb");
  CHECK(NormalizeString("a\n \n\tb") == "a\nb");
  CHECK(NormalizeString("  leading") == "leading");
}

TEST_CASE("every normalised byte maps back to the character it came from") {
  std::string original = "Caf\u00e9 🚀 STRASSE Straße";
  auto v = Normalize(original);
  REQUIRE(v.source.size() == v.text.size());
  CHECK(v.text == "cafe 🚀 strasse strasse");
  // "cafe" → "Café" (the é is two bytes, both carried).
  CHECK(Behind(original, 0, 4) == "Caf\u00e9");
  // The emoji survives as itself.
  size_t rocket = v.text.find("🚀");
  CHECK(Behind(original, rocket, rocket + 4) == "🚀");
  // "ss" from ß maps back to the whole ß.
  size_t last = v.text.rfind("strasse");
  CHECK(Behind(original, last, last + 7) == "Straße");
  CHECK(Behind(original, last + 4, last + 5) == "ß");
}

TEST_CASE("a span ending on a base letter carries its combining marks") {
  std::string original = "cafe\u0301 noir";  // e + COMBINING ACUTE
  auto v = Normalize(original);
  CHECK(v.text == "cafe noir");
  CHECK(Behind(original, 0, 4) == "cafe\u0301");
}

TEST_CASE("UTF-8 validation names the first bad byte") {
  CHECK(FindInvalidUtf8("plain ascii") == kValidUtf8);
  CHECK(FindInvalidUtf8("caf\xc3\xa9 🚀") == kValidUtf8);
  CHECK(FindInvalidUtf8("abc\xff") == 3);
  CHECK(FindInvalidUtf8("abc\xc3") == 3);               // truncated
  CHECK(FindInvalidUtf8("ab\xc0\xaf") == 2);            // overlong '/'
  CHECK(FindInvalidUtf8("x\xed\xa0\x80") == 1);         // UTF-16 surrogate
  CHECK(FindInvalidUtf8("x\xf4\x90\x80\x80") == 1);     // above U+10FFFF
  CHECK(FindInvalidUtf8("12345678\x80") == 8);          // after the 8-byte fast path
}

TEST_CASE("UTF-16 offsets count surrogate pairs as two units") {
  std::string s = "a\u00e9🚀b";  // 1 + 2 + 4 + 1 bytes; 1 + 1 + 2 + 1 units
  Utf16Cursor c(s);
  CHECK(c.ToUtf16(0) == 0);
  CHECK(c.ToUtf16(1) == 1);
  CHECK(c.ToUtf16(3) == 2);
  CHECK(c.ToUtf16(7) == 4);
  CHECK(c.ToUtf16(8) == 5);
  CHECK(c.ToUtf16(3) == 2);  // going back restarts
}
