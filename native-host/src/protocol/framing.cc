#include "protocol/framing.h"

#include <algorithm>
#include <cstring>

#include <sodium.h>

namespace draftguard::protocol {

void FrameDecoder::Feed(std::string_view bytes) {
  // Bytes of a frame being skipped are never stored.
  if (skip_ > 0 && pos_ == buf_.size()) {
    uint64_t drop = std::min<uint64_t>(skip_, bytes.size());
    skip_ -= drop;
    bytes.remove_prefix(static_cast<size_t>(drop));
  }
  if (bytes.empty()) return;
  // Compact before growing so the buffer holds at most one frame plus what
  // follows it in this read.
  if (pos_ > 0) {
    size_t rest = buf_.size() - pos_;
    std::memmove(buf_.data(), buf_.data() + pos_, rest);
    sodium_memzero(buf_.data() + rest, pos_);
    buf_.resize(rest);
    pos_ = 0;
  }
  buf_.append(bytes.data(), bytes.size());
}

FrameDecoder::Event FrameDecoder::Next(std::string* frame, uint64_t* announced) {
  for (;;) {
    size_t avail = buf_.size() - pos_;
    if (skip_ > 0) {
      uint64_t drop = std::min<uint64_t>(skip_, avail);
      sodium_memzero(buf_.data() + pos_, static_cast<size_t>(drop));
      pos_ += static_cast<size_t>(drop);
      skip_ -= drop;
      if (skip_ > 0) return Event::kNone;
      continue;
    }
    if (!in_frame_) {
      if (avail < 4) return Event::kNone;
      uint32_t len;
      std::memcpy(&len, buf_.data() + pos_, 4);  // native byte order
      pos_ += 4;
      if (len > max_) {
        skip_ = len;
        if (announced) *announced = len;
        return Event::kTooLarge;
      }
      want_ = len;
      in_frame_ = true;
      // One allocation for the whole frame: no stale partial copies of a
      // draft are left behind by reallocation.
      if (buf_.capacity() < pos_ + want_) {
        std::string bigger;
        bigger.reserve(pos_ + want_);
        bigger.assign(buf_);
        sodium_memzero(buf_.data(), buf_.size());
        buf_.swap(bigger);
      }
      avail = buf_.size() - pos_;
    }
    if (avail < want_) return Event::kNone;
    frame->assign(buf_.data() + pos_, static_cast<size_t>(want_));
    sodium_memzero(buf_.data() + pos_, static_cast<size_t>(want_));
    pos_ += static_cast<size_t>(want_);
    want_ = 0;
    in_frame_ = false;
    if (pos_ == buf_.size()) {
      buf_.clear();
      pos_ = 0;
    }
    return Event::kFrame;
  }
}

void FrameDecoder::Wipe() {
  if (!buf_.empty()) sodium_memzero(buf_.data(), buf_.size());
  buf_.clear();
  pos_ = 0;
  want_ = 0;
  in_frame_ = false;
  skip_ = 0;
}

std::string EncodeFrame(std::string_view payload) {
  std::string out(4 + payload.size(), '\0');
  uint32_t len = static_cast<uint32_t>(payload.size());
  std::memcpy(out.data(), &len, 4);
  std::memcpy(out.data() + 4, payload.data(), payload.size());
  return out;
}

}  // namespace draftguard::protocol
