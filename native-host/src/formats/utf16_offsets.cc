#include "formats/utf16_offsets.h"

namespace draftguard {

size_t Utf16ToUtf8::ByteOffset(uint32_t utf16_offset) {
  if (utf16_offset < units_) {
    byte_ = 0;
    units_ = 0;
  }
  while (byte_ < text_.size()) {
    unsigned char b = static_cast<unsigned char>(text_[byte_]);
    size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    uint32_t units = len == 4 ? 2 : 1;  // astral code points are surrogate pairs
    if (units_ + units > utf16_offset) break;
    byte_ += len;
    units_ += units;
  }
  if (byte_ > text_.size()) byte_ = text_.size();
  return byte_;
}

}  // namespace draftguard
