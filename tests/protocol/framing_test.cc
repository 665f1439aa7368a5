#include "protocol/framing.h"

#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <vector>

namespace draftguard::protocol {
namespace {

TEST_CASE("frames split across reads are reassembled") {
  FrameDecoder d(1024);
  std::string bytes = EncodeFrame("{\"id\":1}") + EncodeFrame("") + EncodeFrame("[2]");
  std::string frame;
  uint64_t announced = 0;
  std::vector<std::string> got;
  for (char c : bytes) {  // one byte at a time: the worst a pipe can do
    d.Feed(std::string_view(&c, 1));
    while (d.Next(&frame, &announced) == FrameDecoder::Event::kFrame) got.push_back(frame);
  }
  REQUIRE(got.size() == 3);
  CHECK(got[0] == "{\"id\":1}");
  CHECK(got[1].empty());
  CHECK(got[2] == "[2]");
  CHECK_FALSE(d.HasPartialFrame());
}

TEST_CASE("an over-long frame is reported once, skipped without buffering, and the next is read") {
  FrameDecoder d(8);
  std::string big(100, 'x');
  d.Feed(EncodeFrame(big).substr(0, 10));  // header + 6 payload bytes
  std::string frame;
  uint64_t announced = 0;
  CHECK(d.Next(&frame, &announced) == FrameDecoder::Event::kTooLarge);
  CHECK(announced == 100);
  CHECK(d.Next(&frame, &announced) == FrameDecoder::Event::kNone);
  CHECK(d.HasPartialFrame());
  d.Feed(EncodeFrame(big).substr(10) + EncodeFrame("ok"));
  CHECK(d.Next(&frame, &announced) == FrameDecoder::Event::kFrame);
  CHECK(frame == "ok");
  CHECK_FALSE(d.HasPartialFrame());
}

TEST_CASE("a truncated frame is visible as a partial frame") {
  FrameDecoder d;
  d.Feed(EncodeFrame("{\"id\":1}").substr(0, 6));
  std::string frame;
  uint64_t announced = 0;
  CHECK(d.Next(&frame, &announced) == FrameDecoder::Event::kNone);
  CHECK(d.HasPartialFrame());
  d.Wipe();
  CHECK_FALSE(d.HasPartialFrame());
}

TEST_CASE("the header is the native-order length") {
  std::string f = EncodeFrame("abc");
  uint32_t len = 0;
  std::memcpy(&len, f.data(), 4);
  CHECK(len == 3);
  CHECK(f.substr(4) == "abc");
}

}  // namespace
}  // namespace draftguard::protocol
