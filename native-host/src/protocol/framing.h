// Native-messaging framing: a 4-byte unsigned length in native byte order,
// then that many bytes of UTF-8 JSON.
//
// Design decision: the decoder is push-based and does no I/O. The host reads
// whatever bytes the pipe has and Feed()s them; the decoder hands back whole
// frames, and for a frame whose length is over the cap it never allocates:
// it reports the frame once and then silently drains (skips) its bytes, so
// the next frame is read in step. The fuzz target drives this very class.
//
// Paranoia: the length is checked against the cap before anything is
// allocated; a frame is buffered only up to the bytes already received; a
// truncated frame at EOF is reported as such (the host ends cleanly).
#ifndef DRAFTGUARD_PROTOCOL_FRAMING_H_
#define DRAFTGUARD_PROTOCOL_FRAMING_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace draftguard::protocol {

// Browser→host frames over this many bytes are refused with `too_large`
// (Chromium itself allows up to 4 GiB, Firefox 4 GiB; we do not need them).
inline constexpr uint32_t kDefaultMaxFrameBytes = 8u << 20;
// Host→browser frames may not exceed 1 MiB: Chromium closes the port on a
// bigger one ("Error when communicating with the native messaging host").
inline constexpr size_t kMaxReplyBytes = 1u << 20;

class FrameDecoder {
 public:
  enum class Event {
    kNone,      // need more bytes
    kFrame,     // *frame holds one whole frame's payload
    kTooLarge,  // a frame of *too_large_bytes was announced; it is being skipped
  };

  explicit FrameDecoder(uint32_t max_frame_bytes = kDefaultMaxFrameBytes)
      : max_(max_frame_bytes) {}

  // Appends received bytes. Call Next() until it returns kNone before the
  // next Feed().
  void Feed(std::string_view bytes);

  // The next complete event, if any. On kFrame the payload is moved into
  // *frame (the decoder keeps no copy); on kTooLarge *announced is the length
  // the sender announced.
  Event Next(std::string* frame, uint64_t* announced);

  // True when bytes of an unfinished frame (or header) are pending: at EOF
  // that is a truncated frame.
  bool HasPartialFrame() const { return buf_.size() > pos_ || in_frame_ || skip_ > 0; }

  // Overwrites buffered bytes with zeros (drafts are not left in memory)
  // and forgets any partial frame.
  void Wipe();

 private:
  uint32_t max_;
  std::string buf_;    // unconsumed bytes (header, or payload of the current frame)
  size_t pos_ = 0;     // start of the unconsumed bytes in buf_
  uint64_t want_ = 0;  // payload bytes of the current frame, 0 = reading a header
  bool in_frame_ = false;
  uint64_t skip_ = 0;  // bytes of an over-long frame still to drop
};

// The 4-byte native-order header followed by `payload`.
std::string EncodeFrame(std::string_view payload);

}  // namespace draftguard::protocol

#endif  // DRAFTGUARD_PROTOCOL_FRAMING_H_
