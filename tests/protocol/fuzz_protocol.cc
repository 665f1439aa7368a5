// libFuzzer target over framing + dispatcher: the bytes are a stdin stream
// (frames, partial frames, garbage). Every frame's reply must be JSON, an
// object with a "type", and within the reply cap.
//
// Run (clang): fuzz_protocol -max_total_time=20 WORKDIR tests/protocol/fuzz_corpus
// The store is absent (null): fuzzing must not write files; store-less
// requests still exercise every handler's field checks.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include <boost/json/parse.hpp>

#include "draftguard/packs.h"
#include "protocol/dispatcher.h"
#include "protocol/framing.h"

namespace {

draftguard::protocol::Dispatcher& TheDispatcher() {
  static std::unique_ptr<draftguard::Engine> engine =
      draftguard::Engine::Create(draftguard::Options(), draftguard::BuiltinPacks(), nullptr);
  static draftguard::protocol::Dispatcher d(engine.get(), nullptr, {});
  return d;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using draftguard::protocol::FrameDecoder;
  draftguard::protocol::Dispatcher& d = TheDispatcher();
  FrameDecoder decoder(1 << 16);
  std::string_view in(reinterpret_cast<const char*>(data), size);
  // The first byte picks how the stream is cut into reads.
  size_t step = in.empty() ? 1 : (static_cast<uint8_t>(in[0]) % 17) + 1;
  std::string frame;
  for (size_t i = 0; i < in.size(); i += step) {
    decoder.Feed(in.substr(i, step));
    uint64_t announced = 0;
    for (;;) {
      FrameDecoder::Event ev = decoder.Next(&frame, &announced);
      if (ev == FrameDecoder::Event::kNone) break;
      if (ev == FrameDecoder::Event::kTooLarge) {
        if (announced <= (1 << 16)) std::abort();
        continue;
      }
      std::string reply = d.HandleFrame(frame);
      if (reply.size() > draftguard::protocol::kMaxReplyBytes) std::abort();
      boost::system::error_code ec;
      boost::json::value v = boost::json::parse(reply, ec);
      if (ec || !v.is_object() || !v.get_object().contains("type")) std::abort();
    }
  }
  return 0;
}
