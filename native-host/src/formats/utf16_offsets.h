// Finding offsets (UTF-16 code units, what the protocol and JavaScript use)
// back to byte offsets of the UTF-8 text they were computed on, for every
// reader that needs the text of findings: the CLI's excerpts, the audit's
// reports and the protocol's ignore keys.
#ifndef DRAFTGUARD_FORMATS_UTF16_OFFSETS_H_
#define DRAFTGUARD_FORMATS_UTF16_OFFSETS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace draftguard {

// An offset inside a surrogate pair maps to the start of its code point; one
// past the end maps to text.size().
// Cost: ascending queries cost the distance walked; a smaller offset than
// the previous one restarts from the beginning.
class Utf16ToUtf8 {
 public:
  explicit Utf16ToUtf8(std::string_view utf8) : text_(utf8) {}
  size_t ByteOffset(uint32_t utf16_offset);

 private:
  std::string_view text_;
  size_t byte_ = 0;
  uint32_t units_ = 0;
};

}  // namespace draftguard

#endif  // DRAFTGUARD_FORMATS_UTF16_OFFSETS_H_
