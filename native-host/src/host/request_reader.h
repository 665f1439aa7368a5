// The host's input: stdin turned into parsed requests, waiting in order.
//
// Design decision: the host reads stdin on the thread that answers, between
// replies, not on a reader thread of its own. Handing every request from a
// reader thread to the answering one cost a thread wake-up (often on the
// other CPU) per request and bought nothing: before the host picks its next
// request it takes in everything the browser has sent meanwhile
// (Take(kNoWait)), so an analyze request still sees any newer one for the
// same editor (HasAnalyzeFor) and is answered `superseded`, as when a reader
// thread queued them.
#ifndef DRAFTGUARD_HOST_REQUEST_READER_H_
#define DRAFTGUARD_HOST_REQUEST_READER_H_

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "protocol/dispatcher.h"
#include "protocol/framing.h"

namespace draftguard::host {

// One request as read: parsed (or the error that replaces it), or a frame
// over the cap that was skipped.
struct Incoming {
  protocol::ParsedRequest parsed;
  uint64_t too_large = 0;  // > 0: a frame of this many bytes was skipped
};

class RequestReader {
 public:
  enum class Wait { kUntilSomething, kNoWait };

  RequestReader(int fd, uint32_t max_frame_bytes) : fd_(fd), decoder_(max_frame_bytes), buf_(64 << 10) {}
  ~RequestReader();
  RequestReader(const RequestReader&) = delete;
  RequestReader& operator=(const RequestReader&) = delete;

  // Reads what has arrived (kUntilSomething: first waits for bytes) and
  // queues its whole frames for Pop(). Returns false once stdin is closed
  // (or fails); reasons go to stderr.
  bool Take(Wait wait);

  // Whether requests read are waiting to be answered.
  bool empty() const { return pending_.empty(); }
  // The oldest waiting request (requires !empty()). Moved out, never
  // copied: its JSON keeps its (wiping) memory resource.
  Incoming Pop();

  // Is an analyze request for `editor` waiting?
  bool HasAnalyzeFor(const std::string& editor) const;

 private:
  // Bounded so that a sender who never pauses cannot keep the host from
  // answering: 64 reads of 64 KiB, then the rest on the next turn.
  static constexpr int kMaxReadsPerTake = 64;

  // Are bytes (or the end of input) waiting to be read?
  bool HasInput() const;
  // One read(2) into buf_, fed to the decoder; false at the end of input.
  bool ReadOnce();

  int fd_;
  protocol::FrameDecoder decoder_;
  std::vector<char> buf_;
  std::string frame_;
  std::deque<Incoming> pending_;
};

}  // namespace draftguard::host

#endif  // DRAFTGUARD_HOST_REQUEST_READER_H_
