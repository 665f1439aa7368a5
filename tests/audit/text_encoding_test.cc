#include "audit/text_encoding.h"
#include "formats/utf16_offsets.h"

#include <doctest/doctest.h>

#include <string>

namespace draftguard::audit {
namespace {

TEST_CASE("utf8: valid text is left alone") {
  std::string s = "plain ASCII, é, 🚀, 中文";
  std::string before = s;
  CHECK(RepairUtf8(&s) == 0);
  CHECK(s == before);
}

TEST_CASE("utf8: Windows-1252 bytes are decoded and counted") {
  std::string s = "Pr\xE9sentation l\x92\xE9quipe \x80 5";
  CHECK(RepairUtf8(&s) == 4);
  CHECK(s == "Présentation l’équipe € 5");
}

TEST_CASE("utf8: undefined bytes, overlongs, surrogates and truncation are invalid") {
  std::string undefined = "a\x81z";
  CHECK(RepairUtf8(&undefined) == 1);
  CHECK(undefined == "a\uFFFDz");

  std::string overlong = "\xC0\xAF";  // overlong '/'
  CHECK(RepairUtf8(&overlong) == 2);

  std::string surrogate = "\xED\xA0\x80";  // U+D800
  CHECK(RepairUtf8(&surrogate) == 3);

  std::string truncated = "ok \xF0\x9F\x9A";  // a rocket missing its last byte
  CHECK(RepairUtf8(&truncated) == 3);
  size_t dummy = RepairUtf8(&truncated);
  CHECK(dummy == 0);  // the repaired text is valid
}

TEST_CASE("utf16 offsets map to byte offsets, surrogate pairs included") {
  std::string s = "🎉🎉 Falcon é";  // 🎉 is 2 UTF-16 units, 4 bytes
  Utf16ToUtf8 map(s);
  CHECK(map.ByteOffset(0) == 0);
  CHECK(map.ByteOffset(2) == 4);
  CHECK(map.ByteOffset(5) == 9);    // "F"
  CHECK(map.ByteOffset(11) == 15);  // " " after Falcon
  CHECK(s.substr(9, 15 - 9) == "Falcon");
  CHECK(map.ByteOffset(12) == 16);  // é
  CHECK(map.ByteOffset(13) == s.size());
  CHECK(map.ByteOffset(99) == s.size());
  CHECK(map.ByteOffset(1) == 0);  // inside a pair: its start; going back restarts
  CHECK(map.ByteOffset(3) == 4);
}

}  // namespace
}  // namespace draftguard::audit
