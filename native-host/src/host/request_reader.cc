#include "host/request_reader.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <sodium.h>

namespace draftguard::host {

RequestReader::~RequestReader() { decoder_.Wipe(); }

bool RequestReader::HasInput() const {
  pollfd p{fd_, POLLIN, 0};
  int n;
  while ((n = ::poll(&p, 1, 0)) < 0 && errno == EINTR) {
  }
  return n != 0;  // an error is for read(2) to report
}

bool RequestReader::ReadOnce() {
  ssize_t n;
  while ((n = ::read(fd_, buf_.data(), buf_.size())) < 0 && errno == EINTR) {
  }
  if (n <= 0) {
    if (n < 0) std::fprintf(stderr, "draftguard: reading stdin: %s\n", std::strerror(errno));
    if (decoder_.HasPartialFrame()) std::fprintf(stderr, "draftguard: stdin closed inside a frame; ending\n");
    decoder_.Wipe();
    return false;
  }
  decoder_.Feed(std::string_view(buf_.data(), static_cast<size_t>(n)));
  sodium_memzero(buf_.data(), static_cast<size_t>(n));
  for (;;) {
    uint64_t announced = 0;
    protocol::FrameDecoder::Event ev = decoder_.Next(&frame_, &announced);
    if (ev == protocol::FrameDecoder::Event::kNone) break;
    if (ev == protocol::FrameDecoder::Event::kTooLarge) {
      pending_.push_back(Incoming{.parsed = {}, .too_large = announced});
      continue;
    }
    // Constructed from Parse(), not assigned: assigning would copy the
    // request out of its wiping memory resource into the plain heap.
    pending_.push_back(Incoming{.parsed = protocol::Dispatcher::Parse(frame_)});
    if (!frame_.empty()) sodium_memzero(frame_.data(), frame_.size());
  }
  return true;
}

bool RequestReader::Take(Wait wait) {
  if (wait == Wait::kUntilSomething && !ReadOnce()) return false;
  for (int i = 0; i < kMaxReadsPerTake && HasInput(); ++i) {
    if (!ReadOnce()) return false;
  }
  return true;
}

Incoming RequestReader::Pop() {
  Incoming item = std::move(pending_.front());
  pending_.pop_front();
  return item;
}

bool RequestReader::HasAnalyzeFor(const std::string& editor) const {
  std::string e;
  for (const Incoming& i : pending_) {
    if (i.parsed.ok() && protocol::Dispatcher::IsAnalyze(i.parsed.request, &e) && e == editor) return true;
  }
  return false;
}

}  // namespace draftguard::host
